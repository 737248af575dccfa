"""The write half of the permission matrix: form submissions that would change clinic B.

Each write is a valid submission (the superuser's identical submission changes clinic B, and a
role with the right changes clinic A's own object with it), so a role of clinic A leaving the
database untouched is a refusal, never a validation error.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.urls import reverse
from PIL import Image as PILImage
from taggit.models import TaggedItem
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision, WorkflowState

from clinic_pages.clinics.models import ClinicSettings
from tests.isolation import payloads
from tests.isolation.endpoints import RIGHTS, appointments_available
from tests.isolation.two_clinics import ROLES, ClinicWorld, World, appointment_request_model


def _content_type(model):
    return ContentType.objects.get_for_model(model)


def snapshot(clinic: ClinicWorld) -> dict:
    """Everything of one clinic that a write of the matrix could change."""
    pages = Page.objects.descendant_of(clinic.home, inclusive=True).order_by("pk")
    page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    images = get_image_model().objects.filter(collection=clinic.collection).order_by("pk")
    documents = get_document_model().objects.filter(collection=clinic.collection).order_by("pk")
    state = {
        "pages": list(
            pages.values_list(
                "pk",
                "title",
                "draft_title",
                "path",
                "live",
                "locked",
                "latest_revision_id",
                "live_revision_id",
            )
        ),
        "revisions": Revision.page_revisions.filter(object_id__in=page_ids).count(),
        "workflows": list(
            WorkflowState.objects.filter(object_id__in=page_ids).values_list("pk", "status")
        ),
        "restrictions": PageViewRestriction.objects.filter(page__in=pages).count(),
        "locations": list(clinic.site.locations.order_by("pk").values_list("pk", "name")),
        # A question edit by an editor is saved as a draft revision (published by a reviewer).
        "questions": list(
            clinic.site.faq_questions.order_by("pk").values_list(
                "pk", "question", "latest_revision_id"
            )
        ),
        "images": list(images.values_list("pk", "title")),
        "documents": list(documents.values_list("pk", "title")),
        "tags": sorted(
            TaggedItem.objects.filter(
                Q(content_type=_content_type(images.model), object_id__in=images.values("pk"))
                | Q(
                    content_type=_content_type(documents.model),
                    object_id__in=documents.values("pk"),
                )
            ).values_list("tag__name", flat=True)
        ),
        "settings": list(
            ClinicSettings.objects.filter(site=clinic.site).values_list("practice_name")
        ),
    }
    model = appointment_request_model()
    if model is not None:
        state["requests"] = list(
            model.objects.filter(site=clinic.site).order_by("pk").values_list("pk", "status")
        )
    return state


def _other(w: World, clinic: ClinicWorld) -> ClinicWorld:
    return w.a if clinic is w.b else w.b


def _bulk(app: str, model: str, action: str, *ids) -> str:
    query = "&".join(f"id={pk}" for pk in ids)
    return f"{reverse('wagtail_bulk_action', args=[app, model, action])}?{query}&next=/admin/"


def _png(name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@dataclass(frozen=True)
class Write:
    kind: str
    name: str
    # perform(client, target clinic, world): submits the form against the target clinic.
    perform: Callable
    right: str
    # A write that moves an object of the other clinic into the target one; it has no
    # own-clinic counterpart, only the superuser's witness.
    cross: bool = False
    # What shows the write took effect on a clinic; by default anything of it changed.
    effect: Callable | None = None

    def observe(self, clinic: ClinicWorld):
        return self.effect(clinic) if self.effect else snapshot(clinic)

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.name}"


def _page_writes(kind: str) -> list[Write]:
    index = {"treatment": "treatments", "condition": "conditions"}[kind]

    def page(c):
        return getattr(c, kind)

    def edit(action=None):
        def perform(client, c, w):
            data = payloads.page_data(page(c), f"{page(c).title} (changed)")
            if action:
                data[action] = action
            return client.post(reverse("wagtailadmin_pages:edit", args=[page(c).pk]), data)

        return perform

    def post(name, data=None, *args):
        def perform(client, c, w):
            return client.post(reverse(name, args=[page(c).pk, *args]), data or {})

        return perform

    def copy(client, c, w):
        return client.post(
            reverse("wagtailadmin_pages:copy", args=[page(c).pk]),
            {
                "new_title": "Copied page",
                "new_slug": "copied-page",
                "new_parent_page": c.sections[index].pk,
            },
        )

    def copy_into(client, c, w):
        source = page(_other(w, c))
        return client.post(
            reverse("wagtailadmin_pages:copy", args=[source.pk]),
            {
                "new_title": "Copied in",
                "new_slug": "copied-in",
                "new_parent_page": c.sections[index].pk,
            },
        )

    def move_into(client, c, w):
        source = page(_other(w, c))
        return client.post(
            reverse("wagtailadmin_pages:move_confirm", args=[source.pk, c.sections[index].pk])
        )

    def move_out(client, c, w):
        destination = _other(w, c).sections[index]
        return client.post(
            reverse("wagtailadmin_pages:move_confirm", args=[page(c).pk, destination.pk])
        )

    def bulk(action, data=None):
        def perform(client, c, w):
            return client.post(_bulk("wagtailcore", "page", action, page(c).pk), data or {})

        return perform

    def api(action):
        def perform(client, c, w):
            url = reverse("wagtailadmin_api:pages:action", args=[page(c).pk, action])
            return client.post(url, {}, content_type="application/json")

        return perform

    def live_title(c):
        return Page.objects.get(pk=page(c).pk).title

    # A page awaiting review is locked to everyone but its reviewers (Wagtail's workflow lock).
    editing = "review" if kind == "condition" else "pages"
    writes = [
        Write(kind, "edit_save", edit(), editing),
        # Without the publish right Wagtail keeps the submission as a draft: it never goes live.
        Write(kind, "edit_publish", edit("action-publish"), "publish", effect=live_title),
        Write(kind, "delete", post("wagtailadmin_pages:delete"), "publish"),
        Write(kind, "unpublish", post("wagtailadmin_pages:unpublish"), "publish"),
        Write(kind, "copy", copy, "pages"),
        Write(kind, "lock", post("wagtailadmin_pages:lock"), editing),
        Write(
            kind,
            "set_privacy",
            post("wagtailadmin_pages:set_privacy", {"restriction_type": "login"}),
            "publish",
        ),
        Write(kind, "bulk_delete", bulk("delete"), "publish"),
        Write(kind, "bulk_unpublish", bulk("unpublish"), "publish"),
        Write(kind, "api_unpublish", api("unpublish"), "publish"),
        Write(kind, "copy_into", copy_into, "pages", cross=True),
        Write(kind, "move_into", move_into, "publish", cross=True),
        Write(kind, "move_out", move_out, "publish", cross=True),
    ]
    if kind == "treatment":
        # The treatment has an unpublished draft; the condition awaits review (see two_clinics).
        writes += [
            Write(kind, "edit_submit", edit("action-submit"), "pages"),
            Write(kind, "bulk_publish", bulk("publish"), "publish"),
        ]
    else:

        def approve(client, c, w):
            task_state = page(c).current_workflow_state.current_task_state
            url = reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page(c).pk, "approve", task_state.pk],
            )
            return client.post(url, {"comment": ""})

        writes.append(Write(kind, "workflow_approve", approve, "review"))
    return writes


def _snippet_writes(kind: str, slug: str) -> list[Write]:
    app_label, model_name = slug.rsplit("_", 1)

    def obj(c):
        return getattr(c, kind)

    def data(instance, label, site_id=None):
        if kind == "location":
            return payloads.location_data(instance, name=label, site_id=site_id)
        return payloads.question_data(instance, text=label, site_id=site_id)

    def edit(client, c, w):
        url = reverse(f"wagtailsnippets_{slug}:edit", args=[obj(c).pk])
        return client.post(url, data(obj(c), "Changed"))

    def delete(client, c, w):
        return client.post(reverse(f"wagtailsnippets_{slug}:delete", args=[obj(c).pk]))

    def bulk_delete(client, c, w):
        return client.post(_bulk(app_label, model_name, "delete", obj(c).pk))

    def create_in(client, c, w):
        url = reverse(f"wagtailsnippets_{slug}:add")
        return client.post(url, data(obj(c), "Brand new", site_id=c.site.pk))

    def move_into(client, c, w):
        source = obj(_other(w, c))
        url = reverse(f"wagtailsnippets_{slug}:edit", args=[source.pk])
        payload = data(source, "Moved", site_id=c.site.pk)
        if kind == "question":
            # Questions have drafts: only a published change moves the live row.
            payload["action-publish"] = "action-publish"
        return client.post(url, payload)

    return [
        Write(kind, "edit", edit, "snippets"),
        Write(kind, "delete", delete, "snippets"),
        Write(kind, "bulk_delete", bulk_delete, "snippets"),
        Write(kind, "create_in", create_in, "snippets"),
        Write(kind, "move_into", move_into, "snippets", cross=True),
    ]


def _media_writes(kind: str) -> list[Write]:
    app = {"image": "wagtailimages", "document": "wagtaildocs"}[kind]

    def obj(c):
        return getattr(c, kind)

    def data(instance, title):
        if kind == "image":
            return payloads.image_data(instance, title=title)
        return payloads.document_data(instance, title=title)

    def edit(client, c, w):
        return client.post(reverse(f"{app}:edit", args=[obj(c).pk]), data(obj(c), "Changed"))

    def delete(client, c, w):
        return client.post(reverse(f"{app}:delete", args=[obj(c).pk]))

    def bulk(action, extra=None, source=obj):
        def perform(client, c, w):
            target = source(c, w) if source is not obj else obj(c)
            return client.post(_bulk(app, kind, action, target.pk), extra(c) if extra else {})

        return perform

    def upload_into(client, c, w):
        if kind == "image":
            file = _png("upload.png")
        else:
            file = SimpleUploadedFile("upload.pdf", b"%PDF-1.4 upload", "application/pdf")
        return client.post(
            reverse(f"{app}:add"),
            {
                "title": "Uploaded",
                "description": "A treatment room",  # images ask for alt text; documents ignore it
                "file": file,
                "collection": c.collection.pk,
            },
        )

    return [
        Write(kind, "edit", edit, "media"),
        Write(kind, "delete", delete, "media"),
        Write(kind, "bulk_delete", bulk("delete"), "media"),
        Write(kind, "bulk_add_tags", bulk("add_tags", lambda c: {"tags": "leaked"}), "media"),
        Write(
            kind,
            "bulk_into_collection",
            bulk(
                "add_to_collection",
                lambda c: {"collection": c.collection.pk},
                source=lambda c, w: obj(_other(w, c)),
            ),
            "media",
            cross=True,
        ),
        Write(kind, "upload_into", upload_into, "media"),
    ]


def _settings_writes() -> list[Write]:
    def edit(client, c, w):
        url = reverse(
            "wagtailsettings:edit", args=["clinic_pages_clinics", "clinicsettings", c.site.pk]
        )
        return client.post(url, payloads.settings_data(c.settings, practice_name="Renamed"))

    return [Write("settings", "edit", edit, "settings")]


def _appointment_writes() -> list[Write]:
    def edit(client, c, w):
        url = reverse("appointment_requests:edit", args=[c.appointment_request.pk])
        data = payloads.appointment_request_data(
            c.appointment_request, status="contacted", staff_notes="Called back."
        )
        return client.post(url, data)

    def delete(client, c, w):
        return client.post(reverse("appointment_requests:delete", args=[c.appointment_request.pk]))

    return [
        Write("appointment", "edit", edit, "appointments"),
        Write("appointment", "delete", delete, "appointments_delete"),
    ]


WRITES = [
    *_page_writes("treatment"),
    *_page_writes("condition"),
    *_snippet_writes("location", "clinic_pages_clinics_location"),
    *_snippet_writes("question", "clinic_pages_faqs_question"),
    *_media_writes("image"),
    *_media_writes("document"),
    *_settings_writes(),
]
if appointments_available():
    WRITES += _appointment_writes()


def _params(writes, roles=ROLES):
    params = [
        pytest.param(role, write, id=f"{role}-{write.id}") for write in writes for role in roles
    ]
    if not appointments_available():
        params += [
            pytest.param(
                role,
                None,
                id=f"{role}-appointment",
                marks=pytest.mark.skip(reason="appointments admin is not there yet"),
            )
            for role in roles
        ]
    return params


@pytest.mark.parametrize(("role", "write"), _params(WRITES))
def test_other_clinic_is_left_unchanged(w, client_for, role, write):
    before_b, before_a = snapshot(w.b), snapshot(w.a)
    response = write.perform(client_for(w.a.users[role]), w.b, w)
    assert response.status_code < 500
    assert snapshot(w.b) == before_b
    if write.cross:  # the object of clinic A it tried to bring over stayed where it was
        assert snapshot(w.a) == before_a


@pytest.mark.database_agnostic
@pytest.mark.parametrize(("role", "write"), _params([x for x in WRITES if not x.cross]))
def test_own_clinic_changes_with_the_right(w, client_for, role, write):
    before = write.observe(w.a)
    response = write.perform(client_for(w.a.users[role]), w.a, w)
    assert response.status_code < 500
    if write.right in RIGHTS[role]:
        assert write.observe(w.a) != before, f"{role} could not {write.id} on its own clinic"
    else:
        assert write.observe(w.a) == before


@pytest.mark.database_agnostic
@pytest.mark.parametrize("write", [pytest.param(x, id=x.id) for x in WRITES])
def test_superuser_write_changes_the_other_clinic(w, client_for, write):
    """The witness: each submission above is valid and does change clinic B."""
    before = write.observe(w.b)
    response = write.perform(client_for(w.superuser), w.b, w)
    assert response.status_code < 500
    assert write.observe(w.b) != before
