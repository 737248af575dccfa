"""The Django project of Clinic Pages, importable as ``clinic_site`` (see pyproject.toml)."""
