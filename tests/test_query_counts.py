"""Page queries do not grow with content: each page type is rendered with 1 and with 10 items.

Every measurement starts from an empty cache, so both renders pay the same fixed lookups (site root
paths, settings) and any difference comes from per-item queries (an N+1).
"""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories


def count_queries(clinic, client, page_or_path) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = clinic.get(client, page_or_path)
    assert response.status_code == 200
    return len(queries.captured_queries)


def _treatment_with(clinic, n: int, tag: str):
    questions = [
        factories.QuestionFactory(site=clinic.site, topic=f"Topic {i % 3}") for i in range(n)
    ]
    listed = factories.ReferenceFactory.create_batch(n)
    cited = factories.ReferenceFactory.create_batch(n)
    conditions = [
        factories.ConditionPageFactory(parent=clinic.conditions, title=f"{tag} condition {i}")
        for i in range(n)
    ]
    related = [
        factories.TreatmentPageFactory(parent=clinic.treatments, title=f"{tag} related {i}")
        for i in range(n)
    ]
    treatment = factories.TreatmentPageFactory(
        parent=clinic.treatments,
        title=f"{tag} treatment",
        related=related,
        conditions=conditions,
        references=listed,
        statuses=[("off_label", "chronic pain")] * n,
        body=[
            factories.section_block(),
            factories.evidence_block([(f"Finding {i}", [ref]) for i, ref in enumerate(cited)]),
            factories.protocol_block([(f"Step {i}", "1 mg", ref) for i, ref in enumerate(listed)]),
            factories.faq_block(questions),
        ],
    )
    for i in range(n):
        factories.PhysicianPageFactory(
            parent=clinic.physicians, family_name=f"{tag}{i}", treatments=[treatment]
        )
    return treatment


# Measured at 27 (1 or 10 items); the margin leaves room for small template changes.
TREATMENT_CEILING = 31


def test_treatment_page_queries_do_not_grow_with_its_linked_content(
    clinic, client, django_assert_max_num_queries
):
    small = _treatment_with(clinic, 1, "Small")
    large = _treatment_with(clinic, 10, "Large")
    one, ten = count_queries(clinic, client, small), count_queries(clinic, client, large)
    assert one == ten, f"1 item: {one} queries, 10 items: {ten} queries"
    cache.clear()
    with django_assert_max_num_queries(TREATMENT_CEILING):
        clinic.get(client, large)


def test_faq_page_queries_do_not_grow_with_questions(
    make_clinic, client, django_assert_max_num_queries
):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    factories.QuestionFactory(site=alpha.site)
    for i in range(10):
        factories.QuestionFactory(site=beta.site, topic=f"Topic {i % 4}")
    one, ten = count_queries(alpha, client, alpha.faq), count_queries(beta, client, beta.faq)
    assert one == ten, f"1 question: {one} queries, 10 questions: {ten} queries"
    cache.clear()
    with django_assert_max_num_queries(20):  # measured: 16
        beta.get(client, beta.faq)


def _physicians(clinic, n: int):
    office = factories.LocationFactory(site=clinic.site)
    return [
        factories.PhysicianPageFactory(
            parent=clinic.physicians,
            certifications=["Anesthesiology"],
            specialties=["Pain medicine", "Anesthesiology"],
            locations=[office],
        )
        for _ in range(n)
    ]


def test_physician_index_queries_do_not_grow_with_physicians(
    make_clinic, client, django_assert_max_num_queries
):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    _physicians(alpha, 1)
    _physicians(beta, 10)
    one = count_queries(alpha, client, alpha.physicians)
    ten = count_queries(beta, client, beta.physicians)
    assert one == ten, f"1 physician: {one} queries, 10 physicians: {ten} queries"
    cache.clear()
    with django_assert_max_num_queries(21):  # measured: 17
        beta.get(client, beta.physicians)


def _home_content(clinic, n: int):
    physicians = _physicians(clinic, n)
    for i in range(n):
        factories.ArticlePageFactory(
            parent=clinic.articles,
            author=physicians[i],
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=i),
        )
        factories.TreatmentPageFactory(parent=clinic.treatments)
        factories.ConditionPageFactory(parent=clinic.conditions)


def test_home_queries_do_not_grow_with_physicians_and_articles(
    make_clinic, client, django_assert_max_num_queries
):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    _home_content(alpha, 1)
    _home_content(beta, 10)
    one, ten = count_queries(alpha, client, "/"), count_queries(beta, client, "/")
    assert one == ten, f"1 of each: {one} queries, 10 of each: {ten} queries"
    cache.clear()
    with django_assert_max_num_queries(26):  # measured: 22
        beta.get(client, "/")


def test_home_queries_do_not_grow_with_locations(make_clinic, client):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    factories.LocationFactory(site=alpha.site)
    factories.LocationFactory.create_batch(10, site=beta.site)
    one, ten = count_queries(alpha, client, "/"), count_queries(beta, client, "/")
    assert one == ten, f"1 location: {one} queries, 10 locations: {ten} queries"


def test_article_index_queries_do_not_grow_with_articles(make_clinic, client):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    for clinic, n in ((alpha, 1), (beta, 10)):
        author = factories.PhysicianPageFactory(parent=clinic.physicians)
        factories.ArticlePageFactory.create_batch(n, parent=clinic.articles, author=author)
    one = count_queries(alpha, client, alpha.articles)
    ten = count_queries(beta, client, beta.articles)
    assert one == ten, f"1 article: {one} queries, 10 articles: {ten} queries"


def test_physician_page_queries_do_not_grow_with_locations_and_credentials(make_clinic, client):
    alpha = make_clinic("alpha")
    pages = []
    for n in (1, 10):
        offices = factories.LocationFactory.create_batch(n, site=alpha.site)
        treatments = factories.TreatmentPageFactory.create_batch(n, parent=alpha.treatments)
        pages.append(
            factories.PhysicianPageFactory(
                parent=alpha.physicians,
                certifications=[f"Board {i}" for i in range(n)],
                education=[f"Residency {i}" for i in range(n)],
                locations=offices,
                treatments=treatments,
            )
        )
    one, ten = (count_queries(alpha, client, page) for page in pages)
    assert one == ten, f"1 of each: {one} queries, 10 of each: {ten} queries"
