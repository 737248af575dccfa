"""Structured citation records, shared across clinics and cited from medical pages."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from clinic_pages.core.generation import bumps_site_generation
from clinic_pages.core.preload import PreloadingQuerySet

doi_validator = RegexValidator(
    r"^10\.\d{4,9}/\S+$", "Enter a DOI like 10.15386/cjmed-500, without https://doi.org/."
)
pmcid_validator = RegexValidator(r"^PMC\d+$", "Enter a PMCID like PMC8601938.")
bookshelf_validator = RegexValidator(r"^NBK\d+$", "Enter an NCBI Bookshelf ID like NBK564230.")
# PubMed numbers its records from 1; today's are eight digits long.
pmid_validators = [
    MinValueValidator(1, "Enter a PMID like 31573622: digits only."),
    MaxValueValidator(99_999_999, "A PMID has at most eight digits, e.g. 31573622."),
]


@bumps_site_generation()  # cited by every clinic's pages
class Reference(index.Indexed, models.Model):
    """A published source (journal article or book chapter) that medical pages cite."""

    KIND_CHOICES = [
        ("article", "Journal article"),
        ("book", "Book or chapter"),
        ("web", "Web page"),
    ]

    kind = models.CharField(max_length=10, choices=KIND_CHOICES, default="article")
    authors = models.CharField(
        max_length=400,
        blank=True,
        help_text=_("As in the publication: 'Correll GE, Maleki J, et al.'"),
    )
    title = models.CharField(max_length=400, help_text=_("Title of the article or chapter."))
    journal = models.CharField(
        max_length=200, blank=True, help_text=_("Journal or book title, e.g. 'Pain Medicine'.")
    )
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
        help_text=_("Year of publication."),
    )
    volume = models.CharField(max_length=20, blank=True)
    issue = models.CharField(max_length=20, blank=True)
    pages = models.CharField(max_length=30, blank=True, help_text=_("e.g. '263–275'."))
    doi = models.CharField(
        max_length=200, blank=True, validators=[doi_validator], verbose_name=_("DOI")
    )
    pmid = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=pmid_validators,
        verbose_name=_("PMID"),
        help_text=_("PubMed identifier, digits only."),
    )
    pmcid = models.CharField(
        max_length=20, blank=True, validators=[pmcid_validator], verbose_name=_("PMCID")
    )
    bookshelf_id = models.CharField(
        max_length=20,
        blank=True,
        validators=[bookshelf_validator],
        verbose_name=_("NCBI Bookshelf ID"),
    )
    url = models.URLField(
        blank=True, help_text=_("Only when none of the identifiers above applies.")
    )
    # Empty: the network's shared library, which every clinic cites. A clinic's editor who adds a
    # reference from a chooser adds it for that clinic alone (references.wagtail_hooks).
    added_by_clinic = models.ForeignKey(
        "wagtailcore.Site",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="added_references",
        help_text=_("The clinic that added this reference; empty for the network library."),
    )

    # A page's listed and cited references load in one query (clinic_pages.references.preload).
    objects = PreloadingQuerySet.as_manager()

    panels = [
        FieldPanel("kind"),
        FieldPanel("authors"),
        FieldPanel("title"),
        FieldPanel("journal"),
        FieldRowPanel(
            [FieldPanel("year"), FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doi"), FieldPanel("pmid")]),
                FieldRowPanel([FieldPanel("pmcid"), FieldPanel("bookshelf_id")]),
                FieldPanel("url"),
            ],
            heading=_("Identifiers and links"),
        ),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("authors"),
        index.AutocompleteField("title"),
        index.FilterField("year"),
        index.FilterField("added_by_clinic"),  # each clinic's choosers see its own additions
    ]

    class Meta:
        ordering = ["authors", "year"]

    def __str__(self) -> str:
        """ "First author (year): title", as far as it is known; never an invented "Anon."."""
        title = self.title[:80]
        author = self.authors.split(",")[0].strip() if self.authors else ""
        if author:
            return f"{author} ({self.year}): {title}" if self.year else f"{author}: {title}"
        return f"{title} ({self.year})" if self.year else title

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pubmed_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def pmc_url(self) -> str:
        return f"https://pmc.ncbi.nlm.nih.gov/articles/{self.pmcid}/" if self.pmcid else ""

    @property
    def bookshelf_url(self) -> str:
        return (
            f"https://www.ncbi.nlm.nih.gov/books/{self.bookshelf_id}/" if self.bookshelf_id else ""
        )

    @property
    def links(self) -> list[tuple[str, str]]:
        """Every working link to the source, labelled for the reference list."""
        candidates = [
            (f"doi:{self.doi}", self.doi_url),
            (f"PubMed {self.pmid}", self.pubmed_url),
            (self.pmcid, self.pmc_url),
            (self.bookshelf_id, self.bookshelf_url),
        ]
        links = [(label, url) for label, url in candidates if url]
        if self.url and self.url not in {url for _, url in links}:
            links.append(("Source", self.url))
        return links

    @property
    def primary_url(self) -> str:
        links = self.links
        return links[0][1] if links else ""

    @property
    def citation_text(self) -> str:
        """Vancouver-style citation without the links."""
        parts = []
        if self.authors:
            parts.append(self.authors.rstrip(".") + ".")
        parts.append(self.title.rstrip(".") + ".")
        if self.journal:
            source = self.journal.rstrip(".") + "."
            if self.year:
                source += f" {self.year}"
                if self.volume:
                    source += f";{self.volume}"
                    if self.issue:
                        source += f"({self.issue})"
                if self.pages:
                    source += f":{self.pages}"
                source += "."
            parts.append(source)
        elif self.year:
            parts.append(f"{self.year}.")
        return " ".join(parts)
