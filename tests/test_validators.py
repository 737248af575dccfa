"""Brand colour and phone validation as an editor meets it in the clinic settings form."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from clinic_pages.clinics.models import ClinicSettings, Location
from clinic_pages.core.validators import (
    contrast_ratio,
    phone_validator,
    tel_href,
    validate_brand_colour_on_white,
)
from tests import factories


@pytest.mark.parametrize("colour", ["#1f4e79", "#7a3b00", "#000000", "#767676"])
def test_dark_brand_colours_are_accepted(colour):
    validate_brand_colour_on_white(colour)


@pytest.mark.parametrize("colour", ["#ffff00", "#ffffff", "#87ceeb", "#777777"])
def test_low_contrast_brand_colours_are_rejected_with_the_ratio(colour):
    with pytest.raises(ValidationError) as error:
        validate_brand_colour_on_white(colour)
    message = error.value.messages[0]
    assert f"{contrast_ratio(colour, '#ffffff'):.1f}:1" in message
    assert "4.5:1" in message
    assert "darker" in message


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # #767676 is the lightest grey that passes AA on white.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_settings_form_validation_names_the_failing_colour_fields(clinic):
    settings = clinic.settings
    settings.brand_colour = "#ffff00"
    settings.accent_colour = "#eeeeee"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert set(error.value.message_dict) == {"brand_colour", "accent_colour"}
    assert "contrast" in error.value.message_dict["brand_colour"][0]


def test_malformed_colour_gets_the_format_message_not_the_contrast_one(clinic):
    settings = clinic.settings
    settings.brand_colour = "navy"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    messages = error.value.message_dict["brand_colour"]
    assert messages == ["Enter a colour as # followed by six hexadecimal digits, e.g. #1f4e79."]


def test_default_colours_pass_validation(db):
    site = factories.SiteFactory()
    ClinicSettings(site=site, practice_name="Defaults").full_clean()


@pytest.mark.parametrize(
    "phone", ["(312) 555-0142", "312-555-0142", "312.555.0142", "+1 312 555 0142", "5550142"]
)
def test_usual_phone_formats_are_accepted(phone):
    phone_validator(phone)


@pytest.mark.parametrize(
    "phone", ["call us", "555-CALL-NOW", "12345", "312/555/0142", "+1 (312) 555-0142 ext 5"]
)
def test_phone_numbers_with_letters_or_too_few_digits_are_rejected(phone):
    with pytest.raises(ValidationError) as error:
        phone_validator(phone)
    assert "e.g. (312) 555-0142" in error.value.messages[0]


def test_location_phone_is_validated(clinic):
    location = Location(
        site=clinic.site,
        name="Main",
        street_address="1 Main St",
        locality="Glenview",
        region="IL",
        postal_code="60025",
        phone="ask at the desk",
    )
    with pytest.raises(ValidationError) as error:
        location.full_clean()
    assert "phone" in error.value.message_dict


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("(312) 555-0142", "tel:+13125550142"),
        ("+44 20 7946 0958", "tel:+442079460958"),
        ("555-0142", "tel:5550142"),
        ("", ""),
    ],
)
def test_tel_links_dial_digits_only_with_us_country_code(phone, href):
    assert tel_href(phone) == href
