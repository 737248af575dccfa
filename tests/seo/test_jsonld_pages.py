"""Graphs of the other page types: conditions, physicians, articles, FAQ, home, appointments."""

from __future__ import annotations

import pytest

from tests.seo.conftest import node_of, nodes_of

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------- every page


def test_website_with_search_action(seo_clinic, graph_of):
    website = node_of(graph_of(seo_clinic.treatment), "WebSite")
    assert website["@id"] == "http://alpha.localhost/#website"
    assert website["name"] == seo_clinic.settings.practice_name
    assert website["url"] == "http://alpha.localhost/"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"] == {
        "@type": "EntryPoint",
        "urlTemplate": "http://alpha.localhost/search/?q={search_term_string}",
    }
    assert action["query-input"] == "required name=search_term_string"


def test_breadcrumbs_follow_the_visible_trail(seo_clinic, graph_of):
    treatment = seo_clinic.treatment
    crumbs = node_of(graph_of(treatment), "BreadcrumbList")["itemListElement"]
    trail = [*treatment.breadcrumbs, treatment]
    assert [c["position"] for c in crumbs] == list(range(1, len(trail) + 1))
    assert [c["name"] for c in crumbs] == [page.title for page in trail]
    assert [c["item"] for c in crumbs] == [page.get_full_url() for page in trail]


def test_practice_is_the_publisher(seo_clinic, graph_of):
    graph = graph_of(seo_clinic.home)
    organization = node_of(graph, "MedicalOrganization")
    assert organization["name"] == seo_clinic.settings.practice_name
    assert organization["sameAs"] == ["https://www.facebook.com/example-clinic"]
    assert node_of(graph, "WebSite")["publisher"] == {"@id": organization["@id"]}


# --------------------------------------------------------------------------- conditions


def test_condition_page(seo_clinic, graph_of):
    page = seo_clinic.condition
    graph = graph_of(page)
    webpage = node_of(graph, "MedicalWebPage")
    condition = node_of(graph, "MedicalCondition")
    assert webpage["about"] == [{"@id": page.get_full_url() + "#condition"}]
    assert condition["name"] == page.title
    assert condition["alternateName"] == ["CRPS", "Reflex sympathetic dystrophy"]
    assert condition["description"] == page.summary
    assert condition["signOrSymptom"] == [
        {"@type": "MedicalSignOrSymptom", "name": "Burning pain"},
        {"@type": "MedicalSignOrSymptom", "name": "Swelling"},
    ]
    assert condition["cause"] == [{"@type": "MedicalCause", "name": "Injury to a limb"}]
    treatment_url = seo_clinic.treatment.get_full_url()
    assert condition["possibleTreatment"] == [
        {
            "@type": "MedicalTherapy",
            "@id": treatment_url + "#therapy",
            "name": seo_clinic.treatment.title,
            "url": treatment_url,
        }
    ]


def test_condition_ids_match_between_treatment_and_condition_pages(seo_clinic, graph_of):
    on_treatment = nodes_of(graph_of(seo_clinic.treatment), "MedicalCondition")[0]
    on_condition = node_of(graph_of(seo_clinic.condition), "MedicalCondition")
    assert on_treatment["@id"] == on_condition["@id"]


# --------------------------------------------------------------------------- physicians


def test_physician_page(seo_clinic, graph_of):
    page = seo_clinic.physician
    graph = graph_of(page)
    physician = node_of(graph, "Physician")
    profile_page = node_of(graph, "ProfilePage")
    assert profile_page["mainEntity"] == {"@id": physician["@id"]}
    assert physician["@id"] == page.get_full_url() + "#physician"
    assert physician["name"] == "Dr. Ana Lee, MD"
    # 'Anesthesiology' maps to the enumeration; 'Pain medicine' has no member and is left out.
    assert physician["medicalSpecialty"] == ["https://schema.org/Anesthesia"]
    assert physician["isAcceptingNewPatients"] is True
    assert physician["knowsLanguage"] == ["English", "Spanish"]
    assert physician["image"].startswith("http://alpha.localhost/")
    credentials = physician["hasCredential"]
    board = [c for c in credentials if c["credentialCategory"] == "Board certification"]
    assert [c["name"] for c in board] == [
        "Board-certified in Anesthesiology",
        "Board-certified in Pain Medicine",
    ]
    assert all(c["@type"] == "EducationalOccupationalCredential" for c in credentials)
    training = [(c["credentialCategory"], c["name"]) for c in credentials if c not in board]
    # 'Other training' is not a credential and stays on the bio only.
    assert training == [
        ("Medical degree", "MD, Rush"),
        ("Residency", "Residency in anesthesiology"),
    ]
    treatment_url = seo_clinic.treatment.get_full_url()
    assert physician["availableService"][0]["@id"] == treatment_url + "#therapy"
    glenview = node_of(graph, "MedicalClinic")
    assert physician["location"] == [{"@id": glenview["@id"]}]


