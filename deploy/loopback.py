#!/usr/bin/env python3
"""The shipped stack on loopback ports: gunicorn, the task worker and nginx, production settings.

Used by the production smoke job (.ci/smoke) and the throughput bench (bench/throughput.py), so
both start exactly what deploy/ ships: deploy/gunicorn.conf.py, `manage.py db_worker`, and
deploy/nginx/clinic-pages.conf rendered for free high ports under a state folder in var/.

    python deploy/loopback.py prepare --state var/smoke --database clinic_pages_smoke --redis-db 2
    python deploy/loopback.py up --state var/smoke      # writes var/smoke/stack.env
    python deploy/loopback.py env --state var/smoke     # `export` lines for manage.py commands
    python deploy/loopback.py down --state var/smoke    # stops what `up` started

PostgreSQL (127.0.0.1:5432, user postgres) and Redis (127.0.0.1:6379) must be running. Media
stays on local disk (ALLOW_EMBEDDED_SERVICES=local-media), served by nginx like production's
S3 bucket would be. TLS is assumed to end in front of nginx, as in production: clients send
`X-Forwarded-Proto: https` (and an X-Forwarded-For hop, as that load balancer would).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
sys.path.insert(0, str(DEPLOY))

import render  # noqa: E402  (deploy/ is a folder of scripts, not a package)

POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379"
# A demo clinic's hostname; any host a Site has works the same.
DEMO_HOST = "revitalize.localhost"
# What the load balancer in front of nginx would add: TLS ended there, the client's address.
CLIENT_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LoopbackStack:
    """One stack's settings and processes, all kept under ``state`` (ports in stack.json)."""

    def __init__(self, state: Path) -> None:
        self.state = state.resolve()
        self.logs = self.state / "logs"
        self.pids = self.state / "pids"
        self.config_file = self.state / "stack.json"
        self.config = json.loads(self.config_file.read_text()) if self.config_file.exists() else {}

    # ------------------------------------------------------------------ configuration

    def configure(self, database: str, redis_db: int) -> None:
        """Pick the database, Redis db, ports and a secret key; written once per `prepare`."""
        for folder in (self.state, self.logs, self.pids, self.state / "mail"):
            folder.mkdir(parents=True, exist_ok=True)
        self.config = {
            "database": database,
            "redis_db": redis_db,
            "web_port": free_port(),
            "proxy_port": free_port(),
            "purge_port": free_port(),
            "secret_key": secrets.token_urlsafe(48),
        }
        self.config_file.write_text(json.dumps(self.config, indent=2))

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.config[name + '_port']}"

    def environment(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        """This process's environment with the stack's variables on top."""
        return {**os.environ, **self.variables(extra)}

    def variables(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        """Production settings as deploy/clinic-pages.env.example sets them, on loopback."""
        if not self.config:
            raise SystemExit(f"No stack in {self.state}: run `loopback.py prepare` first.")
        config = self.config
        env = {
            "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
            "SECRET_KEY": config["secret_key"],
            "ALLOWED_HOSTS": ".localhost,127.0.0.1",
            "DATABASE_URL": f"{POSTGRES}/{config['database']}",
            "REDIS_URL": f"{REDIS}/{config['redis_db']}",
            "ALLOW_EMBEDDED_SERVICES": "local-media",
            "CLINIC_SITE_VAR_DIR": str(self.state),
            "WAGTAILADMIN_BASE_URL": self.url("proxy"),
            "TRUSTED_PROXY_COUNT": "2",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.state / "mail"),
            "FRONTEND_CACHE_PURGE_URL": self.url("purge"),
            "GUNICORN_BIND": f"127.0.0.1:{config['web_port']}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_ACCESS_LOG": "-",  # JSON lines in logs/web.log
        }
        return {**env, **(extra or {})}

    def manage(self, *args: str, log: str = "") -> subprocess.Popen:
        """Start a preparation command with the stack's settings, its output in logs/.

        Nothing is purged meanwhile: no proxy runs yet, and its cache is empty anyway.
        """
        path = self.logs / f"manage-{log or args[0]}.log"
        process = subprocess.Popen(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.environment({"FRONTEND_CACHE_PURGE_URL": ""}),
            stdout=path.open("wb"),
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        process.log_path = path
        process.started = time.monotonic()
        return process

    def finish(self, process: subprocess.Popen) -> None:
        """Wait for a step; say how long it took since it started, or stop with its log."""
        if process.wait() != 0:
            log = process.log_path.read_text(errors="replace")
            raise SystemExit(f"{' '.join(process.args[1:])} failed:\n{log[-4000:]}")
        print(f"  {process.args[2]}: {time.monotonic() - process.started:.0f} s", flush=True)

    def setup_django(self) -> None:
        """Django in this process with the stack's settings, for what only the database can
        tell (a stored booking, a page's URL) or do (publish), as `manage.py shell` would."""
        os.environ.update(self.variables())
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()

    # ------------------------------------------------------------------ data

    def prepare(self, database: str, redis_db: int) -> None:
        """A fresh database and Redis db, migrated, with static files and the demo clinics."""
        import psycopg
        import redis

        self.configure(database, redis_db)
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{database}"')
        redis.Redis.from_url(f"{REDIS}/{redis_db}").flushdb()
        # collectstatic (Brotli and gzip for every file) needs no database: it runs meanwhile.
        static = self.manage("collectstatic", "--noinput", "--verbosity", "0")
        self.finish(self.manage("migrate", "--noinput", "--verbosity", "0"))
        self.finish(self.manage("load_demo_clinics", "--verbosity", "0"))
        # The load queued a task per page and snippet (search and reference index updates);
        # two workers clear that backlog, as production would before taking traffic.
        drain = ["db_worker", "--batch", "--no-startup-delay", "--verbosity", "0"]
        for worker in [self.manage(*drain, log=f"drain-{n}") for n in (1, 2)]:
            self.finish(worker)
        self.finish(static)

    # ------------------------------------------------------------------ processes

    def spawn(self, name: str, command: list[str], extra: Mapping[str, str] | None = None) -> None:
        """Start a process in its own session, its output in logs/<name>.log."""
        log = (self.logs / f"{name}.log").open("ab")
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.environment(extra),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        (self.pids / f"{name}.pid").write_text(str(process.pid))

    def start_web(self, name: str = "web", extra: Mapping[str, str] | None = None) -> None:
        config = str(DEPLOY / "gunicorn.conf.py")
        self.spawn(name, [PYTHON, "-m", "gunicorn", "-c", config, "clinic_site.wsgi"], extra)
        wait_for_http(self.url("web") + "/healthz", name, self.logs / f"{name}.log")

    def start_worker(self, extra: Mapping[str, str] | None = None) -> None:
        command = [PYTHON, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"]
        self.spawn("worker", command, extra)

    def render_proxy(self) -> Path:
        proxy = self.state / "nginx"
        for folder in ("state", "log", "cache"):
            (proxy / folder).mkdir(parents=True, exist_ok=True)
        values = {name: default for name, (default, _help) in render.SETTINGS.items()}
        values.update(
            LISTEN=f"127.0.0.1:{self.config['proxy_port']}",
            PURGE_LISTEN=f"127.0.0.1:{self.config['purge_port']}",
            UPSTREAM=f"127.0.0.1:{self.config['web_port']}",
            STATIC_ROOT=str(self.state / "static"),
            MEDIA_ROOT=str(self.state / "media"),
            CACHE_DIR=str(proxy / "cache"),
            CACHE_SIZE="256m",
            STATE_DIR=str(proxy / "state"),
            LOG_DIR=str(proxy / "log"),
            USER=current_user(),
        )
        conf = proxy / "nginx.conf"
        conf.write_text(render.render(values))
        return conf

    def start_proxy(self) -> None:
        conf = self.render_proxy()
        prefix = str(conf.parent)
        subprocess.run(
            [NGINX, "-t", "-q", "-c", str(conf), "-p", prefix, "-e", "stderr"], check=True
        )
        command = [NGINX, "-c", str(conf), "-p", prefix, "-e", "stderr", "-g", "daemon off;"]
        self.spawn("nginx", command)
        wait_for_http(self.url("proxy") + "/static/", "nginx", self.logs / "nginx.log")

    def stop(self, name: str) -> None:
        """Stop one process this stack started (its whole session), by the pid it recorded."""
        pid_file = self.pids / f"{name}.pid"
        if not pid_file.exists():
            return
        pid = int(pid_file.read_text())
        pid_file.unlink()
        try:
            os.killpg(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                os.killpg(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        os.killpg(pid, signal.SIGKILL)

    def up(self) -> None:
        self.start_web()
        self.start_worker()
        self.start_proxy()
        self.write_shell_env()

    def down(self) -> None:
        if self.pids.exists():
            for pid_file in sorted(self.pids.glob("*.pid")):
                self.stop(pid_file.stem)

    def write_shell_env(self) -> None:
        lines = {
            "WEB_URL": self.url("web"),
            "PROXY_URL": self.url("proxy"),
            "PURGE_URL": self.url("purge"),
            "DEMO_HOST": DEMO_HOST,
            "STACK_STATE": str(self.state),
        }
        text = "".join(f"{key}={shlex.quote(value)}\n" for key, value in lines.items())
        (self.state / "stack.env").write_text(text)


def current_user() -> str:
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name


def wait_for_http(url: str, name: str, log: Path, timeout: float = 90) -> None:
    """Until ``url`` answers at all (any status): the server is listening and serving."""
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"Host": DEMO_HOST, **CLIENT_HEADERS})
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(request, timeout=20).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    raise SystemExit(f"{name} did not answer at {url} within {timeout:.0f} s.\n{tail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["prepare", "up", "env", "down"])
    parser.add_argument("--state", type=Path, default=ROOT / "var" / "smoke")
    parser.add_argument("--database", default="clinic_pages_smoke")
    parser.add_argument("--redis-db", type=int, default=2)
    args = parser.parse_args(argv)
    stack = LoopbackStack(args.state)
    if args.action == "prepare":
        stack.prepare(args.database, args.redis_db)
    elif args.action == "up":
        stack.up()
    elif args.action == "env":
        variables = stack.variables()
        sys.stdout.write(
            "".join(f"export {key}={shlex.quote(value)}\n" for key, value in variables.items())
        )
    else:
        stack.down()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
