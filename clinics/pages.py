"""The abstract base of every clinic page type.

It lives in the tenancy layer because its admin form keeps every chooser inside the clinic being
edited. It is abstract on purpose: a concrete base page would cost one more join on every load.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import Http404, HttpRequest, HttpResponseBase
from django.utils import translation
from django.utils.functional import cached_property
from wagtail.models import Page
from wagtail.search import index

from clinic_pages.clinics.forms import ClinicPageForm
from clinic_pages.clinics.languages import active_language, language_of_url_path
from clinic_pages.core.editor_tabs import EditorTabsMixin
from clinic_pages.core.images import SHARE, ImageSpecs, share_image_of
from clinic_pages.core.models import ListingMixin
from clinic_pages.core.page_cache import mark_public
from clinic_pages.core.routing import UrlPathRoutingMixin


class ClinicPage(EditorTabsMixin, UrlPathRoutingMixin, ListingMixin, Page):
    """Abstract base of every public page: listing fields, search fields and common panels."""

    # Page's reverse accessors are named after the model class (``Page.homepage``), so a host
    # project's own HomePage would clash with ours; these names carry the app label instead.
    page_ptr = models.OneToOneField(
        Page,
        parent_link=True,
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s",
    )
    base_form_class = ClinicPageForm
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]
    promote_panels = [*Page.promote_panels, *ListingMixin.listing_panels]
    # The listing image is the page's share image (seo.social).
    route_select_related = ("listing_image",)

    class Meta:
        abstract = True

    @cached_property
    def breadcrumbs(self) -> list[Page]:
        """Ancestors from the clinic home down, for the breadcrumb trail.

        Routing a visitor's URL already loaded them; a clinic home (at the top of its tree) has
        none, so neither asks the database.
        """
        ancestors = self.routed_ancestors()
        if ancestors is None:
            if self.depth <= 2:
                return []
            ancestors = self.get_ancestors()
        return [page for page in ancestors if page.depth > 1]

    @property
    def localized_draft(self) -> Page:
        """Wagtail's ``localized_draft``, without its query for the active Locale.

        Wagtail serves every request from ``site.root_page.localized``; the page's language
        comes from the tree it sits in (``clinics.languages``).
        """
        language = active_language()
        if self.is_in_language(language):
            return self
        translation = self.get_translations().filter(locale__language_code=language).first()
        return translation or self

    def is_in_language(self, language: str) -> bool:
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return True
        return language_of_url_path(self.url_path or "") in (language, None)

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        """Wagtail's serve; the response is marked public when no view restriction applies.

        Routing flagged the restrictions on the page and its ancestors (``core.routing``); a page
        served another way stays unmarked, so only the page cache's misses cost anything. A page
        reached under another language's prefix (``/es/`` of a clinic with no Spanish home yet,
        where Wagtail falls back to the English tree) is not found: its words and the interface
        around them would be in two languages.
        """
        if getattr(request, "is_preview", False):
            # A preview speaks the page's language, whatever URL the admin previews it at.
            with translation.override(self.locale.language_code):
                return super().serve(request, *args, **kwargs)
        if not self.is_in_language(active_language()):
            raise Http404
        response = super().serve(request, *args, **kwargs)
        if getattr(self, "_routed_without_restrictions", False):
            expires = getattr(self, "content_expires_at", None)
            mark_public(response, expires_at=expires() if expires else None)
        return response

    def rendered_images(self, context) -> ImageSpecs:
        """The images this page shows with their specs, loaded in one query before rendering.

        Page types add their cards, portraits and figures (``core.images``); here, the image
        shared on social networks.
        """
        return [(share_image_of(self), SHARE)]
