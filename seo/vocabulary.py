"""The schema.org terms our graphs may use (schema.org release 29), type by type.

Written from the schema.org definitions, with properties inherited along each type's parents.
Tests walk every graph and fail on a type or property not listed here, which keeps out typos
and terms schema.org has retired from the health vocabulary (``indication``) or superseded
(``aspect``). Only what we use, or might soon, is listed: this is an allow-list for our
builders, not a copy of schema.org.
"""

from __future__ import annotations

from functools import cache

# type -> (parent types, properties the type itself defines)
TYPES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "Thing": (
        (),
        frozenset(
            {
                "name",
                "alternateName",
                "description",
                "url",
                "sameAs",
                "image",
                "identifier",
                "mainEntityOfPage",
                "potentialAction",
                "subjectOf",
            }
        ),
    ),
    # Creative works and pages
    "CreativeWork": (
        ("Thing",),
        frozenset(
            {
                "about",
                "audience",
                "author",
                "citation",
                "dateModified",
                "datePublished",
                "headline",
                "inLanguage",
                "isPartOf",
                "mainEntity",
                "publisher",
                "text",
            }
        ),
    ),
    "WebPage": (
        ("CreativeWork",),
        frozenset({"breadcrumb", "lastReviewed", "reviewedBy", "primaryImageOfPage", "specialty"}),
    ),
    "MedicalWebPage": (("WebPage",), frozenset({"medicalAudience"})),
    "FAQPage": (("WebPage",), frozenset()),
    "ProfilePage": (("WebPage",), frozenset()),
    "CollectionPage": (("WebPage",), frozenset()),
    "ContactPage": (("WebPage",), frozenset()),
    "WebSite": (("CreativeWork",), frozenset({"issn"})),
    "Article": (("CreativeWork",), frozenset({"articleSection", "pagination", "wordCount"})),
    "ScholarlyArticle": (("Article",), frozenset()),
    "Chapter": (("CreativeWork",), frozenset({"pageStart", "pageEnd", "pagination"})),
    "Book": (("CreativeWork",), frozenset({"isbn", "bookEdition", "numberOfPages"})),
    "CreativeWorkSeries": (("CreativeWork",), frozenset({"issn"})),
    "Periodical": (("CreativeWorkSeries",), frozenset()),
    "Comment": (("CreativeWork",), frozenset({"parentItem"})),
    "Question": (("Comment",), frozenset({"acceptedAnswer", "suggestedAnswer", "answerCount"})),
    "Answer": (("Comment",), frozenset({"answerExplanation"})),
    "EducationalOccupationalCredential": (
        ("CreativeWork",),
        frozenset({"credentialCategory", "educationalLevel", "recognizedBy", "validIn"}),
    ),
    # Lists and breadcrumbs
    "ItemList": (("Thing",), frozenset({"itemListElement", "itemListOrder", "numberOfItems"})),
    "BreadcrumbList": (("ItemList",), frozenset()),
    "ListItem": (("Thing",), frozenset({"item", "position", "nextItem", "previousItem"})),
    # Actions
    "Action": (
        ("Thing",),
        # "query-input" is schema.org's input annotation ("<property>-input") for `query`.
        frozenset({"target", "result", "object", "agent", "actionStatus", "query-input"}),
    ),
    "SearchAction": (("Action",), frozenset({"query"})),
    "PlanAction": (("Action",), frozenset({"scheduledTime"})),
    "ReserveAction": (("PlanAction",), frozenset()),
    "EntryPoint": (
        ("Thing",),
        frozenset({"urlTemplate", "actionPlatform", "contentType", "httpMethod"}),
    ),
    # Organizations and places
    "Organization": (
        ("Thing",),
        frozenset(
            {
                "address",
                "email",
                "telephone",
                "logo",
                "slogan",
                "parentOrganization",
                "memberOf",
                "location",
                "hasCredential",
                "knowsLanguage",
                "knowsAbout",
                "contactPoint",
                "areaServed",
                "foundingDate",
                "makesOffer",
            }
        ),
    ),
    "Place": (
        ("Thing",),
        frozenset(
            {
                "address",
                "geo",
                "hasMap",
                "openingHoursSpecification",
                "specialOpeningHoursSpecification",
                "telephone",
            }
        ),
    ),
    "LocalBusiness": (
        ("Organization", "Place"),
        frozenset({"openingHours", "priceRange", "paymentAccepted"}),
    ),
    "MedicalOrganization": (
        ("Organization",),
        frozenset({"isAcceptingNewPatients", "medicalSpecialty", "healthPlanNetworkId"}),
    ),
    "MedicalBusiness": (("LocalBusiness",), frozenset()),
    "MedicalClinic": (
        ("MedicalBusiness", "MedicalOrganization"),
        frozenset({"availableService", "medicalSpecialty"}),
    ),
    "Physician": (
        ("MedicalBusiness", "MedicalOrganization"),
        frozenset(
            {
                "availableService",
                "hospitalAffiliation",
                "medicalSpecialty",
                "occupationalCategory",
                "usNPI",
            }
        ),
    ),
    "Person": (
        ("Thing",),
        frozenset({"givenName", "familyName", "honorificPrefix", "jobTitle", "affiliation"}),
    ),
    "PostalAddress": (
        ("Thing",),
        frozenset(
            {
                "streetAddress",
                "addressLocality",
                "addressRegion",
                "postalCode",
                "addressCountry",
                "postOfficeBoxNumber",
            }
        ),
    ),
    "GeoCoordinates": (("Thing",), frozenset({"latitude", "longitude", "elevation"})),
    "OpeningHoursSpecification": (
        ("Thing",),
        frozenset({"dayOfWeek", "opens", "closes", "validFrom", "validThrough"}),
    ),
    # Offers: a clinic's self-pay prices
    "Offer": (
        ("Thing",),
        frozenset(
            {"itemOffered", "offeredBy", "price", "priceCurrency", "priceSpecification", "seller"}
        ),
    ),
    "PriceSpecification": (
        ("Thing",),
        frozenset({"price", "priceCurrency", "minPrice", "maxPrice", "valueAddedTaxIncluded"}),
    ),
    "Service": (("Thing",), frozenset({"provider", "serviceType", "offers"})),
    "PropertyValue": (("Thing",), frozenset({"propertyID", "value", "unitCode", "unitText"})),
    # Health and life sciences
    "MedicalEntity": (
        ("Thing",),
        frozenset(
            {
                "code",
                "guideline",
                "legalStatus",
                "medicineSystem",
                "recognizingAuthority",
                "relevantSpecialty",
                "study",
            }
        ),
    ),
    "MedicalProcedure": (
        ("MedicalEntity",),
        frozenset(
            {"bodyLocation", "followup", "howPerformed", "preparation", "procedureType", "status"}
        ),
    ),
    "TherapeuticProcedure": (
        ("MedicalProcedure",),
        frozenset({"adverseOutcome", "doseSchedule", "drug"}),
    ),
    "MedicalTherapy": (
        ("TherapeuticProcedure",),
        frozenset({"contraindication", "duplicateTherapy", "seriousAdverseOutcome"}),
    ),
    "MedicalCondition": (
        ("MedicalEntity",),
        frozenset(
            {
                "associatedAnatomy",
                "cause",
                "differentialDiagnosis",
                "drug",
                "epidemiology",
                "expectedPrognosis",
                "naturalProgression",
                "pathophysiology",
                "possibleComplication",
                "possibleTreatment",
                "primaryPrevention",
                "riskFactor",
                "secondaryPrevention",
                "signOrSymptom",
                "stage",
                "status",
                "typicalTest",
            }
        ),
    ),
    "MedicalSignOrSymptom": (("MedicalCondition",), frozenset({"possibleTreatment"})),
    "MedicalCause": (("MedicalEntity",), frozenset({"causeOf"})),
    "MedicalIntangible": (("MedicalEntity",), frozenset()),
    "DoseSchedule": (
        ("MedicalIntangible",),
        frozenset({"doseUnit", "doseValue", "frequency", "targetPopulation"}),
    ),
    "DrugLegalStatus": (("MedicalIntangible",), frozenset({"applicableLocation"})),
    "Audience": (("Thing",), frozenset({"audienceType", "geographicArea"})),
    "MedicalAudience": (("Audience",), frozenset()),
    "Patient": (("MedicalAudience", "Person"), frozenset({"diagnosis", "drug", "healthCondition"})),
}

