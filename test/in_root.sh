#!/usr/bin/env bash
# Runs inside a Debian root made by test/versions.sh, as root: builds the
# tree in /build/indicator with -Werror against the root's PostgreSQL,
# installs it, and runs test/in_cluster.sh's version checks in a throwaway
# cluster.  Leaves "passed failed" in /build/counts.
set -euo pipefail
top=/build/indicator
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"
counts=/build/counts
rm -f "$counts"
build_and_install "$top" || { echo "0 1" >"$counts"; echo "not ok - PostgreSQL $HOST_PG: the build failed"; exit 1; }
touch "$counts"
chmod 666 "$counts"
say "PostgreSQL $HOST_PG: a throwaway cluster"
INDICATOR_CHECKS=versions INDICATOR_COUNTS=$counts pg_virtualenv -t -v "$HOST_PG" -o "max_worker_processes=8" \
	bash "$top/test/in_cluster.sh" "$top"
