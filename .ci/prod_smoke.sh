#!/usr/bin/env bash
# Production smoke test: the production settings on PostgreSQL and Redis, served by gunicorn with its config
# file, a real Celery worker, static files from the collectstatic manifest. Checks the login page, /health/,
# one API call with a personal token, and one task through the worker (an invitation e-mail).
# Needs PostgreSQL at 127.0.0.1:5432 and Redis at 127.0.0.1:6379 (.ci/run makes sure they run).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT=${SMOKE_PORT:-8765}
DB=${SMOKE_DB:-sociallens_smoke}
PGUSER=${PGUSER:-postgres}
WORK=$(mktemp -d)

export DJANGO_SETTINGS_MODULE=config.settings.prod
export SECRET_KEY="smoke-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-not-for-real-use-0123456789"
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL="postgres://${PGUSER}@127.0.0.1:5432/${DB}"
export CELERY_BROKER_URL=${SMOKE_BROKER_URL:-redis://127.0.0.1:6379/14}
export CACHE_URL=${SMOKE_CACHE_URL:-redis://127.0.0.1:6379/13}
export SITE_URL="http://127.0.0.1:${PORT}"
# Plain HTTP on the loopback: no TLS terminator in front of gunicorn here.
export SECURE_SSL_REDIRECT=False SESSION_COOKIE_SECURE=False CSRF_COOKIE_SECURE=False
export EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend EMAIL_FILE_PATH="$WORK/mail"
export STATIC_ROOT="$WORK/static" WEB_CONCURRENCY=2 GUNICORN_BIND="127.0.0.1:${PORT}"
export API_THROTTLE_USER=100000/min  # the fuzz run is one user on purpose
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TF_CPP_MIN_LOG_LEVEL=2

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -h 127.0.0.1 -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "SMOKE FAIL: $*"; echo "--- web log"; tail -n 40 "$WORK/web.log" || true; echo "--- worker log"; tail -n 40 "$WORK/worker.log" || true; exit 1; }

echo "--- prepare: database ${DB}, migrate, collectstatic"
psql -h 127.0.0.1 -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null
psql -h 127.0.0.1 -U "$PGUSER" -d postgres -qc "CREATE DATABASE ${DB}" >/dev/null
redis-cli -n "${CELERY_BROKER_URL##*/}" flushdb >/dev/null; redis-cli -n "${CACHE_URL##*/}" flushdb >/dev/null
SECURE_SSL_REDIRECT=True SESSION_COOKIE_SECURE=True CSRF_COOKIE_SECURE=True $PY manage.py check --deploy --fail-level WARNING
$PY manage.py migrate --noinput -v 0
$PY manage.py collectstatic --noinput -v 0
TOKEN=$($PY manage.py shell -c "
from accounts import services
from accounts.models import User
user = User.objects.create_user(email='smoke@example.com', password='smoke-pass-2026')
organization = services.organization_create(user=user, name='Smoke Agency')
print(organization.pk, services.token_create(user=user, name='smoke')[1])" | tail -n1)
ORG=${TOKEN%% *}; TOKEN=${TOKEN#* }

echo "--- start gunicorn (config/gunicorn.conf.py) and a Celery worker"
.venv/bin/gunicorn -c config/gunicorn.conf.py config.wsgi >"$WORK/web.log" 2>&1 & pids+=($!)
.venv/bin/celery -A config worker -Q default,fetch,ml --concurrency=1 --loglevel=INFO >"$WORK/worker.log" 2>&1 & pids+=($!)
for _ in $(seq 60); do curl -fs "http://127.0.0.1:${PORT}/health/" >/dev/null 2>&1 && break; sleep 1; done

echo "--- login page"
login=$(curl -fsS "http://127.0.0.1:${PORT}/accounts/login/") || fail "login page"
grep -q 'name="password"' <<<"$login" || fail "login page has no password field"
css=$(grep -o '/static/vendor/bootstrap/css/bootstrap\.min\.[0-9a-f]\{12\}\.css' <<<"$login" | head -n1)
[ -n "$css" ] || fail "static files are not served from the manifest (hashed names)"
curl -fsS -o /dev/null "http://127.0.0.1:${PORT}${css}" || fail "hashed static file $css"
echo "ok: login page, hashed static $css"

echo "--- health"
health=$(curl -sS -w '\n%{http_code}' "http://127.0.0.1:${PORT}/health/")
[ "$(tail -n1 <<<"$health")" = 200 ] || fail "health: $health"
echo "ok: $(head -n1 <<<"$health")"

echo "--- API with a personal token"
orgs=$(curl -fsS -H "Authorization: Bearer ${TOKEN}" "http://127.0.0.1:${PORT}/api/v1/organizations/") || fail "API list"
grep -q '"Smoke Agency"' <<<"$orgs" || fail "API list: $orgs"
missing=$(curl -sS -H "Authorization: Bearer ${TOKEN}" "http://127.0.0.1:${PORT}/api/v1/organizations/99999999999999999999/members/")
grep -q '"code": *"not_found"' <<<"$missing" || fail "API 404 not in the error format: $missing"
echo "ok: organizations list, 404 in the error format"

echo "--- one task through the worker (invitation e-mail)"
created=$(curl -fsS -H "Authorization: Bearer ${TOKEN}" -H "Content-Type: application/json" \
  -d '{"email": "new.member@example.com", "role": "viewer"}' \
  "http://127.0.0.1:${PORT}/api/v1/organizations/${ORG}/invitations/") || fail "invitation create"
for _ in $(seq 90); do grep -rqs "new.member@example.com" "$WORK/mail" && break; sleep 1; done
grep -rqs "new.member@example.com" "$WORK/mail" || fail "the worker did not send the invitation e-mail"
grep -q "accounts.tasks.send_invitation_email" "$WORK/worker.log" || fail "the e-mail was not sent by the worker"
echo "ok: invitation e-mail sent by the worker"
echo "--- API fuzz: schemathesis against the live server (PostgreSQL), bounded examples, with the token"
# Every operation of /api/schema/ and every check (`--checks all`): a 500, an undocumented status code or
# Content-Type, a response that breaks its schema, input the document allows refused, or input it forbids accepted,
# fails CI (the one operation with a rule no schema can state is configured in .ci/schemathesis.toml). The token's own
# revocation is left out so that the run keeps its credentials. Bounded: 10 examples per operation, fixed seed.
# One worker: a run with two (threads) failed on 2026-12-07 with an error inside the tool, not a finding
# ("AST constructor recursion depth mismatch" while hypothesis read schemathesis's own source; CPython's AST state
# is shared by threads); one worker takes about as long here and leaves no second thread to race it.
.venv/bin/st --config-file .ci/schemathesis.toml run "http://127.0.0.1:${PORT}/api/schema/" \
  --checks "${SMOKE_FUZZ_CHECKS:-all}" -H "Authorization: Bearer ${TOKEN}" \
  --max-examples "${SMOKE_FUZZ_EXAMPLES:-10}" --phases examples,coverage,fuzzing --seed 2026 --workers 1 \
  --request-timeout 30 --exclude-path-regex '^/api/v1/tokens/' --report junit --report-dir "$WORK/fuzz" \
  | tee "$WORK/fuzz.log" || fail "schemathesis found failures (see above)"
echo "ok: schemathesis"

echo "--- fault test: its own Redis stopped and restarted, PostgreSQL connections cut, under signed-in traffic"
FAULT_EMAIL=smoke@example.com FAULT_PASSWORD=smoke-pass-2026 FAULT_TOKEN="$TOKEN" $PY .ci/fault_test.py \
  || fail "fault test (figures above)"
echo "ok: fault test"
echo "SMOKE OK"
