"""Condition facts, stated once for every clinic that lists the condition.

Summary, symptoms and causes are neutral medical facts, so two clinics that both treat CRPS show
the same ones. What a clinic says about caring for the condition is its own: it passes its own
page body (and review date) to :func:`for_clinic`.
"""

from __future__ import annotations

from dataclasses import replace

from clinic_pages.demo.spec import ConditionSpec, StreamBuilder


def for_clinic(condition: ConditionSpec, body: StreamBuilder, reviewed_days_ago: int):
    """The shared condition facts with one clinic's own page body."""
    return replace(condition, body=body, reviewed_days_ago=reviewed_days_ago)


CRPS = ConditionSpec(
    slug="complex-regional-pain-syndrome",
    title="Complex regional pain syndrome (CRPS)",
    alternate_names="CRPS, reflex sympathetic dystrophy",
    summary=(
        "CRPS is long-lasting pain, usually in an arm, hand, leg or foot, that is much stronger "
        "than the injury or surgery that started it. The skin, swelling and movement of the limb "
        "can change too."
    ),
    listing_summary="Severe, lasting pain in a limb after an injury or surgery.",
    symptoms=[
        "Burning or throbbing pain that is out of proportion to the injury",
        "Strong pain from a light touch, or sensitivity to cold",
        "Swelling of the limb",
        "Changes in skin colour, temperature, texture or sweating",
        "Stiff joints and trouble moving the limb",
    ],
    causes=[
        ("An injury", "Such as a fracture, sprain or crush injury; even a minor one."),
        ("Surgery", "Including operations on a hand, wrist or foot."),
        ("Unknown", "Sometimes no clear cause is found."),
    ],
)

NEUROPATHIC_PAIN = ConditionSpec(
    slug="chronic-neuropathic-pain",
    title="Chronic neuropathic pain",
    alternate_names="nerve pain, neuropathic pain, neuropathy",
    summary=(
        "Neuropathic pain comes from damage to, or a problem in, the nervous system itself. It "
        "often burns, shoots or tingles, and it can last a long time."
    ),
    listing_summary="Long-lasting burning, shooting or tingling pain from the nerves.",
    symptoms=[
        "Burning pain",
        "Shooting or electric-shock pain",
        "Tingling or pins and needles",
        "Pain from a light touch",
    ],
    causes=[
        ("Nerve injury", "For example after an accident or an operation."),
        ("Diabetes", "High blood sugar over many years can damage nerves."),
        ("Multiple sclerosis", "It affects the nerves of the brain and spinal cord."),
        ("Shingles", "Pain can stay after the rash heals (postherpetic neuralgia)."),
    ],
)

PHN = ConditionSpec(
    slug="postherpetic-neuralgia",
    title="Postherpetic neuralgia (PHN)",
    alternate_names="PHN, nerve pain after shingles",
    summary=(
        "PHN is nerve pain that stays after a shingles rash has healed. Shingles happens when the "
        "chickenpox virus becomes active again. The pain can last for months or years."
    ),
    listing_summary="Burning or stabbing pain that stays after shingles.",
    symptoms=[
        "Burning or stabbing pain where the rash was",
        "Pain that lasts after the rash heals",
        "Pain from a light touch, such as clothing",
        "Pain on one side of the body",
    ],
    causes=[
        (
            "Shingles",
            "The varicella-zoster (chickenpox) virus wakes up again and damages a nerve.",
        ),
    ],
)

FIBROMYALGIA = ConditionSpec(
    slug="fibromyalgia",
    title="Fibromyalgia",
    summary=(
        "Fibromyalgia causes widespread pain in the muscles and soft tissues, along with "
        "tiredness and poor sleep. Its exact cause is not fully understood."
    ),
    listing_summary="Widespread pain with tiredness and poor sleep.",
    symptoms=[
        "Aching pain in many parts of the body",
        "Tiredness that rest does not fix",
        "Sleep that does not feel refreshing",
        "Trouble thinking clearly or remembering (\u201cfibro fog\u201d)",
    ],
    causes=[
        ("Changes in how the brain and spinal cord process pain", ""),
        ("Family history", "It can run in families."),
        ("Physical or emotional stress", "Such as an illness, injury or hard life event."),
    ],
)

DIABETIC_NEUROPATHY = ConditionSpec(
    slug="diabetic-neuropathy",
    title="Diabetic neuropathy",
    alternate_names="diabetic nerve pain, diabetic peripheral neuropathy",
    summary=(
        "Over time, high blood sugar can damage nerves, most often in the feet and legs. This "
        "can cause numbness, tingling or burning pain."
    ),
    listing_summary="Nerve damage and pain caused by diabetes, often in the feet.",
    symptoms=[
        "Tingling or pins and needles in the feet or hands",
        "Burning or shooting pain, often worse at night",
        "Numbness, so that cuts or blisters go unnoticed",
        "Feeling unsteady on your feet",
    ],
    causes=[
        (
            "High blood sugar over many years",
            "It slowly harms nerves and the small blood vessels that feed them.",
        ),
        (
            "Living with diabetes for a long time",
            "The risk grows the longer a person has diabetes.",
        ),
    ],
)

MIGRAINE = ConditionSpec(
    slug="migraine",
    title="Migraine",
    summary=(
        "Migraine is a brain condition that causes repeated attacks of headache, often throbbing "
        "and on one side, with other symptoms such as nausea and sensitivity to light."
    ),
    listing_summary="Repeated, often severe headaches with other symptoms.",
    symptoms=[
        "Throbbing or pulsing headache, often on one side",
        "Nausea or vomiting",
        "Sensitivity to light, sound or smells",
        "Visual changes before the headache (aura), in some people",
    ],
    causes=[
        ("Family history", "Migraine often runs in families."),
        ("Triggers", "Such as stress, poor sleep, skipped meals or hormone changes."),
    ],
)
