"""Admin registration of the clinic's locations, scoped to the editor's own clinic."""

from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from clinics.admin_scoping import ClinicScopedSnippetViewSet
from clinics.models import Location

# Registered before anything asks for Location's policy, so Wagtail never falls back to a
# global model policy: per-clinic rights come from GroupSitePermission.
register_permission_policy(Location, SitePermissionPolicy(Location))


class LocationViewSet(ClinicScopedSnippetViewSet):
    model = Location
    icon = "site"
    menu_label = "Locations"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "locality", "region", "phone", "site"]
    list_filter = ["site"]
    search_fields = ["name", "locality"]


register_snippet(LocationViewSet)
