"""MS Pain & Migraine (Minneapolis, MN): the ketamine page and the dated article of 2024-09-19."""

import datetime

from clinic_pages.demo import blocks as b
from clinic_pages.demo import conditions, ketamine, spec

Q_MS_PAIN = "Can multiple sclerosis cause nerve pain?"
Q_MIGRAINE_KET = "Is ketamine used for migraine?"
Q_KET_SAFE = "How do you keep me safe during an infusion?"
Q_KET_INS = "Will my insurance pay for ketamine?"
Q_NASAL = "I read about ketamine nasal spray. Do you offer it?"
Q_BLOCK_WHAT = "What does a nerve block for headache involve?"
Q_BLOCK_LAST = "How long does a nerve block last?"


def ketamine_body(ctx):
    return [
        b.key_facts(
            [
                (
                    "Used here for",
                    "Nerve pain, including pain linked to MS, and hard-to-treat headache",
                ),
                ("How", "A slow, low-dose IV infusion"),
                ("Session length", "Between 30 minutes and several hours"),
                ("Plan", "A first series over days or weeks, then top-ups if they help"),
                ketamine.OFF_LABEL_FACT,
            ]
        ),
        b.section(
            "What is ketamine infusion therapy?",
            "Ketamine has been used as an anesthetic since the 1960s and is FDA-approved for "
            "that purpose. A closely related medicine, esketamine, is FDA-approved for "
            "depression that other treatments have not helped.\n\n"
            "In pain care, a much lower dose is given slowly into a vein. You stay awake and "
            "aware. Using ketamine for chronic pain is off-label.",
        ),
        b.section(
            "How does it work?",
            "Nerve pain can make the spinal cord oversensitive, so that it magnifies pain "
            "signals. Doctors call this central sensitization. It happens partly because "
            "NMDA receptors on nerve cells stay switched on and multiply.\n\n"
            "Ketamine blocks NMDA receptors and can dial this oversensitivity back down. It "
            "is also thought to reduce inflammation, to help when opioids have stopped "
            "working well, and possibly to support nerve repair.",
        ),
        b.section(
            "What happens during a session?",
            "You rest in a quiet room while the infusion runs. Some people feel floaty or "
            "notice that sights and sounds seem different. Our nurses check your blood "
            "pressure, pulse and breathing throughout. Plan to have someone take you home "
            "afterward.",
        ),
        ketamine.benefits(
            "What it may help with",
            intro="Everyone responds differently. Some people get little or no benefit.",
        ),
        ketamine.evidence(ctx, ["kurdi2014", "zgaia2015", "correll2004"]),
        ketamine.side_effects(),
        ketamine.myths(),
        ketamine.alternatives(
            [
                "nerve_blocks",
                "nerve_pain_medicines",
                "pain_relievers",
                "topical_anesthetics",
                "physical_therapy",
                "tens",
                "cbt_and_acupuncture",
            ],
            pages={"nerve_blocks": ctx.treatment("nerve-blocks")},
            heading="Alternatives and add-ons",
        ),
        b.faq([ctx.question(q) for q in (Q_MIGRAINE_KET, Q_KET_SAFE, Q_NASAL, Q_KET_INS)]),
        b.callout(
            "Off-label treatment",
            "Ketamine is not FDA-approved for chronic pain or migraine. Insurance coverage "
            "varies, so please check your plan.",
        ),
        b.cta(
            "Could ketamine help your pain?",
            "Request a consultation and we will talk through your options.",
            "Request an appointment",
            ctx.appointment_page,
        ),
    ]


def nerve_block_body(ctx):
    return [
        b.key_facts(
            [
                ("What it is", "An injection of numbing medicine near a nerve"),
                ("Used for", "Some headaches, migraine and nerve pain"),
                ("Visit", "A short office procedure"),
            ]
        ),
        b.section(
            "How a nerve block works",
            "A nerve block places numbing medicine (a local anesthetic) next to the nerve "
            "that carries the pain. Sometimes a steroid is added to calm inflammation. For "
            "headache, a common target is the occipital nerve at the back of the head.",
        ),
        b.bullets(
            "What to expect",
            [
                "A few small injections, usually with a very thin needle",
                "The area may feel numb for a few hours",
                "You can usually go back to normal activities the same day",
            ],
        ),
        b.faq([ctx.question(Q_BLOCK_WHAT), ctx.question(Q_BLOCK_LAST)]),
    ]


