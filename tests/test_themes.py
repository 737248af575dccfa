"""Themes: what a visitor sees change with the clinic's theme, contrast that holds by
construction, fonts served from the site itself, and the editor's preview before saving."""

from __future__ import annotations

import itertools
import re
import tomllib
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.admin.panels import get_edit_handler
from wagtail.blocks.base import BlockField
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupSitePermission

from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.core.csp import source_hash
from clinic_pages.core.page_cache import STATUS_HEADER
from clinic_pages.core.themes import (
    THEMES,
    UI_MINIMUM,
    Theme,
    colour_roles,
    theme_spec,
)
from clinic_pages.core.validators import contrast_ratio
from tests import factories

ROOT = Path(__file__).resolve().parent.parent
CSS = ROOT / "core/static/clinic_pages/css/site.css"
FONTS = ROOT / "core/static/clinic_pages/fonts"
DEMO = ROOT / "demo/data"
SETTINGS_ARGS = ("clinic_pages_clinics", "clinicsettings")


def _demo_clinics() -> dict[str, dict]:
    return {
        path.parent.name: tomllib.loads(path.read_text())
        for path in sorted(DEMO.glob("*/clinic.toml"))
        if path.parent.name != "shared"  # what every clinic's file starts from
    }


def _failures(roles) -> list[str]:
    return [
        f"{name}: {fg} on {bg} is {contrast_ratio(fg, bg):.2f}:1, needs {minimum}:1"
        for name, fg, bg, minimum in roles.pairs()
        if contrast_ratio(fg, bg) < minimum
    ]


def _style(html: str) -> str:
    return html.split("<style>", 1)[1].split("</style>", 1)[0]


def _set_theme(clinic, theme: str) -> None:
    clinic.settings.theme = theme
    clinic.settings.save()


# Contrast by construction


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("slug", list(_demo_clinics()))
def test_every_theme_makes_each_demo_clinics_colours_pass_aa(theme, slug):
    spec = _demo_clinics()[slug]
    roles = colour_roles(theme, spec["brand_colour"], spec["accent_colour"])
    assert _failures(roles) == []


@pytest.mark.parametrize("theme", list(THEMES))
def test_every_theme_makes_any_colour_pass_aa(theme):
    # 512 colours spread over the whole RGB cube (8 levels per channel), each as the brand
    # colour with another as the accent: pale, neon, mid-grey and near-black alike.
    levels = [round(i * 255 / 7) for i in range(8)]
    colours = [f"#{r:02x}{g:02x}{b:02x}" for r, g, b in itertools.product(levels, repeat=3)]
    failures = []
    for brand, accent in zip(colours, reversed(colours), strict=True):
        failures += [
            f"{brand}/{accent}: {f}" for f in _failures(colour_roles(theme, brand, accent))
        ]
    assert failures == []


def test_a_readable_brand_colour_is_kept_as_the_clinic_chose_it():
    roles = colour_roles(Theme.CLINICAL, "#1f4e79", "#7a3b00")
    assert (roles.primary, roles.accent) == ("#1f4e79", "#7a3b00")
    assert roles.on_primary == "#ffffff"


def test_a_pale_brand_colour_is_darkened_just_enough():
    roles = colour_roles(Theme.WARM, "#ffcc00", "#99ccff")
    assert roles.primary != "#ffcc00"
    ratio = contrast_ratio(roles.primary, roles.surface_alt)
    assert 4.5 <= ratio < 5.0  # readable, and still the clinic's yellow, not black


def test_text_over_the_photo_stays_readable_whatever_the_photo_shows():
    roles = colour_roles(Theme.WARM, "#2f5d3a", "#7a4a00")
    red, green, blue = (int(roles.primary[i : i + 2], 16) for i in (1, 3, 5))
    assert roles.scrim == f"rgb({red} {green} {blue} / {roles.scrim_opacity:.2f})"
    for pixel in ((255, 255, 255), (0, 0, 0)):
        blended = "#" + "".join(
            f"{round(p + (c - p) * roles.scrim_opacity):02x}"
            for p, c in zip(pixel, (red, green, blue), strict=True)
        )
        assert contrast_ratio(roles.on_primary, blended) >= 4.5


def test_focus_rings_reach_3_to_1_on_every_light_surface():
    for theme in THEMES:
        roles = colour_roles(theme, "#0b5566", "#a13d2d")
        for surface in (roles.surface, roles.surface_alt, roles.primary_soft):
            assert contrast_ratio(roles.focus, surface) >= UI_MINIMUM


