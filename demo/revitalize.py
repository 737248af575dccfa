"""Revitalize Medical Center: Glenview and Evanston, IL; ketamine explained question by question."""

import datetime

from clinic_pages.demo import blocks as b
from clinic_pages.demo import conditions, ketamine, spec

Q_WHO_GIVES = "Who gives the ketamine infusions at Revitalize?"
Q_AWAKE = "Will I be awake during my infusion?"
Q_INSURANCE = "Does insurance pay for ketamine infusions?"
Q_HOW_MANY = "How many infusions will I need?"
Q_TPI_HURT = "Do trigger-point injections hurt?"
Q_TPI_AFTER = "What should I do after a trigger-point injection?"
Q_WHICH_OFFICE = "Can I choose between the Glenview and Evanston offices?"
Q_DRIVE = "Can I drive myself home after a treatment?"


def ketamine_body(ctx):
    return [
        b.key_facts(
            [
                ("What it is", "A low dose of ketamine given slowly through an IV"),
                ("Session length", "Often 40 to 60 minutes; your plan may differ"),
                ("A course", "A first series over days or weeks, then top-ups if needed"),
                ("You stay", "Awake, able to talk, and watched the whole time"),
                ketamine.OFF_LABEL_FACT,
                ("Your physician", "Dr. DeCaria, board-certified in pain medicine"),
            ],
            heading="Ketamine infusions at a glance",
        ),
        b.section(
            "What is ketamine infusion therapy?",
            "Ketamine is a medicine that was first made in the 1960s. Doctors have used it for "
            "decades to put people to sleep for surgery. It is FDA-approved as an anesthetic.\n\n"
            "For pain, we use a much smaller dose than surgery needs. The medicine runs slowly "
            "into a vein through an IV line. You stay awake, you can talk with us, and a member of "
            "our team checks on you during the whole infusion.",
        ),
        b.section(
            "What does it do?",
            "When pain goes on for a long time, the nerves in the spinal cord can get stuck in a "
            "\u201cvolume up\u201d setting. Doctors call this <b>central sensitization</b>. Part of "
            "the cause is a switch on nerve cells called the NMDA receptor. With long-lasting "
            "pain, these switches stay turned on and the body makes more of them, so even small "
            "signals can feel painful.\n\n"
            "Ketamine blocks NMDA receptors. This can turn the volume of pain signals back down. "
            "Researchers also describe other possible effects: calming inflammation, making "
            "opioid pain medicines work better again, and perhaps helping nerve cells grow and "
            "repair.",
        ),
        b.section(
            "What is it used for?",
            "Using ketamine for long-term pain is <b>off-label</b>. That means the FDA has not "
            "approved it for pain, but doctors may still use it when they judge it can help. "
            "A related medicine, esketamine, is FDA-approved for depression that has not "
            "responded to other treatment.\n\n"
            "Studies have looked at ketamine for these kinds of pain:"
            + b.ul(
                [
                    "Complex regional pain syndrome (CRPS)",
                    "Diabetic nerve pain (diabetic neuropathy)",
                    "Fibromyalgia",
                    "Nerve pain after shingles (postherpetic neuralgia)",
                    "Nerve pain linked to cancer",
                    "Phantom limb pain and pain after a spinal cord injury",
                    "Migraine, hard-to-treat headaches and back pain",
                ]
            ),
        ),
        ketamine.benefits(
            "What could it do for you?",
            intro="Not everyone responds, and results vary from person to person. These are "
            "the benefits people hope for and that studies have reported:",
        ),
        ketamine.evidence(
            ctx,
            ["correll2004", "kurdi2014"],
            heading="What does the evidence say?",
            intro="Research on ketamine for pain is growing, but many studies are small or look "
            "back at past records. The numbers in brackets lead to the sources in the reference "
            "list at the end of this page.",
        ),
        b.section(
            "What is a session like?",
            "You rest in a reclining chair while the IV runs. Many people feel relaxed, "
            "floaty or a little detached. Colours and sounds may seem different for a while. "
            "We check your blood pressure, heart rate and breathing, and you can tell us at any "
            "time how you feel.\n\n"
            "When the infusion ends, you stay with us until the effects wear off. Please have "
            "someone drive you home.",
        ),
        ketamine.side_effects(
            intro="Most side effects are mild and fade soon after the infusion stops.",
        ),
        ketamine.myths(heading="What are the common myths?"),
        ketamine.alternatives(
            [
                (
                    "Trigger-point injections",
                    "Small injections into tight, tender knots of muscle, with Dr. DeCaria.",
                    ctx.treatment("trigger-point-injections"),
                ),
                "nerve_pain_medicines",
                "pain_relievers",
                "topical_anesthetics",
                "nerve_blocks",
                "physical_therapy",
                "cbt_and_acupuncture",
            ],
            heading="What else can help?",
            intro="Ketamine is rarely the first thing we try. Dr. DeCaria will talk with you "
            "about other options, which can also be used alongside infusions.",
        ),
        b.faq(
            [ctx.question(q) for q in (Q_WHO_GIVES, Q_AWAKE, Q_HOW_MANY, Q_INSURANCE)],
            heading="Your questions about ketamine",
        ),
        b.callout(
            "Off-label use and insurance",
            "Ketamine is not FDA-approved for chronic pain, so its use for pain is off-label. "
            "Insurance coverage varies from plan to plan. Our front desk can help you check "
            "your coverage before you book.",
        ),
        b.cta(
            "Is ketamine right for you?",
            "Meet Dr. DeCaria in Glenview or Evanston to talk through your pain, your history "
            "and your options.",
            "Schedule your appointment",
            ctx.appointment_page,
        ),
    ]


