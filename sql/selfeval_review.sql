--
-- Scoring and reviewing the cells of real self-evaluation sheets: every row
-- of test/data/real/selfeval-*.csv (transcribed cell for cell from sheets
-- published by the units, with their sources in test/data/real/README.md),
-- read with COPY, its target made an indicator by the inference rules, its
-- actual scored under the central rules with the sheet's year, and its
-- printed score reviewed.  The shares are asserted; every row whose verdict
-- is not "agrees" or "rounding only" is listed, each checked by hand
-- against its sheet (see the notes after the list).
--
\getenv abs_srcdir PG_ABS_SRCDIR
SET regress.srcdir = :'abs_srcdir';
CREATE TEMP TABLE real_rows (
	source text, region text, year int, project text, level1 text, level2 text, name text,
	target_cell text, actual_cell text, weight text, official_score text, budget_total text,
	budget_spent text, budget_rate text, budget_weight text, budget_score text, total_score text,
	file text, n serial);
DO $$
DECLARE
	f text;
BEGIN
	FOREACH f IN ARRAY ARRAY['01', '03', '05', '07', '09', '11', '13', '15', '17', '19'] LOOP
		EXECUTE format('COPY real_rows (source, region, year, project, level1, level2, name, target_cell, '
		               'actual_cell, weight, official_score, budget_total, budget_spent, budget_rate, '
		               'budget_weight, budget_score, total_score) FROM %L (FORMAT csv, HEADER true)',
		               current_setting('regress.srcdir') || '/test/data/real/selfeval-' || f || '.csv');
		UPDATE real_rows SET file = f WHERE file IS NULL;
	END LOOP;
END $$;
-- a cell that is not a target at all stays NULL here (and is counted)
CREATE FUNCTION target_of(t text, level2 text) RETURNS indicator LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
	RETURN indicator(NULL, NULL, nullif(t, ''), NULL, level2);
EXCEPTION WHEN invalid_text_representation THEN
	RETURN NULL;
END $$;
CREATE TEMP TABLE reviewed AS
SELECT r.file, r.n, r.name, r.target_cell, r.actual_cell, r.w, r.printed, r.spec, v.*
FROM (SELECT *, target_of(target_cell, level2) AS spec,
             nullif(rtrim(weight, '%'), '')::numeric AS w,   -- a 权重 of 20% is 20 points
             CASE WHEN official_score ~ '^[0-9]+(\.[0-9]+)?$' THEN official_score::numeric END AS printed
      FROM real_rows) r,
     LATERAL score_review(r.spec, nullif(r.actual_cell, ''), r.w, r.printed,
                          'central year=' || coalesce(r.year, 0)) v;

-- the shares, over the rows with a weight and a printed score
SELECT count(*) AS rows,
       count(*) FILTER (WHERE target_cell <> '') AS with_target,
       count(*) FILTER (WHERE spec IS NOT NULL) AS target_reads,
       count(*) FILTER (WHERE spec IS NOT NULL AND (rule_score IS NOT NULL OR needs_person)) AS scored_or_person,
       count(*) FILTER (WHERE verdict IN ('agrees', 'rounding only')) AS agrees_or_rounding,
       round(100.0 * count(*) FILTER (WHERE verdict IN ('agrees', 'rounding only')) / count(*), 1) AS agrees_pct,
       count(*) FILTER (WHERE rule_score IS NOT NULL) AS scored_by_rules,
       round(100.0 * count(*) FILTER (WHERE verdict IN ('agrees', 'rounding only'))
             / count(*) FILTER (WHERE rule_score IS NOT NULL), 1) AS agrees_pct_of_scored
FROM reviewed WHERE w IS NOT NULL AND printed IS NOT NULL;
-- every target cell reads (inferred where bare); every row is scored or
-- marked for a person with the reason, the rows without a target included
SELECT (count(*) FILTER (WHERE spec IS NOT NULL) = count(*) FILTER (WHERE target_cell <> '')) AS every_target_reads,
       bool_and(rule_score IS NOT NULL OR (needs_person AND explanation <> '')) AS every_row_scored_or_marked,
       count(*) FILTER (WHERE spec IS NOT NULL AND import_inferred) AS targets_inferred
FROM (SELECT *, NOT (target_cell ~ '^[≥≤≧≦＞＜><=═‹›]' OR target_cell ~ '(以上|以下|以内|不低于|不高于|不少于|不超过)')
                 AS import_inferred FROM reviewed) r
WHERE w IS NOT NULL AND printed IS NOT NULL;
-- every verdict, counted
SELECT verdict, count(*) FROM reviewed GROUP BY verdict ORDER BY count(*) DESC, verdict;
-- every row whose verdict is not agrees or rounding only
SELECT file, name, target_cell, actual_cell, w, printed, rule_score, verdict, explanation
FROM reviewed WHERE verdict NOT IN ('agrees', 'rounding only') ORDER BY file, n;

