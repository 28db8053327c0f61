#!/usr/bin/env bash
# Benchmark of the scorecard roll-up against plain aggregates and against the
# same rules written in plain SQL, serial and with 2 parallel workers, on a
# throwaway cluster.  Prints times and the ratios the goals are stated in.
#
#   bash test/bench/bench.sh              # 10 million rows
#   bash test/bench/bench.sh 100000       # a quick run
#
# Ratios are taken within one run on one machine; absolute times are only
# context.  Not a test: nothing here fails on a slow machine.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

rows=${1:-10000000}
repeats=${BENCH_REPEATS:-5}
skip_build=${BENCH_SKIP_BUILD:-no}

if [ "$skip_build" != yes ]; then
	install_packages
	build_and_install "$top"
fi

dir=$(mktemp -d /tmp/indicator-bench.XXXXXX)
trap 'stop_cluster "$dir"; rm -rf "$dir"' EXIT
start_cluster "$dir"
# enough memory to keep both tables cached, so scans measure CPU, not disk
as_owner "$PGBIN/pg_ctl" -D "$dir/data" -w -m fast stop >/dev/null
cat >> "$dir/data/postgresql.conf" <<CONF
shared_buffers = '4GB'
work_mem = '256MB'
max_worker_processes = 8
max_parallel_workers = 4
jit = off
CONF
as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
	-o "-c listen_addresses='' -c unix_socket_directories='$dir' -c port=5432" start >/dev/null

psql_q() { as_owner psql -X -q -v ON_ERROR_STOP=1 "$@"; }

