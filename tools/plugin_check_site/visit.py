"""Visit the clinic and the host's own site with Django's test Client, as a patient would.

Run by tools/plugin_check.py inside the generated host project with `manage.py shell`, after
content.py. Every check is recorded (none stops the others) and printed as one
`PLUGIN-CHECK-RESULT {json}` line: {"checks": [{"name", "ok", "detail"}]}.
"""

import html
import json
import os
import re
import traceback
from html.parser import HTMLParser
from urllib.parse import urlencode

from django.core import mail
from django.test import Client
from django.test.utils import setup_test_environment
from wagtail.models import Site

from clinic_pages.appointments.models import AppointmentPage, AppointmentRequest
from clinic_pages.articles.models import ArticlePage
from clinic_pages.faqs.models import FAQPage
from clinic_pages.physicians.models import PhysicianPage
from clinic_pages.treatments.models import TreatmentPage

HOST = os.environ["PLUGIN_CHECK_HOST"]
PRACTICE_NAME = os.environ["PLUGIN_CHECK_PRACTICE_NAME"]
OVERRIDE_NAME = os.environ["PLUGIN_CHECK_OVERRIDE_NAME"]
OVERRIDE_FILE = os.environ["PLUGIN_CHECK_OVERRIDE_FILE"]
HOST_SITE = "localhost"  # the default Site of a `wagtail start` project
HOST_WELCOME = "Welcome to your new Wagtail site!"
PATIENT = {
    "name": "Jordan Example",
    "phone": "(312) 555-0199",
    "email": "jordan@example.org",
    "note": "Wheelchair access please.",
}

checks = []


def check(name, ok, detail=""):
    checks.append({"name": name, "ok": bool(ok), "detail": "" if ok else detail})
    return bool(ok)


class Forms(HTMLParser):
    """The forms of a page: their attributes, inputs, selects (with options) and textareas."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = None
        self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.forms.append({"attrs": attrs, "inputs": [], "selects": {}, "textareas": []})
        elif not self.forms:
            return
        elif tag == "input":
            self.forms[-1]["inputs"].append(attrs)
        elif tag == "textarea":
            self.forms[-1]["textareas"].append(attrs.get("name", ""))
        elif tag == "select":
            self._select = self.forms[-1]["selects"].setdefault(attrs.get("name", ""), [])
        elif tag == "option" and self._select is not None:
            self._option = [attrs.get("value", ""), ""]
            self._select.append(self._option)

    def handle_data(self, data):
        if self._option is not None:
            self._option[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag in ("option", "select"):
            self._option = None


def origin(template):
    return getattr(getattr(template, "origin", None), "name", "")


def template_names(response):
    return [t.name for t in response.templates][:4]


def path_of(page):
    return page.get_url_parts()[2]


class Crash:
    """Stands in for the response to a request whose view raised (recorded as a failed check)."""

    status_code = 500
    content = b""
    templates = ()
    redirect_chain = ()
    streaming_content = ()

    def __getitem__(self, header):
        return ""


def send(method, client, path, host, **extra):
    """The client's response; an exception is a failed check naming where in the plugin."""
    try:
        return getattr(client, method)(path, HTTP_HOST=host, **extra)
    except Exception as error:
        frames = traceback.extract_tb(error.__traceback__)
        where = next(
            (
                f"{frame.filename.split('site-packages/')[-1]}:{frame.lineno}"
                for frame in reversed(frames)
                if "clinic_pages" in frame.filename
            ),
            "",
        )
        check(
            f"{method.upper()} {path} on {host} raises nothing",
            False,
            f"{type(error).__name__}: {error}" + (f" (at {where})" if where else "") + "\n"
            f"{traceback.format_exc()}",
        )
        return Crash()


def get(client, path, host=HOST, **extra):
    return send("get", client, path, host, **extra)


def json_ld_types(text):
    """Every @type in the page's JSON-LD scripts."""
    types = set()
    organisations = set()

    def walk(node):
        if isinstance(node, dict):
            kinds = node.get("@type", [])
            kinds = [kinds] if isinstance(kinds, str) else kinds
            types.update(kinds)
            if "MedicalOrganization" in kinds:
                organisations.add(node.get("name", ""))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.DOTALL)
    for script in scripts:
        walk(json.loads(script))
    return scripts, types, organisations


