"""A demo clinic's pages in another language, made as its editors would make them.

For each translation folder of a clinic (``data/<clinic>/es/``, read by ``translations_reader``)
the clinic publishes in that language too (``ClinicSettings.languages``), its questions get a
version in that language, and its home page, FAQ page, booking page, translated physicians and
treatments (with the section pages above them) become true Wagtail translations: each is
``copy_for_translation`` of its English page (same ``translation_key``), the path Wagtail's
"Translate" action takes, so the clinic's permissions and review workflow reach the new tree
(``clinics.translations``). The translated text is then saved as the clinic's demo editor and
approved by its demo reviewer through the clinic's review workflow, which stamps the review on
medical pages as any approval does. Links inside a translated page go to the translation of the
page they name where one exists.

Like the rest of the loader, a second run leaves existing translations alone; ``--reset``
brings their text back to the data files and takes a changed page through review again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.test.utils import override_settings
from wagtail.models import Locale, Page

from clinic_pages.clinics.language_texts import TRANSLATED_FIELDS
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.demo.blocks import build_stream, rich_text
from clinic_pages.demo.translations_reader import ClinicTranslation, read_translations
from clinic_pages.faqs.models import Question

if TYPE_CHECKING:
    from clinic_pages.demo.loader import Context, DemoLoader

Values = dict[str, Any]
# The loader's ``stream_raw``: (block type, value) pairs as raw StreamField JSON with stable ids.
StreamRaw = Callable[[list[tuple[str, Any]], str], list[dict]]


def load_translations(loader: DemoLoader, ctx: Context, stream_raw: StreamRaw) -> None:
    """Every translation the clinic's data folder holds (none for most clinics)."""
    for translation in read_translations(ctx.spec, set(ctx.references)):
        TranslatedClinic(loader, ctx, translation, stream_raw).load()


