"""Admin registration of the shared citation library: read by every clinic, kept by the network.

Every clinic's staff may list, inspect and cite references; adding, changing and deleting them
takes the ordinary model permissions (``add/change/delete_reference``), which no clinic group
holds and the network-level "Network reference librarians" group does (see clinics.onboarding).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from clinic_pages.clinics.access import works_for_a_clinic
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


class ReferenceViewSet(SnippetViewSet):
    model = Reference
    icon = "doc-full"
    menu_label = "References"
    menu_order = 230
    add_to_admin_menu = True
    inspect_view_enabled = True  # clinic staff read references here; only librarians edit
    list_display = ["title", "authors", "journal", "year"]
    list_filter = ["kind", "year"]


register_snippet(ReferenceViewSet)
