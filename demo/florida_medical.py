"""Florida Medical Pain Management (St. Petersburg, FL): ketamine with its dosing protocols."""

import datetime

from clinic_pages.demo import blocks as b
from clinic_pages.demo import conditions, ketamine, spec

Q_DOSE = "How do you decide my ketamine dose?"
Q_LENGTH = "How long does the first infusion take?"
Q_COVER = "Does insurance cover ketamine infusions?"
Q_ORAL = "Can I take ketamine as a pill or nasal spray instead?"
Q_ACCIDENT = "I was in a car accident but feel fine. Should I still be checked?"
Q_WORK = "Do you treat work injuries?"
Q_ARTHRITIS = "Can arthritis pain be helped without surgery?"


def ketamine_body(ctx):
    ref = ctx.ref
    return [
        b.key_facts(
            [
                ("Medicine", "Ketamine, at a low (sub-anesthetic) dose"),
                ("Route", "Intravenous (IV) infusion only"),
                ("First infusion", "Often 80 mg over at least 2 hours"),
                ("Course", "An initial series, then maintenance as needed"),
                ketamine.OFF_LABEL_FACT,
            ],
            heading="Ketamine infusions in brief",
        ),
        b.section(
            "What ketamine infusion therapy is",
            "Ketamine is an anesthetic from the 1960s and is FDA-approved for anesthesia. "
            "A related medicine, esketamine, is FDA-approved for treatment-resistant "
            "depression. At low doses ketamine can also ease some long-term pain. That use "
            "is off-label.\n\n"
            "We give ketamine only as an IV infusion. We do not offer pills or nasal sprays, "
            "because those forms carry a higher risk of addiction.",
        ),
        b.section(
            "How it eases pain",
            "Long-lasting pain keeps NMDA receptors in the spinal cord switched on, and the "
            "body adds more of them. This makes the nervous system overreact to pain, a "
            "process called central sensitization. Ketamine blocks these receptors and can "
            "help reset that overreaction. It may also calm inflammation and make opioids "
            "work better for people who have become tolerant to them.",
        ),
        b.protocol(
            [
                b.step(
                    "Published CRPS protocol: continuous rate",
                    rate="22 mg/h, or 0.35 mg/kg/h by body weight",
                    duration="4 hours",
                    reference=ref("connolly2015"),
                ),
                b.step(
                    "Published CRPS protocol: fixed total dose",
                    dose="80 mg total",
                    duration="5 hours",
                    reference=ref("connolly2015"),
                ),
                b.step(
                    "Guideline starting point for a first infusion",
                    dose="80 mg",
                    duration="At least 2 hours",
                    course="Later doses follow your response to the first infusion",
                    reference=ref("crps_pmc"),
                ),
            ],
            heading="Dosing protocols",
            intro="These are protocols described in published research on complex regional "
            "pain syndrome (CRPS). They show the kind of doses used, not a plan for you.",
            note="Your physician sets your dose, rate and number of infusions for you, based "
            "on your health, your weight and how you respond.",
        ),
        b.section(
            "What to expect on infusion day",
            "Follow any instructions we give you about eating and medicines beforehand. "
            "In the infusion room we check your vital signs and start the IV. You stay awake and "
            "can talk; many people feel relaxed or slightly detached. We monitor you "
            "throughout. Afterward you rest until the effects wear off, and someone else "
            "drives you home.",
        ),
        ketamine.benefits("Possible benefits"),
        ketamine.evidence(ctx, ["correll2004", "kurdi2014"]),
        ketamine.side_effects(),
        ketamine.myths(),
        ketamine.alternatives(
            [
                "nerve_pain_medicines",
                "topical_anesthetics",
                "nerve_blocks",
                "physical_therapy",
                "tens",
                (
                    "Injury care",
                    "Our program for auto, sports and work injuries.",
                    ctx.treatment("injury-care"),
                ),
            ],
            heading="Other treatments to consider",
        ),
        b.faq([ctx.question(q) for q in (Q_DOSE, Q_LENGTH, Q_ORAL, Q_COVER)]),
        b.callout(
            "Off-label use; check your coverage",
            "Ketamine is not FDA-approved for chronic pain. Insurance coverage varies, "
            "so please check with your plan before your first infusion.",
            tone="warning",
        ),
        b.cta(
            "Ask about ketamine infusions",
            "Call our St. Petersburg office or request a visit online.",
            "Request an appointment",
            ctx.appointment_page,
            phone="(727) 555-0130",
        ),
    ]