def test_specialty_mapping_uses_only_enumeration_members():
    from clinic_pages.seo.jsonld.physicians import SPECIALTY_MEMBERS, medical_specialties
    from clinic_pages.seo.vocabulary import MEDICAL_SPECIALTY_MEMBERS

    assert set(SPECIALTY_MEMBERS.values()) <= MEDICAL_SPECIALTY_MEMBERS
    assert medical_specialties(["Obstetrics and gynecology", "Pain medicine"]) == [
        "https://schema.org/Gynecologic",
        "https://schema.org/Obstetric",
    ]


# --------------------------------------------------------------------------- articles


def test_article_page(seo_clinic, graph_of):
    page = seo_clinic.article
    graph = graph_of(page)
    article = node_of(graph, "Article")
    organization = node_of(graph, "MedicalOrganization")
    author = node_of(graph, "Physician")
    assert article["headline"] == page.title
    assert article["datePublished"] == page.date.isoformat()
    assert article["author"] == {"@id": seo_clinic.physician.get_full_url() + "#physician"}
    assert author["@id"] == article["author"]["@id"]
    assert article["publisher"] == {"@id": organization["@id"]}
    assert [t["@id"] for t in article["about"]] == [
        seo_clinic.treatment.get_full_url() + "#therapy"
    ]
    assert [c["name"] for c in article["citation"]] == ["Ketamine"]
    assert article["image"].startswith("http://alpha.localhost/")
    assert node_of(graph, "WebPage")["mainEntity"] == {"@id": article["@id"]}


# --------------------------------------------------------------------------- FAQ page


def test_faq_page_lists_every_question_of_the_clinic(seo_clinic, make_clinic, graph_of):
    from tests import factories

    other = make_clinic("beta")
    factories.QuestionFactory(site=other.site, question="A question of another clinic?")
    faq = node_of(graph_of(seo_clinic.faq), "FAQPage")
    assert len(faq["mainEntity"]) == len(seo_clinic.questions) == 3
    assert {q["name"] for q in faq["mainEntity"]} == {q.question for q in seo_clinic.questions}
    assert all(q["acceptedAnswer"]["@type"] == "Answer" for q in faq["mainEntity"])


# --------------------------------------------------------------------------- home, appointments


def test_home_page_describes_every_office(seo_clinic, graph_of):
    clinics = nodes_of(graph_of(seo_clinic.home), "MedicalClinic")
    assert len(clinics) == len(seo_clinic.locations) == 2
    glenview, loop = clinics
    location = seo_clinic.locations[0]
    assert glenview["name"] == f"{seo_clinic.settings.practice_name}, Glenview office"
    assert glenview["telephone"] == location.phone
    assert glenview["address"] == {
        "@type": "PostalAddress",
        "streetAddress": location.street_address,
        "addressLocality": "Glenview",
        "addressRegion": "IL",
        "postalCode": "60025",
        "addressCountry": "US",
    }
    assert glenview["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 42.0698,
        "longitude": -87.7878,
    }
    assert "geo" not in loop  # no coordinates entered
    assert glenview["parentOrganization"] == {"@id": "http://alpha.localhost/#organization"}


def test_opening_hours_leave_out_closed_days(seo_clinic, graph_of):
    glenview = nodes_of(graph_of(seo_clinic.home), "MedicalClinic")[0]
    assert glenview["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "08:00",
            "closes": "17:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Wednesday",
            "opens": "09:30",
            "closes": "18:00",
        },
    ]


def test_offices_can_be_booked_on_the_appointment_page(seo_clinic, graph_of):
    appointment_url = seo_clinic.appointment.get_full_url()
    for page in (seo_clinic.home, seo_clinic.appointment):
        for clinic in nodes_of(graph_of(page), "MedicalClinic"):
            assert clinic["potentialAction"] == {
                "@type": "ReserveAction",
                "name": seo_clinic.settings.cta_button_label,
                "target": {"@type": "EntryPoint", "urlTemplate": appointment_url},
            }


def test_no_appointment_page_no_reserve_action(seo_clinic, graph_of):
    seo_clinic.settings.appointment_page = None
    seo_clinic.settings.save()
    for clinic in nodes_of(graph_of(seo_clinic.home), "MedicalClinic"):
        assert "potentialAction" not in clinic


def test_an_unpublished_appointment_page_is_not_offered_for_booking(seo_clinic, graph_of):
    seo_clinic.appointment.unpublish()
    for clinic in nodes_of(graph_of(seo_clinic.home), "MedicalClinic"):
        assert "potentialAction" not in clinic


def test_appointment_page_is_a_contact_page_about_the_offices(seo_clinic, graph_of):
    graph = graph_of(seo_clinic.appointment)
    page = node_of(graph, "ContactPage")
    assert page["about"] == [{"@id": c["@id"]} for c in nodes_of(graph, "MedicalClinic")]


def test_index_pages_are_collection_pages(seo_clinic, graph_of):
    for index in (seo_clinic.treatments, seo_clinic.conditions, seo_clinic.articles):
        assert node_of(graph_of(index), "CollectionPage")["url"] == index.get_full_url()
