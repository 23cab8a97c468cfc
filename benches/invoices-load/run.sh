#!/usr/bin/env bash
# The invoices load run on SQLite, then on PostgreSQL (Debian's server, started on 127.0.0.1 in a
# temporary directory and stopped at the end; the package is installed with apt when missing).
#
#   ./benches/invoices-load/run.sh                     # 64 connections, 60 s on each database
#   CONNECTIONS=8 SECONDS_PER_RUN=5 ./benches/invoices-load/run.sh
#
# Each run stops by itself after its seconds (plus at most 30 s for requests in flight) and exits
# non-zero when anything was lost: a 5xx, an unexpected answer, a 303 without its row, a row
# without a 303, a duplicate. The summary at the end has one line per database.
set -euo pipefail
cd "$(dirname "$0")/../.."

connections=${CONNECTIONS:-64}
seconds=${SECONDS_PER_RUN:-60}

. scripts/postgres-loopback.sh
tmp=$(mktemp -d)
cleanup() {
    pg_loopback_stop
    rm -rf "$tmp"
}
trap cleanup EXIT

cargo build --release -q -p bench-invoices-load
bin="${CARGO_TARGET_DIR:-target}/release/bench-invoices-load"

status=0
echo "==> SQLite (WAL), $connections connections, ${seconds}s"
"$bin" --connections "$connections" --seconds "$seconds" --database sqlite | tee "$tmp/sqlite.txt" || status=1

echo
echo "==> PostgreSQL $(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1) on 127.0.0.1, $connections connections, ${seconds}s"
# The server's defaults (fsync and synchronous_commit on), as a deployment would run it.
pg_loopback_start "$tmp" -c max_connections=100
"$bin" --connections "$connections" --seconds "$seconds" --database "$PG_URL" | tee "$tmp/postgres.txt" || status=1

echo
echo "==> summary"
for db in sqlite postgres; do
    f="$tmp/$db.txt"
    [ -f "$f" ] || continue
    printf '%-9s %s req/s | %s | %s | %s | 5xx %s | rows %s, 303 with their row %s, rows without a 303 %s, duplicates %s | %s\n' \
        "$db" \
        "$(awk '$1=="requests_per_s"{print $2}' "$f")" \
        "$(grep '^valid ' "$f" | sed 's/  */ /g')" \
        "$(grep '^invalid ' "$f" | sed 's/  */ /g')" \
        "$(grep '^abandoned ' "$f" | sed 's/  */ /g')" \
        "$(awk '$1=="answers_5xx"{print $2}' "$f")" \
        "$(awk '$1=="rows_stored"{print $2}' "$f")" \
        "$(awk '$1=="303_with_their_row"{print $2}' "$f")" \
        "$(awk '$1=="rows_without_303"{print $2}' "$f")" \
        "$(awk '$1=="duplicate_markers"{print $2}' "$f")" \
        "$(grep -q '^result *ok' "$f" && echo ok || echo FAILED)"
done
exit $status
