#!/usr/bin/env bash
# Fuzzes formaction's decoders, coercion, name parsing and sealing with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh [--check] [SECONDS_PER_TARGET] [TARGET...]
#
# Runs each target (default: all of them) for SECONDS_PER_TARGET seconds (default 60), growing its
# corpus in fuzz/corpus/<target>, then minimises the corpus (`cargo fuzz cmin`) so what is kept
# stays small. A crash stops the script with the input libFuzzer saved in fuzz/artifacts/<target>/;
# replay it with `RUSTC_BOOTSTRAP=1 cargo fuzz run <target> fuzz/artifacts/<target>/crash-...`,
# then fix it and pin it with a regular test.
#
# The machine only needs a stable toolchain: RUSTC_BOOTSTRAP=1 lets it take the nightly-only
# flags cargo-fuzz passes (sanitizer coverage, AddressSanitizer). cargo-fuzz is installed when
# missing. The fuzz crate is its own workspace, built in fuzz/target.
set -euo pipefail
cd "$(dirname "$0")/.."

# `--check`: what scripts/test.sh runs. Every target replays its corpus once (`-runs=0`), then
# fuzzes for SECONDS (default 10) writing new inputs to a scratch directory, so the committed
# corpus is left as it is. Any crash fails the run.
check=0
if [ "${1:-}" = "--check" ]; then
  check=1
  shift
fi
seconds="${1:-$([ "$check" = 1 ] && echo 10 || echo 60)}"
shift || true
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  targets=(urlencoded multipart coerce names seal json email)
fi

export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="$PWD/fuzz/target"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# `-a`: debug assertions on, so an integer overflow is a crash, as in the test build. The check
# builds without optimisations (`--dev`, debug assertions included): it runs for seconds, so a
# build several times faster matters more than the speed of each execution.
if [ "$check" = 1 ]; then
  build=(--dev)
else
  build=(-a)
fi
cargo fuzz build "${build[@]}"

log="$(mktemp)"
scratch="$(mktemp -d)"
trap 'rm -rf "$log" "$scratch"' EXIT

# Runs libFuzzer on TARGET with the rest as its arguments; on a crash, shows why and stops.
fuzz() {
  local target="$1" status=0
  shift
  # A single input that takes 30 s is a hang: libFuzzer reports it as a failure.
  cargo fuzz run "${build[@]}" "$target" "$@" -timeout=30 >"$log" 2>&1 || status=$?
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "==> FUZZ TARGET $target CRASHED (exit $status); the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
}

if [ "$check" = 1 ]; then
  for target in "${targets[@]}"; do
    corpus="fuzz/corpus/$target"
    printf '\n==> %s: the corpus (%s files) once, then %s s\n' "$target" "$(ls "$corpus" | wc -l)" "$seconds"
    fuzz "$target" "$corpus" -- -runs=0
    mkdir -p "$scratch/$target"
    fuzz "$target" "$scratch/$target" "$corpus" -- -max_total_time="$seconds" -print_final_stats=1
  done
  exit 0
fi
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  printf '\n==> %s: fuzzing for %s s (corpus: %s files)\n' "$target" "$seconds" "$(ls "$corpus" | wc -l)"
  # Inputs of at most 1 KiB: enough for every shape the targets take, and the corpus stays small.
  fuzz "$target" "$corpus" -- -max_total_time="$seconds" -max_len=1024 -print_final_stats=1
  printf '==> %s: minimising the corpus\n' "$target"
  cargo fuzz cmin "${build[@]}" "$target" "$corpus" -- -max_len=1024 >"$log" 2>&1 \
    || { tail -n 30 "$log" >&2; exit 1; }
  printf '==> %s: %s files, %s bytes\n' "$target" "$(ls "$corpus" | wc -l)" "$(cat "$corpus"/* | wc -c)"
done
