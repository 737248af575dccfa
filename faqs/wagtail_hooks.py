"""Admin registration of the FAQ library."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from faqs.models import Question


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = "FAQ library"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["question", "topic", "site"]
    list_filter = ["site", "topic"]
    search_fields = ["question"]


register_snippet(QuestionViewSet)
