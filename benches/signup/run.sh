#!/usr/bin/env bash
# The signup page six ways, same load, one run (issues 8 and 22), all on 127.0.0.1:
#   nextjs      the Next.js peer (shared/peers/nextjs), built and started where it lives;
#   formaction  benches/signup through #[form] + #[action] (sealed team, origin check, every error);
#   guarded     benches/signup by hand with the same guarantees (origin check, team sealed with
#               aes-gcm-siv), no formaction code;
#   by_hand     benches/signup by hand on axum Form + validator + askama (plain team, no origin check);
#   leptos      benches/peers/leptos: Leptos 0.8, server-side rendering only, a #[server] function
#               and ActionForm on axum; built here with cargo into $TARGET/peers/leptos;
#   sveltekit   benches/peers/sveltekit: SvelteKit form actions with fail() and zod, adapter-node;
#               copied to $TARGET/peers/sveltekit, npm ci and vite build there, run with node.
# Three scenarios each: GET /signup, a valid POST (303) and an invalid POST (Next.js: 200 with the
# errors; Leptos: 302 back to the page with the error in the URL, its way without JavaScript; the
# others 422). Every POST is sent as a browser with JavaScript off sends it (Origin, Referer,
# Accept: text/html). Every answer's status is checked. Prints a table of requests/s, p50
# and p99 with ratios to Next.js and formaction's ratios to the two hand-written servers, each server's
# peak memory (VmHWM from /proc/PID/status, summed over the process and its children if any)
# before the valid scenario and at the end, and the JavaScript a browser downloads to submit the
# form with JavaScript on. Scenario order: GET, invalid, valid (valid last, as it fills the store).
#
# Two cores shared by the servers and the load generator make one run's requests/s move by ±10%,
# so the scenarios run ROUNDS times (default 3), the servers taking turns (the order reversed
# every other round), and the table gives the median of the rounds, formaction's ratio to the
# hand-written server in each round, and each server's CPU time per answered request (user +
# system, from /proc/PID/stat, over the measured seconds): the figure that moves least.
#
# Load generator: oha (cargo install oha --locked), the peer's own choice, with the same flags as
# the peer's bench.sh (-c CONNS -z DURATION, no redirects followed; requests/s = answers / wall time);
# wrk (apt-get install -y wrk) with benches/signup/load.lua when oha is not installed.
#
# Settings (environment): DURATION (10s per scenario), WARMUP (3s before each, not reported),
# CONNS (32), ROUNDS (3), LOADGEN (oha | wrk; default oha when installed, else wrk), PEER (the Next.js app's
# directory; default ../shared/peers/nextjs beside the repository), PEERS (the peers to run, default
# "nextjs leptos sveltekit"), CHECK_ONLY=1 (build, start and check every server's answers, then stop
# before any load). Without the Next.js peer the others still run and the ratios to Next.js are left
# out. Bounded: every load stops by itself; servers are started here and stopped by their own PIDs
# on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-3s}
CONNS=${CONNS:-32}
PEER=${PEER:-$ROOT/../shared/peers/nextjs}
PEERS=${PEERS:-nextjs leptos sveltekit}
wanted() { [[ " $PEERS " == *" $1 "* ]]; }
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
WORK="$TARGET/signup-bench"
mkdir -p "$WORK"
if [[ -z "${LOADGEN:-}" ]]; then
  if command -v oha >/dev/null; then LOADGEN=oha
  elif command -v wrk >/dev/null; then LOADGEN=wrk
  else echo "run.sh needs a load generator: cargo install oha --locked, or apt-get install -y wrk" >&2; exit 1
  fi
fi
command -v python3 >/dev/null || { echo "run.sh needs python3" >&2; exit 1; }

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

wait_ready() { # name url pid
  for _ in $(seq 1 300); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$2" || true)" == 200 ]] && return 0
    kill -0 "$3" 2>/dev/null || { echo "$1 exited before answering" >&2; exit 1; }
    sleep 0.1
  done
  echo "$1 did not answer on $2" >&2
  exit 1
}

# ---- the Rust servers --------------------------------------------------------------------------
cargo build --release -q -p bench-signup
BIN="$TARGET/release/bench-signup"
SERVERS=()
declare -A PID BASE
start_rust() { # name port (the binary calls the hand-written server `axum`, the guarded one `guarded`)
  "$BIN" "$([[ $1 == by_hand ]] && echo axum || echo "$1")" "$2" >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  PID[$1]=$!
  BASE[$1]="http://127.0.0.1:$2"
  wait_ready "$1" "${BASE[$1]}/signup" "${PID[$1]}"
}

