"""Every named URL of Wagtail's admin, classified by how it keeps clinics apart.

Wagtail adds admin views with each release, and a view that nobody has looked at may show one
clinic's staff another clinic's data. So every admin URL name is listed here as one of:

- ``SCOPED``: the view narrows itself to the user's clinics (page, collection or per-site
  permissions, this app's scoping of snippets and choosers), or ``ClinicAdminGuardMiddleware``
  checks the object for it (``GUARDED_SCOPED``);
- ``SUPERUSER_ONLY``: install-wide data or configuration; the guard refuses everyone else;
- ``HARMLESS``: shows no clinic's data (sign-in, the user's own account, static assets).

The guard reads its lists from here, so the two cannot drift apart; the test
``tests/isolation/test_admin_url_classification.py`` fails on any admin URL not listed.
"""

from __future__ import annotations

from enum import StrEnum


class Access(StrEnum):
    SCOPED = "scoped per clinic"
    SUPERUSER_ONLY = "superuser-only"
    HARMLESS = "harmless"


# The views of every Wagtail chooser and ModelViewSet; a ModelViewSet's listing is "index"
# ("list" for snippets), and snippets with revisions add previews and revision views.
_CHOOSER_VIEWS = ("choose", "choose_results", "chosen", "chosen_multiple", "create")
_MODEL_VIEWS = ("delete", "edit", "history", "history_results", "usage")
_INDEX_VIEWS = ("index", "index_results")
_SNIPPET_VIEWS = ("add", "copy", *_MODEL_VIEWS, "list", "list_results")
_REVISION_VIEWS = (
    "preview_on_add",
    "preview_on_edit",
    "revisions_compare",
    "revisions_revert",
    "revisions_view",
)


def _names(namespace: str, *names: str) -> frozenset[str]:
    return frozenset(f"{namespace}:{name}" for name in names)


def _snippet_names(app_model: str, *views: str) -> frozenset[str]:
    return _names(f"wagtailsnippets_{app_model}", *views)


def _snippet_chooser_names(app_model: str) -> frozenset[str]:
    return _names(f"wagtailsnippetchoosers_{app_model}", *_CHOOSER_VIEWS)


# Views Wagtail gives no hook to scope; the guard checks the object (clinics.middleware).
CHOSEN_PAGES_VIEW = "wagtailadmin_choose_page_chosen_multiple"
WORKFLOW_CANCELLATION_VIEW = "wagtailadmin_pages:confirm_workflow_cancellation"
# Tag names are one vocabulary for the install, shared by every clinic's images and documents;
# the guard answers clinic staff with the tags of their own media (clinics.tags).
TAG_AUTOCOMPLETE_VIEW = "wagtailadmin_tag_autocomplete"
# A clinic's translated home sits beside its English one below the tree root, so a user with
# grants on both has the tree root as Wagtail's "explorable root", from which every page of every
# clinic would open in the explorer: the guard answers only for pages the user may explore.
EXPLORE_VIEWS = frozenset({"wagtailadmin_explore", "wagtailadmin_explore_results"})
GUARDED_SCOPED = frozenset(
    {CHOSEN_PAGES_VIEW, WORKFLOW_CANCELLATION_VIEW, TAG_AUTOCOMPLETE_VIEW, *EXPLORE_VIEWS}
)