-- each verdict on a constructed row, with its explanation
SELECT v.verdict, v.rule_score, v.printed_score, v.difference, v.met, v.explanation
FROM (VALUES ('>= 100 次'::indicator, '80次', 10::numeric, 8::numeric),
             ('>= 100 次', '80次', 10, 8.0),
             ('>= 100 次', '97.3次', 2, 1.9),        -- cut off, as some sheets print
             ('>= 100 次', '97.3次', 2, 2),          -- whole points reach the weight: a miss is never full marks
             ('>= 100 次', '80次', 10, 10),
             ('>= 100 次', '120次', 10, 9),
             ('>= 100 次', '80次', 10, 11),
             ('>= 100 次', '80次', 10, 6),
             ('>= 100 次', '80次', 10, 9),
             ('>= 100 次', '见附件', 10, 10),
             ('>= 100 次', '80次', 10, NULL),
             ('>= 100 次', '120次', NULL, 3),        -- a form without 分值: met keeps its points
             ('>= 100 次', '80次', NULL, 3),
             (NULL, '80次', 10, 10),
             ('>= 100 次', NULL, 10, 10)) t(i, a, w, p),
     LATERAL score_review(i, a, w, p) v;
-- the numeric form, and the policy's rules
SELECT (score_review('<= 5 %', 6, 10, 8, 'reverse_mode=linear_2x')).verdict AS linear,
       (score_review('<= 5 %', 6, 10, 8)).verdict AS ratio;

-- The checks of whole sheets (selfeval_findings, which sheet_review runs on
-- a sheet's text or workbook), on the real sheets' rows: the totals that do
-- not add up (selfeval-05: 98 printed, the rows legible sum to 74;
-- selfeval-15: 100 printed, the six rows kept and the budget line make 80;
-- selfeval-17: 94 printed, rows and budget 93), the budget lines (selfeval-01
-- printed 0 for a rate of 100 %, its form's formula not filled in;
-- selfeval-13 and -17 print whole points), the level weights against the
-- central split, sheets where every row has full marks, the rows that
-- depart from the rules or need a person, and over-completion.  The
-- transcriptions leave the 偏差原因 column out, so every row below its
-- weight is listed as having no reason.
CREATE TEMP TABLE real_sheets AS
SELECT ROW(NULL, project, year, region, NULL, NULL, NULL, NULL,
           nullif(budget_total, '')::numeric, nullif(budget_spent, '')::numeric,
           nullif(budget_weight, '')::numeric, nullif(budget_rate, ''), nullif(budget_score, '')::numeric,
           NULL, nullif(total_score, '')::numeric, NULL, NULL, n, file::int)::selfeval_sheet AS s
FROM real_rows r WHERE n = (SELECT min(n) FROM real_rows x WHERE x.file = r.file);
CREATE TEMP TABLE real_sheet_rows AS
SELECT ROW(NULL, project, level1_of(regexp_replace(level1, '[(（].*$', '')), nullif(level2, ''), name,
           target_of(target_cell, level2), target_cell, nullif(actual_cell, ''),
           nullif(rtrim(weight, '%'), '')::numeric,
           CASE WHEN official_score ~ '^[0-9]+(\.[0-9]+)?$' THEN official_score::numeric END,
           NULL, n, level1, level2, NULL, NULL, official_score, file::int)::selfeval_row AS r
FROM real_rows;
SELECT f.sheet, f.check_code, f.severity, f.finding
FROM selfeval_findings(ARRAY(SELECT s FROM real_sheets), ARRAY(SELECT r FROM real_sheet_rows)) f;
-- the totals that do not add up, as the real sheets' README names them
SELECT array_agg(f.sheet ORDER BY f.sheet) AS totals_off
FROM selfeval_findings(ARRAY(SELECT s FROM real_sheets), ARRAY(SELECT r FROM real_sheet_rows)) f
WHERE f.check_code = 'total';

-- found in review (each once an error or a wrong verdict): no cell of a sheet
-- makes the review fail; a met row is never "rounding only"
SELECT a, v.verdict, v.explanation
FROM (VALUES ('/'), ('-'), ('无'), ('达成，效果良好'), ('是，已完成'), ('10/12'), ('1,5'), ('9.5.1')) t(a),
     LATERAL score_review('>= 10 次'::indicator, a, 10, 8) v;
SELECT (score_review('>= 10 次', '12次', -5, 5)).verdict AS negative_weight,
       (score_review('>= 10 次', '12次', 2.5, 2)).verdict AS met_but_2_of_2_5,
       (score_review('定性 9月前', '2022年8月', 10, 10)).explanation AS no_year,
       (score_review('定性 9月前', '2022年8月', 10, 10, 'year=2022')).verdict AS with_year;
