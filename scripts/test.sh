#!/usr/bin/env bash
# Runs every check and test of formaction, on a fresh machine too: formatting, lints, docs, then
# unit, integration, doc and UI tests. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# What the tests need from Debian beyond the Rust toolchain: PostgreSQL (the example app's tests
# start a server on 127.0.0.1). Installed only when missing.
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  step "installing Debian's postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy, warnings denied"
cargo clippy --workspace --all-targets --all-features -- -D warnings

step "rustdoc, warnings denied"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --all-features

step "browser test dependencies: chromium, chromedriver, axe-core (when missing)"
scripts/browser-deps.sh

step "served scripts: each runtime/assets/*.min.js is its source minified by terser today"
scripts/minify-assets.sh --check

step "tests: unit, integration, doc, browser"
cargo test --workspace --all-features

step "two instances behind nginx: forms, bound arguments, flash and key rotation across them"
# The app binary the tests above built (its integration tests need it), so nothing is rebuilt.
INVOICES_BIN="${CARGO_TARGET_DIR:-target}/debug/example-invoices" scripts/test-instances-behind-nginx.sh

step "fuzz targets: each committed corpus replayed, then 10 s of fuzzing per target (a crash fails)"
# cargo-fuzz is installed when missing; the fuzz crate builds in fuzz/target with its own flags.
scripts/fuzz.sh --check 10
