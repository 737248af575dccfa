"""Valid admin form submissions for each kind of clinic object.

The same payload is sent to clinic A's own object (where it must change it) and to clinic B's
(where it must change nothing), so a refusal of B's object is never a mere validation error.
"""

from __future__ import annotations

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)


def _page_common(page, title: str) -> dict:
    return {
        "title": title,
        "slug": page.slug,
        "seo_title": "",
        "search_description": "",
        "show_in_menus": "",
        "listing_summary": "",
        "listing_image": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }


def treatment_page_data(page, title: str) -> dict:
    return nested_form_data(
        {
            **_page_common(page, title),
            "summary": page.summary,
            "alternate_names": page.alternate_names,
            "condition_links": inline_formset([]),
            "regulatory_statuses": inline_formset([]),
            "body": streamfield(
                [
                    (
                        "section",
                        {"heading": "What is it?", "body": rich_text("<p>Plain words.</p>")},
                    )
                ]
            ),
            "reference_links": inline_formset([]),
            "related_links": inline_formset([]),
            "show_default_cta": "on",
        }
    )


def condition_page_data(page, title: str) -> dict:
    return nested_form_data(
        {
            **_page_common(page, title),
            "summary": page.summary,
            "alternate_names": page.alternate_names,
            "symptoms": inline_formset([]),
            "causes": inline_formset([]),
            "body": streamfield([]),
        }
    )


def page_data(page, title: str) -> dict:
    builders = {"treatmentpage": treatment_page_data, "conditionpage": condition_page_data}
    return builders[page.specific_class._meta.model_name](page.specific, title)


def location_data(location, *, name: str, site_id: int | None = None) -> dict:
    return nested_form_data(
        {
            "site": site_id or location.site_id,
            "name": name,
            "street_address": location.street_address,
            "locality": location.locality,
            "region": location.region,
            "postal_code": location.postal_code,
            "country": location.country,
            "latitude": "",
            "longitude": "",
            "phone": location.phone,
            "email": location.email,
            "parking_and_access": "",
            "texts_in_other_languages-count": 0,
            "time_zone": location.time_zone,
            "hours": inline_formset([]),
            "closures": inline_formset([]),
            "sort_order": location.sort_order,
        }
    )


def question_data(question, *, text: str, site_id: int | None = None) -> dict:
    return {
        "site": site_id or question.site_id,
        "topic": question.topic,
        "language": question.language,
        "question": text,
        "answer": rich_text("<p>Yes, most weekdays.</p>"),
        "sort_order": question.sort_order,
    }


def image_data(image, *, title: str) -> dict:
    return {
        "title": title,
        "description": f"{title}: a treatment room",  # the alt text every image form asks for
        "collection": image.collection_id,
        "tags": "",
        "alt_text": "",
    }


def document_data(document, *, title: str) -> dict:
    return {"title": title, "collection": document.collection_id, "tags": ""}


def settings_data(settings, *, practice_name: str) -> dict:
    return {
        "practice_name": practice_name,
        "tagline": settings.tagline,
        "logo": "",
        "theme": settings.theme,
        "brand_colour": settings.brand_colour,
        "accent_colour": settings.accent_colour,
        "phone": settings.phone,
        "email": settings.email,
        "facebook_url": "",
        "instagram_url": "",
        "linkedin_url": "",
        "youtube_url": "",
        "disclaimer": settings.disclaimer,
        "appointment_page": settings.appointment_page_id or "",
        "cta_heading": settings.cta_heading,
        "cta_text": settings.cta_text,
        "cta_button_label": settings.cta_button_label,
        "review_interval_days": settings.review_interval_days,
        "reading_grade_target": settings.reading_grade_target,
        "languages": settings.languages,
        "texts_in_other_languages-count": 0,
        "disclaimer_in_other_languages-count": 0,
        "time_zone": settings.time_zone,
        # Trust signals (clinics.trust): three StreamFields, empty, and their notes.
        "founded_year": settings.founded_year or "",
        "credentials-count": 0,
        "insurance_plans-count": 0,
        "insurance_note": settings.insurance_note,
        "self_pay_prices-count": 0,
        "self_pay_note": settings.self_pay_note,
    }


def appointment_request_data(request, *, status: str, staff_notes: str) -> dict:
    return {"status": status, "add_note": staff_notes}
