#!/usr/bin/env bash
# Memory of the importers: goal_table_rows(), goal_table_problems(),
# goal_table_projects(), selfeval_rows() and selfeval_problems() read text of
# any size in bounded memory.  On a
# throwaway cluster, each runs over a large input (the bundled tables
# repeated with distinct project codes, or a self-evaluation sheet repeated
# with distinct names; for the problems functions, garbage lines) and the backend's peak RSS above its input must stay within
# work_mem plus a fixed allowance.  Prints one TAP line per function and
# exits 0 (the caller counts the lines); no timing is involved.
#
#   bash test/memory.sh                 # builds this tree into a private copy of PostgreSQL
#   MEMORY_PGBIN=/usr/lib/postgresql/15/bin bash test/memory.sh   # binaries that have the extension
#   MEMORY_MB=360 bash test/memory.sh   # input size (default 100 MB)
#
# How it measures: a PL/pgSQL function reads the input file into a variable
# (so the input is resident before counting starts), resets the backend's
# VmHWM by writing 5 to /proc/<pid>/clear_refs, calls the importer over the
# variable and reads VmHWM again.  The growth is what the importer added
# above its input.  Plans are generic so that planning does not fold the
# variable into a constant (a copy of the input inside the measurement).
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

mb=${MEMORY_MB:-100}
allowance_mb=${MEMORY_ALLOWANCE_MB:-64}

dir=$(mktemp -d /tmp/indicator-memory.XXXXXX)
chmod 755 "$dir"
bin=${MEMORY_PGBIN:-}
functions="goal_table_rows goal_table_problems goal_table_projects selfeval_rows selfeval_problems"
# one line per function even when nothing could be measured
fail_all() {
	for fn in $functions; do echo "not ok - $fn on $mb MB: $1"; done
	exit 0
}
cleanup() {
	[ -d "$dir/cluster/data" ] && stop_cluster "$dir/cluster" "${bin:-$PGBIN}"
	rm -rf "$dir"
}
trap cleanup EXIT

if [ -z "$bin" ]; then
	say "building this tree into a private PostgreSQL"
	private_install "$dir/pg" "$top" || fail_all "the build failed"
	bin=$PRIVATE_PGBIN
fi

# the inputs, readable by the cluster owner
say "generating $mb MB inputs"
tables="$dir/tables.txt"
garbage="$dir/garbage.txt"
bytes=$((mb * 1024 * 1024))
copies=$((bytes / $(stat -c %s "$top/data/goal_tables_2022.txt") + 1))
# every copy of the nine tables with project codes of its own
LC_ALL=C awk -v n="$copies" 'BEGIN { FS = OFS = "\t" }
	{ line[NR] = $0 }
	END {
		for (c = 1; c <= n; c++)
			for (i = 1; i <= NR; i++) {
				$0 = line[i]
				if ($1 == "项目编码")
					$2 = $2 "-" c
				print
			}
	}' "$top/data/goal_tables_2022.txt" >"$tables"
# lines that are neither headers nor rows, each one a problem, in one
# project: problems are not kept with the project
LC_ALL=C awk -v bytes="$bytes" 'BEGIN {
		print "项目编码\tgarbage"
		for (i = 1; total < bytes; i++) {
			l = (i % 4 == 0) ? "x" : (i % 4 == 1) ? "a line of garbage, number " i : (i % 4 == 2) ? "a\tb\tc\t" i : "正向"
			print l
			total += length(l) + 1
		}
	}' >"$garbage"
# a national-form self-evaluation sheet, repeated with names of its own
sheets="$dir/sheets.txt"
printf '%s\n' '项目支出绩效自评表' '（2022年度）' $'项目名称\t社区养老服务补助' \
	$'项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分' \
	$'\t年度资金总额\t100\t120\t114\t10\t95%\t9.5' \
	$'绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施' \
	$'\t产出指标\t数量指标\t补助人数\t≥200人\t206人\t20\t20' \
	$'\t\t质量指标\t发放准确率\t100%\t99%\t30\t28\t个别信息有误' \
	$'\t效益指标\t社会效益指标\t老年人生活质量\t有效提高\t有效提高\t30\t28' \
	$'\t满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t95%\t10\t10' \
	$'总分\t\t\t\t\t\t100\t96.5\t优' >"$dir/sheet.txt"
