"""The two clinics of tests/isolation (built once for this package)."""

from tests.isolation.conftest import client_for, w, world  # noqa: F401  (fixtures)
