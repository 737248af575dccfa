"""A clinic publishing in English and Spanish: its home and treatments index translated."""

from __future__ import annotations

import pytest

from tests.i18n.translating import speak, translate


@pytest.fixture
def bilingual(clinic):
    """The ``clinic`` fixture with Spanish on: its home and treatments index in Spanish."""
    speak(clinic.settings, "en", "es")
    clinic.extra["home_es"] = translate(clinic.home, "Inicio", hero_heading="Alivio del dolor")
    clinic.extra["treatments_es"] = translate(clinic.treatments, "Tratamientos")
    return clinic
