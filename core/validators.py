"""Validation and formatting shared by the apps: brand colours, contrast, phone numbers, NPIs."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

hex_colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", "Enter a colour as # followed by six hexadecimal digits, e.g. #1f4e79."
)

phone_validator = RegexValidator(
    r"^\+?[0-9 ().\-]{7,25}$",
    "Enter a phone number with digits, spaces, dashes, dots or brackets, e.g. (312) 555-0142.",
)


def _relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio between two #rrggbb colours."""
    lighter, darker = sorted(
        (_relative_luminance(foreground), _relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def validate_brand_colour_on_white(value: str) -> None:
    """Brand colours carry white text and sit on white pages, so both need AA contrast (4.5:1)."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value or ""):
        return
    ratio = contrast_ratio(value, "#ffffff")
    if ratio < 4.5:
        raise ValidationError(
            _(
                "This colour has a contrast of %(ratio)s:1 against white; "
                "choose a darker shade that reaches at least 4.5:1 so text stays readable."
            ),
            params={"ratio": number_format(round(ratio, 1), 1)},
        )


def tel_href(phone: str) -> str:
    """A tel: link target with only the digits and a leading plus."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    if digits and not digits.startswith("+") and len(digits) == 10:
        digits = "+1" + digits
    return f"tel:{digits}" if digits else ""


def validate_npi(value: str) -> None:
    """A US National Provider Identifier: ten digits whose last is the Luhn check digit of the
    first nine behind the prefix 80840 (the CMS standard), so a mistyped digit is caught."""
    if not re.fullmatch(r"\d{10}", value):
        raise ValidationError(_("An NPI is exactly ten digits."), code="npi_format")
    digits = [int(d) for d in "80840" + value[:9]]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        doubled = digit * 2 if position % 2 == 0 else digit
        total += doubled - 9 if doubled > 9 else doubled
    if (10 - total % 10) % 10 != int(value[9]):
        raise ValidationError(
            _("This NPI fails its check digit: please compare it with the NPPES registry."),
            code="npi_check_digit",
        )
