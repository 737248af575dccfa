"""Uploading an image asks for its alt text, and a file name is not accepted as one."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from clinic_pages.core.image_forms import looks_like_file_name

Image = get_image_model()


def _png(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, get_test_image_file().file.getvalue(), "image/png")


def _upload(client, **fields):
    data = {
        "title": "clinic-room.png",
        "file": _png("clinic-room.png"),
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
        **fields,
    }
    return client.post(reverse("wagtailimages:add"), data)


@pytest.mark.django_db
def test_the_upload_form_asks_for_alt_text(admin_client):
    html = admin_client.get(reverse("wagtailimages:add")).content.decode()
    assert "Alt text" in html
    assert "Not the file name" in html


@pytest.mark.django_db
@pytest.mark.parametrize("description", ["", "clinic-room.png", "clinic-room", "IMG_0412"])
def test_an_upload_without_real_alt_text_is_refused(admin_client, description):
    before = Image.objects.count()
    response = _upload(admin_client, description=description)
    assert response.status_code == 200  # the form again, with its error
    assert Image.objects.count() == before


@pytest.mark.django_db
def test_an_upload_with_alt_text_keeps_it(admin_client):
    response = _upload(admin_client, description="  Nurse checking a patient's  blood pressure ")
    assert response.status_code == 302, response.context["form"].errors
    image = Image.objects.get(title="clinic-room.png")
    assert image.description == "Nurse checking a patient's blood pressure"
    assert image.default_alt_text == image.description


@pytest.mark.django_db
def test_the_multiple_uploader_holds_each_file_back_until_its_alt_text_is_given(admin_client):
    before = Image.objects.count()
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": _png("IMG_0412.png")},
    )
    data = response.json()
    assert data["success"] is True
    assert Image.objects.count() == before  # kept as an upload until the form is filled in
    assert "Alt text" in data["form"]


def test_file_names_are_told_from_descriptions():
    assert looks_like_file_name("DSC_0042", "")
    assert looks_like_file_name("Scan", "uploads/scan.jpg")
    assert not looks_like_file_name("A physician talking with a patient", "IMG_0001.jpg")


@pytest.mark.django_db
def test_the_choosers_upload_tab_asks_for_alt_text_too(admin_client):
    html = admin_client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    assert "Alt text" in html
    assert "Not the file name" in html
