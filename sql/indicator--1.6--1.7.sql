/* indicator 1.6 -> 1.7: goal-table review (目标审核) */

\echo Use "ALTER EXTENSION indicator UPDATE TO '1.7'" to load this file. \quit

CREATE TYPE goal_review_project AS (
	project_code text,
	name text,
	year integer,
	department text,
	total_funds numeric,
	fiscal_funds numeric,
	non_fiscal_funds numeric,
	budget_execution_weight numeric,
	annual_goal text,
	attribute text,
	period_start date,
	period_end date
);
COMMENT ON TYPE goal_review_project IS 'one project of a goal table as goal_review() reads it: the columns of goal_table_projects() and goal_project, then 项目属性 and 项目期限 where known';
COMMENT ON COLUMN goal_review_project.project_code IS '项目编码';
COMMENT ON COLUMN goal_review_project.name IS '项目名称';
COMMENT ON COLUMN goal_review_project.year IS 'the table''s year: deadlines (R11) and 历史标准 (H1, H2) read it';
COMMENT ON COLUMN goal_review_project.department IS '主管部门';
COMMENT ON COLUMN goal_review_project.budget_execution_weight IS '预算执行率''s weight (R6: the total with it is 100)';
COMMENT ON COLUMN goal_review_project.total_funds IS '资金总额 (万元)';
COMMENT ON COLUMN goal_review_project.fiscal_funds IS '财政拨款 (万元)';
COMMENT ON COLUMN goal_review_project.non_fiscal_funds IS '其他资金 (万元)';
COMMENT ON COLUMN goal_review_project.annual_goal IS '年度目标; NULL or a dash is R2';
COMMENT ON COLUMN goal_review_project.attribute IS '项目属性 as the table writes it; NULL when the table has none (R12 is then silent), empty when it has the field but left it blank';
COMMENT ON COLUMN goal_review_project.period_start IS '项目期限: first day, where known (R11)';
COMMENT ON COLUMN goal_review_project.period_end IS '项目期限: last day, where known (R11)';

CREATE TYPE goal_review_row AS (
	project_code text,
	level1 text,
	level2 text,
	name text,
	spec indicator,
	weight numeric,
	source_line integer,
	target_cell text
);
COMMENT ON TYPE goal_review_row IS 'one indicator row as goal_review() reads it: the columns of goal_table_rows() and goal_indicator; spec NULL with target_cell is a target that does not read (R3)';
COMMENT ON COLUMN goal_review_row.project_code IS '项目编码: the project the row belongs to';
COMMENT ON COLUMN goal_review_row.name IS '三级指标';
COMMENT ON COLUMN goal_review_row.spec IS 'the indicator; NULL when the target does not read (R3)';
COMMENT ON COLUMN goal_review_row.weight IS '分值; NULL for a table that prints none';
COMMENT ON COLUMN goal_review_row.source_line IS 'the rows line, reported with each finding';
COMMENT ON COLUMN goal_review_row.level1 IS '一级指标, canonical or as printed';
COMMENT ON COLUMN goal_review_row.level2 IS '二级指标, canonical or as printed';
COMMENT ON COLUMN goal_review_row.target_cell IS 'the target as printed, where spec is NULL (≥**人): what R3 quotes';

CREATE TYPE goal_review_history AS (
	project_code text,
	project_name text,
	year integer,
	name text,
	spec indicator,
	actual text,
	source_line integer
);
COMMENT ON TYPE goal_review_history IS 'one indicator of an earlier year''s table, with its 实际完成值 where the self-evaluation is held: the 历史标准 of H1 and H2';

