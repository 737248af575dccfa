"""What a visitor sees on each page type, rendered through the real templates on the clinic's host."""

from __future__ import annotations

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from clinic_pages.appointments.models import AppointmentPage
from clinic_pages.articles.models import ArticleIndexPage, ArticlePage
from clinic_pages.conditions.models import ConditionIndexPage, ConditionPage
from clinic_pages.faqs.models import FAQPage
from clinic_pages.home.models import HomeFeaturedTreatment, HomePage, NoticePage
from clinic_pages.physicians.models import PhysicianIndexPage, PhysicianPage
from clinic_pages.stories.models import MaterialConnection, PatientStoriesPage, PatientStory
from clinic_pages.treatments.models import TreatmentIndexPage, TreatmentPage
from tests import factories


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def text_of(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def hrefs(node) -> list[str]:
    return [a["href"] for a in node.find_all("a", href=True)]


def main_of(response):
    return soup_of(response).find("main")


def template_names(response) -> set[str]:
    return {t.name for t in response.templates if t.name}


# --------------------------------------------------------------------------- treatment page


@pytest.fixture
def treatment_setup(clinic):
    """A fully filled treatment page between two siblings in the clinic's series."""
    reviewer = factories.PhysicianPageFactory(
        parent=clinic.physicians, given_name="Ana", family_name="Reyes", credentials="MD"
    )
    crps = factories.ConditionPageFactory(parent=clinic.conditions, title="CRPS", slug="crps")
    migraine = factories.ConditionPageFactory(
        parent=clinic.conditions, title="Chronic migraine", slug="migraine"
    )
    listed_a = factories.ReferenceFactory(
        authors="Correll GE, Maleki J",
        title="Subanesthetic ketamine infusion therapy",
        doi="10.1111/j.1526-4637.2004.04043.x",
        pmid=15357966,
    )
    listed_b = factories.ReferenceFactory(title="Ketamine for chronic pain: a review")
    cited_only = factories.ReferenceFactory(
        title="Outpatient ketamine for CRPS", doi="", pmid=30000001
    )
    q1 = factories.QuestionFactory(
        site=clinic.site, question="Will I be awake during the infusion?"
    )
    q2 = factories.QuestionFactory(site=clinic.site, question="How many sessions will I need?")
    first = factories.TreatmentPageFactory(
        parent=clinic.treatments, title="Nerve blocks", slug="nerve-blocks"
    )
    treatment = factories.TreatmentPageFactory(
        parent=clinic.treatments,
        title="Ketamine infusion",
        slug="ketamine",
        summary="Low-dose ketamine infusions for nerve pain that has not responded to other care.",
        alternate_names="Ketamine IV therapy",
        reviewed_by=reviewer,
        last_reviewed=datetime.date(2025, 3, 1),
        next_review_due=timezone.localdate() + datetime.timedelta(days=200),
        conditions=[crps, migraine],
        references=[listed_a, listed_b],
        statuses=[("approved", "general anesthesia"), ("off_label", "chronic pain")],
        body=[
            factories.section_block(
                "What is it?", "<p>Ketamine is an anesthetic used at low doses.</p>"
            ),
            factories.evidence_block(
                [("Pain scores fell in most patients.", [cited_only, listed_a])]
            ),
            factories.protocol_block([("Published CRPS protocol", "80 mg total", listed_b)]),
            factories.side_effects_block(),
            factories.faq_block([q1, q2]),
        ],
    )
    last = factories.TreatmentPageFactory(
        parent=clinic.treatments, title="Spinal cord stimulation", slug="scs"
    )
    clinic.settings.disclaimer = "Alpha's own disclaimer: talk to your doctor first."
    clinic.settings.save()
    clinic.extra.update(
        treatment=treatment,
        reviewer=reviewer,
        crps=crps,
        migraine=migraine,
        first=first,
        last=last,
        refs=[listed_a, listed_b, cited_only],
        questions=[q1, q2],
    )
    return clinic


def test_treatment_page_shows_title_summary_and_regulatory_status(treatment_setup, client):
    clinic = treatment_setup
    main = main_of(clinic.get(client, clinic.extra["treatment"]))
    assert text_of(main.find("h1")) == "Ketamine infusion"
    text = text_of(main)
    assert "Low-dose ketamine infusions for nerve pain" in text
    assert "Ketamine IV therapy" in text
    assert "Off-label use: chronic pain" in text
    assert "FDA-approved: general anesthesia" in text


def test_treatment_page_links_its_conditions(treatment_setup, client):
    clinic = treatment_setup
    main = main_of(clinic.get(client, clinic.extra["treatment"]))
    links = {text_of(a): a["href"] for a in main.find_all("a", href=True)}
    assert links["CRPS"] == "/conditions/crps/"
    assert links["Chronic migraine"] == "/conditions/migraine/"


def test_treatment_page_leaves_out_unpublished_conditions(treatment_setup, client):
    clinic = treatment_setup
    clinic.extra["migraine"].unpublish()
    main = main_of(clinic.get(client, clinic.extra["treatment"]))
    assert "/conditions/crps/" in hrefs(main)
    assert "/conditions/migraine/" not in hrefs(main)


def test_reference_list_is_numbered_with_doi_and_pubmed_links(treatment_setup, client):
    clinic = treatment_setup
    listed_a, listed_b, cited_only = clinic.extra["refs"]
    main = main_of(clinic.get(client, clinic.extra["treatment"]))
    items = main.find("section", class_="references").find("ol").find_all("li", recursive=False)
    # Listed references first in editor order, then the one only cited in the evidence block.
    assert [li["id"] for li in items] == ["ref-1", "ref-2", "ref-3"]
    assert listed_a.citation_text in text_of(items[0])
    assert listed_b.title in text_of(items[1])
    assert cited_only.title in text_of(items[2])
    assert "https://doi.org/10.1111/j.1526-4637.2004.04043.x" in hrefs(items[0])
    assert "https://pubmed.ncbi.nlm.nih.gov/15357966/" in hrefs(items[0])
    assert hrefs(items[2]) == ["https://pubmed.ncbi.nlm.nih.gov/30000001/"]


def test_evidence_citation_numbers_match_the_reference_list(treatment_setup, client):
    clinic = treatment_setup
    response = clinic.get(client, clinic.extra["treatment"])
    assert "clinic_pages/core/blocks/evidence.html" in template_names(response)
    evidence = main_of(response).find(class_="evidence")
    finding = next(p for p in evidence.find_all("p") if "Pain scores fell" in p.get_text())
    cites = [(text_of(a), a["href"]) for a in finding.find_all("a")]
    assert cites == [("Reference [3]", "#ref-3"), ("Reference [1]", "#ref-1")]


def test_protocol_step_cites_its_reference_by_number(treatment_setup, client):
    clinic = treatment_setup
    response = clinic.get(client, clinic.extra["treatment"])
    assert "clinic_pages/core/blocks/protocol.html" in template_names(response)
    protocol = main_of(response).find(class_="protocol")
    text = text_of(protocol)
    assert "Published CRPS protocol" in text
    assert "80 mg total" in text
    assert "#ref-2" in hrefs(protocol)


def test_body_blocks_render_with_their_templates(treatment_setup, client):
    clinic = treatment_setup
    response = clinic.get(client, clinic.extra["treatment"])
    used = template_names(response)
    for name in ("section", "side_effects", "faq"):
        assert f"clinic_pages/core/blocks/{name}.html" in used
    text = text_of(main_of(response))
    assert "Ketamine is an anesthetic used at low doses." in text
    assert "Raised blood pressure" in text
    assert "Will I be awake during the infusion?" in text
    assert "How many sessions will I need?" in text


def test_review_metadata_names_the_reviewer_and_dates(treatment_setup, client):
    clinic = treatment_setup
    main = main_of(clinic.get(client, clinic.extra["treatment"]))
    review = main.find(class_="review-meta")
    text = text_of(review)
    assert "reviewed by Dr. Ana Reyes, MD" in text
    assert "March 1, 2025" in text
    assert "Next review due" in text
    assert clinic.url(clinic.extra["reviewer"]) in hrefs(review)
    assert "overdue" not in text.lower()


def test_overdue_review_shows_a_notice(treatment_setup, client):
    clinic = treatment_setup
    treatment = clinic.extra["treatment"]
    treatment.next_review_due = timezone.localdate() - datetime.timedelta(days=1)
    treatment.save()
    text = text_of(main_of(clinic.get(client, treatment)))
    assert "Review overdue" in text
    assert (timezone.localdate() - datetime.timedelta(days=1)).strftime("%B %-d, %Y") in text


def test_unreviewed_page_says_so(clinic, client):
    page = factories.TreatmentPageFactory(parent=clinic.treatments)
    text = text_of(main_of(clinic.get(client, page)))
    assert "not yet been reviewed" in text


def test_disclaimer_comes_from_the_clinic_settings(treatment_setup, client):
    clinic = treatment_setup
    page = soup_of(clinic.get(client, clinic.extra["treatment"]))
    assert "Alpha's own disclaimer: talk to your doctor first." in text_of(page)


def test_default_cta_links_to_the_clinics_appointment_page(treatment_setup, client):
    clinic = treatment_setup
    main = main_of(clinic.get(client, clinic.extra["treatment"]))
    cta = main.find(class_="cta")
    assert cta is not None
    # The form arrives with this treatment preselected.
    treatment = clinic.extra["treatment"]
    assert f"/appointments/?treatment={treatment.pk}#booking-form" in hrefs(cta)
    assert "Request an appointment" in text_of(cta)


def test_default_cta_can_be_switched_off(clinic, client):
    page = factories.TreatmentPageFactory(parent=clinic.treatments, show_default_cta=False)
    main = main_of(clinic.get(client, page))
    assert main.find(class_="cta") is None


def test_cta_block_without_link_falls_back_to_the_appointment_page(clinic, client):
    page = factories.TreatmentPageFactory(
        parent=clinic.treatments,
        show_default_cta=False,
        body=[factories.cta_block(heading="Questions about ketamine?", button_label="Ask us")],
    )
    response = clinic.get(client, page)
    assert "clinic_pages/core/blocks/call_to_action.html" in template_names(response)
    cta = main_of(response).find(class_="cta")
    assert "Questions about ketamine?" in text_of(cta)
    assert f"/appointments/?treatment={page.pk}#booking-form" in hrefs(cta)


def test_previous_and_next_treatment_in_the_series(treatment_setup, client):
    clinic = treatment_setup
    main = main_of(clinic.get(client, clinic.extra["treatment"]))
    prev_link = main.find("a", rel="prev")
    next_link = main.find("a", rel="next")
    assert prev_link["href"] == "/treatments/nerve-blocks/"
    assert "Nerve blocks" in text_of(prev_link)
    assert next_link["href"] == "/treatments/scs/"
    assert "Spinal cord stimulation" in text_of(next_link)

    first = main_of(clinic.get(client, clinic.extra["first"]))
    assert first.find("a", rel="prev") is None
    assert first.find("a", rel="next")["href"] == "/treatments/ketamine/"


def test_series_skips_unpublished_siblings(treatment_setup, client):
    clinic = treatment_setup
    clinic.extra["treatment"].unpublish()
    main = main_of(clinic.get(client, clinic.extra["first"]))
    assert main.find("a", rel="next")["href"] == "/treatments/scs/"


def test_treatment_index_lists_live_treatments_in_series_order(treatment_setup, client):
    clinic = treatment_setup
    factories.TreatmentPageFactory(parent=clinic.treatments, title="Hidden draft", live=False)
    main = main_of(clinic.get(client, clinic.treatments))
    links = [h for h in hrefs(main) if h.startswith("/treatments/") and h != "/treatments/"]
    ordered = list(dict.fromkeys(links))
    assert ordered == ["/treatments/nerve-blocks/", "/treatments/ketamine/", "/treatments/scs/"]
    assert "Hidden draft" not in text_of(main)


# --------------------------------------------------------------------------- condition pages


def test_condition_page_lists_the_treatments_that_link_to_it(treatment_setup, client):
    clinic = treatment_setup
    crps = clinic.extra["crps"]
    other = factories.TreatmentPageFactory(parent=clinic.treatments, title="Unrelated therapy")
    draft = factories.TreatmentPageFactory(
        parent=clinic.treatments, title="Draft CRPS therapy", conditions=[crps], live=False
    )
    main = main_of(clinic.get(client, crps))
    assert text_of(main.find("h1")) == "CRPS"
    links = hrefs(main)
    assert "/treatments/ketamine/" in links
    assert clinic.url(other) not in links
    assert clinic.url(draft) not in links
    assert "Draft CRPS therapy" not in text_of(main)


def test_condition_page_shows_summary_symptoms_and_causes(clinic, client):
    condition = factories.ConditionPageFactory(
        parent=clinic.conditions,
        title="Postherpetic neuralgia",
        summary="Nerve pain that stays after shingles.",
        symptoms=["Burning or stabbing pain"],
        causes=["Shingles (varicella-zoster virus)"],
    )
    text = text_of(main_of(clinic.get(client, condition)))
    assert "Nerve pain that stays after shingles." in text
    assert "Burning or stabbing pain" in text
    assert "Shingles (varicella-zoster virus)" in text


def test_condition_index_lists_conditions(treatment_setup, client):
    clinic = treatment_setup
    main = main_of(clinic.get(client, clinic.conditions))
    assert {"/conditions/crps/", "/conditions/migraine/"} <= set(hrefs(main))


# --------------------------------------------------------------------------- physicians


@pytest.fixture
def physician_setup(clinic):
    office = factories.LocationFactory(
        site=clinic.site,
        name="Glenview office",
        street_address="2401 Lake Avenue",
        hours=[(0, datetime.time(8, 0), datetime.time(17, 0)), (5, None, None)],
    )
    treatment = factories.TreatmentPageFactory(
        parent=clinic.treatments, title="Ketamine infusion", slug="ketamine"
    )
    physician = factories.PhysicianPageFactory(
        parent=clinic.physicians,
        given_name="Ana",
        family_name="Reyes",
        slug="reyes",
        certifications=["Anesthesiology", "Pain medicine"],
        languages="English, Spanish",
        locations=[office],
        treatments=[treatment],
    )
    clinic.extra.update(office=office, physician=physician, treatment=treatment)
    return clinic


def test_physician_page_shows_certifications_languages_and_new_patients(physician_setup, client):
    clinic = physician_setup
    main = main_of(clinic.get(client, clinic.extra["physician"]))
    text = text_of(main)
    assert text_of(main.find("h1")) == "Dr. Ana Reyes, MD"
    assert "Board-certified in Anesthesiology" in text
    assert "Board-certified in Pain medicine" in text
    assert "English, Spanish" in text
    assert "Accepting new patients: yes" in text


def test_physician_not_accepting_new_patients_says_so(physician_setup, client):
    clinic = physician_setup
    physician = clinic.extra["physician"]
    physician.accepting_new_patients = False
    physician.save()
    text = text_of(main_of(clinic.get(client, physician)))
    assert "Accepting new patients: no" in text


def test_physician_page_shows_locations_with_hours_and_treatments(physician_setup, client):
    clinic = physician_setup
    main = main_of(clinic.get(client, clinic.extra["physician"]))
    text = text_of(main)
    assert "Glenview office" in text
    assert "2401 Lake Avenue" in text
    hours = main.find("table", class_="hours")
    assert hours is not None
    rows = {text_of(tr.th): text_of(tr.td) for tr in hours.find_all("tr")}
    assert rows["Monday"].startswith("8:00")
    assert "5:00" in rows["Monday"]
    assert rows["Saturday"] == "Closed"
    assert "tel:+13125550142" in hrefs(main)
    assert "/treatments/ketamine/" in hrefs(main)


def test_physician_index_lists_live_physicians(physician_setup, client):
    clinic = physician_setup
    factories.PhysicianPageFactory(parent=clinic.physicians, family_name="Draftson", live=False)
    main = main_of(clinic.get(client, clinic.physicians))
    assert "/physicians/reyes/" in hrefs(main)
    assert "Draftson" not in text_of(main)


# --------------------------------------------------------------------------- FAQ page


def test_faq_page_groups_questions_by_topic_for_this_clinic_only(make_clinic, client):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    factories.QuestionFactory(
        site=alpha.site, topic="Ketamine", question="Is ketamine safe?", sort_order=2
    )
    factories.QuestionFactory(
        site=alpha.site, topic="Ketamine", question="How long is a session?", sort_order=1
    )
    factories.QuestionFactory(site=alpha.site, topic="Billing", question="Do you take Medicare?")
    factories.QuestionFactory(site=beta.site, topic="Ketamine", question="Beta only question?")

    main = main_of(alpha.get(client, alpha.faq))
    sections = main.find_all("section", class_="faq")
    by_topic = {text_of(s.find("h2")): text_of(s) for s in sections}
    assert list(by_topic) == ["Billing", "Ketamine"]
    assert "Do you take Medicare?" in by_topic["Billing"]
    ketamine = by_topic["Ketamine"]
    assert ketamine.index("How long is a session?") < ketamine.index("Is ketamine safe?")
    assert "Beta only question?" not in text_of(main)

    beta_text = text_of(main_of(beta.get(client, beta.faq)))
    assert "Beta only question?" in beta_text
    assert "Is ketamine safe?" not in beta_text


def test_empty_faq_page_invites_a_call(clinic, client):
    text = text_of(main_of(clinic.get(client, clinic.faq)))
    assert "no questions here yet" in text


# --------------------------------------------------------------------------- articles


def test_article_index_is_newest_first_and_paginated(clinic, client):
    start = datetime.date(2024, 1, 1)
    for day in range(13):
        factories.ArticlePageFactory(
            parent=clinic.articles,
            title=f"Article day {day:02d}",
            slug=f"a{day:02d}",
            date=start + datetime.timedelta(days=day),
        )
    first_page = main_of(clinic.get(client, clinic.articles))
    titles = re.findall(r"Article day (\d\d)", text_of(first_page))
    assert list(dict.fromkeys(titles)) == [f"{d:02d}" for d in range(12, 0, -1)]

    second_page = main_of(clinic.get(client, "/articles/?page=2"))
    titles = re.findall(r"Article day (\d\d)", text_of(second_page))
    assert list(dict.fromkeys(titles)) == ["00"]


def test_article_page_shows_date_author_and_body(clinic, client):
    author = factories.PhysicianPageFactory(
        parent=clinic.physicians, given_name="Ana", family_name="Reyes"
    )
    article = factories.ArticlePageFactory(
        parent=clinic.articles,
        title="What to expect at your first infusion",
        date=datetime.date(2024, 5, 6),
        author=author,
        body=[factories.paragraph_block("<p>Plan for a quiet afternoon.</p>")],
    )
    main = main_of(clinic.get(client, article))
    text = text_of(main)
    assert "What to expect at your first infusion" in text
    assert "May 6, 2024" in text
    assert "Reyes" in text
    assert "Plan for a quiet afternoon." in text


# --------------------------------------------------------------------------- home and appointment


def test_home_shows_featured_treatments_physicians_latest_articles_and_locations(clinic, client):
    featured = factories.TreatmentPageFactory(
        parent=clinic.treatments, title="Ketamine infusion", slug="ketamine"
    )
    factories.TreatmentPageFactory(
        parent=clinic.treatments, title="Not featured", slug="not-featured"
    )
    home = clinic.home
    HomeFeaturedTreatment.objects.create(page=home, treatment=featured, sort_order=0)
    factories.PhysicianPageFactory(
        parent=clinic.physicians, given_name="Ana", family_name="Reyes", slug="reyes"
    )
    for day in range(4):
        factories.ArticlePageFactory(
            parent=clinic.articles,
            title=f"News {day}",
            slug=f"news-{day}",
            date=datetime.date(2024, 2, 1) + datetime.timedelta(days=day),
        )
    factories.LocationFactory(site=clinic.site, name="Glenview office")

    main = main_of(clinic.get(client, "/"))
    text = text_of(main)
    links = hrefs(main)
    assert "Relief for nerve pain that lingers" in text
    assert "/treatments/ketamine/" in links
    assert "/treatments/not-featured/" not in links
    assert "/physicians/reyes/" in links
    assert "Dr. Ana Reyes, MD" in text
    assert [f"/articles/news-{d}/" for d in (3, 2, 1)] == [
        h for h in dict.fromkeys(links) if h.startswith("/articles/news-")
    ]
    assert "Glenview office" in text_of(soup_of(clinic.get(client, "/")))


def test_home_without_featured_treatments_shows_the_first_treatments(clinic, client):
    factories.TreatmentPageFactory(
        parent=clinic.treatments, title="Ketamine infusion", slug="ketamine"
    )
    main = main_of(clinic.get(client, "/"))
    assert "/treatments/ketamine/" in hrefs(main)


def test_appointment_page_shows_phone_as_tel_link_and_office_hours(clinic, client):
    factories.LocationFactory(site=clinic.site, name="Glenview office", phone="(847) 555-0199")
    main = main_of(clinic.get(client, clinic.appointment))
    links = hrefs(main)
    assert "tel:+13125550100" in links  # the clinic's main number from settings
    assert "tel:+18475550199" in links  # the office's own number
    call = main.find("a", href="tel:+13125550100")
    assert "(312) 555-0100" in text_of(call)
    hours = main.find("table", class_="hours")
    assert "Monday" in text_of(hours)
    assert "Friday" in text_of(hours)
    assert "Your referral and a list of your medicines." in text_of(main)


def test_appointment_page_shows_only_this_clinics_offices(make_clinic, client):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    factories.LocationFactory(site=alpha.site, name="Alpha office")
    factories.LocationFactory(site=beta.site, name="Beta office")
    text = text_of(main_of(alpha.get(client, alpha.appointment)))
    assert "Alpha office" in text
    assert "Beta office" not in text


# --------------------------------------------------------------------------- Wagtail's helpers


def stories_page(clinic) -> PatientStoriesPage:
    page = PatientStoriesPage(title="Patient stories", slug="stories")
    clinic.home.add_child(instance=page)
    page.stories = [
        PatientStory(
            shown_name="Maria, 54",
            story="I can garden again.",
            consent_recorded_on=datetime.date(2026, 1, 5),
            consent_scope="This text and first name, on the website",
            text_approved=True,
            material_connection=MaterialConnection.NONE,
        )
    ]
    page.save_revision().publish()
    return page


PAGE_BUILDERS = {
    HomePage: lambda c: c.home,
    TreatmentIndexPage: lambda c: c.treatments,
    TreatmentPage: lambda c: factories.TreatmentPageFactory(
        parent=c.treatments,
        body=[factories.section_block(), factories.key_facts_block(), factories.callout_block()],
    ),
    ConditionIndexPage: lambda c: c.conditions,
    ConditionPage: lambda c: factories.ConditionPageFactory(parent=c.conditions),
    PhysicianIndexPage: lambda c: c.physicians,
    PhysicianPage: lambda c: factories.PhysicianPageFactory(parent=c.physicians),
    FAQPage: lambda c: c.faq,
    ArticleIndexPage: lambda c: c.articles,
    ArticlePage: lambda c: factories.ArticlePageFactory(parent=c.articles),
    AppointmentPage: lambda c: c.appointment,
    PatientStoriesPage: stories_page,
    NoticePage: lambda c: c.home.add_child(
        instance=NoticePage(title="Accessibility", kind="accessibility", body="<p>We aim high.</p>")
    ),
}


@pytest.mark.parametrize("model", PAGE_BUILDERS, ids=lambda m: m.__name__)
def test_every_page_type_is_renderable(clinic, page_asserts, model):
    page = PAGE_BUILDERS[model](clinic)
    assert isinstance(page.specific, model)
    page_asserts(page).assertPageIsRenderable(page)


# The admin builds StreamField inputs in the browser, so their form data is written out here.
STREAM_POST_DATA = {
    TreatmentPage: [("section", {"heading": "What is it?", "body": rich_text("<p>Preview.</p>")})],
    ConditionPage: [],
    ArticlePage: [("paragraph", rich_text("<p>Preview paragraph.</p>"))],
    PatientStoriesPage: None,  # no StreamField: the edit form's own data, story rows included
}
# Checked boxes, which Wagtail's form-data reader leaves empty (browsers send "on").
CHECKED_BOXES = {PatientStoriesPage: ["stories-0-text_approved"]}


@pytest.mark.parametrize("model", list(PAGE_BUILDERS), ids=lambda m: m.__name__)
def test_every_page_type_is_previewable(clinic, page_asserts, django_user_model, model):
    page = PAGE_BUILDERS[model](clinic)
    helper = page_asserts(page)
    post_data = None
    if model in STREAM_POST_DATA:
        admin = django_user_model.objects.create_superuser("previewer", "p@example.com", "x")
        helper.client.force_login(admin)
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        post_data = querydict_from_html(
            helper.client.get(edit_url).content.decode(), form_id="page-edit-form"
        )
        stream = STREAM_POST_DATA[model]
        for key, value in nested_form_data({"body": streamfield(stream or [])}).items():
            if stream is not None:
                post_data[key] = value
        for name in CHECKED_BOXES.get(model, []):
            post_data[name] = "on"
        helper.client.logout()
    helper.assertPageIsPreviewable(page, post_data=post_data)


def test_draft_page_is_not_served(clinic, client):
    draft = factories.TreatmentPageFactory(parent=clinic.treatments, slug="draft", live=False)
    assert clinic.get(client, f"/treatments/{draft.slug}/").status_code == 404
