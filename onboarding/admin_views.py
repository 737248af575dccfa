"""The network's clinic admin (superusers only): onboard a clinic, move it, launch it.

Every view calls the same functions as ``manage.py onboard_clinic`` (onboarding.clinics), so the
admin and the shell cannot make clinics differently. Clinic staff never reach these views: they
are classified superuser-only (clinics.admin_urls), which the admin guard enforces, and each
view checks again.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from clinic_pages.clinics.launch import set_launched
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.onboarding.clinics import OnboardingError, move_clinic, onboard_clinic
from clinic_pages.onboarding.forms import HostnameForm, NewClinicForm

NAMESPACE = "clinic_pages_onboarding"
INDEX_URL = f"{NAMESPACE}:index"


def _superusers_only(request: HttpRequest) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied


def _clinic_settings() -> QuerySet[ClinicSettings]:
    return ClinicSettings.objects.select_related("site").order_by("practice_name")


class SuperuserOnlyMixin:
    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        _superusers_only(request)
        return super().dispatch(request, *args, **kwargs)


class ClinicsMixin(SuperuserOnlyMixin, WagtailAdminTemplateMixin):
    header_icon = "site"

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": reverse(INDEX_URL), "label": _("Clinics")}]
        if self.get_page_title() != _("Clinics"):
            items.append({"url": "", "label": self.get_page_title()})
        return items


class ClinicListView(ClinicsMixin, TemplateView):
    """Every clinic with its address and whether visitors see it yet."""

    page_title = gettext_lazy("Clinics")
    template_name = "clinic_pages/onboarding/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(clinics=_clinic_settings(), **kwargs)


class ClinicFormView(ClinicsMixin, FormView):
    template_name = "clinic_pages/onboarding/form.html"
    submit_button_label = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.get_full_path(),
            submit_button_label=self.submit_button_label,
            submit_button_active_label=self.submit_button_label,
            **kwargs,
        )

    def get_success_url(self) -> str:
        return reverse(INDEX_URL)


class NewClinicView(ClinicFormView):
    """Onboard a clinic: its Site, page tree, settings, media, groups and review workflow."""

    page_title = gettext_lazy("Add a clinic")
    form_class = NewClinicForm
    submit_button_label = gettext_lazy("Create the clinic")

    def form_valid(self, form: NewClinicForm) -> HttpResponse:
        try:
            clinic = onboard_clinic(form.spec())
        except OnboardingError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "%(name)s is ready at %(url)s and private until you launch it. Add its staff "
                "to the groups %(groups)s."
            )
            % {
                "name": clinic.settings.practice_name,
                "url": clinic.site.root_url,
                "groups": ", ".join(group.name for group in clinic.groups.values()),
            },
        )
        return super().form_valid(form)


class HostnameView(ClinicFormView):
    """Move a clinic to another hostname: the same Site, so all it owns stays with it."""

    form_class = HostnameForm
    submit_button_label = gettext_lazy("Move the clinic")

    def setup(self, request: HttpRequest, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        self.site = get_object_or_404(Site.objects.select_related("root_page"), pk=kwargs["pk"])

    def get_page_title(self) -> str:
        return _("Host name of %(site)s") % {"site": self.site}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "site": self.site}

    def form_valid(self, form: HostnameForm) -> HttpResponse:
        try:
            site = move_clinic(self.site, form.cleaned_data["hostname"])
        except OnboardingError as error:
            form.add_error("hostname", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(site)s now answers at %(url)s.") % {"site": site, "url": site.root_url},
        )
        return super().form_valid(form)


@require_POST
def launch_view(request: HttpRequest, pk: int, launched: bool) -> HttpResponse:
    """Open a clinic to visitors, or take it private again (a POST from the clinic list)."""
    _superusers_only(request)
    settings = get_object_or_404(ClinicSettings.objects.select_related("site"), site_id=pk)
    set_launched(settings, launched)
    message = _("%(name)s is open to visitors.") if launched else _("%(name)s is private again.")
    messages.success(request, message % {"name": settings.practice_name})
    return HttpResponseRedirect(reverse(INDEX_URL))
