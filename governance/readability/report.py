"""The 'Reading level' admin report: the clinic's patient pages that read above its target."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, Revision, Site

from clinic_pages.clinics.access import sites_for_user, works_for_a_clinic
from clinic_pages.governance.readability.assessment import (
    READABLE_PAGE_TYPES,
    PageReadability,
    page_language,
    target_grade,
)


def latest_versions(pages: list[Page]) -> list[tuple[Page, Page]]:
    """Each page with its latest revision's version of it (what the editor sees); one query
    loads every revision."""
    revisions = Revision.objects.in_bulk([page.latest_revision_id for page in pages])
    return [
        (page, page.with_content_json(revisions[page.latest_revision_id].content))
        if page.latest_revision_id in revisions
        else (page, page)
        for page in pages
    ]


def pages_above_target(site: Site) -> list[PageReadability]:
    target = target_grade(site)
    found = []
    for model in READABLE_PAGE_TYPES:
        pages = list(
            model.objects.descendant_of(site.root_page, inclusive=True).select_related("locale")
        )
        for page, latest in latest_versions(pages):
            language = page_language(page)
            assessed = PageReadability(page=latest, target=target, language=language, site=site)
            if assessed.is_above_target:
                found.append(assessed)
    return found


def clinic_name(item: PageReadability) -> str:
    return item.site.site_name or item.site.hostname


class ReadabilityReportView(ReportView):
    page_title = _("Reading level")
    header_icon = "doc-full"
    index_url_name = "governance_readability"
    index_results_url_name = "governance_readability_results"
    paginate_by = 50
    list_export = ["page.title", "site.site_name", "language", "grade", "target"]
    export_headings = {
        "page.title": _("Page"),
        "site.site_name": _("Clinic"),
        "language": _("Language"),
        "grade": _("Reading grade"),
        "target": _("Target grade"),
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                accessor=lambda item: item.page.title,
                get_url=lambda item: reverse("wagtailadmin_pages:edit", args=[item.page.pk]),
            ),
            Column("clinic", label=_("Clinic"), accessor=clinic_name),
            Column("language", label=_("Language")),
            Column("grade", label=_("Reading grade")),
            Column("target", label=_("Target grade")),
        ]

    def get_queryset(self):
        sites = sites_for_user(self.request.user).select_related("root_page")
        found = [item for site in sites for item in pages_above_target(site)]
        return sorted(found, key=lambda item: (-item.grade, item.page.title))

    # Without a required permission Wagtail never asks user_has_permission (see ReviewsDueReport).
    permission_required = "view"

    def user_has_permission(self, permission):
        return works_for_a_clinic(self.request.user)
