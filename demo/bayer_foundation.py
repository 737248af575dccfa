"""Bayer Foundation (Columbus, OH): ketamine as one step of a treatment series, with the studies."""

import datetime

from clinic_pages.demo import blocks as b
from clinic_pages.demo import conditions, ketamine, spec

Q_SERIES = "Why are your treatments set out as a series?"
Q_SKIP = "Do I have to try every treatment in the series?"
Q_KET_AWAKE = "Am I put to sleep for a ketamine infusion?"
Q_KET_COST = "Is ketamine for pain covered by insurance?"
Q_KET_AFTER = "What happens after my first infusion?"
Q_DEVICE_HOME = "Can I use a device like TENS at home?"
Q_DEVICE_SAFE = "Is a TENS unit safe for everyone?"


def mechanical_body(ctx):
    return [
        b.key_facts(
            [
                ("What it is", "Treatment with devices instead of medicine"),
                ("Place in our series", "Often one of the first steps we try"),
                ("Works best", "Together with exercise and daily movement"),
            ]
        ),
        b.section(
            "What is mechanical device therapy?",
            "Some pain eases when the body gets the right kind of support, stretch or "
            "stimulation. Mechanical device therapy uses equipment to provide it. It does "
            "not involve medicine or needles.",
        ),
        b.bullets(
            "Examples of devices",
            [
                "Braces and supports that steady a painful joint or the lower back",
                "Traction, which gently stretches the spine or neck",
                "TENS units, which send a mild electrical current through skin pads",
                "Cold and heat devices that calm sore tissue",
            ],
            intro="Which device suits you depends on where the pain is and what causes it.",
        ),
        b.section(
            "How we choose",
            "Your physician examines you and asks how pain affects your day. Our team then "
            "shows you how to use any device safely, and checks how it is working at "
            "follow-up visits.",
        ),
        b.faq([ctx.question(Q_DEVICE_HOME)]),
    ]


def ketamine_body(ctx):
    return [
        b.callout(
            "Part of our treatment series",
            "This page is one step in our series of treatment guides. The guide before it "
            "covers mechanical device therapy; the next one covers TENS. Ketamine is usually "
            "considered after simpler steps have not given enough relief.",
        ),
        b.key_facts(
            [
                ("Type of treatment", "Low-dose intravenous (IV) medicine"),
                ("Session length", "Around 40 to 60 minutes for many plans"),
                ("How often", "A starting series, then maintenance as needed"),
                ("You will be", "Awake, comfortable and monitored"),
                ("Approval", "FDA-approved as an anesthetic; off-label for chronic pain"),
                ("Insurance", "Coverage varies by plan"),
            ]
        ),
        b.section(
            "What ketamine is",
            "Ketamine is an anesthetic that was first developed in the 1960s. In surgery it "
            "is given in large doses. For chronic pain, physicians give a small dose slowly "
            "through an IV. At this dose you stay awake.\n\n"
            "Esketamine, a close relative of ketamine, is FDA-approved for depression that "
            "has not improved with other treatment. Ketamine for pain is off-label.",
        ),
        b.section(
            "How it works on pain",
            "Pain that lasts for months can change the way the spinal cord handles signals. "
            "Receptors called NMDA receptors stay active for too long and increase in number. "
            "The result is central sensitization: the nervous system amplifies pain.\n\n"
            "Ketamine blocks NMDA receptors, which can lower that amplification. It may also "
            "reduce inflammation and help with opioid tolerance, where opioids stop working "
            "as well, and with opioid-induced hyperalgesia, where opioids make pain worse.",
        ),
        b.section(
            "Your infusion, step by step",
            b.ul(
                [
                    "We check your blood pressure, heart rate and health history.",
                    "A nurse places a small IV line in your arm or hand.",
                    "The medicine flows in slowly while you rest.",
                    "We watch you closely the whole time and adjust if needed.",
                    "You rest afterward, then a friend or relative drives you home.",
                ]
            ),
        ),
        ketamine.benefits("Benefits people may notice"),
        ketamine.evidence(
            ctx,
            ["correll2004", "kurdi2014", "zgaia2015"],
            heading="Read the studies",
            intro="Here is what published studies report. Each number links to the full "
            "reference at the bottom of the page, where you can read more.",
        ),
        ketamine.side_effects(
            intro="How well ketamine works differs between people, and so do side effects.",
        ),
        ketamine.myths(),
        ketamine.alternatives(
            [
                (
                    "Mechanical device therapy",
                    "Braces, traction and other devices: the step before ketamine in our series.",
                    ctx.treatment("mechanical-device-therapy"),
                ),
                "tens",
                "pain_relievers",
                "nerve_pain_medicines",
                "nerve_blocks",
                "physical_therapy",
                "cbt_and_acupuncture",
            ],
            pages={"tens": ctx.treatment("tens")},
            heading="Other steps in the series and beyond",
        ),
        b.faq([ctx.question(q) for q in (Q_KET_AWAKE, Q_KET_AFTER, Q_KET_COST, Q_SKIP)]),
        b.callout(
            "About cost",
            "Because ketamine for pain is off-label, insurance coverage varies. Ask us "
            "for help checking your plan before you start.",
        ),
        b.cta(
            "Talk with the foundation's care team",
            "Find out whether ketamine belongs in your treatment series.",
            "Book a consultation",
            ctx.appointment_page,
        ),
    ]


