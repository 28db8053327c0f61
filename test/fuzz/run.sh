#!/usr/bin/env bash
# Build the libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined)
# over the extension's pure core, then:
#
#   bash test/fuzz/run.sh                 # the CI check: deterministic
#   bash test/fuzz/run.sh --explore 600   # exploratory: 10 minutes a target,
#                                         # a new seed each time (not in CI)
#   FUZZ_TARGETS="literal binary" bash test/fuzz/run.sh   # some targets only
#
# The CI check first replays every input of the seed corpus and every saved
# regression input, once each; then it fuzzes each target for a fixed number
# of executions (FUZZ_RUNS overrides) from a fixed seed (FUZZ_SEED), starting
# from a corpus made afresh.  The same binary therefore does the same work
# on every machine, at any speed: it passes or fails by its inputs alone.
#
# A crash, a sanitizer report or a leak fails the run (exit status 1).  The
# input is printed as hex and kept in FUZZ_FINDINGS (default
# test/fuzz/findings/), which outlives the run.  An exploratory run also
# copies each finding into test/fuzz/regressions/, where every later run
# replays it: fix the bug, then commit the file.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

mode=check
secs=0
if [ "${1:-}" = --explore ]; then
	mode=explore
	secs=${2:-600}
fi
seed=${FUZZ_SEED:-20221231}
findings=${FUZZ_FINDINGS:-$top/test/fuzz/findings}
targets=${FUZZ_TARGETS:-literal actual binary goal_table selfeval compare zip}

INDICATOR_PACKAGES="$INDICATOR_PACKAGES $INDICATOR_TEST_PACKAGES" install_packages
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$HOST_PG/bin/pg_config}
inc=$($PG_CONFIG --includedir-server)
libdir=$($PG_CONFIG --pkglibdir)
[ -f "$libdir/libpgport.a" ] || libdir=$($PG_CONFIG --libdir)
cc=$(command -v clang)

build="$top/test/fuzz/build"
mkdir -p "$build" "$findings"
core="decimal error scan units literal storage indicator_cmp exact policy actual score score_quick review goal_review goal_review_import scorecard hierarchy weights infer gt_cells gt_columns gt_runon gt_stream gt_row gt_levels goal_table selfeval indicator_wire scorecard_wire zip fixed monitor monitor_state"
say "building the fuzz targets with $cc"
objs=""
for f in $core; do
	"$cc" -g -O1 -ffile-prefix-map="$top"=. -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -Wno-ignored-attributes \
		-I "$top/src" -isystem "$inc" -c "$top/src/$f.c" -o "$build/$f.o"
	objs="$objs $build/$f.o"
done
"$cc" -g -O1 -ffile-prefix-map="$top"=. -fsanitize=address,undefined -isystem "$inc" -c "$top/test/fuzz/shim.c" -o "$build/shim.o"

# seeds: literals and actuals from the bundled data, the tables themselves,
# and binary values written by the wire format's own rules.  The corpus is
# made anew on every run, so that no earlier run changes what this one does.
rm -rf "$build/corpus"
seed() { mkdir -p "$build/corpus/$1"; printf '%s' "$2" >"$build/corpus/$1/$(printf '%s' "$2" | md5sum | cut -c1-16)"; }
while IFS=, read -r _ _ _ _ nature comparator target unit _ _; do
	seed literal "$nature $comparator $target $unit"
	seed literal "$(printf '%s\t%s\t%s\t%s' "$nature" "$comparator" "$target" "$unit")"
done < <(tail -n +2 "$top/data/goal_rows_2022.csv")
for s in '≥95%' '≤90万元' '=100百分比' '95%～100%' '[95,100] %' '定性 7*24小时' '>= 5,000 份' '正向　大于等于　10　次' '>= －5 %'; do
	seed literal "$s"
done
# values to compare, newline-separated: literals, and stored payloads (the
# first two spell >= 10 次, once with a padded varint: equal values, not
# the same bytes)
for s in $'>= 1\n>= 2\n>= 1 次' $'>= 10 次\n≥10次\n>= 9.5 次' $'95%～100%\n[95,100] %\n[95.0,99.5]%' $'定性 有效提高\n定性 有效提升\n定性'; do
	seed compare "$s"
