"""What a clinic's hostname may be: a DNS name, lower-case, never a wildcard or an address list.

A Site's hostname becomes an entry of ALLOWED_HOSTS (clinics.hosts) and the host of every link
the clinic's pages and e-mails carry, so only plain names are accepted: letters, digits and
hyphens in dot-separated labels (internationalised names in their ASCII "xn--" form).
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 253
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def normalise_hostname(value: str) -> str:
    """The hostname as the Site stores it (lower case, no surrounding space); ValidationError
    when it is not a plain DNS name."""
    name = (value or "").strip().lower()
    if not name or len(name) > MAX_LENGTH or not all(map(_LABEL.fullmatch, name.split("."))):
        raise ValidationError(
            _(
                "Enter a host name such as lakeside.example.com: letters, digits and hyphens, "
                "in parts separated by dots, without http:// or a path."
            ),
            code="invalid_hostname",
        )
    return name
