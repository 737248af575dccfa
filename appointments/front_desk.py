"""What the front desk works from: the request queues and the coming days' slots.

Every function takes the user's clinics (``clinics.access.sites_for_user``) and never looks past
them. Days are each office's own: "today" at a Denver office is Denver's today.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic_pages.appointments.local_time import in_zone
from clinic_pages.appointments.models import (
    ACTIVE_STATUSES,
    AppointmentRequest,
    AppointmentSlot,
)

Status = AppointmentRequest.Status


@dataclass(frozen=True)
class Queue:
    key: str
    label: str
    statuses: tuple[str, ...]


QUEUES = (
    Queue("new", _("New"), (Status.NEW,)),
    Queue("contacted", _("Contacted"), (Status.CONTACTED,)),
    Queue("booked", _("Booked"), (Status.BOOKED,)),
    Queue("closed", _("Closed"), (Status.DECLINED, Status.NO_SHOW, Status.CANCELLED)),
)
QUEUE_CHOICES = [(queue.key, queue.label) for queue in QUEUES]
QUEUES_BY_KEY = {queue.key: queue for queue in QUEUES}


def in_queue(requests: QuerySet, key: str) -> QuerySet:
    queue = QUEUES_BY_KEY.get(key)
    return requests.filter(status__in=queue.statuses) if queue else requests


def queue_counts(requests: QuerySet) -> dict[str, int]:
    """How many of these requests wait in each queue (one query)."""
    by_status = dict(
        requests.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return {queue.key: sum(by_status.get(s, 0) for s in queue.statuses) for queue in QUEUES}


@dataclass(frozen=True)
class AgendaRow:
    slot: AppointmentSlot
    booking: AppointmentRequest | None

    @property
    def booked(self) -> bool:
        return self.booking is not None


@dataclass(frozen=True)
class AgendaDay:
    label: str
    rows: list[AgendaRow]

    @property
    def booked_count(self) -> int:
        return sum(row.booked for row in self.rows)

    @property
    def free_count(self) -> int:
        return len(self.rows) - self.booked_count


def slots_on_local_days(sites: QuerySet, days: list[int], now=None) -> dict[int, list[AgendaRow]]:
    """The slots of these clinics on each office's day ``now + n`` for n in ``days``, in time
    order, each with the active request holding it (or None when it is free)."""
    now = now or timezone.now()
    # Offices lie between UTC-12 and UTC+14: narrow in SQL, then keep each office's own days.
    start = now - datetime.timedelta(days=1, hours=14)
    end = now + datetime.timedelta(days=max(days) + 1, hours=14)
    slots = list(
        AppointmentSlot.objects.filter(site__in=sites, starts_at__gte=start, starts_at__lt=end)
        .select_related("location", "physician")
        .order_by("starts_at", "location__sort_order", "location__name")
    )
    holders = {
        booking.slot_id: booking
        for booking in AppointmentRequest.objects.filter(
            slot__in=[slot.pk for slot in slots], status__in=ACTIVE_STATUSES
        ).only("pk", "slot_id", "reference", "name", "status")
    }
    result: dict[int, list[AgendaRow]] = {n: [] for n in days}
    for slot in slots:
        office_today = in_zone(now, slot.time_zone).date()
        offset = (slot.local_starts_at.date() - office_today).days
        if offset in result:
            result[offset].append(AgendaRow(slot, holders.get(slot.pk)))
    return result


def agenda(sites: QuerySet, now=None) -> list[AgendaDay]:
    """Today's and tomorrow's slots, booked or free."""
    days = slots_on_local_days(sites, [0, 1], now)
    return [AgendaDay(str(_("Today")), days[0]), AgendaDay(str(_("Tomorrow")), days[1])]


def received_today(requests: QuerySet, now=None) -> int:
    """Requests that arrived in the last 24 hours: 'today' for offices in every zone."""
    now = now or timezone.now()
    return requests.filter(created_at__gte=now - datetime.timedelta(days=1)).count()
