--
-- The importer: the nine bundled 2022 tables, every kind of slip, the
-- other layouts in use, and garbage.
--
\getenv abs_srcdir PG_ABS_SRCDIR
\set tables :abs_srcdir '/data/goal_tables_2022.txt'
\set rows :abs_srcdir '/data/goal_rows_2022.csv'
CREATE TABLE raw AS SELECT pg_read_file(:'tables') AS t;
CREATE TABLE expected (project_code text, level1 text, level2 text, name text, nature text,
                       comparator text, target text, unit text, weight numeric, source_line int);
COPY expected FROM :'rows' (FORMAT csv, HEADER);

-- the bundled file: exactly 203 indicators in 9 projects, and nothing left over
SELECT count(*) AS projects, count(DISTINCT project_code) AS codes, min(year), max(year)
FROM raw, goal_table_projects(t);
SELECT count(*) AS indicators FROM raw, goal_table_rows(t);
SELECT count(*) AS problems FROM raw, goal_table_problems(t);
-- every row equals the hand-written expected row: code, levels, name, indicator, weight
SELECT count(*) AS rows_compared,
       count(*) FILTER (WHERE r.project_code = e.project_code AND r.level1 = level_name(e.level1)
                          AND r.level2 = level_name(e.level2) AND r.name = e.name
                          AND r.spec = indicator(e.nature, e.comparator, e.target, e.unit)
                          AND r.weight = e.weight) AS identical
FROM expected e FULL JOIN (SELECT r.* FROM raw, goal_table_rows(t) r) r USING (source_line);
-- every project's weights are 50 / 30 / 10 plus 10
SELECT p.project_code, bool_and(w.ok) AS weights_ok
FROM raw, goal_table_projects(t) p
CROSS JOIN LATERAL (SELECT array_agg(r.level1) l, array_agg(r.weight) w
                    FROM goal_table_rows(t) r WHERE r.project_code = p.project_code) a
CROSS JOIN LATERAL weight_check(a.l, a.w, p.budget_execution_weight) w
GROUP BY p.project_code ORDER BY p.project_code;
SELECT project_code, name, year, department, implementer, total_funds, fiscal_funds,
       non_fiscal_funds, budget_execution_weight, left(annual_goal, 20) AS annual_goal, source_line
FROM raw, goal_table_projects(t) ORDER BY source_line;

-- the rows whose cells slipped, as the importer places them
SELECT source_line, level1, level2, name, spec, weight
FROM raw, goal_table_rows(t)
WHERE source_line IN (98, 100, 104, 108, 110, 111, 113, 161, 205, 275, 276, 335, 338, 339, 340)
ORDER BY source_line;

--
-- constructed tables: one per kind of slip and per layout
--
CREATE FUNCTION tsv(VARIADIC lines text[]) RETURNS text LANGUAGE sql AS
$$ SELECT string_agg(replace(l, '|', E'\t'), E'\n') FROM unnest(lines) l $$;
CREATE TABLE cases (name text, raw text);
INSERT INTO cases VALUES
('standard', tsv('# 测试项目绩效目标表', '(2023年)', '项目编码|11', '项目名称|测试项目',
	'投入目标 (万元)|资金总额|100.00', '|预算执行率权重(%)|10',
	'绩效指标|一级指标|二级指标|三级指标|指标性质|指标方向|目标值|计量单位|分值|备注',
	'|产出指标|数量指标|培训次数|正向|大于等于|10|次|20|',
	'|||宣传次数|正向|大于等于|5,000|份|30|',
	'|效益指标|社会效益|效果|定性||有效提高||30|',
	'|满意度指标|服务对象满意度|满意度|正向|大于等于|90|%|10|')),
('shifted right and left', tsv('项目编码|12',
	'|产出指标|数量指标|甲|正向|大于等于|10|次|25|',
	'||||乙|正向|大于等于|10|次|25|',
	'效益指标|社会效益|丙|定性||有效提高||30',
	'满意度指标|服务对象满意度|||丁|正向|大于等于|90|%|10')),
('label in the wrong column, repeated after a page break', tsv('项目编码|13',
	'|产出指标|数量指标|甲|正向|大于等于|10|次|25|',
	'', '|||数量指标|乙|正向|大于等于|10|次|25|',
	'|可持续影响|丙|定性||长期||30|',
	'|满意度指标|服务对象满意度|丁|正向|大于等于|90|%|10|')),
('target in the unit column, weight in the notes column', tsv('项目编码|14',
	'|产出指标|时效指标|甲|定性|||2023年12月前||50|',
	'|效益指标|社会效益|乙|定性||||有效提高||30',
	'|满意度指标|服务对象满意度|丙|正向||大于等于|90|%|10|')),
('a 无 placeholder stands alone', tsv('项目编码|15',
	'|产出指标|数量指标|甲|正向|大于等于|10|次|50|',
	'经济效益|无|定性||无||0',
	'|乙|定性||有效提升||15',
	'效益指标|社会效益|丙|定性||有效提高||15',
	'|满意度指标|服务对象满意度|丁|正向|大于等于|90|%|10|')),
('combined cells, no nature column', tsv('项目编码|16',
	'一级指标|二级指标|三级指标|指标值|分值',
	'产出指标|数量指标|甲|≥95%|20', '||乙|≤90万元|20', '||丙|=100百分比|10',
	'效益指标|社会效益|丁|95%～100%|30',
	'满意度指标|服务对象满意度|戊|＞＝90％|10')),
