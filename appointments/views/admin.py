"""Admin views for requests and slots; every one of them sees only the user's own clinics.

Scoping happens in each view's queryset, so a request of another clinic is a 404 whether it is
listed, inspected, exported, edited, deleted or looked up in its history.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

import django_filters
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views import generic
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from clinic_pages.appointments.admin_forms import OfficeTimeSlotFormMixin, WeeklySlotPatternForm
from clinic_pages.appointments.front_desk import QUEUE_CHOICES, QUEUES, in_queue, queue_counts
from clinic_pages.appointments.local_time import office_time, zone_label
from clinic_pages.appointments.models import (
    ACTIVE_STATUSES,
    AppointmentRequest,
    AppointmentSlot,
    PhysicianSchedule,
    RequestNote,
    SlotOverlapError,
)
from clinic_pages.appointments.status_messages import (
    enqueue_status_message,
    record_status_message,
)
from clinic_pages.appointments.timeline import contact_links, timeline_rows
from clinic_pages.appointments.views.front_desk import NeverCachedMixin, SlotToolMixin
from clinic_pages.appointments.withdrawal import tell_staff, withdraw_slots_outside_hours
from clinic_pages.clinics.access import sites_for_user
from clinic_pages.clinics.forms import confine_choices
from clinic_pages.clinics.models import ClinicSettings, Location
from clinic_pages.physicians.models import PhysicianPage

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def user_locations(request):
    return Location.objects.filter(site__in=sites_for_user(request.user))


def user_physicians(request):
    roots = [
        site.root_page.path for site in sites_for_user(request.user).select_related("root_page")
    ]
    if not roots:
        return PhysicianPage.objects.none()
    query = Q()
    for path in roots:
        query |= Q(path__startswith=path)
    return PhysicianPage.objects.filter(query).order_by("family_name")


class ClinicScopedMixin:
    """Narrows the view's objects to the clinics the signed-in user works for."""

    def scoped(self, queryset=None):
        queryset = self.model._default_manager.all() if queryset is None else queryset
        return queryset.filter(site__in=sites_for_user(self.request.user))

    def get_base_object_queryset(self):  # history and usage
        return self.scoped()


class ScopedObjectMixin(ClinicScopedMixin):
    """For edit and delete views, which find their object through ``get_queryset``."""

    def get_queryset(self):
        return self.scoped()


# ---------------------------------------------------------------------------------- requests


