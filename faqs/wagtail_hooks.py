"""Admin registration of the FAQ library, scoped to the editor's own clinic."""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from clinic_pages.clinics.admin_scoping import ClinicScopedSnippetViewSet
from clinic_pages.clinics.chooser_creation import ClinicCreatingChooserViewSet
from clinic_pages.faqs.forms import QuestionCreationForm
from clinic_pages.faqs.models import Question

register_permission_policy(Question, SitePermissionPolicy(Question))


class QuestionChooserViewSet(ClinicCreatingChooserViewSet):
    """The FAQ chooser, with a tab to write a new question (saved as a draft for review)."""

    creation_form_class = QuestionCreationForm
    creation_tab_label = _("New question")
    create_action_label = _("Save as a draft question")


class QuestionViewSet(ClinicScopedSnippetViewSet):
    model = Question
    chooser_viewset_class = QuestionChooserViewSet
    icon = "help"
    menu_label = "FAQ library"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["question", "topic", "site"]
    list_filter = ["site", "topic"]


register_snippet(QuestionViewSet)
