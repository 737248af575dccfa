"""`make plugin-check`: prove that `pip install clinic-pages` works in a fresh Wagtail project.

1. Builds the sdist and the wheel (`python -m build`) from a clean copy of the checkout (what
   git tracks, plus files not yet added) into a temporary folder. The wheel's top level must
   hold only `clinic_pages/` and its dist-info, and every module, template, static file,
   migration and data file of every app in the source tree must be inside it. The README's
   settings table and its list of `clinic_pages/base.html` blocks are compared with the
   wheel's `core/conf.py` and `base.html`.
2. For Python 3.11 with Django 5.2, and for the newest Python >= 3.12 found with Django 6.1 (a
   missing interpreter is a failure, never a skip), side by side, each in a fresh virtualenv
   (made while the wheel is built; the output of each comes in one block): installs the wheel
   with Wagtail 8, runs `wagtail start mysite` and applies the README section "Add Clinic Pages
   to your Wagtail project" verbatim (its code blocks marked `<!-- plugin-check: NAME -->`).
   Then: `check --fail-level WARNING` and `makemigrations --check` are clean, `migrate` and
   `onboard_clinic` run, `tools/plugin_check_site/content.py` publishes a treatment, physician,
   FAQ and article, and `tools/plugin_check_site/visit.py` renders them and the appointment
   page on the clinic's host (plugin layout, the README's template override, JSON-LD), books an
   appointment (one request stored, e-mails without the submitted values), requests the
   plugin's routes (search, sitemap.xml, robots.txt, favicon.ico, its stylesheet), and renders
   the host's own home page and search in the host's templates.

Standard library only; runs on any Python 3.11+ that can `python -m build` (the `build`
package is in the dev extra). Exits non-zero on any failure and keeps the temporary folder
then, for a look at the generated project and the full log.
"""

from __future__ import annotations

import argparse
import ast
import json
import operator
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import zipfile
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SITE_SCRIPTS = Path(__file__).resolve().parent / "plugin_check_site"
PACKAGE = "clinic_pages"
DISTRIBUTION = "clinic-pages"
# Folders the package data globs of pyproject.toml ship, besides the modules.
DATA_FOLDERS = ("templates", "static", "locale", "data")
SKIPPED_NAMES = {"__pycache__", ".DS_Store"}
RESULT_MARKER = "PLUGIN-CHECK-RESULT "
# Wagtail 8 supports Django 5.2 to 6.1; Django 6 needs Python 3.12 or newer.
WAGTAIL = "wagtail>=8,<9"
COMMAND_TIMEOUT = 900
# Variables that would point a subprocess at the checkout's virtualenv or the example project.
UNSET_VARIABLES = {
    "VIRTUAL_ENV",
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONSTARTUP",
    "DJANGO_SETTINGS_MODULE",
}


class Failure(Exception):
    """A check that did not hold; the message says what and where, its first line in short."""


class CommandFailed(Failure):
    def __init__(self, shown: str, returncode: int, output: str):
        last = next((line for line in reversed(output.splitlines()) if line.strip()), "")
        super().__init__(f"`{shown}` exited with {returncode}: {last.strip()}\n{tail(output)}")
        self.output = output


# --------------------------------------------------------------------------- output


# Lines said in a thread that checks one environment, printed together when it is done.
_held = threading.local()


def say(text: str = "") -> None:
    held = getattr(_held, "lines", None)
    if held is not None:
        held.append(text)
    else:
        print(text, flush=True)


@dataclass
class StepResult:
    title: str
    seconds: float
    ok: bool
    detail: str = ""


@dataclass
class Report:
    """Steps of one phase (the build, or one environment), timed."""

    name: str
    steps: list[StepResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.steps) and all(step.ok for step in self.steps)

    @property
    def seconds(self) -> float:
        return sum(step.seconds for step in self.steps)

    def step(self, title: str, func, *args, fatal: bool = True, **kwargs):
        """Run one step; a Failure is recorded and printed, and re-raised to end the phase
        unless the step is not `fatal` (then the result is None and later steps still run)."""
        say(f"  - {title}")
        start = time.monotonic()
        try:
            result = func(*args, **kwargs)
        except Failure as error:
            seconds = time.monotonic() - start
            self.steps.append(StepResult(title, seconds, False, str(error)))
            say(f"    FAILED after {seconds:.1f}s")
            say(indent(str(error), "    | "))
            if fatal:
                raise
            return None
        seconds = time.monotonic() - start
        self.steps.append(StepResult(title, seconds, True))
        say(f"    ok ({seconds:.1f}s)")
        return result


def indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.rstrip().splitlines())


def tail(text: str, lines: int = 60) -> str:
    kept = text.rstrip().splitlines()[-lines:]
    return "\n".join(kept)


# --------------------------------------------------------------------------- commands


def clean_environment() -> dict[str, str]:
    """The caller's environment without anything that would point Python at the checkout."""
    env = {name: value for name, value in os.environ.items() if name not in UNSET_VARIABLES}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run(
    command: list[str],
    *,
    cwd: Path,
    log: Path,
    env: dict[str, str] | None = None,
    timeout: int = COMMAND_TIMEOUT,
    root: Path | None = None,
) -> str:
    """Run a command, append it and its output to the log; a non-zero exit is a Failure.

    Paths under `root` are shown relative to it.
    """
    env = env if env is not None else clean_environment()
    shown = shlex.join(str(part) for part in command)
    if root is not None:
        shown = shown.replace(f"{root}/", "")
    if len(shown) > 200:
        shown = shown[:200] + " …"
    try:
        proc = subprocess.run(
            [str(part) for part in command],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as error:
        raise Failure(f"`{shown}` did not finish within {timeout}s") from error
    except OSError as error:
        raise Failure(f"`{shown}` could not start: {error}") from error
    output = (proc.stdout or "") + (proc.stderr or "")
    with log.open("a", encoding="utf-8") as handle:
        handle.write(f"\n$ {shown}   (in {cwd}, exit {proc.returncode})\n{output}")
    if proc.returncode != 0:
        raise CommandFailed(shown, proc.returncode, output)
    return output


# --------------------------------------------------------------------------- the README


@dataclass(frozen=True)
class ReadmeBlock:
    name: str
    argument: str
    language: str
    code: str


def readme_blocks(text: str) -> dict[str, ReadmeBlock]:
    """Fenced blocks that follow a `<!-- plugin-check: NAME [ARGUMENT] -->` marker."""
    pattern = re.compile(
        r"<!--\s*plugin-check:\s*(?P<name>[\w-]+)(?:\s+(?P<argument>[^\s>]+))?\s*-->\s*\n"
        r"(?P<fence>```+|~~~+)(?P<language>[\w-]*)\n(?P<code>.*?)\n(?P=fence)[ \t]*$",
        re.DOTALL | re.MULTILINE,
    )
    blocks: dict[str, ReadmeBlock] = {}
    for match in pattern.finditer(text):
        name = match["name"]
        if name in blocks:
            raise Failure(f"README.md marks two blocks `plugin-check: {name}`")
        blocks[name] = ReadmeBlock(
            name, match["argument"] or "", match["language"], match["code"] + "\n"
        )
    return blocks


def readme_table(text: str, name: str) -> list[list[str]]:
    """Rows (cells) of the Markdown table after `<!-- plugin-check: NAME -->`, header dropped."""
    match = re.search(rf"<!--\s*plugin-check:\s*{re.escape(name)}\s*-->\s*\n", text)
    if match is None:
        raise Failure(f"README.md has no table marked `<!-- plugin-check: {name} -->`")
    rows = []
    for line in text[match.end() :].splitlines():
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-+:?", cell) for cell in cells):
            continue
        rows.append(cells)
    return rows[1:]


def code_span(cell: str) -> str:
    match = re.fullmatch(r"`([^`]+)`", cell.strip())
    if match is None:
        raise Failure(f"README table cell {cell!r} should be one `code` span")
    return match.group(1)


@dataclass(frozen=True)
class ReadmeSteps:
    """The adopter's steps, as the README states them."""

    install: ReadmeBlock
    settings: ReadmeBlock
    urls: ReadmeBlock
    setup: ReadmeBlock
    template: ReadmeBlock
    settings_table: dict[str, object]
    base_blocks: list[str]

    @property
    def clinic(self) -> tuple[str, str, str]:
        """(slug, practice name, hostname) from the README's `onboard_clinic` line."""
        for line in shell_lines(self.setup.code):
            words = shlex.split(line)
            if "onboard_clinic" in words:
                arguments = words[words.index("onboard_clinic") + 1 :]
                positional = [w for w in arguments if not w.startswith("-")]
                if len(positional) >= 3:
                    return positional[0], positional[1], positional[2]
        raise Failure("the README's setup block has no `manage.py onboard_clinic SLUG NAME HOST`")


def shell_lines(code: str) -> list[str]:
    return [
        line.strip()
        for line in code.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def read_readme() -> ReadmeSteps:
    text = README.read_text(encoding="utf-8")
    blocks = readme_blocks(text)
    wanted = ["install", "settings", "urls", "setup", "template"]
    missing = [name for name in wanted if name not in blocks]
    if missing:
        raise Failure(
            "README.md lacks the code blocks marked "
            + ", ".join(f"`<!-- plugin-check: {name} -->`" for name in missing)
        )
    table = {}
    for cells in readme_table(text, "settings-table"):
        name, default = code_span(cells[0]), code_span(cells[1])
        try:
            table[name] = ast.literal_eval(default)
        except (ValueError, SyntaxError) as error:
            raise Failure(f"README: the default of {name} ({default}) is no literal") from error
    base_blocks = [code_span(cells[0]) for cells in readme_table(text, "base-blocks")]
    steps = ReadmeSteps(
        blocks["install"],
        blocks["settings"],
        blocks["urls"],
        blocks["setup"],
        blocks["template"],
        table,
        base_blocks,
    )
    steps.clinic  # noqa: B018 - fails early when the onboarding line is missing
    return steps


# --------------------------------------------------------------------------- build and wheel


@dataclass
class Built:
    source: Path
    wheel: Path
    sdist: Path


def clean_copy(destination: Path) -> Path:
    """The checkout's files as a clean clone would have them, plus uncommitted work.

    Git-tracked and untracked-but-not-ignored files only: leftovers such as an old
    `clinic_pages.egg-info/SOURCES.txt` (which setuptools reads back into the sdist) or `build/`
    never reach the distributions. Outside a git checkout, the tree itself.
    """
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        return ROOT
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the work tree is skipped
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def build(work: Path, log: Path) -> Built:
    try:
        import build  # noqa: F401
    except ImportError as error:
        raise Failure(
            f"the `build` package is not installed for {sys.executable}; "
            "run `make setup` (it is in the dev extra) or `pip install build`"
        ) from error
    source = clean_copy(work / "source")
    dist = work / "dist"
    run([sys.executable, "-m", "build", "--outdir", dist, source], cwd=source, log=log)
    wheels = sorted(dist.glob("*.whl"))
    sdists = sorted(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        raise Failure(f"expected one wheel and one sdist in {dist}, found {os.listdir(dist)}")
    return Built(source, wheels[0], sdists[0])


def setup_py_apps(source: Path) -> list[str]:
    """The app folders setup.py maps into the package (its `APPS` list)."""
    tree = ast.parse((source / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "APPS" for target in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise Failure("setup.py has no APPS list")


def source_files(source: Path, app: str) -> tuple[dict[str, str], list[str]]:
    """Files of one app folder that the wheel must carry, as {path in wheel: kind}, and the
    folder's other files (READMEs, notes), which are not installed."""
    base = source / app
    if not (base / "__init__.py").is_file():
        raise Failure(f"setup.py maps `{app}/`, which is no package (no __init__.py)")
    expected: dict[str, str] = {}
    left_out: list[str] = []
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        if not path.is_file() or SKIPPED_NAMES & set(relative.parts) or path.suffix == ".pyc":
            continue
        top = relative.parts[0]
        if top in DATA_FOLDERS and len(relative.parts) > 1:
            kind = top
        elif path.suffix == ".py" and all(
            (base / Path(*relative.parts[:depth]) / "__init__.py").is_file()
            for depth in range(len(relative.parts))
        ):
            kind = "migrations" if top == "migrations" and path.name != "__init__.py" else "modules"
        else:
            left_out.append(f"{app}/{relative.as_posix()}")
            continue
        expected[f"{PACKAGE}/{app}/{relative.as_posix()}"] = kind
    return expected, left_out


def inspect_wheel(built: Built, report: Report) -> bool:
    with zipfile.ZipFile(built.wheel) as archive:
        names = [name for name in archive.namelist() if not name.endswith("/")]
    problems = []

    # Nothing but the package and its metadata lands at the top of site-packages.
    dist_info = re.compile(rf"^{PACKAGE}-[^/]+\.dist-info$")
    tops = sorted({name.split("/")[0] for name in names})
    stray = [top for top in tops if top != PACKAGE and not dist_info.match(top)]
    if stray:
        problems.append(f"the wheel's top level holds more than {PACKAGE}/: {stray}")

    # Every module, template, static file and migration of every app made it into the wheel.
    expected: dict[str, str] = {
        f"{PACKAGE}/{path.name}": "modules"
        for path in sorted((built.source / PACKAGE).glob("*.py"))
    }
    apps = setup_py_apps(built.source)
    left_out: list[str] = []
    for app in apps:
        files, others = source_files(built.source, app)
        expected |= files
        left_out += others
    packaged = {name for name in names if name.startswith(f"{PACKAGE}/")}
    missing = sorted(set(expected) - packaged)
    unexpected = sorted(packaged - set(expected))
    if missing:
        problems.append("missing from the wheel:\n" + "\n".join(f"  {name}" for name in missing))
    if unexpected:
        problems.append(
            "in the wheel but not in the source tree (stale build?):\n"
            + "\n".join(f"  {name}" for name in unexpected)
        )

    # The summary: what the wheel holds per app.
    kinds = ["modules", "templates", "static", "migrations", "locale", "data"]
    counts: dict[str, Counter] = {}
    for name in packaged:
        parts = name.split("/")
        app = parts[1] if len(parts) > 2 else "(package)"
        kind = expected.get(name, "other")
        counts.setdefault(app, Counter())[kind] += 1
    shown = [kind for kind in kinds if any(c[kind] for c in counts.values())]
    lines = [
        f"wheel {built.wheel.name}: {built.wheel.stat().st_size / 1024:.0f} KiB, "
        f"{len(names)} files; top level: {', '.join(top + '/' for top in tops)}",
        "  " + "app".ljust(14) + "".join(kind.rjust(12) for kind in shown),
    ]
    for app in ["(package)", *apps]:
        counter = counts.get(app, Counter())
        lines.append("  " + app.ljust(14) + "".join(str(counter[k]).rjust(12) for k in shown))
    total = sum(counts.values(), Counter())
    lines.append("  " + "total".ljust(14) + "".join(str(total[k]).rjust(12) for k in shown))
    if left_out:
        lines.append(f"  not installed (not package data): {', '.join(left_out)}")
    with tarfile.open(built.sdist) as archive:
        members = [member.name for member in archive.getmembers() if member.isfile()]
    sdist_tops = Counter(name.split("/")[1] for name in members if "/" in name)
    lines.append(
        f"sdist {built.sdist.name}: {built.sdist.stat().st_size / 1024:.0f} KiB, "
        f"{len(members)} files ({', '.join(sorted(sdist_tops))})"
    )
    junk = [
        name
        for name in members
        if re.search(r"(^|/)(__pycache__|\.venv|var|build)/|\.pyc$|\.sqlite3$", name)
    ]
    if junk:
        problems.append("the sdist carries build or local files: " + ", ".join(junk[:10]))
    say(indent("\n".join(lines), "    "))
    report.notes.append(
        f"wheel: {len(names)} files, "
        + ", ".join(f"{total[kind]} {kind}" for kind in shown)
        + f"; sdist: {len(members)} files"
    )

    if problems:
        raise Failure("\n".join(problems))
    return True


def readme_matches_wheel(built: Built, steps: ReadmeSteps) -> None:
    """The README's settings table is the defaults module, and its block list is base.html's."""
    with zipfile.ZipFile(built.wheel) as archive:
        conf_source = archive.read(f"{PACKAGE}/core/conf.py").decode("utf-8")
        base_html = archive.read(f"{PACKAGE}/core/templates/{PACKAGE}/base.html").decode("utf-8")
    problems = []
    defaults = conf_defaults(conf_source)
    prefixed = {f"CLINIC_PAGES_{name}": value for name, value in defaults.items()}
    if steps.settings_table != prefixed:
        differences = [
            f"  {name}: README {steps.settings_table.get(name, '(absent)')!r}, "
            f"core/conf.py {prefixed.get(name, '(absent)')!r}"
            for name in sorted(set(steps.settings_table) | set(prefixed))
            if steps.settings_table.get(name, KeyError) != prefixed.get(name, KeyError)
        ]
        problems.append(
            f"the README's settings table differs from core/conf.py in {len(differences)} "
            "setting(s):\n" + "\n".join(differences)
        )
    blocks = re.findall(r"{%\s*block\s+(\w+)\s*%}", base_html)
    if sorted(blocks) != sorted(steps.base_blocks):
        problems.append(
            f"README lists the blocks {steps.base_blocks} of clinic_pages/base.html, "
            f"which has {blocks}"
        )
    if problems:
        raise Failure("\n".join(problems))


class _FoldArithmetic(ast.NodeTransformer):
    """Arithmetic on number literals (`24 * 60 * 60` seconds) folded into one literal."""

    OPERATORS = {
        ast.Add: operator.add,
        ast.Sub: operator.sub,
        ast.Mult: operator.mul,
        ast.FloorDiv: operator.floordiv,
    }

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        apply = self.OPERATORS.get(type(node.op))
        operands = (node.left, node.right)
        if apply and all(
            isinstance(side, ast.Constant) and type(side.value) in (int, float) for side in operands
        ):
            return ast.copy_location(ast.Constant(apply(node.left.value, node.right.value)), node)
        return node


def conf_defaults(source: str) -> dict[str, object]:
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == "DEFAULTS" and node.value is not None:
            try:
                return ast.literal_eval(_FoldArithmetic().visit(node.value))
            except ValueError as error:
                raise Failure(
                    f"core/conf.py: DEFAULTS holds more than literals ({error})"
                ) from error
    raise Failure("core/conf.py in the wheel has no DEFAULTS dict")


# --------------------------------------------------------------------------- interpreters


@dataclass(frozen=True)
class Interpreter:
    path: Path
    version: tuple[int, int]

    def __str__(self) -> str:
        return f"Python {self.version[0]}.{self.version[1]} ({self.path})"


PROBE = (
    "import sys, venv, ensurepip; "
    "print(sys.implementation.name, sys.version_info[0], sys.version_info[1], sys.executable)"
)


def probe(candidate: str) -> Interpreter | None:
    try:
        proc = subprocess.run(
            [candidate, "-c", PROBE],
            capture_output=True,
            text=True,
            timeout=30,
            env=clean_environment(),
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    words = proc.stdout.strip().split(maxsplit=3)
    if proc.returncode != 0 or len(words) != 4 or words[0] != "cpython":
        return None
    return Interpreter(Path(words[3]), (int(words[1]), int(words[2])))


def candidate_pythons() -> list[str]:
    """Interpreters on PATH, in pyenv's versions folder, and the one running this script."""
    candidates = [f"python3.{minor}" for minor in range(20, 10, -1)] + ["python3"]
    found = [path for name in candidates if (path := shutil.which(name))]
    roots = [os.environ.get("PYENV_ROOT", ""), str(Path.home() / ".pyenv")]
    if shutil.which("pyenv"):
        proc = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=False)
        roots.append(proc.stdout.strip())
    for root in filter(None, roots):
        for version in sorted((Path(root) / "versions").glob("3.*")):
            found.append(str(version / "bin" / "python3"))
    found.append(sys.executable)
    return list(dict.fromkeys(found))


def find_interpreters() -> list[Interpreter]:
    seen: dict[Path, Interpreter] = {}
    for candidate in candidate_pythons():
        interpreter = probe(candidate)
        if interpreter is not None:
            seen.setdefault(interpreter.path.resolve(), interpreter)
    return list(seen.values())


@dataclass(frozen=True)
class Target:
    """One environment: an interpreter and the Django series to install with Wagtail 8."""

    wanted: str
    django: str
    interpreter: Interpreter | None
    missing: str = ""

    @property
    def label(self) -> str:
        python = ".".join(map(str, self.interpreter.version)) if self.interpreter else self.wanted
        return f"Python {python} + Django {self.django}"

    @property
    def slug(self) -> str:
        return re.sub(r"[^\w.]+", "-", self.label.replace("Python ", "py")).strip("-").lower()

    @property
    def django_requirement(self) -> str:
        return f"django~={self.django}.0"


def choose_targets() -> list[Target]:
    interpreters = find_interpreters()
    override_311 = os.environ.get("PLUGIN_CHECK_PYTHON_311")
    override_new = os.environ.get("PLUGIN_CHECK_PYTHON_NEWEST")

    def pick(override: str | None, accept, prefer_newest: bool) -> Interpreter | None:
        if override:
            chosen = probe(override)
            return chosen if chosen is not None and accept(chosen.version) else None
        fitting = [i for i in interpreters if accept(i.version)]
        if not fitting:
            return None
        current = [i for i in fitting if i.path.resolve() == Path(sys.executable).resolve()]
        if current and not prefer_newest:
            return current[0]
        return max(fitting, key=lambda i: i.version)

    py311 = pick(override_311, lambda v: v == (3, 11), prefer_newest=False)
    newest = pick(override_new, lambda v: v >= (3, 12), prefer_newest=True)
    searched = (
        f"looked on PATH (python3.NN), in pyenv's versions folder "
        f"({os.environ.get('PYENV_ROOT') or Path.home() / '.pyenv'}/versions) and at {sys.executable}"
    )
    missing_311 = f"no Python 3.11 found; {searched}; or set PLUGIN_CHECK_PYTHON_311"
    missing_new = (
        f"no Python >= 3.12 found, which Django 6.1 needs; {searched}; "
        "or set PLUGIN_CHECK_PYTHON_NEWEST"
    )
    return [
        Target("3.11", "5.2", py311, "" if py311 else missing_311),
        Target(">= 3.12", "6.1", newest, "" if newest else missing_new),
    ]


# --------------------------------------------------------------------------- one environment


@dataclass
class Project:
    """A fresh `wagtail start` project in its own virtualenv."""

    folder: Path
    log: Path

    @property
    def venv(self) -> Path:
        return self.folder / "venv"

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    @property
    def site(self) -> Path:
        return self.folder / "mysite"

    @property
    def package(self) -> Path:
        return self.site / "mysite"

    def run(self, *args: str | Path, cwd: Path | None = None, env=None) -> str:
        return run(list(args), cwd=cwd or self.folder, log=self.log, env=env, root=self.folder)

    def manage(self, *args: str, env=None) -> str:
        return self.run(self.python, "manage.py", *args, cwd=self.site, env=env)


def create_venv(project: Project, target: Target) -> None:
    project.run(target.interpreter.path, "-m", "venv", project.venv)


def install(project: Project, target: Target, steps: ReadmeSteps, built: Built) -> str:
    """The README's `pip install clinic-pages`, with the built wheel for the distribution."""
    commands = shell_lines(steps.install.code)
    if not commands:
        raise Failure("the README's install block is empty")
    for line in commands:
        words = shlex.split(line)
        if words[:2] != ["pip", "install"]:
            raise Failure(f"the README's install block runs {line!r}, not `pip install ...`")
        requirements = []
        for word in words[2:]:
            match = re.fullmatch(rf"{DISTRIBUTION}(\[[\w,-]+\])?", word)
            requirements.append(f"{built.wheel}{match.group(1) or ''}" if match else word)
        if not any(str(built.wheel) in word for word in requirements):
            raise Failure(f"the README's install line {line!r} does not install {DISTRIBUTION}")
        project.run(
            project.python,
            "-m",
            "pip",
            "install",
            "--quiet",
            *requirements,
            WAGTAIL,
            target.django_requirement,
        )
    probe_code = (
        "import sys, django, wagtail, clinic_pages; "
        "print(sys.version.split()[0], django.get_version(), wagtail.__version__, "
        "clinic_pages.__file__)"
    )
    python, django, wagtail, location = project.run(
        project.python, "-c", probe_code, cwd=project.folder
    ).split()
    if not django.startswith(target.django + "."):
        raise Failure(f"installed Django {django}, not the {target.django} series")
    if not wagtail.startswith("8."):
        raise Failure(f"installed Wagtail {wagtail}, not Wagtail 8")
    if not Path(location).resolve().is_relative_to(project.venv.resolve()):
        raise Failure(f"clinic_pages was imported from {location}, not from the new virtualenv")
    versions = f"Python {python}, Django {django}, Wagtail {wagtail}"
    say(f"    {versions}; clinic_pages from the wheel in {Path(location).parent}")
    return versions


def wagtail_start(project: Project) -> None:
    project.run(project.venv / "bin" / "wagtail", "start", "mysite", cwd=project.folder)
    for path in (project.package / "settings" / "base.py", project.package / "urls.py"):
        if not path.is_file():
            raise Failure(f"`wagtail start` made no {path.relative_to(project.folder)}")


def apply_readme(project: Project, steps: ReadmeSteps) -> None:
    """Paste the README's blocks where it says: settings, urls, the template override."""
    settings = project.package / "settings" / "base.py"
    with settings.open("a", encoding="utf-8") as handle:
        handle.write("\n\n" + steps.settings.code)

    urls = project.package / "urls.py"
    source = urls.read_text(encoding="utf-8").splitlines(keepends=True)
    anchor = next(
        (i for i, line in enumerate(source) if re.search(r"include\(\s*wagtail_urls\s*\)", line)),
        None,
    )
    if anchor is None:
        raise Failure("mysite/urls.py has no `include(wagtail_urls)` to paste the plugin's before")
    margin = re.match(r"\s*", source[anchor]).group(0)
    pasted = [margin + line.strip() + "\n" for line in steps.urls.code.splitlines() if line.strip()]
    urls.write_text("".join(source[:anchor] + pasted + source[anchor:]), encoding="utf-8")

    # The README names the template, e.g. `clinic_pages/base.html`; a `wagtail start`
    # project's template folder is mysite/templates/ (TEMPLATES["DIRS"]).
    if not steps.template.argument.startswith(f"{PACKAGE}/"):
        raise Failure("the README's template block must name a clinic_pages/... template")
    template = project.package / "templates" / steps.template.argument
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text(steps.template.code, encoding="utf-8")

    # The check's own settings (not an adopter's), in the local.py that `wagtail start`'s
    # dev.py imports: no minimum fill time for a scripted booking, an address for the clinic's
    # notice of a request, and no fsync for the throwaway database (halves `migrate`).
    (project.package / "settings" / "local.py").write_text(
        "# Written by tools/plugin_check.py for the check only.\n"
        "from .base import DATABASES\n\n"
        "CLINIC_PAGES_APPOINTMENT_MIN_FILL_SECONDS = 0\n"
        'CLINIC_PAGES_APPOINTMENT_FALLBACK_NOTIFICATION_EMAILS = ["front-desk@example.com"]\n'
        'DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA synchronous=OFF;"}\n',
        encoding="utf-8",
    )


def check_issues(output: str) -> str:
    """'fields.E304, fields.E305 on clinic_pages_home.HomePage.page_ptr, ...' from check output."""
    issues = re.findall(r"^(\S[^:\n]*): \((\w+\.[EW]\d+)\)", output, re.MULTILINE)
    ids = ", ".join(dict.fromkeys(issue_id for _, issue_id in issues))
    objects = ", ".join(dict.fromkeys(name for name, _ in issues))
    return f"{ids} on {objects}" if issues else "issues"


def system_checks(project: Project) -> bool:
    try:
        output = project.manage("check", "--fail-level", "WARNING")
    except CommandFailed as error:
        raise Failure(f"manage.py check: {check_issues(error.output)}\n{error}") from error
    if "no issues" not in output:
        raise Failure(f"manage.py check: {check_issues(output)}\n{tail(output)}")
    return True


def no_missing_migrations(project: Project, checks_passed: bool) -> None:
    """After failed system checks, with --skip-checks: what matters here is the model state."""
    extra = [] if checks_passed else ["--skip-checks"]
    try:
        project.manage("makemigrations", "--check", "--dry-run", *extra)
    except CommandFailed as error:
        changes = re.findall(r"^\s+[~+-] (.+)$", error.output, re.MULTILINE)
        raise Failure(
            f"makemigrations --check: {len(changes)} model change(s) without a migration, "
            f"e.g. {changes[0] if changes else '?'}\n{error}"
        ) from error


def run_setup(project: Project, steps: ReadmeSteps, checks_passed: bool) -> None:
    """The README's `python manage.py ...` lines, in order (migrate, onboard_clinic).

    After failed system checks they run with --skip-checks, so that one run reports what else
    fails too; the check has failed already either way.
    """
    for line in shell_lines(steps.setup.code):
        words = shlex.split(line)
        if words[:2] != ["python", "manage.py"]:
            raise Failure(f"the README's setup block runs {line!r}, not `python manage.py ...`")
        extra = [] if checks_passed else ["--skip-checks"]
        output = project.manage(*words[2:], *extra)
        if "onboard_clinic" in words:
            say(indent(tail(output, 3), "    "))


def run_site_script(project: Project, name: str, steps: ReadmeSteps) -> dict:
    """Run tools/plugin_check_site/NAME.py with `manage.py shell` and read its result line."""
    _slug, practice_name, hostname = steps.clinic
    env = clean_environment() | {
        "PLUGIN_CHECK_HOST": hostname,
        "PLUGIN_CHECK_PRACTICE_NAME": practice_name,
        "PLUGIN_CHECK_OVERRIDE_NAME": steps.template.argument,
        "PLUGIN_CHECK_OVERRIDE_FILE": str(project.package / "templates" / steps.template.argument),
    }
    code = (SITE_SCRIPTS / f"{name}.py").read_text(encoding="utf-8")
    output = project.manage("shell", "--command", code, env=env)
    lines = [line for line in output.splitlines() if line.startswith(RESULT_MARKER)]
    if not lines:
        raise Failure(f"{name}.py printed no result:\n{tail(output)}")
    return json.loads(lines[-1][len(RESULT_MARKER) :])


def create_content(project: Project, steps: ReadmeSteps) -> None:
    result = run_site_script(project, "content", steps)
    for label, url in result["pages"].items():
        say(f"    {label}: {url}")


def visit(project: Project, steps: ReadmeSteps) -> None:
    result = run_site_script(project, "visit", steps)
    failed = [check for check in result["checks"] if not check["ok"]]
    for check in result["checks"]:
        mark = "ok  " if check["ok"] else "FAIL"
        say(f"    {mark} {check['name']}")
    if failed:
        first = failed[0]
        reason = first["detail"].splitlines()[0] if first["detail"] else ""
        raise Failure(
            f"{len(failed)} of {len(result['checks'])} checks failed, first "
            f"{first['name']!r}: {reason}\n"
            + "\n".join(
                f"{check['name']}: {check['detail']}" if check["detail"] else check["name"]
                for check in failed
            )
        )


def start_project(target: Target, work: Path) -> Project:
    """The environment's folder and fresh virtualenv (made while the wheel is being built)."""
    folder = work / target.slug
    folder.mkdir()
    project = Project(folder, folder / "log.txt")
    create_venv(project, target)
    return project


def check_environment(
    target: Target, steps: ReadmeSteps, built: Built, work: Path, started: Future | None
) -> Report:
    report = Report(target.label)
    say(f"\n=== {target.label}")
    if target.interpreter is None or started is None:
        report.steps.append(StepResult("find the interpreter", 0.0, False, target.missing))
        say(f"  FAILED: {target.missing}")
        return report
    say(f"  {target.interpreter}")
    say(f"  log: {work / target.slug / 'log.txt'}")
    try:
        project = report.step(
            "fresh virtualenv (made while the wheel was built; the time is the wait)",
            started.result,
        )
        versions = report.step(
            f"pip install the wheel, {WAGTAIL}, {target.django_requirement}",
            install,
            project,
            target,
            steps,
            built,
        )
        report.notes.append(versions)
        report.step("wagtail start mysite", wagtail_start, project)
        report.step(
            "apply the README's settings, urls and template override", apply_readme, project, steps
        )
        checked = report.step(
            "manage.py check --fail-level WARNING", system_checks, project, fatal=False
        )
        report.step(
            "manage.py makemigrations --check --dry-run",
            no_missing_migrations,
            project,
            bool(checked),
            fatal=False,
        )
        report.step(
            "the README's setup lines (migrate, onboard_clinic)",
            run_setup,
            project,
            steps,
            bool(checked),
        )
        report.step(
            "publish a treatment, physician, FAQ and article (manage.py shell)",
            create_content,
            project,
            steps,
        )
        report.step("visit the clinic and the host's own site (test Client)", visit, project, steps)
    except Failure:
        pass
    return report


def check_environment_held(*args) -> tuple[Report, list[str]]:
    """check_environment in a thread of its own, its lines held back for one block of output."""
    _held.lines = []
    try:
        return check_environment(*args), _held.lines
    finally:
        _held.lines = None


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder even when all passes"
    )
    args = parser.parse_args(argv)

    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="clinic-pages-plugin-check-"))
    say(f"Clinic Pages plugin check (work folder {work})")
    reports: list[Report] = []

    # The environments are independent: their virtualenvs are made while the wheel is built, and
    # both are then checked at once (each runs one process at a time: pip, migrate, a render).
    targets = choose_targets()
    pool = ThreadPoolExecutor(max_workers=2 * len(targets))
    projects = {
        target.slug: pool.submit(start_project, target, work)
        for target in targets
        if target.interpreter is not None
    }

    packaging = Report("build and inspect the distribution")
    reports.append(packaging)
    say(f"\n=== {packaging.name}")
    built = steps = None
    wheel_ok = False
    try:
        steps = packaging.step("read the README's install section", read_readme)
        built = packaging.step(
            "python -m build (sdist, then the wheel from it) from a clean copy of the checkout",
            build,
            work,
            work / "build-log.txt",
        )
        wheel_ok = packaging.step("inspect the wheel", inspect_wheel, built, packaging)
        packaging.step(
            "the README's settings table and base.html blocks match the wheel",
            readme_matches_wheel,
            built,
            steps,
            fatal=False,
        )
    except Failure:
        pass

    if wheel_ok:
        checks = [
            pool.submit(
                check_environment_held, target, steps, built, work, projects.get(target.slug)
            )
            for target in targets
        ]
        for check in checks:
            report, lines = check.result()
            for line in lines:
                say(line)
            reports.append(report)
    pool.shutdown(wait=True)

    total = time.monotonic() - started
    ok = packaging.ok and len(reports) == 3 and all(report.ok for report in reports)
    say("\n=== summary")
    for report in reports:
        state = "ok    " if report.ok else "FAILED"
        notes = f"  ({report.notes[-1]})" if report.notes else ""
        say(f"  {state} {report.name}: {report.seconds:.0f}s{notes}")
        for step in report.steps:
            if not step.ok:
                first = step.detail.splitlines()[0] if step.detail else ""
                say(f"         failed: {step.title}: {first}")
    say(f"  total {total:.0f}s")
    if ok and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        say(f"  work folder kept: {work}")
    say("plugin-check passed" if ok else "plugin-check FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
