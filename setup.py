"""Maps the repository's app folders into one import package, ``clinic_pages``.

The repository keeps one folder per app at its top (``treatments/``, ``home/``, ...); installed,
each is ``clinic_pages.<app>`` with its templates, static files and migrations inside, so
nothing but ``clinic_pages`` lands at the top of site-packages. Everything else about the
distribution is declared in pyproject.toml.
"""

from setuptools import find_packages, setup

APPS = [
    "core",
    "clinics",
    "home",
    "treatments",
    "conditions",
    "references",
    "physicians",
    "faqs",
    "articles",
    "appointments",
    "stories",
    "search",
    "seo",
    "governance",
    "onboarding",
    "demo",
]

package_dir = {"clinic_pages": "clinic_pages"} | {f"clinic_pages.{app}": app for app in APPS}
packages = ["clinic_pages"]
for app in APPS:
    packages += [f"clinic_pages.{app}"]
    packages += [f"clinic_pages.{app}.{sub}" for sub in find_packages(where=app)]

setup(packages=packages, package_dir=package_dir)
