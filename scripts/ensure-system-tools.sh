#!/usr/bin/env bash
# Debian packages the test suite drives: Chromium for the browser tests (Playwright cannot download its
# own browser here), LibreOffice Writer to check that every DOCX report converts to PDF, and espeak-ng
# and sox to speak and join the test recordings the player and transcription tests use.
# Install what is missing with apt when running as root; otherwise say what to do.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
{ command -v libreoffice >/dev/null 2>&1 || command -v soffice >/dev/null 2>&1; } || missing+=(libreoffice-writer-nogui)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v sox >/dev/null 2>&1 || missing+=(sox)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "Installing ${missing[*]} with apt for the tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing for the tests: ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
