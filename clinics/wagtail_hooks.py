"""Admin registration of the clinic's locations."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from clinics.models import Location


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "site"
    menu_label = "Locations"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "locality", "region", "phone", "site"]
    list_filter = ["site"]
    search_fields = ["name", "locality"]


register_snippet(LocationViewSet)
