"""The template tags: one safely escaped JSON-LD script, and OpenGraph/Twitter sharing meta."""

from __future__ import annotations

import json
import re

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.template import RequestContext, Template
from django.test.utils import CaptureQueriesContext

from clinic_pages.seo.jsonld import build_graph
from clinic_pages.seo.templatetags.clinic_pages_seo import json_script_text
from tests import factories
from tests.seo.conftest import node_of, scripts_in

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = 'Ketamine </script><script>alert("x")</script> & <!-- more'


def meta_content(html: str, key: str) -> str | None:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    return match[1] if match else None


def test_json_script_text_escapes_markup_characters():
    text = json_script_text({"name": "</script>&<!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script>&<!--"}


def test_titles_cannot_break_out_of_the_script(seo_clinic, render_tag):
    treatment = seo_clinic.treatment
    treatment.title = HOSTILE_TITLE
    treatment.save()
    html = render_tag(treatment)
    assert html.count("<script") == 1 and html.count("</script>") == 1
    assert html.endswith("</script>")
    (graph,) = scripts_in(html)
    assert node_of(graph, "MedicalTherapy")["name"] == HOSTILE_TITLE


def test_without_a_page_only_the_site_nodes(seo_clinic, rf):
    """Search results and error pages: the site and the practice, no breadcrumbs."""
    request = rf.get("/search/", HTTP_HOST=seo_clinic.host)
    template = Template("{% load clinic_pages_seo %}{% structured_data %}{% social_meta %}")
    for page_value in (None, Paginator([1, 2], 1).get_page(1)):
        html = template.render(RequestContext(request, {"page": page_value}))
        (graph,) = scripts_in(html)
        types = [node["@type"] for node in graph["@graph"]]
        assert types == ["WebSite", "MedicalOrganization"]
        assert "og:title" not in html


def test_social_meta_for_a_treatment(seo_clinic, render_tag):
    treatment = seo_clinic.treatment
    html = render_tag(treatment, "{% social_meta %}")
    assert meta_content(html, "og:title") == treatment.title
    assert meta_content(html, "og:description") == treatment.summary
    assert meta_content(html, "og:url") == treatment.get_full_url()
    assert meta_content(html, "og:type") == "website"
    assert meta_content(html, "og:site_name") == seo_clinic.settings.practice_name
    image = meta_content(html, "og:image")
    assert image.startswith("http://alpha.localhost/") and "fill-1200x630" in image
    assert meta_content(html, "og:image:width") == "1200"
    assert meta_content(html, "og:image:height") == "630"
    assert meta_content(html, "og:image:alt") == seo_clinic.image.default_alt_text
    assert meta_content(html, "twitter:card") == "summary_large_image"


def test_social_meta_for_an_article(seo_clinic, render_tag):
    html = render_tag(seo_clinic.article, "{% social_meta %}")
    assert meta_content(html, "og:type") == "article"
    assert meta_content(html, "article:published_time") == seo_clinic.article.date.isoformat()


def test_social_meta_without_an_image(seo_clinic, render_tag):
    html = render_tag(seo_clinic.faq, "{% social_meta %}")
    assert meta_content(html, "og:image") is None
    assert meta_content(html, "twitter:card") == "summary"


def test_social_meta_falls_back_to_the_physician_photo(seo_clinic, render_tag):
    html = render_tag(seo_clinic.physician, "{% social_meta %}")
    assert "fill-1200x630" in meta_content(html, "og:image")


def test_social_meta_escapes_attribute_values(seo_clinic, render_tag):
    seo_clinic.settings.practice_name = 'Spine "&" Pain'
    seo_clinic.settings.save()
    html = render_tag(seo_clinic.faq, "{% social_meta %}")
    assert meta_content(html, "og:site_name") == "Spine &quot;&amp;&quot; Pain"


def _graph_queries(page, rf) -> int:
    page = type(page).objects.get(pk=page.pk)  # fresh: no cached properties
    request = rf.get(page.get_url(), HTTP_HOST=page.get_site().hostname)
    with CaptureQueriesContext(connection) as queries:
        build_graph(page, request, page.get_context(request))
    return len(queries)


def test_treatment_graph_queries_do_not_grow_with_its_items(seo_clinic, rf):
    """More conditions, references, physicians and questions: the same number of queries."""
    treatment = seo_clinic.treatment
    before = _graph_queries(treatment, rf)

    clinic = seo_clinic.clinic
    from clinic_pages.physicians.models import PhysicianTreatment
    from clinic_pages.treatments.models import TreatmentCondition, TreatmentReference

    for _ in range(3):
        condition = factories.ConditionPageFactory(parent=clinic.conditions)
        TreatmentCondition.objects.create(page=treatment, condition=condition)
        TreatmentReference.objects.create(page=treatment, reference=factories.ReferenceFactory())
        physician = factories.PhysicianPageFactory(parent=clinic.physicians)
        PhysicianTreatment.objects.create(page=physician, treatment=treatment)
    extra_questions = [factories.QuestionFactory(site=clinic.site) for _ in range(3)]
    treatment.body.append(("faq", {"heading": "More", "questions": extra_questions}))
    treatment.save()

    assert _graph_queries(treatment, rf) == before


def test_home_graph_queries_do_not_grow_with_offices(seo_clinic, rf):
    before = _graph_queries(seo_clinic.home, rf)
    for _ in range(3):
        factories.LocationFactory(site=seo_clinic.site)
    assert _graph_queries(seo_clinic.home, rf) == before
