#!/usr/bin/env bash
# Run Odoo's own test suites of the modules our addons extend (hr, calendar,
# survey, portal, mail) on a fresh database where the four addons are
# installed (without demo data, as in production): our addons must not break
# what Odoo does. The modules are updated with their tests, so the tests run
# on the database our addons shaped; the post-install ones with our code loaded.
# Prints "N tests, F failures, E errors"; exits non-zero on any of them.
# Long: about half an hour on two cores.
source "$(dirname "$0")/lib.sh"
bootstrap

DB="${MENTORSHIP_ODOO_TEST_DB:-mentorship_odoo_tests}"
ODOO_MODULES="${MENTORSHIP_ODOO_TEST_MODULES:-hr,calendar,survey,portal,mail}"
LOG_DIR="$ROOT/.odoo-logs"
INSTALL_LOG="$LOG_DIR/odoo_tests_install.log"
TEST_LOG="$LOG_DIR/odoo_tests.log"
mkdir -p "$LOG_DIR"

say "Database $DB: dropping and installing $MENTORSHIP_ADDONS"
dropdb --if-exists "$DB"
odoo_bin -d "$DB" -i "$MENTORSHIP_ADDONS" --stop-after-init --no-http \
    --log-level=warn --logfile="$INSTALL_LOG" \
    || { cat "$INSTALL_LOG"; die "Installing the addons failed"; }

test_tags="/${ODOO_MODULES//,/,/}"
say "Odoo's tests $test_tags on $DB (log: $TEST_LOG)"
: >"$TEST_LOG"
odoo_bin -d "$DB" -u "$ODOO_MODULES" --test-tags "$test_tags" --stop-after-init \
    --log-level=info --logfile="$TEST_LOG" || true

# "F failed, E error(s) of N tests when loading database 'DB'"
summary="$(grep -oE "[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database '$DB'" "$TEST_LOG" | tail -n 1)"
[ -n "$summary" ] || { tail -n 50 "$TEST_LOG"; die "Odoo stopped before reporting its tests (see $TEST_LOG)"; }
read -r failures errors tests < <(echo "$summary" | grep -oE '[0-9]+' | head -n 3 | xargs)
grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) .*(FAIL|ERROR):' "$TEST_LOG" || true
say "$tests tests, $failures failures, $errors errors"
[ "$tests" -gt 0 ] || die "No test ran"
[ "$failures" -eq 0 ] && [ "$errors" -eq 0 ] || exit 1