def injury_body(ctx):
    return [
        b.key_facts(
            [
                ("We treat", "Auto-accident, sports and work injuries"),
                ("Common areas", "Neck, hip, knee and leg"),
                ("First step", "A full exam and a clear plan"),
            ]
        ),
        b.section(
            "Care after an injury",
            "A fall on the job, a tackle on the field or a crash on the road can leave you "
            "hurting in ways that are not always clear at first. We find out what is "
            "injured, treat the pain and help you get back to what you do.",
        ),
        b.bullets(
            "How we can help",
            [
                "A careful exam and imaging when it is needed",
                "Pain relief with medicines, injections or other treatments",
                "Physical therapy to rebuild strength and movement",
                "Advice on returning to work or sport safely",
            ],
        ),
        b.callout(
            "Get checked even if you feel fine",
            "Some injuries, such as whiplash, can take hours or days to cause pain.",
        ),
        b.faq([ctx.question(Q_ACCIDENT), ctx.question(Q_WORK)]),
    ]


def arthritis_body(ctx):
    return [
        b.section(
            "Living well with arthritis",
            "Arthritis makes joints painful and stiff. It often affects the knees, hips and "
            "hands. There is no cure for most types, but the right plan can ease pain and "
            "keep you moving.",
        ),
        b.bullets(
            "What a plan may include",
            [
                "Regular, gentle exercise to keep joints flexible",
                "Physical therapy to strengthen the muscles around a joint",
                "Pain-relief medicines and joint injections",
                "Weight management to take pressure off hips and knees",
                "Braces, shoe inserts or a cane where they help",
            ],
        ),
        b.faq([ctx.question(Q_ARTHRITIS)]),
    ]


def crps_body(ctx):
    return [
        b.section(
            "How CRPS is treated",
            "Treatment aims to ease pain and keep the limb working. It can include physical "
            "therapy, medicines, nerve blocks and, for some people, ketamine infusions.",
        ),
    ]


def neuro_body(ctx):
    return [
        b.section(
            "Why it can be hard to treat",
            "Standard pain relievers often do little for nerve pain. Other medicines, such as "
            "some anticonvulsants and antidepressants, are used instead, along with other "
            "treatments.",
        ),
    ]


def article_body(ctx):
    return [
        b.paragraph(
            "After a car accident, it is normal to feel shaken but otherwise fine. Yet neck "
            "and back pain sometimes shows up a day or two later."
        ),
        b.section(
            "Why pain can be delayed",
            "In the moment, stress hormones can mask pain. Soft-tissue injuries like "
            "whiplash may only start to hurt once swelling and stiffness set in.",
        ),
        b.bullets(
            "See a doctor if you notice",
            [
                "Neck or back pain or stiffness",
                "Headaches that start after the crash",
                "Numbness or tingling in your arms or legs",
                "Pain that gets worse instead of better",
            ],
            intro="Call 911 for severe pain, weakness, or trouble breathing.",
        ),
        b.cta(
            "Hurt in an accident?",
            "Our St. Petersburg team treats auto-accident injuries.",
            "Request an appointment",
            ctx.appointment_page,
        ),
    ]


