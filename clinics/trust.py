"""What a practice can show to earn a patient's trust, as data: credentials with the body that
issued them, the year it was founded, the insurance plans it takes and its self-pay prices.

Kept on the clinic's settings (``ClinicSettings``) as StreamFields of small structured blocks:
every page already loads the settings (cached per site), so the home page's trust band, the
booking page's prices and a treatment's price cost no query of their own. A price may name the
treatment page it is for; the link is matched by page id, so showing a treatment's price needs no
query either.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

DEFAULT_SELF_PAY_NOTE = (
    "Prices are estimates for patients paying without insurance. What you pay depends on the "
    "care you need; ask us for a written estimate before your visit."
)


class CredentialKind(models.TextChoices):
    AFFILIATION = "affiliation", _("Affiliation or membership")
    ACCREDITATION = "accreditation", _("Accreditation")
    CERTIFICATION = "certification", _("Certification")


class CredentialBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=CredentialKind.choices, default=CredentialKind.ACCREDITATION)
    name = blocks.CharBlock(
        max_length=160,
        label=_("Name"),
        help_text=_("e.g. 'Accredited office-based surgery facility' or the network's name."),
    )
    issuer = blocks.CharBlock(
        max_length=160,
        required=False,
        label=_("Issued by"),
        help_text=_("The body that grants or recognises it. Needed for an accreditation."),
    )
    since = blocks.IntegerBlock(
        required=False, min_value=1800, max_value=2100, label=_("Since (year)")
    )
    url = blocks.URLBlock(
        required=False,
        label=_("Where to check it"),
        help_text=_("The issuer's public page that confirms it, if there is one."),
    )

    class Meta:
        icon = "success"
        label = _("Credential")

    def clean(self, value):
        value = super().clean(value)
        if value["kind"] != CredentialKind.AFFILIATION and not value["issuer"]:
            raise blocks.StructBlockValidationError(
                {
                    "issuer": ValidationError(
                        _("Name the body that issued this accreditation or certification.")
                    )
                }
            )
        return value


class InsurancePlanBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, label=_("Plan or insurer"))
    note = blocks.CharBlock(
        max_length=200,
        required=False,
        label=_("Note"),
        help_text=_("e.g. 'Referral needed' or 'Out-of-network benefits only'."),
    )
    network_id = blocks.CharBlock(
        max_length=60,
        required=False,
        label=_("Network identifier"),
        help_text=_("Only if the insurer publishes one for its network; used by search engines."),
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Insurance plan")


class SelfPayPriceBlock(blocks.StructBlock):
    service = blocks.CharBlock(max_length=120, label=_("Service"))
    treatment = blocks.PageChooserBlock(
        page_type="clinic_pages_treatments.TreatmentPage",
        required=False,
        label=_("Treatment page"),
        help_text=_("The treatment page shows this price when one is chosen."),
    )
    price = blocks.DecimalBlock(
        min_value=0, max_digits=8, decimal_places=2, label=_("Price (US dollars)")
    )
    max_price = blocks.DecimalBlock(
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
        label=_("Up to (US dollars)"),
        help_text=_("For a range: the highest price. Leave empty for one price."),
    )
    includes = blocks.CharBlock(
        max_length=300,
        required=False,
        label=_("What it includes"),
        help_text=_("e.g. 'One infusion of about 40 minutes, monitoring and recovery'."),
    )
    note = blocks.CharBlock(
        max_length=300,
        required=False,
        label=_("Note"),
        help_text=_("e.g. 'Off-label use: most insurers do not cover it'."),
    )

    class Meta:
        icon = "tag"
        label = _("Self-pay price")

    def clean(self, value):
        value = super().clean(value)
        if value["max_price"] is not None and value["max_price"] < value["price"]:
            raise blocks.StructBlockValidationError(
                {"max_price": ValidationError(_("The highest price must not be below the price."))}
            )
        return value


@dataclass(frozen=True)
class SelfPayPrice:
    """One price as pages show it; ``treatment_id`` is the linked page's id, or None."""

    service: str
    price: Decimal
    max_price: Decimal | None
    includes: str
    note: str
    treatment_id: int | None

    @property
    def is_range(self) -> bool:
        return self.max_price is not None and self.max_price > self.price


def _decimal(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


class TrustSignalsMixin(models.Model):
    """The clinic's trust signals, as fields of its settings."""

    founded_year = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
        help_text=_("The year the practice opened; pages show the years in practice from it."),
    )
    credentials = StreamField(
        [("credential", CredentialBlock())],
        blank=True,
        verbose_name=_("affiliations, accreditations and certifications"),
        help_text=_("Each with the body that issued it, as it can be checked."),
    )
    insurance_plans = StreamField(
        [("plan", InsurancePlanBlock())], blank=True, verbose_name=_("insurance accepted")
    )
    insurance_note = models.CharField(
        _("insurance note"),
        max_length=300,
        blank=True,
        help_text=_("e.g. 'Call us with your plan's name: we check your cover before a visit.'"),
    )
    self_pay_prices = StreamField(
        [("price", SelfPayPriceBlock())], blank=True, verbose_name=_("self-pay prices")
    )
    self_pay_note = models.CharField(
        _("note under the prices"),
        max_length=400,
        default=DEFAULT_SELF_PAY_NOTE,
        help_text=_("Shown with every price: prices are estimates; say how to get a firm one."),
    )

    trust_panels = [
        MultiFieldPanel(
            [
                FieldPanel("founded_year"),
                FieldPanel("credentials"),
                FieldPanel("insurance_plans"),
                FieldPanel("insurance_note"),
                FieldPanel("self_pay_prices"),
                FieldPanel("self_pay_note"),
            ],
            heading=_("Trust signals: credentials, insurance and prices"),
            classname="collapsed",
        )
    ]

    class Meta:
        abstract = True

    def years_in_practice(self, today: datetime.date | None = None) -> int | None:
        if not self.founded_year:
            return None
        today = today or timezone.localdate()
        return max(today.year - self.founded_year, 0)

    @property
    def founded_years_ago(self) -> int | None:
        return self.years_in_practice()

    def _credentials(self, *kinds: str) -> list:
        return [block.value for block in self.credentials if block.value["kind"] in kinds]

    @property
    def affiliations(self) -> list:
        return self._credentials(CredentialKind.AFFILIATION)

    @property
    def accreditations(self) -> list:
        """Accreditations and certifications: what an issuing body vouches for."""
        return self._credentials(CredentialKind.ACCREDITATION, CredentialKind.CERTIFICATION)

    @property
    def plan_list(self) -> list:
        return [block.value for block in self.insurance_plans]

    @property
    def price_list(self) -> list[SelfPayPrice]:
        """The prices in the editor's order, read from the stored data: naming a treatment
        page costs no query (the chooser keeps its id)."""
        return [
            SelfPayPrice(
                service=row.get("service", ""),
                price=_decimal(row.get("price")) or Decimal(0),
                max_price=_decimal(row.get("max_price")),
                includes=row.get("includes", ""),
                note=row.get("note", ""),
                treatment_id=row.get("treatment") or None,
            )
            for row in (item["value"] for item in self.self_pay_prices.raw_data)
        ]

    def prices_for_treatment(self, page_id: int) -> list[SelfPayPrice]:
        return [price for price in self.price_list if price.treatment_id == page_id]

    @property
    def has_trust_signals(self) -> bool:
        return bool(self.founded_year or self.credentials or self.insurance_plans)
