"""Publish a little of every content type on the onboarded clinic, as an editor would.

Run by tools/plugin_check.py inside the generated host project with `manage.py shell`; the clinic
is the Site whose hostname is $PLUGIN_CHECK_HOST. Prints one `PLUGIN-CHECK-RESULT {json}` line.
"""

import json
import os

from wagtail.models import Site

from clinic_pages.articles.models import ArticleIndexPage, ArticlePage, ArticleRelatedTreatment
from clinic_pages.clinics.models import Location
from clinic_pages.faqs.models import FAQPage, Question
from clinic_pages.physicians.models import (
    PhysicianCertification,
    PhysicianEducation,
    PhysicianIndexPage,
    PhysicianPage,
    PhysicianSpecialty,
    PhysicianTreatment,
)
from clinic_pages.references.models import Reference
from clinic_pages.treatments.models import (
    TreatmentIndexPage,
    TreatmentPage,
    TreatmentReference,
    TreatmentRegulatoryStatus,
)

site = Site.objects.get(hostname=os.environ["PLUGIN_CHECK_HOST"])
home = site.root_page.specific


def publish(obj):
    obj.save_revision().publish()
    return obj


office = Location.objects.create(
    site=site,
    name="Lakeside office",
    street_address="100 Main Street, Suite 2",
    locality="Glenview",
    region="IL",
    postal_code="60025",
    phone="(312) 555-0142",
)
study = Reference.objects.create(
    authors="Example A, Sample B",
    title="Ketamine infusions for chronic pain: a retrospective review",
    journal="Pain Medicine",
    year=2004,
    doi="10.1111/plugin-check.00001",
)
question = publish(
    Question.objects.create(
        site=site,
        topic="Ketamine",
        question="How long does an infusion take?",
        answer="<p>About four hours, with time to rest afterwards.</p>",
    )
)

treatment = TreatmentPage(
    title="Ketamine infusion",
    slug="ketamine-infusion",
    summary="Low-dose ketamine given by infusion for pain that other treatments did not ease.",
    alternate_names="Ketamine therapy, IV ketamine",
    body=json.dumps(
        [
            {
                "type": "section",
                "value": {"heading": "What is it?", "body": "<p>A slow infusion of ketamine.</p>"},
            },
            {
                "type": "key_facts",
                "value": {
                    "heading": "At a glance",
                    "facts": [{"label": "Session length", "value": "About four hours"}],
                },
            },
            {
                "type": "side_effects",
                "value": {
                    "heading": "Side effects and risks",
                    "intro": "",
                    "common": ["Nausea"],
                    "serious": ["Raised blood pressure"],
                    "contraindications": ["Uncontrolled heart disease"],
                },
            },
            {"type": "faq", "value": {"heading": "Questions", "questions": [question.pk]}},
        ]
    ),
)
treatment.regulatory_statuses = [
    TreatmentRegulatoryStatus(status="approved", indication="general anesthesia"),
    TreatmentRegulatoryStatus(status="off_label", indication="chronic pain"),
]
treatment.reference_links = [TreatmentReference(reference=study)]
TreatmentIndexPage.objects.child_of(home).get().add_child(instance=treatment)
publish(treatment)

physician = PhysicianPage(
    title="Dr. Alex Lee",
    slug="alex-lee",
    given_name="Alex",
    family_name="Lee",
    credentials="MD",
    job_title="Medical director, pain medicine",
    bio="<p>Dr. Lee has treated chronic pain for fifteen years.</p>",
    languages="English, Spanish",
)
physician.specialties = [PhysicianSpecialty(name="Pain medicine")]
physician.certifications = [PhysicianCertification(specialty="Anesthesiology")]
physician.education = [PhysicianEducation(kind="residency", description="Anesthesiology")]
physician.treatments_offered = [PhysicianTreatment(treatment=treatment)]
physician.locations = [office]
PhysicianIndexPage.objects.child_of(home).get().add_child(instance=physician)
publish(physician)

faq_page = FAQPage.objects.child_of(home).get()
faq_page.intro = "<p>What patients ask us most.</p>"
publish(faq_page)

article = ArticlePage(
    title="What to expect at your first infusion",
    slug="first-infusion",
    author=physician,
    summary="A walk through the day of a first ketamine infusion.",
    body=json.dumps(
        [
            {"type": "paragraph", "value": "<p>Plan to spend the morning with us.</p>"},
            {
                "type": "section",
                "value": {"heading": "Afterwards", "body": "<p>Someone drives you home.</p>"},
            },
        ]
    ),
)
article.related_treatment_links = [ArticleRelatedTreatment(treatment=treatment)]
ArticleIndexPage.objects.child_of(home).get().add_child(instance=article)
publish(article)

pages = {
    "treatment": treatment,
    "physician": physician,
    "FAQ": faq_page,
    "article": article,
}
result = {"pages": {label: page.specific.full_url for label, page in pages.items()}}
print("PLUGIN-CHECK-RESULT " + json.dumps(result))