def tens_body(ctx):
    return [
        b.key_facts(
            [
                ("What it is", "A small battery device with sticky skin pads"),
                ("Feels like", "Tingling or buzzing under the pads"),
                ("Where", "In our clinic, and often at home once you know how"),
            ]
        ),
        b.section(
            "What is TENS?",
            "TENS stands for transcutaneous electrical nerve stimulation. Pads on the skin "
            "send a gentle electrical current to the nerves underneath. Many people find "
            "that this eases pain while the device is on, and sometimes for a while after.",
        ),
        b.bullets(
            "Tips for using TENS",
            [
                "Place pads only on clean, healthy skin",
                "Start on a low setting and turn it up slowly",
                "Do not use it while driving or in water",
                "Ask us first if you have a pacemaker or other implanted device",
            ],
        ),
        b.faq([ctx.question(Q_DEVICE_HOME), ctx.question(Q_DEVICE_SAFE)]),
    ]


def crps_body(ctx):
    return [
        b.section(
            "Treatment works best as a team",
            "CRPS care usually combines several steps: keeping the limb moving, easing pain, "
            "and support for the stress that long pain brings. Our treatment series follows "
            "the same idea.",
        ),
    ]


def fibro_body(ctx):
    return [
        b.section(
            "Managing fibromyalgia",
            "There is no single fix for fibromyalgia. Regular gentle exercise, good sleep "
            "habits and ways to manage stress help many people. Medicines and other "
            "treatments can be added when needed.",
        ),
    ]


def article_body(ctx):
    return [
        b.paragraph(
            "People often ask why we set out our treatments in a set order. The short answer: "
            "we start with the simplest, lowest-risk steps and add more only when needed."
        ),
        b.section(
            "Step by step, at your pace",
            "Early steps, like mechanical device therapy and TENS, carry few risks and you "
            "can often use them at home. Later steps, like ketamine infusions, need a clinic "
            "visit and closer monitoring.",
        ),
        b.bullets(
            "What moves you to the next step",
            [
                "Pain that has not eased enough",
                "Side effects from the current treatment",
                "Your own goals and preferences",
            ],
        ),
        b.cta(
            "Find your starting point",
            "Our team will look at what you have tried and suggest a next step.",
            "Book a consultation",
            ctx.appointment_page,
        ),
    ]


