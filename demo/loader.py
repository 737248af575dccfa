"""Idempotent loading of the demo clinics.

Every object is looked up by a natural key (pages by parent and slug, questions by site and
question, locations by site and name, references by title, images by collection and title, users
by username). Missing objects are created; existing ones are left exactly as they are, so an
editor's changes survive and a second run writes nothing. With ``reset=True`` existing objects
are brought back to the demo content, and a page gets a new published revision only when a field
really differs (StreamField blocks carry stable ids so equal content compares equal).

Pages are created in two passes because they point at each other (a physician offers treatments
that name the physician as reviewer); the second pass fills links to pages created later in the
first pass and only touches pages created in this run.
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField
from wagtail.images.models import Image
from wagtail.models import (
    Collection,
    Page,
    Site,
)

from clinic_pages.appointments.models import AppointmentPage
from clinic_pages.articles.models import ArticleIndexPage, ArticlePage
from clinic_pages.clinics.models import ClinicSettings, Location
from clinic_pages.conditions.models import ConditionIndexPage, ConditionPage
from clinic_pages.demo import images
from clinic_pages.demo.blocks import build_stream, rich_text
from clinic_pages.demo.reader import WEEKDAYS
from clinic_pages.demo.slots import add_demo_reasons, create_demo_slots
from clinic_pages.demo.spec import BlockData, ClinicSpec, DemoSpec
from clinic_pages.demo.translations import load_translations
from clinic_pages.demo.trust import load_trust_and_offices
from clinic_pages.faqs.models import FAQPage, Question
from clinic_pages.home.models import HomePage
from clinic_pages.onboarding.clinics import ClinicSpec as OnboardingSpec
from clinic_pages.onboarding.clinics import onboard_clinic
from clinic_pages.physicians.models import PhysicianIndexPage, PhysicianPage
from clinic_pages.references.models import Reference
from clinic_pages.treatments.models import TreatmentIndexPage, TreatmentPage

DEMO_PASSWORD = "clinic-pages-demo"
PORT = 8000
# Block ids are derived from this namespace and the block's position, so they never change.
BLOCK_ID_NAMESPACE = uuid.UUID("6f1c1a52-8d0c-4d47-9a43-2f0f6b1d7c11")
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"
DEMO_ROLE_USERNAMES = {"editors": "editor", "reviewers": "reviewer", "front desk": "frontdesk"}

Values = dict[str, Any]


def stream_raw(blocks: list[tuple[str, Any]], seed: str) -> list[dict]:
    """(block_type, value) pairs as raw StreamField JSON with stable ids and chooser pks."""
    return [
        {
            "type": block_type,
            "value": _raw(value, f"{seed}/{i}"),
            "id": str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{seed}/{i}")),
        }
        for i, (block_type, value) in enumerate(blocks)
    ]


def _raw(value: Any, path: str) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dict):
        return {key: _raw(item, f"{path}/{key}") for key, item in value.items()}
    if isinstance(value, list):
        # Every list inside a block value is a ListBlock: store it in the item format with ids.
        return [
            {
                "type": "item",
                "value": _raw(item, f"{path}/{j}"),
                "id": str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{path}/{j}")),
            }
            for j, item in enumerate(value)
        ]
    return value


def _time(value: str | None) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


@dataclass
class Context:
    """What a clinic's page bodies can point at: its pages, questions and the shared references.

    It is the :class:`~clinic_pages.demo.blocks.Links` of the objects created so far.
    """

    spec: ClinicSpec
    site: Site | None = None
    home: HomePage | None = None
    indexes: dict[str, Page] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    images: dict[str, Image] = field(default_factory=dict)

    def ref(self, key: str) -> Reference:
        return self.references[key]

    def question(self, text: str) -> Question:
        try:
            return Question.objects.get(site=self.site, question=text)
        except Question.DoesNotExist as exc:
            raise CommandError(f"{self.spec.slug}: no FAQ question {text!r}") from exc

    def page(self, path: str) -> Page | None:
        """``"appointments"`` is a section page, ``"treatments/tens"`` a page within one."""
        index, _, slug = path.partition("/")
        return self._child(index, Page, slug) if slug else self.indexes.get(index)

    def body(self, folder: str, slug: str, body: list[BlockData]) -> list[dict]:
        """A page body from its data file as raw StreamField JSON, with ids seeded by the page."""
        page = f"{self.spec.slug}/{folder}/{slug}"
        return stream_raw(build_stream(body, self, f"{page}.toml"), page)

    def _child(self, index: str, model: type[Page], slug: str) -> Any:
        parent = self.indexes.get(index)
        if parent is None:
            return None
        return model.objects.child_of(parent).filter(slug=slug).first()

    def treatment(self, slug: str) -> TreatmentPage | None:
        return self._child("treatments", TreatmentPage, slug)

    def condition(self, slug: str) -> ConditionPage | None:
        return self._child("conditions", ConditionPage, slug)

    def physician(self, slug: str) -> PhysicianPage | None:
        return self._child("physicians", PhysicianPage, slug)

    @property
    def appointment_page(self) -> Page | None:
        return self.indexes.get("appointments")


@dataclass
class DeferredPage:
    parent: Page
    model: type[Page]
    slug: str
    build: Callable[[], Values]


class DemoLoader:
    """Creates (or, with ``reset``, restores) the demo clinics. See the module docstring."""

    def __init__(self, demo: DemoSpec, *, reset: bool = False, log=print):
        self.demo = demo
        self.reset = reset
        self.log = log
        self.stats: Counter[str] = Counter()
        self.created_page_ids: set[int] = set()
        self.deferred: list[DeferredPage] = []
        self.second_pass = False
        self.today = timezone.localdate()

    # ----------------------------------------------------------------- entry point

    def run(self) -> Counter[str]:
        with transaction.atomic():
            self.remove_wagtail_welcome_site()
            references = self.load_references()
            self.sync_user("admin", "admin@example.com", superuser=True)
            for spec in self.demo.clinics:
                self.load_clinic(spec, references)
            # Second pass: links to pages that did not exist yet when a page was first built.
            self.second_pass = True
            for item in self.deferred:
                self.sync_page(item.parent, item.model, item.slug, item.build)
            self.check_single_default_site()
        return self.stats

    # ----------------------------------------------------------------- generic upserts

    @staticmethod
    def _field(model: type[models.Model], name: str):
        return model._meta.get_field(name)

    def _current(self, obj: models.Model, name: str, desired: Any) -> Any:
        model_field = self._field(type(obj), name)
        value = getattr(obj, name)
        if isinstance(model_field, StreamField):
            return self._stream_json(model_field, value)
        if isinstance(model_field, ParentalManyToManyField):
            return sorted(item.pk for item in value.all())
        if model_field.one_to_many:
            keys = list(desired[0]) if desired else []
            return [self._child_values(child, keys) for child in value.all()]
        if model_field.many_to_one:
            return getattr(obj, model_field.attname)
        return value

    def _desired(self, obj: models.Model, name: str, value: Any) -> Any:
        model_field = self._field(type(obj), name)
        if isinstance(model_field, StreamField):
            return self._stream_json(model_field, model_field.to_python(value))
        if isinstance(model_field, ParentalManyToManyField):
            return sorted(item.pk for item in value)
        if model_field.one_to_many:
            return [
                {k: v.pk if isinstance(v, models.Model) else v for k, v in item.items()}
                for item in value
            ]
        if isinstance(value, models.Model):
            return value.pk
        return value

    @staticmethod
    def _child_values(child: models.Model, keys: list[str]) -> dict:
        values = {}
        for key in keys:
            child_field = child._meta.get_field(key)
            values[key] = getattr(child, child_field.attname if child_field.many_to_one else key)
        return values

    @staticmethod
    def _stream_json(model_field: StreamField, value) -> str:
        return json.dumps(model_field.stream_block.get_prep_value(value), sort_keys=True)

    def _apply(self, obj: models.Model, values: Values) -> None:
        for name, value in values.items():
            model_field = self._field(type(obj), name)
            if isinstance(model_field, ParentalManyToManyField):
                getattr(obj, name).set(value)
            elif model_field.one_to_many:
                setattr(obj, name, [model_field.related_model(**item) for item in value])
            else:
                setattr(obj, name, value)

    def _changed(self, obj: models.Model, values: Values) -> Values:
        return {
            name: value
            for name, value in values.items()
            if self._current(obj, name, value) != self._desired(obj, name, value)
        }

    def sync_page(
        self,
        parent: Page,
        model: type[Page],
        slug: str,
        build: Callable[[], Values],
        initial: Values | None = None,
    ) -> Page:
        """Create the page under ``parent`` or, where allowed, update it in place."""
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug)
            self._apply(page, {**build(), **(initial or {})})
            parent.add_child(instance=page)  # saves with full_clean()
            page.save_revision().publish()
            self.created_page_ids.add(page.pk)
            self.deferred.append(DeferredPage(parent, model, slug, build))
            self.stats["pages created"] += 1
            return page
        page = existing.specific
        if not isinstance(page, model):
            raise CommandError(
                f"{existing.url_path} is a {type(page).__name__}, expected {model.__name__}; "
                "move or delete it and run the command again."
            )
        if not self.second_pass:
            # Updates wait for the second pass, when every page a build() refers to exists.
            if self.reset:
                self.deferred.append(DeferredPage(parent, model, slug, build))
            else:
                self.stats["pages kept"] += 1
            return page
        changed = self._changed(page, build())
        if changed:
            self._apply(page, changed)
            page.save_revision().publish()  # save_revision() runs full_clean()
            self.stats["page revisions published for updates"] += 1
        return page

    def sync_object(
        self,
        model: type[models.Model],
        lookup: Values,
        values: Values,
        *,
        force_update: bool = False,
    ) -> models.Model:
        """Create or (with reset) update a plain model or snippet found by its natural key."""
        obj = model.objects.filter(**lookup).first()
        label = f"{model._meta.app_label}.{model.__name__}"
        if obj is None:
            obj = model(**lookup)
            self._apply(obj, values)
            obj.full_clean()
            obj.save()
            self.stats[f"{label} created"] += 1
            return obj
        if self.reset or force_update:
            changed = self._changed(obj, values)
            if changed:
                self._apply(obj, changed)
                obj.full_clean()
                obj.save()
                self.stats[f"{label} updated"] += 1
        return obj

    # ----------------------------------------------------------------- site-wide records

    def remove_wagtail_welcome_site(self) -> None:
        """Delete Wagtail's initial welcome page and localhost site, but only if untouched."""
        welcome = Page.objects.filter(
            depth=2,
            slug="home",
            title=WAGTAIL_WELCOME_TITLE,
            content_type=ContentType.objects.get_for_model(Page),
            numchild=0,
            latest_revision__isnull=True,
        ).first()
        if welcome is None:
            return
        Site.objects.filter(root_page=welcome, hostname="localhost").delete()
        if not Site.objects.filter(root_page=welcome).exists():
            welcome.delete()
            self.stats["initial welcome page removed"] += 1

    def load_references(self) -> dict[str, Reference]:
        references = {}
        for key, reference in self.demo.references.items():
            lookup = self._reference_lookup(vars(reference))
            values = {name: value for name, value in vars(reference).items() if name not in lookup}
            references[key] = self.sync_object(Reference, lookup, values)
        return references

    @staticmethod
    def _reference_lookup(fields: Values) -> Values:
        """The first of the source's identifiers, then its title, that finds a library entry.

        An identifier outlives a corrected title and a title outlives an added identifier, so
        ``--reset`` corrects the entry already in the library instead of adding a second one.
        """
        identifiers = ("pmid", "pmcid", "bookshelf_id", "doi")
        lookups = [{name: fields[name]} for name in identifiers if fields.get(name)]
        lookups.append({"title": fields["title"]})
        found = (lookup for lookup in lookups if Reference.objects.filter(**lookup).exists())
        return next(found, lookups[0])

    def check_single_default_site(self) -> None:
        defaults = list(Site.objects.filter(is_default_site=True))
        if len(defaults) != 1:
            raise CommandError(f"Expected exactly one default site, found {len(defaults)}.")

    def sync_user(self, username: str, email: str, *, superuser: bool = False):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            create = User.objects.create_superuser if superuser else User.objects.create_user
            user = create(username=username, email=email, password=DEMO_PASSWORD)
            self.stats["users created"] += 1
        elif not user.check_password(DEMO_PASSWORD):
            if self.reset:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                self.stats["passwords reset"] += 1
            else:
                self.log(f"  note: {username} exists with another password; left unchanged.")
        return user

    # ----------------------------------------------------------------- one clinic

    def load_clinic(self, spec: ClinicSpec, references: dict[str, Reference]) -> None:
        ctx = Context(spec=spec, references=references)
        root = Page.get_first_root_node()
        collection = self.sync_collection(spec.practice_name)
        self.load_images(ctx, collection)

        def home_values() -> Values:
            featured = [ctx.treatment(slug) for slug in spec.featured_treatment_slugs]
            return {
                "title": spec.practice_name,
                "seo_title": f"{spec.practice_name}: {spec.tagline}",
                "search_description": spec.home_search_description,
                "hero_heading": spec.hero_heading,
                "hero_text": spec.hero_text,
                "hero_image": ctx.images["hero"],
                "welcome": spec.welcome,
                "listing_summary": spec.home_search_description,
                "featured_treatment_links": [{"treatment": t} for t in featured if t],
            }

        ctx.home = self.sync_page(root, HomePage, spec.slug, home_values)
        ctx.site = self.sync_site(spec, ctx.home)

        index_pages = [
            ("treatments", TreatmentIndexPage, spec.treatments_title, spec.treatments_intro),
            ("conditions", ConditionIndexPage, spec.conditions_title, spec.conditions_intro),
            ("physicians", PhysicianIndexPage, spec.physicians_title, spec.physicians_intro),
            ("articles", ArticleIndexPage, spec.articles_title, spec.articles_intro),
            ("faq", FAQPage, spec.faq_title, spec.faq_intro),
        ]
        for slug, model, title, intro in index_pages:
            ctx.indexes[slug] = self.sync_page(
                ctx.home,
                model,
                slug,
                lambda title=title, intro=intro: {
                    "title": title,
                    "intro": rich_text(intro),
                    "show_in_menus": True,
                },
            )
        ctx.indexes["appointments"] = self.sync_page(
            ctx.home,
            AppointmentPage,
            "appointments",
            lambda: {
                "title": spec.appointment_title,
                "intro": rich_text(spec.appointment_intro),
                "what_to_bring": rich_text(spec.appointment_what_to_bring),
                "privacy_notice": rich_text(spec.privacy_notice),
                "confirmation_text": rich_text(spec.confirmation_text),
                "show_in_menus": True,
            },
        )

        locations = self.load_locations(ctx)
        self.load_physicians(ctx, locations)
        for question in spec.questions:
            self.sync_object(
                Question,
                {"site": ctx.site, "question": question.question},
                {
                    "topic": question.topic,
                    "answer": rich_text(question.answer),
                    "sort_order": question.sort_order,
                },
            )
        self.load_conditions(ctx)
        self.load_treatments(ctx)
        self.load_articles(ctx)
        self.sync_settings(ctx)
        load_trust_and_offices(self, ctx)
        self.sync_clinic_team(spec, ctx)
        self.sync_booking(spec, ctx)
        # After the team: translations go through the clinic's review workflow.
        load_translations(self, ctx, stream_raw)

    def sync_site(self, spec: ClinicSpec, home: HomePage) -> Site:
        site = Site.objects.filter(hostname=spec.hostname, port=PORT).first()
        values = {
            "root_page_id": home.pk,
            "site_name": spec.practice_name,
            "is_default_site": spec.is_default_site,
        }
        if site is not None and not (self.reset or home.pk in self.created_page_ids):
            return site
        if site is None:
            site = Site(hostname=spec.hostname, port=PORT)
            self.stats["sites created"] += 1
        elif all(getattr(site, key) == value for key, value in values.items()):
            return site
        if spec.is_default_site:
            Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(
                is_default_site=False
            )
        for key, value in values.items():
            setattr(site, key, value)
        site.save()
        return site

    def sync_collection(self, name: str) -> Collection:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=name).first()
        if collection is None:
            collection = root.add_child(name=name)
            self.stats["collections created"] += 1
        return collection

    def sync_image(
        self, collection: Collection, title: str, make: Callable[[], images.DemoImage]
    ) -> Image:
        """An image with its alt text (Wagtail's description) and a focal point on its subject."""
        image = Image.objects.filter(collection=collection, title=title).first()
        if image is not None:
            return image
        drawn = make()
        extension = "png" if drawn.data[:4] == b"\x89PNG" else "jpg"
        x, y, width, height = drawn.focal_point
        image = Image(
            title=title,
            description=drawn.alt_text,
            collection=collection,
            file=ImageFile(BytesIO(drawn.data), name=f"{slugify(title)}.{extension}"),
            focal_point_x=x,
            focal_point_y=y,
            focal_point_width=width,
            focal_point_height=height,
        )
        image._set_image_file_metadata()
        image.save()
        self.stats["images created"] += 1
        self.stats["image bytes"] += len(drawn.data)
        return image

    def load_images(self, ctx: Context, collection: Collection) -> None:
        spec = ctx.spec
        brand, accent = spec.brand_colour, spec.accent_colour
        ctx.images["logo"] = self.sync_image(
            collection,
            f"{spec.practice_name} logo",
            lambda: images.logo(spec.practice_name, brand, accent),
        )
        ctx.images["hero"] = self.sync_image(
            collection,
            f"{spec.practice_name} hero",
            lambda: images.hero(brand, accent, spec.slug),
        )
        for physician in spec.physicians:
            name = " ".join(
                p
                for p in (physician.honorific_prefix, physician.given_name, physician.family_name)
                if p
            )
            ctx.images[f"physician:{physician.slug}"] = self.sync_image(
                collection,
                f"Portrait of {name}",
                lambda name=name, seed=f"{spec.slug}/{physician.slug}": images.portrait(
                    name, brand, accent, seed
                ),
            )
        for item in [*spec.treatments, *spec.articles]:
            ctx.images[f"listing:{item.slug}"] = self.sync_image(
                collection,
                f"{item.title} ({spec.practice_name})",
                lambda seed=f"{spec.slug}/{item.slug}", topic=f"{item.slug} {item.title}": (
                    images.listing(brand, accent, seed, topic)
                ),
            )
        for condition in spec.conditions:
            ctx.images[f"condition:{condition.slug}"] = self.sync_image(
                collection,
                f"{condition.title} ({spec.practice_name})",
                lambda seed=f"{spec.slug}/{condition.slug}", c=condition: images.condition(
                    brand, accent, seed, images.body_kind(f"{c.slug} {c.title}")
                ),
            )

    def load_locations(self, ctx: Context) -> dict[str, Location]:
        locations = {}
        for i, loc in enumerate(ctx.spec.locations):
            locations[loc.name] = self.sync_object(
                Location,
                {"site": ctx.site, "name": loc.name},
                {
                    "street_address": loc.street_address,
                    "locality": loc.locality,
                    "region": loc.region,
                    "postal_code": loc.postal_code,
                    "phone": loc.phone,
                    "email": loc.email,
                    "parking_and_access": loc.parking_and_access,
                    "time_zone": loc.time_zone or ctx.spec.time_zone,
                    "sort_order": i,
                    "hours": [
                        {
                            "weekday": WEEKDAYS.index(hours.weekday),
                            "opens": _time(hours.opens),
                            "closes": _time(hours.closes),
                        }
                        for hours in loc.hours
                    ],
                },
            )
        return locations

    def _review(self, days_ago: int) -> Values:
        reviewed = self.today - datetime.timedelta(days=days_ago)
        return {"last_reviewed": reviewed, "next_review_due": reviewed + datetime.timedelta(365)}

    def load_physicians(self, ctx: Context, locations: dict[str, Location]) -> None:
        for physician in ctx.spec.physicians:

            def values(p=physician) -> Values:
                name = " ".join(x for x in (p.honorific_prefix, p.given_name, p.family_name) if x)
                offered = [ctx.treatment(slug) for slug in p.treatment_slugs]
                return {
                    "title": name,
                    "honorific_prefix": p.honorific_prefix,
                    "given_name": p.given_name,
                    "family_name": p.family_name,
                    "credentials": p.credentials,
                    "job_title": p.job_title,
                    "photo": ctx.images[f"physician:{p.slug}"],
                    # A drawing, not a likeness, and the alt text says so.
                    "photo_alt_text": ctx.images[f"physician:{p.slug}"].description,
                    "listing_image": ctx.images[f"physician:{p.slug}"],
                    "listing_summary": p.listing_summary,
                    "bio": rich_text(p.bio),
                    "languages": p.languages,
                    "accepting_new_patients": p.accepting_new_patients,
                    "specialties": [{"name": s} for s in p.specialties],
                    "certifications": [{"specialty": c, "board": ""} for c in p.certifications],
                    "education": [
                        {"kind": e.kind, "description": e.description} for e in p.education
                    ],
                    "locations": [locations[n] for n in p.location_names],
                    "treatments_offered": [{"treatment": t} for t in offered if t],
                }

            self.sync_page(ctx.indexes["physicians"], PhysicianPage, physician.slug, values)

    def _default_reviewer(self, ctx: Context, slug: str = "") -> PhysicianPage | None:
        return ctx.physician(slug or ctx.spec.physicians[0].slug)

    def load_conditions(self, ctx: Context) -> None:
        for condition in ctx.spec.conditions:

            def values(c=condition) -> Values:
                return {
                    "title": c.title,
                    "summary": c.summary,
                    "alternate_names": c.alternate_names,
                    "listing_summary": c.listing_summary,
                    "listing_image": ctx.images[f"condition:{c.slug}"],
                    "symptoms": [{"name": s} for s in c.symptoms],
                    "causes": [{"name": x.name, "description": x.description} for x in c.causes],
                    "body": ctx.body("conditions", c.slug, c.body),
                    "reviewed_by": self._default_reviewer(ctx),
                }

            self.sync_page(
                ctx.indexes["conditions"],
                ConditionPage,
                condition.slug,
                values,
                initial=self._review(condition.reviewed_days_ago),
            )

    def load_treatments(self, ctx: Context) -> None:
        for treatment in ctx.spec.treatments:

            def values(t=treatment) -> Values:
                conditions = [ctx.condition(slug) for slug in t.condition_slugs]
                related = [ctx.treatment(slug) for slug in t.related_slugs]
                body = ctx.body("treatments", t.slug, t.body)
                return {
                    "title": t.title,
                    "summary": t.summary,
                    "alternate_names": t.alternate_names,
                    "listing_summary": t.listing_summary,
                    "listing_image": ctx.images[f"listing:{t.slug}"],
                    "body": body,
                    "condition_links": [{"condition": c} for c in conditions if c],
                    "regulatory_statuses": [
                        {"status": s.status, "indication": s.indication, "note": s.note}
                        for s in t.statuses
                    ],
                    "reference_links": [{"reference": ctx.ref(k)} for k in t.reference_keys],
                    "related_links": [{"treatment": r} for r in related if r],
                    # A page that ends with its own call to action needs no second one.
                    "show_default_cta": t.show_default_cta
                    and not any(block["type"] == "call_to_action" for block in body),
                    "reviewed_by": self._default_reviewer(ctx, t.reviewer_slug),
                }

            self.sync_page(
                ctx.indexes["treatments"],
                TreatmentPage,
                treatment.slug,
                values,
                initial=self._review(treatment.reviewed_days_ago),
            )

    def load_articles(self, ctx: Context) -> None:
        for article in ctx.spec.articles:

            def values(a=article) -> Values:
                related = [ctx.treatment(slug) for slug in a.related_treatment_slugs]
                return {
                    "title": a.title,
                    "date": a.date,
                    "author": ctx.physician(a.author_slug),
                    "summary": a.summary,
                    "listing_summary": a.listing_summary,
                    "listing_image": ctx.images[f"listing:{a.slug}"],
                    "body": ctx.body("articles", a.slug, a.body),
                    "related_treatment_links": [{"treatment": t} for t in related if t],
                }

            self.sync_page(ctx.indexes["articles"], ArticlePage, article.slug, values)

    def sync_settings(self, ctx: Context) -> None:
        spec = ctx.spec
        existing = ClinicSettings.objects.filter(site=ctx.site).first()
        self.sync_object(
            ClinicSettings,
            {"site": ctx.site},
            {
                "practice_name": spec.practice_name,
                "tagline": spec.tagline,
                "logo": ctx.images["logo"],
                "theme": spec.theme,
                "brand_colour": spec.brand_colour,
                "accent_colour": spec.accent_colour,
                "phone": spec.phone,
                "email": spec.email,
                "time_zone": spec.time_zone,
                "disclaimer": spec.disclaimer,
                "appointment_page": ctx.appointment_page,
                "cta_heading": spec.cta_heading,
                "cta_text": spec.cta_text,
                "cta_button_label": spec.cta_button_label,
            },
            # Settings Wagtail created empty on a first page view count as not yet loaded.
            force_update=existing is not None and not existing.practice_name,
        )

    def sync_clinic_team(self, spec: ClinicSpec, ctx: Context) -> None:
        """Groups, permissions and review workflow come from onboarding; the demo adds people.

        Onboarding finds the site, pages, settings and collection loaded above and adds what
        they lack: the clinic's editors, reviewers and front-desk groups with permissions scoped
        to this clinic, and the clinical-review workflow on its medical sections.
        """
        clinic = onboard_clinic(
            OnboardingSpec(
                slug=spec.slug,
                practice_name=spec.practice_name,
                hostname=spec.hostname,
                port=PORT,
                is_default_site=spec.is_default_site,
            )
        )
        for role, group in clinic.groups.items():
            username = f"{spec.slug}-{DEMO_ROLE_USERNAMES[role]}"
            user = self.sync_user(username, f"{username}@example.com")
            if not user.groups.filter(pk=group.pk).exists():
                user.groups.add(group)
            if role == "reviewers":
                self.link_reviewer_to_physician(ctx, user)

    def sync_booking(self, spec: ClinicSpec, ctx: Context) -> None:
        """Reason categories everywhere; bookable slots only where the clinic publishes them."""
        add_demo_reasons(ctx.indexes["appointments"], spec.appointment_reasons)
        if not spec.publishes_slots:
            return
        physician = PhysicianPage.objects.descendant_of(ctx.home).order_by("path").first()
        for location in Location.objects.filter(site=ctx.site):
            created = create_demo_slots(ctx.site, location, physician)
            if created:
                self.stats["appointment slots created"] += created

    def link_reviewer_to_physician(self, ctx: Context, user) -> None:
        """The demo reviewer signs approvals as the clinic's first physician."""
        physician = PhysicianPage.objects.descendant_of(ctx.home).order_by("path").first()
        if physician is None or physician.account_id is not None:
            return
        physician = physician.get_latest_revision_as_object()
        physician.account = user
        physician.save_revision().publish()
        self.stats["physician accounts linked"] += 1