# ---- the Next.js peer --------------------------------------------------------------------------
if wanted nextjs && [[ -f "$PEER/package.json" ]]; then
  PEER=$(cd "$PEER" && pwd)
  export NEXT_TELEMETRY_DISABLED=1
  if [[ ! -d "$PEER/node_modules/next" ]]; then
    echo "# npm ci in $PEER" >&2
    # The peer's README: its lock file lacks other platforms' optional packages, so npm ci may
    # refuse; npm install --no-save then installs the locked versions without rewriting anything.
    (cd "$PEER" && { npm ci --no-audit --no-fund >"$WORK/npm.log" 2>&1 \
      || npm install --no-audit --no-fund --no-save >>"$WORK/npm.log" 2>&1; }) \
      || { cat "$WORK/npm.log" >&2; exit 1; }
  fi
  if [[ ! -f "$PEER/.next/BUILD_ID" ]] \
    || [[ -n "$(cd "$PEER" && find app next.config.mjs package-lock.json -newer .next/BUILD_ID -print -quit)" ]]; then
    echo "# next build in $PEER" >&2
    (cd "$PEER" && NODE_ENV=production node node_modules/next/dist/bin/next build >"$WORK/next-build.log" 2>&1) \
      || { cat "$WORK/next-build.log" >&2; exit 1; }
  fi
  if curl -s -o /dev/null --max-time 1 http://127.0.0.1:3100/; then
    echo "something already listens on 127.0.0.1:3100; not starting Next.js over it" >&2
    exit 1
  fi
  # Started directly (no subshell), so $! is the node process itself.
  NODE_ENV=production node "$PEER/node_modules/next/dist/bin/next" start "$PEER" -H 127.0.0.1 -p 3100 \
    >"$WORK/nextjs.log" 2>&1 &
  PIDS+=($!)
  PID[nextjs]=$!
  BASE[nextjs]=http://127.0.0.1:3100
  wait_ready nextjs "${BASE[nextjs]}/signup" "${PID[nextjs]}"
  SERVERS+=(nextjs)
elif wanted nextjs; then
  echo "# no Next.js peer at $PEER: running the others only (no ratios to Next.js)" >&2
fi
start_rust formaction 3201
start_rust by_hand 3202
start_rust guarded 3203
SERVERS+=(formaction guarded by_hand)

# ---- the Leptos peer (benches/peers/leptos: its own cargo project, not in the workspace) -------
if wanted leptos; then
  echo "# cargo build --release in benches/peers/leptos" >&2
  CARGO_TARGET_DIR="$TARGET/peers/leptos" cargo build --release -q --manifest-path benches/peers/leptos/Cargo.toml
  "$TARGET/peers/leptos/release/peer-leptos" 3300 >"$WORK/leptos.log" 2>&1 &
  PIDS+=($!)
  PID[leptos]=$!
  BASE[leptos]=http://127.0.0.1:3300
  wait_ready leptos "${BASE[leptos]}/signup" "${PID[leptos]}"
  SERVERS+=(leptos)
fi

# ---- the SvelteKit peer (benches/peers/sveltekit, built outside the source tree) ---------------
if wanted sveltekit; then
  SK="$TARGET/peers/sveltekit"
  mkdir -p "$SK"
  # Timestamps kept, so that an unchanged source does not rebuild.
  cp -a benches/peers/sveltekit/. "$SK/"
  if [[ ! -d "$SK/node_modules/@sveltejs/kit" ]] || [[ "$SK/package-lock.json" -nt "$SK/node_modules/.package-lock.json" ]]; then
    echo "# npm ci in $SK" >&2
    (cd "$SK" && npm ci --no-audit --no-fund >"$WORK/sveltekit-npm.log" 2>&1) || { cat "$WORK/sveltekit-npm.log" >&2; exit 1; }
  fi
  if [[ ! -f "$SK/build/index.js" ]] \
    || [[ -n "$(cd "$SK" && find src svelte.config.js vite.config.js package-lock.json -newer build/index.js -print -quit)" ]]; then
    echo "# vite build in $SK" >&2
    (cd "$SK" && NODE_ENV=production node node_modules/vite/bin/vite.js build >"$WORK/sveltekit-build.log" 2>&1) \
      || { cat "$WORK/sveltekit-build.log" >&2; exit 1; }
  fi
  # ORIGIN: adapter-node's own origin, which its CSRF check compares each form post's Origin with.
  HOST=127.0.0.1 PORT=3400 ORIGIN=http://127.0.0.1:3400 NODE_ENV=production node "$SK/build" \
    >"$WORK/sveltekit.log" 2>&1 &
  PIDS+=($!)
  PID[sveltekit]=$!
  BASE[sveltekit]=http://127.0.0.1:3400
  wait_ready sveltekit "${BASE[sveltekit]}/signup" "${PID[sveltekit]}"
  SERVERS+=(sveltekit)
