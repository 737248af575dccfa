"""Through the full page response: base.html carries exactly the graph the builders make.

Skipped until ``templates/base.html`` calls the tags; the wiring lines are in seo/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from tests.seo.conftest import scripts_in, types_of

BASE_TEMPLATE = Path(settings.BASE_DIR) / "templates" / "base.html"
WIRED = "{% structured_data %}" in BASE_TEMPLATE.read_text()

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not WIRED, reason="templates/base.html does not call the seo tags yet"),
]

PAGES = ["home", "treatment", "condition", "physician", "article", "faq", "appointment"]


@pytest.mark.parametrize("name", PAGES)
def test_page_response_has_one_graph_equal_to_the_builders(seo_clinic, client, graph_of, name):
    page = getattr(seo_clinic, name)
    response = seo_clinic.get(client, page)
    assert response.status_code == 200
    html = response.content.decode()
    scripts = scripts_in(html)
    assert len(scripts) == 1
    assert scripts[0] == graph_of(page)
    head = html.split("</head>", 1)[0]
    assert 'type="application/ld+json"' in head
    assert f'<meta property="og:url" content="{page.get_full_url()}">' in head


def test_treatment_response_graph(seo_clinic, client):
    response = seo_clinic.get(client, seo_clinic.treatment)
    (graph,) = scripts_in(response.content.decode())
    types = {t for node in graph["@graph"] for t in types_of(node)}
    assert {"WebSite", "BreadcrumbList", "MedicalWebPage", "FAQPage", "MedicalTherapy"} <= types
