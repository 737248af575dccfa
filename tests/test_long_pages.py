"""Long pages (issue 12): a table of contents on treatment and condition pages, one call to
action at a page's end, related articles, and the listing image on article cards."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from clinic_pages.articles.models import ArticleRelatedTreatment
from clinic_pages.articles.related import RELATED_ARTICLES
from clinic_pages.core.contents import heading_anchors
from tests import factories
from tests.test_rendering import main_of, soup_of, text_of


def _toc(soup: BeautifulSoup):
    return soup.find("nav", attrs={"aria-label": "On this page"})


def _toc_links(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [(a["href"], text_of(a)) for a in _toc(soup).find_all("a")]


def _image(title: str = "Listing"):
    return get_image_model().objects.create(title=title, file=get_test_image_file())


def _figure_block(image) -> dict:
    return factories._block(
        "figure",
        {"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": ""},
    )


def _link(article, *treatments) -> None:
    for position, treatment in enumerate(treatments):
        ArticleRelatedTreatment.objects.create(
            page=article, treatment=treatment, sort_order=position
        )


# --------------------------------------------------------------------------- table of contents


def test_treatment_toc_lists_every_section_heading_and_each_link_reaches_it(clinic, client):
    condition = factories.ConditionPageFactory(parent=clinic.conditions, title="CRPS")
    treatment = factories.TreatmentPageFactory(
        parent=clinic.treatments,
        conditions=[condition],
        statuses=[("off_label", "chronic pain")],
        body=[
            factories.key_facts_block(),
            factories.section_block("What is it?"),
            factories.callout_block(title="Tell us about your medicines"),
            factories.section_block("What is a session like?"),
            factories.side_effects_block(),
        ],
    )
    soup = soup_of(clinic.get(client, treatment))

    links = _toc_links(soup)
    assert [title for _, title in links] == [
        "Regulatory status",
        "Conditions it is used for",
        "At a glance",
        "What is it?",
        "What is a session like?",
        "Side effects and risks",
    ]
    for href, title in links:
        assert href.startswith("#")
        (target,) = soup.find_all(id=href[1:])  # one element per id
        assert target.name == "h2" and text_of(target) == title
    assert soup.find(id="what-is-it") is not None  # readable anchors from the headings
    # The list comes before the first section and leaves out callouts and calls to action.
    toc = _toc(soup)
    assert toc.find_next("h2", id=True)["id"] == "regulatory-heading"
    assert "Tell us about your medicines" not in text_of(toc)


def test_short_page_has_no_toc(clinic, client):
    treatment = factories.TreatmentPageFactory(
        parent=clinic.treatments, body=[factories.section_block("What is it?")]
    )
    soup = soup_of(clinic.get(client, treatment))
    assert _toc(soup) is None
    assert soup.find("h2", id="what-is-it") is not None  # the heading keeps its anchor


def test_condition_page_toc_includes_symptoms_causes_and_body_sections(clinic, client):
    condition = factories.ConditionPageFactory(
        parent=clinic.conditions,
        symptoms=["Burning pain"],
        causes=["An injury"],
        body=[factories.section_block("How is it diagnosed?")],
    )
    soup = soup_of(clinic.get(client, condition))

    titles = [title for _, title in _toc_links(soup)]
    assert titles == ["Signs and symptoms", "Causes and risk factors", "How is it diagnosed?"]
    for href, _ in _toc_links(soup):
        assert soup.find(id=href[1:]).name == "h2"


def test_repeated_and_reserved_headings_get_distinct_anchors():
    body = [
        type("Block", (), {"value": {"heading": heading}})()
        for heading in ("What is it?", "What is it?", "References heading", "", "Main content")
    ]
    assert heading_anchors(body) == {
        0: "what-is-it",
        1: "what-is-it-2",
        2: "references-heading-section",
        4: "main-content-section",
    }


# --------------------------------------------------------------------------- one call to action


def _ctas(response) -> list:
    return main_of(response).find_all(class_="cta")


def test_article_ending_with_its_own_cta_shows_only_that_one_at_the_very_end(clinic, client):
    treatment = factories.TreatmentPageFactory(parent=clinic.treatments)
    article = factories.ArticlePageFactory(
        parent=clinic.articles,
        body=[factories.paragraph_block(), factories.cta_block(heading="Talk to our team")],
    )
    _link(article, treatment)
    response = clinic.get(client, article)

    (cta,) = _ctas(response)
    assert "Talk to our team" in text_of(cta)
    # Moved past the treatments, references and disclaimer: the page's last word.
    assert cta.find_previous("h2", id="related-heading") is not None
    assert cta.find_next_sibling() is None


def test_article_without_a_cta_ends_with_the_clinics_default(clinic, client):
    article = factories.ArticlePageFactory(parent=clinic.articles)
    (cta,) = _ctas(clinic.get(client, article))
    assert "/appointments/" in cta.find("a")["href"]


def test_article_with_a_cta_mid_body_gets_no_second_one(clinic, client):
    article = factories.ArticlePageFactory(
        parent=clinic.articles,
        body=[factories.cta_block(heading="Book a first visit"), factories.paragraph_block()],
    )
    (cta,) = _ctas(clinic.get(client, article))
    assert "Book a first visit" in text_of(cta)


def test_condition_and_treatment_end_with_one_cta_when_the_body_closes_with_one(clinic, client):
    closing = factories.cta_block(heading="Is this right for you?")
    condition = factories.ConditionPageFactory(
        parent=clinic.conditions, body=[factories.section_block(), closing]
    )
    treatment = factories.TreatmentPageFactory(
        parent=clinic.treatments, show_default_cta=True, body=[factories.section_block(), closing]
    )
    for page in (condition, treatment):
        (cta,) = _ctas(clinic.get(client, page))
        assert "Is this right for you?" in text_of(cta)


# --------------------------------------------------------------------------- related articles


def _related(response) -> list[str]:
    section = main_of(response).find("section", class_="related-articles")
    if section is None:
        return []
    return [text_of(h) for h in section.find_all("h3", class_="card__title")]


def test_related_articles_put_shared_treatments_first_then_newest_and_stop_at_a_few(
    make_clinic, client
):
    clinic, other = make_clinic("alpha"), make_clinic("beta")
    ketamine = factories.TreatmentPageFactory(parent=clinic.treatments, title="Ketamine")
    blocks = factories.TreatmentPageFactory(parent=clinic.treatments, title="Nerve blocks")
    article = factories.ArticlePageFactory(parent=clinic.articles, title="Reading")
    _link(article, ketamine, blocks)

    day = datetime.date(2024, 1, 1)

    def write(title: str, days: int, *treatments, parent=None):
        page = factories.ArticlePageFactory(
            parent=parent or clinic.articles, title=title, date=day + datetime.timedelta(days)
        )
        _link(page, *treatments)
        return page

    write("Both treatments, old", 1, ketamine, blocks)
    write("One treatment", 2, ketamine)
    write("Newest, unrelated", 9)
    write("Older, unrelated", 3)
    write("Middle, unrelated", 5)
    draft = write("Draft on ketamine", 8, ketamine)
    draft.unpublish()
    other_ketamine = factories.TreatmentPageFactory(parent=other.treatments, title="Ketamine")
    write("Other clinic's", 10, other_ketamine, parent=other.articles)

    titles = _related(clinic.get(client, article))
    assert titles == ["Both treatments, old", "One treatment", "Newest, unrelated"]
    assert len(titles) == RELATED_ARTICLES


def test_related_articles_are_cached_with_the_page_and_follow_new_articles(clinic, client):
    article = factories.ArticlePageFactory(parent=clinic.articles, title="Reading")
    factories.ArticlePageFactory(parent=clinic.articles, title="First neighbour")
    assert _related(clinic.get(client, article)) == ["First neighbour"]

    with CaptureQueriesContext(connection) as queries:
        clinic.get(client, article)
    assert not [q for q in queries.captured_queries if "shared_treatments" in q["sql"]]

    factories.ArticlePageFactory(
        parent=clinic.articles, title="Second neighbour", date=datetime.date(2025, 1, 1)
    )
    assert _related(clinic.get(client, article)) == ["Second neighbour", "First neighbour"]


def test_article_without_neighbours_shows_no_related_section(clinic, client):
    article = factories.ArticlePageFactory(parent=clinic.articles)
    assert main_of(clinic.get(client, article)).find("section", class_="related-articles") is None


# --------------------------------------------------------------------------- listing images


@pytest.mark.parametrize("where", ["index", "related"])
def test_article_cards_show_the_listing_image_or_the_bodys_first(clinic, client, where):
    listing, figure = _image("Listing"), _image("Figure")
    factories.ArticlePageFactory(
        parent=clinic.articles, title="With listing image", listing_image=listing
    )
    factories.ArticlePageFactory(
        parent=clinic.articles,
        title="With a figure only",
        body=[factories.paragraph_block(), _figure_block(figure)],
    )
    reader = factories.ArticlePageFactory(parent=clinic.articles, title="Reader")
    page = clinic.articles if where == "index" else reader
    main = main_of(clinic.get(client, page))

    for title, image in (("With listing image", listing), ("With a figure only", figure)):
        card = main.find("a", string=title).find_parent(class_="card")
        img = card.find("img", class_="card__image")
        assert img is not None, f"{title}: no image on its card"
        rendition = image.get_rendition("fill-400x225|format-jpeg")
        assert img["src"] == rendition.url