# Members of the MedicalSpecialty enumeration (https://schema.org/MedicalSpecialty).
MEDICAL_SPECIALTY_MEMBERS = frozenset(
    {
        "Anesthesia",
        "Cardiovascular",
        "CommunityHealth",
        "Dentistry",
        "Dermatology",
        "DietNutrition",
        "Emergency",
        "Endocrine",
        "Gastroenterologic",
        "Genetic",
        "Geriatric",
        "Gynecologic",
        "Hematologic",
        "Infectious",
        "LaboratoryScience",
        "Midwifery",
        "Musculoskeletal",
        "Neurologic",
        "Nursing",
        "Obstetric",
        "Oncologic",
        "Optometric",
        "Otolaryngologic",
        "Pathology",
        "Pediatric",
        "PharmacySpecialty",
        "Physiotherapy",
        "PlasticSurgery",
        "Podiatric",
        "PrimaryCare",
        "Psychiatric",
        "PublicHealth",
        "Pulmonary",
        "Radiography",
        "Renal",
        "RespiratoryTherapy",
        "Rheumatologic",
        "SpeechPathology",
        "Surgical",
        "Toxicologic",
        "Urologic",
    }
)

DAYS_OF_WEEK = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

# Retired (``indication``) or superseded (``aspect``, now ``mainContentOfPage``); never emit them.
RETIRED_TERMS = frozenset({"indication", "aspect"})


@cache
def properties_of(schema_type: str) -> frozenset[str]:
    """Every property a type may carry: its own and its parents'. KeyError for unknown types."""
    parents, own = TYPES[schema_type]
    inherited = frozenset().union(*(properties_of(parent) for parent in parents))
    return own | inherited
