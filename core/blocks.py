"""The StreamField block library editors compose medical pages from.

Blocks that render a heading use ``<h2>`` (the page title is the only ``<h1>``) and their
items use ``<h3>``, so headings never skip a level whatever order editors choose.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from clinic_pages.core.validators import tel_href

LIMITED_RICH_TEXT = ["bold", "italic", "link", "ol", "ul"]


class SectionBlock(blocks.StructBlock):
    """A titled section of prose: 'What is it?', 'How does it work?', 'What is a session like?'."""

    heading = blocks.CharBlock(max_length=120, help_text=_("A short, plain-language heading."))
    body = blocks.RichTextBlock(features=LIMITED_RICH_TEXT, help_text=_("The section's text."))

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "clinic_pages/core/blocks/section.html"
        help_text = _("A heading followed by paragraphs or lists.")
        preview_value = {
            "heading": "What is it?",
            "body": "<p>A short explanation in plain language.</p>",
        }


class CalloutBlock(blocks.StructBlock):
    """A highlighted note: information a patient must not miss, or a warning."""

    tone = blocks.ChoiceBlock(
        choices=[
            ("info", _("Information")),
            ("warning", _("Warning")),
            ("success", _("Good to know")),
        ],
        default="info",
        help_text=_("Warnings are shown with a stronger frame and the word 'Warning'."),
    )
    title = blocks.CharBlock(max_length=120, help_text=_("One line that says what this is about."))
    text = blocks.RichTextBlock(features=LIMITED_RICH_TEXT)

    class Meta:
        icon = "warning"
        label = _("Callout / warning")
        template = "clinic_pages/core/blocks/callout.html"
        help_text = _("A boxed note, for example who should not have this treatment.")
        preview_value = {
            "tone": "warning",
            "title": "Tell us about your medicines",
            "text": "<p>Some medicines do not mix well with this treatment.</p>",
        }


class KeyFactBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=60, help_text=_("For example 'Session length'."))
    value = blocks.CharBlock(max_length=160, help_text=_("For example '40 to 60 minutes'."))


class KeyFactsBlock(blocks.StructBlock):
    """A short list of label/value facts shown at a glance near the top of a page."""

    heading = blocks.CharBlock(max_length=120, default="At a glance")
    facts = blocks.ListBlock(KeyFactBlock(), min_num=1, max_num=12)

    class Meta:
        icon = "list-ul"
        label = _("Key facts")
        template = "clinic_pages/core/blocks/key_facts.html"
        help_text = _("Facts a patient scans first: session length, course, who it is for.")
        preview_value = {
            "heading": "At a glance",
            "facts": [{"label": "Session length", "value": "About an hour"}],
        }


class BulletListBlock(blocks.StructBlock):
    """A titled list of short points, such as benefits or what to bring."""

    heading = blocks.CharBlock(max_length=120)
    intro = blocks.TextBlock(required=False, max_length=400)
    items = blocks.ListBlock(blocks.CharBlock(max_length=240), min_num=1, max_num=20)

    class Meta:
        icon = "list-ul"
        label = _("Bulleted list (benefits, what to expect)")
        template = "clinic_pages/core/blocks/bullet_list.html"
        help_text = _("A heading with short points. Use it for benefits or preparation tips.")
        preview_value = {"heading": "Possible benefits", "items": ["Relief may begin within days"]}


class DoseStepValue(blocks.StructValue):
    """Presentation of one protocol line: joins the structured parts into a readable line."""

    def parts(self) -> list[tuple[str, str]]:
        labels = (
            ("dose", _("Dose")),
            ("rate", _("Rate")),
            ("duration", _("Duration")),
            ("course", _("Course")),
        )
        return [(label, self.get(key)) for key, label in labels if self.get(key)]


class DoseStepBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=120, help_text=_("Which protocol or phase, e.g. 'Published CRPS protocol'.")
    )
    dose = blocks.CharBlock(max_length=80, required=False, help_text=_("e.g. '80 mg total'."))
    rate = blocks.CharBlock(max_length=80, required=False, help_text=_("e.g. '0.35 mg/kg/h'."))
    duration = blocks.CharBlock(max_length=80, required=False, help_text=_("e.g. '4 hours'."))
    course = blocks.CharBlock(
        max_length=160,
        required=False,
        help_text=_("How often and for how long, e.g. 'daily for 5 days'."),
    )
    reference = SnippetChooserBlock(
        "clinic_pages_references.Reference",
        required=False,
        help_text=_("The publication this protocol comes from."),
    )

    class Meta:
        value_class = DoseStepValue


class ProtocolBlock(blocks.StructBlock):
    """Structured dosing and course of a treatment, each line tied to its source."""

    heading = blocks.CharBlock(max_length=120, default="Protocol and dosing")
    intro = blocks.RichTextBlock(features=LIMITED_RICH_TEXT, required=False)
    steps = blocks.ListBlock(DoseStepBlock(), min_num=1, max_num=12)
    note = blocks.TextBlock(
        required=False,
        max_length=400,
        help_text=_(
            "Shown under the table, e.g. that doses are set by the physician for each patient."
        ),
    )

    class Meta:
        icon = "table"
        label = _("Protocol / dosing")
        template = "clinic_pages/core/blocks/protocol.html"
        help_text = _(
            "Dose, rate, duration and course as separate fields, so they stay comparable."
        )
        preview_value = {
            "heading": "Protocol and dosing",
            "steps": [{"label": "First infusion", "dose": "80 mg", "duration": "2 hours or more"}],
        }


class FindingBlock(blocks.StructBlock):
    finding = blocks.TextBlock(
        max_length=600,
        help_text=_("What the study found, as the study reports it. Never round up."),
    )
    study_type = blocks.CharBlock(
        max_length=80,
        required=False,
        help_text=_("e.g. 'Retrospective review', 'Systematic review'."),
    )
    references = blocks.ListBlock(
        SnippetChooserBlock("clinic_pages_references.Reference"),
        min_num=1,
        max_num=6,
        help_text=_("The publications that report this finding."),
    )


class EvidenceBlock(blocks.StructBlock):
    """Study findings, each tied to the citations that report it."""

    heading = blocks.CharBlock(max_length=120, default="What the research shows")
    intro = blocks.RichTextBlock(features=LIMITED_RICH_TEXT, required=False)
    findings = blocks.ListBlock(FindingBlock(), min_num=1, max_num=20)

    class Meta:
        icon = "clipboard-list"
        label = _("Evidence")
        template = "clinic_pages/core/blocks/evidence.html"
        help_text = _("Findings with numbered citations that link to the reference list.")
        preview_value = {"heading": "What the research shows", "findings": []}


class SideEffectsBlock(blocks.StructBlock):
    """Side effects and risks, common ones apart from serious ones."""

    heading = blocks.CharBlock(max_length=120, default="Side effects and risks")
    intro = blocks.RichTextBlock(features=LIMITED_RICH_TEXT, required=False)
    common = blocks.ListBlock(
        blocks.CharBlock(max_length=160),
        min_num=0,
        max_num=20,
        label=_("Common, usually short-lived"),
    )
    serious = blocks.ListBlock(
        blocks.CharBlock(max_length=160),
        min_num=0,
        max_num=20,
        label=_("Serious or long-term risks"),
    )
    contraindications = blocks.ListBlock(
        blocks.CharBlock(max_length=160),
        min_num=0,
        max_num=20,
        label=_("Who should not have it"),
        help_text=_("Conditions or situations in which the treatment is not advised."),
    )

    class Meta:
        icon = "warning"
        label = _("Side effects and risks")
        template = "clinic_pages/core/blocks/side_effects.html"
        help_text = _("Lists of side effects; serious risks are kept apart from common ones.")
        preview_value = {"heading": "Side effects and risks", "common": ["Nausea"], "serious": []}


class MythFactItemBlock(blocks.StructBlock):
    myth = blocks.CharBlock(max_length=200, help_text=_("The misconception, as patients put it."))
    fact = blocks.TextBlock(max_length=800, help_text=_("What is actually the case."))


class MythFactBlock(blocks.StructBlock):
    """Common misconceptions answered one by one."""

    heading = blocks.CharBlock(max_length=120, default="Myths and facts")
    items = blocks.ListBlock(MythFactItemBlock(), min_num=1, max_num=12)

    class Meta:
        icon = "help"
        label = _("Myths vs facts")
        template = "clinic_pages/core/blocks/myth_fact.html"
        help_text = _("Pairs of a myth and the fact that answers it.")
        preview_value = {
            "heading": "Myths and facts",
            "items": [{"myth": "It is a cure-all.", "fact": "It helps some patients, not all."}],
        }


class FAQBlock(blocks.StructBlock):
    """Questions chosen from the clinic's FAQ library, shown as an accordion."""

    heading = blocks.CharBlock(max_length=120, default="Frequently asked questions")
    questions = blocks.ListBlock(
        SnippetChooserBlock("clinic_pages_faqs.Question"),
        min_num=1,
        max_num=20,
        help_text=_("Choose questions from your clinic's FAQ library; edit them there once."),
    )

    class Meta:
        icon = "help"
        label = _("FAQ")
        template = "clinic_pages/core/blocks/faq.html"
        help_text = _("Reusable questions and answers from the FAQ library.")
        preview_value = {"heading": "Frequently asked questions", "questions": []}


class AlternativeItemBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120)
    description = blocks.TextBlock(max_length=400, required=False)
    page = blocks.PageChooserBlock(
        required=False, help_text=_("Link to the page about it, if your clinic has one.")
    )


class AlternativesBlock(blocks.StructBlock):
    """Other treatments that may be used instead of, or alongside, this one."""

    heading = blocks.CharBlock(max_length=120, default="Alternatives and complementary care")
    intro = blocks.RichTextBlock(features=LIMITED_RICH_TEXT, required=False)
    items = blocks.ListBlock(AlternativeItemBlock(), min_num=1, max_num=20)

    class Meta:
        icon = "list-ul"
        label = _("Alternatives")
        template = "clinic_pages/core/blocks/alternatives.html"
        help_text = _("Other options a patient may discuss with their physician.")
        preview_value = {"heading": "Alternatives", "items": [{"name": "Physical therapy"}]}


class FigureBlock(blocks.StructBlock):
    """An image with its alternative text and an optional visible caption."""

    image = ImageBlock(
        help_text=_("Alternative text describes the image for people who cannot see it.")
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "clinic_pages/core/blocks/figure.html"
        help_text = _("A picture with a caption under it.")


class QuoteBlock(blocks.StructBlock):
    """A short quotation, for example from a physician or a published guideline."""

    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "clinic_pages/core/blocks/quote.html"
        help_text = _("Quote only what the person said or wrote.")
        preview_value = {"quote": "Ask us anything before you start.", "attribution": "Our team"}


class CallToActionValue(blocks.StructValue):
    """Resolves the link of a call to action: a chosen page, else a URL, else the phone."""

    @cached_property
    def href(self) -> str:
        page = self.get("page")
        if page:
            return page.url
        if self.get("url"):
            return self.get("url")
        if self.get("phone"):
            return tel_href(self.get("phone"))
        return ""


class CallToActionBlock(blocks.StructBlock):
    """An invitation to book. Leave the link empty to use the clinic's appointment page."""

    heading = blocks.CharBlock(max_length=120, required=False)
    text = blocks.TextBlock(max_length=400, required=False)
    button_label = blocks.CharBlock(max_length=60, required=False)
    page = blocks.PageChooserBlock(required=False, help_text=_("Usually the appointment page."))
    url = blocks.URLBlock(required=False, help_text=_("Only if the booking page is elsewhere."))
    phone = blocks.CharBlock(
        max_length=40, required=False, help_text=_("Adds a click-to-call link.")
    )

    class Meta:
        icon = "link"
        label = _("Appointment call to action")
        template = "clinic_pages/core/blocks/call_to_action.html"
        value_class = CallToActionValue
        help_text = _("Empty fields fall back to the clinic's default call to action.")
        preview_value = {
            "heading": "Ready to talk to us?",
            "button_label": "Request an appointment",
        }


class MedicalContentBlock(blocks.StreamBlock):
    """The full library for treatment and condition pages."""

    section = SectionBlock()
    key_facts = KeyFactsBlock()
    bullet_list = BulletListBlock()
    callout = CalloutBlock()
    protocol = ProtocolBlock()
    evidence = EvidenceBlock()
    side_effects = SideEffectsBlock()
    myth_fact = MythFactBlock()
    alternatives = AlternativesBlock()
    faq = FAQBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        block_counts = {"call_to_action": {"max_num": 3}}


class ArticleContentBlock(blocks.StreamBlock):
    """What articles and simple pages are written with: prose, images, notes, evidence, CTA."""

    section = SectionBlock()
    paragraph = blocks.RichTextBlock(
        features=LIMITED_RICH_TEXT,
        icon="pilcrow",
        template="clinic_pages/core/blocks/paragraph.html",
    )
    callout = CalloutBlock()
    bullet_list = BulletListBlock()
    evidence = EvidenceBlock()
    faq = FAQBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
