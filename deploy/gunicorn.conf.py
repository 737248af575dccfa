"""gunicorn settings for Clinic Pages: `gunicorn -c deploy/gunicorn.conf.py clinic_site.wsgi`.

Everything a deployment changes comes from the environment (deploy/clinic-pages.env.example):

- GUNICORN_BIND: where nginx reaches the app (default 127.0.0.1:8000; a unix socket as
  ``unix:/run/clinic-pages/gunicorn.sock`` in deploy/systemd).
- WEB_CONCURRENCY: worker processes (default 2 x CPU cores + 1).
- GUNICORN_THREADS: threads per worker (default 1: a Django request holds a database
  connection, and requests are short because nginx buffers slow clients).
- GUNICORN_TIMEOUT: seconds before a stuck worker is replaced (default 60; nginx gives up on
  public requests after 30 s and on admin uploads after 120 s).
- GUNICORN_ACCESS_LOG: "-" for JSON access lines on standard output, a file path, or unset
  for none (nginx already writes one line per request).
- GUNICORN_FORWARDED_ALLOW_IPS: the proxy addresses trusted for X-Forwarded-Proto
  (default 127.0.0.1,::1: nginx on the same machine).
- GUNICORN_CONTROL_SOCKET: a path for gunicorn's control socket (default: none).
"""

from __future__ import annotations

import json
import multiprocessing
import os
from datetime import UTC, datetime

from gunicorn.glogging import Logger

bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# gthread keeps nginx's upstream connections alive between requests (sync workers close them).
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 30  # longer than nginx's upstream keepalive_timeout (20 s), so nginx closes first
# A worker is replaced now and then, so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Heartbeat files in memory: a slow or full disk must not make workers look stuck.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Only the local proxy may say the request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
limit_request_line = 8190
limit_request_fields = 100
# gunicorn 25's runtime control socket defaults to one path per user, which two instances on a
# machine would share; it is opened only where GUNICORN_CONTROL_SOCKET names a path.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket

accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "clinic-pages"


class JSONAccessLogger(Logger):
    """One JSON object per request. The query string is left out: it can carry search words."""

    def access(self, resp, req, environ, request_time) -> None:
        if not self.access_log_enabled:
            return
        headers = {name.lower(): value for name, value in req.headers}
        line = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "request_id": headers.get("x-request-id", ""),
            "host": headers.get("host", ""),
            "method": req.method,
            "path": req.path,
            "status": resp.status_code,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
        }
        self.access_log.info(json.dumps(line))


logger_class = JSONAccessLogger
