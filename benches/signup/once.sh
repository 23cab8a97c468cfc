#!/usr/bin/env bash
# Once only (issue 19): the valid signup POST through formaction behind the protection layer, three
# ways in one run, on 127.0.0.1:
#   none     each request with a header that claims nothing (the guarantee not used);
#   memory   each request with an `Idempotency-Key` of its own, remembered in memory (the default);
#   sqlite   the same, remembered in a SQLite file (WAL), as instances sharing a database do.
# Each request has a key of its own, so every one claims, runs the action and remembers its answer:
# the cost of the guarantee, not of answering from the store. ROUNDS rounds (default 3), the
# scenarios taking turns (the order reversed every other round); prints each round's requests/s
# and the median, with each scenario's ratio to `none`.
#
# Settings (environment): DURATION (5s per scenario), WARMUP (2s before each), CONNS (32), ROUNDS (3).
# Needs wrk (apt-get install -y wrk). Bounded: every load stops by itself; the two servers are
# started here and stopped by their own PIDs on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-2s}
CONNS=${CONNS:-32}
ROUNDS=${ROUNDS:-3}
command -v wrk >/dev/null || { echo "once.sh needs wrk: apt-get install -y wrk" >&2; exit 1; }
cargo build --release -q -p bench-signup
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/bench-signup"
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

declare -A BASE URL
start() { # name port store
  "$BIN" formaction-once "$2" "$3" >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  BASE[$1]="http://127.0.0.1:$2"
  for _ in $(seq 1 100); do
    curl -s -o /dev/null --max-time 2 "${BASE[$1]}/signup" && break
    sleep 0.1
  done
  local page action sealed
  page=$(curl -s "${BASE[$1]}/signup")
  action=$(printf '%s' "$page" | sed -n 's/.*<form id="sign-up" method="post" action="\([^"]*\)".*/\1/p' | head -1)
  sealed=$(printf '%s' "$page" | sed -n 's/.*name="\$bound" value="\([^"]*\)".*/\1/p' | head -1)
  [[ -n "$action" && -n "$sealed" ]] || { echo "could not read the page of $1" >&2; exit 1; }
  URL[$1]="${BASE[$1]}/signup${action//&amp;/&}"
  printf '%s' "name=Ada+Lovelace&email=ada%40example.com&age=36&%24bound=$sealed" >"$WORK/$1.body"
}
start memory 3221 memory
start sqlite 3222 "sqlite:$WORK/once.db"

load() { # scenario seconds -> requests/s
  local server=$1 keyed=1
  [[ $1 == none ]] && server=memory keyed=0
  local out n secs bad
  out=$(BODY="$(cat "$WORK/$server.body")" CT=application/x-www-form-urlencoded ORIGIN="${BASE[$server]}" \
    KEYED=$keyed wrk -t2 -c "$CONNS" -d "$2" -s benches/signup/once.lua "${URL[$server]}")
  read -r _ n secs _ _ bad <<<"$(printf '%s\n' "$out" | grep '^RESULT')"
  [[ $bad == 0 && $n -gt 0 ]] || { echo "$1: $bad of $n answers not 303" >&2; exit 1; }
  python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):.0f}')" "$n" "$secs"
}

SCENARIOS=(none memory sqlite)
declare -A RESULTS
for round in $(seq 1 "$ROUNDS"); do
  order=("${SCENARIOS[@]}")
  (( round % 2 == 0 )) && order=(sqlite memory none)
  for s in "${order[@]}"; do
    load "$s" "$WARMUP" >/dev/null
    RESULTS[$s]+="$(load "$s" "$DURATION") "
  done
  last() { awk '{ print $NF }' <<<"${RESULTS[$1]}"; }
  echo "round $round: none $(last none), memory $(last memory), sqlite $(last sqlite) requests/s" >&2
done
python3 - "${RESULTS[none]}" "${RESULTS[memory]}" "${RESULTS[sqlite]}" <<'PY'
import statistics, sys
none, memory, sqlite = ([float(x) for x in arg.split()] for arg in sys.argv[1:])
base = statistics.median(none)
print("| valid POST | requests/s, each round | median | vs none |")
print("|---|---|---:|---:|")
for name, values in (("none", none), ("memory", memory), ("sqlite", sqlite)):
    m = statistics.median(values)
    print(f"| {name} | {' / '.join(f'{v:.0f}' for v in values)} | {m:.0f} | {m / base - 1:+.1%} |")
PY
