"""Two visitors booking the same slot at the same moment: the database lets exactly one win."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from clinic_pages.appointments.models import AppointmentRequest
from tests.appointments.conftest import add_slot, form_token, post_form, valid_data


# Skipped before any fixture runs: a transactional test flushes the database afterwards, which
# on SQLite would take the migrations' rows (the default locale) from the tests after it.
@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: run with DATABASE_URL=postgres://... to test real concurrency",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_bookings_of_one_slot_yield_one_winner(alpha, django_db_blocker):
    from django.test import Client

    slot = add_slot(alpha)
    clients = [Client(), Client()]
    payloads = [
        valid_data(alpha, form_token(c, alpha), slot=str(slot.pk), phone=f"(312) 555-010{i}")
        for i, c in enumerate(clients)
    ]
    barrier = threading.Barrier(2)
    statuses: list[int] = []
    answers: list[str] = []

    def post(client, data):
        try:
            barrier.wait()
            response = post_form(client, alpha, data)
            statuses.append(response.status_code)
            answers.append(f"{response.status_code} {response.get('Location', '')}")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=post, args=pair) for pair in zip(clients, payloads, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    stored = list(AppointmentRequest.objects.values_list("reference", "slot_id", "status"))
    assert sorted(statuses) in ([303, 409], [200, 303]), (answers, stored, slot.pk)
    assert AppointmentRequest.objects.filter(slot=slot).count() == 1
