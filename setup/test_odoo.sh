#!/usr/bin/env bash
# Run Odoo's own test suites of the modules our addons extend (hr, calendar,
# survey, portal, mail) on a fresh database where they are installed together
# with the four addons (without demo data, as in production), the way Odoo and
# OCA's CI test a set of addons: each module's at_install tests run as it is
# installed, the post_install ones at the end with every addon loaded, ours
# included. (Updating only an upstream module with -u would run its tests with
# a registry that lacks our models while our record rules are in the database.)
# Prints "N tests, F failures, E errors"; exits non-zero on any of them.
# Long: about half an hour on two cores.
source "$(dirname "$0")/lib.sh"
bootstrap

DB="${MENTORSHIP_ODOO_TEST_DB:-mentorship_odoo_tests}"
ODOO_MODULES="${MENTORSHIP_ODOO_TEST_MODULES:-hr,calendar,survey,portal,mail}"
LOG_DIR="$ROOT/.odoo-logs"
TEST_LOG="$LOG_DIR/odoo_tests.log"
mkdir -p "$LOG_DIR"

test_tags="/${ODOO_MODULES//,/,/}"
say "Database $DB: dropping, installing $ODOO_MODULES and $MENTORSHIP_ADDONS with Odoo's tests $test_tags (log: $TEST_LOG)"
dropdb --if-exists "$DB"
: >"$TEST_LOG"
odoo_bin -d "$DB" -i "$ODOO_MODULES,$MENTORSHIP_ADDONS" --test-tags "$test_tags" --stop-after-init \
    --log-level=info --logfile="$TEST_LOG" || true

# "F failed, E error(s) of N tests when loading database 'DB'"
summary="$(grep -oE "[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database '$DB'" "$TEST_LOG" | tail -n 1)"
[ -n "$summary" ] || { tail -n 50 "$TEST_LOG"; die "Odoo stopped before reporting its tests (see $TEST_LOG)"; }
read -r failures errors tests < <(echo "$summary" | grep -oE '[0-9]+' | head -n 3 | xargs)
grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) .*(FAIL|ERROR):' "$TEST_LOG" || true
say "$tests tests, $failures failures, $errors errors"
[ "$tests" -gt 0 ] || die "No test ran"
[ "$failures" -eq 0 ] && [ "$errors" -eq 0 ] || exit 1
