"""What Wagtail's bulk publish action publishes, so a sign-off can stamp exactly that."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from wagtail.models import Page, Revision

from clinic_pages.governance.reviews import medical_page_models


def bulk_published_pages(objects: Iterable[Page], action_view, user) -> Iterator[Page]:
    """The selected pages, and with "include descendants" the draft medical pages below them
    that the user may publish -- the pages ``PublishBulkAction.execute_action`` publishes."""
    yield from objects
    form = getattr(action_view, "cleaned_form", None)
    if form is None or not form.cleaned_data.get("include_descendants"):
        return
    for page in objects:
        drafts = page.get_descendants().not_live().type(*medical_page_models())
        yield from (draft for draft in drafts if draft.permissions_for_user(user).can_publish())


def revision_bulk_publishes(page: Page, user) -> Revision:
    """The page's latest revision, which the bulk action publishes.

    A page without one gets it here rather than in the action, and the instance remembers it, so
    the action publishes this (stamped) revision instead of saving a fresh, unstamped one.
    """
    revision = page.get_latest_revision()
    if revision is None:
        revision = page.specific.save_revision(user=user)
        page.latest_revision = revision
    return revision