('no nature column, comparator words', tsv('项目编码|17',
	'|产出指标|数量指标|甲|大于等于|10|次|50|',
	'|效益指标|经济效益|乙|小于等于|60|万元|30|',
	'|满意度指标|服务对象满意度|丙|大于等于|90|%|10|')),
('the 2021 framework: 成本 as a level 1', tsv('项目编码|18',
	'|成本指标|经济成本指标|甲|反向|小于等于|60|万元|10|',
	'|产出指标|数量指标|乙|正向|大于等于|10|次|40|',
	'|效益指标|社会效益指标|丙|定性||有效提高||30|',
	'|满意度指标|服务对象满意度指标|丁|正向|大于等于|90|%|10|')),
('CRLF line ends and a byte-order mark', E'\uFEFF' || replace(tsv('项目编码|19',
	'|产出指标|数量指标|甲|正向|大于等于|10|次|50|',
	'|效益指标|社会效益|乙|定性||有效提高||30|',
	'|满意度指标|服务对象满意度|丙|正向|大于等于|90|%|10|'), E'\n', E'\r\n'));
SELECT c.name, r.source_line, r.project_code, r.level1, r.level2, r.name AS indicator, r.spec, r.weight, r.note
FROM cases c, goal_table_rows(c.raw) r ORDER BY c.name, r.source_line;
SELECT c.name, p.line, p.content, p.reason FROM cases c, goal_table_problems(c.raw) p ORDER BY c.name, p.line;

--
-- garbage: clear, line-numbered reports, never a crash
--
SELECT p.* FROM goal_table_problems(tsv('just some text', '项目名称|无编码的项目',
	'|产出指标|数量指标|甲|正向|大于等于|abc|次|10|',
	'|产出指标|数量指标|乙|正向|大于等于|10|次|',
	'|产出指标|数量指标||正向|大于等于|10|次|5|', '正向')) p;
SELECT count(*) AS rows FROM goal_table_rows(tsv('just some text', '正向'));
-- binary junk (every byte value but NUL) and a table cut in the middle of a row
CREATE TABLE junk AS
SELECT string_agg(chr(1 + (g * 7919) % 1000) || CASE WHEN g % 13 = 0 THEN E'\n' ELSE E'\t' END, '') AS j
FROM generate_series(1, 20000) g;
SELECT (SELECT count(*) FROM junk, goal_table_rows(j)) AS junk_rows,
       (SELECT count(*) FROM junk, goal_table_problems(j)) AS junk_problems,
       (SELECT count(*) FROM junk, goal_table_projects(j)) AS junk_projects;
SELECT count(*) AS truncated_rows FROM raw, goal_table_rows(left(t, 3000));
SELECT line, reason FROM raw, goal_table_problems(left(t, 3000) || E'\n\t\t\t半行\t正向\t大于');
-- a reason quotes names by whole characters, so it is valid text
SELECT reason, length(convert_to(reason, 'UTF8')) > 0 AS valid_text
FROM goal_table_problems(E'# 测试项目绩效目标表\n项目编码\t123\n产出指标\t数量指标\ta' || repeat('中', 30) ||
                         E'\tb' || repeat('中', 30) || E'\t正向\t>=\t100\t人\t50\n');
-- more than 64 cells: the last ones stay in the note
SELECT name, weight, right(note, 11) AS note_end, note LIKE 'n1%n70' AS note_whole
FROM goal_table_rows(E'# 测试项目绩效目标表\n项目编码\t123\n产出指标\t数量指标\t培训人数\t正向\t>=\t100\t人\t50\t' ||
                     (SELECT string_agg('n' || g, E'\t') FROM generate_series(1, 70) g) || E'\n');
-- "成本指标" given as a level 1 is the 2021 level 1 (cost_in_output=false keeps it apart)
SELECT * FROM weight_check(array['产出指标', '成本指标', '效益指标', '满意度指标'], array[40, 10, 30, 10]::numeric[], 10,
                           'central cost_in_output=false');
SELECT * FROM weight_check(array['产出指标', '成本指标', '效益指标', '满意度指标'], array[40, 10, 30, 10]::numeric[], 10);
-- 100 MB: every copy of the nine tables reads, in bounded time
CREATE TABLE bigraw AS SELECT repeat(t || E'\n', 4000) AS big FROM raw;
SELECT count(*) AS rows_of_4000_copies, sum(weight) AS weight FROM bigraw, goal_table_rows(big);
-- memory: problems are handed over as they are found and the result spills
-- to disk beyond work_mem, so any number of unreadable lines reads; only the
-- current project is kept, and one of more than 100,000 rows (a title or
-- 项目编码 line missing) is an error (54000) in every function, not a slow
-- death; and a long import can be cancelled
SELECT count(*) AS unreadable_lines FROM goal_table_problems(repeat(E'x\n', 1000001));
CREATE TABLE oneproject AS
SELECT E'项目编码\t1\n' || repeat(E'产出指标\t数量指标\t甲\t正向\t>=\t10\t次\t1\n', 100000) AS t;
SELECT count(*) AS rows_of_one_project FROM oneproject, goal_table_rows(t);
SELECT (try_sql($$SELECT count(*) FROM oneproject, goal_table_rows(t || E'乙\t正向\t>=\t10\t次\t1\n')$$)).*;
SELECT (try_sql($$SELECT count(*) FROM oneproject, goal_table_projects(t || E'乙\t正向\t>=\t10\t次\t1')$$)).state;
SET statement_timeout = '100ms';
SELECT count(*) FROM bigraw, goal_table_rows(big);
RESET statement_timeout;
DROP TABLE raw, expected, cases, junk, bigraw, oneproject;
DROP FUNCTION tsv(text[]);
