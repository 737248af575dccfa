"""Two clinics built once per test package; every test runs in a savepoint rolled back after it.

Building two onboarded clinics with pages, snippets, media and staff takes seconds, and the
permission matrix has hundreds of cases, so the data is made once for the package inside an
outer transaction (as ``TestCase.setUpTestData`` does) and each test's own transaction is nested
in it. Nothing a test writes survives it, and the outer transaction is rolled back when the
package's last test is done, before any other package's tests run. Every user is signed in once
too; each test's client reuses that session. tests/governance imports these fixtures, and gets
its own two clinics, as the scope follows the conftest that declares the fixture.
"""

from __future__ import annotations

from http.cookies import SimpleCookie

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client

from tests.isolation.two_clinics import World, build_world


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build_world()
            sessions = {}
            for user in built.users():
                client = Client()
                client.force_login(user)
                sessions[user.pk] = client.cookies[settings.SESSION_COOKIE_NAME].value
            yield built, sessions, {}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def w(world, db) -> World:
    """The package's two clinics, inside this test's own (rolled back) transaction."""
    return world[0]


@pytest.fixture
def client_for(world, db):
    """``client_for(user)``: a client signed in as that user, on clinic A's admin host.

    One client per user is kept for the package: a new client builds Django's middleware chain
    again on its first request, and WhiteNoise's scan of the static files made that the largest
    cost of the matrix. Each test gets it back with only the user's session cookie.
    """
    built, sessions, clients = world

    def build(user) -> Client:
        client = clients.setdefault(user.pk, Client())
        client.defaults = {"HTTP_HOST": built.a.site.hostname}
        client.cookies = SimpleCookie({settings.SESSION_COOKIE_NAME: sessions[user.pk]})
        return client

    return build
