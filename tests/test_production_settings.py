"""Production settings fail closed: no shared database, cache or media store, no start-up,
unless ALLOW_EMBEDDED_SERVICES says so (and then every start says so too)."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from django.core.exceptions import ImproperlyConfigured

from clinic_pages.clinics.hosts import SiteHostnames

MODULE = "clinic_site.settings.production"
BASE = "clinic_site.settings.base"
ROOT = Path(__file__).resolve().parent.parent
SERVICES = {
    "DATABASE_URL": "postgres://clinic@db.invalid:5432/clinic_pages",
    "REDIS_URL": "redis://redis.invalid:6379/0",
    "AWS_STORAGE_BUCKET_NAME": "clinic-pages-media",
}
SECRET = "k" * 20 + "-a-long-random-production-secret-0123456789"
VARIABLES = [
    *SERVICES,
    "ALLOW_EMBEDDED_SERVICES",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "LOG_LEVEL",
]


@pytest.fixture
def load(monkeypatch, tmp_path):
    """``load(**environment)``: the production settings module as that environment makes it."""

    def loader(**environment: str) -> ModuleType:
        for name in VARIABLES:
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("CLINIC_SITE_VAR_DIR", str(tmp_path))
        monkeypatch.setenv("SECRET_KEY", SECRET)
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        # base.py too: it reads CLINIC_SITE_VAR_DIR when imported.
        monkeypatch.delitem(sys.modules, BASE, raising=False)
        monkeypatch.delitem(sys.modules, MODULE, raising=False)
        return importlib.import_module(MODULE)

    return loader


@pytest.mark.parametrize("missing", list(SERVICES))
def test_a_missing_service_stops_the_start_naming_its_variable(load, missing):
    present = {name: value for name, value in SERVICES.items() if name != missing}
    with pytest.raises(ImproperlyConfigured, match=missing) as refused:
        load(**present)
    assert "ALLOW_EMBEDDED_SERVICES=" in str(refused.value)


def test_an_empty_variable_counts_as_missing(load):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        load(**SERVICES | {"DATABASE_URL": ""})


def test_with_every_service_production_uses_them(load, capsys):
    settings = load(**SERVICES, ALLOWED_HOSTS="admin.example.com, ops.example.com")
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert settings.DATABASES["default"]["HOST"] == "db.invalid"
    # PostgreSQL's JIT cost ~0.8 s per page lookup on fresh tables (site/settings/base.py).
    assert "-c jit=off" in settings.DATABASES["default"]["OPTIONS"]["options"]
    assert settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert settings.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert settings.STORAGES["default"]["OPTIONS"]["bucket_name"] == "clinic-pages-media"
    assert settings.CLINIC_PAGES_ALLOW_EMBEDDED_SERVICES == []
    assert isinstance(settings.ALLOWED_HOSTS, SiteHostnames)
    assert settings.ALLOWED_HOSTS.static == ("admin.example.com", "ops.example.com")
    assert "WARNING" not in capsys.readouterr().err


def test_allowed_embedded_services_run_with_a_warning_on_every_start(load, capsys, tmp_path):
    settings = load(ALLOW_EMBEDDED_SERVICES="sqlite, local-cache,local-media")
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert settings.CACHES["default"] == {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(tmp_path / "cache"),
    }
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert settings.CLINIC_PAGES_ALLOW_EMBEDDED_SERVICES == ["sqlite", "local-cache", "local-media"]
    warnings = [line for line in capsys.readouterr().err.splitlines() if "WARNING" in line]
    assert len(warnings) == 3
    for variable in SERVICES:
        assert any(variable in line for line in warnings)


def test_an_allowance_is_only_for_the_service_it_names(load):
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        load(DATABASE_URL=SERVICES["DATABASE_URL"], ALLOW_EMBEDDED_SERVICES="local-media")


def test_an_unknown_allowance_stops_the_start(load):
    with pytest.raises(ImproperlyConfigured, match="sqllite"):
        load(**SERVICES, ALLOW_EMBEDDED_SERVICES="sqllite")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("1", True), ("yes", True), ("On", True), ("TRUE", True), ("0", False), ("off", False)],
)
def test_booleans_read_the_usual_words(load, word, expected):
    assert load(**SERVICES, SECURE_SSL_REDIRECT=word).SECURE_SSL_REDIRECT is expected


def test_a_boolean_that_is_no_boolean_stops_the_start(load):
    with pytest.raises(ImproperlyConfigured, match="SECURE_SSL_REDIRECT"):
        load(**SERVICES, SECURE_SSL_REDIRECT="sometimes")


def test_production_logs_json_with_the_request_context(load):
    logging = load(**SERVICES).LOGGING
    handler = logging["handlers"]["stdout"]
    assert logging["formatters"][handler["formatter"]]["()"] == (
        "clinic_pages.core.logging.JsonFormatter"
    )
    assert logging["filters"][handler["filters"][0]]["()"] == (
        "clinic_pages.core.logging.RequestContextFilter"
    )
    assert logging["root"]["handlers"] == ["stdout"]


def check_deploy(tmp_path: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    """`manage.py check --deploy --fail-level WARNING` with production settings, as `make check`."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in VARIABLES and name != "DJANGO_SETTINGS_MODULE"
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": MODULE,
        "CLINIC_SITE_VAR_DIR": str(tmp_path),
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "admin.example.com",
        **environment,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_on_production_as_deployed_without_connecting(tmp_path):
    # The .invalid hosts cannot resolve: a check that connected would fail.
    result = check_deploy(tmp_path, **SERVICES)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
