"""Urban Spine and Joint (Denver, CO): ketamine framed around refractory postherpetic neuralgia."""

import datetime

from clinic_pages.demo import blocks as b
from clinic_pages.demo import conditions, ketamine, spec

Q_PHN_WHAT = "Why does my skin still hurt when the shingles rash has healed?"
Q_PHN_WHEN = "When should I ask about ketamine for shingles pain?"
Q_KET_FEEL = "How will I feel during a ketamine infusion?"
Q_KET_COVER = "Will my insurance cover ketamine for nerve pain?"
Q_KET_LAST = "How long does the relief last?"
Q_PT_WHY = "Why would I need physical therapy for nerve pain?"
Q_PT_VISITS = "How often are physical therapy visits?"


def ketamine_body(ctx):
    return [
        b.key_facts(
            [
                ("Best suited to", "Nerve pain after shingles that other care has not eased"),
                ("How it is given", "A low dose into a vein through an IV"),
                ("Session length", "From 30 minutes to a few hours, depending on your plan"),
                ("Course", "A first series, then repeat infusions only if needed"),
                ketamine.OFF_LABEL_FACT,
            ],
            heading="Ketamine for shingles nerve pain: key facts",
        ),
        b.section(
            "When shingles pain does not go away",
            "Shingles is caused by the chickenpox virus waking up again years later. It leaves "
            "a painful, blistering rash on one side of the body. For most people the pain "
            "fades as the rash heals. For some, it stays for months or even years. This is "
            "called <b>postherpetic neuralgia</b>, or PHN.\n\n"
            "When PHN pain keeps going even after the usual medicines, doctors call it "
            "<i>refractory</i>. This page is about one option for refractory PHN: a low-dose "
            "ketamine infusion.",
        ),
        b.section(
            "What is ketamine?",
            "Ketamine was developed in the 1960s as an anesthetic, a medicine used for "
            "surgery, and it is FDA-approved for that use. At much lower doses it can also "
            "ease some kinds of nerve pain. Using it for long-term pain is off-label, which "
            "means the FDA has not approved it for this purpose.",
        ),
        b.section(
            "How might it help nerve pain?",
            "After shingles, damaged nerves can keep firing pain signals. Over time, the "
            "spinal cord can start to turn those signals up, so pain feels stronger than it "
            "should. This is called central sensitization. Receptors called NMDA receptors "
            "play a big part: long-lasting pain keeps them switched on, and the body makes "
            "more of them.\n\n"
            "Ketamine blocks NMDA receptors, which can quiet this turned-up pain. Researchers "
            "also describe calming effects on inflammation and on the way the body gets used "
            "to opioid medicines.",
        ),
        b.section(
            "What is a session like?",
            "You sit back in a comfortable chair and we place a small IV in your arm. The "
            "medicine runs in slowly. You stay awake and can talk to us. Many people feel "
            "light, relaxed or a bit detached. A nurse watches your blood pressure, heart "
            "rate and breathing the whole time.\n\n"
            "Afterward you rest until you feel steady. You will need someone to drive you "
            "home.",
        ),
        ketamine.benefits(
            "Possible benefits",
            intro="Results differ from person to person, and not everyone responds.",
        ),
        ketamine.evidence(
            ctx,
            ["kurdi2014", "correll2004"],
            heading="What research tells us",
            intro="Research on ketamine for PHN itself is limited. One study published in the "
            "journal <i>Pain Medicine</i> found that a single low-dose infusion eased PHN pain "
            "for several weeks. Studies of other nerve pain conditions add to the picture:",
        ),
        ketamine.side_effects(
            intro="Side effects usually pass soon after the infusion ends. Tell us right away "
            "if anything feels wrong.",
        ),
        ketamine.myths(),
        ketamine.alternatives(
            [
                "antivirals",
                "nerve_pain_medicines",
                "topical_anesthetics",
                "pain_relievers",
                "nerve_blocks",
                "physical_therapy",
                "tens",
            ],
            pages={"physical_therapy": ctx.treatment("physical-therapy")},
            heading="Other options for PHN",
            intro="Most people start with these treatments. Ketamine is usually considered "
            "when they have not helped enough.",
        ),
        b.faq([ctx.question(q) for q in (Q_PHN_WHEN, Q_KET_FEEL, Q_KET_LAST, Q_KET_COVER)]),
        b.callout(
            "Good to know before you book",
            "Ketamine is used off-label for chronic pain. Insurance coverage varies, so "
            "please check with your plan. We are happy to help.",
        ),
        b.cta(
            "Talk with us about lingering shingles pain",
            "We will review what you have tried and explain whether ketamine could fit.",
            "Request an appointment",
            ctx.appointment_page,
        ),
    ]


