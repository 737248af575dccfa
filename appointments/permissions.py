"""Who may see and change booking data: Django model permissions, narrowed to the user's clinics.

A group needs the usual ``view/change/delete_appointmentrequest`` permissions *and* page
permissions on a clinic (see ``clinics.access``); it then sees that clinic's requests only.
Requests are never added in the admin: they come from patients.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from wagtail.permission_policies import ModelPermissionPolicy

from clinic_pages.appointments.models import AppointmentRequest
from clinic_pages.clinics.access import sites_for_user, user_can_manage_site_id


class ClinicScopedPermissionPolicy(ModelPermissionPolicy):
    def __init__(self, model, *, allow_add: bool = True):
        super().__init__(model)
        self.allow_add = allow_add

    def user_has_permission(self, user, action):
        if action == "add" and not self.allow_add:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and user_can_manage_site_id(
            user, instance.site_id
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission(user, a) for a in actions) and user_can_manage_site_id(
            user, instance.site_id
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(site__in=sites_for_user(user))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


BOOKING_PERMISSIONS = [
    "view_appointmentrequest",
    "change_appointmentrequest",
    "delete_appointmentrequest",
    "view_appointmentslot",
    "add_appointmentslot",
    "change_appointmentslot",
    "delete_appointmentslot",
    "view_physicianschedule",
    "add_physicianschedule",
    "change_physicianschedule",
    "delete_physicianschedule",
]


def grant_booking_permissions(group) -> None:
    """Give a clinic's staff group the booking permissions (its page permissions scope them)."""
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label=AppointmentRequest._meta.app_label,
            codename__in=BOOKING_PERMISSIONS,
        )
    )
