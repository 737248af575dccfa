"""The front desk's dashboard panel: its own clinic's queues, today's requests and slots, links;
editors, who may not read requests, keep their dashboard without it."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from clinic_pages.appointments.models import AppointmentRequest
from tests.appointments.conftest import staff_of
from tests.appointments.front_desk_support import make_request, office_now, slot_at

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status


def _panel(html: str) -> str:
    start = html.index('aria-labelledby="front-desk-heading"')
    return html[start : html.index("</section>", start)]


def test_the_front_desk_sees_its_queues_today_and_links(client, alpha, beta, django_user_model):
    client.force_login(staff_of(django_user_model, alpha, "alpha-desk"))
    make_request(alpha)
    make_request(alpha)
    make_request(alpha, status=Status.CONTACTED)
    old = make_request(alpha, status=Status.BOOKED)
    AppointmentRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    for _ in range(4):
        make_request(beta)
    today = office_now(alpha).replace(hour=23, minute=30, second=0, microsecond=0)
    make_request(alpha, slot=slot_at(alpha, today), status=Status.BOOKED)
    slot_at(alpha, today - datetime.timedelta(minutes=30))
    response = client.get("/admin/")
    assert response.status_code == 200
    panel = _panel(response.content.decode())
    assert "Front desk" in panel and alpha.site.site_name in panel
    assert beta.site.site_name not in panel
    assert f"site={alpha.site.pk}&amp;queue=new" in panel
    assert 'New <span class="w-status">2</span>' in panel
    assert 'Contacted <span class="w-status">1</span>' in panel
    assert 'Booked <span class="w-status">2</span>' in panel
    assert "4 requests received in the last 24 hours." in panel
    assert "Today: 1 slots booked, 1 free." in panel
    for url in ("/admin/appointment_requests/", "/admin/appointment_slots/today/"):
        assert f'href="{url}"' in panel


def test_editors_keep_their_dashboard_without_the_panel(client, alpha, django_user_model):
    make_request(alpha, name="Never Shown")
    group = Group.objects.create(name="alpha editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=alpha.home, permission=Permission.objects.get(codename="change_page")
    )
    editor = django_user_model.objects.create_user("alpha-editor", password="x")
    editor.groups.add(group)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "front-desk-heading" not in html
    assert "clinic-summary-heading" in html  # the editor's own panel stays
    assert "Never Shown" not in html
