#!/usr/bin/env bash
# Install what is missing, build a fresh test database with the four addons and
# run every test (addons' tests/ and the cross-addon tests/) with pytest-odoo,
# browser tests included, after the lint. Exits non-zero on any failure.
source "$(dirname "$0")/lib.sh"
bootstrap

DB="${MENTORSHIP_TEST_DB:-mentorship_test}"
LOG_DIR="$ROOT/.odoo-logs"
mkdir -p "$LOG_DIR"

say "Test database $DB: dropping and installing $MENTORSHIP_ADDONS with demo data"
dropdb --if-exists "$DB"
: >"$LOG_DIR/install.log"
odoo_bin -d "$DB" -i "$MENTORSHIP_ADDONS" --with-demo --stop-after-init --no-http \
    --log-level=warn --logfile="$LOG_DIR/install.log" \
    || { cat "$LOG_DIR/install.log"; die "Installing the addons failed"; }
if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$LOG_DIR/install.log"; then
    die "Odoo logged the warnings or errors above while installing the addons"
fi
say "Addons installed without warnings"

lint_status=0
if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    say "Lint: pre-commit (ruff, pylint-odoo, OCA module and .po checks)"
    (cd "$ROOT" && PATH="$VENV/bin:$PATH" "$VENV/bin/pre-commit" run --all-files --show-diff-on-failure) \
        || lint_status=$?
    [ "$lint_status" -eq 0 ] && say "Lint: passed" || say "Lint: FAILED (see above)"
else
    say "Lint: skipped, $ROOT is not a git checkout"
fi

say "Tests: pytest-odoo on $DB"
test_status=0
(cd "$ROOT" && "$VENV/bin/pytest" --odoo-config="$ODOO_CONF" --odoo-database="$DB" \
    --odoo-http --odoo-log-level=warn "$@") || test_status=$?

[ "$lint_status" -eq 0 ] || exit "$lint_status"
exit "$test_status"