def physical_therapy_body(ctx):
    return [
        b.key_facts(
            [
                ("What it is", "Guided exercise and hands-on care"),
                ("Good for", "Back, neck and joint pain; recovery after injury"),
                ("Visits", "Usually a series of sessions plus a home program"),
            ]
        ),
        b.section(
            "How physical therapy helps",
            "Pain often makes us move less, and moving less can make pain worse. A physical "
            "therapist helps you break that cycle. They check how you move, then build a "
            "plan to make you stronger, more flexible and more confident.",
        ),
        b.bullets(
            "What a plan can include",
            [
                "Stretching and strengthening exercises",
                "Work on posture and balance",
                "Hands-on techniques for stiff joints and muscles",
                "TENS, a mild electrical current through pads on the skin",
                "Exercises to do at home between visits",
            ],
        ),
        b.faq([ctx.question(Q_PT_WHY), ctx.question(Q_PT_VISITS)]),
    ]


def phn_body(ctx):
    return [
        b.section(
            "Who gets PHN?",
            "Only people who have had shingles can get PHN. Roughly 10 to 20 out of every "
            "100 people with shingles go on to have it.",
        ),
        b.callout(
            "Shingles now? See a doctor early",
            "If you think you have shingles, see a doctor soon. Antiviral medicine works best "
            "when it is started early.",
            tone="warning",
        ),
    ]


def neuropathic_body(ctx):
    return [
        b.section(
            "How is it different from other pain?",
            "Most pain is a warning from an injury. Neuropathic pain comes from the nerves "
            "themselves. It can go on after an injury heals, and it often feels burning, "
            "electric or tingling rather than aching.",
        ),
    ]


def article_body(ctx):
    return [
        b.paragraph(
            "The rash is gone, yet a strip of skin still burns or stabs. If this sounds "
            "familiar, you may have postherpetic neuralgia, a lasting nerve pain that can "
            "follow shingles."
        ),
        b.section(
            "Why it happens",
            "The shingles virus travels along a nerve to reach the skin. On the way it can "
            "damage that nerve. A damaged nerve can keep sending pain messages long after the "
            "skin has healed.",
        ),
        b.bullets(
            "Signs to tell your doctor about",
            [
                "Pain in the area of an old shingles rash that lasts after it heals",
                "Burning or stabbing pain",
                "Pain from light touch, even clothing",
                "Poor sleep because of the pain",
            ],
        ),
        b.section(
            "There are options",
            "Many treatments can help, from medicines and skin patches to nerve blocks and "
            "physical therapy. For pain that does not respond, some people consider a "
            "low-dose ketamine infusion. Your doctor can help you weigh the choices.",
        ),
        b.cta(
            "Still hurting after shingles?",
            "Our team can help you make a plan.",
            "Request an appointment",
            ctx.appointment_page,
        ),
    ]


