"""Admin registration of the shared citation library."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from references.models import Reference


class ReferenceViewSet(SnippetViewSet):
    model = Reference
    icon = "doc-full"
    menu_label = "References"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["title", "authors", "journal", "year"]
    list_filter = ["kind", "year"]
    search_fields = ["title", "authors"]


register_snippet(ReferenceViewSet)
