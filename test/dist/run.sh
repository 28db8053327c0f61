#!/usr/bin/env bash
# Scale-out test: three local PostgreSQL instances on unix sockets (no TCP):
# a coordinator and two shards joined with postgres_fdw.  The same generated
# rows are loaded sharded (a partitioned table whose partitions are foreign
# tables) and unsharded (a local table), and the test checks that
#   (a) GROUP BY the partition key pushes scorecard() into each shard's
#       Remote SQL,
#   (b) for another grouping the two-phase form pushes scorecard_state()
#       to the shards and merges on the coordinator,
#   (c) every distributed result equals the single-node result exactly.
# Prints TAP lines; stops its servers on exit.
#
#   bash test/dist/run.sh [rows]        # default 120000
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"
rows=${1:-120000}
times=""

base=$(mktemp -d /tmp/indicator-dist.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$base"
cleanup() {
	for node in coord shard1 shard2; do stop_cluster "$base/$node"; done
	rm -rf "$base"
}
trap cleanup EXIT
for node in coord shard1 shard2; do
	start_cluster "$base/$node" >/dev/null
done

on() { local node=$1; shift; as_owner psql -X -q -At -v ON_ERROR_STOP=1 -h "$base/$node" -p 5432 -U postgres -d postgres "$@"; }

# the same rows everywhere: a generator every node runs
gen="SELECT g AS id,
       (ARRAY['东区', '西区'])[1 + g % 2] AS region,
       (ARRAY['财政局', '教育局', '卫健委', '交通局', '民政局'])[1 + (g / 2) % 5] AS department,
       (ARRAY['产出指标', '产出指标', '效益指标', '满意度指标'])[1 + g % 4] AS level1,
       (ARRAY['>= 100 次', '<= 60 万元', '正向 = 100 %', '95%～100%', '= 0 %', '>= 3.5 小时', '定性 有效提高'])[1 + g % 7]::indicator AS spec,
       CASE WHEN g % 7 = 6 THEN NULL ELSE ((g::bigint * 7919) % 16000)::numeric / 100 END AS actual,
       ((g % 9) + 1)::numeric / 2 AS weight
FROM generate_series(1, $rows) g"

for node in shard1 shard2; do
	on "$node" -c "CREATE EXTENSION indicator"
done
on shard1 -c "CREATE TABLE facts_east AS SELECT * FROM ($gen) x WHERE region = '东区'"
on shard2 -c "CREATE TABLE facts_west AS SELECT * FROM ($gen) x WHERE region = '西区'"
for node in shard1 shard2; do on "$node" -c "ANALYZE"; done

on coord <<SQL
CREATE EXTENSION indicator;
CREATE EXTENSION postgres_fdw;
CREATE TABLE single AS $gen;
ANALYZE single;
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '$base/shard1', port '5432', dbname 'postgres', extensions 'indicator', use_remote_estimate 'true', async_capable 'true');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '$base/shard2', port '5432', dbname 'postgres', extensions 'indicator', use_remote_estimate 'true', async_capable 'true');
CREATE USER MAPPING FOR postgres SERVER shard1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR postgres SERVER shard2 OPTIONS (user 'postgres');
CREATE TABLE facts (id int, region text, department text, level1 text, spec indicator, actual numeric, weight numeric)
	PARTITION BY LIST (region);
CREATE FOREIGN TABLE facts_east PARTITION OF facts FOR VALUES IN ('东区')
	SERVER shard1 OPTIONS (table_name 'facts_east');
CREATE FOREIGN TABLE facts_west PARTITION OF facts FOR VALUES IN ('西区')
	SERVER shard2 OPTIONS (table_name 'facts_west');
ANALYZE facts;
SQL

check "the sharded table holds the same rows as the single table" \
	"$(on coord -c "SELECT count(*), sum(weight) FROM facts")" \
	"$(on coord -c "SELECT count(*), sum(weight) FROM single")"

# (a) GROUP BY the partition key: the whole aggregate runs on the shards
q_a="SELECT region, scorecard(spec, actual, weight) FROM facts GROUP BY region"
plan=$(on coord -c "SET enable_partitionwise_aggregate = on" -c "EXPLAIN (VERBOSE, COSTS OFF) $q_a")
check "GROUP BY the partition key: scorecard() in the Remote SQL of both shards" \
	"$(printf '%s\n' "$plan" | grep -c 'Remote SQL: SELECT region, public.scorecard(spec, actual, weight) FROM public.facts_')" "2"
check "GROUP BY the partition key: equal to the single node" \
	"$(on coord -c "SET enable_partitionwise_aggregate = on" -c "$q_a ORDER BY 1")" \
	"$(on coord -c "SELECT region, scorecard(spec, actual, weight) FROM single GROUP BY region ORDER BY 1")"

# the roll-up of the partition key and another key, pushed whole as well
q_r="SELECT region, level1, scorecard(spec, actual, weight) FROM facts GROUP BY region, level1"
check "GROUP BY the partition key and level1: equal to the single node" \
	"$(on coord -c "SET enable_partitionwise_aggregate = on" -c "$q_r ORDER BY 1, 2")" \
	"$(on coord -c "SELECT region, level1, scorecard(spec, actual, weight) FROM single GROUP BY region, level1 ORDER BY 1, 2")"

