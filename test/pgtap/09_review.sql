-- Goal-table review (目标审核): properties over generated tables
-- (test/review_gen.sql) in which every rule fires somewhere.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
SELECT plan(12);
\ir ../review_gen.sql

CREATE TEMP TABLE gp AS SELECT p FROM pg_temp.gen_review_projects(600) p;
CREATE TEMP TABLE gr AS SELECT r FROM pg_temp.gen_review_rows(600) r;
CREATE TEMP TABLE f AS
SELECT * FROM goal_review(ARRAY(SELECT p FROM gp), ARRAY(SELECT r FROM gr));

SELECT is((SELECT count(DISTINCT rule) FROM f), 16::bigint,
          'the generated tables make each of R1-R16 fire (H1, H2 need history)');
SELECT ok((SELECT count(*) FROM gp) > (SELECT count(DISTINCT project_code) FROM f), 'and some projects have no finding');
SELECT is_empty($$
	SELECT rule, dimension FROM f
	EXCEPT SELECT * FROM (VALUES ('R1', '完整性'), ('R2', '完整性'), ('R3', '相关性'), ('R4', '完整性'),
	        ('R5', '完整性'), ('R6', '完整性'), ('R7', '适当性'), ('R8', '相关性'), ('R9', '适当性'),
	        ('R10', '适当性'), ('R11', '可行性'), ('R12', '完整性'), ('R13', '相关性'), ('R14', '相关性'),
	        ('R15', '相关性'), ('R16', '相关性'), ('H1', '适当性'), ('H2', '适当性')) v(r, d)
$$, 'property: every finding has its rule''s 88号 dimension');
SELECT is_empty($$
	SELECT * FROM f WHERE severity <> CASE WHEN rule IN ('R1','R2','R3','R4','R6','R9','R10','R11') THEN 'error'
	                                       WHEN rule IN ('R5','R7','R8','R12','H1') THEN 'warning' ELSE 'finding' END
$$, 'property: central severities are those of the rules document');

-- one call over all projects = one call per project (the grouping by code)
SELECT set_eq($$SELECT project_code, rule, source_lines, message FROM f$$,
	$$SELECT x.project_code, x.rule, x.source_lines, x.message
	  FROM gp, LATERAL goal_review(ARRAY[gp.p],
	                               ARRAY(SELECT r FROM gr WHERE (r).project_code = (gp.p).project_code)) x$$,
	'property: reviewing all projects at once equals reviewing each alone');

-- the order of the arrays does not matter (the projects', and the rows' across projects)
SELECT set_eq($$SELECT project_code, rule, source_lines, message FROM f$$,
	$$SELECT project_code, rule, source_lines, message
	  FROM goal_review(ARRAY(SELECT p FROM gp ORDER BY md5((p).project_code)),
	                   ARRAY(SELECT r FROM gr ORDER BY md5((r).project_code || (r).source_line)))$$,
	'property: the order of projects and of rows does not change the findings (rows go by source line)');

-- each rule off removes exactly its findings; each severity changes only the severity
SELECT is((SELECT count(*) FROM unnest(ARRAY['R1','R2','R3','R4','R5','R6','R7','R8','R9','R10','R11','R12','R13','R14','R15','R16']) r,
                LATERAL (SELECT (SELECT count(*) FROM goal_review(ARRAY(SELECT p FROM gp), ARRAY(SELECT r FROM gr),
                                                             'review_' || lower(r) || '=off')) AS n_off,
                                (SELECT count(*) FROM f WHERE f.rule <> r) AS n_rest) c
           WHERE n_off <> n_rest), 0::bigint,
          'property: review_rN=off removes exactly rule N''s findings');
SELECT set_eq($$SELECT project_code, rule, message, CASE WHEN rule = 'R7' THEN 'error' ELSE severity END FROM f$$,
	$$SELECT project_code, rule, message, severity
	  FROM goal_review(ARRAY(SELECT p FROM gp), ARRAY(SELECT r FROM gr), 'central review_r7=error')$$,
	'property: review_r7=error changes R7''s severity and nothing else');

-- the grade: no better with one more error, no better with one more warning
SELECT is_empty($$
	SELECT e, w FROM generate_series(0, 5) e, generate_series(0, 5) w
	WHERE position(review_grade(e + 1, w) IN '优良中差') < position(review_grade(e, w) IN '优良中差')
	   OR position(review_grade(e, w + 1) IN '优良中差') < position(review_grade(e, w) IN '优良中差')
$$, 'property: the grade never improves with more errors or warnings');
SELECT is((SELECT count(*) FROM goal_review_grades(ARRAY(SELECT p FROM gp), ARRAY(SELECT r FROM gr))), 600::bigint,
          'goal_review_grades(): one row per project, findings or none');

-- history: a project reviewed against itself a year earlier, with actuals above its targets
SELECT is((SELECT count(*) FROM goal_review(ARRAY(SELECT p FROM gp), ARRAY(SELECT r FROM gr), 'central',
               ARRAY(SELECT ROW((r).project_code, NULL, 2021, (r).name, (r).spec, '99999', (r).source_line)::goal_review_history
                     FROM gr WHERE (r).spec IS NOT NULL))
           WHERE rule = 'H1'),
          (SELECT count(*) FROM gr WHERE comparator((r).spec) IN ('>=', '>')),
          'property: H1 fires on every >= row whose last-year actual (99999, unitless) lies above the target');

-- history with repeated names (i % 37 plants a second 服务人数): the choice of the earlier row
-- does not depend on the order of the history array
CREATE TEMP TABLE gh AS
SELECT ROW('Y' || (r).project_code, NULL, 2021, (r).name, (r).spec,
           CASE WHEN (r).source_line % 2 = 0 THEN '600人' ELSE '90%' END, (r).source_line)::goal_review_history AS h
FROM gr;
SELECT set_eq($$SELECT project_code, rule, source_lines, message
	  FROM goal_review(ARRAY(SELECT p FROM gp), ARRAY(SELECT r FROM gr), 'central',
	                   ARRAY(SELECT ROW(('G' || substr((h).project_code, 3)), (h).project_name, (h).year, (h).name, (h).spec, (h).actual, (h).source_line)::goal_review_history FROM gh))$$,
	$$SELECT project_code, rule, source_lines, message
	  FROM goal_review(ARRAY(SELECT p FROM gp), ARRAY(SELECT r FROM gr), 'central',
	                   ARRAY(SELECT ROW(('G' || substr((h).project_code, 3)), (h).project_name, (h).year, (h).name, (h).spec, (h).actual, (h).source_line)::goal_review_history
	                         FROM gh ORDER BY md5((h).name || (h).source_line) DESC))$$,
	'property: with repeated names in the history, its order does not change the findings');

SELECT * FROM finish();
ROLLBACK;
