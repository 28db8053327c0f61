#!/usr/bin/env bash
# Run every test of the indicator extension on this machine:
# installs the Debian packages it needs (as root), builds with -Werror,
# installs, starts a throwaway PostgreSQL cluster (pg_virtualenv) and runs
# the pg_regress suite and the pgTAP suite in it.  The last line it prints
# is "N passed, N failed"; the exit status is non-zero when anything failed.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

INDICATOR_PACKAGES="$INDICATOR_PACKAGES $INDICATOR_TEST_PACKAGES" install_packages
build_and_install "$top"

say "starting a throwaway cluster"
exec pg_virtualenv -t -o "max_worker_processes=8" bash "$top/test/in_cluster.sh" "$top"
