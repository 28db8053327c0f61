#!/usr/bin/env bash
# Build the libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined)
# over the extension's pure core and run each for a while.
#
#   bash test/fuzz/run.sh            # 30 seconds per target
#   bash test/fuzz/run.sh 600        # 10 minutes per target
#   FUZZ_RUNS=10000000 bash test/fuzz/run.sh   # a fixed number of executions
#   FUZZ_TARGETS="literal binary" bash test/fuzz/run.sh   # some targets only
#
# A crash, a sanitizer report or a leak fails the run (exit status 1) and
# leaves the input that caused it in test/fuzz/build/.  The seed corpus comes
# from the bundled tables and the tests.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"
secs=${1:-30}
runs=${FUZZ_RUNS:-}

INDICATOR_PACKAGES="$INDICATOR_PACKAGES $INDICATOR_TEST_PACKAGES" install_packages
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
inc=$($PG_CONFIG --includedir-server)
libdir=$($PG_CONFIG --pkglibdir)
[ -f "$libdir/libpgport.a" ] || libdir=$($PG_CONFIG --libdir)
cc=$(command -v clang || command -v clang-14)

build="$top/test/fuzz/build"
mkdir -p "$build"
core="decimal scan units literal storage exact policy actual score scorecard hierarchy goal_table wire"
say "building the fuzz targets with $cc"
objs=""
for f in $core; do
	"$cc" -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
		-I "$top/src" -isystem "$inc" -c "$top/src/$f.c" -o "$build/$f.o"
	objs="$objs $build/$f.o"
done
"$cc" -g -O1 -fsanitize=address,undefined -isystem "$inc" -c "$top/test/fuzz/shim.c" -o "$build/shim.o"

# seeds: literals and actuals from the bundled data, the tables themselves,
# and binary values written by the wire format's own rules
seed() { mkdir -p "$build/corpus/$1"; printf '%s' "$2" >"$build/corpus/$1/$(printf '%s' "$2" | md5sum | cut -c1-16)"; }
while IFS=, read -r _ _ _ _ nature comparator target unit _ _; do
	seed literal "$nature $comparator $target $unit"
	seed literal "$(printf '%s\t%s\t%s\t%s' "$nature" "$comparator" "$target" "$unit")"
done < <(tail -n +2 "$top/data/goal_rows_2022.csv")
for s in '≥95%' '≤90万元' '=100百分比' '95%～100%' '[95,100] %' '定性 7*24小时' '>= 5,000 份' '正向　大于等于　10　次' '>= －5 %'; do
	seed literal "$s"
done
while IFS=, read -r _ actual; do seed actual "$actual"; done < <(tail -n +2 "$top/data/sample_actuals_2022.csv")
for s in '达成 9.5' '部分达成（75%）' '2022-11-30' '2022年11月30日' '0.3 小时' '5,200次' 'central reverse_mode=linear_2x' '2022年1月至12月'; do
	seed actual "$s"
done
mkdir -p "$build/corpus/goal_table"
cp "$top/data/goal_tables_2022.txt" "$build/corpus/goal_table/all"
awk -v dir="$build/corpus/goal_table" '/^#/ { n++ } { print > (dir "/table" n) }' "$top/data/goal_tables_2022.txt"
mkdir -p "$build/corpus/binary"
printf '\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x0a\x00\x00\x00\x00\x00\x03\xe6\xac\xa1' >"$build/corpus/binary/ge10"
printf '\x01\x03\x00\x00\x00\x00\x0c\xe6\x9c\x89\xe6\x95\x88\xe6\x8f\x90\xe9\xab\x98' >"$build/corpus/binary/qual"
printf '\x01\x01\x06\x00\x00\x00\x00\x00\x00\x00\x5f\x00\x00\x00\x00\x00\x00\x00\x00\x00\x64\x00\x00\x00\x00\x00\x01%%' >"$build/corpus/binary/range"
printf 'v1 indicators=1 met=1 unmet=0 unscored=0 flagged=0 over_completed=0 reason_required=0 manual_review=0 weight=1.000000 score=1.000000 scored_weight=1.000000' >"$build/corpus/binary/state"

# inputs that once crashed a target stay in every corpus
for target in literal actual binary goal_table; do
	mkdir -p "$build/corpus/$target"
	cp "$top"/test/fuzz/regressions/* "$build/corpus/$target/" 2>/dev/null || true
done

status=0
for target in ${FUZZ_TARGETS:-literal actual binary goal_table}; do
	"$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-I "$top/src" -isystem "$inc" "$top/test/fuzz/fuzz_$target.c" $objs "$build/shim.o" \
		"$libdir/libpgport.a" -o "$build/fuzz_$target"
	if [ -n "$runs" ]; then
		limit="-runs=$runs"
	else
		limit="-max_total_time=$secs"
	fi
	# inputs of realistic size: a literal or an actual is short, a table is a few rows
	case $target in
		literal) maxlen=1024 ;;
		actual) maxlen=256 ;;
		binary) maxlen=512 ;;
		goal_table) maxlen=512 ;;
	esac
	say "fuzzing $target ($limit, inputs up to $maxlen bytes)"
	if (cd "$build" && "./fuzz_$target" $limit -max_len=$maxlen -timeout=10 -rss_limit_mb=4096 \
		-print_final_stats=1 "corpus/$target" >"fuzz_$target.log" 2>&1); then
		echo "ok - fuzz_$target: $(grep -E '^stat::number_of_executed_units' "$build/fuzz_$target.log" | awk '{print $2}') executions, no finding"
	else
		status=1
		echo "not ok - fuzz_$target found a problem:"
		tail -40 "$build/fuzz_$target.log"
	fi
done
exit $status
