#!/usr/bin/env bash
# Runs inside pg_virtualenv (PGHOST, PGPORT, PGUSER set): the pg_regress and
# pgTAP suites and the other checks.  It writes "passed failed" to
# $INDICATOR_COUNTS, where run_tests.sh prints the closing line from, and
# exits 0 so that pg_virtualenv does not print the server log after it.
set -uo pipefail
top=$1
. "$top/test/lib.sh"

# The server reads the bundled data and writes COPY files next to the test
# results, so the suites run in a copy of the tree that the cluster owner
# owns (a fresh clone may sit in a directory only root can enter).
scratch=$(mktemp -d /tmp/indicator-test.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
tar -C "$top" --exclude=.git -cf - . | tar -C "$scratch" -xf -
chmod 755 "$scratch"
[ "$(id -u)" = 0 ] && chown -R postgres "$scratch"
cd "$scratch"

passed=0
failed=0

# add a check's TAP lines to the counts (lib.sh's tap_tally)
count_tap() {
	local ok bad
	read -r ok bad < <(tap_tally "$1")
	passed=$((passed + ok))
	failed=$((failed + bad))
}

say "pg_regress"
regress_out=$(as_owner make -s installcheck 2>&1)
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
tap_out=$(PGDATABASE=indicator_tap INDICATOR_DATA="$scratch/data" \
	as_owner pg_prove --ext .sql -r "$scratch/test/pgtap" 2>&1)
tap_rc=$?
printf '%s\n' "$tap_out"
tap_tests=$(printf '%s\n' "$tap_out" | sed -nE 's/^Files=[0-9]+, Tests=([0-9]+),.*/\1/p')
tap_tests=${tap_tests:-0}
tap_bad=$(printf '%s\n' "$tap_out" | sed -nE 's/.*Failed ([0-9]+)\/[0-9]+ subtests.*/\1/p' | awk '{s += $1} END {print s + 0}')
passed=$((passed + tap_tests - tap_bad))
failed=$((failed + tap_bad))
# a file that died or planned wrong fails without failing an assertion
if [ "$tap_rc" -ne 0 ] && [ "$tap_bad" -eq 0 ]; then
	failed=$((failed + 1))
fi

# the importer's stages, one by one, as plain C (TAP lines)
say "importer stages (C unit tests)"
un_out=$(bash "$scratch/test/unit/run.sh" 2>&1)
printf '%s\n' "$un_out"
count_tap "$un_out"

# the importer over every format and the real published tables (TAP lines)
say "importer: every format, real tables"
im_out=$(PGDATABASE=indicator_tap bash "$scratch/test/import/run.sh" 2>&1)
printf '%s\n' "$im_out"
count_tap "$im_out"

# the self-evaluation importer over the real sheets as TSV, CSV and xlsx (TAP lines)
say "self-evaluation importer: real sheets in three formats"
se_out=$(PGDATABASE=indicator_tap bash "$scratch/test/import/selfeval.sh" 2>&1)
printf '%s\n' "$se_out"
count_tap "$se_out"

# data safety: dump/restore and COPY round trips (TAP lines)
say "dump, restore and COPY"
dr_out=$(bash "$scratch/test/dump_restore.sh" "$scratch" 2>&1)
printf '%s\n' "$dr_out"
count_tap "$dr_out"

# In a Debian root for another major (test/versions.sh) the checks end
# here: drivers, memory, scale-out, demo, valgrind, sanitizers, fuzzing and the
# benchmarks run on the host's major only.
if [ "${INDICATOR_CHECKS:-all}" = versions ]; then
	echo "$passed $failed" >"${INDICATOR_COUNTS:-/dev/stdout}"
	exit 0
fi

# the drivers and BI libraries: pgJDBC, psycopg 3, psycopg2, SQLAlchemy (TAP lines)
say "drivers and BI libraries"
cl_out=$(bash "$scratch/test/clients/run.sh" 2>&1)
printf '%s\n' "$cl_out"
count_tap "$cl_out"

# bounded memory: each importer function over 100 MB (TAP lines)
say "importer memory over 100 MB"
mem_out=$(MEMORY_PGBIN="$PGBIN" bash "$scratch/test/memory.sh" 2>&1)
printf '%s\n' "$mem_out"
count_tap "$mem_out"

# scale-out: a coordinator and two shards with postgres_fdw (TAP lines)
say "scale-out: three instances, postgres_fdw"
ds_out=$(bash "$scratch/test/dist/run.sh" 2>&1)
printf '%s\n' "$ds_out"
count_tap "$ds_out"

# a real Citus cluster, where Citus is installed (it is not in Debian: skipped otherwise)
say "scale-out: Citus, where installed"
ct_out=$(bash "$scratch/test/dist/citus.sh" 2>&1)
printf '%s\n' "$ct_out"
if printf '%s\n' "$ct_out" | grep -q ': skipped$'; then
	:
else
	count_tap "$ct_out"
fi

# the main job: the demo on the bundled tables, its totals checked
say "demo (main job)"
if DEMO_SKIP_BUILD=yes bash "$scratch/test/demo.sh" >"$scratch/demo.out" 2>&1 &&
	grep -q "^(0 rows)" "$scratch/demo.out" &&
	[ "$(grep -c '| t      | 产出指标 50.00, 效益指标 30.00, 满意度指标 10.00, 预算执行率 10.00 | 100.00' "$scratch/demo.out")" = 9 ] &&
	grep -q '150600222000000035263 |    90.00 |    89.50 |         9.95 | 99.45 | 优' "$scratch/demo.out" &&
	grep -q '15060022200000035885  |    90.00 |    75.77 |        10.00 | 85.77 | 良' "$scratch/demo.out" &&
	grep -q '15060022200000036034  |    90.00 |    85.10 |         9.60 | 94.70 | 优' "$scratch/demo.out"; then
	tail -14 "$scratch/demo.out"
	passed=$((passed + 1))
else
	cat "$scratch/demo.out"
	failed=$((failed + 1))
fi

# memory checking: the regression suite with the server under valgrind
say "valgrind"
vg_out=$(VALGRIND_SKIP_BUILD=yes bash "$scratch/test/valgrind.sh" 2>&1)
printf '%s\n' "$vg_out" | tail -20
if printf '%s\n' "$vg_out" | grep -q '^ok - valgrind'; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
fi

# the regression and pgTAP suites again, the module built with ASan+UBSan
# in a private install (TAP lines; any sanitizer report fails)
say "sanitizers: ASan and UBSan"
san_out=$(bash "$scratch/test/sanitize.sh" "$scratch" 2>&1)
printf '%s\n' "$san_out" | grep -E '^(ok|not ok)|runtime error|AddressSanitizer' | head -60
count_tap "$san_out"

# the fuzz targets, briefly: any crash, sanitizer report or leak fails
# (deterministic: corpus replay, then fixed executions from a fixed seed;
# crash inputs are kept in the tree's test/fuzz/findings/)
say "libFuzzer targets"
fz_out=$(FUZZ_FINDINGS="$top/test/fuzz/findings" bash "$scratch/test/fuzz/run.sh" 2>&1)
printf '%s\n' "$fz_out" | grep -E '^(ok|not ok|#)|SUMMARY|ERROR|runtime error' || printf '%s\n' "$fz_out" | tail -20
count_tap "$fz_out"

# the benchmarks at a quick size, to prove the scripts work (their ratios are
# not judged here: timing belongs to benchmarks, not tests): name, output
# file, lines of it to show, the line that must be there ('' for none), the
# command
bench_check() {
	local name=$1 out=$scratch/$2 lines=$3 must=$4
	shift 4
	say "$name"
	if "$@" >"$out" 2>&1 && { [ -z "$must" ] || grep -q "$must" "$out"; }; then
		tail -"$lines" "$out"
		passed=$((passed + 1))
	else
		cat "$out"
		failed=$((failed + 1))
	fi
}
bench_check "benchmark script, quick size" bench.out 25 "scores agree: true" \
	env BENCH_SKIP_BUILD=yes BENCH_REPEATS=1 bash "$scratch/test/bench/bench.sh" 20000
bench_check "review benchmark script, quick size" bench_review.out 9 "review agrees: true" \
	env BENCH_SKIP_BUILD=yes BENCH_REPEATS=1 bash "$scratch/test/bench/review.sh" 2000
bench_check "importer benchmark script, quick size" bench_import.out 15 "" \
	env BENCH_REPEATS=1 PGDATABASE=indicator_tap bash "$scratch/test/bench/import.sh" 200

echo "$passed $failed" >"${INDICATOR_COUNTS:-/dev/stdout}"
exit 0
