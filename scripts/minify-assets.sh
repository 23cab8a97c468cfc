#!/usr/bin/env bash
# The scripts the runtime serves, minified from their sources with terser (from the npm registry,
# into target/npm-terser, when missing): runtime/assets/<name>.js -> runtime/assets/<name>.min.js.
# The minified files are committed (users build no JavaScript); with `--check` (the test command),
# fails when one is not what its source minifies to today.
set -euo pipefail
cd "$(dirname "$0")/.."

version=5.51.4
terser=target/npm-terser/node_modules/.bin/terser
if ! [ -x "$terser" ] || ! grep -q "\"version\": \"$version\"" target/npm-terser/node_modules/terser/package.json 2>/dev/null; then
    echo "minify-assets: installing terser@$version (npm) into target/npm-terser"
    mkdir -p target/npm-terser
    npm install --no-save --no-audit --no-fund --prefix target/npm-terser "terser@$version" >/dev/null
fi

status=0
for name in enhance htmx-hooks; do
    source=runtime/assets/$name.js
    minified=runtime/assets/$name.min.js
    # Comments go (every line of the sources is ours; nothing to keep), names are mangled.
    fresh=$("$terser" "$source" --ecma 2020 --compress passes=2 --mangle --comments false)
    if [ "${1:-}" = "--check" ]; then
        if [ "$fresh" != "$(cat "$minified")" ]; then
            echo "minify-assets: $minified is not $source minified: run scripts/minify-assets.sh" >&2
            status=1
        fi
    else
        printf '%s\n' "$fresh" >"$minified"
    fi
done
exit $status