def migraine_body(ctx):
    return [
        b.section(
            "Tracking your triggers",
            "A headache diary can help you and your doctor spot patterns. Note when each "
            "headache starts, what you were doing and what you ate, and how long it lasted.",
        ),
        b.callout(
            "When to seek urgent care",
            "Call 911 for a sudden, severe headache unlike any before, or a headache with "
            "weakness, confusion or trouble speaking.",
            tone="warning",
        ),
    ]


def neuro_body(ctx):
    return [
        b.section(
            "Nerve pain and MS",
            "Multiple sclerosis affects the nerves of the brain and spinal cord, and it is "
            "one of the causes of neuropathic pain. This kind of pain often needs different "
            "treatment from ordinary aches.",
        ),
    ]


def article_body(ctx):
    return [
        b.paragraph(
            "If you live with nerve pain, you may have heard about ketamine infusions. In "
            "this article we explain what they are, what research shows and what to ask "
            "before you try them."
        ),
        b.section(
            "First, what is chronic neuropathic pain?",
            "It is pain caused by damage to, or a problem in, the nervous system. It often "
            "burns, shoots or tingles. Common causes include nerve injury, diabetes, "
            "multiple sclerosis and shingles.",
        ),
        b.section(
            "Where ketamine fits",
            "Ketamine is an anesthetic from the 1960s. At low doses, given by IV, it blocks "
            "NMDA receptors, which play a part in making the nervous system oversensitive to "
            "pain. Using it for chronic pain is off-label, and insurance coverage varies.",
        ),
        ketamine.evidence(ctx, ["kurdi2014"], heading="A look at the research"),
        b.bullets(
            "Questions to ask your doctor",
            [
                "What other treatments should I try first?",
                "How many infusions might I need?",
                "What side effects should I watch for?",
                "Will my insurance cover it?",
            ],
        ),
        b.callout(
            "Keep expectations realistic",
            "Ketamine helps some people a lot, some a little, and some not at all. It is "
            "not a cure.",
        ),
        b.cta(
            "Request an appointment",
            "Fill out the form on our appointment page and our team will get in touch to "
            "find a time for you.",
            "Go to the appointment form",
            ctx.appointment_page,
        ),
    ]


