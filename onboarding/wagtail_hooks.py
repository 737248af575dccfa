"""The network's clinic admin under Settings: onboarding, hostnames and launch (superusers)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from clinic_pages.onboarding.admin_views import (
    NAMESPACE,
    ClinicListView,
    HostnameView,
    NewClinicView,
    launch_view,
)

urlpatterns = [
    path("", ClinicListView.as_view(), name="index"),
    path("add/", NewClinicView.as_view(), name="add"),
    path("<int:pk>/hostname/", HostnameView.as_view(), name="hostname"),
    path("<int:pk>/launch/", launch_view, {"launched": True}, name="launch"),
    path("<int:pk>/make-private/", launch_view, {"launched": False}, name="make_private"),
]


@hooks.register("register_admin_urls")
def register_onboarding_urls():
    return [path("clinics/", include((urlpatterns, NAMESPACE), namespace=NAMESPACE))]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_clinics_menu_item():
    return SuperuserMenuItem(
        _("Clinics"), reverse(f"{NAMESPACE}:index"), name="clinics", icon_name="site", order=601
    )
