"""Clinic sites answer the plugin's own routes first, whatever the host project routes.

A host made by ``wagtail start`` routes ``search/`` to its own search, and a URLconf has no
way to ask which site a request is for. So for a request whose site is a clinic (its root page
is a clinic ``HomePage``), this middleware resolves URLs with ``clinic_pages.site_urls``: the
plugin's routes, then the host's whole URLconf. The host's own sites keep the host's routes.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page, Site

from clinic_pages.home.models import HomePage

CLINIC_URLCONF = "clinic_pages.site_urls"


def _root_key(page_id: int) -> str:
    return f"clinic_pages:clinic-root:{page_id}"


def is_clinic_root(page_id: int) -> bool:
    """Whether this root page is a clinic home; a page's type never changes, so it is kept."""
    key = _root_key(page_id)
    known = cache.get(key)
    if known is None:
        home_type = ContentType.objects.get_for_model(HomePage)
        root_types = Page.objects.filter(pk=page_id).values_list("content_type", flat=True)
        known = home_type.pk in root_types
        cache.set(key, known, timeout=None)
    return known


@receiver(post_delete)
def _forget_deleted_root(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        cache.delete(_root_key(instance.pk))


class ClinicSiteRoutesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        site = Site.find_for_request(request)
        if site is not None and is_clinic_root(site.root_page_id):
            request.urlconf = CLINIC_URLCONF
        return self.get_response(request)
