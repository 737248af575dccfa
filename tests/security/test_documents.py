"""Documents are served with Wagtail's own restrictive headers, which the site's policy leaves be:
an uploaded HTML or SVG file can never run as a page of the clinic's site."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document


def test_a_document_is_served_sandboxed_and_never_sniffed(w):
    document = Document.objects.create(
        title="Intake form",
        file=ContentFile(b"<script>alert(1)</script>", name="intake.txt"),
    )
    response = Client(HTTP_HOST=w.a.site.hostname).get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert "X-Clinic-Pages-Cache" not in response
