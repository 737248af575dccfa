"""Every admin URL of the permission matrix, per kind of clinic object.

An endpoint knows how to build its URL for a clinic (A's own objects or B's), which right a role
needs for it to work on its own clinic, and whether it is a *listing* (a list, search, chooser,
report or API listing, which may answer 200 but must not show the other clinic's objects) or an
*object* URL (which must refuse another clinic's object outright).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse

from tests.isolation.two_clinics import ClinicWorld, appointment_request_model

# What each role of a clinic may do there. "review" is approving in the clinical workflow.
# Appointment requests hold patients' data: only the front desk sees them (editors see counts).
RIGHTS = {
    "editor": {"clinic", "pages", "snippets", "media", "settings"},
    "reviewer": {"clinic", "pages", "publish", "review", "snippets", "media", "settings"},
    "front_desk": {"clinic", "appointments"},
}
EVERY_RIGHT = {
    "clinic",
    "pages",
    "publish",
    "review",
    "snippets",
    "media",
    "settings",
    "appointments",
    "appointments_delete",
    "users",
    # Wagtail's install-wide reports (clinics.middleware): superusers only.
    "network",
}
RIGHTS["superuser"] = EVERY_RIGHT

# Search words that match the object of that kind in both clinics.
SEARCH = {
    "treatment": "ketamine",
    "condition": "nerve",
    "location": "office",
    "question": "patients",
    "image": "waiting",
    "document": "consent",
    "appointment": "patient",
}


@dataclass(frozen=True)
class Endpoint:
    kind: str
    name: str
    build: Callable[[ClinicWorld], str]
    right: str
    listing: bool = False
    # For a listing: the object of the clinic that a role with the right must find there.
    shows: Callable[[ClinicWorld], str] | None = None

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.name}"

    def url(self, clinic: ClinicWorld) -> str:
        return self.build(clinic)


def _url(name: str, *args, **query) -> str:
    url = reverse(name, args=args)
    return f"{url}?{urlencode(query, doseq=True)}" if query else url


def _page_endpoints(kind: str) -> list[Endpoint]:
    def page(c):
        return getattr(c, kind)

    def parent(c):
        return c.sections[{"treatment": "treatments", "condition": "conditions"}[kind]]

    def first_revision(c):
        return page(c).revisions.order_by("pk").first().pk

    def title(c):
        return page(c).title

    p = "wagtailadmin_pages:"
    model = f"{kind}page"
    app = {"treatment": "clinic_pages_treatments", "condition": "clinic_pages_conditions"}[kind]
    return [
        Endpoint(kind, "edit", lambda c: _url(p + "edit", page(c).pk), "pages"),
        Endpoint(kind, "preview", lambda c: _url(p + "preview_on_edit", page(c).pk), "pages"),
        Endpoint(kind, "view_draft", lambda c: _url(p + "view_draft", page(c).pk), "pages"),
        Endpoint(kind, "history", lambda c: _url(p + "history", page(c).pk), "pages"),
        Endpoint(kind, "revisions", lambda c: _url(p + "revisions_index", page(c).pk), "pages"),
        Endpoint(
            kind,
            "revisions_compare",
            lambda c: _url(p + "revisions_compare", page(c).pk, "earliest", "latest"),
            "pages",
        ),
        Endpoint(
            kind,
            "revisions_view",
            lambda c: _url(p + "revisions_view", page(c).pk, first_revision(c)),
            "pages",
        ),
        Endpoint(
            kind,
            "revisions_revert",
            lambda c: _url(p + "revisions_revert", page(c).pk, first_revision(c)),
            "pages",
        ),
        Endpoint(kind, "usage", lambda c: _url(p + "usage", page(c).pk), "pages"),
        Endpoint(
            kind, "workflow_history", lambda c: _url(p + "workflow_history", page(c).pk), "pages"
        ),
        Endpoint(kind, "copy", lambda c: _url(p + "copy", page(c).pk), "pages"),
        Endpoint(kind, "move", lambda c: _url(p + "move", page(c).pk), "publish"),
        Endpoint(
            kind,
            "move_confirm",
            lambda c: _url(p + "move_confirm", page(c).pk, parent(c).pk),
            "publish",
        ),
        Endpoint(kind, "delete", lambda c: _url(p + "delete", page(c).pk), "publish"),
        Endpoint(kind, "unpublish", lambda c: _url(p + "unpublish", page(c).pk), "publish"),
        Endpoint(kind, "set_privacy", lambda c: _url(p + "set_privacy", page(c).pk), "publish"),
        Endpoint(kind, "add_subpage", lambda c: _url(p + "add_subpage", parent(c).pk), "pages"),
        Endpoint(kind, "add", lambda c: _url(p + "add", app, model, parent(c).pk), "pages"),
        Endpoint(
            kind,
            "explore",
            lambda c: _url("wagtailadmin_explore", parent(c).pk),
            "pages",
            listing=True,
            shows=title,
        ),
        Endpoint(
            kind,
            "choose_page_child",
            lambda c: _url("wagtailadmin_choose_page_child", parent(c).pk),
            "pages",
        ),
        Endpoint(
            kind,
            "api_detail",
            lambda c: _url("wagtailadmin_api:pages:detail", page(c).pk),
            "pages",
        ),
        Endpoint(
            kind,
            "chosen_multiple",
            lambda c: _url("wagtailadmin_choose_page_chosen_multiple", id=[page(c).pk]),
            "pages",
            listing=True,
            shows=title,
        ),
        Endpoint(
            kind,
            "search",
            lambda c: _url(p + "search", q=SEARCH[kind]),
            "pages",
            listing=True,
            shows=title,
        ),
        Endpoint(
            kind,
            "choose_page_search",
            lambda c: _url("wagtailadmin_choose_page_search", q=SEARCH[kind]),
            "pages",
            listing=True,
            shows=title,
        ),
        Endpoint(
            kind,
            "type_use",
            lambda c: _url(p + "type_use", app, model),
            "pages",
            listing=True,
            shows=title,
        ),
    ]


def _workflow_endpoints() -> list[Endpoint]:
    """The condition page of each clinic is awaiting clinical review (see two_clinics)."""

    def state(c):
        return c.condition.current_workflow_state

    p = "wagtailadmin_pages:"
    return [
        Endpoint(
            "condition",
            "workflow_preview",
            lambda c: _url(
                p + "workflow_preview", c.condition.pk, state(c).current_task_state.task_id
            ),
            "review",
        ),
        Endpoint(
            "condition",
            "collect_workflow_action_data",
            lambda c: _url(
                p + "collect_workflow_action_data",
                c.condition.pk,
                "approve",
                state(c).current_task_state.pk,
            ),
            "review",
        ),
        Endpoint(
            "condition",
            "confirm_workflow_cancellation",
            lambda c: _url(p + "confirm_workflow_cancellation", c.condition.pk),
            "pages",
        ),
        Endpoint(
            "condition",
            "workflow_history_detail",
            lambda c: _url(p + "workflow_history_detail", c.condition.pk, state(c).pk),
            "pages",
        ),
    ]


def _snippet_endpoints(kind: str, slug: str, attr: str, label: str) -> list[Endpoint]:
    def obj(c):
        return getattr(c, attr)

    def title(c):
        return getattr(obj(c), label)

    s, ch = f"wagtailsnippets_{slug}:", f"wagtailsnippetchoosers_{slug}:"
    q = SEARCH[kind]
    return [
        Endpoint(kind, "list", lambda c: _url(s + "list"), "snippets", True, title),
        Endpoint(kind, "list_search", lambda c: _url(s + "list", q=q), "snippets", True, title),
        Endpoint(
            kind, "list_results", lambda c: _url(s + "list_results", q=q), "snippets", True, title
        ),
        Endpoint(kind, "edit", lambda c: _url(s + "edit", obj(c).pk), "snippets"),
        Endpoint(kind, "delete", lambda c: _url(s + "delete", obj(c).pk), "snippets"),
        Endpoint(kind, "history", lambda c: _url(s + "history", obj(c).pk), "snippets"),
        Endpoint(kind, "usage", lambda c: _url(s + "usage", obj(c).pk), "snippets"),
        Endpoint(kind, "copy", lambda c: _url(s + "copy", obj(c).pk), "snippets"),
        Endpoint(kind, "chooser", lambda c: _url(ch + "choose"), "snippets", True, title),
        Endpoint(
            kind, "chooser_search", lambda c: _url(ch + "choose", q=q), "snippets", True, title
        ),
        Endpoint(
            kind,
            "chooser_results",
            lambda c: _url(ch + "choose_results", q=q),
            "snippets",
            True,
            title,
        ),
        Endpoint(kind, "chosen", lambda c: _url(ch + "chosen", obj(c).pk), "snippets"),
        Endpoint(
            kind,
            "chosen_multiple",
            lambda c: _url(ch + "chosen_multiple", id=[obj(c).pk]),
            "snippets",
            True,
            title,
        ),
        Endpoint(
            kind,
            "bulk_delete_confirm",
            lambda c: _url("wagtail_bulk_action", *slug.rsplit("_", 1), "delete", id=[obj(c).pk]),
            "snippets",
            True,
            title,
        ),
    ]


def _media_endpoints(kind: str) -> list[Endpoint]:
    app = {"image": "wagtailimages", "document": "wagtaildocs"}[kind]
    api = {"image": "images", "document": "documents"}[kind]
    usage = {"image": "image_usage", "document": "document_usage"}[kind]
    q = SEARCH[kind]

    def obj(c):
        return getattr(c, kind)

    def title(c):
        return obj(c).title

    endpoints = [
        Endpoint(kind, "index", lambda c: _url(f"{app}:index", q=q), "media", True, title),
        Endpoint(
            kind, "index_results", lambda c: _url(f"{app}:index_results"), "media", True, title
        ),
        Endpoint(kind, "edit", lambda c: _url(f"{app}:edit", obj(c).pk), "media"),
        Endpoint(kind, "delete", lambda c: _url(f"{app}:delete", obj(c).pk), "media"),
        Endpoint(kind, "usage", lambda c: _url(f"{app}:{usage}", obj(c).pk), "media"),
        Endpoint(
            kind, "chooser", lambda c: _url(f"{app}_chooser:choose", q=q), "media", True, title
        ),
        Endpoint(
            kind,
            "chooser_results",
            lambda c: _url(f"{app}_chooser:choose_results", q=q),
            "media",
            True,
            title,
        ),
        Endpoint(kind, "chosen", lambda c: _url(f"{app}_chooser:chosen", obj(c).pk), "media"),
        Endpoint(
            kind,
            "chosen_multiple",
            lambda c: _url(f"{app}_chooser:chosen_multiple", id=[obj(c).pk]),
            "media",
            True,
            title,
        ),
        Endpoint(
            kind, "api_detail", lambda c: _url(f"wagtailadmin_api:{api}:detail", obj(c).pk), "media"
        ),
        Endpoint(
            kind,
            "api_listing",
            lambda c: _url(f"wagtailadmin_api:{api}:listing"),
            "media",
            True,
            title,
        ),
        Endpoint(
            kind,
            "bulk_delete_confirm",
            lambda c: _url("wagtail_bulk_action", app, kind, "delete", id=[obj(c).pk]),
            "media",
            True,
            title,
        ),
    ]
    if kind == "image":
        endpoints += [
            Endpoint(
                kind,
                "preview",
                lambda c: _url("wagtailimages:preview", obj(c).pk, "original"),
                "media",
            ),
            Endpoint(
                kind,
                "select_format",
                lambda c: _url("wagtailimages_chooser:select_format", obj(c).pk),
                "media",
            ),
        ]
    return endpoints


def _settings_endpoints() -> list[Endpoint]:
    def practice_name(c):
        return c.settings.practice_name

    return [
        Endpoint(
            "settings",
            "edit",
            lambda c: _url(
                "wagtailsettings:edit", "clinic_pages_clinics", "clinicsettings", c.site.pk
            ),
            "settings",
        ),
        Endpoint(
            "settings",
            "edit_default_site",
            lambda c: _url("wagtailsettings:edit", "clinic_pages_clinics", "clinicsettings"),
            "settings",
            listing=True,
            shows=practice_name,
        ),
    ]


def appointments_available() -> bool:
    if appointment_request_model() is None:
        return False
    try:
        reverse("appointment_requests:index")
    except NoReverseMatch:
        return False
    return True


def _appointment_endpoints() -> list[Endpoint]:
    a = "appointment_requests:"

    def obj(c):
        return c.appointment_request

    def name(c):
        return obj(c).name

    q = SEARCH["appointment"]
    return [
        Endpoint(
            "appointment", "index", lambda c: _url(a + "index", q=q), "appointments", True, name
        ),
        Endpoint(
            "appointment",
            "export",
            lambda c: _url(a + "index", export="csv"),
            "appointments",
            True,
            name,
        ),
        Endpoint(
            "appointment", "inspect", lambda c: _url(a + "inspect", obj(c).pk), "appointments"
        ),
        Endpoint("appointment", "edit", lambda c: _url(a + "edit", obj(c).pk), "appointments"),
        Endpoint(
            "appointment", "history", lambda c: _url(a + "history", obj(c).pk), "appointments"
        ),
        Endpoint("appointment", "usage", lambda c: _url(a + "usage", obj(c).pk), "appointments"),
        Endpoint(
            "appointment", "delete", lambda c: _url(a + "delete", obj(c).pk), "appointments_delete"
        ),
    ]


def _clinic_wide_endpoints() -> list[Endpoint]:
    """Admin URLs about no one object, which must show only the user's own clinic."""

    def none(c):
        return None

    def condition(c):
        return c.condition.title

    def treatment(c):
        return c.treatment.title

    def physician(c):
        return c.physician.title

    def home(c):
        return c.home.title

    def user(c):
        return c.users["editor"].username

    def site(c):
        return c.site.site_name

    r = "wagtailadmin_reports:"
    return [
        Endpoint("clinic", "dashboard", lambda c: _url("wagtailadmin_home"), "clinic", True, site),
        Endpoint(
            "clinic",
            "explore_root",
            lambda c: _url("wagtailadmin_explore_root"),
            "pages",
            True,
            home,
        ),
        Endpoint(
            "clinic", "choose_page", lambda c: _url("wagtailadmin_choose_page"), "pages", True, home
        ),
        Endpoint(
            "clinic",
            "choose_parent",
            lambda c: _url(
                "wagtailadmin_pages:choose_parent", "clinic_pages_treatments", "treatmentpage"
            ),
            "pages",
            True,
            none,
        ),
        Endpoint(
            "clinic",
            "api_pages_listing",
            lambda c: _url("wagtailadmin_api:pages:listing"),
            "pages",
            True,
            treatment,
        ),
        Endpoint(
            "clinic", "locked_pages", lambda c: _url(r + "locked_pages"), "network", True, physician
        ),
        Endpoint(
            "clinic", "aging_pages", lambda c: _url(r + "aging_pages"), "publish", True, treatment
        ),
        Endpoint(
            "clinic", "site_history", lambda c: _url(r + "site_history"), "network", True, treatment
        ),
        Endpoint(
            "clinic", "workflow_report", lambda c: _url(r + "workflow"), "network", True, condition
        ),
        Endpoint(
            "clinic",
            "workflow_tasks_report",
            lambda c: _url(r + "workflow_tasks"),
            "network",
            True,
            condition,
        ),
        Endpoint(
            "clinic",
            "page_types_usage",
            lambda c: _url(r + "page_types_usage"),
            "network",
            True,
            none,
        ),
        Endpoint(
            "clinic",
            "reviews_due",
            lambda c: _url("governance_reviews_due"),
            "clinic",
            True,
            treatment,
        ),
        Endpoint(
            "clinic",
            "reviews_due_export",
            lambda c: _url("governance_reviews_due", export="csv"),
            "clinic",
            True,
            treatment,
        ),
        Endpoint("clinic", "forms", lambda c: _url("wagtailforms:index"), "pages", True, none),
        Endpoint(
            "clinic", "users", lambda c: _url("wagtailusers_users:index"), "users", True, user
        ),
        Endpoint(
            "clinic",
            "user_edit",
            lambda c: _url("wagtailusers_users:edit", c.users["editor"].pk),
            "users",
        ),
        Endpoint(
            "clinic", "groups", lambda c: _url("wagtailusers_groups:index"), "users", True, none
        ),
        Endpoint(
            "clinic",
            "group_edit",
            lambda c: _url("wagtailusers_groups:edit", c.group("editor").pk),
            "users",
        ),
        Endpoint(
            "clinic",
            "bulk_page_delete_all",
            lambda c: _url("wagtail_bulk_action", "wagtailcore", "page", "delete", id=["all"]),
            "publish",
            True,
            none,
        ),
    ]


def object_endpoints() -> list[Endpoint]:
    """Endpoints of one object kind each: the kinds of clinic B the matrix covers."""
    endpoints = [
        *_page_endpoints("treatment"),
        *_page_endpoints("condition"),
        *_workflow_endpoints(),
        *_snippet_endpoints("location", "clinic_pages_clinics_location", "location", "name"),
        *_snippet_endpoints("question", "clinic_pages_faqs_question", "question", "question"),
        *_media_endpoints("image"),
        *_media_endpoints("document"),
        *_settings_endpoints(),
    ]
    if appointments_available():
        endpoints += _appointment_endpoints()
    return endpoints


def clinic_wide_endpoints() -> list[Endpoint]:
    return _clinic_wide_endpoints()
