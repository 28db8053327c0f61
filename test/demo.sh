#!/usr/bin/env bash
# The main job: on a fresh Debian 12 machine (as root) install what is
# needed, build and install the extension, start a throwaway cluster, load
# the nine bundled 2022 goal tables and show what the indicator type makes
# of them.  Stops the cluster at the end, unless --keep is given.
#
#   bash test/demo.sh          # run the demo, then stop the cluster
#   bash test/demo.sh --keep   # leave the cluster running and say how to connect
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

keep=no
[ "${1:-}" = "--keep" ] && keep=yes

install_packages
build_and_install "$top"

dir=$(mktemp -d /tmp/indicator-demo.XXXXXX)
say "starting a throwaway cluster in $dir (unix socket only)"
start_cluster "$dir"
if [ "$keep" = no ]; then
	trap 'stop_cluster "$dir"; rm -rf "$dir"' EXIT
fi

as_owner createdb indicator_demo
export PGDATABASE=indicator_demo
# the postgres user must be able to read the bundled data
cp "$top/data/goal_rows_2022.csv" "$dir/goal_rows_2022.csv"
[ "$(id -u)" = 0 ] && chown postgres "$dir/goal_rows_2022.csv"

as_owner psql -X -q -v ON_ERROR_STOP=1 -v rows="$dir/goal_rows_2022.csv" -v bin="$dir/goal_indicator.bin" <<'SQL'
\pset footer off
CREATE EXTENSION indicator;

-- 1. Load the clean CSV of the bundled tables with plain COPY, then type it.
CREATE TABLE staging (
	project_code text, level1 text, level2 text, name text,
	nature text, comparator text, target text, unit text,
	weight numeric, source_line int
);
COPY staging FROM :'rows' (FORMAT csv, HEADER);
CREATE TABLE goal_indicator AS
	SELECT project_code, level1, level2, name,
	       indicator(nature, comparator, target, unit) AS spec, weight, source_line
	FROM staging;

\echo
\echo '== The nine 2022 goal tables, typed: indicators and weights per project'
SELECT project_code, count(*) AS indicators,
       sum(weight) FILTER (WHERE level1 = '产出指标') AS 产出,
       sum(weight) FILTER (WHERE level1 = '效益指标') AS 效益,
       sum(weight) FILTER (WHERE level1 = '满意度指标') AS 满意度,
       count(*) FILTER (WHERE nature(spec) = '定性') AS qualitative
FROM goal_indicator GROUP BY project_code ORDER BY min(source_line);

\echo
\echo '== One project as the table wrote it and as the type reads it'
SELECT s.level2, s.name, concat_ws(' ', s.nature, nullif(s.comparator, ''), s.target, nullif(s.unit, '')) AS written,
       g.spec, target(g.spec), unit(g.spec), g.weight
FROM staging s JOIN goal_indicator g USING (source_line)
WHERE s.project_code = '15060022200000035268' ORDER BY source_line;

\echo
\echo '== Every cell round-trips: text and binary'
COPY (SELECT source_line, spec FROM goal_indicator) TO :'bin' (FORMAT binary);
CREATE TEMP TABLE reloaded (source_line int, spec indicator);
COPY reloaded FROM :'bin' (FORMAT binary);
SELECT count(*) AS indicators,
       count(*) FILTER (WHERE g.spec::text::indicator = g.spec) AS text_round_trips,
       count(*) FILTER (WHERE r.spec = g.spec) AS binary_round_trips
FROM goal_indicator g LEFT JOIN reloaded r USING (source_line);

\echo
\echo '== Units met in the tables, with their dimensions; money converts exactly'
SELECT unit(spec) AS unit, unit_dimension(unit(spec)) AS dimension, count(*)
FROM goal_indicator WHERE unit(spec) IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 1;
SELECT name, spec, to_unit(spec, '元') AS in_yuan
FROM goal_indicator WHERE unit(spec) = '万元' ORDER BY source_line LIMIT 5;

\echo
\echo '== Storage: bytes per indicator on disk'
SELECT nature(spec) = '定性' AS qualitative, count(*), min(pg_column_size(spec)) AS min_bytes,
       max(pg_column_size(spec)) AS max_bytes, round(avg(pg_column_size(spec)), 1) AS avg_bytes
FROM goal_indicator GROUP BY 1 ORDER BY 1;
SQL

if [ "$keep" = yes ]; then
	echo
	echo "The cluster keeps running. Connect with:"
	echo "  psql -h $dir -p 5432 -U postgres indicator_demo"
	echo "Stop it with:"
	echo "  runuser -u postgres -- $PGBIN/pg_ctl -D $dir/data stop"
else
	echo
	echo "Demo finished; the cluster is stopped. Run with --keep to explore it in psql."
fi