done
printf '\x01\x25\x00\x14\xe6\xac\xa1\n\x01\x25\x00\x94\x00\xe6\xac\xa1\n\x01\x39\x00\xbe\x01\xc8\x01%%' >"$build/corpus/compare/payloads"
while IFS=, read -r _ actual; do seed actual "$actual"; done < <(tail -n +2 "$top/data/sample_actuals_2022.csv")
for s in '达成 9.5' '部分达成（75%）' '2022-11-30' '2022年11月30日' '0.3 小时' '5,200次' 'central reverse_mode=linear_2x' '2022年1月至12月'; do
	seed actual "$s"
done
mkdir -p "$build/corpus/goal_table"
cp "$top/data/goal_tables_2022.txt" "$build/corpus/goal_table/all"
awk -v dir="$build/corpus/goal_table" '/^#/ { n++ } { print > (dir "/table" n) }' "$top/data/goal_tables_2022.txt"
# the real published tables, in the layouts they came in, and each forced into every format
# (a first byte '0'..'7' picks the format: see fuzz_goal_table.c)
for f in "$top"/test/data/real/goal-*.txt; do
	cp "$f" "$build/corpus/goal_table/"
	for fmt in 1 2 3 4 5 6 7; do
		{ printf '%s' "$fmt"; head -c 1500 "$f"; } >"$build/corpus/goal_table/$(basename "$f" .txt)-f$fmt"
	done
