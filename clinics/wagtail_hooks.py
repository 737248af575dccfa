"""Admin registration of the clinic's locations, and the hooks that keep each clinic's admin
users inside their own clinic where Wagtail's own views would show them the whole install."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDeleteBulkAction
from wagtail.snippets.models import register_snippet

from clinic_pages.clinics import mfa
from clinic_pages.clinics.admin_scoping import ClinicScopedSnippetViewSet
from clinic_pages.clinics.forms import GOVERNANCE_CHANGE_ACTION
from clinic_pages.clinics.middleware import NETWORK_ONLY_MENU_ITEMS
from clinic_pages.clinics.models import Location

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


register_snippet(LocationViewSet)


# ------------------------------------------------------------------------------ page chooser


def _explorable_pages(user):
    """The user's pages and their ancestors (for navigation), as Wagtail's explorer shows them."""
    return policy_registry.get_by_type(Page).explorable_instances(user)


@hooks.register("construct_page_chooser_queryset")
def only_own_clinic_pages_in_chooser(pages, request):
    """Wagtail's page chooser browses and searches the whole tree; keep it to the user's clinics.

    The chooser also shows the page it is browsing from (its title and type), so browsing from
    another clinic's page is refused outright rather than shown with no children.
    """
    if request.user.is_superuser:
        return pages
    explorable = _explorable_pages(request.user)
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id is not None and not explorable.filter(pk=parent_id).exists():
        raise PermissionDenied
    return pages.filter(pk__in=explorable.values("pk"))


# ------------------------------------------------------------------------------ page moves


@hooks.register("before_move_page")
def refuse_moves_the_user_may_not_make(request, page, destination):
    """Wagtail checks move rights only when the move is confirmed (POST); its confirmation page
    (GET) would otherwise show any page's and any destination's title to any admin user."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None


# ------------------------------------------------------------------------------ admin API


def _scoped_to_collections(viewset_class):
    """An admin API endpoint listing only media in collections the user may use.

    Wagtail's admin API lists every image and document of the install (only privacy-restricted
    collections are left out), whatever the user's collection permissions.
    """

    class ScopedViewSet(viewset_class):
        def get_queryset(self):
            policy = policy_registry.get_by_type(self.model)
            collections = policy.collections_user_has_any_permission_for(
                self.request.user, ["add", "change", "delete", "choose"]
            )
            return super().get_queryset().filter(collection__in=collections)

    ScopedViewSet.__name__ = f"ClinicScoped{viewset_class.__name__}"
    return ScopedViewSet


@hooks.register("construct_admin_api", order=100)  # after wagtail.images and wagtail.documents
def scope_media_in_admin_api(router):
    router.register_endpoint("images", _scoped_to_collections(ImagesAdminAPIViewSet))
    router.register_endpoint("documents", _scoped_to_collections(DocumentsAdminAPIViewSet))


# ------------------------------------------------------------------------------ bulk actions

ANY_ACTION = ["add", "change", "delete", "view", "choose"]


def _user_may_see(user, obj) -> bool:
    if isinstance(obj, Page):
        return _explorable_pages(user).filter(pk=obj.pk).exists()
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_any_permission_for_instance(user, ANY_ACTION, obj)


class ListOnlyVisibleItemsMixin:
    """Wagtail's bulk-action confirmation lists by title every chosen item the user may not act
    on, whatever its clinic (and ``?id=all`` chooses every object of the install). Items of
    other clinics are dropped from that list; they were never actionable anyway."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        hidden = extra.get("items_with_no_access", [])
        extra["items_with_no_access"] = [
            obj for obj in hidden if _user_may_see(self.request.user, obj)
        ]
        return objects, extra


def _listing_only_visible(action_class):
    return type(f"Clinic{action_class.__name__}", (ListOnlyVisibleItemsMixin, action_class), {})


# Registered after Wagtail's own (higher order), so these replace them in the registry.
for _action in [
    page_bulk_actions.DeleteBulkAction,
    page_bulk_actions.MoveBulkAction,
    page_bulk_actions.PublishBulkAction,
    page_bulk_actions.UnpublishBulkAction,
    SnippetDeleteBulkAction,
    image_bulk_actions.AddTagsBulkAction,
    image_bulk_actions.AddToCollectionBulkAction,
    image_bulk_actions.DeleteBulkAction,
    document_bulk_actions.AddTagsBulkAction,
    document_bulk_actions.AddToCollectionBulkAction,
    document_bulk_actions.DeleteBulkAction,
]:
    hooks.register("register_bulk_action", _listing_only_visible(_action), order=100)


@hooks.register("construct_reports_menu")
def hide_install_wide_reports(request, menu_items):
    """Clinic staff do not see the reports that span every clinic (see clinics.middleware)."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in NETWORK_ONLY_MENU_ITEMS]


# ------------------------------------------------------------------------------ two-step sign-in


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [
        path("account/two-step/", mfa.SetupView.as_view(), name=mfa.SETUP_VIEW),
        path("account/two-step/verify/", mfa.VerifyView.as_view(), name=mfa.VERIFY_VIEW),
    ]


@hooks.register("register_account_menu_item")
def second_factor_account_item(request):
    return {
        "url": reverse(mfa.SETUP_VIEW),
        "label": _("Two-step verification"),
        "help_text": _("Ask for a code from an authenticator app after your password."),
    }


# ------------------------------------------------------------------------------ audit log


@hooks.register("register_log_actions")
def register_security_log_actions(actions):
    actions.register_action(
        "clinic_pages.mfa_enabled",
        _("Turn on two-step verification"),
        _("Two-step verification turned on"),
    )
    actions.register_action(
        "clinic_pages.mfa_disabled",
        _("Turn off two-step verification"),
        _("Two-step verification turned off"),
    )
    actions.register_action(
        "clinic_pages.mfa_recovery_codes_created",
        _("Make two-step recovery codes"),
        _("New two-step recovery codes made (older ones no longer work)"),
    )

    @actions.register_action("clinic_pages.mfa_recovery_code_used")
    class RecoveryCodeUsed(LogFormatter):
        label = _("Sign in with a recovery code")

        def format_message(self, log_entry):
            remaining = log_entry.data.get("remaining", 0)
            return ngettext(
                "Signed in with a two-step recovery code (%(count)d left)",
                "Signed in with a two-step recovery code (%(count)d left)",
                remaining,
            ) % {"count": remaining}

    @actions.register_action(GOVERNANCE_CHANGE_ACTION)
    class GovernanceChange(LogFormatter):
        label = _("Change medical governance")

        def format_message(self, log_entry):
            names = {
                "disclaimer": _("medical disclaimer"),
                "review_interval_days": _("review interval"),
            }
            changed = log_entry.data.get("changes", {})
            return _("Medical governance changed: %(fields)s") % {
                "fields": ", ".join(str(names.get(name, name)) for name in changed)
            }
