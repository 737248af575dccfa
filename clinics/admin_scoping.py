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
from django.utils.functional import cached_property
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.search import index
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
        # Filter on the site itself, not on primary keys: the admin search backend only accepts
        # filters on declared FilterFields, and the site is one (see ensure_site_filter_field).
        objects = super().get_object_list()
        return _in_user_sites(objects, self.request.user)

    def get_objects(self, pks):
        # The chooser's "chosen multiple" step looks objects up by the ids in the URL.
        return _in_user_sites(super().get_objects(pks), self.request.user)

    @cached_property
    def filters(self):
        # A list filter on the site would otherwise offer every clinic by name.
        filters = super().filters
        if filters is not None and "site" in filters.form.fields:
            filters.form.fields["site"].queryset = sites_user_may_use(self.model, self.request.user)
        return filters


def _in_user_sites(objects: QuerySet, user) -> QuerySet:
    policy = clinic_policy(objects.model)
    sites = sites_user_may_use(objects.model, user)
    return objects.filter(**{f"{policy.site_field_name}__in": sites})


def _scoped(view_class: type) -> type:
    if issubclass(view_class, ClinicScopedViewMixin):
        return view_class
    return type(f"ClinicScoped{view_class.__name__}", (ClinicScopedViewMixin, view_class), {})


class ClinicScopedChooserViewSet(SnippetChooserViewSet):
    def construct_view(self, view_class, **kwargs):
        return super().construct_view(_scoped(view_class), **kwargs)


def ensure_site_filter_field(model: type[Model]) -> None:
    """Make the ``site`` scoping usable in admin searches of an indexed model.

    Every list and chooser of a scoped model is filtered by site, and Wagtail's search backend
    refuses (with a server error) to search a queryset filtered on a field that is not an
    ``index.FilterField``. The model's own ``search_fields`` should declare it; this adds it
    when a model forgot to.
    """
    if not index.class_is_indexed(model):
        return
    site_attname = model._meta.get_field("site").attname
    declared = model.get_search_fields()
    if not any(
        isinstance(f, index.FilterField) and f.get_attname(model) == site_attname for f in declared
    ):
        model.search_fields = [*model.search_fields, index.FilterField("site")]


class ClinicScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset for models with a ``site`` foreign key, scoped to the user's clinics."""

    chooser_viewset_class = ClinicScopedChooserViewSet

    def on_register(self):
        ensure_site_filter_field(self.model)
        super().on_register()

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
            first_two = list(sites[:2])
            if not self.instance.pk and len(first_two) == 1:
                self.fields["site"].initial = first_two[0].pk
