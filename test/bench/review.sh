#!/usr/bin/env bash
# Benchmark of the goal-table review (目标审核) over generated projects
# (test/review_gen.sql: 12 rows each, every rule planted at its own period)
# in the reference schema, on a throwaway cluster.  Prints the times and the
# ratio to gathering the same arrays without reviewing them.
#
#   bash test/bench/review.sh            # 100,000 projects (1.2 million rows), and as many of 2021
#   bash test/bench/review.sh 10000      # a quick run
#
# (a) the baseline: per project, the arrays goal_review_result builds, counted
# (b) goal_review_result: the view, one goal_review() call per project, with the 2021 tables as history
# (c) project_review_result: the grades over (b)
# (d) one goal_review() call over every project's arrays at once (the importer's shape)
# (e) the same with the 2021 tables as history in the same call
# It checks first that (b) and (e) find the same, finding for finding.
# The goal of #14 is (b) under 10 s at 100,000 projects on this machine.
# Ratios are taken within one run on one machine; absolute times are only
# context.  Not a test: nothing here fails on a slow machine.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

projects=${1:-100000}
repeats=${BENCH_REPEATS:-3}
skip_build=${BENCH_SKIP_BUILD:-no}

if [ "$skip_build" != yes ]; then
	install_packages
	build_and_install "$top"
fi