_PAGES = _names(
    "wagtailadmin_pages",
    "add",
    "add_subpage",
    "choose_parent",
    "collect_workflow_action_data",
    "convert_alias",
    "copy",
    "delete",
    "edit",
    "history",
    "history_results",
    "lock",
    "move",
    "move_confirm",
    "preview_on_add",
    "preview_on_edit",
    "revisions_compare",
    "revisions_index",
    "revisions_revert",
    "revisions_unschedule",
    "revisions_view",
    "search",
    "search_results",
    "set_page_position",
    "set_privacy",
    "type_use",
    "type_use_results",
    "unlock",
    "unpublish",
    "usage",
    "view_draft",
    "workflow_action",
    "workflow_history",
    "workflow_history_detail",
    "workflow_preview",
)
_MEDIA = (
    _names(
        "wagtailimages",
        "add",
        "add_multiple",
        "create_multiple_from_uploaded_image",
        "delete",
        "delete_multiple",
        "delete_upload_multiple",
        "edit",
        "edit_multiple",
        "image_usage",
        "index",
        "index_results",
        "preview",
        "url_generator",
        "url_generator_output",
    )
    | _names("wagtailimages_chooser", *_CHOOSER_VIEWS, "select_format")
    | _names(
        "wagtaildocs",
        "add",
        "add_multiple",
        "create_multiple_from_uploaded_document",
        "delete",
        "delete_multiple",
        "delete_upload_multiple",
        "document_usage",
        "edit",
        "edit_multiple",
        "index",
        "index_results",
    )
    | _names("wagtaildocs_chooser", *_CHOOSER_VIEWS)
)
# Clinic-owned snippets, scoped by clinics.admin_scoping.ClinicScopedSnippetViewSet.
_CLINIC_SNIPPETS = (
    _snippet_names("clinic_pages_clinics_location", *_SNIPPET_VIEWS, *_REVISION_VIEWS)
    | _snippet_chooser_names("clinic_pages_clinics_location")
    | _snippet_names(
        "clinic_pages_faqs_question",
        *_SNIPPET_VIEWS,
        *_REVISION_VIEWS,
        "revisions_unschedule",
        "unpublish",
    )
    | _snippet_chooser_names("clinic_pages_faqs_question")
)
# Appointment requests and slots: appointments.views.admin narrows every view to the clinic.
_APPOINTMENT_REQUESTS = _names("appointment_requests", *_MODEL_VIEWS, *_INDEX_VIEWS, "inspect")
_APPOINTMENT_SLOTS = _names(
    "appointment_slots", "add", *_MODEL_VIEWS, *_INDEX_VIEWS, "day", "pattern", "agenda"
)
_PHYSICIAN_SCHEDULES = _names("physician_schedules", "add", *_MODEL_VIEWS, *_INDEX_VIEWS)

SCOPED: frozenset[str] = frozenset(
    {
        *GUARDED_SCOPED,
        # Page permissions are granted on each clinic's home page; the explorer, the page
        # chooser (clinics.wagtail_hooks) and the admin API ask them.
        "wagtailadmin_home",
        "wagtailadmin_explore_root",
        "wagtailadmin_explore",
        "wagtailadmin_explore_results",
        "wagtailadmin_choose_page",
        "wagtailadmin_choose_page_child",
        "wagtailadmin_choose_page_search",
        *_PAGES,
        *_names("wagtailadmin_api:pages", "action", "detail", "find", "listing"),
        # Bulk actions check each object; clinics.wagtail_hooks hides other clinics' items.
        "wagtail_bulk_action",
        # Editing sessions answer only for objects the user may edit.
        "wagtailadmin_editing_sessions:ping",
        # Images and documents: each clinic's rights are on its own collection.
        *_MEDIA,
        *_names("wagtailadmin_api:images", "detail", "find", "listing"),
        *_names("wagtailadmin_api:documents", "detail", "find", "listing"),
        *_names("wagtailadmin_collections", "add", "delete", "edit", "index", "set_privacy"),
        *_CLINIC_SNIPPETS,
        # ClinicSettings: per-site permissions (BaseSiteSetting).
        *_names("wagtailsettings", "edit", "preview_on_edit"),
        # The aging-pages report lists only pages the user may publish.
        *_names("wagtailadmin_reports", "aging_pages", "aging_pages_results"),
        # Form pages the user may edit, and their submissions.
        *_names(
            "wagtailforms",
            "delete_submissions",
            "index",
            "index_results",
            "list_submissions",
            "list_submissions_results",
        ),
        *_APPOINTMENT_REQUESTS,
        *_APPOINTMENT_SLOTS,
        *_PHYSICIAN_SCHEDULES,
        # Discarding a draft asks that the user may edit the page (core.drafts).
        "clinic_pages_discard_draft",
        # The reading-level report lists only the user's clinics' pages (governance.readability).
        "governance_readability",
        "governance_readability_results",
        # Translating a page (simple_translation) asks that the user may edit it; the copy goes
        # into the clinic's own translated tree, which holds the clinic's grants (docs/i18n.md).
        "simple_translation:submit_page_translation",
        # governance's own report, built per clinic.
        "governance_reviews_due",
        "governance_reviews_due_results",
    }
)