say "generating $rows rows"
psql_q -v rows="$rows" <<'SQL'
CREATE EXTENSION indicator;
CREATE EXTENSION pg_prewarm;
-- realistic rows: the level names, natures, comparators, units and target
-- sizes of real goal tables; about three in four targets met
CREATE TABLE gen AS
SELECT g,
       (ARRAY['产出指标', '产出指标', '产出指标', '效益指标', '满意度指标'])[1 + g % 5] AS level1,
       (ARRAY['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '服务对象满意度指标'])[1 + (g / 5) % 6] AS level2,
       (ARRAY['正向', '正向', '正向', '反向', '正向', '正向'])[1 + g % 6] AS nature,
       (ARRAY['>=', '>=', '=', '<=', '>=', '='])[1 + g % 6] AS comparator,
       ((ARRAY[10, 95, 100, 60, 600, 0])[1 + g % 6] + (g % 7))::numeric AS target,
       (ARRAY['次', '%', '%', '万元', '个', '%'])[1 + g % 6] AS unit,
       (1 + g % 8)::numeric AS weight,
       round(((ARRAY[10, 95, 100, 60, 600, 0])[1 + g % 6] + (g % 7))
             * (0.7 + ((g::bigint * 7919) % 600) / 1000.0), 1) AS actual
FROM generate_series(1, :rows) g;
CREATE TABLE bench_indicator AS
SELECT level1, level2, indicator(nature, comparator, target::text, unit) AS spec, weight, actual FROM gen;
CREATE TABLE bench_plain AS
SELECT level1, level2, nature, comparator, target, unit, weight, actual FROM gen;
DROP TABLE gen;
VACUUM ANALYZE bench_indicator;
VACUUM ANALYZE bench_plain;
SELECT pg_prewarm('bench_indicator'), pg_prewarm('bench_plain');

-- times in milliseconds as "median:min:max"
CREATE FUNCTION bench_summary(times numeric[]) RETURNS text LANGUAGE sql AS $$
	SELECT format('%s:%s:%s', round(percentile_disc(0.5) WITHIN GROUP (ORDER BY t), 1),
	              round(min(t), 1), round(max(t), 1)) FROM unnest(times) t
$$;

-- n runs of a query, summarised
CREATE FUNCTION bench(q text, n int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	times numeric[] := '{}';
	i int;
BEGIN
	EXECUTE q;	-- warm
	FOR i IN 1 .. n LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		times := times || (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric;
	END LOOP;
	RETURN bench_summary(times);
END $$;

-- the central rules over plain columns, as a finance system would write them
CREATE VIEW plain_scores AS
SELECT level1, level2, weight,
       CASE
         WHEN comparator IN ('>=', '>') THEN
           CASE WHEN greatest(actual, 0) >= target THEN weight
                WHEN target > 0 THEN least(round(weight * greatest(actual, 0) / target, 2), weight - 0.01)
                ELSE 0 END
         WHEN comparator IN ('<=', '<') THEN
           CASE WHEN greatest(actual, 0) <= target THEN weight
                WHEN target > 0 THEN least(round(weight * target / greatest(actual, 0), 2), weight - 0.01)
                ELSE 0 END
         WHEN comparator = '=' THEN
           CASE WHEN target = 0 THEN CASE WHEN greatest(actual, 0) <= 0 THEN weight ELSE 0 END
                WHEN nature = '反向' THEN
                  CASE WHEN greatest(actual, 0) <= target THEN weight
                       ELSE least(round(weight * target / greatest(actual, 0), 2), weight - 0.01) END
                ELSE
                  CASE WHEN greatest(actual, 0) >= target THEN weight
                       WHEN target > 0 THEN least(round(weight * greatest(actual, 0) / target, 2), weight - 0.01)
                       ELSE 0 END
           END
       END AS score
FROM bench_plain;
SQL

say "checking that both ways score alike"
psql_q -At <<'SQL'
SELECT 'scores agree: ' ||
       ((SELECT (scorecard(spec, actual, weight)).score FROM bench_indicator) =
        (SELECT sum(score) FROM plain_scores))::text;
SQL

# the floor: an aggregate over the same arguments that only counts
# (test/bench/floor), built here and loaded by path
floor_dir=$dir/floor
cp -r "$top/test/bench/floor" "$floor_dir"
make -C "$floor_dir" -s PG_CONFIG="$PGBIN/pg_config" >/dev/null
chmod -R a+rX "$floor_dir"
psql_q -v so="$floor_dir/floor.so" <<'SQL'
CREATE FUNCTION bench_floor_step(bigint, indicator, numeric, numeric) RETURNS bigint
	AS :'so', 'bench_floor_step' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE bench_floor(indicator, numeric, numeric) (SFUNC = bench_floor_step, STYPE = bigint,
	COMBINEFUNC = int8pl, INITCOND = '0', PARALLEL = SAFE);
SQL

run() {
	local workers=$1
	psql_q -At -v repeats="$repeats" -v workers="$workers" <<'SQL'
SET max_parallel_workers_per_gather = :workers;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SELECT format('%s|%s|%s|%s|%s|%s|%s|%s|%s|%s',
  bench('SELECT count(*) FROM bench_indicator', :repeats),
  bench('SELECT sum(weight) FROM bench_indicator', :repeats),
  bench('SELECT bench_floor(spec, actual, weight) FROM bench_indicator', :repeats),
  bench('SELECT scorecard(spec, actual, weight) FROM bench_indicator', :repeats),
  bench('SELECT level1, level2, scorecard(spec, actual, weight) FROM bench_indicator GROUP BY ROLLUP (level1, level2)', :repeats),
  bench('SELECT level1, level2, sum(weight) FROM bench_indicator GROUP BY ROLLUP (level1, level2)', :repeats),
  bench('SELECT sum(score), sum(weight), count(*) FROM plain_scores', :repeats),
  bench('SELECT level1, level2, sum(score), sum(weight), count(*) FROM plain_scores GROUP BY ROLLUP (level1, level2)', :repeats),
  bench('SELECT monitor(spec, actual, weight, 7) FROM bench_indicator', :repeats),
  bench('SELECT level1, level2, monitor(spec, actual, weight, 7) FROM bench_indicator GROUP BY ROLLUP (level1, level2)', :repeats));
SQL
}

ratio() { awk -v a="${1%%:*}" -v b="${2%%:*}" 'BEGIN { printf "%.2f", a / b }'; }
med() { echo "${1%%:*}"; }
spread() { local r=${1#*:}; echo "${r%%:*}-${r#*:}"; }
# ns a row above count(*)
per_row() { awk -v a="${1%%:*}" -v c="${2%%:*}" -v n="$rows" 'BEGIN { printf "%.0f", (a - c) * 1e6 / n }'; }
line() {
	printf '  %-34s %10.1f ms  [%s]  %5s ns/row over (a)  %s\n' "$1" "$(med "$2")" "$(spread "$2")" "$(per_row "$2" "$count")" "${3:-}"
}

for workers in 0 2; do
	say "timing with $workers parallel workers (median of $repeats, [min-max])"
	IFS='|' read -r count sum floor sc scr sumr plain plainr mon monr < <(run "$workers")
	label=$([ "$workers" = 0 ] && echo serial || echo "2 workers")
	echo
	echo "== $label, $rows rows: median of $repeats [min-max]"
	line "(a) count(*)" "$count"
	line "(b) sum(weight)" "$sum"
	line "(g) floor: read the 3 args, count" "$floor" "$(ratio "$floor" "$sum")x (b)"
	line "(c) scorecard" "$sc" "$(ratio "$sc" "$sum")x (b), $(ratio "$sc" "$floor")x (g)   goal <= 1.0x (b)"
	line "(d) scorecard ROLLUP" "$scr" "$(ratio "$scr" "$sumr")x sum(weight) ROLLUP ($(med "$sumr") ms)   goal <= 1.1x"
	line "(e) the rules in plain SQL" "$plain" "(c) is $(ratio "$plain" "$sc")x faster   goal >= 4x"
	line "    the rules in plain SQL, ROLLUP" "$plainr" "(d) is $(ratio "$plainr" "$scr")x faster"
	line "(i) monitor (1-7月 lights)" "$mon" "$(ratio "$mon" "$sum")x (b), $(ratio "$mon" "$sc")x (c)"
	line "    monitor ROLLUP" "$monr" "$(ratio "$monr" "$sumr")x sum(weight) ROLLUP"
done

# COPY of the same rows as text, into (indicator, numeric, numeric) and into
# (text, numeric, numeric): what reading the literal costs
say "COPY: $rows rows into indicator and into text (median of $repeats)"
copy_file=$dir/copy.txt
psql_q -At -v f="$copy_file" -v repeats="$repeats" <<'SQL' >"$dir/copy.out"
COPY (SELECT spec::text, actual, weight FROM bench_indicator) TO :'f';
CREATE UNLOGGED TABLE copy_indicator (spec indicator, actual numeric, weight numeric);
CREATE UNLOGGED TABLE copy_text (spec text, actual numeric, weight numeric);
CREATE FUNCTION bench_copy(tab text, f text, n int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	times numeric[] := '{}';
	i int;
BEGIN
	FOR i IN 1 .. n LOOP
		EXECUTE format('TRUNCATE %I', tab);
		t0 := clock_timestamp();
		EXECUTE format('COPY %I FROM %L', tab, f);
		times := times || (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric;
	END LOOP;
	RETURN bench_summary(times);
END $$;
SELECT bench_copy('copy_text', :'f', :repeats) || '|' || bench_copy('copy_indicator', :'f', :repeats);
SQL
IFS='|' read -r copy_text copy_ind <"$dir/copy.out"
echo
echo "== (h) COPY of $rows rows from a text file: median of $repeats [min-max]"
printf '  into (text, numeric, numeric)       %10.1f ms  [%s]\n' "$(med "$copy_text")" "$(spread "$copy_text")"
printf '  into (indicator, numeric, numeric)  %10.1f ms  [%s]  %sx   goal <= 1.3x\n' "$(med "$copy_ind")" "$(spread "$copy_ind")" "$(ratio "$copy_ind" "$copy_text")"

echo
echo "== (f) on-disk size"
psql_q -At <<'SQL'
SELECT format('  indicator table %s, plain-column table %s: %sx',
              pg_size_pretty(pg_total_relation_size('bench_indicator')),
              pg_size_pretty(pg_total_relation_size('bench_plain')),
              round(pg_total_relation_size('bench_indicator')::numeric / pg_total_relation_size('bench_plain'), 2));
SELECT format('  average indicator value %s bytes; plain nature+comparator+target+unit %s bytes',
              (SELECT round(avg(pg_column_size(spec)), 1) FROM bench_indicator),
              (SELECT round(avg(pg_column_size(nature) + pg_column_size(comparator) + pg_column_size(target)
                               + pg_column_size(unit)), 1) FROM bench_plain));
SQL

say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
