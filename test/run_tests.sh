#!/usr/bin/env bash
# Run every test of the indicator extension on this machine:
# installs the Debian packages it needs (as root), builds with -Werror,
# installs, starts a throwaway PostgreSQL cluster (pg_virtualenv) and runs
# the pg_regress suite and the pgTAP suite in it, then the other checks.
# The last line it prints is "N passed, N failed", whatever fails, even the
# set-up; the exit status is non-zero when anything failed.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

# in_cluster.sh leaves "passed failed" here; a run that never got that far
# counts as one failure.  The closing line is printed from the EXIT trap so
# that nothing (pg_virtualenv dumps the server log when its command fails)
# can follow it.
counts=$(mktemp /tmp/indicator-counts.XXXXXX)
chmod 666 "$counts"
close() {
	local passed=0 failed=1
	[ -s "$counts" ] && read -r passed failed <"$counts"
	rm -f "$counts"
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
trap close EXIT

INDICATOR_PACKAGES="$INDICATOR_PACKAGES $INDICATOR_TEST_PACKAGES" install_packages
build_and_install "$top"

say "starting a throwaway cluster"
INDICATOR_COUNTS=$counts pg_virtualenv -t -o "max_worker_processes=8" \
	bash "$top/test/in_cluster.sh" "$top"
