"""Physician bios: credentials, certifications, training, where they practise, what they offer."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from clinic_pages.clinics.pages import ClinicPage
from clinic_pages.core.blocks import LIMITED_RICH_TEXT
from clinic_pages.core.child_rows import child_lists, with_children
from clinic_pages.core.images import PORTRAIT, PORTRAIT_CARD, PORTRAIT_JSONLD, ImageSpecs, cards
from clinic_pages.core.models import PAGE_LINK_FIELDS, fields_of
from clinic_pages.core.pagination import paginate
from clinic_pages.core.validators import validate_npi
from clinic_pages.core.visibility import public_pages
from clinic_pages.physicians.forms import PhysicianPageForm

PHYSICIANS_PER_PAGE = 24


class PhysicianIndexPage(ClinicPage):
    """Lists the clinic's physicians; one per clinic."""

    template = "clinic_pages/physicians/physician_index_page.html"

    intro = RichTextField(
        features=LIMITED_RICH_TEXT, blank=True, help_text=_("A short introduction to the team.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["clinic_pages_home.HomePage"]
    subpage_types = ["clinic_pages_physicians.PhysicianPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("physicians index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        physicians = public_pages(PhysicianPage.objects.child_of(self).live(), request)
        context["physicians"] = paginate(
            physicians.select_related("photo").prefetch_related("specialties"),
            PHYSICIANS_PER_PAGE,
            request.GET.get("page"),
        )
        return context

    def rendered_images(self, context) -> ImageSpecs:
        portraits = cards(context["physicians"], "photo", PORTRAIT_CARD)
        return [*super().rendered_images(context), *portraits]


class PhysicianPage(ClinicPage):
    """A physician's bio: who they are, what they are certified in, where and what they treat."""

    template = "clinic_pages/physicians/physician_page.html"

    base_form_class = PhysicianPageForm

    honorific_prefix = models.CharField(max_length=20, default="Dr.", blank=True)
    given_name = models.CharField(
        max_length=80, blank=True, help_text=_("First name(s); may stay empty if not published.")
    )
    family_name = models.CharField(max_length=80, help_text=_("Last name."))
    credentials = models.CharField(
        max_length=60, blank=True, help_text=_("Letters after the name, e.g. 'MD' or 'DO'.")
    )
    job_title = models.CharField(
        max_length=120, blank=True, help_text=_("e.g. 'Medical director, pain medicine'.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait, ideally square."),
    )
    photo_alt_text = models.CharField(
        max_length=200, blank=True, help_text=_("Describe the photo, e.g. 'Dr. Lee in clinic'.")
    )
    languages = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "Languages spoken, separated by commas. Leave empty when not confirmed: "
            "nothing is shown."
        ),
    )
    accepting_new_patients = models.BooleanField(
        null=True,
        blank=True,
        default=None,
        help_text=_("Shown on the bio and used by search engines; 'Unknown' shows nothing."),
    )
    npi = models.CharField(
        "NPI",
        max_length=10,
        blank=True,
        validators=[validate_npi],
        help_text=_(
            "The physician's ten-digit National Provider Identifier, as in the NPPES "
            "registry; patients and search engines use it to check who they will see."
        ),
    )
    hospital_affiliations = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Hospitals where the physician has privileges, separated by commas."),
    )
    bio = RichTextField(
        features=LIMITED_RICH_TEXT, help_text=_("A few paragraphs in plain language.")
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="physician_pages",
        help_text=_(
            "The physician's admin account; their clinical-review approvals are signed "
            "with this page."
        ),
    )
    locations = ParentalManyToManyField(
        "clinic_pages_clinics.Location",
        blank=True,
        related_name="physicians",
        help_text=_("Offices where this physician sees patients."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("honorific_prefix"),
                        FieldPanel("given_name"),
                        FieldPanel("family_name"),
                        FieldPanel("credentials"),
                    ]
                ),
                FieldPanel("job_title"),
                FieldPanel("photo"),
                FieldPanel("photo_alt_text"),
            ],
            heading=_("Name and photo"),
        ),
        FieldPanel("bio"),
        InlinePanel("specialties", heading=_("Specialties"), label=_("Specialty"), min_num=1),
        InlinePanel("certifications", heading=_("Board certifications"), label=_("Certification")),
        InlinePanel("education", heading=_("Education and training"), label=_("Entry")),
        FieldRowPanel([FieldPanel("npi"), FieldPanel("hospital_affiliations")]),
        FieldPanel("languages"),
        FieldPanel("locations"),
        InlinePanel("treatments_offered", heading=_("Treatments offered"), label=_("Treatment")),
        FieldPanel("accepting_new_patients"),
        FieldPanel("account"),
    ]
    search_fields = [
        *ClinicPage.search_fields,
        index.SearchField("family_name"),
        index.SearchField("bio"),
    ]
    parent_page_types = ["clinic_pages_physicians.PhysicianIndexPage"]
    subpage_types: list[str] = []
    route_select_related = (*ClinicPage.route_select_related, "photo")

    class Meta:
        verbose_name = _("physician")

    @property
    def display_name(self) -> str:
        name = " ".join(p for p in (self.honorific_prefix, self.given_name, self.family_name) if p)
        return f"{name}, {self.credentials}" if self.credentials else name

    @property
    def short_name(self) -> str:
        return " ".join(p for p in (self.honorific_prefix, self.family_name) if p)

    @property
    def language_list(self) -> list[str]:
        return comma_list(self.languages)

    @property
    def hospital_list(self) -> list[str]:
        return comma_list(self.hospital_affiliations)

    # Read by the template and the JSON-LD alike: the three lists in one query per render.
    @cached_property
    def _child_lists(self) -> dict[str, list]:
        return child_lists(self, "specialties", "certifications", "education")

    @property
    def specialty_list(self) -> list[PhysicianSpecialty]:
        return self._child_lists["specialties"]

    @property
    def certification_list(self) -> list[PhysicianCertification]:
        return self._child_lists["certifications"]

    @property
    def education_list(self) -> list[PhysicianEducation]:
        return self._child_lists["education"]

    @cached_property
    def offered_treatments(self) -> list[Page]:
        return [
            link.treatment
            for link in self.treatments_offered.select_related("treatment").only(
                "page_id", "sort_order", "treatment_id", *fields_of("treatment", PAGE_LINK_FIELDS)
            )
            if link.treatment and link.treatment.live
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        offices = self.locations.all()
        context["physician_locations"] = (
            with_children(offices, "hours")  # offices and hours in one query
            if isinstance(offices, QuerySet)
            else offices.prefetch_related("hours")  # a preview's, in memory
        )
        return context

    def rendered_images(self, context) -> ImageSpecs:
        portrait = [(self.photo, PORTRAIT), (self.photo, PORTRAIT_JSONLD)]
        return [*super().rendered_images(context), *portrait]


def comma_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


class PhysicianSpecialty(Orderable):
    page = ParentalKey(PhysicianPage, on_delete=models.CASCADE, related_name="specialties")
    name = models.CharField(max_length=100, help_text=_("e.g. 'Pain medicine'."))

    panels = [FieldPanel("name")]

    def __str__(self) -> str:
        return self.name


class PhysicianCertification(Orderable):
    page = ParentalKey(PhysicianPage, on_delete=models.CASCADE, related_name="certifications")
    specialty = models.CharField(max_length=120, help_text=_("e.g. 'Anesthesiology'."))
    board = models.CharField(
        max_length=160, blank=True, help_text=_("The certifying board, if you want to name it.")
    )

    panels = [FieldRowPanel([FieldPanel("specialty"), FieldPanel("board")])]

    def __str__(self) -> str:
        return f"Board-certified in {self.specialty}"


class PhysicianEducation(Orderable):
    page = ParentalKey(PhysicianPage, on_delete=models.CASCADE, related_name="education")
    kind = models.CharField(
        max_length=20,
        choices=[
            ("degree", _("Medical degree")),
            ("residency", _("Residency")),
            ("fellowship", _("Fellowship")),
            ("other", _("Other training")),
        ],
        default="degree",
    )
    description = models.CharField(
        max_length=200, help_text=_("What and where, e.g. 'Residency in anesthesiology'.")
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("description")])]

    def __str__(self) -> str:
        return self.description


class PhysicianTreatment(Orderable):
    page = ParentalKey(PhysicianPage, on_delete=models.CASCADE, related_name="treatments_offered")
    treatment = models.ForeignKey(
        "clinic_pages_treatments.TreatmentPage",
        on_delete=models.CASCADE,
        related_name="physician_links",
    )

    panels = [PageChooserPanel("treatment")]