def trigger_point_body(ctx):
    return [
        b.key_facts(
            [
                ("What it is", "A small injection into a tight, tender knot of muscle"),
                ("Visit length", "A short office visit"),
                ("Who does it", "Dr. DeCaria"),
                ("Where", "Glenview and Evanston"),
            ]
        ),
        b.section(
            "What is a trigger point?",
            "A trigger point is a tight knot in a muscle that hurts when you press on it. It "
            "can also send pain to other places, such as from the neck up into the head. "
            "Trigger points are common in the neck, shoulders and back.",
        ),
        b.section(
            "How does the injection help?",
            "Dr. DeCaria finds the knot by touch and places a thin needle into it. The "
            "injection usually holds a numbing medicine, sometimes with other medicine. The "
            "aim is to help the knot let go, so the muscle can relax and move more freely.",
        ),
        b.bullets(
            "What to expect",
            [
                "You may feel a brief pinch or a twitch in the muscle",
                "The spot can feel sore for a day or two",
                "Gentle movement and stretching help the effect last",
                "Some people need more than one visit",
            ],
        ),
        b.faq([ctx.question(Q_TPI_HURT), ctx.question(Q_TPI_AFTER)]),
        b.cta(
            "Ask about trigger-point injections",
            "Tell us where it hurts. We will check whether trigger points play a part.",
            "Schedule your appointment",
            ctx.appointment_page,
        ),
    ]


def crps_body(ctx):
    return [
        b.section(
            "How is CRPS found?",
            "There is no single test for CRPS. Your physician listens to your story, "
            "examines the painful limb and compares it with the other side. Tests may be "
            "used to rule out other causes.",
        ),
        b.callout(
            "Early care matters",
            "If pain after an injury is far worse than expected, or your skin changes colour "
            "or temperature, tell a doctor soon.",
            tone="warning",
        ),
    ]


def neuropathy_body(ctx):
    return [
        b.section(
            "Living with diabetic nerve pain",
            "Keeping blood sugar in a healthy range is the base of all care. Check your feet "
            "every day, because numb feet may not feel a cut or blister. For pain itself, "
            "there are medicines, and some people try other treatments when those are not "
            "enough.",
        ),
    ]


def article_body(ctx):
    return [
        b.paragraph(
            "Many people who come to us with neck or shoulder pain can point to one sore spot. "
            "When we press on it, the pain may spread up into the head or down the arm. That "
            "spot is often a trigger point: a small, tight knot in a muscle."
        ),
        b.section(
            "Why do trigger points form?",
            "Muscles that work too hard for too long can tighten up. Long hours at a desk, "
            "heavy lifting, stress and poor sleep can all play a part. Trigger points can "
            "also appear alongside other kinds of long-term pain.",
        ),
        b.bullets(
            "Things you can try at home",
            [
                "Change position often if you sit for long periods",
                "Use gentle heat on the tight area",
                "Stretch slowly and stop if it hurts more",
                "Look after your sleep",
            ],
        ),
        b.section(
            "When an injection can help",
            "If a knot keeps coming back, a trigger-point injection may help the muscle "
            "relax. It is a short office visit, and it works best together with stretching "
            "and movement.",
        ),
        b.cta(
            "Talk to Dr. DeCaria",
            "We see patients in Glenview and Evanston.",
            "Schedule your appointment",
            ctx.appointment_page,
        ),
    ]