def clinic_layout(label, response, expected_type):
    """The page renders in the plugin's layout with the clinic's branding and its JSON-LD."""
    if not check(f"{label}: 200", response.status_code == 200, f"status {response.status_code}"):
        return
    text = response.content.decode()
    brand = f'class="brand__name">{html.escape(PRACTICE_NAME)}<'
    check(f"{label}: practice name in the header", brand in text, f"no {brand!r}")
    check(
        f"{label}: the plugin's stylesheet",
        re.search(r'<link rel="stylesheet" href="[^"]*clinic_pages/css/site\.css"', text),
        "no <link> to clinic_pages/css/site.css",
    )
    check(
        f"{label}: skip link to <main id=main-content>",
        'class="skip-link" href="#main-content"' in text and '<main id="main-content"' in text,
        "no skip link or no main-content landmark",
    )
    check(
        f"{label}: rendered through the host's {OVERRIDE_NAME} (README's override)",
        any(origin(t) == OVERRIDE_FILE for t in response.templates),
        f"templates used: {template_names(response)}",
    )
    scripts, types, organisations = json_ld_types(text)
    check(
        f"{label}: JSON-LD with @type {expected_type}",
        scripts and expected_type in types,
        f"{len(scripts)} JSON-LD script(s), types {sorted(types)}",
    )
    check(
        f"{label}: JSON-LD names the practice",
        PRACTICE_NAME in organisations,
        f"MedicalOrganization names {sorted(organisations)}",
    )


def run_checks():
    site = Site.objects.get(hostname=HOST)
    client = Client()

    def of_clinic(model):
        return model.objects.live().in_site(site).get()

    pages = [
        ("treatment page", of_clinic(TreatmentPage), "MedicalTherapy"),
        ("physician page", of_clinic(PhysicianPage), "Physician"),
        ("FAQ page", of_clinic(FAQPage), "FAQPage"),
        ("article page", of_clinic(ArticlePage), "Article"),
        ("appointment page", of_clinic(AppointmentPage), "ContactPage"),
    ]
    texts = {}
    for label, page, expected_type in pages:
        response = get(client, path_of(page))
        clinic_layout(label, response, expected_type)
        texts[label] = text = response.content.decode()
        check(f"{label}: shows its title", html.escape(page.title) in text, page.title)

    treatment = pages[0][1]
    text = texts["treatment page"]
    check(
        "treatment page: shows its FAQ answer and reference",
        "About four hours" in text and "Ketamine infusions for chronic pain" in text,
        "the FAQ block's answer or the reference list is missing",
    )

    book(site, pages[4][1], treatment)
    other_routes(client, treatment)
    host_site(treatment)


def book(site, appointment, treatment):
    """GET the form, POST it back with the CSRF token and its hidden fields; one request."""
    browser = Client(enforce_csrf_checks=True)
    response = get(browser, path_of(appointment))
    parser = Forms()
    parser.feed(response.content.decode())
    forms = [f for f in parser.forms if f["attrs"].get("method", "").lower() == "post"]
    if not check("booking: the appointment page has a POST form", forms, "no POST form"):
        return
    form = forms[0]
    hidden = {i["name"]: i.get("value", "") for i in form["inputs"] if i.get("type") == "hidden"}
    check(
        "booking: the form carries the CSRF token and the signed form token",
        hidden.get("csrfmiddlewaretoken") and hidden.get("form_token"),
        f"hidden fields: {sorted(hidden)}",
    )
    topics = {text.strip(): value for value, text in form["selects"].get("topic", [])}
    check(
        "booking: the form offers the published treatment",
        treatment.title in topics,
        f"topic choices: {sorted(topics)}",
    )
    data = {
        **hidden,
        **PATIENT,
        "contact_method": "phone",
        "patient_status": "new",
        "topic": topics.get(treatment.title, ""),
        "consent": "on",
        "website": "",
    }
    mail.outbox = []
    action = form["attrs"].get("action") or path_of(appointment)
    # As a browser sends it: the form's enctype, by default URL-encoded.
    enctype = form["attrs"].get("enctype") or "application/x-www-form-urlencoded"
    if enctype == "application/x-www-form-urlencoded":
        posted = send(
            "post", browser, action, HOST, data=urlencode(data, doseq=True), content_type=enctype
        )
    else:
        posted = send("post", browser, action, HOST, data=data)
    if not check(
        "booking: POST answers 303 See Other",
        posted.status_code == 303,
        f"status {posted.status_code}: {re.sub(r'<[^>]+>', ' ', posted.content.decode())[:600]}",
    ):
        return
    confirmation = get(browser, posted["Location"])
    text = confirmation.content.decode()
    stored = list(AppointmentRequest.objects.all())
    check(
        "booking: exactly one request stored, for this clinic",
        len(stored) == 1 and stored[0].site_id == site.pk and stored[0].name == PATIENT["name"],
        f"{len(stored)} request(s) stored",
    )
    reference = stored[0].reference if stored else "?"
    check(
        "booking: the confirmation shows the reference in the clinic layout",
        confirmation.status_code == 200 and reference in text and PRACTICE_NAME in text,
        f"status {confirmation.status_code}, reference {reference}",
    )
    leaks = [
        f"{message.subject} carries {key}"
        for message in mail.outbox
        for key, value in PATIENT.items()
        if key != "email" and value in message.subject + message.body
    ]
    check(
        "booking: the clinic and the patient are e-mailed, without the submitted values",
        len(mail.outbox) == 2 and not leaks,
        f"{len(mail.outbox)} e-mail(s); {leaks}",
    )


