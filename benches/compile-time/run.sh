#!/usr/bin/env bash
# Compile time of #[form] + #[action] against the same forms written by hand (issue 8).
#
# Generates two crates from the templates beside this script, into $OUT (default
# ${CARGO_TARGET_DIR:-target}/compile-time):
#   ct-formaction: FORMS (50) modules, each a #[form] struct (5 fields, rules), an #[action] with a
#                  bound team, an askama page rendering FormView, and its route;
#   ct-by-hand:    the same forms on axum's Form + the validator derive + an askama template with
#                  the fields, values and errors written out, parsed and checked by hand.
# Both share one target directory ($OUT/target). Dependencies are built first and not timed; then,
# REPS (3) times each, interleaved (REPS=0 only generates and builds):
#   clean:        cargo clean -p <crate>; cargo build   (the crate alone, dependencies kept)
#   incremental:  one form's rule changed (name's max 80 <-> 81 in f1.rs), cargo build
# and prints every time, the medians and formaction's ratio to the hand-written crate (targets:
# at most 1.5x clean, 1.2x incremental). Debug profile (plain `cargo build`), as while developing.
#
# EXPAND=1 also prints how much code each crate is after macro expansion (rustc's
# -Zunpretty=expanded, through RUSTC_BOOTSTRAP=1 on a stable toolchain; a diagnostic only).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benches/compile-time"
FORMS=${FORMS:-50}
REPS=${REPS:-3}
OUT=${OUT:-${CARGO_TARGET_DIR:-$ROOT/target}/compile-time}
TARGET="$OUT/target"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
TARGET="$OUT/target"

generate() { # side
  local side=$1 dir="$OUT/$1" t="$HERE/templates/$1"
  rm -rf "$dir/src" "$dir/templates"
  mkdir -p "$dir/src" "$dir/templates"
  sed "s|@RUNTIME@|$ROOT/runtime|" "$t/Cargo.toml" >"$dir/Cargo.toml"
  # The workspace's lock file, so both crates build the same versions as the workspace does.
  [[ -f "$dir/Cargo.lock" ]] || cp "$ROOT/Cargo.lock" "$dir/Cargo.lock"
  {
    cat "$t/src/lib.rs.head"
    for i in $(seq 1 "$FORMS"); do echo "pub mod f$i;"; done
    echo
    echo "/// Every page and its action."
    echo "pub fn app(store: Store) -> Router {"
    echo "    Router::new()"
    for i in $(seq 1 "$FORMS"); do sed "s/@N@/$i/g" "$t/route.in"; done
    echo "        .with_state(store)"
    echo "}"
  } >"$dir/src/lib.rs"
  for i in $(seq 1 "$FORMS"); do
    sed -e "s/@N@/$i/g" -e "s/@MAX@/80/g" "$t/src/form.rs.in" >"$dir/src/f$i.rs"
    sed "s/@N@/$i/g" "$t/page.html.in" >"$dir/templates/f$i.html"
  done
}

build() { # side; prints seconds
  local start end
  start=$(date +%s.%N)
  CARGO_TARGET_DIR="$TARGET" cargo build -q --manifest-path "$OUT/$1/Cargo.toml" >&2
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}

touch_one_form() { # side: flips name's max in f1.rs between 80 and 81 (a real change, not a touch)
  local file="$OUT/$1/src/f1.rs"
  if grep -q 'max = 80' "$file"; then sed -i 's/max = 80/max = 81/g' "$file"; else sed -i 's/max = 81/max = 80/g' "$file"; fi
}

SIDES=(formaction by-hand)
echo "# generating $FORMS forms per crate into $OUT" >&2
for side in "${SIDES[@]}"; do generate "$side"; done
echo "# building dependencies (not timed)" >&2
for side in "${SIDES[@]}"; do
  CARGO_TARGET_DIR="$TARGET" cargo build -q --manifest-path "$OUT/$side/Cargo.toml" >&2
done

[[ "$REPS" -gt 0 ]] || { echo "# REPS=0: generated and built, nothing timed" >&2; exit 0; }

declare -A TIMES
for rep in $(seq 1 "$REPS"); do
  for side in "${SIDES[@]}"; do
    CARGO_TARGET_DIR="$TARGET" cargo clean -q -p "ct-$side" --manifest-path "$OUT/$side/Cargo.toml" >&2
    t=$(build "$side")
    TIMES[clean_$side]+="$t "
    echo "# clean $side run $rep: ${t}s" >&2
  done
done
for rep in $(seq 1 "$REPS"); do
  for side in "${SIDES[@]}"; do
    touch_one_form "$side"
    t=$(build "$side")
    TIMES[incremental_$side]+="$t "
    echo "# incremental $side run $rep: ${t}s" >&2
  done
done

echo
echo "compile time, $FORMS forms + $FORMS actions + $FORMS pages per crate, debug profile, $REPS runs each (seconds)"
printf '%-12s %-28s %-28s %8s %8s %7s %7s\n' build formaction by_hand fa_med hand_med ratio target
for kind in clean incremental; do
  python3 - "$kind" "${TIMES[${kind}_formaction]}" "${TIMES[${kind}_by-hand]}" <<'EOF'
import statistics, sys
kind, fa, hand = sys.argv[1], [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
mf, mh = statistics.median(fa), statistics.median(hand)
target = {"clean": 1.5, "incremental": 1.2}[kind]
ratio = mf / mh
print(f"{kind:<12} {' '.join(f'{x:.2f}' for x in fa):<28} {' '.join(f'{x:.2f}' for x in hand):<28} "
      f"{mf:8.2f} {mh:8.2f} {ratio:7.2f} {'<= ' + str(target):>7} {'met' if ratio <= target else 'MISSED'}")
EOF
done

if [[ "${EXPAND:-0}" == 1 ]]; then
  echo
  echo "after macro expansion (rustc -Zunpretty=expanded, RUSTC_BOOTSTRAP=1):"
  for side in "${SIDES[@]}"; do
    expanded="$OUT/$side.expanded.rs"
    CARGO_TARGET_DIR="$TARGET" RUSTC_BOOTSTRAP=1 cargo rustc -q --manifest-path "$OUT/$side/Cargo.toml" --lib \
      --profile=check -- -Zunpretty=expanded >"$expanded"
    src_lines=$(cat "$OUT/$side"/src/*.rs | wc -l)
    printf '%-12s source %6s lines   expanded %7s lines %9s bytes  (%s)\n' "$side" "$src_lines" \
      "$(wc -l <"$expanded")" "$(wc -c <"$expanded")" "$expanded"
  done
fi
