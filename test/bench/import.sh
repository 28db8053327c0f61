#!/usr/bin/env bash
# Benchmark of the importer over every layout it reads: goal_table_rows() on
# a large export (the nine bundled tables replicated to N projects, each copy
# with 项目编码 values of its own, written in each layout by
# test/import/reexport.py) against a plain line split of the same text, and
# the backend's peak memory.  Runs against a running server on this machine
# (PG* environment, a superuser: the input is read with pg_read_file and the
# peak from /proc/<backend pid>/status); creates the extension if the
# database lacks it, and nothing else that stays.
#
#   PGDATABASE=t bash test/bench/import.sh         # 10,000 projects (~20-45 MB a layout)
#   bash test/bench/import.sh 1000                 # a quick run
#   BENCH_LAYOUTS="tsv aligned" bash test/bench/import.sh
#
# For each layout, in a fresh connection (so one measurement's memory does not
# hide another's): a PL/pgSQL function reads the file into a variable, resets
# the backend's VmHWM (writing 5 to /proc/<pid>/clear_refs), runs
#   SELECT count(*) FROM goal_table_rows(raw, '<format>')
# and reads VmHWM: "peak" is the backend's peak RSS during the call, the input
# included, "+input" how much that is above the RSS with the input already
# resident.  It then runs the call again until BENCH_REPEATS runs (default 3)
# and keeps the best time.  The baseline is the same measurement of
#   SELECT count(*) FROM regexp_split_to_table(raw, E'\n')
# in a connection of its own.  Plans are generic, so that the planner does not
# copy the variable into a constant.
#
# Ratios are taken within one run on one machine; absolute times are only
# context.  Not a test: nothing here fails on a slow machine.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

projects=${1:-10000}
repeats=${BENCH_REPEATS:-3}
# the layouts as reexport.py names them, and the format each is read with
all_layouts="tsv csv_excel csv_quoting csv_semicolon pipe lines lines_blank spaces aligned"
declare -A format_of=([tsv]=tsv [csv_excel]=csv [csv_quoting]=csv [csv_semicolon]=csv [pipe]=pipe
	[lines]=lines [lines_blank]=lines [spaces]=spaces [aligned]=aligned)
declare -A file_of=([tsv]=tsv.txt [csv_excel]=csv_excel.csv [csv_quoting]=csv_quoting.csv
	[csv_semicolon]=csv_semicolon.csv [pipe]=pipe.txt [lines]=lines.txt [lines_blank]=lines_blank.txt
	[spaces]=spaces.txt [aligned]=aligned.txt)
layouts=${BENCH_LAYOUTS:-$all_layouts}
for layout in $layouts; do
	if [ -z "${format_of[$layout]:-}" ]; then
		echo "unknown layout $layout (known: $all_layouts)" >&2
		exit 1
	fi
done
export PGCLIENTENCODING=UTF8

psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

if [ "$(psql_q -At -c "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")" != t ]; then
	echo "test/bench/import.sh needs a superuser connection (pg_read_file, /proc of the backend)" >&2
	exit 1
fi
psql_q -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS indicator'

dir=$(mktemp -d /tmp/indicator-bench-import.XXXXXX)
trap 'rm -rf "$dir"' EXIT
chmod 755 "$dir"

say "generating $projects projects in each layout"
only=$(for l in $layouts; do printf '%s,' "$l"; done)
/usr/bin/python3 "$top/test/import/reexport.py" --projects "$projects" --only "${only%,}" \
	"$dir" "$top/data/goal_tables_2022.txt" >"$dir/reexport.log"