# (b) another grouping: states per shard (pushed), merged on the coordinator
q_b="SELECT department, scorecard_finish(scorecard_merge(s)) AS card
FROM (SELECT region, department, scorecard_state(spec, actual, weight) AS s
      FROM facts GROUP BY region, department) per_shard
GROUP BY department"
plan=$(on coord -c "SET enable_partitionwise_aggregate = on" -c "EXPLAIN (VERBOSE, COSTS OFF) $q_b")
check "GROUP BY another key, two-phase: scorecard_state() in the Remote SQL of both shards" \
	"$(printf '%s\n' "$plan" | grep -c 'Remote SQL: SELECT region, department, public.scorecard_state(spec, actual, weight) FROM public.facts_')" "2"
check "GROUP BY another key, two-phase: equal to the single node" \
	"$(on coord -c "SET enable_partitionwise_aggregate = on" -c "$q_b ORDER BY 1")" \
	"$(on coord -c "SELECT department, scorecard(spec, actual, weight) FROM single GROUP BY department ORDER BY 1")"

# the roll-up pattern for engines that refuse or cannot push grouping sets
# (Citus, postgres_fdw): states per shard and (department, level1), pushed;
# ROLLUP over the merged states on the coordinator, GROUPING() markers and all
q_u="SELECT department, level1, GROUPING(department, level1) AS g, scorecard_finish(scorecard_merge(s)) AS card
FROM (SELECT region, department, level1, scorecard_partial(spec, actual, weight) AS s
      FROM facts GROUP BY region, department, level1) per_shard
GROUP BY ROLLUP (department, level1)"
plan=$(on coord -c "SET enable_partitionwise_aggregate = on" -c "EXPLAIN (VERBOSE, COSTS OFF) $q_u")
check "ROLLUP pattern: scorecard_partial() in the Remote SQL of both shards" \
	"$(printf '%s\n' "$plan" | grep -c 'Remote SQL: SELECT region, department, level1, public.scorecard_partial(spec, actual, weight) FROM public.facts_')" "2"
check "ROLLUP pattern: equal to GROUP BY ROLLUP on the single node, level markers included" \
	"$(on coord -c "SET enable_partitionwise_aggregate = on" -c "$q_u ORDER BY 3, 1, 2")" \
	"$(on coord -c "SELECT department, level1, GROUPING(department, level1) AS g, scorecard(spec, actual, weight) FROM single GROUP BY ROLLUP (department, level1) ORDER BY 3, 1, 2")"

# the grand total, two-phase, and the Citus-style route: states as text
check "grand total, two-phase through text: equal to the single node" \
	"$(on coord -c "SET enable_partitionwise_aggregate = on" -c "SELECT scorecard_finish(scorecard_merge(s::text::scorecard_state)) FROM (SELECT region, scorecard_state(spec, actual, weight) AS s FROM facts GROUP BY region) x")" \
	"$(on coord -c "SELECT scorecard(spec, actual, weight) FROM single")"

# without partitionwise aggregation rows come to the coordinator: same result
check "no pushdown (rows gathered): equal to the single node" \
	"$(on coord -c "SET enable_partitionwise_aggregate = off" -c "SELECT department, scorecard(spec, actual, weight) FROM facts GROUP BY department ORDER BY 1")" \
	"$(on coord -c "SELECT department, scorecard(spec, actual, weight) FROM single GROUP BY department ORDER BY 1")"

# the shards run the pushed aggregate under search_path = pg_catalog
check "the shards see remote sessions with search_path pg_catalog and still score" \
	"$(on shard1 -c "SET search_path = pg_catalog" -c "SELECT count(*) FROM (SELECT public.scorecard(spec, actual, weight) FROM public.facts_east GROUP BY department) x")" "5"

# the benchmark of issue "scale-out": on one machine this measures the
# overhead of distribution, not a speed-up
if [ "${DIST_BENCH:-no}" = yes ]; then
	for q in "SELECT region, level1, scorecard(spec, actual, weight) FROM single GROUP BY region, level1" \
		"SELECT region, level1, scorecard(spec, actual, weight) FROM facts GROUP BY region, level1"; do
		best=""
		for i in 1 2 3; do
			t=$(on coord -c "SET enable_partitionwise_aggregate = on" -c "SET max_parallel_workers_per_gather = 0" \
				-c "\\timing on" -c "$q" | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | tail -1)
			best="$best $t"
		done
		median=$(printf '%s\n' $best | sort -n | sed -n 2p)
		echo "# $(printf '%s' "$q" | cut -c1-60)... median ${median} ms"
		times="$times $median"
	done
	set -- $times
	echo "# distributed roll-up of 2 x $((rows / 2)) rows against the single-node roll-up of $rows rows: $(awk -v a="$2" -v b="$1" 'BEGIN { printf "%.2f", a / b }')x the time (one machine: overhead, not speed-up)"
fi

echo "1..$n"
