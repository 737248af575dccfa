"""A "Create" tab in the choosers of clinic-owned snippets, so editors need not leave the page.

Wagtail's chooser builds its creation form without the user, so a form that narrows the ``site``
field to the user's clinics (``ClinicOwnedForm``) would offer every clinic there. These views
hand the user to the form, refuse a clinic the user does not work for, and keep the draft rules
of the model: an object with drafts is created as a draft with its first revision, as the
snippet's own "Save draft" does, so medical text still reaches visitors only when published.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetCreateView,
)

from clinic_pages.clinics.admin_scoping import (
    ClinicOwnedForm,
    ClinicScopedChooserViewSet,
    clinic_policy,
)


class _ForUserMixin:
    """The creation form gets the signed-in user (its clinic choices depend on it)."""

    def get_creation_form_kwargs(self):
        return {**super().get_creation_form_kwargs(), "for_user": self.request.user}


class ClinicChooseView(_ForUserMixin, ChooseView):
    pass


class ClinicChooseResultsView(_ForUserMixin, ChooseResultsView):
    pass


class ClinicCreateView(_ForUserMixin, SnippetCreateView):
    """Saves what the chooser's form made, as a draft where the model has drafts."""

    def save_form(self, form):
        with transaction.atomic():
            instance = form.save(commit=False)
            if isinstance(instance, DraftStateMixin):
                instance.live = False
                instance.has_unpublished_changes = True
            instance.save()
            form.save_m2m()
            log(instance=instance, action="wagtail.create", user=self.request.user)
            if isinstance(instance, RevisionMixin):
                instance.save_revision(user=self.request.user, log_action=False)
        return instance


class ClinicCreatingChooserViewSet(ClinicScopedChooserViewSet):
    """A clinic-scoped snippet chooser with a Create tab for the user's own clinic."""

    choose_view_class = ClinicChooseView
    choose_results_view_class = ClinicChooseResultsView
    create_view_class = ClinicCreateView


class ClinicCreationForm(ClinicOwnedForm):
    """A chooser's creation form: only clinics where the user may add this kind of object.

    ``ClinicOwnedForm`` offers every clinic the user may work with in any way; creating needs
    the "add" grant for that very clinic.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields and self.for_user is not None:
            sites = clinic_policy(self._meta.model).sites_user_has_permission_for(
                self.for_user, "add"
            )
            self.fields["site"].queryset = sites
            first_two = list(sites[:2])
            self.fields["site"].initial = first_two[0].pk if len(first_two) == 1 else None
