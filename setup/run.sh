#!/usr/bin/env bash
# Install what is missing, create or update the database "mentorship" with the
# four addons and their demo data, then serve Odoo on http://localhost:8069,
# with the queue_job runner for background jobs (imports).
# Production mode: MENTORSHIP_WORKERS=N serves with N Odoo worker processes and
# Odoo's default limits (60 s CPU and 120 s per request, 2 GB soft memory).
source "$(dirname "$0")/lib.sh"
bootstrap

DB="${MENTORSHIP_DB:-mentorship}"
if psql -d postgres -Atqc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
    say "Database $DB exists: updating the mentorship addons"
    odoo_bin -d "$DB" -u "$MENTORSHIP_ADDONS" --stop-after-init --no-http
else
    say "Database $DB: creating it with Russian first, so that the demo is written in Russian"
    odoo_bin -d "$DB" -i base --with-demo --load-language=ru_RU --stop-after-init --no-http
    odoo_bin shell -d "$DB" --no-http <<'PY'
(env.ref("base.user_root") | env.ref("base.user_admin")).lang = "ru_RU"
env["ir.default"].set("res.partner", "lang", "ru_RU")
env.cr.commit()
PY
    say "Database $DB: installing the mentorship addons with demo data"
    odoo_bin -d "$DB" -i "$MENTORSHIP_ADDONS" --stop-after-init --no-http
    odoo_bin shell -d "$DB" --no-http <<'PY'
users = env["res.users"].search([("login", "in", ["admin", "curator", "mentor", "hr_officer", "director", "mentee", "pupil_mentor", "parent"])])
users.lang = "ru_RU"
env.cr.commit()
PY
fi

cat <<MSG

  Odoo with the mentorship suite: http://localhost:8069  (database $DB)
  Logins (user / password), interface in Russian:
    admin / admin              administrator and municipal coordinator
    curator / curator          curator of the school's working group
    mentor / mentor            a teacher mentor (sees only her pairs)
    hr_officer / hr_officer    HR officer (mentor incentives)
    director / director        head of the school (approves incentives)
  Portal (http://localhost:8069/my/mentorship):
    mentee / mentee            a pupil with a mentor
    pupil_mentor / pupil_mentor  his mentor, a senior pupil
    parent / parent            the mentee's mother
  Applications: http://localhost:8069/mentorship/apply/mentor (or /mentee)

  Stop with Ctrl+C.
MSG
# background jobs: queue_job's runner, loaded with the server, runs them over HTTP
SERVE=(--load=base,web,queue_job)
export ODOO_QUEUE_JOB_CHANNELS="${ODOO_QUEUE_JOB_CHANNELS:-root:1}"
if [ "${MENTORSHIP_WORKERS:-0}" -gt 0 ]; then
    say "Production mode: $MENTORSHIP_WORKERS workers, Odoo's default limits, job channels $ODOO_QUEUE_JOB_CHANNELS"
    SERVE+=(--workers="$MENTORSHIP_WORKERS" --max-cron-threads=1)
fi
exec "$PY" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DB" --db-filter="^$DB\$" "${SERVE[@]}"