done
# self-evaluation sheets: the real ones as the test builds them, each also forced into every format
mkdir -p "$build/corpus/selfeval"
if /usr/bin/python3 "$top/test/import/selfeval_sheets.py" "$build/sheets" "$top"/test/data/real/selfeval-*.csv; then
	for f in "$build"/sheets/*.tsv "$build"/sheets/*.csv; do
		cp "$f" "$build/corpus/selfeval/"
		for fmt in 1 2 3 5 6; do
			{ printf '%s' "$fmt"; head -c 1500 "$f"; } >"$build/corpus/selfeval/$(basename "$f")-f$fmt"
		done
	done
fi
# the workbooks of the xlsx tests, good and damaged (the bomb aside: too big for a seed)
mkdir -p "$build/corpus/zip"
for f in "$top"/test/data/xlsx/*.xls*; do
	case $f in *bomb*) continue ;; esac
	cp "$f" "$build/corpus/zip/"
done
mkdir -p "$build/corpus/binary"
printf '\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x0a\x00\x00\x00\x00\x00\x03\xe6\xac\xa1' >"$build/corpus/binary/ge10"
printf '\x01\x03\x00\x00\x00\x00\x0c\xe6\x9c\x89\xe6\x95\x88\xe6\x8f\x90\xe9\xab\x98' >"$build/corpus/binary/qual"
printf '\x01\x01\x06\x00\x00\x00\x00\x00\x00\x00\x5f\x00\x00\x00\x00\x00\x00\x00\x00\x00\x64\x00\x00\x00\x00\x00\x01%%' >"$build/corpus/binary/range"
printf 'v1 indicators=1 met=1 unmet=0 unscored=0 flagged=0 over_completed=0 reason_required=0 manual_review=0 weight=1.000000 score=1.000000 scored_weight=1.000000' >"$build/corpus/binary/state"
printf 'v1 indicators=2 red=1 yellow=0 green=0 blue=1 unlit=0 reasons=1 weight=20.000000 completion_weight=10.000000 completion=400.00000000' >"$build/corpus/binary/monitor"
printf 'v2 indicators=2 met=1 unmet=0 unscored=0 flagged=0 over_completed=0 reason_required=0 manual_review=0 needs_person=1 weight=2.000000 score=1.000000 scored_weight=1.000000' >"$build/corpus/binary/state2"

# inputs that once crashed a target stay in every corpus
for target in $targets; do
	mkdir -p "$build/corpus/$target"
	cp "$top"/test/fuzz/regressions/* "$build/corpus/$target/" 2>/dev/null || true
done

# Report a failed run: the log's summary and every crash input it left, as
# hex, kept in $findings (and, when exploring, in the regressions).
report_finding() {
	local target=$1 log=$2 f name last
	echo "not ok - fuzz_$target found a problem:"
	grep -E 'ERROR: |SUMMARY|runtime error|^    #[0-9]+ ' "$log" | head -40
	# fuzzing writes the input to the artifact folder; replaying names the
	# file it was running when it died
	last=$(sed -nE 's/^Running: (.*)$/\1/p' "$log" | tail -1)
	for f in "$build/artifacts/$target"/* ${last:+"$last"}; do
		[ -f "$f" ] || continue
		name="$target-$(basename "$f")"
		cp "$f" "$findings/$name"
		echo "# input kept as $findings/$name ($(wc -c <"$f") bytes), in hex:"
		od -An -tx1 -v "$f" | tr -s ' \n' ' ' | fold -w 96 | sed 's/^/#   /'
		echo
		if [ "$mode" = explore ]; then
			cp "$f" "$top/test/fuzz/regressions/$name"
			echo "# also copied to test/fuzz/regressions/$name"
		fi
	done
}

# Address-space randomisation changes the pointers the fuzzer sees compared,
# and so its mutations: without it (and without reloading the corpus
# directory on a timer, -reload=0) a fixed seed gives the same run every
# time.  setarch may be refused in some containers; the run then still
# passes or fails by its inputs, only its path may differ.
norand=()
if setarch "$(uname -m)" -R true 2>/dev/null; then
	norand=(setarch "$(uname -m)" -R)
fi

status=0
for target in $targets; do
	"$cc" -g -O1 -ffile-prefix-map="$top"=. -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Wno-ignored-attributes \
		-I "$top/src" -isystem "$inc" "$top/test/fuzz/fuzz_$target.c" $objs "$build/shim.o" \
		"$libdir/libpgcommon.a" "$libdir/libpgport.a" -lz -o "$build/fuzz_$target"
	# inputs of realistic size: a literal or an actual is short, a table is a few rows;
	# executions for the CI check: about 20 seconds each on a 2-core machine,
	# but goal_table runs the whole importer on every input (about 2 minutes)
	case $target in
		literal) maxlen=1024 runs=100000 ;;
		actual) maxlen=256 runs=100000 ;;
		binary) maxlen=512 runs=2000000 ;;
		goal_table) maxlen=512 runs=100000 ;;
		selfeval) maxlen=1024 runs=50000 ;;
		compare) maxlen=256 runs=300000 ;;
		zip) maxlen=65536 runs=20000 ;;
		*) maxlen=512 runs=100000 ;;
	esac
	runs=${FUZZ_RUNS:-$runs}
	rm -rf "$build/artifacts/$target"
	mkdir -p "$build/artifacts/$target"
	# the timeout and memory limit only catch hangs and runaways: no sane
	# input comes near them on any machine
	opts=(-max_len=$maxlen -timeout=120 -rss_limit_mb=4096 -reload=0 -print_final_stats=1
		"-artifact_prefix=$build/artifacts/$target/")
	log="$build/fuzz_$target.log"

	# 1. every seed and regression input, once each
	mapfile -t inputs < <(find "$build/corpus/$target" -type f | sort)
	if ! (cd "$build" && "${norand[@]}" "./fuzz_$target" "${opts[@]}" "${inputs[@]}" >"$log" 2>&1); then
		status=1
		report_finding "$target" "$log"
		continue
	fi
	echo "ok - fuzz_$target replays its ${#inputs[@]} corpus and regression inputs"

	# 2. fuzzing: a fixed number of executions from a fixed seed, or a
	#    time budget and a new seed when exploring
	if [ "$mode" = explore ]; then
		limit=(-max_total_time="$secs" -seed=0)
	else
		limit=(-runs="$runs" -seed="$seed")
	fi
	say "fuzzing $target (${limit[*]}, inputs up to $maxlen bytes)"
	if (cd "$build" && "${norand[@]}" "./fuzz_$target" "${opts[@]}" "${limit[@]}" "corpus/$target" >"$log" 2>&1); then
		echo "ok - fuzz_$target: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') executions (${limit[*]}), no finding; $(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | grep -oE 'cov: [0-9]+ ft: [0-9]+')"
	else
		status=1
		report_finding "$target" "$log"
	fi
done
exit $status