COMMENT ON COLUMN goal_review_history.project_code IS '项目编码 of the earlier table';
COMMENT ON COLUMN goal_review_history.project_name IS '项目名称 of the earlier table (matches a project whose code changed with the year)';
COMMENT ON COLUMN goal_review_history.year IS 'the earlier table''s year';
COMMENT ON COLUMN goal_review_history.name IS '三级指标';
COMMENT ON COLUMN goal_review_history.spec IS 'the earlier target';
COMMENT ON COLUMN goal_review_history.source_line IS 'the earlier row''s line: of several earlier rows of one name, the one on the row''s own line is taken, else the lowest';
COMMENT ON COLUMN goal_review_history.actual IS '实际完成值 as the self-evaluation writes it (H1), or NULL';
CREATE FUNCTION goal_review(projects goal_review_project[], rows goal_review_row[],
	policy text DEFAULT 'central', history goal_review_history[] DEFAULT NULL,
	OUT project_code text, OUT project_name text, OUT rule text, OUT dimension text,
	OUT severity text, OUT indicators text[], OUT source_lines integer[], OUT message text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'indicator_goal_review' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION goal_review(goal_review_project[], goal_review_row[], text, goal_review_history[]) IS
'review goal tables (目标审核) by the rules R1-R16 and the 历史标准 H1, H2: one row per finding with rule, dimension (完整性/相关性/适当性/可行性), severity (error/warning/finding), the rows concerned and a message in Chinese; rows and history belong to a project by project_code, history also by the project''s name';

CREATE FUNCTION review_grade(errors bigint, warnings bigint, incomplete boolean DEFAULT false,
	policy text DEFAULT 'central')
	RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_review_grade' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION review_grade(bigint, bigint, boolean, text) IS
'88号 review grade from a project''s findings: 优 no error and at most W warnings, 良 no error, 中 at most E errors, 差 more, or incomplete (R1 at error), with W/E the review_grade knob (0/2); findings never lower a grade';

CREATE FUNCTION goal_review_grades(projects goal_review_project[], rows goal_review_row[],
	policy text DEFAULT 'central', history goal_review_history[] DEFAULT NULL,
	OUT project_code text, OUT project_name text, OUT errors bigint, OUT warnings bigint,
	OUT findings bigint, OUT grade text)
	RETURNS SETOF record LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
SELECT p.project_code, p.name,
       count(*) FILTER (WHERE f.severity = 'error'),
       count(*) FILTER (WHERE f.severity = 'warning'),
       count(*) FILTER (WHERE f.severity = 'finding'),
       review_grade(count(*) FILTER (WHERE f.severity = 'error'),
                    count(*) FILTER (WHERE f.severity = 'warning'),
                    coalesce(bool_or(f.rule = 'R1' AND f.severity = 'error'), false), policy)
FROM unnest(projects) WITH ORDINALITY AS p
     LEFT JOIN goal_review(projects, rows, policy, history) f
            ON f.project_code IS NOT DISTINCT FROM p.project_code
-- a project has a code or a name (goal_review passes over one with neither, a NULL element)
WHERE p.project_code IS NOT NULL OR p.name IS NOT NULL
GROUP BY p.ordinality, p.project_code, p.name
ORDER BY p.ordinality
$f$;
COMMENT ON FUNCTION goal_review_grades(goal_review_project[], goal_review_row[], text, goal_review_history[]) IS
'one row per project: its errors, warnings and findings from goal_review() and its grade (review_grade)';

/*
 * The importer's output reviewed: each project as the reader finishes it,
 * with its own rows (tables without 项目编码 never mix) and, for R3, the
 * target cell as printed.
 */
CREATE FUNCTION goal_table_review(raw text, format text DEFAULT 'auto', policy text DEFAULT 'central',
	OUT project_code text, OUT project_name text, OUT rule text, OUT dimension text,
	OUT severity text, OUT indicators text[], OUT source_lines integer[], OUT message text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'indicator_goal_table_review' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION goal_table_review(text, text, text) IS
'read goal tables in any format and review each project as read (goal_review): one row per finding';

CREATE FUNCTION goal_table_review(workbook bytea, policy text DEFAULT 'central',
	OUT project_code text, OUT project_name text, OUT rule text, OUT dimension text,
	OUT severity text, OUT indicators text[], OUT source_lines integer[], OUT message text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'indicator_goal_table_review_xlsx' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goal_table_review(bytea, text) IS
'review the goal tables of an xlsx workbook (goal_review), each project as read: one row per finding';
