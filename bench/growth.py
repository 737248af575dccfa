"""Grow one clinic's content well past demo size, and the network to 200 clinics, to show
that query counts do not follow them."""

from __future__ import annotations

import datetime

EXTRA = 100
CLINICS = 200
BLOCK_MAX = 20  # the most findings or questions one evidence or FAQ block takes


def _publish(page) -> None:
    page.save_revision().publish()


def grow_content(slug: str, extra: int = EXTRA) -> str:
    # Imported here: `python -m bench.growth` sets Django up before the models load.
    from wagtail.models import Site

    from clinic_pages.articles.models import ArticleIndexPage, ArticlePage
    from clinic_pages.conditions.models import ConditionIndexPage, ConditionPage
    from clinic_pages.faqs.models import Question
    from clinic_pages.physicians.models import PhysicianIndexPage, PhysicianPage, PhysicianSpecialty
    from clinic_pages.references.models import Reference
    from clinic_pages.treatments.models import TreatmentCondition, TreatmentPage, TreatmentReference

    site = Site.objects.get(hostname=f"{slug}.localhost")
    root = site.root_page
    treatment = (
        TreatmentPage.objects.descendant_of(root).filter(slug__contains="ketamine").first()
        or TreatmentPage.objects.descendant_of(root).first()
    )

    questions = [
        Question.objects.create(
            site=site,
            topic=f"Bench topic {n % 4}",
            question=f"Bench question number {n}?",
            answer=f"<p>Bench answer number {n}.</p>",
        )
        for n in range(extra)
    ]
    references = [
        Reference.objects.create(
            title=f"Bench study {n}", journal="Bench Journal", year=2020, pmid=900000 + n
        )
        for n in range(extra)
    ]

    condition_index = ConditionIndexPage.objects.descendant_of(root).first()
    conditions = []
    for n in range(extra):
        condition = ConditionPage(
            title=f"Bench condition {n}", slug=f"bench-condition-{n}", summary="Bench."
        )
        condition_index.add_child(instance=condition)
        _publish(condition)
        conditions.append(condition)

    physician_index = PhysicianIndexPage.objects.descendant_of(root).first()
    for n in range(extra):
        physician = PhysicianPage(
            title=f"Dr. Bench {n}",
            slug=f"dr-bench-{n}",
            family_name=f"Bench{n}",
            bio="<p>Bench.</p>",
        )
        physician.specialties = [PhysicianSpecialty(name="Pain medicine")]
        physician_index.add_child(instance=physician)
        _publish(physician)

    article_index = ArticleIndexPage.objects.descendant_of(root).first()
    for n in range(extra):
        article = ArticlePage(
            title=f"Bench article {n}",
            slug=f"bench-article-{n}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            summary="Bench.",
            body=[("paragraph", "<p>Bench.</p>")],
        )
        article_index.add_child(instance=article)
        _publish(article)

    treatment = treatment.get_latest_revision_as_object()
    for condition in conditions:
        treatment.condition_links.add(TreatmentCondition(condition=condition))
    for reference in references:
        treatment.reference_links.add(TreatmentReference(reference=reference))
    findings = [
        {"finding": f"Bench finding {n}.", "study_type": "", "references": [ref]}
        for n, ref in enumerate(references)
    ]
    for start in range(0, extra, BLOCK_MAX):
        chunk = findings[start : start + BLOCK_MAX]
        treatment.body.append(("evidence", {"heading": "Bench evidence", "findings": chunk}))
        chunk = questions[start : start + BLOCK_MAX]
        treatment.body.append(("faq", {"heading": "Bench questions", "questions": chunk}))
    _publish(treatment)
    grow_clinics()

    return describe_growth(extra)


def grow_clinics(total: int = CLINICS) -> None:
    """More clinic Sites (a home page and settings each) until the network has ``total``."""
    from wagtail.models import Page, Site

    from clinic_pages.clinics.models import ClinicSettings
    from clinic_pages.home.models import HomePage

    root = Page.get_first_root_node()
    for n in range(Site.objects.count(), total):
        home = root.add_child(
            instance=HomePage(
                title=f"Bench clinic {n}",
                slug=f"bench-clinic-{n}",
                hero_heading="Bench",
                hero_text="Bench.",
            )
        )
        site = Site.objects.create(hostname=f"bench-clinic-{n}.localhost", root_page=home)
        ClinicSettings.objects.create(site=site, practice_name=f"Bench clinic {n}")


def describe_growth(extra: int = EXTRA) -> str:
    return (
        f"+{extra} FAQs (in the treatment's FAQ blocks), +{extra} physicians, "
        f"+{extra} citations, +{extra} conditions on the treatment, +{extra} articles; "
        f"{CLINICS} clinics"
    )


if __name__ == "__main__":
    import sys

    import django

    django.setup()
    print(grow_content(sys.argv[1]))