def other_routes(client, treatment):
    """The plugin's include(): search, sitemap.xml, robots.txt, favicon.ico (and static files)."""
    response = get(client, "/search/", data={"q": "ketamine"})
    text = response.content.decode()
    check(
        "clinic search (/search/): the clinic's results in the plugin's layout",
        response.status_code == 200
        and f'class="brand__name">{html.escape(PRACTICE_NAME)}<' in text
        and path_of(treatment) in text,
        f"status {response.status_code}; rendered with {template_names(response)}",
    )
    response = get(client, "/sitemap.xml")
    check(
        "sitemap.xml lists the clinic's treatment",
        response.status_code == 200 and treatment.full_url in response.content.decode(),
        f"status {response.status_code}",
    )
    response = get(client, "/robots.txt")
    check(
        "robots.txt points at the clinic's sitemap",
        response.status_code == 200 and f"http://{HOST}/sitemap.xml" in response.content.decode(),
        f"status {response.status_code}: {response.content.decode()[:200]}",
    )
    response = get(client, "/favicon.ico", follow=True)
    check(
        "favicon.ico reaches the plugin's icon among the static files",
        response.status_code == 200
        and response.redirect_chain
        and response.redirect_chain[-1][0].endswith("clinic_pages/favicon.svg"),
        f"status {response.status_code}, redirects {getattr(response, 'redirect_chain', None)}",
    )
    response = get(client, "/static/clinic_pages/css/site.css")
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    check(
        "the plugin's stylesheet is served from the installed package",
        response.status_code == 200 and b"--brand" in body,
        f"status {response.status_code}",
    )


def host_site(treatment):
    """The host's own default Site keeps its own templates; clinic pages stay on the clinic."""
    client = Client()
    response = get(client, "/", host=HOST_SITE)
    text = response.content.decode()
    check(
        "host's home page (localhost): 200 with its own welcome page",
        response.status_code == 200 and HOST_WELCOME in text,
        f"status {response.status_code}",
    )
    check(
        "host's home page: not in the clinic layout",
        "clinic_pages/" not in text and 'class="skip-link"' not in text,
        "the host's page carries the plugin's stylesheet or skip link",
    )
    response = get(client, "/search/", host=HOST_SITE, data={"q": "ketamine"})
    text = response.content.decode()
    check(
        "host's search (localhost /search/): its own template, no clinic pages",
        response.status_code == 200
        and "clinic_pages/" not in text
        and path_of(treatment) not in text,
        f"status {response.status_code}; rendered with {template_names(response)}",
    )
    response = get(client, path_of(treatment), host=HOST_SITE)
    check(
        "the clinic's treatment is not served on the host's site",
        response.status_code == 404,
        f"status {response.status_code}",
    )


# As under the test runner: responses record their templates, e-mails stay in mail.outbox.
setup_test_environment()
try:
    run_checks()
except Exception:  # a crash is one failed check, with its traceback
    check("visit.py ran to the end", False, traceback.format_exc())

print("PLUGIN-CHECK-RESULT " + json.dumps({"checks": checks}))
