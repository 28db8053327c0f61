--
-- The self-evaluation importer (selfeval_projects, selfeval_rows,
-- selfeval_problems) on constructed sheets, one part of the form at a time.
-- The real sheets, as TSV, CSV and xlsx, are checked cell for cell by
-- test/import/selfeval.sh.
--
-- the national form (财预〔2020〕10号), tab-separated as exported: title, year,
-- key lines, the budget block with its 其中 lines, the 年度总体目标 block, the
-- indicator header and rows (level cells filled down), the 总分 line, the grade
CREATE TEMP TABLE sheet AS SELECT
E'项目支出绩效自评表\n'
'（2022年度）\n'
'项目名称\t社区养老服务补助\n'
'主管部门\t某市民政局\t实施单位\t某区民政局\n'
'项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n'
'\t年度资金总额\t100\t120\t114\t10\t95%\t9.5\n'
'\t其中：当年财政拨款\t100\t120\t114\t—\t\t—\n'
'\t上年结转资金\t\t\t\t—\t\t—\n'
'年度总体目标\t预期目标\t实际完成情况\n'
'\t为200名老人发放补助\t已为206名老人发放补助\n'
'绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n'
'\t产出指标(50分)\t数量指标\t补助人数\t≥200人\t206人\t20\t20\n'
'\t\t质量指标\t发放准确率\t100%\t99%\t15\t14\t个别信息有误，已整改\n'
'\t\t时效指标\t发放时间\t2022年12月前\t2022年11月\t15\t15\n'
'\t效益指标(30分)\t社会效益指标\t老年人生活质量\t有效提高\t有效提高\t30\t28\n'
'\t满意度指标(10分)\t服务对象满意度指标\t老人满意度\t≥90%\t95%\t10\t10\n'
'总分\t\t\t\t\t\t100\t96.5\t优\n' AS raw;

SELECT name, year, department, implementer, annual_goal, annual_goal_actual,
       budget_initial, budget_total, budget_spent, budget_weight, budget_rate, budget_score,
       total_weight, total_score, grade, title, source_line
FROM sheet, selfeval_projects(raw);
SELECT project_name, level1, level2, name, spec, target_cell, actual_cell, weight, score, reason,
       source_line, level1_label, comparator_inferred, import_note
FROM sheet, selfeval_rows(raw);
SELECT line, content, reason FROM sheet, selfeval_problems(raw);
-- exact: the printed scores and the budget line add up to the printed total
SELECT sum(score) + (SELECT budget_score FROM sheet, selfeval_projects(raw)) AS scores_and_budget
FROM sheet, selfeval_rows(raw);

-- the same sheet as Excel CSV (BOM, CRLF, quoted cells) gives the same rows and sheet
SELECT (SELECT array_agg(r ORDER BY source_line) FROM sheet, selfeval_rows(raw) r) =
       (SELECT array_agg(r ORDER BY source_line)
        FROM sheet, selfeval_rows(E'\xEF\xBB\xBF' || replace(replace(replace(raw, ',', '，'), E'\t', ','), E'\n', E'\r\n'), 'csv') r)
       AS csv_same_rows;

