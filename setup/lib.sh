# Shared steps of setup/run.sh, setup/test.sh and setup/bench.sh (sourced, not run).
#
# Every step is idempotent: it checks what is there, says what it does and only
# installs or changes what is missing.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
ODOO_CONF="$ROOT/.odoo.conf"
ODOO_ARCHIVE_URL="https://nightly.odoo.com/19.0/nightly/src/odoo_19.0.latest.tar.gz"
ODOO_DEFAULT_SRC="/opt/odoo/19.0"
MENTORSHIP_ADDONS="mentorship_core,mentorship_school,mentorship_portal,mentorship_reports"
SYSTEM_PACKAGES=(
    postgresql-15 libpq-dev libldap2-dev libsasl2-dev libmagic1
    wkhtmltopdf libreoffice-writer-nogui fonts-liberation2 poppler-utils chromium fonts-dejavu-core git
)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- Odoo source tree -------------------------------------------------------

resolve_odoo_src() {
    if [ -n "${ODOO_SRC:-}" ]; then
        say "Odoo source: ODOO_SRC=$ODOO_SRC"
    elif [ -e "$ODOO_DEFAULT_SRC" ]; then
        ODOO_SRC="$ODOO_DEFAULT_SRC"
        say "Odoo source: $ODOO_SRC"
    else
        ODOO_SRC="$ODOO_DEFAULT_SRC"
        say "No Odoo tree at $ODOO_SRC: downloading the official 19.0 source archive there"
        local tmp
        tmp="$(mktemp -d)"
        curl -fSL "$ODOO_ARCHIVE_URL" -o "$tmp/odoo.tar.gz" \
            || die "Could not download $ODOO_ARCHIVE_URL. Put an Odoo 19.0 source tree somewhere and set ODOO_SRC=/path/to/it."
        mkdir -p "$tmp/src"
        tar -xzf "$tmp/odoo.tar.gz" -C "$tmp/src" --strip-components=1
        as_root mkdir -p "$(dirname "$ODOO_SRC")"
        as_root mv "$tmp/src" "$ODOO_SRC"
        rm -rf "$tmp"
    fi
    export ODOO_SRC
    python3 "$ROOT/setup/check_odoo_tree.py" "$ODOO_SRC" "$ROOT"
}

# --- system packages ----------------------------------------------------------

ensure_system_packages() {
    local missing=() pkg
    for pkg in "${SYSTEM_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        say "System packages: all present"
        return
    fi
    say "System packages: installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# --- PostgreSQL ---------------------------------------------------------------

ensure_postgres() {
    if pg_isready -q 2>/dev/null; then
        say "PostgreSQL: server reachable (PGHOST=${PGHOST:-socket} PGPORT=${PGPORT:-5432})"
    else
        if [ -n "${PGHOST:-}" ] && [ "$PGHOST" != "localhost" ] && [ "${PGHOST#/}" = "$PGHOST" ]; then
            die "PostgreSQL at PGHOST=$PGHOST is not reachable; unset PGHOST to use a local server."
        fi
        say "PostgreSQL: no server reachable, starting the local PostgreSQL 15 cluster"
        if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 main'; then
            as_root pg_createcluster 15 main
        fi
        as_root pg_ctlcluster 15 main start || true
        local tries=0
        until pg_isready -q; do
            tries=$((tries + 1))
            [ "$tries" -lt 30 ] || die "PostgreSQL did not start; see /var/log/postgresql/"
            sleep 1
        done
    fi
    local role="${PGUSER:-$(id -un)}"
    [ "$role" != "postgres" ] || die "Odoo refuses to connect as 'postgres': set PGUSER to another role."
    if psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
        say "PostgreSQL: role '$role' can connect"
    else
        say "PostgreSQL: creating role '$role' (createdb)"
        as_root su postgres -c "createuser --createdb --superuser '$role'" \
            || die "Could not create the PostgreSQL role '$role'."
    fi
}

# --- Python virtual environment ---------------------------------------------

pip_install() {
    # The machine-wide pip configuration may name local indexes that do not
    # exist; pip says so for every package, which hides what matters.
    "$PY" -m pip install -q "$@" 2> >(grep -v 'is ignored: it is neither a file nor a directory' >&2)
}

venv_stamp() {
    cat "$ODOO_SRC/requirements.txt" "$ROOT/setup/requirements.txt" | sha1sum | cut -c1-40
    echo "$ODOO_SRC"
}

ensure_venv() {
    local stamp="$VENV/.mentorship-stamp"
    if [ -x "$PY" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(venv_stamp)" ]; then
        say "Python: $VENV is up to date"
        return
    fi
    say "Python: building $VENV with Odoo from $ODOO_SRC"
    [ -x "$PY" ] || python3 -m venv "$VENV"
    pip_install --upgrade "pip==24.3.1" "setuptools<81" wheel
    say "Python: Odoo's own requirements ($ODOO_SRC/requirements.txt)"
    pip_install -r "$ODOO_SRC/requirements.txt"
    say "Python: Odoo itself (editable, its requirements already pinned above)"
    # compat mode: a plain .pth entry, no import hook Odoo would take for an addons path
    pip_install --no-deps --no-build-isolation --use-pep517 \
        --config-settings editable_mode=compat -e "$ODOO_SRC"
    say "Python: setup/requirements.txt, with Odoo's requirements as constraints"
    pip_install -r "$ROOT/setup/requirements.txt" -c "$ODOO_SRC/requirements.txt"
    "$PY" -m pip check || die "pip check found broken requirements in $VENV"
    venv_stamp >"$stamp"
}

oca_addons_dir() {
    "$PY" - <<'EOF'
import importlib.util, pathlib
spec = importlib.util.find_spec("odoo.addons.report_xlsx")
print(pathlib.Path(spec.origin).parent.parent)
EOF
}

# --- Odoo configuration -------------------------------------------------------

db_options() {
    [ -z "${PGHOST:-}" ] || echo "db_host = $PGHOST"
    [ -z "${PGPORT:-}" ] || echo "db_port = $PGPORT"
    [ -z "${PGUSER:-}" ] || echo "db_user = $PGUSER"
    [ -z "${PGPASSWORD:-}" ] || echo "db_password = $PGPASSWORD"
}

write_odoo_config() {
    local oca
    oca="$(oca_addons_dir)"
    cat >"$ODOO_CONF.new" <<EOF
; Generated by setup/lib.sh for this checkout: do not edit, do not commit.
[options]
addons_path = $ROOT,$oca,$ODOO_SRC/addons,$ODOO_SRC/odoo/addons
data_dir = $ROOT/.odoo-data
$(db_options)
http_interface = 127.0.0.1
http_port = ${MENTORSHIP_HTTP_PORT:-8069}
max_cron_threads = 1
EOF
    if cmp -s "$ODOO_CONF.new" "$ODOO_CONF"; then
        rm "$ODOO_CONF.new"
        say "Odoo config: $ODOO_CONF is up to date"
    else
        mv "$ODOO_CONF.new" "$ODOO_CONF"
        say "Odoo config: wrote $ODOO_CONF"
    fi
}

# odoo_bin [COMMAND] OPTIONS...: Odoo with the generated config; COMMAND
# (shell, i18n, ...) must come before the options.
odoo_bin() {
    local command=()
    if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then command=("$1"); shift; fi
    "$PY" "$ODOO_SRC/odoo-bin" "${command[@]}" -c "$ODOO_CONF" "$@"
}

bootstrap() {
    resolve_odoo_src
    ensure_system_packages
    ensure_postgres
    ensure_venv
    write_odoo_config
}