fi

# ---- the requests ------------------------------------------------------------------------------
# The same values everywhere: valid Ada Lovelace / ada@example.com / 36; invalid an empty name, a bad
# email and age 7 (all three fields wrong).
VALID="name=Ada+Lovelace&email=ada%40example.com&age=36"
INVALID="name=&email=not-an-email&age=7"
declare -A URL CT EXPECT_VALID EXPECT_INVALID
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

if [[ -n "${PID[nextjs]:-}" ]]; then
  # The peer's own helper reads the live form's hidden fields (action id and key are per build) and
  # writes the multipart bodies a browser with JavaScript off sends.
  node "$PEER/make-bodies.mjs" "${BASE[nextjs]}" "$WORK/nextjs" >/dev/null
  URL[nextjs]="${BASE[nextjs]}/signup"
  CT[nextjs]="multipart/form-data; boundary=$(cat "$WORK/nextjs/boundary")"
  cp "$WORK/nextjs/valid.body" "$WORK/nextjs_valid.body"
  cp "$WORK/nextjs/invalid.body" "$WORK/nextjs_invalid.body"
  EXPECT_VALID[nextjs]=303
  EXPECT_INVALID[nextjs]=200
fi

page=$(curl -s "${BASE[formaction]}/signup")
action=$(printf '%s' "$page" | sed -n 's/.*<form id="sign-up" method="post" action="\([^"]*\)".*/\1/p' | head -1)
sealed=$(printf '%s' "$page" | sed -n 's/.*name="\$bound" value="\([^"]*\)".*/\1/p' | head -1)
[[ -n "$action" && -n "$sealed" ]] || { echo "could not read the formaction page" >&2; exit 1; }
URL[formaction]="${BASE[formaction]}/signup${action//&amp;/&}"
CT[formaction]=application/x-www-form-urlencoded
printf '%s' "$VALID&%24bound=$(urlencode "$sealed")" >"$WORK/formaction_valid.body"
printf '%s' "$INVALID&%24bound=$(urlencode "$sealed")" >"$WORK/formaction_invalid.body"
EXPECT_VALID[formaction]=303
EXPECT_INVALID[formaction]=422

# The plain hidden team (by hand, Leptos, SvelteKit: none of them seals it) and the guarded side's
# sealed one, read from its page.
plain() { # server url valid invalid
  URL[$1]=$2
  CT[$1]=application/x-www-form-urlencoded
  printf '%s' "$VALID&team=$3" >"$WORK/${1}_valid.body"
  printf '%s' "$INVALID&team=$3" >"$WORK/${1}_invalid.body"
  EXPECT_VALID[$1]=303
  EXPECT_INVALID[$1]=$4
}
plain by_hand "${BASE[by_hand]}/signup" team-42 422
sealed_team=$(curl -s "${BASE[guarded]}/signup" | sed -n 's/.*name="team" value="\([^"]*\)".*/\1/p' | head -1)
[[ -n "$sealed_team" ]] || { echo "could not read the guarded page" >&2; exit 1; }
plain guarded "${BASE[guarded]}/signup" "$(urlencode "$sealed_team")" 422
# Leptos: the form posts to the server function; without JavaScript an error is a 302 back to the
# page (the Referer) with the error in its URL, and the page shows it.
[[ -n "${PID[leptos]:-}" ]] && plain leptos "${BASE[leptos]}/api/sign_up" team-42 302
[[ -n "${PID[sveltekit]:-}" ]] && plain sveltekit "${BASE[sveltekit]}/signup" team-42 422

# What a browser with JavaScript off sends with a form post of the page.
post_headers() { # server -> one header per line
  printf 'Origin: %s\nReferer: %s/signup\nAccept: text/html,application/xhtml+xml\n' "${BASE[$1]}" "${BASE[$1]}"
}

