#!/usr/bin/env bash
# Memory checking: the regression suite (all but its two bulk tests) with the
# server under Valgrind memcheck.  Reports every error whose stack passes
# through the extension (indicator.so); errors inside PostgreSQL alone are
# the server's business (Debian's build has no Valgrind annotations) and are
# only counted.  Exit status 1 when the extension is involved in any error.
#
#   bash test/valgrind.sh
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

if [ "${VALGRIND_SKIP_BUILD:-no}" != yes ]; then
	INDICATOR_PACKAGES="$INDICATOR_PACKAGES $INDICATOR_TEST_PACKAGES" install_packages
	build_and_install "$top"
fi

dir=$(mktemp -d /tmp/indicator-valgrind.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --auth=trust >/dev/null
as_owner valgrind --quiet --error-limit=no --num-callers=40 --track-origins=no \
	--log-file="$dir/vg.%p.log" \
	"$PGBIN/postgres" -D "$dir/data" -c listen_addresses='' -c unix_socket_directories="$dir" \
	-c port=5432 -c max_parallel_workers_per_gather=0 >"$dir/server.log" 2>&1 &
for i in $(seq 1 120); do
	as_owner "$PGBIN/pg_isready" -h "$dir" -p 5432 -q && break
	sleep 1
done
trap 'as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1; [ "${VALGRIND_KEEP:-no}" = yes ] || rm -rf "$dir"' EXIT

# the suite in a copy the cluster owner can read and write
work="$dir/work"
mkdir -p "$work"
tar -C "$top" --exclude=.git --exclude=test/fuzz/build -cf - . | tar -C "$work" -xf -
[ "$(id -u)" = 0 ] && chown -R postgres "$work"
say "regression suite under valgrind (slow)"
(cd "$work" && as_owner make -s installcheck PGHOST="$dir" PGPORT=5432 PGUSER=postgres \
	REGRESS="setup indicator_literal indicator_io indicator_ops units bundled encoding scoring upgrade security copy_recipe") \
	| grep -E '^(test|ok|not ok)|tests' || true

# pgTAP files too, when asked (VALGRIND_PGTAP="02_literals.sql 04_errors.sql")
if [ -n "${VALGRIND_PGTAP:-}" ]; then
	say "pgTAP under valgrind: $VALGRIND_PGTAP"
	as_owner createdb -h "$dir" -p 5432 -U postgres vg_tap
	as_owner psql -X -q -h "$dir" -p 5432 -U postgres -d vg_tap -c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION indicator'
	files=""
	for f in $VALGRIND_PGTAP; do files="$files $work/test/pgtap/$f"; done
	# shellcheck disable=SC2086
	as_owner env PGHOST="$dir" PGPORT=5432 PGUSER=postgres PGDATABASE=vg_tap INDICATOR_DATA="$work/data" \
		pg_prove --ext .sql $files 2>&1 | tail -4
fi

as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
# split the logs into error blocks and keep the ones that involve the extension
# a frame in the extension: its library, or one of its source files
src_re="indicator\\.so|\\((decimal|scan|units|literal|storage|indicator_io|indicator_ops|units_sql|exact|policy|actual|score|numeric_io|score_sql|scorecard|scorecard_sql|hierarchy|hierarchy_sql|goal_table|goal_table_sql|wire)\\.c:"
ours=$(cat "$dir"/vg.*.log 2>/dev/null | awk -v ours="$src_re" '
	/^==[0-9]+== [A-Z]/ && !inblock { inblock = 1; block = "" }
	inblock { block = block $0 "\n" }
	/^==[0-9]+== $/ && inblock { if (block ~ ours) printf "%s", block; inblock = 0 }
')
total=$(cat "$dir"/vg.*.log 2>/dev/null | grep -cE '^==[0-9]+== (Invalid|Conditional|Use of uninit|Syscall param|Mismatched|Source and destination)' || true)
if [ -n "$ours" ]; then
	printf '%s\n' "$ours" | head -200
	echo "not ok - valgrind: errors involving the extension (see above); $total errors in all"
	exit 1
fi
echo "ok - valgrind: no error involves the extension ($total errors inside PostgreSQL alone)"
