"""The booking form as a patient meets it on a phone: links land on the form, errors come
first, and a time is chosen office -> day -> time, with or without JavaScript."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from clinic_pages.appointments.models import AppointmentRequest, AppointmentSlot
from tests import factories
from tests.appointments.conftest import add_slot, form_token, form_url, post_form, valid_data

pytestmark = pytest.mark.django_db


def _html(response) -> str:
    return response.content.decode()


def _second_office_slot(clinic, *, days=4, hour=9) -> AppointmentSlot:
    office = factories.LocationFactory(site=clinic.site, name="Second office")
    start = (timezone.localtime() + datetime.timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )
    return AppointmentSlot.objects.create(site=clinic.site, location=office, starts_at=start)


def _checked(html: str, name: str) -> list[str]:
    return re.findall(rf'<input type="radio" name="{name}" value="([^"]+)"[^>]*checked', html)


def _offered(html: str, name: str) -> list[str]:
    return re.findall(rf'<input type="radio" name="{name}" value="([^"]+)"', html)


def test_every_booking_link_lands_on_the_form(client, alpha):
    treatment_page = _html(alpha.get(client, alpha.extra["treatment"]))
    booking_url = form_url(alpha)
    links = set(re.findall(rf'href="({re.escape(booking_url)}[^"]*)"', treatment_page))
    assert links, "the treatment page links to the booking page"
    assert all(link.endswith("#booking-form") for link in links), links
    assert f"{booking_url}?treatment={alpha.extra['treatment'].pk}#booking-form" in links
    physician_page = _html(alpha.get(client, alpha.extra["physician"]))
    assert f"?physician={alpha.extra['physician'].pk}#booking-form" in physician_page


def test_the_form_comes_before_contact_cards_hours_and_what_to_bring(client, alpha):
    alpha.appointment.what_to_bring = "<p>Your referral letter.</p>"
    alpha.appointment.save_revision().publish()
    html = _html(client.get(form_url(alpha), HTTP_HOST=alpha.host))
    form_at = html.index('id="booking-form"')
    for later in ('id="contact-heading"', 'id="offices-heading"', 'id="bring-heading"'):
        assert later in html and form_at < html.index(later), later


def test_an_error_answer_opens_at_the_form_with_the_summary_first(client, alpha):
    token = form_token(client, alpha)
    response = post_form(client, alpha, valid_data(alpha, token, name="", consent=None))
    html = _html(response)
    assert response.status_code == 200
    action = re.search(r'<form class="booking-form" method="post" action="([^"]+)"', html)
    assert action and action.group(1).endswith("#booking-form")
    section = html[html.index('id="booking-form"') :]
    # The heading, then the summary, before any field.
    assert section.index('id="error-summary"') < section.index("<fieldset")
    assert 'tabindex="-1"' in section[: section.index("<fieldset")]
    assert '<a href="#id_name">Enter your name.</a>' in section
    assert 'aria-describedby="id_name_error"' in html


def test_the_picker_offers_one_office_day_and_its_times_at_a_time(client, alpha):
    first = add_slot(alpha, days=2, hour=10)
    same_day = add_slot(alpha, days=2, hour=11)
    later_day = add_slot(alpha, days=3, hour=10)
    other = _second_office_slot(alpha)
    html = _html(client.get(form_url(alpha), HTTP_HOST=alpha.host))
    offices = _offered(html, "office")
    assert offices == [str(first.location_id), str(other.location_id)]
    assert _checked(html, "office") == [str(first.location_id)]
    assert len(_offered(html, "day")) == 2  # the first office's two days
    assert _offered(html, "slot") == [str(first.pk), str(same_day.pk)]
    assert str(later_day.pk) not in _offered(html, "slot")
    assert "Central Time" in html  # the zone every time shown is on
    assert '<select name="slot"' not in html


def test_show_times_narrows_without_losing_a_word_and_sends_nothing(client, alpha):
    add_slot(alpha, days=2)
    other = _second_office_slot(alpha, days=5)
    token = form_token(client, alpha)
    data = valid_data(
        alpha, token, name="Jordan Keepme", office=str(other.location_id), step="times", slot=None
    )
    response = post_form(client, alpha, data)
    html = _html(response)
    assert response.status_code == 200
    assert AppointmentRequest.objects.count() == 0
    assert 'value="Jordan Keepme"' in html and "jordan@example.org" in html
    assert "Wheelchair access please." in html
    assert _offered(html, "slot") == [str(other.pk)]
    assert 'id="error-summary"' not in html and "aria-invalid" not in html
    assert "Nothing has been sent yet" in html


def test_a_time_ticked_elsewhere_than_the_office_chosen_is_not_booked(client, alpha):
    slot = add_slot(alpha, days=2)
    other = _second_office_slot(alpha, days=5)
    token = form_token(client, alpha)
    response = post_form(
        client,
        alpha,
        valid_data(alpha, token, slot=str(slot.pk), office=str(other.location_id)),
    )
    assert response.status_code == 200
    assert "not at the office or on the day you chose" in _html(response)
    assert AppointmentRequest.objects.count() == 0


def test_the_picker_keeps_the_chosen_time_after_an_error(client, alpha):
    add_slot(alpha, days=2, hour=9)
    chosen = add_slot(alpha, days=3, hour=11)
    token = form_token(client, alpha)
    response = post_form(client, alpha, valid_data(alpha, token, slot=str(chosen.pk), name=""))
    html = _html(response)
    assert _checked(html, "slot") == [str(chosen.pk)]
    local_day = timezone.localtime(chosen.starts_at).date().isoformat()
    assert _checked(html, "day") == [local_day]


def test_a_physician_link_offers_that_physicians_times_and_keeps_them_after_an_error(client, alpha):
    physician = alpha.extra["physician"]
    slot = add_slot(alpha, days=2)
    _second_office_slot(alpha)  # nobody's
    query = f"?physician={physician.pk}"
    html = _html(client.get(form_url(alpha) + query, HTTP_HOST=alpha.host))
    assert _offered(html, "office") == [] and 'name="office" value' in html  # one office
    assert _offered(html, "slot") == [str(slot.pk)]
    token = form_token(client, alpha, query)
    response = post_form(
        client, alpha, valid_data(alpha, token, name=""), path=form_url(alpha) + query
    )
    assert f'action="{form_url(alpha)}{query}#booking-form"' in _html(response)


def test_the_script_is_a_file_of_the_site_and_the_picker_data_names_no_one_private(client, alpha):
    add_slot(alpha, days=2)
    html = _html(client.get(form_url(alpha), HTTP_HOST=alpha.host))
    assert re.search(r'<script src="/static/clinic_pages/appointments/booking\.js" defer>', html)
    data = re.search(r'data-slots="([^"]+)"', html).group(1)
    assert "&quot;slots&quot;" in data and "Lee" in data  # the physician's name, as labelled
