#!/usr/bin/env bash
# `make audit`: Lighthouse on a demo treatment page, printing the four category scores.
# Uses Debian's Chromium (CHROME_PATH) and npm's lighthouse, installed into var/lighthouse.
# Production-like serving: DEBUG off, static files compressed and served by WhiteNoise.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${AUDIT_PORT:-8765}
CLINIC=${AUDIT_CLINIC:-revitalize}
PAGE_PATH=${AUDIT_PATH:-/treatments/ketamine-infusion-therapy/}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export DATABASE_URL=${DATABASE_URL:-sqlite:///$PWD/var/audit.sqlite3}
export DJANGO_SETTINGS_MODULE=clinic_site.settings.audit

LH=var/lighthouse/node_modules/.bin/lighthouse
if [ ! -x "$LH" ]; then
  mkdir -p var/lighthouse
  (cd var/lighthouse && npm install --no-audit --no-fund --silent lighthouse@13)
fi

if curl -fs -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "Port $PORT is already serving something; stop it or set AUDIT_PORT." >&2
  exit 1
fi

.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_demo_clinics -v0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py runserver 127.0.0.1:$PORT --noreload >var/lighthouse/server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/robots.txt" && break; sleep 0.2; done

URL="http://$CLINIC.localhost:$PORT$PAGE_PATH"
"$LH" "$URL" --quiet --output=json --output-path=var/lighthouse/report.json \
  --only-categories=performance,accessibility,best-practices,seo \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --host-resolver-rules='MAP *.localhost 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'"

.venv/bin/python - "$URL" <<'PY'
import json, sys
report = json.load(open("var/lighthouse/report.json"))
print(f"Lighthouse {report['lighthouseVersion']} on {sys.argv[1]}")
for key, category in report["categories"].items():
    print(f"  {category['title']:<16} {round(category['score'] * 100):>3}")
PY
