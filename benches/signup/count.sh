#!/usr/bin/env bash
# Instructions per request (callgrind), both signup routers called in-process, for a valid and an
# invalid submission and the GET of the page: each scenario runs LOW and HIGH requests under
# callgrind, and (instructions at HIGH - instructions at LOW) / (HIGH - LOW) is one request,
# start-up excluded. Repeatable to within a few instructions. Needs valgrind. `htmx` is the invalid
# submission from htmx (`HX-Request: true`); SCENARIOS="htmx" runs that one alone.
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
printf '%-9s %12s %12s %7s\n' scenario formaction by_hand ratio
for scenario in ${SCENARIOS:-valid invalid get htmx}; do
  row=()
  for side in formaction axum; do
    low=$(instructions "$side" "$scenario" "$LOW")
    high=$(instructions "$side" "$scenario" "$HIGH")
    row+=($(( (high - low) / (HIGH - LOW) )))
  done
  printf '%-9s %12s %12s %7.2f\n' "$scenario" "${row[0]}" "${row[1]}" "$(python3 -c "print(${row[0]}/${row[1]})")"
done