-- cells between blanks (pdftotext): empty cells are lost, so the cells are read
-- in the header's order, level labels first
SELECT level1, level2, name, spec, actual_cell, weight, score, reason
FROM selfeval_rows(
'项目支出绩效自评表(2021年度)
项目名称 道路养护
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因
产出指标 数量指标 养护里程 ≥50公里 52公里 30 30
质量指标 合格率 ≥95% 96% 20 20
效益指标 社会效益指标 通行条件 明显改善 明显改善 30 27 部分路段待改善
满意度指标 服务对象满意度指标 群众满意度 ≥90% 92% 10 10', 'spaces');

-- 湖北/云南 form: no 分值 column (weight NULL), a 20-point budget line, amounts in 元
SELECT budget_total, budget_spent, budget_weight, budget_rate, budget_score
FROM selfeval_projects(
E'项目自评表\n'
'项目名称\t生猪养殖场建设\n'
'项目资金（元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n'
'\t年度资金总额\t500000\t500000\t100000\t20\t20%\t4\n'
'一级指标\t二级指标\t三级指标\t年度指标值\t全年实际值\t得分\t偏差原因分析及改进措施\n'
'产出指标\t数量指标\t猪舍面积\t≥180平方米\t180平方米\t10\n');
SELECT name, weight, score FROM selfeval_rows(
E'项目自评表\n'
'一级指标\t二级指标\t三级指标\t年度指标值\t全年实际值\t得分\t偏差原因分析及改进措施\n'
'产出指标\t数量指标\t猪舍面积\t≥180平方米\t180平方米\t10\n');

-- 分值 before the target, 权重 as percentages, and 指标性质 | 指标值 | 度量单位
SELECT name, spec, target_cell, weight, score, import_note FROM selfeval_rows(
E'绩效自评表\n'
'一级指标\t二级指标\t三级指标\t分值\t年度指标值\t实际完成值\t得分\t偏差原因\n'
'产出指标\t数量指标\t补助面积\t20\t29.5亩\t29.5亩\t20\n');
SELECT name, spec, weight, score, import_note FROM selfeval_rows(
E'绩效自评表\n'
'一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t权重\t得分\t偏差原因\n'
'产出指标\t数量指标\t贷款发放额增长率\t≥10%\t115.25%\t20%\t20\n');
SELECT name, spec, target_cell, actual_cell, import_note FROM selfeval_rows(
E'2022年度项目支出绩效自评表\n'
'一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t分值\t得分\t未完成原因和改进措施\n'
'产出指标\t数量指标\t学生受资助人数\t≧\t735\t人次\t735\t10\t10\n'
'\t时效指标\t资金到位及时率\t═\t100\t%\t100%\t10\t10\n');

-- 决策/过程/产出/效益 sections (参考分值): labels outside the goal-table
-- hierarchy are kept as printed, with level1 NULL; 项目产出 is 产出指标
SELECT level1, level2, level1_label, level2_label, name, weight, score FROM selfeval_rows(
E'项目支出绩效自评表\n'
'一级指标\t二级指标\t三级指标\t参考分值\t指标值(A)\t实际完成值(B)\t自评得分\t偏差原因分析\n'
'项目决策(10分)\t项目目标\t完整性\t4\t目标明确\t目标明确、内容细化\t4\n'
'项目管理(20分)\t资金管理\t预算执行率\t5\t100%\t100%\t5\n'
'项目产出(30分)\t数量指标(10分)\t保障人数\t10\t2370人\t2370人\t10\n');

-- two sheets in one text: a title, or a new 项目名称 after rows, starts the next
SELECT name, year, source_line FROM selfeval_projects(
E'甲项目支出绩效自评表(2022年度)\n'
'一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n'
'产出指标\t数量指标\t培训人次\t≥100人次\t120人次\t50\t50\n'
'乙项目支出绩效自评表(2023年度)\n'
'一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n'
'产出指标\t数量指标\t培训人次\t≥100人次\t90人次\t50\t45\n'
'项目名称\t丙\n'
'一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n'
'产出指标\t数量指标\t培训人次\t≥100人次\t100人次\t50\t50\n');

-- nothing lost: what the reader cannot place is a problem, with its line and
-- why; an unreadable score is NULL (and kept as printed in score_cell)
CREATE TEMP TABLE bad AS SELECT
E'说明：以下为自评结果\n'
'项目支出绩效自评表\n'
'一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n'
'产出指标\t数量指标\t培训人次\t≥**人次\t120人次\t50\tIO\n'
'\t\t\t≥90%\t95%\t10\t10\n'
'\t质量指标\t合格率\t100%\t100%\t十\t40\n'
'总分\t\t\t\t\t100\t90\t待定\n' AS raw;
SELECT name, spec, weight, score, score_cell FROM bad, selfeval_rows(raw);
SELECT line, content, reason FROM bad, selfeval_problems(raw);

-- no input is no rows; an unknown format is an error that lists the formats
SELECT count(*) FROM selfeval_rows(NULL::text);
SELECT count(*) FROM selfeval_projects(NULL::bytea);
SELECT count(*) FROM selfeval_rows('项目支出绩效自评表', 'xml');

-- workbooks: the damaged ones give the same errors as for goal tables
\getenv abs_srcdir PG_ABS_SRCDIR
\set dir :abs_srcdir '/test/data/xlsx/'
SELECT f, (try_sql(format('SELECT count(*) FROM selfeval_rows(pg_read_binary_file(%L))', :'dir' || f))).*
FROM unnest(ARRAY['not_a_workbook.xlsx', 'ole.xls', 'truncated.xlsx', 'encrypted.xlsx',
                  'no_workbook.xlsx', 'bomb.xlsx']) f;

-- sheet_review: the sheet above has two findings (有效提高 was reached, yet 28
-- of 30, and no deviation reason given); the same sheet with a wrong total, a
-- budget score off its rate and a missed row at full marks gives a finding
-- for each
SELECT count(*) AS findings FROM sheet, sheet_review(raw);
SELECT check_code, severity, finding
FROM sheet, sheet_review(replace(replace(replace(raw, E'96.5\t优', E'99\t优'), E'95%\t9.5', E'95%\t8'),
                                 E'99%\t15\t14', E'99%\t15\t15'));
-- the workbook form takes the same checks (a damaged one gives its error)
SELECT state, message FROM try_sql(format('SELECT count(*) FROM sheet_review(pg_read_binary_file(%L))',
                                          :'dir' || 'truncated.xlsx'));

-- found in review (each once wrong): a long 指标值 is clipped to whole
-- characters; 元 in a budget column's header converts the amounts; 10000万元
-- in a block of 元 stays 10000; a score of 10分 is read and not reported; a
-- leading year is not part of a title's name
SELECT octet_length(target_cell) <= 2048 AS clipped,
       convert_from(convert_to(target_cell, 'UTF8'), 'UTF8') = target_cell AS whole_utf8,
       right(target_cell, 1) = '标' AS ends_in_a_whole_character
FROM selfeval_rows(E'自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n'
                   || E'产出指标\t质量指标\t长指标\t' || repeat('指标', 700) || E'\t达成\t10\t10\n');
SELECT budget_total, budget_spent, budget_initial FROM selfeval_projects(
E'自评表\n'
'项目资金\t\t年初预算数（元）\t全年预算数（元）\t全年执行数（元）\t分值\t执行率\t得分\n'
'\t年度资金总额\t10000万元\t500000\t100000\t10\t20%\t2\n'
'一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n'
'产出指标\t数量指标\t猪舍面积\t≥180平方米\t180平方米\t10\t10分\n');
SELECT name, score, score_cell FROM selfeval_rows(
E'自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n'
'产出指标\t数量指标\t猪舍面积\t≥180平方米\t180平方米\t10\t10分\n');
SELECT count(*) AS problems FROM selfeval_problems(
E'自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n'
'产出指标\t数量指标\t猪舍面积\t≥180平方米\t180平方米\t10\t10分\n');
SELECT name, year FROM selfeval_projects(E'2022年度甲项目支出绩效自评表\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\n\t年度资金总额\t1\t1\t1\n');
-- a caller's year= is kept: the sheet's year fills in only when none is given
SELECT check_code, finding FROM sheet_review(
E'项目支出绩效自评表(2022年度)\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n'
'产出指标\t时效指标\t完成时间\t9月前\t2023年8月\t10\t10\n', 'auto', 'central year=2023')
WHERE check_code <> 'weights';
SELECT check_code, finding FROM sheet_review(
E'项目支出绩效自评表(2022年度)\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n'
'产出指标\t时效指标\t完成时间\t9月前\t2023年8月\t10\t10\n')
WHERE check_code <> 'weights';