# Checks, before any load: one request of each kind answers as expected, the invalid answer (or the
# page it redirects to) shows the errors and keeps every value, a post from another site is refused
# where the server promises it (a plain 303 by hand and on Leptos, which have no such check).
for s in "${SERVERS[@]}"; do
  mapfile -t hdrs < <(post_headers "$s")
  curl_args=()
  for h in "${hdrs[@]}"; do curl_args+=(-H "$h"); done
  for kind in valid invalid; do
    [[ $kind == valid ]] && want=${EXPECT_VALID[$s]} || want=${EXPECT_INVALID[$s]}
    got=$(curl -s -o "$WORK/${s}_$kind.answer" -D "$WORK/${s}_$kind.head" -w '%{http_code}' "${curl_args[@]}" \
      -H "Content-Type: ${CT[$s]}" --data-binary @"$WORK/${s}_$kind.body" "${URL[$s]}")
    [[ "$got" == "$want" ]] || { echo "check: $s $kind answered $got, expected $want" >&2; exit 1; }
  done
  grep -qi '^location: /signup/done' "$WORK/${s}_valid.head" \
    || { echo "check: $s's valid answer does not go to /signup/done" >&2; exit 1; }
  page="$WORK/${s}_invalid.answer"
  if [[ ${EXPECT_INVALID[$s]} == 30? ]]; then
    location=$(sed -n 's/^[Ll]ocation: *\([^\r]*\).*/\1/p' "$WORK/${s}_invalid.head" | tr -d '\r')
    [[ $location == http* ]] || location="${BASE[$s]}$location"
    curl -s -o "$WORK/${s}_invalid.page" "$location"
    page="$WORK/${s}_invalid.page"
  fi
  grep -qi 'email' "$page" || { echo "check: $s's invalid answer shows no errors" >&2; exit 1; }
  grep -q 'not-an-email' "$page" || { echo "check: $s's invalid answer does not keep the values" >&2; exit 1; }
  cross=$(curl -s -o /dev/null -w '%{http_code}' -H "Origin: http://evil.example" -H "Accept: text/html" \
    -H "Content-Type: ${CT[$s]}" --data-binary @"$WORK/${s}_valid.body" "${URL[$s]}")
  echo "# check: $s: GET 200, valid ${EXPECT_VALID[$s]}, invalid ${EXPECT_INVALID[$s]} with errors and values kept; from another site: $cross" >&2
done
if [[ -n "${CHECK_ONLY:-}" ]]; then
  echo "# CHECK_ONLY: every server answered as expected; no load run" >&2
  exit 0
fi

# ---- the load ----------------------------------------------------------------------------------

# load <server> <scenario> <seconds-spec> -> "requests/s p50_ms p99_ms answers" (requests/s:
# completed answers over the wall time); fails when any answer has another status than expected.
load() {
  local s=$1 scenario=$2 dur=$3 method=GET body="" expect=200 url="${BASE[$1]}/signup"
  if [[ $scenario != get ]]; then
    method=POST body="$WORK/${s}_$scenario.body" url=${URL[$s]}
    [[ $scenario == valid ]] && expect=${EXPECT_VALID[$s]} || expect=${EXPECT_INVALID[$s]}
  fi
  if [[ $LOADGEN == oha ]]; then
    local args=(-z "$dur" -c "$CONNS" -w --no-tui --redirect 0 --output-format json -m "$method")
    if [[ -n $body ]]; then
      args+=(-T "${CT[$s]}" -D "$body")
      while IFS= read -r h; do args+=(-H "$h"); done < <(post_headers "$s")
    fi
    oha "${args[@]}" "$url" >"$WORK/$s-$scenario.json"
    python3 - "$WORK/$s-$scenario.json" "$expect" "$s $scenario" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
codes = d.get("statusCodeDistribution") or {}
n = sum(codes.values())
bad = n - codes.get(sys.argv[2], 0)
if bad or n == 0:
    sys.exit(f"{sys.argv[3]}: {bad} of {n} answers not {sys.argv[2]}: {codes} {d.get('errorDistribution')}")
p = d["latencyPercentiles"]
print(f"{n / d['summary']['total']:.1f} {p['p50'] * 1000:.3f} {p['p99'] * 1000:.3f} {n}")
EOF
  else
    local out
    out=$(METHOD=$method BODY_FILE=$body CT="${CT[$s]:-}" ORIGIN="${BASE[$s]}" REFERER="${BASE[$s]}/signup" EXPECT=$expect \
      wrk -t2 -c "$CONNS" -d "$dur" -s benches/signup/load.lua "$url")
    read -r _ n secs p50 p99 bad <<<"$(printf '%s\n' "$out" | grep '^RESULT')"
    [[ $bad == 0 && $n -gt 0 ]] || { echo "$s $scenario: $bad of $n answers not $expect" >&2; exit 1; }
    python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):.1f} {sys.argv[3]} {sys.argv[4]} {sys.argv[1]}')" \
      "$n" "$secs" "$p50" "$p99"
  fi
}

