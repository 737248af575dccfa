"""Admin registration of the FAQ library, scoped to the editor's own clinic."""

from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from clinic_pages.clinics.admin_scoping import ClinicScopedSnippetViewSet
from clinic_pages.faqs.models import Question

register_permission_policy(Question, SitePermissionPolicy(Question))


class QuestionViewSet(ClinicScopedSnippetViewSet):
    model = Question
    icon = "help"
    menu_label = "FAQ library"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["question", "topic", "site"]
    list_filter = ["site", "topic"]


register_snippet(QuestionViewSet)