CLINIC = spec.ClinicSpec(
    slug="ms-pain-migraine",
    practice_name="MS Pain & Migraine",
    tagline="Help for nerve pain and headache in Minneapolis",
    brand_colour="#3b3f8f",
    accent_colour="#7b2d5e",
    phone="(612) 555-0150",
    cta_heading="Request an appointment",
    cta_text="Fill out our short form and we will contact you to arrange a visit.",
    cta_button_label="Request an appointment",
    disclaimer=(
        "We provide this information to help you learn. It is not medical advice, and it "
        "does not replace care from your own physician. In an emergency, call 911."
    ),
    hero_heading="Fewer bad days with nerve pain and migraine",
    hero_text=(
        "Care for nerve pain linked to MS and other causes, and for migraine and "
        "hard-to-treat headache."
    ),
    welcome=(
        "MS Pain & Migraine is a Minneapolis practice for people with nerve pain, including "
        "pain linked to multiple sclerosis, and for people with migraine. We combine proven "
        "treatments with newer options such as ketamine infusions."
    ),
    home_search_description=(
        "Nerve pain and migraine care in Minneapolis, including nerve blocks and ketamine "
        "infusions."
    ),
    treatments_intro="<p>Treatments for nerve pain and headache.</p>",
    conditions_intro="<p>The conditions our practice focuses on.</p>",
    physicians_intro="<p>The physician you will see.</p>",
    faq_intro="<p>Answers to questions about our care.</p>",
    articles_intro="<p>Articles on nerve pain, migraine and treatment options.</p>",
    appointment_intro=(
        "<p>Fill out the form below or call us to request a visit. We will get back to you "
        "to find a time.</p>"
    ),
    appointment_what_to_bring=b.ul(
        [
            "A headache diary, if you keep one",
            "Your medicine list, including anything you take for headaches",
            "Recent MRI reports",
            "Insurance card and photo ID",
        ]
    ),
    locations=[
        spec.LocationSpec(
            name="Minneapolis clinic",
            street_address="800 Example Parkway, Suite 12",
            locality="Minneapolis",
            region="MN",
            postal_code="55401",
            phone="(612) 555-0151",
            email="clinic@ms-pain-migraine.example.com",
            parking_and_access="Skyway access from the parking ramp; dim waiting room "
            "available on request.",
        )
    ],
    physicians=[
        spec.fictional_physician(
            "Iris",
            "Bennett",
            role="Neurologist",
            profile="treats nerve pain linked to multiple sclerosis and other causes, as well "
            "as migraine. She works with each patient to find a plan that fits their life.",
            listing_summary="Cares for people with nerve pain and migraine.",
            specialties=["Neurology", "Headache medicine"],
            certifications=["Neurology"],
            location_names=["Minneapolis clinic"],
            treatment_slugs=[ketamine.SLUG, "nerve-blocks"],
        )
    ],
    questions=spec.questions_by_topic(
        {
            "Nerve pain and MS": {
                Q_MS_PAIN: (
                    "Yes. MS affects the nerves of the brain and spinal cord, and this can "
                    "cause burning, shooting or tingling pain."
                ),
            },
            "Ketamine": {
                Q_MIGRAINE_KET: (
                    "Migraine and hard-to-treat headache are among the conditions ketamine has "
                    "been used for. It is off-label and not a first treatment."
                ),
                Q_KET_SAFE: (
                    "We review your health first, give a low dose slowly, and watch your blood "
                    "pressure, heart rate and breathing throughout."
                ),
                Q_NASAL: (
                    "Some sources mention ketamine as a nasal spray. We will explain which "
                    "forms of treatment suit you at your visit."
                ),
                Q_KET_INS: (
                    "Coverage varies because the use is off-label. Check with your plan, and "
                    "ask us if you need help."
                ),
            },
            "Nerve blocks": {
                Q_BLOCK_WHAT: (
                    "A few small injections of numbing medicine near a nerve, often at the back"
                    " of the head. It takes a few minutes."
                ),
                Q_BLOCK_LAST: (
                    "It varies from person to person. We will ask you to keep track of how you "
                    "feel afterward."
                ),
            },
        }
    ),
    conditions=[
        conditions.for_clinic(conditions.MIGRAINE, migraine_body, reviewed_days_ago=45),
        conditions.for_clinic(conditions.NEUROPATHIC_PAIN, neuro_body, reviewed_days_ago=75),
    ],
    treatments=[
        ketamine.treatment(
            title="Ketamine infusion therapy",
            alternate_names="IV ketamine, ketamine for nerve pain",
            summary=(
                "Low-dose IV ketamine for nerve pain and hard-to-treat headache, given in our "
                "clinic with close monitoring."
            ),
            listing_summary="Low-dose IV ketamine for nerve pain and hard-to-treat headache.",
            body=ketamine_body,
            condition_slugs=[conditions.NEUROPATHIC_PAIN.slug, conditions.MIGRAINE.slug],
            off_label_for="Chronic pain and headache",
            reference_keys=["kurdi2014", "zgaia2015", "correll2004"],
            related_slugs=["nerve-blocks"],
            reviewed_days_ago=60,
        ),
        spec.TreatmentSpec(
            slug="nerve-blocks",
            title="Nerve blocks",
            alternate_names="occipital nerve block, nerve block injection",
            summary=(
                "Injections of numbing medicine near a nerve to ease headache, migraine or "
                "nerve pain."
            ),
            listing_summary="Numbing injections for headache and nerve pain.",
            body=nerve_block_body,
            related_slugs=[ketamine.SLUG],
            reviewed_days_ago=90,
        ),
    ],
    articles=[
        spec.ArticleSpec(
            slug="ketamine-for-chronic-neuropathic-pain",
            title="Ketamine for chronic neuropathic pain: what you should know",
            date=datetime.date(2024, 9, 19),
            author_slug="dr-iris-bennett",
            summary=(
                "What ketamine infusions are, how they may help nerve pain, what research "
                "shows and what to ask before trying them."
            ),
            listing_summary="A plain guide to ketamine infusions for nerve pain.",
            body=article_body,
            related_treatment_slugs=[ketamine.SLUG],
        )
    ],
    featured_treatment_slugs=[ketamine.SLUG, "nerve-blocks"],
)
