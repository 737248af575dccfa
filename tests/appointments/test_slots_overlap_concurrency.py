"""Two writers adding overlapping slots for one physician at the same moment: PostgreSQL's
exclusion constraint lets exactly one through."""

from __future__ import annotations

import datetime
import threading
import zoneinfo

import pytest
from django.db import IntegrityError, connection, connections

from clinic_pages.appointments.models import AppointmentSlot
from tests import factories

CHICAGO = zoneinfo.ZoneInfo("America/Chicago")


# Skipped before any fixture runs, as in test_slot_concurrency: a transactional test flushes
# the database afterwards, which on SQLite would take the migrations' rows from later tests.
@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: run with DATABASE_URL=postgres://... to test real concurrency",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_overlapping_slots_for_one_physician_leave_one(alpha):
    glenview = alpha.extra["location"]
    evanston = factories.LocationFactory(site=alpha.site, name="Evanston")
    physician = alpha.extra["physician"]
    nine = datetime.datetime(2030, 1, 7, 9, 0, tzinfo=CHICAGO)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def add(office, starts_at):
        try:
            barrier.wait()
            AppointmentSlot.objects.create(
                location=office, physician=physician, starts_at=starts_at, duration_minutes=60
            )
            outcomes.append("created")
        except IntegrityError:
            outcomes.append("refused")
        except Exception as error:  # named in the assertion below, not lost with the thread
            outcomes.append(f"error: {error!r}")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=add, args=(glenview, nine)),
        threading.Thread(target=add, args=(evanston, nine + datetime.timedelta(minutes=30))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["created", "refused"]
    assert AppointmentSlot.objects.filter(physician=physician).count() == 1
