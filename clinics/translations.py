"""A clinic's translated home page gets the clinic's page permissions and review workflow.

Wagtail puts the translation of a Site's root page beside it, just below the tree root
(``copy_for_translation``), where no clinic group holds a permission. Without this, a clinic's
editors could not edit their own Spanish pages, and the Spanish tree would skip the clinical
review that every English page goes through. The grants are copied from the clinic's home page,
so the Spanish tree is exactly as open to each group as the English one: clinic B's editors hold
nothing on clinic A's Spanish pages because they hold nothing on A's English ones.
"""

from __future__ import annotations

from wagtail.models import GroupPagePermission, Page, Site, WorkflowPage


def site_of_root_translation(page: Page) -> Site | None:
    """The Site whose home page ``page`` translates (a page just below the tree root)."""
    if page.depth != 2:
        return None
    return (
        Site.objects.filter(root_page__translation_key=page.translation_key)
        .exclude(root_page=page)
        .select_related("root_page")
        .first()
    )


def share_clinic_grants(page: Page) -> bool:
    """Give a translated clinic home the clinic's page permissions and workflow.

    Idempotent; returns whether ``page`` is a translated clinic home.
    """
    site = site_of_root_translation(page)
    if site is None:
        return False
    home = site.root_page
    for grant in GroupPagePermission.objects.filter(page=home):
        GroupPagePermission.objects.get_or_create(
            group_id=grant.group_id, page=page, permission_id=grant.permission_id
        )
    workflow = WorkflowPage.objects.filter(page=home).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow.workflow})
    return True


def on_copy_for_translation(sender, source_obj, target_obj, **kwargs) -> None:
    if isinstance(target_obj, Page):
        share_clinic_grants(target_obj)


def in_language_of(page: Page | None, target: Page | None, request=None) -> Page | None:
    """``target`` in ``page``'s language: its live translation when there is one, else itself.

    A Spanish page's calls to action, menu button and footer lead to the Spanish booking page.
    Kept on the request, since the menu, the call bar, the calls to action and the footer of
    one page all ask.
    """
    if page is None or target is None or page.locale_id == target.locale_id:
        return target
    memo = getattr(request, "_clinic_pages_in_language", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._clinic_pages_in_language = memo
    key = (target.pk, page.locale_id)
    if key not in memo:
        translation = target.get_translations().filter(locale_id=page.locale_id, live=True)
        memo[key] = translation.first() or target
    return memo[key]