class AppointmentRequestFilterSet(WagtailFilterSet):
    queue = django_filters.ChoiceFilter(
        label=_("Queue"), choices=QUEUE_CHOICES, method="filter_queue"
    )
    status = django_filters.ChoiceFilter(choices=AppointmentRequest.Status.choices)
    site = django_filters.ModelChoiceFilter(
        label=_("Clinic"), queryset=lambda request: sites_for_user(request.user)
    )
    location = django_filters.ModelChoiceFilter(label=_("Office"), queryset=user_locations)
    physician = django_filters.ModelChoiceFilter(queryset=user_physicians)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received"), widget=DateRangePickerWidget
    )
    slot__starts_at = django_filters.DateFromToRangeFilter(
        label=_("Appointment date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = AppointmentRequest
        fields = [
            "queue",
            "status",
            "site",
            "location",
            "physician",
            "created_at",
            "slot__starts_at",
        ]

    def filter_queue(self, queryset, name, value):
        return in_queue(queryset, value)


# Filters that choose whose requests are counted in the queue tabs (not which queue).
QUEUE_SCOPE_FILTERS = ("site", "location", "physician")


class RequestIndexView(NeverCachedMixin, ClinicScopedMixin, generic.IndexView):
    """The front desk's inbox: the clinic's requests in queues (new, contacted, booked,
    closed), per clinic and office, searchable by reference, name, e-mail or phone, with a
    checkbox per row for deleting several at once (an erasure request may name many)."""

    template_name = "clinic_pages/appointments/admin/request_index.html"

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="request"), *super().columns]

    def _get_title_column(self, *args, **kwargs):
        return super()._get_title_column(
            *args, **kwargs, get_title_id=lambda instance: f"request_{instance.pk}_title"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["queue_tabs"] = self.queue_tabs()
        slots = policy_registry.get_by_type(AppointmentSlot)
        if slots.user_has_any_permission(self.request.user, ["add", "change", "delete", "view"]):
            context["agenda_url"] = reverse("appointment_slots:agenda")
        return context

    def queue_tabs(self) -> list[dict]:
        """One link per queue, keeping the chosen clinic, office and physician, with how many
        requests wait there."""
        scope = {
            key: self.request.GET[key] for key in QUEUE_SCOPE_FILTERS if self.request.GET.get(key)
        }
        requests = self.scoped(AppointmentRequest.objects.all())
        filters = AppointmentRequestFilterSet(scope, queryset=requests, request=self.request)
        counts = queue_counts(filters.qs if filters.is_valid() else requests)
        current = self.request.GET.get("queue", "")
        base = reverse(self.index_url_name)
        return [
            {
                "label": queue.label,
                "count": counts[queue.key],
                "url": f"{base}?{urlencode({**scope, 'queue': queue.key})}",
                "current": queue.key == current,
            }
            for queue in QUEUES
        ]

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.search(self.search_query)

    def get_base_queryset(self):
        return with_clinic_time_zone(
            self.scoped(super().get_base_queryset()).select_related(
                "location", "physician", "slot__location"
            )
        )

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            exported = context["object_list"]
            for booking in exported:  # evaluates once; the export reuses the result cache
                log(booking, "clinic_pages.appointments.export", user=self.request.user)
        return super().render_to_response(context, **response_kwargs)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        # Spreadsheets get the office's clock too, naming the zone, never bare UTC.
        for field, value in row.items():
            if isinstance(value, datetime.datetime):
                row[field] = office_time(value, item.time_zone, "sortable")
        if "slot_starts_at" in row and item.slot_id:
            row["slot_starts_at"] = office_time(item.slot.starts_at, item.time_zone, "sortable")
        return row

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # Typed text must never run as a spreadsheet formula.
        if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value


def with_clinic_time_zone(requests):
    """Requests with their clinic's zone at hand, for those that name no office."""
    zone = ClinicSettings.objects.filter(site=OuterRef("site")).values("time_zone")[:1]
    return requests.annotate(clinic_time_zone=Subquery(zone))


class RequestInspectView(NeverCachedMixin, ClinicScopedMixin, generic.InspectView):
    """One request, with click-to-call and mail links and its timeline of notes and messages."""

    template_name = "clinic_pages/appointments/admin/request_inspect.html"

    def get_object(self, queryset=None):
        requests = self.scoped().select_related("location", "slot__location")
        return get_object_or_404(with_clinic_time_zone(requests), pk=self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            timeline=timeline_rows(self.object),
            contact=contact_links(self.object),
            edit_url=self.get_edit_url(),
        )
        return context

    def get_phone_display_value(self):
        return contact_links(self.object)["phone"]

    def get_email_display_value(self):
        return contact_links(self.object)["email"]

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name, None)
        if isinstance(value, datetime.datetime):
            return office_time(value, self.object.time_zone)
        return super().get_field_display_value(field_name, field)

    def get(self, request, *args, **kwargs):
        log(self.object, "clinic_pages.appointments.view", user=request.user)
        return super().get(request, *args, **kwargs)

    def get_slot_display_value(self):
        return str(self.object.slot) if self.object.slot_id else _("Callback request")

    def get_physician_display_value(self):
        return self.object.physician.display_name if self.object.physician_id else "—"


class RequestEditView(NeverCachedMixin, ScopedObjectMixin, generic.EditView):
    """Staff change the status and add notes to the timeline; nothing the patient sent is
    editable. A new status may e-mail the patient a templated message (status_messages)."""

    template_name = "clinic_pages/appointments/admin/request_edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["timeline"] = timeline_rows(self.object)
        context["contact"] = contact_links(self.object)
        return context

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        self.status_before = obj.status
        return obj

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(self.object, "clinic_pages.appointments.view", user=request.user)
        return response

    def save_instance(self):
        user, data = self.request.user, self.form.cleaned_data
        with transaction.atomic():
            instance = super().save_instance()
            text = data.get("add_note", "").strip()
            if text:
                note = RequestNote.objects.create(request=instance, author=user, text=text)
                # The log names the entry only: a note may name the patient.
                log(
                    instance,
                    "clinic_pages.appointments.note_added",
                    user=user,
                    data={"entry": note.pk},
                )
            if instance.status != self.status_before:
                log(
                    instance,
                    "clinic_pages.appointments.status_change",
                    user=user,
                    data={"from": self.status_before, "to": instance.status},
                )
                message = (
                    record_status_message(instance, user) if data.get("notify_patient") else None
                )
                if message is not None:
                    transaction.on_commit(lambda: enqueue_status_message(message.pk))
        return instance


class RequestDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class RequestHistoryView(ClinicScopedMixin, history.HistoryView):
    pass


class RequestUsageView(ClinicScopedMixin, usage.UsageView):
    pass


# ---------------------------------------------------------------------------------- slots


class AppointmentSlotFilterSet(WagtailFilterSet):
    location = django_filters.ModelChoiceFilter(label=_("Office"), queryset=user_locations)
    physician = django_filters.ModelChoiceFilter(queryset=user_physicians)
    starts_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = AppointmentSlot
        fields = ["location", "physician", "starts_at"]


class SlotFormMixin:
    def get_form_class(self):
        return type("OfficeTimeSlotForm", (OfficeTimeSlotFormMixin, super().get_form_class()), {})

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except SlotOverlapError:  # another slot written between the form's check and the save
            form.add_error("starts_at", _("The physician already has a slot at that time."))
            return self.form_invalid(form)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Confined, so a posted id of another clinic renders an empty chooser, not its name.
        confine_choices(form.fields["location"], user_locations(self.request))
        confine_choices(form.fields["physician"], user_physicians(self.request))
        return form


class SlotIndexView(ClinicScopedMixin, generic.IndexView):
    """The slots, each booked or free, with the slot tools a button away."""

    tool_url_names = ()  # (url name, label, permission), set by the viewset

    def get_base_queryset(self):
        taken = AppointmentRequest.objects.filter(slot=OuterRef("pk"), status__in=ACTIVE_STATUSES)
        return (
            self.scoped(super().get_base_queryset())
            .select_related("location", "physician")
            .annotate(is_booked=Exists(taken))
        )

    @cached_property
    def header_buttons(self):
        policy = self.permission_policy
        return [
            *super().header_buttons,
            *(
                HeaderButton(label, url=reverse(url_name), icon_name="time")
                for url_name, label, action in self.tool_url_names
                if policy.user_has_any_permission(self.request.user, action)
            ),
        ]


class SlotCreateView(SlotFormMixin, generic.CreateView):
    pass


class SlotEditView(SlotFormMixin, ScopedObjectMixin, generic.EditView):
    pass


class SlotDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class SlotHistoryView(ClinicScopedMixin, history.HistoryView):
    pass


class SlotUsageView(ClinicScopedMixin, usage.UsageView):
    pass


