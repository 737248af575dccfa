"""Keep each clinic's admin users inside their own clinic for models that belong to a Site.

Wagtail's ``SitePermissionPolicy`` answers "may this user act on this object" from per-site
grants (``GroupSitePermission``). Wagtail's generic views do not all ask it before loading an
object or listing objects, so the viewset below routes every object lookup, listing and
chooser through that policy: an editor of clinic A gets 403 for clinic B's objects at every
admin URL, and never sees them in lists or choosers.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

ANY_ACTION = ["add", "change", "delete", "view"]


def clinic_policy(model: type[Model]) -> SitePermissionPolicy:
    return policy_registry.get_by_type(model)


def scoped_queryset(model: type[Model], user) -> QuerySet:
    """The instances of a site-owned model this user may work with."""
    return clinic_policy(model).instances_user_has_any_permission_for(user, ANY_ACTION)


def sites_user_may_use(model: type[Model], user) -> QuerySet[Site]:
    return clinic_policy(model).sites_user_has_any_permission_for(user, ANY_ACTION)


class ClinicScopedViewMixin:
    """Refuses any single object of another clinic, and narrows any list to the user's clinics."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        model = type(obj)
        if obj is not None and not clinic_policy(model).user_has_any_permission_for_instance(
            self.request.user, ANY_ACTION, obj
        ):
            raise PermissionDenied
        return obj

    def get_object_list(self):
        objects = super().get_object_list()
        return objects.filter(pk__in=scoped_queryset(objects.model, self.request.user).values("pk"))


def _scoped(view_class: type) -> type:
    if issubclass(view_class, ClinicScopedViewMixin):
        return view_class
    return type(f"ClinicScoped{view_class.__name__}", (ClinicScopedViewMixin, view_class), {})


class ClinicScopedChooserViewSet(SnippetChooserViewSet):
    def construct_view(self, view_class, **kwargs):
        return super().construct_view(_scoped(view_class), **kwargs)


class ClinicScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset for models with a ``site`` foreign key, scoped to the user's clinics."""

    chooser_viewset_class = ClinicScopedChooserViewSet

    def get_queryset(self, request):
        return scoped_queryset(self.model, request.user)

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(_scoped(view_class), **kwargs)


class ClinicOwnedForm(WagtailAdminModelForm):
    """Offers only the user's own clinics in the ``site`` field, preselected when there is one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields and self.for_user is not None:
            sites = sites_user_may_use(self._meta.model, self.for_user)
            self.fields["site"].queryset = sites
            if not self.instance.pk and sites.count() == 1:
                self.fields["site"].initial = sites.first().pk
