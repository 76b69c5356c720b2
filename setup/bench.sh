#!/usr/bin/env bash
# Run the benchmarks of tests/benchmarks/ on the test database built by
# setup/test.sh (built here if missing) and print their figures.
source "$(dirname "$0")/lib.sh"
bootstrap

DB="${MENTORSHIP_TEST_DB:-mentorship_test}"
if ! psql -d postgres -Atqc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
    say "Benchmark database $DB: installing $MENTORSHIP_ADDONS"
    odoo_bin -d "$DB" -i "$MENTORSHIP_ADDONS" --stop-after-init --no-http --log-level=warn
fi
cd "$ROOT"
status=0
"$VENV/bin/pytest" --odoo-config="$ODOO_CONF" --odoo-database="$DB" \
    --odoo-log-level=warn -s tests/benchmarks "$@" || status=$?
# pytest exits 5 when it collected nothing
[ "$status" -ne 5 ] || { say "No benchmarks in tests/benchmarks yet"; status=0; }
exit "$status"
