--
-- The importer on xlsx workbooks: the bundled tables written by openpyxl (one
-- sheet per project, merged level cells, number cells), and damaged workbooks,
-- each refused with what is wrong (test/data/xlsx/make_fixtures.py made them).
--
\getenv abs_srcdir PG_ABS_SRCDIR
\set dir :abs_srcdir '/test/data/xlsx/'
\set bundled :dir 'bundled.xlsx'
\set tables :abs_srcdir '/data/goal_tables_2022.txt'
CREATE TEMP TABLE wb AS SELECT pg_read_binary_file(:'bundled') AS b, pg_read_file(:'tables') AS t;

-- the same 203 rows as the text, in the same order, and no problem
SELECT count(*) AS rows,
       count(*) FILTER (WHERE x.project_code = t.project_code AND x.level1 = t.level1
                          AND x.level2 = t.level2 AND x.name = t.name AND x.spec = t.spec
                          AND x.weight = t.weight) AS identical
FROM (SELECT r.*, row_number() OVER () AS n FROM wb, goal_table_rows(b) r) x
FULL JOIN (SELECT r.*, row_number() OVER () AS n FROM wb, goal_table_rows(t) r) t USING (n);
SELECT count(*) AS problems FROM wb, goal_table_problems(b);
-- the projects too: header cells, amounts as number cells
SELECT count(*) AS projects,
       count(*) FILTER (WHERE x.name = t.name AND x.year = t.year AND x.total_funds = t.total_funds
                          AND x.budget_execution_weight = t.budget_execution_weight
                          AND x.annual_goal = t.annual_goal) AS identical
FROM (SELECT p.*, row_number() OVER () AS n FROM wb, goal_table_projects(b) p) x
FULL JOIN (SELECT p.*, row_number() OVER () AS n FROM wb, goal_table_projects(t) p) t USING (n);
-- a merged level cell counts for every row it covers; source_line is the row in its sheet
SELECT level1, level2, name, source_line FROM wb, goal_table_rows(b) LIMIT 3;
-- a NULL workbook is no rows
SELECT count(*) FROM goal_table_rows(NULL::bytea);

-- damaged workbooks: a clear error each, never a crash
SELECT f, (try_sql(format('SELECT count(*) FROM goal_table_rows(pg_read_binary_file(%L))', :'dir' || f))).*
FROM unnest(ARRAY['not_a_workbook.xlsx', 'ole.xls', 'truncated.xlsx', 'encrypted.xlsx',
                  'no_workbook.xlsx', 'bomb.xlsx']) f;
-- libxml2's own message for broken XML (its wording depends on the libxml2 version)
SELECT state, message FROM try_sql(format('SELECT count(*) FROM goal_table_rows(pg_read_binary_file(%L))',
                                           :'dir' || 'bad_xml.xlsx'));