def test_the_page_emits_the_fitted_colours_allowed_by_the_policys_hash(clinic):
    # A pale colour saved before the validator existed (or by a script) is never shown as is.
    ClinicSettings.objects.filter(pk=clinic.settings.pk).update(
        brand_colour="#66aaee", accent_colour="#ffaa00", theme=Theme.WARM
    )
    response = clinic.get(Client(), clinic.home)
    style = _style(response.content.decode())
    roles = colour_roles(Theme.WARM, "#66aaee", "#ffaa00")
    assert style == roles.css()
    assert f"--primary:{roles.primary};" in style and "#66aaee" not in style
    assert f"--accent:{roles.accent};" in style and "#ffaa00" not in style
    assert source_hash(style) in response["Content-Security-Policy"]


# What the theme changes on the page


@pytest.fixture
def home_with_content(clinic):
    clinic.home.welcome = "We listen first."
    clinic.home.save_revision().publish()
    treatment = factories.TreatmentPageFactory(parent=clinic.treatments, title="Nerve block")
    treatment.save_revision().publish()
    condition = factories.ConditionPageFactory(parent=clinic.conditions, title="Sciatica")
    condition.save_revision().publish()
    return clinic


@pytest.mark.parametrize("theme", list(THEMES))
def test_the_theme_sets_the_layout_fonts_and_section_order(home_with_content, theme):
    clinic = home_with_content
    _set_theme(clinic, theme)
    spec = theme_spec(theme)
    html = clinic.get(Client(), clinic.home).content.decode()

    assert f'<html lang="en" data-theme="{theme}">' in html
    assert f'class="hero hero--{spec.hero} hero--no-image"' in html
    preloaded = re.findall(r'<link rel="preload" href="([^"]+)" as="font"', html)
    assert [Path(href).name for href in preloaded] == list(spec.fonts)
    assert all(href.startswith("/static/clinic_pages/fonts/") for href in preloaded)
    shown = [s for s in spec.home_sections if f'id="{s}-heading"' in html]
    assert shown == [s for s in spec.home_sections if s in {"welcome", "treatments", "conditions"}]
    positions = [html.index(f'id="{section}-heading"') for section in shown]
    assert positions == sorted(positions)


def test_the_themes_differ_in_section_order_and_hero():
    assert len({spec.home_sections for spec in THEMES.values()}) == len(THEMES) >= 3
    assert len({spec.hero for spec in THEMES.values()}) == len(THEMES)
    assert len({spec.fonts for spec in THEMES.values()}) == len(THEMES)


def test_a_theme_change_reaches_the_cached_home_page(clinic):
    first = clinic.get(Client(), clinic.home)
    assert 'data-theme="calm"' in first.content.decode()
    assert clinic.get(Client(), clinic.home)[STATUS_HEADER] == "hit"

    _set_theme(clinic, Theme.CLINICAL)

    response = clinic.get(Client(), clinic.home)
    assert response[STATUS_HEADER] == "miss"
    assert 'data-theme="clinical"' in response.content.decode()
    assert "hero--split" in response.content.decode()


def test_a_theme_change_reaches_other_cached_pages_too(clinic):
    clinic.get(Client(), clinic.treatments)
    _set_theme(clinic, Theme.WARM)
    response = clinic.get(Client(), clinic.treatments)
    assert 'data-theme="warm"' in response.content.decode()


def test_the_hero_shows_each_crop_at_its_own_width(clinic):
    image = get_image_model().objects.create(
        title="Waiting room", file=get_test_image_file(size=(1400, 1000))
    )
    clinic.home.hero_image = image
    clinic.home.save_revision().publish()
    _set_theme(clinic, Theme.CLINICAL)
    html = clinic.get(Client(), clinic.home).content.decode()
    picture = re.search(r'<div class="hero__media">\s*(<picture>.*?</picture>)', html, re.S)
    assert picture, "the hero's picture is inside the hero, beside the text"
    wide = re.findall(r'<source media="\(min-width: 48rem\)" type="([^"]+)" srcset="([^"]+)"', html)
    assert [mime for mime, _ in wide] == ["image/avif", "image/webp", "image/jpeg"]
    assert "640w" in wide[0][1] and "960w" in wide[0][1]  # square crops beside the text
    img = re.search(r"<img [^>]*>", picture.group(1)).group(0)
    # Below the breakpoint, the tall 2:3 crop beside the text.
    assert 'width="240"' in img and 'height="360"' in img and 'class="hero__image"' in img
    assert 'alt=""' in img and 'fetchpriority="high"' in img
    for srcset in re.findall(r'srcset="([^"]+)"', picture.group(1)):
        widths = [c.rsplit(" ", 1)[1] for c in srcset.split(", ")]
        assert len(widths) == len(set(widths))


# Fonts from the site itself


def test_the_stylesheet_loads_nothing_from_another_site():
    css = CSS.read_text()
    urls = re.findall(r"url\(([^)]*)\)", css)
    assert urls, "the fonts are declared"
    for url in urls:
        url = url.strip("\"'")
        assert not re.match(r"^(https?:)?//", url), url
        assert (CSS.parent / url).resolve().is_file(), url
    assert "@import" not in css


