#!/usr/bin/env bash
# The main job: on a fresh Debian 12 machine (as root) install what is
# needed, build and install the extension, start a throwaway cluster, create
# the reference schema, load the nine bundled 2022 goal tables, apply the
# bundled SAMPLE actual results and print each project's 自评表 sheet and
# the weight check.  Stops the cluster at the end, unless --keep is given.
#
#   bash test/demo.sh          # run the demo, then stop the cluster
#   bash test/demo.sh --keep   # leave the cluster running and say how to connect
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

keep=no
[ "${1:-}" = "--keep" ] && keep=yes

if [ "${DEMO_SKIP_BUILD:-no}" != yes ]; then
	install_packages
	build_and_install "$top"
fi

dir=$(mktemp -d /tmp/indicator-demo.XXXXXX)
say "starting a throwaway cluster in $dir (unix socket only)"
start_cluster "$dir"
if [ "$keep" = no ]; then
	trap 'stop_cluster "$dir"; rm -rf "$dir"' EXIT
fi

as_owner createdb indicator_demo
export PGDATABASE=indicator_demo
# the cluster owner reads the bundled data from a copy in the cluster's directory
mkdir -p "$dir/work/data"
cp "$top"/data/*.csv "$top"/data/*.sql "$top"/data/*.txt "$dir/work/data/"
[ "$(id -u)" = 0 ] && chown -R postgres "$dir/work"
cd "$dir/work"

say "creating the reference schema; importing the nine bundled 2022 tables from their raw export"
as_owner psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION indicator' \
	-f data/schema.sql -f data/import_raw.sql -f data/load_sample_results.sql \
	-f data/load_sample_monitor.sql

as_owner psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
\pset footer off
\echo
\echo '== The bundled 2022 goal tables, imported from the raw export (data/goal_tables_2022.txt)'
SELECT p.project_code, p.name, count(*) AS indicators,
       count(*) FILTER (WHERE nature(spec) = '定性') AS qualitative,
       count(*) FILTER (WHERE spec::text::indicator = spec) AS round_trips
FROM goal_project p JOIN goal_indicator i USING (project_code)
GROUP BY p.project_code, p.name ORDER BY min(i.source_line);

\echo
\echo '== Weight check per project (产出 50, 效益 30, 满意度 10, 预算执行率 10)'
SELECT p.project_code,
       bool_and(w.ok) AS all_ok,
       string_agg(w.item || ' ' || w.actual, ', ' ORDER BY w.item) FILTER (WHERE w.item <> '合计') AS weights,
       max(w.actual) FILTER (WHERE w.item = '合计') AS total
FROM goal_project p
CROSS JOIN LATERAL (SELECT array_agg(level1) AS l, array_agg(weight) AS w
                    FROM goal_indicator i WHERE i.project_code = p.project_code) a
CROSS JOIN LATERAL weight_check(a.l, a.w, p.budget_execution_weight) w
GROUP BY p.project_code ORDER BY p.project_code;
SQL

echo
echo "== 项目支出绩效自评表 of each project, scored against SAMPLE (invented) actual results"
for project in $(as_owner psql -X -At -c "SELECT project_code FROM goal_project ORDER BY project_code"); do
	echo
	as_owner psql -X -At -c "SELECT '-- ' || project_code || '  ' || name FROM goal_project WHERE project_code = '$project'"
	as_owner psql -X -q -P footer=off -v project="$project" -f data/sheet.sql
done

as_owner psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
\pset footer off
\echo
\echo '== All nine projects at a glance'
SELECT p.project_code, (s.sc).weight AS 指标分值, (s.sc).score AS 指标得分,
       budget_execution_score(b.spent, b.budget, p.budget_execution_weight) AS 预算执行得分,
       (s.sc).score + budget_execution_score(b.spent, b.budget, p.budget_execution_weight) AS 总分,
       grade((s.sc).score + budget_execution_score(b.spent, b.budget, p.budget_execution_weight)) AS 等级
FROM goal_project p
JOIN budget_execution b USING (project_code)
JOIN (SELECT project_code, scorecard(i.spec, a.actual, i.weight) AS sc
      FROM goal_indicator_current i LEFT JOIN actual_result a USING (project_code, source_line)
      GROUP BY project_code) s USING (project_code)
ORDER BY p.project_code;

\echo
\echo '== Goal adjustments (目标调整, SAMPLE): monitoring and scoring use the target in force'
SELECT project_code, source_line, name, adjusted_on, original, adjusted, reason FROM goal_change;
SQL

echo
echo "== 项目支出绩效目标执行监控表 of each project as of 2022-07-31, against SAMPLE (invented) 1-7月 values"
for project in $(as_owner psql -X -At -c "SELECT project_code FROM goal_project ORDER BY project_code"); do
	echo
	as_owner psql -X -At -c "SELECT '-- ' || project_code || '  ' || name FROM goal_project WHERE project_code = '$project'"
	as_owner psql -X -q -P footer=off -v project="$project" -v as_of=2022-07-31 -f data/monitor_sheet.sql
done

as_owner psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
\pset footer off
\echo
\echo '== Monitoring at a glance, 2022-07-31 (SAMPLE values)'
SELECT project_code, project_light AS 项目灯, goal_light AS 目标灯, budget_light AS 预算灯,
       red AS 红, yellow AS 黄, green AS 绿, blue AS 蓝, unlit AS 未亮灯,
       reasons AS 需说明, reasons_missing AS 未填, goal_progress AS 目标进度, budget_rate AS 执行率
FROM project_monitor_result ORDER BY project_code;

\echo
\echo '== 目标审核: the review of each goal table (R1-R16; README: Reviewing goal tables)'
SELECT project_code, rule AS 规则, dimension AS 维度, severity AS 程度, message AS 审核意见
FROM goal_review_result ORDER BY project_code, length(rule), rule, source_lines;
\echo
\echo '== 目标审核 grades (88号: 优 into the budget, 良 after consultation, 中 revise, 差 not budgeted)'
SELECT project_code, name, errors AS 错误, warnings AS 警告, findings AS 提示, grade AS 等级
FROM project_review_result ORDER BY project_code;
SQL

if [ "$keep" = yes ]; then
	echo
	echo "The cluster keeps running. Connect with:"
	echo "  psql -h $dir -p 5432 -U postgres indicator_demo"
	echo "Print one project's sheet with:"
	echo "  cd $dir/work && psql -h $dir -U postgres -v project=15060022200000035288 -f data/sheet.sql indicator_demo"
	echo "and its monitoring sheet with:"
	echo "  cd $dir/work && psql -h $dir -U postgres -v project=15060022200000035288 -v as_of=2022-07-31 -f data/monitor_sheet.sql indicator_demo"
	echo "Stop it with:"
	echo "  runuser -u postgres -- $PGBIN/pg_ctl -D $dir/data stop"
else
	echo
	echo "Demo finished; the cluster is stopped. Run with --keep to explore it in psql."
fi
