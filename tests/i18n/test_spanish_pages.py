"""A clinic's Spanish pages: served under /es/, in Spanish, linked to their English versions."""

from __future__ import annotations

import json
import re

from django.core.cache import cache
from wagtail.models import Site

from clinic_pages.core.purge import site_urls
from tests.i18n.translating import speak, translate


def _alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_spanish_home_page_is_served_in_spanish(bilingual, client):
    response = client.get("/es/", HTTP_HOST=bilingual.host)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es"' in html
    assert "<title>Inicio | Alpha Practice</title>" in html
    assert "Saltar al contenido principal" in html
    assert "Skip to main content" not in html
    english = client.get("/", HTTP_HOST=bilingual.host).content.decode()
    assert '<html lang="en"' in english
    assert "Skip to main content" in english
    assert "Contact us" in english


def test_spanish_pages_speak_the_plugins_own_spanish(bilingual, client):
    """Strings of the plugin's catalogue (core/locale), not Django's or Wagtail's."""
    html = client.get("/es/treatments/", HTTP_HOST=bilingual.host).content.decode()
    assert "Todavía no hay tratamientos para mostrar." in html
    assert ">Contáctenos</h2>" in html
    assert "Contact us" not in html
    assert "There are no treatments to show yet." not in html


def test_spanish_section_page_is_served_under_es(bilingual, client):
    response = client.get("/es/treatments/", HTTP_HOST=bilingual.host)
    assert response.status_code == 200
    assert "<h1>Tratamientos</h1>" in response.content.decode()


def test_hreflang_alternates_are_reciprocal_with_x_default(bilingual, client):
    english = _alternates(client.get("/treatments/", HTTP_HOST=bilingual.host).content.decode())
    spanish = _alternates(client.get("/es/treatments/", HTTP_HOST=bilingual.host).content.decode())
    expected = {
        "en": "http://alpha.localhost/treatments/",
        "es": "http://alpha.localhost/es/treatments/",
        "x-default": "http://alpha.localhost/treatments/",
    }
    assert english == expected
    assert spanish == expected


def test_language_switcher_links_each_version_in_its_own_language(bilingual, client):
    html = client.get("/es/treatments/", HTTP_HOST=bilingual.host).content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert 'aria-label="Idioma"' in switcher
    assert '<a href="http://alpha.localhost/treatments/" lang="en" hreflang="en">English</a>' in (
        switcher
    )
    assert 'lang="es" hreflang="es" aria-current="true">Español</a>' in switcher


def test_an_untranslated_page_has_no_alternates_nor_switcher(bilingual, client):
    html = client.get("/conditions/", HTTP_HOST=bilingual.host).content.decode()
    assert 'hreflang="' not in html
    assert "language-switcher" not in html


def test_a_clinic_in_english_only_shows_no_spanish(bilingual, client):
    speak(bilingual.settings, "en")
    cache.clear()
    assert client.get("/es/", HTTP_HOST=bilingual.host).status_code == 404
    html = client.get("/treatments/", HTTP_HOST=bilingual.host).content.decode()
    assert 'hreflang="' not in html


def test_spanish_prefix_without_a_spanish_tree_is_not_found(clinic, client):
    """Wagtail falls back to the English tree; English words under /es/ are not served."""
    speak(clinic.settings, "en", "es")
    assert client.get("/es/", HTTP_HOST=clinic.host).status_code == 404
    assert client.get("/es/treatments/", HTTP_HOST=clinic.host).status_code == 404


def test_an_unpublished_translation_is_neither_served_nor_linked(clinic, client):
    speak(clinic.settings, "en", "es")
    translate(clinic.home, "Inicio")
    translate(clinic.treatments, "Tratamientos", publish=False)
    assert client.get("/es/treatments/", HTTP_HOST=clinic.host).status_code == 404
    html = client.get("/treatments/", HTTP_HOST=clinic.host).content.decode()
    assert 'hreflang="' not in html


def test_json_ld_says_the_page_language(bilingual, client):
    def languages(path):
        html = client.get(path, HTTP_HOST=bilingual.host).content.decode()
        data = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
        graph = json.loads(data)["@graph"]
        return {node["inLanguage"] for node in graph if "inLanguage" in node}

    assert languages("/es/treatments/") == {"es"}
    assert languages("/treatments/") == {"en"}