CLINIC = spec.ClinicSpec(
    slug="revitalize",
    practice_name="Revitalize Medical Center",
    tagline="Pain management in Glenview and Evanston",
    brand_colour="#2f5d3a",
    accent_colour="#7a4a00",
    phone="(847) 555-0142",
    cta_heading="Ready to feel more like yourself?",
    cta_text="Book a visit with Dr. DeCaria at our Glenview or Evanston office.",
    cta_button_label="Schedule your appointment",
    disclaimer=(
        "The information on this site is for general education. It is not medical advice "
        "and does not replace a visit with a physician who knows your health. If you have an "
        "emergency, call 911."
    ),
    hero_heading="Pain care that listens first",
    hero_text=(
        "Revitalize Medical Center helps people with long-term pain find a plan that fits "
        "their life, in Glenview and in Evanston."
    ),
    welcome=(
        "We are a pain-management practice on Chicago's North Shore. Dr. DeCaria is double "
        "board-certified in anesthesiology and in pain medicine. We take time to understand "
        "your pain before we suggest a treatment, and we explain every option in plain words."
    ),
    home_search_description=(
        "Pain management in Glenview and Evanston, IL: ketamine infusions and trigger-point "
        "injections with Dr. DeCaria."
    ),
    treatments_intro="<p>The treatments we offer, each explained in plain language.</p>",
    conditions_intro="<p>Some of the long-term pain conditions we help people manage.</p>",
    physicians_intro="<p>Meet the physician who will look after you.</p>",
    faq_intro="<p>Answers to the questions our patients ask us most.</p>",
    articles_intro="<p>Short reads from our team about pain and how to manage it.</p>",
    appointment_intro=(
        "<p>Call us or visit one of our two offices to book a first visit. We will ask about "
        "your pain and your health, and find a time that suits you.</p>"
    ),
    appointment_what_to_bring=b.ul(
        [
            "A list of all the medicines and supplements you take",
            "Any scans, X-rays or test results you have",
            "A referral letter, if your insurance needs one",
            "Your insurance card and a photo ID",
        ]
    ),
    locations=[
        spec.LocationSpec(
            name="Glenview office",
            street_address="1200 Sample Street, Suite 100",
            locality="Glenview",
            region="IL",
            postal_code="60025",
            phone="(847) 555-0143",
            email="glenview@revitalize.example.com",
            parking_and_access="Free parking in front of the building; step-free entrance.",
        ),
        spec.LocationSpec(
            name="Evanston office",
            street_address="500 Demo Avenue, Suite 3",
            locality="Evanston",
            region="IL",
            postal_code="60201",
            phone="(847) 555-0144",
            email="evanston@revitalize.example.com",
            parking_and_access="Street parking nearby; elevator to the third floor.",
            hours=[(0, "08:00", "16:00"), (2, "08:00", "16:00"), (3, "10:00", "18:00")],
        ),
    ],
    physicians=[
        spec.PhysicianSpec(
            slug="dr-decaria",
            family_name="DeCaria",
            job_title="Pain medicine physician",
            listing_summary=(
                "Double board-certified in anesthesiology and pain medicine; sees patients in "
                "Glenview and Evanston."
            ),
            bio=(
                "<p>Dr. DeCaria is double board-certified in anesthesiology and in pain "
                "medicine: the first is the specialty of anesthetic medicines such as ketamine, "
                "the second the specialty of pain that lasts.</p>"
                "<p>Dr. DeCaria is experienced in trigger-point injections and offers "
                "ketamine infusion therapy for people whose pain has not eased with other "
                "care. Patients can see Dr. DeCaria at our Glenview and Evanston offices.</p>"
            ),
            specialties=["Pain medicine", "Anesthesiology"],
            certifications=["Anesthesiology", "Pain medicine"],
            location_names=["Glenview office", "Evanston office"],
            treatment_slugs=[ketamine.SLUG, "trigger-point-injections"],
            initials="D",
        )
    ],
    questions=spec.questions_by_topic(
        {
            "Ketamine infusions": {
                Q_WHO_GIVES: (
                    "Dr. DeCaria, who is board-certified in anesthesiology and pain medicine, "
                    "plans your infusions, and our team watches over you during each one."
                ),
                Q_AWAKE: (
                    "Yes. The dose is far lower than for surgery. You stay awake and can talk "
                    "to us, though you may feel relaxed or a little dreamy."
                ),
                Q_HOW_MANY: (
                    "Most plans start with a series of infusions over several days or weeks. "
                    "After that, some people come back for top-up infusions when they need "
                    "them. Your plan depends on how you respond."
                ),
                Q_INSURANCE: (
                    "It depends on your plan. Ketamine is off-label for chronic pain, and "
                    "insurance coverage varies. Call us and we will help you find out."
                ),
            },
            "Trigger-point injections": {
                Q_TPI_HURT: (
                    "You may feel a quick pinch and a twitch in the muscle. The area can feel "
                    "sore for a day or two."
                ),
                Q_TPI_AFTER: (
                    "Keep moving gently and do the stretches we show you. Heat can ease "
                    "soreness. Call us if the area becomes red, hot or swollen."
                ),
            },
            "Visiting us": {
                Q_WHICH_OFFICE: (
                    "Yes. Dr. DeCaria sees patients in both Glenview and Evanston. Tell us "
                    "which is easier for you when you book."
                ),
                Q_DRIVE: (
                    "Not after a ketamine infusion: please bring someone to drive you home. "
                    "After a trigger-point injection most people can drive."
                ),
            },
        }
    ),
    conditions=[
        conditions.for_clinic(conditions.CRPS, crps_body, reviewed_days_ago=75),
        conditions.for_clinic(
            conditions.DIABETIC_NEUROPATHY, neuropathy_body, reviewed_days_ago=90
        ),
    ],
    treatments=[
        ketamine.treatment(
            title="Ketamine infusion therapy",
            alternate_names="IV ketamine, ketamine infusions for pain",
            summary=(
                "A low dose of ketamine, given slowly through an IV while you are awake and "
                "monitored. It may calm nerve pain that has not eased with other treatments."
            ),
            listing_summary="Low-dose IV ketamine for long-term nerve pain, with Dr. DeCaria.",
            body=ketamine_body,
            condition_slugs=[conditions.CRPS.slug, conditions.DIABETIC_NEUROPATHY.slug],
            reference_keys=[
                "correll2004",
                "kurdi2014",
                "connolly2015",
                "crps_pmc",
                "diabetic_pubmed",
                "fibro_pubmed",
            ],
            related_slugs=["trigger-point-injections"],
            reviewer_slug="dr-decaria",
            reviewed_days_ago=40,
        ),
        spec.TreatmentSpec(
            slug="trigger-point-injections",
            title="Trigger-point injections",
            alternate_names="TPI, muscle knot injections",
            summary=(
                "Small injections into tight, tender knots of muscle. They can help the "
                "muscle relax and ease pain in the neck, shoulders and back."
            ),
            listing_summary="Quick office injections that help tight muscle knots let go.",
            body=trigger_point_body,
            related_slugs=[ketamine.SLUG],
            reviewer_slug="dr-decaria",
            reviewed_days_ago=100,
        ),
    ],
    articles=[
        spec.ArticleSpec(
            slug="what-is-a-trigger-point",
            title="That sore knot in your shoulder: what is a trigger point?",
            date=datetime.date(2025, 3, 12),
            author_slug="dr-decaria",
            summary=(
                "Why tight knots form in muscles, what you can try at home, and when a "
                "trigger-point injection may help."
            ),
            listing_summary="What trigger points are and how to ease them.",
            body=article_body,
            related_treatment_slugs=["trigger-point-injections"],
        )
    ],
    featured_treatment_slugs=[ketamine.SLUG, "trigger-point-injections"],
    publishes_slots=True,
)