# Peak resident memory of a process and its descendants, in KiB (VmHWM of each, summed: an upper
# bound when the children peak at different times).
peak_kb() {
  python3 - "$1" <<'EOF'
import os, sys
def children(pid):
    out = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            out += [int(c) for c in open(f"/proc/{pid}/task/{task}/children").read().split()]
        except OSError:
            pass
    return out
todo, total, seen = [int(sys.argv[1])], 0, []
while todo:
    pid = todo.pop()
    try:
        status = open(f"/proc/{pid}/status").read()
    except OSError:
        continue
    total += int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM")))
    seen.append(pid)
    todo += children(pid)
print(total, len(seen))
EOF
}

# CPU time (user + system, clock ticks) of a process and its descendants so far.
cpu_ticks() {
  python3 - "$1" <<'EOF'
import os, sys
todo, total = [int(sys.argv[1])], 0
while todo:
    pid = todo.pop()
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    total += int(fields[11]) + int(fields[12])  # utime, stime
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            todo += [int(c) for c in open(f"/proc/{pid}/task/{task}/children").read().split()]
        except OSError:
            pass
print(total)
EOF
}
TICK=$(getconf CLK_TCK)

echo "# loadgen=$LOADGEN ($($LOADGEN --version 2>&1 | head -1)) connections=$CONNS duration=$DURATION warmup=$WARMUP rounds=$ROUNDS servers=${SERVERS[*]}" >&2
RESULTS="$WORK/results.txt"
: >"$RESULTS"
# Valid submissions last: each one stores a record in memory, so the peak memory before them is the
# server's own, and the peak after them includes the records (as many as the server managed to store).
for round in $(seq 1 "$ROUNDS"); do
  order=("${SERVERS[@]}")
  if (( round % 2 == 0 )); then # every other round the other way round
    order=()
    for (( i = ${#SERVERS[@]} - 1; i >= 0; i-- )); do order+=("${SERVERS[i]}"); done
  fi
  for scenario in get invalid valid; do
    if [[ $scenario == valid && $round == 1 ]]; then
      for s in "${SERVERS[@]}"; do
        read -r kb procs <<<"$(peak_kb "${PID[$s]}")"
        echo "$s peak_before_valid $kb $procs" >>"$RESULTS"
      done
    fi
    for s in "${order[@]}"; do
      if [[ $WARMUP != 0 ]]; then load "$s" "$scenario" "$WARMUP" >/dev/null; fi
      before=$(cpu_ticks "${PID[$s]}")
      line=$(load "$s" "$scenario" "$DURATION")
      after=$(cpu_ticks "${PID[$s]}")
      read -r rps p50 p99 n <<<"$line"
      cpu=$(python3 -c "print(f'{($after - $before) / $TICK * 1e6 / $n:.2f}')")
      echo "# round $round $s $scenario: $rps req/s, p50 $p50 ms, p99 $p99 ms, $cpu us CPU per answer" >&2
      echo "$s $scenario $round $rps $p50 $p99 $cpu" >>"$RESULTS"
    done
  done
done
for s in "${SERVERS[@]}"; do
  read -r kb procs <<<"$(peak_kb "${PID[$s]}")"
  stored=$(curl -s "${BASE[$s]}/signup/done" | sed -n 's/.*<p id="count">\([0-9]*\)<.*/\1/p')
  echo "$s peak $kb $procs ${stored:-0}" >>"$RESULTS"
done

# ---- client weight: JavaScript downloaded to submit the form with JavaScript on ----------------
# Each script's bytes as served without compression and as served with `Accept-Encoding: gzip, br`
# (the body's size on the wire); inline <script> bytes in the page are counted apart. Modules an
# inline script imports (SvelteKit's entry points) are followed through their static imports, with
# the route's own nodes (SvelteKit's `node_ids`), as a browser loads them.
weigh() { # server page-url
  local html="$WORK/$1-page.html"
  curl -s "$2" >"$html"
  python3 - "$html" "${BASE[$1]}" "$1" <<'EOF'
import re, subprocess, sys
html = open(sys.argv[1], encoding="utf-8").read()
base, name = sys.argv[2], sys.argv[3]
def size(url, encoding):
    out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-H", f"Accept-Encoding: {encoding}",
                          "-w", "%{size_download} %{http_code}", url], capture_output=True, text=True).stdout.split()
    assert out[1] == "200", f"{url}: {out[1]}"
    return int(out[0])
# A browser with modules skips `nomodule` scripts (legacy polyfills), so they are not counted.
srcs = [src for tag, src in re.findall(r'(<script[^>]*\ssrc="([^"]+)"[^>]*>)', html) if "nomodule" not in tag.lower()]
inline = sum(len(m.encode()) for m in re.findall(r'<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>', html, re.S))
import gzip, posixpath, urllib.request
def fetch(url):
    return urllib.request.urlopen(url).read().decode("utf-8", "replace")
def resolve(src, relative_to):
    if src.startswith("/"):
        return src
    return posixpath.normpath(posixpath.join(posixpath.dirname(relative_to), src))
inline_code = " ".join(re.findall(r'<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>', html, re.S))
node_ids = {int(n) for n in re.findall(r"\d+", (re.search(r"node_ids:\s*\[([^\]]*)\]", inline_code) or [None, ""])[1])}
todo = [resolve(m, "/signup") for m in re.findall(r'import\(\s*["\']([^"\']+\.js)["\']\s*\)', inline_code)]
modules = []
while todo:
    path = todo.pop()
    if path in modules:
        continue
    modules.append(path)
    code = fetch(base + path)
    imports = re.findall(r'(?:\bfrom|\bimport)\s*["\']([^"\']+\.js)["\']', code)
    # The route's nodes, which the client router imports for the page being shown.
    for node, number in set(re.findall(r'["\']([^"\']*/nodes/(\d+)\.[^"\']*\.js)["\']', code)):
        if int(number) in node_ids:
            imports.append(node)
    todo += [resolve(i, path) for i in imports]
srcs += modules
raw = sum(size(base + s, "identity") for s in srcs)
wire = sum(size(base + s, "gzip, br") for s in srcs)
gz = sum(len(gzip.compress(urllib.request.urlopen(base + s).read(), 9)) for s in srcs)
print(f"{name} {len(srcs)} {raw} {wire} {gz} {inline}")
EOF
}
WEIGHTS="$WORK/weights.txt"
: >"$WEIGHTS"
[[ -n "${PID[nextjs]:-}" ]] && weigh nextjs "${BASE[nextjs]}/signup" >>"$WEIGHTS"
weigh formaction "${BASE[formaction]}/signup" >>"$WEIGHTS"
for s in leptos sveltekit; do
  [[ -n "${PID[$s]:-}" ]] && weigh "$s" "${BASE[$s]}/signup" >>"$WEIGHTS"
done

# ---- the table ---------------------------------------------------------------------------------
python3 - "$RESULTS" "$WEIGHTS" <<'EOF'
import statistics, sys
rows, peak, before, rounds = {}, {}, {}, {}
for line in open(sys.argv[1]):
    f = line.split()
    if f[1] == "peak_before_valid":
        before[f[0]] = int(f[2])
    elif f[1] == "peak":
        peak[f[0]] = (int(f[2]), int(f[3]), int(f[4]))
    else:
        rounds.setdefault((f[0], f[1]), {})[int(f[2])] = tuple(map(float, f[3:7]))
# Each figure is the median over the rounds.
for key, by_round in rounds.items():
    rows[key] = tuple(statistics.median(r[i] for r in by_round.values()) for i in range(4))
servers = [s for s in ("nextjs", "formaction", "guarded", "by_hand", "leptos", "sveltekit") if (s, "get") in rows]
has_next = "nextjs" in servers
def ratio(a, b): return f"{a / b:.2f}" if b else "-"
def vs_next(a, b):  # 1,234x for more, 1/57 for less
    if not b: return "-"
    r = a / b
    return f"{r:,.0f}x" if r >= 10 else f"{r:.2f}x" if r >= 1 else f"1/{1 / r:.1f}" if r > 0.1 else f"1/{1 / r:,.0f}"
n_rounds = max(len(r) for r in rounds.values())
print()
print(f"medians of {n_rounds} round(s); CPU: the server's user + system time per answered request")
print(f"{'scenario':<9} {'server':<11} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'CPU us':>8}"
      f" {'req/s vs Next':>14} {'p50 vs Next':>12} {'p99 vs Next':>12} {'req/s fa/hand':>14} {'CPU fa/hand':>12}"
      f" {'req/s fa/guarded':>17} {'CPU fa/guarded':>15}")
for scenario in ("get", "invalid", "valid"):
    for s in servers:
        rps, p50, p99, cpu = rows[(s, scenario)]
        nx = rows.get(("nextjs", scenario))
        vs = [vs_next(rps, nx[0]), vs_next(p50, nx[1]), vs_next(p99, nx[2])] if nx and s != "nextjs" else ["", "", ""]
        fh = ratio(rps, rows[("by_hand", scenario)][0]) if s == "formaction" else ""
        fc = ratio(cpu, rows[("by_hand", scenario)][3]) if s == "formaction" else ""
        gh = ratio(rps, rows[("guarded", scenario)][0]) if s == "formaction" else ""
        gc = ratio(cpu, rows[("guarded", scenario)][3]) if s == "formaction" else ""
        print(f"{scenario:<9} {s:<11} {rps:>10.0f} {p50:>8.2f} {p99:>8.2f} {cpu:>8.2f} {vs[0]:>14} {vs[1]:>12} {vs[2]:>12} {fh:>14} {fc:>12} {gh:>17} {gc:>15}")
if "leptos" in servers:
    print("leptos invalid: the 302 back to the page alone (the errors travel in its URL; a browser then GETs that page)")
print()
for other, label in (("by_hand", "by hand"), ("guarded", "by hand with the same guarantees")):
    print(f"formaction / {label}, requests/s and CPU per answer, round by round (the servers took turns within each round):")
    for scenario in ("get", "invalid", "valid"):
        fa, hand = rounds[("formaction", scenario)], rounds[(other, scenario)]
        each = [fa[r][0] / hand[r][0] for r in sorted(fa) if r in hand]
        cpu = [fa[r][3] / hand[r][3] for r in sorted(fa) if r in hand and hand[r][3]]
        print(f"  {scenario:<8} req/s " + "  ".join(f"{x:.2f}" for x in each) + f"   median {statistics.median(each):.2f}"
              + "   CPU " + "  ".join(f"{x:.2f}" for x in cpu) + (f"   median {statistics.median(cpu):.2f}" if cpu else ""))
print()
print("peak RSS (VmHWM, MiB): before the valid scenario (GET and invalid POST only, nothing stored),")
print("and at the end (including every record the valid scenario stored in memory)")
print(f"{'server':<11} {'processes':>10} {'before valid':>13} {'vs Next':>8} {'fa/hand':>8} {'fa/guarded':>11} {'at the end':>11} {'vs Next':>8} {'fa/hand':>8} {'records stored':>15}")
for s in servers:
    kb, n, stored = peak[s]
    b = before[s]
    vb = vs_next(b, before["nextjs"]) if has_next and s != "nextjs" else ""
    fb = ratio(b, before["by_hand"]) if s == "formaction" else ""
    fg = ratio(b, before["guarded"]) if s == "formaction" else ""
    ve = vs_next(kb, peak["nextjs"][0]) if has_next and s != "nextjs" else ""
    fe = ratio(kb, peak["by_hand"][0]) if s == "formaction" else ""
    print(f"{s:<11} {n:>10} {b / 1024:>13.1f} {vb:>8} {fb:>8} {fg:>11} {kb / 1024:>11.1f} {ve:>8} {fe:>8} {stored:>15}")
print()
print("JavaScript downloaded to submit the form with JavaScript on (bytes):")
print(f"{'server':<11} {'scripts':>8} {'as served, identity':>20} {'as served, gzip/br':>19} {'gzip -9':>8} {'inline <script> in page':>24}")
for line in open(sys.argv[2]):
    name, n, raw, wire, gz, inline = line.split()
    print(f"{name:<11} {n:>8} {raw:>20} {wire:>19} {gz:>8} {inline:>24}")
print("formaction with JavaScript off: 0 bytes (a plain form post; the page works without the script);")
print("leptos: server-side rendering only, no WebAssembly build, so no script (ActionForm posts as a plain form)")
EOF
