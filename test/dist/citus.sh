#!/usr/bin/env bash
# Citus check: where Citus is installed for the host's major, a coordinator
# and two workers on unix sockets, the reference schema distributed in the
# order its foreign keys need (goal_project first, then goal_indicator,
# actual_result and budget_execution, all on project_code), the bundled
# tables and generated rows loaded, and every result compared with the same
# query over local tables on the coordinator.  The plan shapes are read from
# EXPLAIN (VERBOSE) text, and citus.coordinator_aggregation_strategy is
# 'disabled' throughout, so that a query Citus could only answer by pulling
# the rows to the coordinator shows up as an error instead.
#
#   bash test/dist/citus.sh [rows]      # default 200000
#
# Citus is not in Debian: without citus.so in the server's pkglibdir the
# script says so and exits 0.  Prints TAP lines; stops its servers on exit.
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"
rows=${1:-200000}

if [ ! -f "$("$PGBIN/pg_config" --pkglibdir)/citus.so" ]; then
	echo "# Citus is not installed for PostgreSQL $("$PGBIN/pg_config" --version | awk '{print $2}'): skipped"
	exit 0
fi

base=$(mktemp -d /tmp/indicator-citus.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$base"
cleanup() {
	for node in coord worker1 worker2; do stop_cluster "$base/$node"; done
	rm -rf "$base"
}
trap cleanup EXIT
[ -n "${CITUS_KEEP:-}" ] && trap - EXIT && echo "# kept: $base"
for node in coord worker1 worker2; do
	start_cluster "$base/$node" >/dev/null
	as_owner "$PGBIN/pg_ctl" -D "$base/$node/data" -w -m fast stop >/dev/null
	cat >>"$base/$node/data/postgresql.conf" <<CONF
shared_preload_libraries = 'citus'
max_connections = 200
CONF
	as_owner "$PGBIN/pg_ctl" -D "$base/$node/data" -l "$base/$node/server.log" -w \
		-o "-c listen_addresses='' -c unix_socket_directories='$base/$node' -c port=5432" start >/dev/null
done

on() { local node=$1; shift; as_owner psql -X -q -At -v ON_ERROR_STOP=1 -h "$base/$node" -p 5432 -U postgres -d postgres "$@"; }
# a query on the coordinator, errors kept in the output
try() { as_owner psql -X -q -At -h "$base/coord" -p 5432 -U postgres -d postgres -c "SET citus.coordinator_aggregation_strategy = 'disabled'" -c "$1" 2>&1; }

for node in worker1 worker2 coord; do
	on "$node" -c "CREATE EXTENSION citus" -c "CREATE EXTENSION indicator"
done
on coord -c "SELECT citus_set_coordinator_host('$base/coord', 5432)" >/dev/null
on coord -c "SELECT citus_add_node('$base/worker1', 5432)" -c "SELECT citus_add_node('$base/worker2', 5432)" >/dev/null
echo "# $(on coord -c "SELECT 'Citus ' || citus_version()" | cut -d, -f1) on $("$PGBIN/pg_config" --version)"

# the reference schema, distributed in the order its foreign keys need
schema_dir=$base/work
mkdir -p "$schema_dir"
cp -r "$top/data" "$schema_dir/"
chown -R postgres "$schema_dir" 2>/dev/null || true
# (views made before their tables are distributed stay on the coordinator: Citus warns)
(cd "$schema_dir" && on coord -f data/schema.sql >/dev/null 2>&1)
on coord <<'SQL' >/dev/null
SELECT create_distributed_table('goal_project', 'project_code');
SELECT create_distributed_table('goal_indicator', 'project_code', colocate_with => 'goal_project');
SELECT create_distributed_table('actual_result', 'project_code', colocate_with => 'goal_project');
SELECT create_distributed_table('budget_execution', 'project_code', colocate_with => 'goal_project');
SELECT create_distributed_table('goal_adjustment', 'project_code', colocate_with => 'goal_project');
SELECT create_distributed_table('monitor_result', 'project_code', colocate_with => 'goal_project');
SELECT create_distributed_table('budget_monitor', 'project_code', colocate_with => 'goal_project');
SQL
(cd "$schema_dir" && on coord -f data/load_clean.sql >/dev/null 2>&1)
# the same schema and tables, not distributed, in a database of their own
on coord -c "CREATE DATABASE localref"
onref() { as_owner psql -X -q -At -v ON_ERROR_STOP=1 -h "$base/coord" -p 5432 -U postgres -d localref "$@"; }
onref -c "CREATE EXTENSION indicator"
(cd "$schema_dir" && onref -f data/schema.sql -f data/load_clean.sql >/dev/null 2>&1)

# generated rows, distributed and local
on coord -v rows="$rows" <<'SQL' >/dev/null
CREATE TABLE facts AS
SELECT 'P' || (g % 997) AS project_code,
       (ARRAY['产出指标', '产出指标', '效益指标', '满意度指标'])[1 + g % 4] AS level1,
       (ARRAY['数量指标', '质量指标', '社会效益指标', '服务对象满意度指标'])[1 + (g / 4) % 4] AS level2,
       (ARRAY['>= 100 次', '<= 60 万元', '正向 = 100 %', '95%～100%', '= 0 %', '>= 3.5 小时', '定性 有效提高'])[1 + g % 7]::indicator AS spec,
       CASE WHEN g % 7 = 6 THEN NULL ELSE ((g::bigint * 7919) % 16000)::numeric / 100 END AS actual,
       ((g % 9) + 1)::numeric / 2 AS weight
FROM generate_series(1, :rows) g;
CREATE TABLE facts_local AS SELECT * FROM facts;
SELECT create_distributed_table('facts', 'project_code');
SELECT truncate_local_data_after_distributing_table('facts');
ANALYZE facts; ANALYZE facts_local;
SQL

# equal: the distributed query and the local one give the same rows, both ways
same() {
	local dist=$1 local_q=$2
	try "SELECT count(*) FROM (($dist) EXCEPT ALL ($local_q)) a" | tail -1
	try "SELECT count(*) FROM (($local_q) EXCEPT ALL ($dist)) b" | tail -1
}
eq() { check "$1" "$(same "$2" "$3" | tr '\n' ' ')" "0 0 "; }

eq "GROUP BY project_code: scorecard equal to the local table" \
	"SELECT project_code, (scorecard(spec, actual, weight))::text FROM facts GROUP BY 1" \
	"SELECT project_code, (scorecard(spec, actual, weight))::text FROM facts_local GROUP BY 1"
plan=$(try "EXPLAIN (VERBOSE, COSTS OFF) SELECT project_code, scorecard(spec, actual, weight) FROM facts GROUP BY 1")
check "GROUP BY project_code: the whole aggregate runs on the workers" \
	"$(printf '%s\n' "$plan" | grep -c 'coord_combine_agg')" "0"
eq "GROUP BY level1, level2: scorecard equal to the local table" \
	"SELECT level1, level2, (scorecard(spec, actual, weight))::text FROM facts GROUP BY 1, 2" \
	"SELECT level1, level2, (scorecard(spec, actual, weight))::text FROM facts_local GROUP BY 1, 2"
plan=$(try "EXPLAIN (VERBOSE, COSTS OFF) SELECT level1, level2, scorecard(spec, actual, weight) FROM facts GROUP BY 1, 2")
printf '%s\n' "$plan" | grep -E 'coord_combine_agg|worker_partial_agg' | sed 's/^ */# plan: /' | cut -c1-160 | head -2
check "GROUP BY level1, level2: worker_partial_agg on the workers, coord_combine_agg on the coordinator" \
	"$(printf '%s\n' "$plan" | grep -c 'worker_partial_agg' | awk '{print ($1 > 0)}')$(printf '%s\n' "$plan" | grep -c 'coord_combine_agg' | awk '{print ($1 > 0)}')" "11"
for policy in central hubei tianjin jiangxi; do
	eq "policy $policy, text actuals: equal to the local table" \
		"SELECT level1, (scorecard(spec, actual::text, weight, '$policy'))::text FROM facts GROUP BY 1" \
		"SELECT level1, (scorecard(spec, actual::text, weight, '$policy'))::text FROM facts_local GROUP BY 1"
done
check "GROUP BY ROLLUP over the shards is refused by Citus (the README's pattern is needed)" \
	"$(try "SELECT level1, level2, scorecard(spec, actual, weight) FROM facts GROUP BY ROLLUP (level1, level2)" | grep -c 'GROUPING SETS')" "1"
rollup="WITH s AS (SELECT level1, level2, scorecard_partial(spec, actual, weight) AS st FROM facts GROUP BY 1, 2)
	SELECT level1, level2, GROUPING(level1, level2) AS g, (scorecard_finish(scorecard_merge(st)))::text FROM s GROUP BY ROLLUP (level1, level2)"
eq "the roll-up pattern (per-level states, ROLLUP over merge/finish): equal to GROUP BY ROLLUP on the local table" \
	"$rollup" \
	"SELECT level1, level2, GROUPING(level1, level2), (scorecard(spec, actual, weight))::text FROM facts_local GROUP BY ROLLUP (level1, level2)"
check "scorecard(... ORDER BY ...) is not pushed down: an error with the fallback disabled" \
	"$(try "SELECT level1, scorecard(spec, actual, weight ORDER BY weight) FROM facts GROUP BY 1" | grep -c '^ERROR')" "1"
eq "monitor by level1 as of July: equal to the local table" \
	"SELECT level1, (monitor(spec, actual, weight, 7))::text FROM facts GROUP BY 1" \
	"SELECT level1, (monitor(spec, actual, weight, 7))::text FROM facts_local GROUP BY 1"
eq "score() in WHERE: equal to the local table" \
	"SELECT project_code, count(*) FROM facts WHERE score(spec, actual, weight) = weight GROUP BY 1" \
	"SELECT project_code, count(*) FROM facts_local WHERE score(spec, actual, weight) = weight GROUP BY 1"

# the reference schema's views over the distributed tables
check "the bundled tables load into the distributed schema" \
	"$(on coord -c "SELECT count(*) FROM goal_indicator")" "203"
# the same query over the distributed schema and over the local one: the same text
alike() { check "$1" "$(try "$2" | md5sum)" "$(onref -c "$2" 2>&1 | md5sum)"; }
alike "project_result (自评 scores and grades) over distributed tables: equal to the local schema" \
	"SELECT * FROM project_result ORDER BY 1"
alike "scorecard_result (the sheet's roll-up) over distributed tables: equal to the local schema" \
	"SELECT * FROM scorecard_result ORDER BY 1, level1_key NULLS LAST, level2_key NULLS LAST"
check "goal_review_result over distributed tables is refused: its history is found by name, across shards" \
	"$(try "SELECT count(*) FROM goal_review_result" | grep -c 'complex joins are only supported')" "1"
# one call whose arrays the coordinator gathers, each in a CTE of its own (two ARRAY()
# sublinks over distributed tables in one query are "complex joins" to Citus)
one_call="WITH p AS MATERIALIZED (
	SELECT array_agg(ROW(p.project_code, p.name, p.year, p.department, p.total_funds, p.fiscal_funds, p.non_fiscal_funds,
	                     p.budget_execution_weight, p.annual_goal, p.attribute, p.period_start, p.period_end)::goal_review_project) AS a
	FROM goal_project p WHERE p.year = 2022
), r AS MATERIALIZED (
	SELECT array_agg(ROW(i.project_code, i.level1, i.level2, i.name, i.spec, i.weight, i.source_line, NULL)::goal_review_row) AS a
	FROM goal_indicator i JOIN goal_project p ON p.project_code = i.project_code WHERE p.year = 2022
), h AS MATERIALIZED (
	SELECT array_agg(ROW(h.project_code, hp.name, hp.year, h.name, h.spec, a.actual, h.source_line)::goal_review_history) AS a
	FROM goal_project hp JOIN goal_indicator h ON h.project_code = hp.project_code
	     LEFT JOIN actual_result a ON a.project_code = h.project_code AND a.source_line = h.source_line
	WHERE hp.year IN (2021, 2020)
)
SELECT f.* FROM p, r, h, goal_review(p.a, r.a, 'central', h.a) f"
check "the review as one call, its arrays gathered from the shards: equal to goal_review_result on the local schema" \
	"$(try "SELECT project_code, rule, source_lines, message FROM ($one_call) x ORDER BY 1, 2, 3, 4" | md5sum)" \
	"$(onref -c "SELECT project_code, rule, source_lines, message FROM goal_review_result ORDER BY 1, 2, 3, 4" | md5sum)"
check "... and it finds the bundled tables' 15" "$(try "SELECT count(*) FROM ($one_call) x" | tail -1)" "15"
echo "1..$n"
