#!/usr/bin/env bash
# Instructions per request (callgrind), the three signup routers called in-process (formaction,
# by hand, and by hand with the same guarantees: `guarded`), for a valid and an
# invalid submission and the GET of the page: each scenario runs LOW and HIGH requests under
# callgrind, and (instructions at HIGH - instructions at LOW) / (HIGH - LOW) is one request,
# start-up excluded. Repeatable to within a few instructions. Needs valgrind. `htmx` is the invalid
# submission from htmx (`HX-Request: true`), `invalid-de` the invalid one asked in German
# (`Accept-Language: de`); SCENARIOS="htmx" runs that one alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOW=${LOW:-1000}
HIGH=${HIGH:-3000}
command -v valgrind >/dev/null || { echo "count.sh needs valgrind: apt-get install -y valgrind" >&2; exit 1; }
cargo build --release -q -p bench-signup --example requests
BIN=target/release/examples/requests
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
instructions() { # side scenario count
  valgrind --tool=callgrind --callgrind-out-file="$OUT/$1-$2-$3" "$BIN" "$1" "$2" "$3" 2>&1 |
    awk '/Collected :/{print $NF}'
}
printf '%-9s %12s %12s %12s %9s %9s\n' scenario formaction by_hand guarded fa/hand fa/guarded
for scenario in ${SCENARIOS:-valid invalid invalid-de get htmx}; do
  row=()
  for side in formaction axum guarded; do
    low=$(instructions "$side" "$scenario" "$LOW")
    high=$(instructions "$side" "$scenario" "$HIGH")
    row+=($(( (high - low) / (HIGH - LOW) )))
  done
  printf '%-9s %12s %12s %12s %9.2f %9.2f\n' "$scenario" "${row[0]}" "${row[1]}" "${row[2]}" \
    "$(python3 -c "print(${row[0]}/${row[1]})")" "$(python3 -c "print(${row[0]}/${row[2]})")"
done