def test_every_font_is_declared_with_swap_and_ships_its_licence():
    css = CSS.read_text()
    faces = re.findall(r"@font-face\s*{[^}]*}", css)
    assert faces and all("font-display: swap" in face for face in faces)
    files = sorted(FONTS.glob("*.woff2"))
    assert files
    for font in files:
        family = font.name.split("-latin")[0]
        licence = FONTS / f"{family}-OFL.txt"
        assert "SIL Open Font License" in licence.read_text(), font.name
        assert font.read_bytes()[:4] == b"wOF2"
    for spec in THEMES.values():
        assert all((FONTS / name).is_file() for name in spec.fonts)


# The demo


def test_the_demo_clinics_use_at_least_three_themes():
    themes = {slug: spec.get("theme") for slug, spec in _demo_clinics().items()}
    assert set(themes.values()) <= set(Theme.values)
    assert len(set(themes.values())) >= 3


# The editor's preview


def _preview_url(site) -> str:
    return reverse("wagtailsettings:preview_on_edit", args=[*SETTINGS_ARGS, site.pk])


def _form_data(user, settings, **changes) -> dict:
    """What the settings form posts unchanged (its inline panels and block lists empty), with
    ``changes``."""
    form = get_edit_handler(ClinicSettings).get_form_class()(instance=settings, for_user=user)
    data = {}
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            data[f"{name}-count"] = "0"  # an empty list of blocks
            continue
        value = form[name].value()
        if value is False or value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value)
    for formset in form.formsets.values():
        data |= {f"{formset.prefix}-TOTAL_FORMS": "0", f"{formset.prefix}-INITIAL_FORMS": "0"}
    return data | changes


def _settings_editor(clinic, django_user_model):
    user = django_user_model.objects.create_user(f"{clinic.slug}-settings", password="x")
    group = Group.objects.create(name=f"{clinic.slug} settings")
    user.groups.add(group)
    GroupSitePermission.objects.create(
        group=group,
        site=clinic.site,
        permission=Permission.objects.get(codename="change_clinicsettings"),
    )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_an_editor_previews_a_theme_before_saving_it(clinic, django_user_model):
    client = Client(HTTP_HOST=clinic.host)
    user = _settings_editor(clinic, django_user_model)
    client.force_login(user)
    edit = client.get(reverse("wagtailsettings:edit", args=[*SETTINGS_ARGS, clinic.site.pk]))
    assert _preview_url(clinic.site) in edit.content.decode()  # the preview panel is offered

    posted = client.post(_preview_url(clinic.site), _form_data(user, clinic.settings, theme="warm"))
    assert posted.json() == {"is_valid": True, "is_available": True}
    preview = client.get(_preview_url(clinic.site))

    assert preview.status_code == 200
    html = preview.content.decode()
    assert 'data-theme="warm"' in html and "hero--overlay" in html
    assert clinic.home.hero_heading in html
    assert "private" in preview["Cache-Control"]
    assert STATUS_HEADER not in preview
    # Nothing was saved, and visitors still see the saved theme, from a fresh render.
    assert ClinicSettings.objects.get(pk=clinic.settings.pk).theme == "calm"
    public = clinic.get(Client(), clinic.home)
    assert public[STATUS_HEADER] == "miss"
    assert 'data-theme="calm"' in public.content.decode()


def test_another_clinics_editor_cannot_preview_this_clinics_settings(
    make_clinic, django_user_model
):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    client = Client(HTTP_HOST=beta.host)
    user = _settings_editor(beta, django_user_model)
    client.force_login(user)
    posted = client.post(_preview_url(alpha.site), _form_data(user, alpha.settings, theme="warm"))
    assert posted.status_code in (302, 403)
    response = client.get(_preview_url(alpha.site))
    assert response.status_code in (302, 403)
    assert alpha.home.hero_heading not in response.content.decode()


def test_a_visitor_cannot_preview(clinic):
    response = Client(HTTP_HOST=clinic.host).get(_preview_url(clinic.site))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_the_hero_crops_follow_the_images_focal_point(clinic):
    image = get_image_model().objects.create(
        title="Treatment room", file=get_test_image_file(size=(1400, 1000))
    )
    clinic.home.hero_image = image
    clinic.home.save_revision().publish()

    def hero_sources() -> set[str]:
        html = clinic.get(Client(), clinic.home).content.decode()
        picture = re.search(r'<div class="hero__media">\s*(<picture>.*?</picture>)', html, re.S)
        return set(re.findall(r"(/media/images/\S+)", picture.group(1)))

    centred = hero_sources()
    image.focal_point_x, image.focal_point_y = 1300, 500
    image.focal_point_width, image.focal_point_height = 100, 100
    image.save()
    # A new crop around the marked spot: none of the renditions is the centred one.
    assert hero_sources().isdisjoint(centred)
