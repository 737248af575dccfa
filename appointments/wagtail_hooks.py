"""Admin: the clinic's appointment requests and slots, scoped to the user's clinics."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from clinic_pages.appointments.models import (
    AppointmentRequest,
    AppointmentSlot,
    PhysicianSchedule,
)
from clinic_pages.appointments.permissions import ClinicScopedPermissionPolicy
from clinic_pages.appointments.views import admin as views

# Registered before the viewsets so Wagtail never builds its unscoped fallback policy.
register_permission_policy(
    AppointmentRequest, ClinicScopedPermissionPolicy(AppointmentRequest, allow_add=False)
)
register_permission_policy(AppointmentSlot, ClinicScopedPermissionPolicy(AppointmentSlot))
register_permission_policy(PhysicianSchedule, ClinicScopedPermissionPolicy(PhysicianSchedule))


class AppointmentRequestViewSet(ModelViewSet):
    model = AppointmentRequest
    name = "appointment_requests"
    icon = "mail"
    menu_label = "Requests"
    menu_order = 100
    index_view_class = views.RequestIndexView
    inspect_view_class = views.RequestInspectView
    edit_view_class = views.RequestEditView
    delete_view_class = views.RequestDeleteView
    history_view_class = views.RequestHistoryView
    usage_view_class = views.RequestUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    ordering = ["-created_at"]
    list_per_page = 50
    list_display = [
        "reference",
        # Times on the office's clock, naming the zone (AppointmentRequest.received_at).
        Column("received_at", label=_("Received"), sort_key="created_at"),
        Column("status", accessor="get_status_display", label="Status", sort_key="status"),
        "name",
        "location",
        Column("physician", label="Physician"),
        "slot_starts_at",
    ]
    filterset_class = views.AppointmentRequestFilterSet
    # RequestIndexView.search_queryset also matches phone numbers by their digits.
    search_fields = ["reference", "name", "email", "phone"]
    list_export = [
        "reference",
        "created_at",
        "status",
        "name",
        "phone",
        "email",
        "contact_method",
        "patient_status",
        "topic_label",
        "location",
        "physician",
        "slot_starts_at",
        "preferred_days",
        "preferred_times",
        "note",
        "staff_notes",
    ]
    export_filename = "appointment-requests"
    form_fields = ["status", "staff_notes"]
    inspect_view_fields = [
        "reference",
        "created_at",
        "status",
        "name",
        "phone",
        "email",
        "contact_method",
        "patient_status",
        "topic_label",
        "slot",
        "location",
        "physician",
        "preferred_days",
        "preferred_times",
        "note",
        "consented_at",
        "staff_notes",
        "clinic_notified_at",
        "patient_notified_at",
    ]

    def get_urlpatterns(self):
        # Requests come from patients only: no add view (copy is disabled above).
        return [p for p in super().get_urlpatterns() if p.name != "add"]


class AppointmentSlotViewSet(ModelViewSet):
    model = AppointmentSlot
    name = "appointment_slots"
    icon = "time"
    menu_label = "Slots"
    menu_order = 200
    index_view_class = views.SlotIndexView
    add_view_class = views.SlotCreateView
    edit_view_class = views.SlotEditView
    delete_view_class = views.SlotDeleteView
    history_view_class = views.SlotHistoryView
    usage_view_class = views.SlotUsageView
    copy_view_enabled = False
    ordering = ["starts_at"]
    list_per_page = 100
    list_display = ["__str__", "location", "physician", "duration_minutes"]
    filterset_class = views.AppointmentSlotFilterSet
    form_fields = ["location", "physician", "starts_at", "duration_minutes"]

    @property
    def pattern_view(self):
        return self.construct_view(
            views.SlotPatternView,
            index_url_name=self.get_url_name("index"),
        )

    @property
    def day_view(self):
        return self.construct_view(views.SlotDayView, url_name=self.get_url_name("day"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("pattern/", self.pattern_view, name="pattern"),
            path("day/", self.day_view, name="day"),
        ]


class PhysicianScheduleViewSet(ModelViewSet):
    """Which physician works where and when: the hours slots are made in."""

    model = PhysicianSchedule
    name = "physician_schedules"
    icon = "user"
    menu_label = _("Working hours")
    menu_order = 300
    index_view_class = views.ScheduleIndexView
    add_view_class = views.ScheduleCreateView
    edit_view_class = views.ScheduleEditView
    delete_view_class = views.ScheduleDeleteView
    history_view_class = views.ScheduleHistoryView
    usage_view_class = views.ScheduleUsageView
    copy_view_enabled = False
    list_per_page = 100
    list_display = ["__str__", "physician", "location", "weekday", "starts", "ends"]
    filterset_class = views.PhysicianScheduleFilterSet


class AppointmentsGroup(ModelViewSetGroup):
    menu_label = "Appointments"
    menu_icon = "date"
    menu_order = 250
    items = (AppointmentRequestViewSet, AppointmentSlotViewSet, PhysicianScheduleViewSet)


@hooks.register("register_admin_viewset")
def register_appointments_viewsets():
    return AppointmentsGroup()


hooks.register("register_bulk_action", views.DeleteRequestsBulkAction)


@hooks.register("register_log_actions")
def register_appointment_log_actions(actions):
    actions.register_action(
        "clinic_pages.appointments.view", "View appointment request", "Appointment request viewed"
    )
    actions.register_action(
        "clinic_pages.appointments.export",
        "Export appointment request",
        "Appointment request exported",
    )
    actions.register_action(
        "clinic_pages.appointments.status_change", "Change request status", "Request status changed"
    )
    actions.register_action(
        "clinic_pages.appointments.cancel_by_patient",
        "Cancel by patient",
        "Cancelled by the patient",
    )
