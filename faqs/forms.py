"""The short form with which an editor adds a question from a page's FAQ chooser."""

from __future__ import annotations

from clinic_pages.clinics.chooser_creation import ClinicCreationForm
from clinic_pages.faqs.models import Question


class QuestionCreationForm(ClinicCreationForm):
    """Clinic, topic, question and answer; the order within the topic can be set later."""

    class Meta:
        model = Question
        fields = ["site", "topic", "question", "answer"]
