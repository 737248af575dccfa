"""The check that no user-facing string escapes the catalogue (``make i18n-check``): what it
catches, what it lets through, and that the plugin has no such string today."""

from __future__ import annotations

from pathlib import Path

from tools.i18n_sources import python_literals, template_literals, untranslatable

REPO = Path(__file__).resolve().parents[2]


def _found(hits) -> list[str]:
    return [what for _line, what in hits]


def test_plain_labels_help_texts_choices_and_errors_are_caught():
    source = """
from django.utils.translation import gettext_lazy as _

class Office(models.Model):
    name = models.CharField(help_text="e.g. Glenview office")
    kind = models.CharField(choices=[("a", "Main office"), ("b", _("Satellite"))])
    done = models.CharField(verbose_name=_("done"), help_text=_("Fine."))

    class Meta:
        verbose_name = "office"

class Status(models.TextChoices):
    NEW = "new", "New"
    OLD = "old", _("Old")

def clean(request):
    messages.success(request, "Saved the office.")
    logger.warning("Not for users, %s", 1)
    raise ValidationError("Pick a weekday.")
"""
    assert sorted(_found(python_literals(source))) == [
        "Meta.verbose_name='office'",
        "ValidationError('Pick a weekday.')",
        "choice label 'Main office'",
        "choice label 'New'",
        "help_text='e.g. Glenview office'",
        "success('Saved the office.')",
    ]


def test_template_prose_outside_translation_tags_is_caught():
    source = """{% load i18n %}
{% block body_class %}page-index{% endblock %}
<h1>{% translate "Our offices" %}</h1>
<p>{% blocktranslate %}Call {{ phone }}{% endblocktranslate %}</p>
{# a comment #}
<p>Book now</p>
<img alt="Map of the area" src="{{ url }}">
<span>&nbsp;&copy; {{ year }}</span> <a href="{{ base }}#tab-notifications">x</a>
<abbr>NPI</abbr>
"""
    assert list(template_literals(source)) == [
        (7, 'alt="Map of the area"'),
        (6, "Book now"),
    ]


def test_the_plugin_has_no_user_facing_string_outside_the_catalogue():
    assert untranslatable(REPO) == []
