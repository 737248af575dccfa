"""Admin registration of the shared citation library: read by every clinic, kept by the network.

Every clinic's staff may list, inspect and cite references; adding, changing and deleting them
takes the ordinary model permissions (``add/change/delete_reference``), which no clinic group
holds and the network-level "Network reference librarians" group does (see clinics.onboarding).
A clinic's editors may also add references for their own clinic from a page's reference chooser
(``references.access``); other clinics never see or choose those.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from clinic_pages.clinics.access import works_for_a_clinic
from clinic_pages.clinics.chooser_creation import (
    ClinicChooseResultsView,
    ClinicChooseView,
    ClinicCreateView,
)
from clinic_pages.references.access import adding_site_ids, visible_filter
from clinic_pages.references.forms import ReferenceCreationForm, ReferenceForm
from clinic_pages.references.models import Reference

READ_ACTIONS = frozenset({"view", "choose"})


class SharedLibraryPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, plus read access for anyone who works for a clinic."""

    def user_has_permission(self, user, action):
        if action in READ_ACTIONS and works_for_a_clinic(user):
            return True
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        if not READ_ACTIONS.intersection(actions):
            return users
        clinic_staff = Q(groups__site_permissions__isnull=False) | Q(
            groups__page_permissions__isnull=False
        )
        return get_user_model().objects.filter(
            Q(pk__in=users.values("pk"))
            | Q(pk__in=get_user_model().objects.filter(clinic_staff, is_active=True).values("pk"))
        )


# Registered before the viewset so Wagtail never builds its default model policy for it.
register_permission_policy(Reference, SharedLibraryPermissionPolicy(Reference))


class VisibleReferencesMixin:
    """Lists and lookups hold the network's references and the user's own clinics' only."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if (
            obj is not None
            and not Reference.objects.filter(visible_filter(self.request.user), pk=obj.pk).exists()
        ):
            raise PermissionDenied
        return obj

    def get_object_list(self):
        return super().get_object_list().filter(visible_filter(self.request.user))

    def get_objects(self, pks):
        return super().get_objects(pks).filter(visible_filter(self.request.user))


def _visible(view_class: type) -> type:
    if issubclass(view_class, VisibleReferencesMixin):
        return view_class
    return type(f"Visible{view_class.__name__}", (VisibleReferencesMixin, view_class), {})


class EditorsCreateMixin:
    """Librarians add to the library; a clinic's editors add here for their own clinic."""

    def can_create(self):
        return bool(adding_site_ids(self.request.user)) or super().can_create()


class ReferenceChooseView(EditorsCreateMixin, ClinicChooseView):
    pass


class ReferenceChooseResultsView(EditorsCreateMixin, ClinicChooseResultsView):
    pass


class ReferenceCreateView(EditorsCreateMixin, ClinicCreateView):
    pass


class ReferenceChooserViewSet(SnippetChooserViewSet):
    """The reference chooser, with a tab to add a source that is not in the library yet."""

    choose_view_class = ReferenceChooseView
    choose_results_view_class = ReferenceChooseResultsView
    create_view_class = ReferenceCreateView
    creation_form_class = ReferenceCreationForm
    creation_tab_label = _("New reference")
    create_action_label = _("Add reference")

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(_visible(view_class), **kwargs)


class ReferenceViewSet(SnippetViewSet):
    model = Reference
    chooser_viewset_class = ReferenceChooserViewSet
    icon = "doc-full"
    menu_label = "References"
    menu_order = 230
    add_to_admin_menu = True
    inspect_view_enabled = True  # clinic staff read references here; only librarians edit
    list_display = ["title", "authors", "journal", "year"]
    list_filter = ["kind", "year"]

    def get_queryset(self, request):
        return Reference.objects.filter(visible_filter(request.user))

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(_visible(view_class), **kwargs)

    def get_edit_handler(self):
        panels = [*Reference.panels, FieldPanel("added_by_clinic")]
        return ObjectList(panels, base_form_class=ReferenceForm).bind_to_model(self.model)


register_snippet(ReferenceViewSet)