sed 's/^/   /' "$dir/reexport.log" >&2
chmod 644 "$dir"/*.*
# readable by the server (the cluster owner) when we are root
if [ "$(id -u)" = 0 ]; then
	chown postgres "$dir" "$dir"/*.* 2>/dev/null || true
fi

cat >"$dir/measure.sql" <<'SQL'
SET plan_cache_mode = force_generic_plan;
CREATE FUNCTION pg_temp.vmhwm_kb() RETURNS bigint LANGUAGE sql AS
$$ SELECT substring(pg_read_file('/proc/' || pg_backend_pid() || '/status') FROM 'VmHWM:\s*(\d+)')::bigint $$;
-- rows, best time in ms of n runs, the peak RSS during the first run and the
-- RSS before it (kB)
CREATE FUNCTION pg_temp.measure(path text, what text, fmt text, n int,
	OUT results bigint, OUT best_ms numeric, OUT peak_kb bigint, OUT base_kb bigint)
LANGUAGE plpgsql AS $$
DECLARE
	raw text := CASE WHEN what = 'xlsx' THEN NULL ELSE pg_read_file(path) END;
	wb bytea := CASE WHEN what = 'xlsx' THEN pg_read_binary_file(path) END;
	t0 timestamptz;
	ms numeric;
BEGIN
	-- the input is resident now: count from here (without clear_refs, VmHWM
	-- still holds the peak of reading the file)
	BEGIN
		EXECUTE format('COPY (SELECT 5) TO %L', '/proc/' || pg_backend_pid() || '/clear_refs');
	EXCEPTION WHEN OTHERS THEN
		RAISE WARNING 'could not reset VmHWM: %', SQLERRM;
	END;
	base_kb := pg_temp.vmhwm_kb();
	FOR i IN 1 .. n LOOP
		t0 := clock_timestamp();
		IF what = 'import' THEN
			SELECT count(*) INTO results FROM goal_table_rows(raw, fmt);
		ELSIF what = 'xlsx' THEN
			SELECT count(*) INTO results FROM goal_table_rows(wb);
		ELSE
			SELECT count(*) INTO results FROM regexp_split_to_table(raw, E'\n');
		END IF;
		ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
		IF best_ms IS NULL OR ms < best_ms THEN
			best_ms := ms;
		END IF;
		IF i = 1 THEN
			peak_kb := pg_temp.vmhwm_kb();
		END IF;
	END LOOP;
END $$;
SQL

# measure FILE import|split FORMAT: "results best_ms peak_kb base_kb", in a fresh connection
measure() {
	psql_q -At -F ' ' -f "$dir/measure.sql" \
		-c "SELECT results, round(best_ms, 1), peak_kb, base_kb FROM pg_temp.measure('$1', '$2', '$3', $repeats)"
}

mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

results=()
tsv_rows=""
for layout in $layouts; do
	fmt=${format_of[$layout]}
	file=$dir/${file_of[$layout]}
	say "timing $layout (format '$fmt', best of $repeats)"
	if ! imp=$(measure "$file" import "$fmt" 2>"$dir/err"); then
		imp="ERROR - - -"
		sed 's/^/   /' "$dir/err" >&2
	fi
	split=$(measure "$file" split "$fmt")
	read -r rows imp_ms imp_peak imp_base <<<"$imp"
	read -r lines split_ms split_peak split_base <<<"$split"
	[ "$layout" = tsv ] && tsv_rows=$rows
	results+=("$layout|$fmt|$(stat -c %s "$file")|$rows|$imp_ms|$split_ms|$imp_peak|$imp_base|$split_peak|$split_base|$lines")
done

# the workbook: the same projects on one sheet, written by openpyxl (merged level cells,
# number cells), against the tab text's import
xlsx_line=""
if [ "${BENCH_XLSX:-yes}" = yes ] && /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	say "writing $projects projects as an xlsx workbook, ten to a sheet (openpyxl)"
	/usr/bin/python3 "$top/test/import/xlsx_export.py" "$dir/goal.xlsx" "$top/data/goal_tables_2022.txt" \
		--projects "$projects" --per-sheet 10 >&2
	chmod 644 "$dir/goal.xlsx"
	if [ "$(id -u)" = 0 ]; then chown postgres "$dir/goal.xlsx"; fi
	say "timing the workbook (best of $repeats)"
	read -r xrows xms xpeak xbase <<<"$(measure "$dir/goal.xlsx" xlsx xlsx)"
	tsv_ms=""
	for r in "${results[@]}"; do
		IFS='|' read -r l _ _ _ ms _ <<<"$r"
		if [ "$l" = tsv ]; then tsv_ms=$ms; fi
	done
	xlsx_line=$(printf '  %-14s %-8s %7s %9s %11s %10s %7s %9s %8s   (ratio: against the tab text import)' xlsx xlsx \
		"$(mb $(($(stat -c %s "$dir/goal.xlsx") / 1024)))" "$xrows" "$xms" "${tsv_ms:--}" \
		"$(ratio "$xms" "${tsv_ms:-0}")x" "$(mb "$xpeak")" "$(mb $((xpeak - xbase)))")
fi

echo
echo "== goal_table_rows over $projects projects: best of $repeats (ms), peak backend RSS (MB)"
printf '  %-14s %-8s %7s %9s %11s %10s %7s %9s %8s %9s %8s\n' \
	layout format 'MB' rows 'import ms' 'split ms' ratio 'imp peak' '+input' 'spl peak' '+input'
for r in "${results[@]}"; do
	IFS='|' read -r layout fmt bytes rows imp_ms split_ms imp_peak imp_base split_peak split_base lines <<<"$r"
	if [ "$rows" = ERROR ]; then
		printf '  %-14s %-8s %7s %9s %11s %10s %7s %9s %8s %9s %8s\n' "$layout" "$fmt" "$(mb $((bytes / 1024)))" \
			ERROR - "$split_ms" - - - "$(mb "$split_peak")" "$(mb $((split_peak - split_base)))"
		continue
	fi
	note=""
	[ -n "$tsv_rows" ] && [ "$rows" != "$tsv_rows" ] && note="   rows differ from tsv ($tsv_rows)"
	printf '  %-14s %-8s %7s %9s %11s %10s %7s %9s %8s %9s %8s%s\n' "$layout" "$fmt" "$(mb $((bytes / 1024)))" \
		"$rows" "$imp_ms" "$split_ms" "$(ratio "$imp_ms" "$split_ms")x" \
		"$(mb "$imp_peak")" "$(mb $((imp_peak - imp_base)))" "$(mb "$split_peak")" "$(mb $((split_peak - split_base)))" "$note"
done
[ -n "$xlsx_line" ] && echo "$xlsx_line"
echo "  (ratio: import time / line-split time of the same text; +input: peak above the RSS with the input loaded)"

say "server: $(psql_q -At -c "SELECT current_setting('server_version') || ', indicator ' || extversion || ', work_mem ' || current_setting('work_mem') FROM pg_extension WHERE extname = 'indicator'")"
say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