def test_sitemap_lists_the_pages_of_each_language(bilingual, client):
    xml = client.get("/sitemap.xml", HTTP_HOST=bilingual.host).content.decode()
    locations = set(re.findall(r"<loc>([^<]+)</loc>", xml))
    assert {
        "http://alpha.localhost/",
        "http://alpha.localhost/treatments/",
        "http://alpha.localhost/es/",
        "http://alpha.localhost/es/treatments/",
    } <= locations
    speak(bilingual.settings, "en")
    cache.clear()
    xml = client.get("/sitemap.xml", HTTP_HOST=bilingual.host).content.decode()
    assert "/es/" not in xml


def test_page_cache_keeps_each_language_apart(bilingual, client, settings):
    """The cache keys each URL: a hit on /es/ answers in Spanish, a hit on / in English."""
    assert Site.objects.get(pk=bilingual.site.pk)  # the clinic's host names it exactly
    for _ in range(2):
        spanish = client.get("/es/", HTTP_HOST=bilingual.host)
        english = client.get("/", HTTP_HOST=bilingual.host)
    assert spanish["X-Clinic-Pages-Cache"] == "hit"
    assert english["X-Clinic-Pages-Cache"] == "hit"
    assert '<html lang="es"' in spanish.content.decode()
    assert '<html lang="en"' in english.content.decode()
    # Whatever the visitor's browser prefers, the URL decides.
    preferring = client.get("/", HTTP_HOST=bilingual.host, HTTP_ACCEPT_LANGUAGE="es")
    assert '<html lang="en"' in preferring.content.decode()


def test_a_frontend_cache_purge_covers_the_spanish_pages(bilingual):
    urls = site_urls(bilingual.site)
    assert "http://alpha.localhost/es/" in urls
    assert "http://alpha.localhost/es/treatments/" in urls
    assert "http://alpha.localhost/treatments/" in urls
    assert len(urls) == len(set(urls))


def test_spanish_pages_lead_to_the_spanish_booking_page(bilingual, client):
    """The menu button, the call to action, the phone's Book bar and the footer of a Spanish page
    lead to the Spanish booking form once it is published; to the English one until then."""
    bilingual.appointment.show_in_menus = True
    bilingual.appointment.save_revision().publish()
    untranslated = client.get("/es/treatments/", HTTP_HOST=bilingual.host).content.decode()
    english_form = f"{bilingual.appointment.url}#booking-form"
    assert f'href="{english_form}"' in untranslated

    spanish = translate(bilingual.appointment, "Pida una cita")
    cache.clear()
    html = client.get("/es/treatments/", HTTP_HOST=bilingual.host).content.decode()
    assert spanish.url.startswith("/es/")
    assert html.count(f'href="{spanish.url}#booking-form"') >= 2  # the Book bar and the footer
    assert f'class="button" href="{spanish.url}"' in html  # the menu's booking button
    assert f'href="{english_form}"' not in html
    english = client.get("/treatments/", HTTP_HOST=bilingual.host).content.decode()
    assert f'href="{english_form}"' in english and spanish.url not in english


def test_spanish_pages_show_the_clinics_own_texts_in_spanish(bilingual, client):
    """Tagline and call to action as the clinic wrote them in Spanish; a default kept in the
    catalogue's Spanish; a disclaimer the clinic wrote in English marked as English."""
    settings = bilingual.settings
    settings.tagline = "Pain care close to home"
    settings.cta_heading = "Talk to our team"  # the default, never changed
    settings.texts_in_other_languages = [
        ("texts", {"language": "es", "tagline": "Cuidado del dolor cerca de casa"})
    ]
    settings.save()
    cache.clear()
    html = client.get("/es/treatments/", HTTP_HOST=bilingual.host).content.decode()
    assert "Cuidado del dolor cerca de casa" in html
    assert "Pain care close to home" not in html
    assert "Talk to our team" not in html
    english = client.get("/treatments/", HTTP_HOST=bilingual.host).content.decode()
    assert "Pain care close to home" in english and "Cuidado del dolor" not in english

    settings.disclaimer = "Written by the clinic, in English only."
    settings.save()
    cache.clear()
    html = client.get("/es/treatments/", HTTP_HOST=bilingual.host).content.decode()
    assert 'lang="en">Written by the clinic, in English only.' in html


def test_a_missing_spanish_page_is_answered_in_spanish(bilingual, client):
    response = client.get("/es/no-such-page/", HTTP_HOST=bilingual.host)
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="es"' in html
    assert "Lo sentimos, no encontramos esa página" in html
    assert 'action="/es/search/"' in html
