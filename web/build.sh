#!/bin/sh
# Rebuilds dist/ from src/: installs the pinned npm packages (package-lock.json)
# and bundles src/main.js with esbuild. dist/ is committed, so `go build`
# never needs npm; run this (or `go generate ./web`) after changing src/.
#
# OUT names another output folder and SKIP_INSTALL=1 reuses node_modules;
# web_test.go uses both to check that the committed dist/ is up to date.
set -eu
cd "$(dirname "$0")"
OUT="${OUT:-dist}"
if [ "${SKIP_INSTALL:-}" != 1 ]; then
  npm ci --no-audit --no-fund
fi
rm -rf "$OUT"
mkdir -p "$OUT"
npx --no-install esbuild src/main.js --bundle --minify --format=iife --target=es2020 \
  --legal-comments=eof --log-level=warning --outfile="$OUT/app.js"
npx --no-install esbuild src/app.css --minify --log-level=warning --outfile="$OUT/app.css"
cp src/index.html src/favicon.svg "$OUT/"
# The libraries and world-atlas's Natural Earth data are ISC/BSD licensed:
# ship their notices with the bundle.
for p in d3-geo d3-array internmap topojson-client world-atlas; do
  echo "== $p =="
  cat "node_modules/$p/LICENSE"
  echo
done > "$OUT/THIRD_PARTY_LICENSES.txt"
ls -l "$OUT"