class SlotPatternView(SlotToolMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Makes slots from the office's opening hours and the physician's working hours there;
    times a physician is already booked (at any office) and existing slots are skipped."""

    permission_required = "add"
    template_name = "clinic_pages/appointments/admin/slot_pattern.html"
    page_title = _("Create slots from a weekly pattern")
    header_icon = "time"
    model = None  # set by the viewset; its permission policy applies

    def get_form(self, form_class=None):
        return WeeklySlotPatternForm(
            **self.get_form_kwargs(),
            locations=user_locations(self.request),
            physicians=user_physicians(self.request),
        )

    def form_valid(self, form):
        location, physician = form.cleaned_data["location"], form.cleaned_data["physician"]
        try:
            created, skipped = AppointmentSlot.objects.add_free(
                location, physician, form.start_times(), form.cleaned_data["duration_minutes"]
            )
        except (SlotOverlapError, IntegrityError):  # a concurrent change: nothing was kept
            form.add_error(None, _("Slots changed meanwhile; nothing was created. Try again."))
            return self.form_invalid(form)
        message = ngettext(
            "%(count)d slot created at %(office)s (%(zone)s).",
            "%(count)d slots created at %(office)s (%(zone)s).",
            created,
        ) % {"count": created, "office": location.name, "zone": zone_label(location.time_zone)}
        if skipped:
            message += " " + ngettext(
                "%(count)d time was skipped: it overlaps an existing slot.",
                "%(count)d times were skipped: they overlap existing slots.",
                skipped,
            ) % {"count": skipped}
        messages.success(self.request, message)
        return redirect(self.index_url_name)


class SlotDayView(
    NeverCachedMixin, SlotToolMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """One day's slots across the user's offices, with who holds each, each office's day on
    its own clock."""

    any_permission_required = ["add", "change", "delete", "view"]
    template_name = "clinic_pages/appointments/admin/slot_day.html"
    page_title = _("Slots by day")
    header_icon = "time"
    model = None  # set by the viewset; its permission policy applies
    url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        day = parse_date(self.request.GET.get("date", "")[:10] or "") or timezone.localdate()
        # A day reaches from UTC-12 to UTC+14: narrow in SQL, then keep each office's own day.
        start = datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
        slots = [
            slot
            for slot in AppointmentSlot.objects.filter(
                site__in=sites_for_user(self.request.user),
                starts_at__gte=start - datetime.timedelta(hours=14),
                starts_at__lt=start + datetime.timedelta(hours=36),
            )
            .select_related("location", "physician")
            .order_by("location__sort_order", "location__name", "starts_at")
            if slot.local_starts_at.date() == day
        ]
        holders = dict(
            AppointmentRequest.objects.filter(
                slot__in=[slot.pk for slot in slots], status__in=ACTIVE_STATUSES
            ).values_list("slot_id", "reference")
        )
        url = reverse(self.url_name)
        context.update(
            day=day,
            rows=[(slot, holders.get(slot.pk)) for slot in slots],
            previous_url=f"{url}?date={day - datetime.timedelta(days=1):%Y-%m-%d}",
            next_url=f"{url}?date={day + datetime.timedelta(days=1):%Y-%m-%d}",
        )
        return context


# ---------------------------------------------------------------------------------- schedules


class PhysicianScheduleFilterSet(WagtailFilterSet):
    location = django_filters.ModelChoiceFilter(label=_("Office"), queryset=user_locations)
    physician = django_filters.ModelChoiceFilter(queryset=user_physicians)

    class Meta:
        model = PhysicianSchedule
        fields = ["location", "physician"]


class ScheduleFormMixin:
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        confine_choices(form.fields["location"], user_locations(self.request))
        confine_choices(form.fields["physician"], user_physicians(self.request))
        return form


class ScheduleIndexView(ClinicScopedMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.scoped(super().get_base_queryset()).select_related("location", "physician")


class ScheduleCreateView(ScheduleFormMixin, generic.CreateView):
    pass


class ScheduleEditView(ScheduleFormMixin, ScopedObjectMixin, generic.EditView):
    """Changed hours withdraw the physician's free slots now outside them (withdrawal)."""

    def save_instance(self):
        instance = super().save_instance()
        physician_slots = AppointmentSlot.objects.filter(physician=instance.physician_id)
        tell_staff(self.request, withdraw_slots_outside_hours(physician_slots, self.request.user))
        return instance


class ScheduleDeleteView(ScopedObjectMixin, generic.DeleteView):
    """Hours removed withdraw the physician's free slots now outside every row left."""

    def delete_action(self):
        physician_id = self.object.physician_id
        super().delete_action()
        physician_slots = AppointmentSlot.objects.filter(physician=physician_id)
        tell_staff(self.request, withdraw_slots_outside_hours(physician_slots, self.request.user))


class ScheduleHistoryView(ClinicScopedMixin, history.HistoryView):
    pass


class ScheduleUsageView(ClinicScopedMixin, usage.UsageView):
    pass


# ---------------------------------------------------------------------------------- erasure


class DeleteRequestsBulkAction(BulkAction):
    """Deletes the requests ticked in the listing, e.g. everything a search for one patient's
    e-mail address found; each deletion is written to the audit log by reference only."""

    display_name = _("Delete")
    action_type = "delete"
    aria_label = _("Delete selected appointment requests")
    template_name = "clinic_pages/appointments/admin/confirm_bulk_delete.html"
    action_priority = 30
    classes = {"serious"}
    models = [AppointmentRequest]

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(AppointmentRequest)

    def visible(self):
        """Requests of the user's clinics: others' are never listed, not even as refused."""
        return AppointmentRequest.objects.filter(site__in=sites_for_user(self.request.user))

    def get_queryset(self, model, object_ids):
        ids = [value for value in object_ids if str(value).isascii() and str(value).isdecimal()]
        objects = list(
            self.visible().filter(pk__in=[int(value) for value in ids if len(str(value)) < 19])
        )
        if not objects:
            raise Http404("No appointment requests chosen.")
        return objects

    def get_all_objects_in_listing_query(self, parent_id):
        return self.visible().values_list("pk", flat=True)

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "delete", obj
        )

    def object_context(self, obj):
        return {"item": obj, "received": obj.created_at, "status": obj.get_status_display()}

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for booking in objects:
            log(booking, "wagtail.delete", user=user)
        AppointmentRequest.objects.filter(pk__in=[booking.pk for booking in objects]).delete()
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d appointment request deleted.",
            "%(count)d appointment requests deleted.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
