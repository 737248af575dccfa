"""Site-wide endpoints that are not pages: robots.txt and the favicon."""

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe


@require_safe
def robots_txt(request):
    """Allow crawling of the clinic's pages, keep the admin out, and point at this site's sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Disallow: {reverse('clinic_pages:search')}",
        f"Sitemap: {request.build_absolute_uri(reverse('clinic_pages:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links; send the SVG icon."""
    return HttpResponsePermanentRedirect(static("clinic_pages/favicon.svg"))
