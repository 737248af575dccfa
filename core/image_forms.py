"""The image form every upload and edit goes through: alt text is asked for, never a file name.

Wagtail keeps an image's alt text in its ``description`` field and falls back to the title when
that is empty; the title starts as the uploaded file's name, so "IMG_0412.jpg" became the alt
text screen readers announced. This form (``WAGTAILIMAGES_IMAGE_FORM_BASE``) labels the
description as alt text and requires it. Wagtail's multiple uploader then holds each upload back
until its alt text is filled in (a required field it cannot fill makes it ask), and the chooser's
upload tab asks for it too. Whether an image is decorative depends on where it is used, so that
choice stays with the page (a figure's "Image is decorative"; cards and logos are alt="").
"""

from __future__ import annotations

import os
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

# A word with an image extension, or a camera's or phone's automatic name.
FILE_NAME = re.compile(
    r"^\S+\.(avif|gif|heic|jpe?g|png|svg|tiff?|webp)$|^(img|dsc|dscn|pxl|screenshot)[\s_\-]*\d",
    re.IGNORECASE,
)


def looks_like_file_name(text: str, file_name: str = "") -> bool:
    """Whether ``text`` is a file name rather than a description of what the image shows."""
    text = (text or "").strip()
    if not text:
        return False
    stem = os.path.splitext(os.path.basename(file_name or ""))[0]
    return bool(FILE_NAME.search(text)) or (
        bool(stem) and text.lower() in {stem.lower(), os.path.basename(file_name).lower()}
    )


class AltTextImageForm(BaseImageForm):
    """Wagtail's image form with the description asked for as required alt text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is not None:
            field.required = True
            field.label = _("Alt text")
            field.help_text = _(
                "What the image shows, for people who cannot see it, e.g. 'Nurse checking a "
                "patient's blood pressure'. Not the file name. Where the image is only "
                "decoration, the page it is used on can mark it as decorative."
            )

    def clean_description(self) -> str:
        text = " ".join((self.cleaned_data.get("description") or "").split())
        upload = self.files.get(self.add_prefix("file")) if self.files else None
        file_name = getattr(upload, "name", "") or (
            self.instance.file.name if self.instance.file else ""
        )
        if looks_like_file_name(text, file_name):
            raise forms.ValidationError(
                _("This looks like a file name. Describe what the image shows instead.")
            )
        return text
