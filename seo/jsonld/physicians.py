"""Physicians: the full profile on their own page, a short reference node everywhere else."""

from __future__ import annotations

from clinic_pages.core.images import PORTRAIT_JSONLD
from clinic_pages.physicians.models import PhysicianPage

from .base import Node, PageContext, compact, ref, site_nodes, web_page
from .clinics import clinic_id, medical_clinics

# Free-text specialties -> members of schema.org's MedicalSpecialty enumeration. Only members
# that exist are listed; a specialty with no match (e.g. 'Pain medicine') is left out rather
# than guessed. Keys are matched as substrings of the lower-cased specialty.
SPECIALTY_MEMBERS = {
    "anesthes": "Anesthesia",
    "anaesthes": "Anesthesia",
    "cardiol": "Cardiovascular",
    "dermatol": "Dermatology",
    "emergency": "Emergency",
    "endocrin": "Endocrine",
    "gastroenterol": "Gastroenterologic",
    "geriatric": "Geriatric",
    "gynecol": "Gynecologic",
    "hematol": "Hematologic",
    "infectious": "Infectious",
    "nephrol": "Renal",
    "neurolog": "Neurologic",
    "obstetric": "Obstetric",
    "oncolog": "Oncologic",
    "orthop": "Musculoskeletal",
    "pediatric": "Pediatric",
    "physical therapy": "Physiotherapy",
    "physiotherapy": "Physiotherapy",
    "primary care": "PrimaryCare",
    "family medicine": "PrimaryCare",
    "psychiatr": "Psychiatric",
    "pulmon": "Pulmonary",
    "radiol": "Radiography",
    "rheumatol": "Rheumatologic",
    "surg": "Surgical",
    "urolog": "Urologic",
}

CREDENTIAL_EDUCATION_KINDS = {"degree", "residency", "fellowship"}


def physician_id(ctx: PageContext, physician: PhysicianPage) -> str:
    return ctx.url_of(physician) + "#physician"


def physician_reference(ctx: PageContext, physician: PhysicianPage) -> Node:
    """The few fields other pages (reviews, articles, treatments) need to name a physician."""
    return {
        "@type": "Physician",
        "@id": physician_id(ctx, physician),
        "name": physician.display_name,
        "url": ctx.url_of(physician),
    }


def medical_specialties(names: list[str]) -> list[str]:
    members: list[str] = []
    for name in names:
        lowered = name.lower()
        for fragment, member in SPECIALTY_MEMBERS.items():
            url = "https://schema.org/" + member
            if fragment in lowered and url not in members:
                members.append(url)
    return members


def credentials(physician: PhysicianPage) -> list[Node]:
    """Board certifications, then degrees and postgraduate training, as shown on the bio."""
    board = [
        compact(
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "Board certification",
                "name": str(item),
                "recognizedBy": {"@type": "Organization", "name": item.board}
                if item.board
                else None,
            }
        )
        for item in physician.certification_list
    ]
    training = [
        {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": item.get_kind_display(),
            "name": item.description,
        }
        for item in physician.education_list
        if item.kind in CREDENTIAL_EDUCATION_KINDS
    ]
    return board + training


def therapy_reference(ctx: PageContext, treatment) -> Node:
    url = ctx.url_of(treatment)
    return {"@type": "MedicalTherapy", "@id": url + "#therapy", "name": treatment.title, "url": url}


def physician_profile(ctx: PageContext, physician: PhysicianPage, locations) -> Node:
    return compact(
        {
            **physician_reference(ctx, physician),
            "description": physician.job_title,
            "image": ctx.image_url(physician.photo, PORTRAIT_JSONLD),
            "medicalSpecialty": medical_specialties(
                [item.name for item in physician.specialty_list]
            ),
            "hasCredential": credentials(physician),
            "knowsLanguage": physician.language_list,
            "usNPI": physician.npi,
            "hospitalAffiliation": [
                {"@type": "Hospital", "name": name} for name in physician.hospital_list
            ],
            "isAcceptingNewPatients": physician.accepting_new_patients,
            "parentOrganization": ref(ctx.organization_id),
            "location": [ref(clinic_id(ctx, location)) for location in locations],
            "availableService": [
                therapy_reference(ctx, treatment) for treatment in physician.offered_treatments
            ],
            "mainEntityOfPage": ref(ctx.webpage_id),
        }
    )


def build_physician_page(ctx: PageContext) -> list[Node]:
    physician = ctx.page
    locations = ctx.extra.get("physician_locations")
    if locations is None:
        locations = physician.locations.prefetch_related("hours")
    locations = list(locations)
    profile = physician_profile(ctx, physician, locations)
    page = web_page(ctx, "ProfilePage", mainEntity=ref(profile["@id"]))
    return [*site_nodes(ctx), page, profile, *medical_clinics(ctx, locations)]
