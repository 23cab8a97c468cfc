#!/usr/bin/env bash
# Load run on 127.0.0.1: the signup form through formaction's #[action] and through the same
# handler written by hand (axum Form + validator + askama), same load, one run. Prints requests/s,
# p50 and p99 for a valid and an invalid submission, and formaction's ratio to the hand-written one.
#
# Bounded: each scenario runs DURATION (default 10s) after a WARMUP (2s); servers are started here
# and stopped by their own PIDs. Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
command -v wrk >/dev/null || { echo "run.sh needs wrk: apt-get install -y wrk" >&2; exit 1; }

cargo build --release -q -p bench-signup
BIN=target/release/bench-signup
LUA=benches/signup/post.lua
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

start() { # name port
  "$BIN" "$1" "$2" >/dev/null 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$2/signup" && return 0
    sleep 0.05
  done
  echo "$1 did not start" >&2; exit 1
}

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

start formaction 3201
start axum 3202
FA=http://127.0.0.1:3201
AX=http://127.0.0.1:3202
page=$(curl -s "$FA/signup")
action=$(printf '%s' "$page" | sed -n 's/.*<form id="sign-up" method="post" action="\([^"]*\)".*/\1/p' | head -1)
sealed=$(printf '%s' "$page" | sed -n 's/.*name="\$bound" value="\([^"]*\)".*/\1/p' | head -1)
[[ -n "$action" && -n "$sealed" ]] || { echo "could not read the formaction page" >&2; exit 1; }
bound="%24bound=$(urlencode "$sealed")"
fa_url="$FA/signup$action"
valid="name=Ada+Lovelace&email=ada%40example.com&age=36"
invalid="name=&email=not-an-email&age=12"

check() { # url body expected origin
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' -H "Origin: $4" -H 'Content-Type: application/x-www-form-urlencoded' --data "$2" "$1")
  [[ "$got" == "$3" ]] || { echo "sanity check failed: $1 answered $got, expected $3" >&2; exit 1; }
}
check "$fa_url" "$valid&$bound" 303 "$FA"
check "$fa_url" "$invalid&$bound" 422 "$FA"
check "$AX/signup" "$valid&team=team-42" 303 "$AX"
check "$AX/signup" "$invalid&team=team-42" 422 "$AX"

measure() { # label url body expected origin
  [[ "$WARMUP" != 0 ]] && BODY="$3" EXPECT="$4" ORIGIN="$5" wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s "$LUA" "$2" >/dev/null
  local out
  out=$(BODY="$3" EXPECT="$4" ORIGIN="$5" wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s "$LUA" "$2")
  local rps p50 p99 bad
  rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec/{print $2}')
  p50=$(printf '%s\n' "$out" | awk '$1=="50%"{print $2}')
  p99=$(printf '%s\n' "$out" | awk '$1=="99%"{print $2}')
  bad=$(printf '%s\n' "$out" | awk '/^unexpected_statuses/{print $2}')
  [[ "$bad" == 0 ]] || { echo "$1: $bad answers with an unexpected status" >&2; printf '%s\n' "$out" >&2; exit 1; }
  echo "$1 $rps $p50 $p99"
}

to_ms() { # wrk prints 1.23ms / 456.00us / 1.01s
  python3 -c 'import sys,re; v=sys.argv[1]; n=float(re.match(r"[0-9.]+",v).group()); u=v[len(re.match(r"[0-9.]+",v).group()):]; print(round(n*{"us":0.001,"ms":1,"s":1000}[u],3))' "$1"
}

results=()
results+=("$(measure formaction_valid "$fa_url" "$valid&$bound" 303 "$FA")")
results+=("$(measure axum_valid "$AX/signup" "$valid&team=team-42" 303 "$AX")")
results+=("$(measure formaction_invalid "$fa_url" "$invalid&$bound" 422 "$FA")")
results+=("$(measure axum_invalid "$AX/signup" "$invalid&team=team-42" 422 "$AX")")

echo
printf '%-20s %12s %10s %10s\n' scenario requests/s p50_ms p99_ms
for line in "${results[@]}"; do
  read -r name rps p50 p99 <<<"$line"
  printf '%-20s %12s %10s %10s\n' "$name" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")"
done
echo
for scenario in valid invalid; do
  fa=$(printf '%s\n' "${results[@]}" | awk -v s="formaction_$scenario" '$1==s{print $2}')
  ax=$(printf '%s\n' "${results[@]}" | awk -v s="axum_$scenario" '$1==s{print $2}')
  python3 -c "import sys; print(f'{sys.argv[1]:8s} formaction / hand-written requests/s = {float(sys.argv[2])/float(sys.argv[3]):.3f}')" "$scenario" "$fa" "$ax"
done
