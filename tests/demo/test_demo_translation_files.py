"""The Spanish data files are checked against the English clinic before anything is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clinic_pages.demo.datafiles import DemoDataError
from clinic_pages.demo.reader import read_demo
from clinic_pages.demo.translations_reader import read_translations
from tests.demo.conftest import edit_copy

ES = "florida-medical/es"


def _read(root: Path):
    demo = read_demo(root)
    (florida,) = [clinic for clinic in demo.clinics if clinic.slug == "florida-medical"]
    return read_translations(florida, set(demo.references), root)


def test_the_shipped_spanish_files_read_with_shared_spanish_entries(data):
    (spanish,) = _read(data)
    assert spanish.language == "es"
    assert spanish.disclaimer.startswith("Contenido de demostración: este es un sitio de prueba")
    assert "Florida Medical Pain Management" in spanish.privacy_notice
    ketamine = spanish.treatments["ketamine-infusion-therapy"]
    assert ketamine.slug == "terapia-de-infusion-de-ketamina"
    (myths,) = [block for block in ketamine.body if block["type"] == "myth_fact"]
    assert myths["items"][0]["myth"] == "La ketamina es solo una droga recreativa."
    assert [q.translates for q in spanish.questions][:1] == ["How do you decide my ketamine dose?"]
    assert spanish.physicians["dr-sam-calloway"].accepting_new_patients is True


@pytest.mark.parametrize(
    ("relative", "old", "new", "message"),
    [
        (
            f"{ES}/questions.toml",
            'translates = "Do you treat work injuries?"',
            'translates = "Do you treat sports injuries?"',
            "is not a question of ../questions.toml",
        ),
        (
            f"{ES}/treatments/ketamine-infusion-therapy.toml",
            'slug = "terapia-de-infusion-de-ketamina"\n',
            "",
            "a translated treatment names its own slug",
        ),
        (
            f"{ES}/treatments/ketamine-infusion-therapy.toml",
            '"¿Quién no debe recibir ketamina?",',
            '"¿Quién no debería recibir ketamina?",',
            "is not one of the questions",
        ),
        (
            f"{ES}/clinic.toml",
            'cta_button_label = "Solicitar una cita"',
            'cta_button_lable = "Solicitar una cita"',
            "unknown key 'cta_button_lable'",
        ),
        (
            f"{ES}/clinic.toml",
            "[[locations]]",
            '[[locations]]\nname = "Otro"\n\n[[locations]]',
            "expected 1 (one per office",
        ),
    ],
)
def test_a_broken_spanish_file_is_named(data, relative, old, new, message):
    edit_copy(data, relative, old, new)
    with pytest.raises(DemoDataError, match=re.escape(message)) as error:
        _read(data)
    assert relative.split("/")[-1] in str(error.value)


def test_a_spanish_page_without_an_english_one_is_refused(data):
    source = data / ES / "physicians" / "dr-sam-calloway.toml"
    (data / ES / "physicians" / "dr-nobody.toml").write_text(source.read_text())
    with pytest.raises(DemoDataError, match=re.escape("no English page physicians/dr-nobody.toml")):
        _read(data)
