"""What a refused, a working and a leaking admin response look like."""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import escape

from tests.isolation.two_clinics import ClinicWorld

# Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and this message.
DENIED_MESSAGE = "Sorry, you do not have permission to access this area."


def body(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
        response.streaming_content = [content]  # keep it readable for a second look
    else:
        content = response.content
    return content.decode("utf-8", errors="replace")


def _final_path(response) -> str:
    return response.request["PATH_INFO"]


def _denial_redirect(response) -> bool:
    if response.status_code != 302 or response["Location"] != reverse("wagtailadmin_home"):
        return False
    return any(DENIED_MESSAGE in str(m) for m in get_messages(response.wsgi_request))


def fetch(client, url: str):
    """GET the URL, following redirects, except Wagtail's permission-denied one.

    Following that one would render the whole dashboard for every refusal; the message the
    view queued tells the refusal apart from a redirect to the dashboard for other reasons.
    """
    response = client.get(url)
    for _ in range(3):
        if response.status_code not in (301, 302) or _denial_redirect(response):
            break
        response = client.get(response["Location"])
    return response


def is_refused(response) -> bool:
    """403, 404, or Wagtail's redirect to the dashboard with its permission-denied message."""
    return response.status_code in (403, 404) or _denial_redirect(response)


def assert_refused(response) -> None:
    assert is_refused(response), f"not refused: {response.status_code} at {_final_path(response)}"


def assert_works(response) -> None:
    assert response.status_code == 200, f"{response.status_code} at {_final_path(response)}"


def assert_nothing_of(clinic: ClinicWorld, response, extra: list[str] | None = None) -> None:
    """No title, name or page link of this clinic's objects anywhere in the response."""
    content = body(response)
    for marker in [*clinic.titles(), *(extra or [])]:
        assert marker not in content and escape(marker) not in content, (
            f"{marker!r} of {clinic.name} shown at {_final_path(response)}"
        )
    for link in clinic.page_links():
        assert link not in content, f"link {link} of {clinic.name} at {_final_path(response)}"
