"""The permission matrix: each role of clinic A, each kind of clinic B's objects, each admin URL.

For every (role, endpoint) pair the same URL is requested for clinic B's object, where it must be
refused (403, 404, or Wagtail's redirect to the dashboard with its permission-denied message)
and show nothing of clinic B, and for clinic A's own object, where it must work exactly when the
role has the right for it. A superuser reaches every one of clinic B's URLs, which proves each
refusal is a refusal and not a broken URL. Form submissions are in test_write_matrix.py.
"""

from __future__ import annotations

import pytest

from tests.isolation.endpoints import (
    RIGHTS,
    appointments_available,
    clinic_wide_endpoints,
    object_endpoints,
)
from tests.isolation.responses import (
    assert_nothing_of,
    assert_refused,
    assert_works,
    body,
    fetch,
    is_refused,
)
from tests.isolation.two_clinics import ROLES

# Wagtail views that would leak another clinic's data and have no hook to scope them (the
# install-wide reports, the page chooser's "chosen multiple", the workflow-cancellation
# confirmation) are guarded by clinics.middleware. A view found to leak again is listed here as
# a strict xfail, so the suite says when it is closed:
# endpoint id -> (roles, own-clinic roles, reason).
CORE_LEAKS: dict[str, tuple[set[str], set[str], str]] = {}

OBJECTS = object_endpoints()
WIDE = clinic_wide_endpoints()
SINGLE = [e for e in [*OBJECTS, *WIDE] if not e.listing]
LISTINGS = [e for e in [*OBJECTS, *WIDE] if e.listing]
ALL = [*OBJECTS, *WIDE]


def _params(endpoints, roles=ROLES):
    params = [
        pytest.param(role, endpoint, id=f"{role}-{endpoint.id}")
        for endpoint in endpoints
        for role in roles
    ]
    if not appointments_available():
        params += [
            pytest.param(
                role,
                None,
                id=f"{role}-appointment",
                marks=pytest.mark.skip(
                    reason="appointments.AppointmentRequest or its admin viewset is not there yet"
                ),
            )
            for role in roles
        ]
    return params


def _known_leak(request, role, endpoint, own=False):
    if endpoint is None or endpoint.id not in CORE_LEAKS:
        return
    roles, own_roles, reason = CORE_LEAKS[endpoint.id]
    if role in (own_roles if own else roles):
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))


@pytest.mark.parametrize(("role", "endpoint"), _params(SINGLE))
def test_other_clinics_object_is_refused(request, w, client_for, role, endpoint):
    _known_leak(request, role, endpoint)
    client = client_for(w.a.users[role])
    response = fetch(client, endpoint.url(w.b))
    assert_refused(response)
    assert_nothing_of(w.b, response)


@pytest.mark.parametrize(("role", "endpoint"), _params(LISTINGS))
def test_other_clinics_objects_are_not_listed(request, w, client_for, role, endpoint):
    _known_leak(request, role, endpoint)
    client = client_for(w.a.users[role])
    response = fetch(client, endpoint.url(w.b))
    assert response.status_code < 500
    extra = [endpoint.shows(w.b)] if endpoint.shows and endpoint.shows(w.b) else []
    assert_nothing_of(w.b, response, extra=extra)


@pytest.mark.database_agnostic
@pytest.mark.parametrize(("role", "endpoint"), _params(ALL))
def test_own_clinic_works_with_the_right(request, w, client_for, role, endpoint):
    _known_leak(request, role, endpoint, own=True)
    client = client_for(w.a.users[role])
    response = fetch(client, endpoint.url(w.a))
    allowed = endpoint.right in RIGHTS[role]
    marker = endpoint.shows(w.a) if endpoint.shows else None
    if not endpoint.listing:
        if allowed:
            assert_works(response)
        else:
            assert_refused(response)
    elif allowed:
        assert_works(response)
        if marker:
            assert marker in body(response), f"{marker!r} missing from {endpoint.id}"
    elif not is_refused(response) and marker:
        assert marker not in body(response)
    assert_nothing_of(w.b, response)


@pytest.mark.database_agnostic
@pytest.mark.parametrize("endpoint", [pytest.param(e, id=e.id) for e in ALL])
def test_superuser_reaches_the_other_clinic(w, client_for, endpoint):
    """The witness: every URL above works for clinic B's object when the user may see it."""
    response = fetch(client_for(w.superuser), endpoint.url(w.b))
    assert_works(response)
    if endpoint.listing and endpoint.shows and endpoint.shows(w.b):
        assert endpoint.shows(w.b) in body(response)