CLINIC = spec.ClinicSpec(
    slug="florida-medical",
    practice_name="Florida Medical Pain Management",
    tagline="Pain and injury care in St. Petersburg",
    brand_colour="#0b5566",
    accent_colour="#a13d2d",
    phone="(727) 555-0130",
    cta_heading="Get back to living",
    cta_text="Request a visit at our St. Petersburg office. We will call you to confirm.",
    cta_button_label="Request an appointment",
    disclaimer=(
        "Content on this website is general information and not medical advice. It cannot "
        "replace an exam by a physician. For an emergency, call 911."
    ),
    hero_heading="Pain and injury care close to home",
    hero_text=(
        "Hip, knee, leg and neck pain, arthritis, and injuries from accidents, sports and "
        "work, treated in St. Petersburg."
    ),
    welcome=(
        "Florida Medical Pain Management treats hip, knee, leg and neck pain, arthritis, "
        "and auto-accident, sports and work injuries. For stubborn nerve pain we also offer "
        "ketamine infusions, given by IV and closely monitored."
    ),
    home_search_description=(
        "Pain management in St. Petersburg, FL: injury care, arthritis management and "
        "ketamine infusions."
    ),
    treatments_intro="<p>What we offer, from injury care to ketamine infusions.</p>",
    conditions_intro="<p>Conditions we treat, explained simply.</p>",
    physicians_intro="<p>Meet your physician.</p>",
    faq_intro="<p>Quick answers to common questions.</p>",
    articles_intro="<p>Articles from our St. Petersburg team.</p>",
    appointment_intro=(
        "<p>Call us or stop by to request a visit. If you were hurt in an accident or at "
        "work, tell us when you book so we can get the right paperwork ready.</p>"
    ),
    appointment_what_to_bring=b.ul(
        [
            "Photo ID and insurance card",
            "Any accident or claim numbers",
            "Your medicine list",
            "Scans or reports from the emergency room or other doctors",
        ]
    ),
    locations=[
        spec.LocationSpec(
            name="St. Petersburg office",
            street_address="3000 Sample Avenue North, Suite 210",
            locality="St. Petersburg",
            region="FL",
            postal_code="33701",
            phone="(727) 555-0131",
            email="office@florida-medical.example.com",
            parking_and_access="Free lot next to the building; ground-floor entrance.",
            hours=[(d, "08:00", "17:00") for d in range(5)] + [(5, "09:00", "12:00")],
        )
    ],
    physicians=[
        spec.fictional_physician(
            "Sam",
            "Calloway",
            role="Pain management physician",
            profile="treats people recovering from accidents and sports or work injuries, "
            "people with arthritis, and people with nerve pain that has not eased with other "
            "care.",
            listing_summary="Treats injuries, arthritis and chronic nerve pain.",
            specialties=["Pain management", "Injury care"],
            certifications=["Anesthesiology", "Pain medicine"],
            languages="English, Spanish",
            location_names=["St. Petersburg office"],
            treatment_slugs=[ketamine.SLUG, "injury-care", "arthritis-management"],
        )
    ],
    questions=spec.questions_by_topic(
        {
            "Ketamine infusions": {
                Q_DOSE: (
                    "Your physician looks at your health, weight and history. Published "
                    "protocols guide the starting dose; later doses follow how you respond."
                ),
                Q_LENGTH: (
                    "Plan for a few hours. A common first dose runs over at least 2 hours, and "
                    "you rest afterward."
                ),
                Q_ORAL: (
                    "We offer ketamine by IV infusion only. Pills and nasal sprays carry a "
                    "higher risk of addiction."
                ),
                Q_COVER: (
                    "Coverage varies. Ketamine for pain is off-label, so check with your plan. "
                    "Our staff can help."
                ),
            },
            "Injuries": {
                Q_ACCIDENT: (
                    "Yes, it is wise. Some injuries take a day or more to cause pain, and an "
                    "early record of your injuries can help with claims."
                ),
                Q_WORK: ("Yes. Tell us your employer and claim details when you book."),
            },
            "Arthritis": {
                Q_ARTHRITIS: (
                    "Often, yes. Exercise, physical therapy, medicines and injections help many"
                    " people before surgery is ever needed."
                ),
            },
        }
    ),
    conditions=[
        conditions.for_clinic(conditions.CRPS, crps_body, reviewed_days_ago=60),
        conditions.for_clinic(conditions.NEUROPATHIC_PAIN, neuro_body, reviewed_days_ago=120),
    ],
    treatments=[
        ketamine.treatment(
            title="Ketamine infusion therapy",
            alternate_names="IV ketamine, ketamine dosing",
            summary=(
                "Low-dose IV ketamine for chronic nerve pain, following published protocols "
                "and adjusted to how you respond."
            ),
            listing_summary="IV ketamine for nerve pain, with clear dosing protocols.",
            body=ketamine_body,
            condition_slugs=[conditions.CRPS.slug, conditions.NEUROPATHIC_PAIN.slug],
            reference_keys=["connolly2015", "crps_pmc", "correll2004", "kurdi2014"],
            related_slugs=["injury-care"],
            reviewed_days_ago=30,
        ),
        spec.TreatmentSpec(
            slug="injury-care",
            title="Injury care: auto accidents, sports and work",
            alternate_names="accident injury treatment, sports injury care, workers' injury",
            summary=(
                "Assessment and treatment for injuries from car accidents, sports and work, "
                "including neck, hip, knee and leg pain."
            ),
            listing_summary="Care for auto-accident, sports and work injuries.",
            body=injury_body,
            related_slugs=["arthritis-management"],
            reviewed_days_ago=90,
        ),
        spec.TreatmentSpec(
            slug="arthritis-management",
            title="Arthritis management",
            alternate_names="joint pain treatment, osteoarthritis care",
            summary=("A plan to ease arthritis pain and stiffness and keep your joints moving."),
            listing_summary="Ease joint pain and stay active with arthritis.",
            body=arthritis_body,
            related_slugs=["injury-care"],
            reviewed_days_ago=100,
        ),
    ],
    articles=[
        spec.ArticleSpec(
            slug="pain-after-a-car-accident",
            title="Why pain can show up days after a car accident",
            date=datetime.date(2025, 4, 8),
            author_slug="dr-sam-calloway",
            summary="Delayed pain after a crash is common. Here is what to watch for.",
            listing_summary="What to watch for in the days after a crash.",
            body=article_body,
            related_treatment_slugs=["injury-care"],
        )
    ],
    featured_treatment_slugs=[
        "injury-care",
        "arthritis-management",
        ketamine.SLUG,
    ],
    publishes_slots=True,
)