SUPERUSER_ONLY: frozenset[str] = frozenset(
    {
        # Install-wide reports; clinics use their own Reviews due report.
        *(
            f"wagtailadmin_reports:{name}{suffix}"
            for name in (
                "page_types_usage",
                "locked_pages",
                "site_history",
                "workflow",
                "workflow_tasks",
            )
            for suffix in ("", "_results")
        ),
        # No clinic snippet is translatable; a snippet's translation answers the network only.
        "simple_translation:submit_snippet_translation",
        # The network's configuration: every clinic's Site, its workflows, redirects and staff.
        *_names("wagtailsites", "add", "copy", *_MODEL_VIEWS, *_INDEX_VIEWS),
        # Onboarding, moving and launching clinics (onboarding.admin_views).
        *_names("clinic_pages_onboarding", "index", "add", "hostname", "launch", "make_private"),
        *_names(
            "wagtailadmin_workflows",
            "add",
            "add_task",
            "disable",
            "disable_task",
            "edit",
            "edit_task",
            "enable",
            "enable_task",
            "index",
            "index_results",
            "remove",
            "select_task_type",
            "task_chooser",
            "task_chooser_create",
            "task_chooser_results",
            "task_chosen",
            "task_index",
            "task_index_results",
            "usage",
            "usage_results",
        ),
        *_names(
            "wagtailredirects",
            "add",
            "delete",
            "edit",
            "index",
            "index_results",
            "process_import",
            "start_import",
        ),
        *_names("wagtailusers_users", "add", "copy", *_MODEL_VIEWS, *_INDEX_VIEWS),
        *_names("wagtailusers_groups", "add", *_MODEL_VIEWS, *_INDEX_VIEWS),
    }
)

HARMLESS: frozenset[str] = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        # Two-step verification of the user's own account (clinics.mfa).
        "clinic_pages_mfa_verify",
        "clinic_pages_mfa_setup",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        # The user's own account, dismissed tips and editing sessions.
        "wagtailadmin_account",
        "wagtailadmin_dismissibles",
        "wagtailadmin_editing_sessions:release",
        # Static assets and Wagtail's error test page.
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "wagtailadmin_error_test",
        # Blocks preview their own preview_value (core.blocks), never stored content.
        "wagtailadmin_block_preview",
        # Link forms. With Wagtail's default the external-link form turns a pasted URL of any
        # clinic's live page into a page link with its id and draft title; the example project
        # sets WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = "" and check clinic_pages.W004 warns hosts.
        "wagtailadmin_choose_page_anchor_link",
        "wagtailadmin_choose_page_email_link",
        "wagtailadmin_choose_page_external_link",
        "wagtailadmin_choose_page_phone_link",
        # oEmbed lookups of URLs the editor pastes.
        "wagtailembeds:chooser",
        "wagtailembeds:chooser_upload",
        # Tags of a host's own tag models (none in Clinic Pages) name no clinic's object. The
        # general tag autocomplete is scoped by the guard (TAG_AUTOCOMPLETE_VIEW).
        "wagtailadmin_tag_model_autocomplete",
        # The snippet types the user may use, with install-wide counts (a number, no object);
        # clinic roles, whose snippet rights are per site, are refused it.
        "wagtailsnippets:index",
        # The shared citation library belongs to no clinic; only the network librarian writes
        # it, and its usage view names only pages the user may edit.
        *_snippet_names("clinic_pages_references_reference", *_SNIPPET_VIEWS, "inspect"),
        *_snippet_chooser_names("clinic_pages_references_reference"),
    }
)

# Wagtail's unnamed admin routes, by route: its 404 test page and its catch-all 404.
HARMLESS_UNNAMED_ROUTES: frozenset[str] = frozenset({"test404/", "^.*/$", "^"})

CLASSIFICATION: dict[str, Access] = {
    **dict.fromkeys(SCOPED, Access.SCOPED),
    **dict.fromkeys(SUPERUSER_ONLY, Access.SUPERUSER_ONLY),
    **dict.fromkeys(HARMLESS, Access.HARMLESS),
}

# Admin views a signed-in user reaches before entering the second factor: signing in and out,
# the code form itself, and the static assets those pages load.
SECOND_FACTOR_EXEMPT: frozenset[str] = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "clinic_pages_mfa_verify",
    }
)

# Every URL name the guard acts on; each must exist in Wagtail's admin (system check E006).
GUARDED: frozenset[str] = SUPERUSER_ONLY | GUARDED_SCOPED


def classify(view_name: str) -> Access | None:
    """How the admin view of that name keeps clinics apart; None when nobody has looked yet."""
    return CLASSIFICATION.get(view_name)