LC_ALL=C awk -v bytes="$bytes" 'BEGIN { FS = OFS = "\t" }
	{ line[NR] = $0; size += length($0) + 1 }
	END {
		for (c = 1; total < bytes; c++) {
			for (i = 1; i <= NR; i++) {
				$0 = line[i]
				if ($1 == "项目名称")
					$2 = $2 "-" c
				print
			}
			total += size
		}
	}' "$dir/sheet.txt" >"$sheets"
chown postgres "$tables" "$garbage" "$sheets" 2>/dev/null || true

start_cluster "$dir/cluster" "$bin"
export PGDATABASE=postgres
psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<'EOF'; setup_rc=$?
CREATE EXTENSION indicator;
CREATE FUNCTION vmhwm_kb() RETURNS bigint LANGUAGE sql AS
$$ SELECT substring(pg_read_file('/proc/' || pg_backend_pid() || '/status') FROM 'VmHWM:\s*(\d+)')::bigint $$;
-- rows returned and the peak RSS growth in kB of one importer call over the file
CREATE FUNCTION peak(path text, fn text, OUT results bigint, OUT grew_kb bigint, OUT peak_kb bigint)
LANGUAGE plpgsql AS $$
DECLARE
	raw text := pg_read_file(path);
	base bigint;
BEGIN
	-- the input is resident now: count from here
	EXECUTE format('COPY (SELECT 5) TO %L', '/proc/' || pg_backend_pid() || '/clear_refs');
	base := vmhwm_kb();
	CASE fn
		WHEN 'goal_table_rows' THEN
			SELECT count(*) INTO results FROM goal_table_rows(raw);
		WHEN 'goal_table_problems' THEN
			SELECT count(*) INTO results FROM goal_table_problems(raw);
		WHEN 'goal_table_projects' THEN
			SELECT count(*) INTO results FROM goal_table_projects(raw);
		WHEN 'selfeval_rows' THEN
			SELECT count(*) INTO results FROM selfeval_rows(raw);
		WHEN 'selfeval_problems' THEN
			SELECT count(*) INTO results FROM selfeval_problems(raw);
	END CASE;
	peak_kb := vmhwm_kb();
	grew_kb := peak_kb - base;
END $$;
EOF
[ "$setup_rc" = 0 ] || fail_all "no cluster with the extension could be set up from $bin"
work_mem_kb=$(psql -X -At -c "SELECT setting FROM pg_settings WHERE name = 'work_mem'")
bound_kb=$((work_mem_kb + allowance_mb * 1024))

for fn in $functions; do
	case $fn in
		goal_table_problems | selfeval_problems) file=$garbage ;;
		selfeval_*) file=$sheets ;;
		*) file=$tables ;;
	esac
	# a fresh backend for each call, so one call's memory does not hide another's
	out=$(psql -X -At -F ' ' -v ON_ERROR_STOP=1 -c "SET plan_cache_mode = force_generic_plan" \
		-c "SELECT * FROM peak('$file', '$fn')" 2>&1)
	read -r results grew_kb peak_kb <<<"$(printf '%s\n' "$out" | tail -1)"
	what="$fn on $mb MB"
	if ! [[ ${grew_kb:-} =~ ^-?[0-9]+$ ]]; then
		echo "not ok - $what: $(printf '%s\n' "$out" | grep -m1 ERROR || printf '%s\n' "$out" | head -1)"
	else
		line="$what: peak RSS grew $((grew_kb / 1024)) MB (bound: work_mem $((work_mem_kb / 1024)) MB + $allowance_mb MB; $results results, VmHWM $((peak_kb / 1024)) MB)"
		if [ "$grew_kb" -le "$bound_kb" ]; then
			echo "ok - $line"
		else
			echo "not ok - $line"
		fi
	fi
done
exit 0
