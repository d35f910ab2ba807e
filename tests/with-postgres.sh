#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server on a loopback port.
#
#   tests/with-postgres.sh .venv/bin/pytest
#
# The server runs as the `postgres` system user (initdb refuses to run as root)
# in a temporary directory it owns, and is stopped and removed afterwards. The
# command sees HOMEWARD_TEST_POSTGRES_URL.
set -euo pipefail

if ! command -v initdb >/dev/null 2>&1; then
    for candidate in /usr/lib/postgresql/*/bin; do
        [ -x "$candidate/initdb" ] && PATH="$candidate:$PATH"
    done
fi
command -v initdb >/dev/null || { echo "PostgreSQL server binaries (initdb, pg_ctl) not found" >&2; exit 1; }

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d /tmp/homeward-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"

cleanup() {
    as_postgres pg_ctl -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT

as_postgres initdb -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
as_postgres pg_ctl -D "$dir/data" -l "$dir/server.log" -w start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

echo "Throwaway PostgreSQL on 127.0.0.1:$port"
export HOMEWARD_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
# For checks that restart the server while the app runs (bench/reliability.py).
export HOMEWARD_TEST_POSTGRES_DATA="$dir/data"
export HOMEWARD_TEST_POSTGRES_BIN="$(dirname "$(command -v pg_ctl)")"
set +e
"$@"
status=$?
set -e
exit $status
