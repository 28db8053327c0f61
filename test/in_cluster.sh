#!/usr/bin/env bash
# Runs inside pg_virtualenv (PGHOST, PGPORT, PGUSER set): the pg_regress and
# pgTAP suites, then the closing count.
set -uo pipefail
top=$1
. "$top/test/lib.sh"
cd "$top"

passed=0
failed=0

say "pg_regress"
regress_out=$(make -s installcheck 2>&1)
regress_rc=$?
printf '%s\n' "$regress_out"
total=$(printf '%s\n' "$regress_out" | grep -oE '^(ok|not ok) ' | wc -l)
bad=$(printf '%s\n' "$regress_out" | grep -cE '^not ok ' || true)
if [ "$total" -eq 0 ]; then
	# older pg_regress prints "test name ... ok"
	total=$(printf '%s\n' "$regress_out" | grep -cE '\.\.\. +(ok|FAILED)' || true)
	bad=$(printf '%s\n' "$regress_out" | grep -cE '\.\.\. +FAILED' || true)
fi
if [ "$regress_rc" -ne 0 ]; then
	[ -f regression.diffs ] && head -200 regression.diffs
	[ "$bad" -eq 0 ] && bad=1
fi
passed=$((passed + total - bad))
failed=$((failed + bad))

say "pgTAP"
createdb indicator_tap
psql -X -q -d indicator_tap -v ON_ERROR_STOP=1 \
	-c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION indicator'
tap_out=$(PGDATABASE=indicator_tap INDICATOR_DATA="$top/data" \
	pg_prove --ext .sql -r "$top/test/pgtap" 2>&1)
tap_rc=$?
printf '%s\n' "$tap_out"
tap_tests=$(printf '%s\n' "$tap_out" | sed -nE 's/^Files=[0-9]+, Tests=([0-9]+),.*/\1/p')
tap_tests=${tap_tests:-0}
tap_bad=$(printf '%s\n' "$tap_out" | sed -nE 's/.*Failed ([0-9]+)\/[0-9]+ subtests.*/\1/p' | awk '{s += $1} END {print s + 0}')
tap_bad=${tap_bad:-0}
if [ "$tap_rc" -ne 0 ] && [ "$tap_bad" -eq 0 ]; then
	tap_bad=1
fi
passed=$((passed + tap_tests - tap_bad))
failed=$((failed + tap_bad))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
