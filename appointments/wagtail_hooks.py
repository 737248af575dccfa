"""Admin: the front desk's inbox of appointment requests, its slots and working hours, and its
dashboard panel, all scoped to the user's clinics."""

from __future__ import annotations

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from clinic_pages.appointments.admin_forms import RequestTriageForm
from clinic_pages.appointments.dashboard import FrontDeskPanel, is_front_desk
from clinic_pages.appointments.models import (
    AppointmentRequest,
    AppointmentSlot,
    PhysicianSchedule,
)
from clinic_pages.appointments.permissions import ClinicScopedPermissionPolicy
from clinic_pages.appointments.views import admin as views
from clinic_pages.appointments.views.front_desk import SlotAgendaView
from clinic_pages.appointments.withdrawal import tell_staff, withdraw_slots_outside_hours
from clinic_pages.clinics.models import Location

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
    # The name (the link) and the time first: on a phone the rows stack in this order.
    list_display = [
        "name",
        # Times on the office's clock, naming the zone (AppointmentRequest.received_at).
        Column("received_at", label=_("Received"), sort_key="created_at"),
        Column("status", accessor="get_status_display", label=_("Status"), sort_key="status"),
        "reference",
        "location",
        Column("physician", label=_("Physician")),
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
    ]
    export_filename = "appointment-requests"
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("notify_patient"), FieldPanel("add_note")],
        base_form_class=RequestTriageForm,
    )
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
        "clinic_notified_at",
        "patient_notified_at",
    ]

    def get_urlpatterns(self):
        # Requests come from patients only: no add view (copy is disabled above).
        return [p for p in super().get_urlpatterns() if p.name != "add"]


def slot_state(slot) -> str:
    """Booked or free, from the listing's annotation (views.admin.SlotIndexView)."""
    return _("Booked") if slot.is_booked else _("Free")


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
    list_display = [
        "__str__",
        Column("is_booked", accessor=slot_state, label=_("State"), sort_key="is_booked"),
        "location",
        "physician",
        "duration_minutes",
    ]
    filterset_class = views.AppointmentSlotFilterSet
    form_fields = ["location", "physician", "starts_at", "duration_minutes"]

    # The slot tools: (route, view, title, the permissions that open them).
    TOOLS = (
        ("today/", "agenda", SlotAgendaView, ["add", "change", "delete", "view"]),
        ("day/", "day", views.SlotDayView, ["add", "change", "delete", "view"]),
        ("pattern/", "pattern", views.SlotPatternView, ["add"]),
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            tool_url_names=[
                (self.get_url_name(name), view.page_title, actions)
                for _route, name, view, actions in self.TOOLS
            ],
            **kwargs,
        )

    def tool_view(self, name, view_class):
        return self.construct_view(
            view_class, url_name=self.get_url_name(name), index_url_name=self.get_url_name("index")
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            *(
                path(route, self.tool_view(name, view), name=name)
                for route, name, view, _actions in self.TOOLS
            ),
        ]

    def tool_menu_items(self) -> list[MenuItem]:
        policy = self.permission_policy
        return [
            ToolMenuItem(
                view.page_title,
                reverse_lazy(self.get_url_name(name)),
                name=f"slots-{name}",
                icon_name="time",
                order=self.menu_order + 10 * (index + 1),
                shown=lambda user, actions=actions: policy.user_has_any_permission(user, actions),
            )
            for index, (_route, name, view, actions) in enumerate(self.TOOLS)
        ]


class ToolMenuItem(MenuItem):
    """A slot tool in the Appointments menu, shown to those its view lets in."""

    def __init__(self, *args, shown, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown = shown

    def is_shown(self, request):
        return self.shown(request.user)


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

    def get_submenu_items(self):
        slots = next(v for v in self.registerables if isinstance(v, AppointmentSlotViewSet))
        return sorted(
            [*super().get_submenu_items(), *slots.tool_menu_items()], key=lambda item: item.order
        )


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
        "clinic_pages.appointments.note_added", _("Add a note"), _("Note added to the timeline")
    )
    actions.register_action(
        "clinic_pages.appointments.message_queued",
        _("Write a message to the patient"),
        _("Status message to the patient written"),
    )
    actions.register_action(
        "clinic_pages.appointments.message_sent",
        _("Send a message to the patient"),
        _("Status message to the patient sent"),
    )
    actions.register_action(
        "clinic_pages.appointments.cancel_by_patient",
        "Cancel by patient",
        "Cancelled by the patient",
    )


@hooks.register("construct_homepage_panels")
def add_front_desk_panel(request, panels):
    """The front desk's dashboard: its queues, today's requests and slots (editors, who may not
    read requests, keep theirs)."""
    if is_front_desk(request.user):
        panels.append(FrontDeskPanel(request.user))


@hooks.register("after_edit_snippet")
def withdraw_slots_outside_new_hours(request, instance):
    """An office's changed opening hours or closures withdraw its free slots outside them and
    flag the booked ones for the front desk (appointments.withdrawal)."""
    if isinstance(instance, Location):
        slots = AppointmentSlot.objects.filter(location=instance)
        tell_staff(request, withdraw_slots_outside_hours(slots, request.user))
