"""What of a page is read for its grade: its prose, never references, figures or headings."""

from __future__ import annotations

from wagtail.models import Site

from clinic_pages.governance.readability.text import page_segments
from clinic_pages.treatments.models import TreatmentPage
from tests import factories


def test_title_summary_and_body_prose_are_read_the_rest_is_not(db):
    reference = factories.ReferenceFactory(title="Trial of ketamine in chronic pain")
    question = factories.QuestionFactory(site=Site.objects.first(), question="Will I be awake?")
    page = TreatmentPage(
        title="Ketamine infusion",
        summary="An infusion for nerve pain.",
        alternate_names="Ketalar",
        search_description="Search engines only.",
        body=[
            factories.section_block(heading="What is it?", body="<p>One.</p><ul><li>Two</li></ul>"),
            factories.key_facts_block(facts=(("Session length", "About an hour"),)),
            factories.evidence_block([("Most patients had less pain.", [reference])]),
            factories.faq_block([question]),
        ],
    )
    segments = page_segments(page)
    assert segments[:2] == ["Ketamine infusion", "An infusion for nerve pain."]
    assert {"One.", "Two", "Most patients had less pain.", "Will I be awake?"} <= set(segments)
    read = " ".join(segments)
    for left_out in ("What is it?", "Session length", "About an hour", "Ketalar", "Trial of"):
        assert left_out not in read
    assert "Search engines only." not in read
