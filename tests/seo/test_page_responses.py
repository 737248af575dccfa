"""Through the full page response: the layout carries exactly the graph the builders make."""

from __future__ import annotations

import pytest

from tests.seo.conftest import scripts_in, types_of

pytestmark = pytest.mark.django_db

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
