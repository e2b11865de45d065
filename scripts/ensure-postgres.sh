#!/usr/bin/env bash
# The PostgreSQL half of the suite needs a server; on this machine kind one is installed and usually
# running at 127.0.0.1:5432. Start the local cluster when it is down; fail loudly when there is none.
set -euo pipefail
if [ -n "${COTHEME_TEST_PG_URL:-}" ]; then
  exit 0  # the caller points the tests at their own server
fi
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  exit 0
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | head -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && exit 0
    sleep 1
  done
fi
echo "PostgreSQL is not answering at 127.0.0.1:5432; start it or set COTHEME_TEST_PG_URL." >&2
exit 1
