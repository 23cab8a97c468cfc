#!/usr/bin/env bash
# Runs every check and test of formaction, on a fresh machine too: formatting, lints, docs, then
# unit, integration, doc and UI tests. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy, warnings denied"
cargo clippy --workspace --all-targets --all-features -- -D warnings

step "rustdoc, warnings denied"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --all-features

step "tests: unit, integration, doc"
cargo test --workspace --all-features
