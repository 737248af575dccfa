"""Strings a user would read that never reach the catalogue (part of ``make i18n-check``).

``makemessages`` only sees strings already marked for translation, so a plain
``help_text="..."`` or a bare sentence in a template would pass the catalogue check while
showing English on a Spanish page or to a Spanish-speaking editor. This finds them:

- Python: a literal given as ``help_text``, ``verbose_name``, ``verbose_name_plural``,
  ``label``, ``heading``, ``empty_label`` or ``button_label``; the same names assigned in a
  ``Meta`` class; a literal label in ``choices`` or a ``TextChoices`` member; a literal sentence
  in ``ValidationError`` or ``messages.*``. Management commands (their ``--help`` is for
  network admins at a terminal, as Django's own commands) and log messages are left out.
- Templates: text between tags outside ``{% translate %}`` / ``{% blocktranslate %}``, and
  literal ``alt``, ``title``, ``aria-label`` and ``placeholder`` attributes. The text of
  ``{% block body_class %}`` (CSS class names) and proper names listed in ``NOT_WORDS`` are
  not prose.
"""

from __future__ import annotations

import ast
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

TEXT_KEYWORDS = {
    "help_text",
    "verbose_name",
    "verbose_name_plural",
    "label",
    "heading",
    "empty_label",
    "button_label",
}
META_NAMES = {"verbose_name", "verbose_name_plural", "label"}
MESSAGE_FUNCTIONS = {"success", "error", "warning", "info", "add_message"}
# Path parts of code no user reads in the interface.
SKIPPED_PARTS = {
    "migrations",
    "commands",
    "tests",
    "site",
    "bench",
    "tools",
    "deploy",
    "docs",
    "demo",
    "var",
    "build",
    "node_modules",
    ".venv",
}
# Names shown as they are in every language.
NOT_WORDS = {"OpenStreetMap", "NPI"}
# Character references (&nbsp;) and URL fragments (#tab-notifications) are not words either.
_NOT_PROSE = re.compile(r"&#?\w+;|#[\w-]+")


def _is_text(node: ast.AST | None) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True
    return (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(node.value.strip())
    )


def _is_sentence(node: ast.AST | None) -> bool:
    return _is_text(node) and (not isinstance(node, ast.Constant) or " " in node.value.strip())


def _choice_labels(node: ast.AST) -> Iterator[ast.AST]:
    if isinstance(node, (ast.List, ast.Tuple)):
        for item in node.elts:
            if isinstance(item, ast.Tuple) and len(item.elts) == 2 and _is_text(item.elts[1]):
                yield item.elts[1]


def python_literals(source: str) -> Iterator[tuple[int, str]]:
    """(line, what) for each literal a user would read in one module's source."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg in TEXT_KEYWORDS and _is_text(keyword.value):
                    yield keyword.value.lineno, f"{keyword.arg}={ast.unparse(keyword.value)}"
                if keyword.arg == "choices":
                    for label in _choice_labels(keyword.value):
                        yield label.lineno, f"choice label {ast.unparse(label)}"
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else ""
            called_on = getattr(getattr(function, "value", None), "id", "")
            if isinstance(function, ast.Name) and function.id == "ValidationError":
                name, called_on = "ValidationError", "forms"
            if (name == "ValidationError" and node.args and _is_sentence(node.args[0])) or (
                called_on == "messages"
                and name in MESSAGE_FUNCTIONS
                and len(node.args) > 1
                and _is_sentence(node.args[1])
            ):
                yield (
                    node.lineno,
                    f"{name}({ast.unparse(node.args[0 if name == 'ValidationError' else 1])})",
                )
        elif isinstance(node, ast.ClassDef):
            bases = {getattr(base, "attr", getattr(base, "id", "")) for base in node.bases}
            for statement in node.body:
                if not isinstance(statement, ast.Assign):
                    continue
                targets = {getattr(target, "id", "") for target in statement.targets}
                if node.name == "Meta" and targets & META_NAMES and _is_text(statement.value):
                    yield statement.lineno, f"Meta.{targets.pop()}={ast.unparse(statement.value)}"
                if bases & {"TextChoices", "IntegerChoices"} and isinstance(
                    statement.value, ast.Tuple
                ):
                    label = statement.value.elts[-1]
                    if len(statement.value.elts) > 1 and _is_text(label):
                        yield statement.lineno, f"choice label {ast.unparse(label)}"


_REMOVED = [
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", re.S),
    re.compile(r"{%\s*block\s+body_?class\s*%}.*?{%\s*endblock\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"<(script|style)\b.*?</\1>", re.S),
]
_TAGS_AND_VARIABLES = re.compile(r"{%.*?%}|{{.*?}}", re.S)
_ATTRIBUTE = re.compile(r'\b(alt|title|aria-label|placeholder)="([^"]*)"')
_WORD = re.compile(r"[^\W\d_]{2,}")


def _has_words(text: str) -> bool:
    return any(word not in NOT_WORDS for word in _WORD.findall(_NOT_PROSE.sub(" ", text)))


def template_literals(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) for each bit of prose in a template outside the translation tags."""
    for pattern in _REMOVED:
        source = pattern.sub(lambda match: "\n" * match.group(0).count("\n"), source)
    source = _TAGS_AND_VARIABLES.sub(lambda match: " " + "\n" * match.group(0).count("\n"), source)
    for match in _ATTRIBUTE.finditer(source):
        if _has_words(match.group(2)):
            yield source.count("\n", 0, match.start()) + 1, f'{match.group(1)}="{match.group(2)}"'
    position = 0
    for match in re.finditer(r"<[^>]*>", source + "<>"):
        text = source[position : match.start()]
        if _has_words(text):
            line = (
                source.count("\n", 0, position)
                + 1
                + text[: len(text) - len(text.lstrip())].count("\n")
            )
            yield line, " ".join(text.split())
        position = match.end()


def _skipped(path: Path) -> bool:
    return bool(SKIPPED_PARTS & set(path.parts)) or path.name.endswith(".egg-info")


def untranslatable(root: Path) -> list[str]:
    """Every literal a user would read and no catalogue holds, as ``path:line: what``."""
    listed = subprocess.run(
        ["git", "ls-files", "*.py", "*.html", "*.txt"],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    found = []
    for name in listed:
        path = Path(name)
        if _skipped(path):
            continue
        source = (root / path).read_text(encoding="utf-8")
        if path.suffix == ".py":
            hits = python_literals(source)
        elif "templates" in path.parts:
            hits = template_literals(source)
        else:
            continue
        found += [f"{path}:{line}: {what}" for line, what in hits]
    return found