dir=$(mktemp -d /tmp/indicator-bench.XXXXXX)
trap 'stop_cluster "$dir"; rm -rf "$dir"' EXIT
start_cluster "$dir"
cp "$top/data/schema.sql" "$top/test/review_gen.sql" "$dir/"
chmod a+r "$dir"/*.sql

psql_q() { as_owner psql -X -q -v ON_ERROR_STOP=1 "$@"; }

say "generating $projects projects of 2022 and of 2021"
psql_q -v n="$projects" -v schema="$dir/schema.sql" -v gen="$dir/review_gen.sql" <<'SQL'
CREATE EXTENSION indicator;
\i :schema
\i :gen
INSERT INTO goal_project (project_code, name, year, department, total_funds, fiscal_funds, non_fiscal_funds,
                          budget_execution_weight, annual_goal, attribute, period_start, period_end)
SELECT (p).* FROM pg_temp.gen_review_projects(:n) p;
INSERT INTO goal_indicator (project_code, level1, level2, name, spec, weight, source_line)
SELECT (r).project_code, (r).level1, (r).level2, (r).name, coalesce((r).spec, '定性 待定'), coalesce((r).weight, 0), (r).source_line
FROM pg_temp.gen_review_rows(:n) r;
-- the same projects a year earlier, under the codes of that year, with actuals
INSERT INTO goal_project (project_code, name, year, department, total_funds, fiscal_funds, non_fiscal_funds,
                          budget_execution_weight, annual_goal)
SELECT 'Y' || project_code, name, 2021, department, total_funds, fiscal_funds, non_fiscal_funds,
       budget_execution_weight, annual_goal FROM goal_project;
INSERT INTO goal_indicator (project_code, level1, level2, name, spec, weight, source_line)
SELECT 'Y' || project_code, level1, level2, name, spec, weight, source_line FROM goal_indicator;
INSERT INTO actual_result (project_code, source_line, actual)
SELECT project_code, source_line, CASE WHEN source_line % 2 = 0 THEN '600人' ELSE '90%' END
FROM goal_indicator WHERE project_code LIKE 'Y%';
VACUUM ANALYZE;

CREATE FUNCTION bench(q text, n int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	times numeric[] := '{}';
	i int;
BEGIN
	FOR i IN 1 .. n LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		times := times || (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric;
	END LOOP;
	RETURN (SELECT format('%s:%s:%s', round(percentile_disc(0.5) WITHIN GROUP (ORDER BY t), 0),
	                      round(min(t), 0), round(max(t), 0)) FROM unnest(times) t);
END $$;
CREATE VIEW one_call AS
SELECT * FROM goal_review(
	ARRAY(SELECT ROW(p.project_code, p.name, p.year, p.department, p.total_funds, p.fiscal_funds, p.non_fiscal_funds,
	                 p.budget_execution_weight, p.annual_goal, p.attribute, p.period_start, p.period_end)::goal_review_project
	      FROM goal_project p WHERE p.year = 2022),
	ARRAY(SELECT ROW(i.project_code, i.level1, i.level2, i.name, i.spec, i.weight, i.source_line, NULL)::goal_review_row
	      FROM goal_indicator i WHERE i.project_code NOT LIKE 'Y%'),
	'central',
	ARRAY(SELECT ROW(h.project_code, hp.name, hp.year, h.name, h.spec, a.actual, h.source_line)::goal_review_history
	      FROM goal_project hp JOIN goal_indicator h ON h.project_code = hp.project_code
	      LEFT JOIN actual_result a ON a.project_code = h.project_code AND a.source_line = h.source_line
	      WHERE hp.year IN (2021, 2020)));
SQL

say "checking that the view and one call find the same"
psql_q -At <<'SQL'
SELECT 'review agrees: ' ||
       (NOT EXISTS (SELECT project_code, rule, source_lines, message FROM goal_review_result WHERE year = 2022
                    EXCEPT ALL SELECT project_code, rule, source_lines, message FROM one_call)
        AND NOT EXISTS (SELECT project_code, rule, source_lines, message FROM one_call
                        EXCEPT ALL SELECT project_code, rule, source_lines, message FROM goal_review_result WHERE year = 2022))::text;
SQL

say "timing (median of $repeats, [min-max])"
IFS='|' read -r base view grades one onehist findings < <(psql_q -At -v repeats="$repeats" <<'SQL'
SELECT format('%s|%s|%s|%s|%s|%s',
  bench($q$SELECT sum(x.n) FROM goal_project p,
	LATERAL (SELECT cardinality(ARRAY(SELECT ROW(i.project_code, i.level1, i.level2, i.name, i.spec, i.weight, i.source_line, NULL)::goal_review_row
	                                 FROM goal_indicator i WHERE i.project_code = p.project_code ORDER BY i.source_line))
	              + cardinality(ARRAY(SELECT ROW(h.project_code, hp.name, hp.year, h.name, h.spec, a.actual, h.source_line)::goal_review_history
	                                 FROM goal_project hp JOIN goal_indicator h ON h.project_code = hp.project_code
	                                 LEFT JOIN actual_result a ON a.project_code = h.project_code AND a.source_line = h.source_line
	                                 WHERE hp.year IN (p.year - 1, p.year - 2) AND hp.name = p.name)) AS n) x
	WHERE p.year = 2022$q$, :repeats),
  bench($q$SELECT count(*) FROM goal_review_result WHERE year = 2022$q$, :repeats),
  bench($q$SELECT count(*) FROM project_review_result WHERE year = 2022$q$, :repeats),
  bench($q$SELECT count(*) FROM goal_review(
	ARRAY(SELECT ROW(p.project_code, p.name, p.year, p.department, p.total_funds, p.fiscal_funds, p.non_fiscal_funds,
	                 p.budget_execution_weight, p.annual_goal, p.attribute, p.period_start, p.period_end)::goal_review_project
	      FROM goal_project p WHERE p.year = 2022),
	ARRAY(SELECT ROW(i.project_code, i.level1, i.level2, i.name, i.spec, i.weight, i.source_line, NULL)::goal_review_row
	      FROM goal_indicator i WHERE i.project_code NOT LIKE 'Y%'))$q$, :repeats),
  bench($q$SELECT count(*) FROM one_call$q$, :repeats),
  (SELECT count(*) FROM goal_review_result WHERE year = 2022));
SQL
)

ratio() { awk -v a="${1%%:*}" -v b="${2%%:*}" 'BEGIN { printf "%.2f", a / b }'; }
line() {
	local r=${2#*:}
	printf '  %-52s %8s ms  [%s]  %s\n' "$1" "${2%%:*}" "${r%%:*}-${r#*:}" "${3:-}"
}
echo
echo "== $projects projects of 12 rows, and their 2021 tables as history: median of $repeats [min-max]"
line "(a) gathering the arrays, per project" "$base"
line "(b) goal_review_result (per project, with history)" "$view" "$(ratio "$view" "$base")x (a)   goal < 10000 ms"
line "(c) project_review_result (the grades)" "$grades" "$(ratio "$grades" "$view")x (b)"
line "(d) one goal_review() call, no history" "$one" "$(ratio "$one" "$base")x (a)   goal < 10000 ms"
line "(e) one goal_review() call, with history" "$onehist" "$(ratio "$onehist" "$view")x (b)"
echo "  findings: $findings"