CLINIC = spec.ClinicSpec(
    slug="bayer-foundation",
    practice_name="Bayer Foundation",
    tagline="Step-by-step pain care in Columbus",
    brand_colour="#4a2c6d",
    accent_colour="#1f5f5b",
    phone="(614) 555-0120",
    cta_heading="Take the next step",
    cta_text="Book a consultation and we will help you find the right place to start.",
    cta_button_label="Book a consultation",
    disclaimer=(
        "This website offers general information only and is not medical advice. Decisions "
        "about your care should be made with a qualified physician. If you have a medical "
        "emergency, call 911."
    ),
    hero_heading="One step at a time toward less pain",
    hero_text=(
        "Our treatment series starts simple and builds up only when you need more, with "
        "studies to back each step."
    ),
    welcome=(
        "The Bayer Foundation is a pain practice in Columbus. We lay out our treatments as "
        "a series, from devices you can use at home to infusions in our clinic, and we link "
        "to the studies behind them so you can read them yourself."
    ),
    home_search_description=(
        "A pain practice in Columbus with a step-by-step treatment series: mechanical device "
        "therapy, ketamine infusions and TENS."
    ),
    treatments_intro=(
        "<p>Our treatments in the order we usually consider them. Each guide links to the "
        "one before and after it.</p>"
    ),
    conditions_intro="<p>Long-term pain conditions we help people live with.</p>",
    physicians_intro="<p>The physician who guides your treatment series.</p>",
    faq_intro="<p>Common questions about our series and our treatments.</p>",
    articles_intro="<p>Notes from our care team.</p>",
    appointment_intro=(
        "<p>Call or e-mail us to book a consultation. At the first visit we talk through "
        "your pain and agree on where in the series to begin.</p>"
    ),
    appointment_what_to_bring=b.ul(
        [
            "Records of treatments you have already tried",
            "Your medicine list",
            "Any imaging or test results",
            "Insurance details",
        ]
    ),
    locations=[
        spec.LocationSpec(
            name="Columbus center",
            street_address="75 Placeholder Road, Building B",
            locality="Columbus",
            region="OH",
            postal_code="43215",
            phone="(614) 555-0121",
            email="care@bayer-foundation.example.com",
            parking_and_access="Visitor parking by entrance B; ramp and automatic doors.",
        )
    ],
    physicians=[
        spec.fictional_physician(
            "Lena",
            "Marsh",
            role="Medical director",
            profile="leads the foundation's treatment series. She believes in trying simple, "
            "low-risk steps first and explaining the evidence for each one.",
            listing_summary="Guides patients through the foundation's treatment series.",
            specialties=["Pain medicine", "Anesthesiology"],
            certifications=["Anesthesiology", "Pain medicine"],
            education=[("fellowship", "Fellowship in pain medicine")],
            location_names=["Columbus center"],
            treatment_slugs=["mechanical-device-therapy", ketamine.SLUG, "tens"],
        )
    ],
    questions=spec.questions_by_topic(
        {
            "Our treatment series": {
                Q_SERIES: (
                    "We begin with the simplest, lowest-risk treatments and move on only if you"
                    " need more relief. It keeps your care clear and step by step."
                ),
                Q_SKIP: (
                    "No. The series is a guide, not a rule. Your physician may suggest starting"
                    " further along if that fits your history."
                ),
            },
            "Ketamine infusions": {
                Q_KET_AWAKE: (
                    "No. The dose for pain is much lower than for surgery. You stay awake, "
                    "though you may feel relaxed or dreamy."
                ),
                Q_KET_AFTER: (
                    "We ask how you felt and how your pain changes over the next days. Doses "
                    "after the first infusion are based on how you respond."
                ),
                Q_KET_COST: (
                    "It depends on your plan. Ketamine for pain is off-label, and coverage "
                    "varies. We can help you ask your insurer."
                ),
            },
            "Devices and TENS": {
                Q_DEVICE_HOME: (
                    "Often, yes. We show you how to use it safely first and check in at your "
                    "next visit."
                ),
                Q_DEVICE_SAFE: (
                    "Not for everyone. Tell us if you have a pacemaker or other implanted "
                    "device, are pregnant, or have epilepsy, so we can advise you."
                ),
            },
        }
    ),
    conditions=[
        conditions.for_clinic(conditions.CRPS, crps_body, reviewed_days_ago=65),
        conditions.for_clinic(conditions.FIBROMYALGIA, fibro_body, reviewed_days_ago=95),
    ],
    treatments=[
        spec.TreatmentSpec(
            slug="mechanical-device-therapy",
            title="Mechanical Device Therapy",
            alternate_names="bracing, traction, pain relief devices",
            summary=(
                "Devices such as braces, traction and TENS units that ease pain and support "
                "movement without medicine."
            ),
            listing_summary="Pain relief and support from devices, without medicine.",
            body=mechanical_body,
            related_slugs=["tens"],
            reviewed_days_ago=70,
        ),
        ketamine.treatment(
            title="Ketamine Infusion Therapy",
            alternate_names="IV ketamine, ketamine for chronic pain",
            summary=(
                "Low-dose ketamine given through an IV under close monitoring, for chronic "
                "pain that has not improved with earlier steps in our series."
            ),
            listing_summary="A monitored IV treatment for stubborn chronic pain.",
            body=ketamine_body,
            condition_slugs=[conditions.CRPS.slug, conditions.FIBROMYALGIA.slug],
            reference_keys=[
                "correll2004",
                "kurdi2014",
                "zgaia2015",
                "connolly2015",
                "crps_pmc",
                "fibro_pubmed",
                "diabetic_pubmed",
            ],
            related_slugs=["mechanical-device-therapy", "tens"],
            reviewed_days_ago=55,
        ),
        spec.TreatmentSpec(
            slug="tens",
            title="TENS (Transcutaneous Electrical Nerve Stimulation)",
            alternate_names="TENS unit, electrical nerve stimulation",
            summary=(
                "A small device that sends a gentle electrical current through pads on the "
                "skin to ease pain."
            ),
            listing_summary="Gentle electrical stimulation to ease pain.",
            body=tens_body,
            related_slugs=["mechanical-device-therapy"],
            reviewed_days_ago=85,
        ),
    ],
    articles=[
        spec.ArticleSpec(
            slug="why-a-treatment-series",
            title="Why we plan pain care as a series",
            date=datetime.date(2025, 2, 10),
            author_slug="dr-lena-marsh",
            summary="How our step-by-step approach works and when you move to the next step.",
            listing_summary="Start simple, add more only when needed.",
            body=article_body,
            related_treatment_slugs=["mechanical-device-therapy", ketamine.SLUG],
        )
    ],
    featured_treatment_slugs=["mechanical-device-therapy", ketamine.SLUG, "tens"],
)
