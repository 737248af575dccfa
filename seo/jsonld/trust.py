"""The practice's trust signals in its MedicalOrganization node: what schema.org has terms for.

Affiliations are ``memberOf``; accreditations and certifications are ``hasCredential`` with the
body that issued them as ``recognizedBy``; the founding year is ``foundingDate``; self-pay prices
are ``makesOffer`` (an ``Offer`` of a ``Service`` with its ``PriceSpecification`` in US dollars).
Insurance plans have no term of their own on an organisation: the offices' ``paymentAccepted``
names them (``clinics.py``), and ``healthPlanNetworkId`` carries only identifiers an insurer
published, never a plan's name.
"""

from __future__ import annotations

from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.clinics.trust import CredentialKind, SelfPayPrice

from .nodes import Node, compact

CURRENCY = "USD"


def _organization(name: str, url: str = "") -> Node:
    return compact({"@type": "Organization", "name": name, "url": url})


def credential(item) -> Node:
    return compact(
        {
            "@type": "EducationalOccupationalCredential",
            "name": item["name"],
            "credentialCategory": str(CredentialKind(item["kind"]).label),
            "recognizedBy": _organization(item["issuer"]) if item["issuer"] else None,
            "url": item["url"],
        }
    )


def price_specification(price: SelfPayPrice) -> Node:
    if price.is_range:
        amounts = {"minPrice": float(price.price), "maxPrice": float(price.max_price)}
    else:
        amounts = {"price": float(price.price)}
    return {"@type": "PriceSpecification", **amounts, "priceCurrency": CURRENCY}


def offer(price: SelfPayPrice, organization_id: str) -> Node:
    return compact(
        {
            "@type": "Offer",
            "itemOffered": compact(
                {"@type": "Service", "name": price.service, "description": price.includes}
            ),
            "priceSpecification": price_specification(price),
            "description": price.note,
            "offeredBy": {"@id": organization_id},
        }
    )


def trust_properties(clinic: ClinicSettings, organization_id: str) -> Node:
    """The properties the practice's node gains (empty ones are dropped by ``compact``)."""
    return {
        "foundingDate": str(clinic.founded_year) if clinic.founded_year else None,
        "memberOf": [_organization(item["name"], item["url"]) for item in clinic.affiliations],
        "hasCredential": [credential(item) for item in clinic.accreditations],
        "healthPlanNetworkId": [p["network_id"] for p in clinic.plan_list if p["network_id"]],
        "makesOffer": [offer(price, organization_id) for price in clinic.price_list],
    }
