"""Ketamine infusion facts shared by all five clinics' ketamine pages, stated once.

Regulatory status, benefits, side effects, the three common myths, the alternatives and the study
findings are the same facts wherever they appear. Each clinic module still writes its own page:
its headings, introductions, explanations, order of blocks and calls to action, so the five pages
keep their own framing (PHN, the treatment series, questions, dosing protocols, the article).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clinic_pages.demo import blocks as b
from clinic_pages.demo.spec import TreatmentSpec

if TYPE_CHECKING:
    from clinic_pages.demo.loader import Context

SLUG = "ketamine-infusion-therapy"

OFF_LABEL_FACT = ("Status for pain", "Off-label; insurance coverage varies")


def treatment(*, off_label_for: str = "Chronic pain", **fields: Any) -> TreatmentSpec:
    """A clinic's ketamine treatment page, with the regulatory status every clinic shares."""
    return TreatmentSpec(
        slug=SLUG,
        statuses=[
            ("approved", "Anesthesia", ""),
            (
                "approved",
                "Treatment-resistant depression (esketamine)",
                "Esketamine is a closely related form of ketamine.",
            ),
            ("off_label", off_label_for, "Insurance coverage varies."),
        ],
        **fields,
    )


BENEFITS = [
    "Relief that can start within hours or days",
    "For some people, relief that lasts weeks or months",
    "Less need for opioid pain medicines",
    "A better mood",
    "Better sleep, easier movement and a fuller daily life",
]


def benefits(heading: str, intro: str = "") -> b.Block:
    return b.bullets(heading, BENEFITS, intro=intro)


COMMON_SIDE_EFFECTS = [
    "Nausea or vomiting",
    "Dizziness",
    "Feeling detached or disoriented (dissociation)",
    "Hallucinations during the infusion",
    "A rise in heart rate and blood pressure",
    "Sleepiness (sedation)",
    "Short-term confusion or memory problems",
    "Loss of appetite",
]

SERIOUS_RISKS = [
    "Bladder and kidney problems with long-term, high-dose use",
    "A risk of misuse and dependence",
    "The long-term effects of repeated infusions are not well understood",
]


def side_effects(intro: str = "") -> b.Block:
    return b.side_effects(COMMON_SIDE_EFFECTS, SERIOUS_RISKS, intro=intro)


MYTHS = [
    (
        "Ketamine is just a recreational drug.",
        "Ketamine is an anesthetic that medicine has used since the 1960s. For pain, a "
        "physician sets a low dose that runs slowly through an IV while a clinical team watches "
        "over you. That is very different from misuse.",
    ),
    (
        "Ketamine is unsafe.",
        "Like any medicine it has side effects, and they are well known. That is why your "
        "health is checked first, the dose is kept low and you are monitored during every "
        "infusion.",
    ),
    (
        "Ketamine is a cure-all.",
        "It is not a cure. It helps some people with some kinds of pain, results vary, and it "
        "works best as one part of a wider pain plan.",
    ),
]


def myths(heading: str = "Myths and facts") -> b.Block:
    return b.myths(MYTHS, heading=heading)


ALTERNATIVES = {
    "antivirals": (
        "Antiviral medicine",
        "Taken early for shingles itself, to shorten the outbreak.",
    ),
    "nerve_pain_medicines": (
        "Nerve pain medicines",
        "Certain anticonvulsants and tricyclic antidepressants.",
    ),
    "pain_relievers": ("Pain relievers", "Analgesics and, for some people, opioids."),
    "topical_anesthetics": (
        "Numbing creams and patches",
        "Topical anesthetics placed on the painful skin.",
    ),
    "nerve_blocks": (
        "Nerve blocks",
        "Injections of numbing medicine near the nerve that carries the pain.",
    ),
    "physical_therapy": ("Physical therapy", "Guided exercise and hands-on care."),
    "tens": ("TENS", "Mild electrical stimulation through pads on the skin."),
    "cbt_and_acupuncture": (
        "Cognitive-behavioral therapy and acupuncture",
        "Ways to cope with pain and feel better that work well alongside other care.",
    ),
}


def alternatives(
    choices: list[str | tuple[str, str, Any]],
    *,
    heading: str,
    intro: str = "",
    pages: dict[str, Any] | None = None,
) -> b.Block:
    """Alternatives in the clinic's order: keys of :data:`ALTERNATIVES` (linked to the clinic's
    page for them through ``pages``) or ``(name, description, page)`` for its own treatments."""
    pages = pages or {}
    items = [
        choice if isinstance(choice, tuple) else (*ALTERNATIVES[choice], pages.get(choice))
        for choice in choices
    ]
    return b.alternatives(items, heading=heading, intro=intro)


# Keyed by the reference each finding cites.
FINDINGS = {
    "kurdi2014": (
        "Retrospective series",
        "In a retrospective series, people with complex regional pain syndrome (CRPS), "
        "hard-to-treat back pain and hard-to-treat headache responded best. For half of the "
        "conditions, relief lasted about 3 weeks.",
    ),
    "correll2004": (
        "Retrospective review",
        "In a review of the records of 33 people with CRPS, 76% had complete relief and 18% had "
        "partial relief. All 12 people who had a second course reached complete relief.",
    ),
    "zgaia2015": (
        "Small study of oral ketamine",
        "In nerve pain from cancer, 7 of 9 patients taking oral ketamine (0.5 mg/kg three times "
        "a day) with morphine had pain scores drop by more than 3 points. Side effects were "
        "nausea in 4, loss of appetite in 2 and sedation in 8.",
    ),
}


def evidence(ctx: Context, reference_keys: list[str], **heading_and_intro: str) -> b.Block:
    findings = [
        b.finding(FINDINGS[key][1], [ctx.ref(key)], FINDINGS[key][0]) for key in reference_keys
    ]
    return b.evidence(findings, **heading_and_intro)