CLINIC = spec.ClinicSpec(
    slug="urban-spine",
    practice_name="Urban Spine and Joint",
    tagline="Spine, joint and nerve pain care in Denver",
    brand_colour="#1d4e6e",
    accent_colour="#8a3b12",
    phone="(303) 555-0110",
    cta_heading="Let's talk about your pain",
    cta_text="Tell us what you have tried so far. We will explain your options clearly.",
    cta_button_label="Request an appointment",
    disclaimer=(
        "Our pages share general health information. They are not a diagnosis or medical "
        "advice. Please talk to a physician about your own situation. In an emergency, "
        "call 911."
    ),
    hero_heading="Relief for nerve pain that lingers",
    hero_text=(
        "From back and joint pain to nerve pain after shingles, we help you move and sleep "
        "better again."
    ),
    welcome=(
        "Urban Spine and Joint is a spine and joint practice in Denver. We treat back, neck "
        "and joint pain, and nerve pain that has not eased with the usual treatments, "
        "including pain that stays after shingles."
    ),
    home_search_description=(
        "Spine, joint and nerve pain care in Denver, including ketamine infusions for "
        "postherpetic neuralgia that has not responded to other treatment."
    ),
    treatments_intro="<p>Treatments for spine, joint and nerve pain, explained simply.</p>",
    conditions_intro="<p>Pain conditions we see often, and what you can do about them.</p>",
    physicians_intro="<p>The physician behind your care.</p>",
    faq_intro="<p>Straight answers to the questions we hear every week.</p>",
    articles_intro="<p>Plain-language articles from our clinic.</p>",
    appointment_intro=(
        "<p>Call us to book a first visit. We will ask what brings you in and, if needed, "
        "help you gather records from your other doctors.</p>"
    ),
    appointment_what_to_bring=b.ul(
        [
            "Your list of current medicines, with doses",
            "Notes on the treatments you have tried for your pain",
            "Recent imaging reports, such as MRI or X-ray",
            "Your insurance card",
        ]
    ),
    locations=[
        spec.LocationSpec(
            name="Denver clinic",
            street_address="250 Example Boulevard, Suite 400",
            locality="Denver",
            region="CO",
            postal_code="80202",
            phone="(303) 555-0111",
            email="frontdesk@urban-spine.example.com",
            parking_and_access="Garage parking under the building; elevators to all floors.",
            hours=[(d, "08:00", "17:30") for d in range(4)] + [(4, "08:00", "14:00")],
        )
    ],
    physicians=[
        spec.fictional_physician(
            "Nora",
            "Whitfield",
            role="Spine and pain physician",
            profile="cares for people with back, neck and joint pain and with nerve pain after "
            "shingles. She likes to start with a clear explanation of what is causing the pain, "
            "then plan treatment together.",
            listing_summary="Treats spine, joint and nerve pain, including PHN.",
            specialties=["Spine care", "Pain medicine"],
            certifications=["Physical medicine and rehabilitation", "Pain medicine"],
            education=[
                ("residency", "Residency in physical medicine and rehabilitation"),
                ("fellowship", "Fellowship in pain medicine"),
            ],
            location_names=["Denver clinic"],
            treatment_slugs=[ketamine.SLUG, "physical-therapy"],
        )
    ],
    questions=spec.questions_by_topic(
        {
            "Nerve pain after shingles": {
                Q_PHN_WHAT: (
                    "Shingles can damage the nerve under the rash. The skin heals, but the "
                    "nerve may keep sending pain signals. This is called postherpetic "
                    "neuralgia."
                ),
                Q_PHN_WHEN: (
                    "When the pain has lasted a long time and the usual medicines, patches or "
                    "nerve blocks have not helped enough. We will look at your history "
                    "together."
                ),
            },
            "Ketamine infusions": {
                Q_KET_FEEL: (
                    "Most people feel calm, light or a little detached. You stay awake and can "
                    "talk to us. These feelings fade soon after the infusion."
                ),
                Q_KET_LAST: (
                    "It differs from person to person. Some people feel better for weeks or "
                    "months, and some do not respond. Follow-up infusions depend on how you do."
                ),
                Q_KET_COVER: (
                    "Coverage varies. Ketamine is off-label for chronic pain, so some plans do "
                    "not pay for it. We can help you ask your insurer."
                ),
            },
            "Physical therapy": {
                Q_PT_WHY: (
                    "Pain can make you move less, and that can make muscles weak and stiff. "
                    "Physical therapy helps you move safely again."
                ),
                Q_PT_VISITS: (
                    "Often once or twice a week at first, plus exercises at home. Your "
                    "therapist will adjust the plan as you improve."
                ),
            },
        }
    ),
    conditions=[
        conditions.for_clinic(conditions.PHN, phn_body, reviewed_days_ago=50),
        conditions.for_clinic(conditions.NEUROPATHIC_PAIN, neuropathic_body, reviewed_days_ago=110),
    ],
    treatments=[
        ketamine.treatment(
            title="Ketamine infusion for postherpetic neuralgia",
            alternate_names="ketamine infusion therapy, IV ketamine for shingles pain",
            summary=(
                "A low-dose ketamine infusion for people whose nerve pain after shingles has "
                "not eased with other treatment. You stay awake and monitored throughout."
            ),
            listing_summary="An option for shingles nerve pain that other care has not eased.",
            body=ketamine_body,
            condition_slugs=[conditions.PHN.slug, conditions.NEUROPATHIC_PAIN.slug],
            off_label_for="Chronic pain, including postherpetic neuralgia",
            reference_keys=["phn_bookshelf", "kurdi2014", "correll2004"],
            related_slugs=["physical-therapy"],
            reviewed_days_ago=35,
        ),
        spec.TreatmentSpec(
            slug="physical-therapy",
            title="Physical therapy",
            alternate_names="PT, physiotherapy, rehabilitation",
            summary=(
                "Guided exercise and hands-on care that help you move with less pain and "
                "build strength for daily life."
            ),
            listing_summary="Move better and build strength with a guided plan.",
            body=physical_therapy_body,
            related_slugs=[ketamine.SLUG],
            reviewed_days_ago=80,
        ),
    ],
    articles=[
        spec.ArticleSpec(
            slug="when-shingles-pain-stays",
            title="When the shingles rash is gone but the pain is not",
            date=datetime.date(2025, 1, 22),
            author_slug="dr-nora-whitfield",
            summary="What postherpetic neuralgia is, why it happens and where to turn.",
            listing_summary="Understanding lasting nerve pain after shingles.",
            body=article_body,
            related_treatment_slugs=[ketamine.SLUG],
        )
    ],
    featured_treatment_slugs=[ketamine.SLUG, "physical-therapy"],
    is_default_site=True,
)
