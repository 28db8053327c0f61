#!/usr/bin/env bash
# Run every test of the indicator extension on this machine, on every
# PostgreSQL major it can reach (PG_VERSIONS, default "15 17 18"):
#
#   - the release checks (versions, META.json, the PGXN zip) and the Debian
#     package (test/release.sh, test/package.sh);
#   - on the host's major: builds with -Werror, installs, starts a throwaway
#     cluster (pg_virtualenv) and runs pg_regress, pgTAP and every other
#     check in it (test/in_cluster.sh);
#   - on each other major: the same build and the version checks in a
#     Debian root that packages it (test/versions.sh).
#
# It installs the Debian packages it needs (as root).  The last line it
# prints is "N passed, N failed", counting every part and every major,
# whatever fails, even the set-up; the exit status is non-zero when
# anything failed.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"
versions=${PG_VERSIONS:-15 17 18}

# Each part appends "passed<TAB>failed<TAB>what" here; a part that never
# got that far counts as one failure.  The closing lines are printed from
# the EXIT trap, after everything else, with stderr joined to stdout first
# so that nothing can follow them.
counts=$(mktemp /tmp/indicator-counts.XXXXXX)
chmod 666 "$counts"
finished=no
record() { printf '%s\t%s\t%s\n' "$2" "$3" "$1" >>"$counts"; }
close() {
	local p f what passed=0 failed=0
	exec 2>&1
	[ "$finished" = yes ] || record "the run stopped early" 0 1
	echo
	while IFS=$'\t' read -r p f what; do
		echo "# $what: $p passed, $f failed"
		passed=$((passed + p))
		failed=$((failed + f))
	done <"$counts"
	rm -f "$counts"
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
trap close EXIT

# a part's TAP lines, counted (lib.sh's tap_tally)
tap_part() {
	# shellcheck disable=SC2046
	record "$1" $(tap_tally "$2")
}

on_host=no
for v in $versions; do [ "$v" = "$HOST_PG" ] && on_host=yes; done

extra="$INDICATOR_TEST_PACKAGES"
[ "$on_host" = yes ] && extra="$extra $INDICATOR_PACKAGE_PACKAGES"
INDICATOR_PACKAGES="$INDICATOR_PACKAGES $extra" install_packages

say "release: versions, META.json, the PGXN zip"
out=$(bash "$top/test/release.sh" 2>&1) || true
printf '%s\n' "$out"
tap_part "release checks" "$out"

if [ "$on_host" = yes ]; then
	say "the Debian package"
	out=$(bash "$top/test/package.sh" 2>&1) || true
	printf '%s\n' "$out"
	tap_part "Debian package" "$out"

	if build_and_install "$top"; then
		say "PostgreSQL $HOST_PG (host): a throwaway cluster"
		host_counts=$(mktemp /tmp/indicator-counts.XXXXXX)
		chmod 666 "$host_counts"
		INDICATOR_COUNTS=$host_counts pg_virtualenv -t -v "$HOST_PG" -o "max_worker_processes=8" \
			bash "$top/test/in_cluster.sh" "$top" || true
		if [ -s "$host_counts" ]; then
			# shellcheck disable=SC2046
			record "PostgreSQL $HOST_PG (host)" $(cat "$host_counts")
		else
			record "PostgreSQL $HOST_PG (host): the checks did not finish" 0 1
		fi
		rm -f "$host_counts"
	else
		record "PostgreSQL $HOST_PG (host): the build failed" 0 1
	fi
fi

for v in $versions; do
	[ "$v" = "$HOST_PG" ] && continue
	say "PostgreSQL $v in a Debian root"
	log=$(mktemp /tmp/indicator-version.XXXXXX)
	bash "$top/test/versions.sh" "$v" 2>&1 | tee "$log" || true
	# its last line is "passed failed what"
	last=$(tail -1 "$log")
	rm -f "$log"
	if [[ $last =~ ^([0-9]+)\ ([0-9]+)\ (.+)$ ]]; then
		record "${BASH_REMATCH[3]}" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
	else
		record "PostgreSQL $v: the run in its root did not finish" 0 1
	fi
done
finished=yes
