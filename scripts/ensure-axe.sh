#!/usr/bin/env bash
# axe-core for the accessibility tests, from the npm registry into build/axe (git-ignored).
# The Python package that runs axe bundles an older axe-core; the tests inject this one instead, so the
# rules are the current WCAG 2.2 A/AA set. Nothing is fetched at test time: this runs in `make test`'s
# set-up, and the tests fail with a sentence naming this script when the file is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="4.14.1"
DEST="build/axe"
FILE="$DEST/node_modules/axe-core/axe.min.js"
if [ -f "$FILE" ] && grep -q "axe v$VERSION" "$FILE"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing npm with apt for the accessibility tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq npm >/dev/null
  else
    echo "npm is missing for the accessibility tests; install with: sudo apt-get install -y npm" >&2
    exit 1
  fi
fi
mkdir -p "$DEST"
npm install --silent --no-audit --no-fund --prefix "$DEST" "axe-core@$VERSION" >/dev/null
grep -q "axe v$VERSION" "$FILE"
echo "axe-core $VERSION in $FILE"