class TranslatedClinic:
    """One clinic's pages in one language; see the module docstring."""

    def __init__(
        self,
        loader: DemoLoader,
        ctx: Context,
        translation: ClinicTranslation,
        stream_raw: StreamRaw,
    ):
        self.loader = loader
        self.stream_raw = stream_raw
        self.ctx = ctx
        self.text = translation
        self.locale = Locale.objects.get_or_create(language_code=translation.language)[0]
        users = get_user_model().objects
        self.editor = users.get(username=f"{ctx.spec.slug}-editor")
        self.reviewer = users.get(username=f"{ctx.spec.slug}-reviewer")

    # ------------------------------------------------------------------ links

    def translated(self, page: Page | None) -> Page | None:
        """The page's translation in this language, or None."""
        return page.get_translation_or_none(self.locale) if page is not None else None

    def question(self, text: str) -> Question:
        return Question.objects.get(site=self.ctx.site, question=text)

    def page(self, path: str) -> Page | None:
        """A page a translated body names: its translation where there is one, else the page."""
        english = self.ctx.page(path)
        return self.translated(english) or english

    def ref(self, key: str):
        return self.ctx.ref(key)

    def body(self, folder: str, slug: str, body: list) -> list[dict]:
        seed = f"{self.ctx.spec.slug}/{self.text.language}/{folder}/{slug}"
        return self.stream_raw(build_stream(body, self, f"{seed}.toml"), seed)

    # ------------------------------------------------------------------ loading

    def load(self) -> None:
        self.sync_languages()
        self.sync_questions()
        text, indexes = self.text, self.ctx.indexes
        self.sync(self.ctx.home, self.home_values)
        # Physicians before the medical pages, so that approving one names the reviewer's
        # translated profile; then the home page and physicians again, to list the translated
        # treatments.
        physicians = [
            (self.ctx.physician(slug), lambda p=spec: self.physician_values(p))
            for slug, spec in text.physicians.items()
        ]
        if physicians:
            self.sync(indexes["physicians"], lambda: self.section_values("physicians"))
        for english, build in physicians:
            self.sync(english, build)
        for section in ("faq", "appointments"):
            self.sync(indexes[section], lambda s=section: self.section_values(s))
        if text.treatments:
            self.sync(indexes["treatments"], lambda: self.section_values("treatments"))
        for slug, treatment in text.treatments.items():
            self.sync(self.ctx.treatment(slug), lambda t=treatment: self.treatment_values(t))
        self.sync(self.ctx.home, self.home_values, again=True)
        for english, build in physicians:
            self.sync(english, build, again=True)

    def sync_languages(self) -> None:
        """The clinic publishes in the language, with its tagline, call to action, disclaimer
        and offices' texts in it."""
        language = self.text.language
        settings = ClinicSettings.for_site(self.ctx.site)
        texts = {
            "language": language,
            **{name: getattr(self.text, name).strip() for name in TRANSLATED_FIELDS},
        }
        disclaimer = {"language": language, "disclaimer": self.text.disclaimer.strip()}
        changed = _set_entry(settings, "texts_in_other_languages", "texts", texts)
        # A governance field: the loader sets it as the network would, outside the admin form.
        changed |= _set_entry(settings, "disclaimer_in_other_languages", "disclaimer", disclaimer)
        if language not in settings.languages:
            settings.languages = [*settings.languages, language]
            self.loader.stats["clinic languages added"] += 1
            changed = True
        if changed:
            settings.save()
        offices = {location.name: location for location in self.ctx.site.locations.all()}
        for spec, text in zip(self.ctx.spec.locations, self.text.locations, strict=True):
            office = offices[spec.name]
            entry = {"language": language, **dataclasses.asdict(text)}
            if _set_entry(office, "texts_in_other_languages", "texts", entry):
                office.save(update_fields=["texts_in_other_languages"])

    def sync_questions(self) -> None:
        for question in self.text.questions:
            self.loader.sync_object(
                Question,
                {"site": self.ctx.site, "question": question.question},
                {
                    "language": self.text.language,
                    "topic": question.topic,
                    "answer": rich_text(question.answer),
                    "sort_order": question.sort_order,
                },
            )

    def sync(
        self, english: Page | None, build: Callable[[], Values], *, again: bool = False
    ) -> Page | None:
        """Translate ``english`` (once) and take the translated text through review.

        ``again`` updates a translation made in this run (its links to pages translated since).
        """
        if english is None:
            return None
        existing = self.translated(english)
        made_now = existing is not None and existing.pk in self.loader.created_page_ids
        if existing is not None and not (self.loader.reset or (again and made_now)):
            if not again:
                self.loader.stats["translated pages kept"] += 1
            return existing
        if existing is None:
            # In tree order, the parent is translated already: no alias is made for it.
            page = english.copy_for_translation(self.locale, copy_parents=True).specific
            self.loader.created_page_ids.add(page.pk)
            self.loader.stats["translated pages created"] += 1
            changed = build()
        else:
            page = existing.specific.get_latest_revision_as_object()
            changed = self.loader._changed(page, build())
            if not changed:
                return page
            if not made_now:
                self.loader.stats["translated pages updated"] += 1
        self.loader._apply(page, changed)
        self.review(page)
        return page

    def review(self, page: Page) -> None:
        """Submit as the clinic's editor; its reviewer approves, which publishes (and stamps).

        The demo's own review sends no mail: its people and addresses are made up.
        """
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            self._review(page)

    def _review(self, page: Page) -> None:
        page.save_revision(user=self.editor)
        workflow = page.get_workflow()
        if workflow is None:  # a clinic without a review workflow publishes directly
            page.get_latest_revision().publish(user=self.editor)
            return
        state = workflow.start(page, self.editor)
        while state.status == state.STATUS_IN_PROGRESS:
            task_state = state.current_task_state
            task_state.task.specific.on_action(task_state, self.reviewer, "approve")
            state.refresh_from_db()

    # ------------------------------------------------------------------ field values

    def home_values(self) -> Values:
        text, spec = self.text, self.ctx.spec
        featured = [self.translated(self.ctx.treatment(s)) for s in spec.featured_treatment_slugs]
        return {
            "title": spec.practice_name,
            "seo_title": f"{spec.practice_name}: {text.tagline}",
            "search_description": text.home_search_description,
            "hero_heading": text.hero_heading,
            "hero_text": text.hero_text,
            "welcome": text.welcome,
            "listing_summary": text.home_search_description,
            # Only pages in this language: a listing never mixes in English titles.
            "featured_treatment_links": [{"treatment": t} for t in featured if t],
        }

    def section_values(self, section: str) -> Values:
        text = self.text
        if section == "appointments":
            return {
                "title": text.appointment_title,
                "intro": rich_text(text.appointment_intro),
                "what_to_bring": rich_text(text.appointment_what_to_bring),
                "privacy_notice": rich_text(text.privacy_notice),
                "confirmation_text": rich_text(text.confirmation_text),
                "reasons": [
                    {"label": label, "sort_order": i}
                    for i, label in enumerate(text.appointment_reasons)
                ],
            }
        return {
            "title": getattr(text, f"{section}_title"),
            "intro": rich_text(getattr(text, f"{section}_intro")),
        }

    def treatment_values(self, t) -> Values:
        body = self.body("treatments", t.slug, t.body)
        conditions = [self.translated(self.ctx.condition(s)) for s in t.condition_slugs]
        related = [self.translated(self.ctx.treatment(s)) for s in t.related_slugs]
        reviewer = self.ctx.physician(t.reviewer_slug or self.ctx.spec.physicians[0].slug)
        return {
            "title": t.title,
            "slug": t.slug,
            "summary": t.summary,
            "alternate_names": t.alternate_names,
            "listing_summary": t.listing_summary,
            "body": body,
            "condition_links": [{"condition": c} for c in conditions if c],
            "regulatory_statuses": [
                {"status": s.status, "indication": s.indication, "note": s.note} for s in t.statuses
            ],
            "reference_links": [{"reference": self.ref(k)} for k in t.reference_keys],
            "related_links": [{"treatment": r} for r in related if r],
            "show_default_cta": t.show_default_cta
            and not any(block["type"] == "call_to_action" for block in body),
            "reviewed_by": self.translated(reviewer) or reviewer,
        }

    def physician_values(self, p) -> Values:
        name = " ".join(x for x in (p.honorific_prefix, p.given_name, p.family_name) if x)
        offered = [self.translated(self.ctx.treatment(s)) for s in p.treatment_slugs]
        locations = {location.name: location for location in self.ctx.site.locations.all()}
        return {
            "title": name,
            "job_title": p.job_title,
            "listing_summary": p.listing_summary,
            "bio": rich_text(p.bio),
            "languages": p.languages,
            "accepting_new_patients": p.accepting_new_patients,
            "specialties": [{"name": s} for s in p.specialties],
            "certifications": [{"specialty": c, "board": ""} for c in p.certifications],
            "education": [{"kind": e.kind, "description": e.description} for e in p.education],
            "locations": [locations[n] for n in p.location_names],
            "treatments_offered": [{"treatment": t} for t in offered if t],
        }


def _set_entry(instance, field: str, block_type: str, entry: Values) -> bool:
    """Put ``entry`` in ``instance``'s per-language StreamField ``field`` in place of the one for
    its language; False, changing nothing, when it is there already."""
    stored = [{**block.value} for block in getattr(instance, field)]
    wanted = [value for value in stored if value["language"] != entry["language"]] + [entry]
    if stored == wanted:
        return False
    setattr(instance, field, [(block_type, value) for value in wanted])
    return True
