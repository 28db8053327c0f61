--
-- The importer on goal tables as users have them: every format, the
-- layouts of the provinces' forms, bare targets, and the bugs once found.
--
-- one small table, written out per format below
CREATE FUNCTION cells(VARIADIC lines text[]) RETURNS text[] LANGUAGE sql AS
$$ SELECT lines $$;
CREATE TABLE small (raw text, fmt text);
-- tab-separated: the reference
INSERT INTO small VALUES (E'# 测试项目绩效目标表\n(2023年)\n项目编码\t11\n项目名称\t测试项目\n'
	'绩效指标\t一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值\t备注\n'
	'\t产出指标\t数量指标\t培训人次\t正向\t大于等于\t100\t人次\t50\t\n'
	'\t效益指标\t社会效益指标\t群众知晓率\t正向\t大于等于\t90\t%\t30\t\n'
	'\t满意度指标\t服务对象满意度指标\t满意度\t正向\t大于等于\t90\t%\t10\t\n', 'tsv');
-- CSV as Excel writes it: BOM, CRLF, quotes around a cell with a comma, a quote and a line break
INSERT INTO small VALUES (E'\uFEFF# 测试项目绩效目标表\r\n(2023年)\r\n项目编码,11\r\n项目名称,"测试项目，含""引号"",逗号\r\n第二行"\r\n'
	'绩效指标,一级指标,二级指标,三级指标,指标性质,指标方向,目标值,计量单位,分值,备注\r\n'
	',产出指标,数量指标,培训人次,正向,大于等于,100,人次,50,\r\n'
	',效益指标,社会效益指标,群众知晓率,正向,大于等于,90,%,30,\r\n'
	',满意度指标,服务对象满意度指标,满意度,正向,大于等于,90,%,10,\r\n', 'csv');
-- semicolons (Excel in European locales)
INSERT INTO small SELECT replace(replace(raw, ',', ';'), E'\uFEFF', ''), 'csv;' FROM small WHERE fmt = 'csv';
-- a pipe table, empty cells kept, a rule row, and a row of pipes only
INSERT INTO small VALUES (E'# 测试项目绩效目标表\n(2023年)\n| 项目编码 | 11 |\n| 项目名称 | 测试项目 |\n'
	'| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标方向 | 目标值 | 计量单位 | 分值 | 备注 |\n'
	'|---|---|---|---|---|---|---|---|---|---|\n'
	'|  | 产出指标 | 数量指标 | 培训人次 | 正向 | 大于等于 | 100 | 人次 | 50 |  |\n|\n'
	'|  | 效益指标 | 社会效益指标 | 群众知晓率 | 正向 | 大于等于 | 90 | % | 30 |  |\n'
	'|  | 满意度指标 | 服务对象满意度指标 | 满意度 | 正向 | 大于等于 | 90 | % | 10 |  |\n', 'pipe');
-- one cell per line, and one per paragraph
INSERT INTO small VALUES (E'# 测试项目绩效目标表\n(2023年)\n项目编码\n11\n项目名称\n测试项目\n'
	'绩效指标\n一级指标\n二级指标\n三级指标\n指标性质\n指标方向\n目标值\n计量单位\n分值\n备注\n'
	'产出指标\n数量指标\n培训人次\n正向\n大于等于\n100\n人次\n50\n'
	'效益指标\n社会效益指标\n群众知晓率\n正向\n大于等于\n90\n%\n30\n'
	'满意度指标\n服务对象满意度指标\n满意度\n正向\n大于等于\n90\n%\n10\n', 'lines');
INSERT INTO small SELECT replace(raw, E'\n', E'\n\n'), 'paragraphs' FROM small WHERE fmt = 'lines';
-- single spaces (empty cells lost), and columns aligned as pdftotext -layout writes them
INSERT INTO small VALUES (E'# 测试项目绩效目标表\n(2023年)\n项目编码 11\n项目名称 测试项目\n'
	'绩效指标 一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注\n'
	'产出指标 数量指标 培训 人次 正向 大于等于 100 人次 50\n'
	'效益指标 社会效益指标 群众知晓率 正向 大于等于 90 % 30\n'
	'满意度指标 服务对象满意度指标 满意度 正向 大于等于 90 % 10\n', 'spaces');
INSERT INTO small VALUES (E'# 测试项目绩效目标表\n(2023年)\n项目编码    11\n项目名称    测试项目\n'
	'绩效指标  一级指标    二级指标            三级指标      指标性质  指标方向  目标值  计量单位  分值\n'
	'          产出指标    数量指标            培训 人次     正向      大于等于  100     人次      50\n'
	'          效益指标    社会效益指标        群众知晓率    正向      大于等于  90      %         30\n'
	'          满意度指标  服务对象满意度指标  满意度        正向      大于等于  90      %         10\n', 'aligned');

-- every format reads the same three rows, detected and forced, with no problem
SELECT s.fmt, (SELECT string_agg(concat_ws('/', project_code, level2, name, spec, weight), '; ' ORDER BY source_line)
               FROM goal_table_rows(s.raw)) AS detected,
       (SELECT count(*) FROM goal_table_rows(s.raw, split_part(replace(replace(s.fmt, 'paragraphs', 'lines'), ';', ''), ';', 1))) AS forced,
       (SELECT count(*) FROM goal_table_problems(s.raw)) AS problems
FROM small s ORDER BY s.fmt;
-- the CSV cell with a comma, a doubled quote and a line break arrives whole
SELECT name FROM goal_table_projects((SELECT raw FROM small WHERE fmt = 'csv'));
-- an unknown format is refused with the list
SELECT * FROM try_sql($$SELECT * FROM goal_table_rows('x', 'xlsx')$$);
-- NULL text is no rows; NULL format is auto
SELECT count(*) FROM goal_table_rows(NULL);
SELECT count(*) FROM goal_table_rows((SELECT raw FROM small WHERE fmt = 'tsv'), NULL);
-- text in GB18030 arrives through convert_from (here a round trip of the bytes)
SELECT count(*) FROM goal_table_rows(convert_from(convert_to((SELECT raw FROM small WHERE fmt = 'tsv'), 'GB18030'), 'GB18030'));

--
-- layouts
--
-- labels split over two lines, printed on every row, other frameworks' names, and
-- bare targets whose comparator comes from the level 2
SELECT level1, level2, level1_label, level2_label, name, spec, comparator_inferred, import_note
FROM goal_table_rows(E'项目支出绩效目标申报表\n项目名称 甲\n一级指标 二级指标 三级指标 指标值\n'
	'项目完成\n指标\n数量指标 培训人数 63人\n成本指标 人均成本 1600元/人\n时效指标 完成时间 12月底前\n'
	'质量指标 达标率 95%以上\n项目效益\n指标\n经济效益\n指标\n增收 不低于90%\n'
	'可持续影响\n指标\n长效机制 长期\n满意度指标 满意度指标 群众满意度 ≥90%\n');
-- a level-2 name column with the description as the name; a placeholder target is kept, reported
SELECT level2_label, name, spec, import_note FROM goal_table_rows(E'指标类型 | 指标名称 | 指标值 | 指标描述 |\n'
	'产出指标 | 数量指标 | 375万平方米 | 完成全市375万平方米的养护 |\n质量指标 | 100% | 全覆盖 |\n'
	'效益指标 | 社会效益指标 | ≥**人 | 受益人数 |\n');
SELECT line, content, reason FROM goal_table_problems(E'指标类型 | 指标名称 | 指标值 | 指标描述 |\n'
	'产出指标 | 数量指标 | 375万平方米 | 完成全市375万平方米的养护 |\n质量指标 | 100% | 全覆盖 |\n'
	'效益指标 | 社会效益指标 | ≥**人 | 受益人数 |\n');
-- long-term and annual columns: the annual one; the symbols of a 指标性质 column
SELECT level2, name, spec FROM goal_table_rows(E'一级指标\t二级指标(长期)\t三级指标(长期)\t指标值(长期)\t二级指标(年度)\t三级指标(年度)\t指标值(年度)\n'
	'产出指标\t数量指标\t\t\t数量指标\t建设数量\t2\n');
SELECT name, spec, import_note FROM goal_table_rows(E'一级指标\t二级指标\t三级指标\t上年实际值\t本年预期值\n'
	'产出指标\t数量指标\t培训人次\t≥80人次\t≥100人次\n\t\t覆盖率\t\t≥95%\n');
SELECT name, spec FROM goal_table_rows(E'一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\n'
	'产出指标\t数量指标\t受益人次\t≧\t735\t人次\n\t质量指标\t合格率\t═\t100\t%\n\t成本指标\t成本\t‹=\t6962\t元\n');
-- Excel serial dates where a date belongs; the project code before the name; amounts in 万元
SELECT level2, name, spec, import_note FROM goal_table_rows(E'一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值\n'
	'产出指标 时效指标 完成时间 正向 = 44,561 44,561 10\n产出指标 数量指标 人数 正向 = 8 40\n');
SELECT project_code, name, total_funds, fiscal_funds FROM goal_table_projects(E'项目名称\t51000021R000000019951-工资性支出\n'
	'年度资金总额:\t854万(建设400万元)\n其中:财政拨款\t8,540,000元\n');
-- a page's boilerplate is neither a row nor a problem
SELECT count(*) AS problems FROM goal_table_problems(E'当前位置: 首页 > 新闻\n发布时间:2022年09月12日 浏览次数:\n'
	'一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 人数 ≥8人\n[打印] [关闭]\n');
-- run-together text, read by its anchors; what does not split is reported, not guessed
SELECT level1_label, level2_label, name, spec, import_note FROM goal_table_rows(
	'绩效目标表(2023年度)一级指标二级指标三级指标指标目标值产出指标数量指标免费开放天数=300天质量指标完成率二100百分比'
	'成本指标社会成本指标文化传承影响长远效益指标经济效益指标增加岗位XYZ社会效益指标观众人数=30000人次');
SELECT content, reason FROM goal_table_problems(
	'绩效目标表(2023年度)一级指标二级指标三级指标指标目标值产出指标数量指标免费开放天数=300天质量指标完成率二100百分比'
	'成本指标社会成本指标文化传承影响长远效益指标经济效益指标增加岗位XYZ社会效益指标观众人数=30000人次');

-- a key and its value in one cell; a CSV with merged cells left empty and weights as percentages
SELECT name, department FROM goal_table_projects(E'项目名称：社区养老服务补助\n主管部门：某某区民政局\n');
SELECT level2, name, spec, weight FROM goal_table_rows(E'一级指标,二级指标,三级指标,指标值,计量单位,权重(%)\n'
	'产出指标,数量指标,培训人数,200,人,20%\n,,培训场次,≥ 10,场,10%\n,时效指标,完成时间,2024年11月底前,,10%\n');
-- spaces split "≥ 200 人" and a name; PDF text wraps a long name onto the next line
SELECT name, spec FROM goal_table_rows(E'一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 培训 人数 ≥ 200 人\n');
SELECT name, spec, import_note FROM goal_table_rows(E'一级指标    二级指标    三级指标                        指标值\n'
	'产出指标    数量指标    对符合政策法规的独生子女        63人\n                        伤残家庭进行扶助\n'
	'            质量指标    资格复审率                      100%\n            效\n');

-- without a header row: a placeholder row is kept, and a row without weight is not "missing" one;
-- the table's title printed again at the top of the next page is the same project
SELECT name, spec, weight FROM goal_table_rows(E'示范项目绩效目标表\n项目名称\t示范项目\n'
	'产出指标\t数量指标\t培训人次\t≥100人次\n\t\t培训人数\t≥**人\t10\n');
SELECT line, reason FROM goal_table_problems(E'示范项目绩效目标表\n项目名称\t示范项目\n'
	'产出指标\t数量指标\t培训人次\t≥100人次\n\t\t培训人数\t≥**人\t10\n');
CREATE TEMP TABLE paged AS SELECT E'甲项目绩效目标表\n项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n'
	'产出指标\t数量指标\t人数\t≥10人\n甲项目绩效目标表\n\t\t培训次数\t≥3次\n' AS t;
SELECT (SELECT count(*) FROM paged, goal_table_projects(t)) AS projects,
       (SELECT count(*) FROM paged, goal_table_rows(t)) AS rows;

--
-- the four-column constructor with the level 2: the same inference rules
--
SELECT t, l2, indicator(NULL, NULL, t, NULL, l2) AS spec
FROM (VALUES ('63人', '数量指标'), ('1600元/亩', '成本指标'), ('50万元', '经济成本指标'),
             ('12月底前', '时效指标'), ('2021年1月-12月', '时效指标'), ('100%', NULL),
             ('60万元', NULL), ('3天', NULL), ('95%以上', '质量指标'), ('10万元以内', NULL),
             ('有效提高', '社会效益指标'), ('63人', '产出指标')) v(t, l2);
-- a literal without comparator stays an error; so does the four-column form
SELECT * FROM try_sql($$SELECT '63人'::indicator$$);
SELECT * FROM try_sql($$SELECT indicator(NULL, NULL, '63人', NULL)$$);

--
-- bugs once found
--
-- a row under a level 1 without level 2 is not placed under another level 1's level 2
SELECT level1, level2, name FROM goal_table_rows(E'# 测试项目绩效目标表\n项目编码\t001\n'
	'产出指标\t培训人次\t正向\t大于等于\t100\t人次\t50\n'
	'效益指标\t社会效益指标\t满意率\t正向\t大于等于\t90\t%\t30\n'
	'满意度指标\t服务对象满意度指标\t满意度\t正向\t大于等于\t90\t%\t10\n');
SELECT line, reason FROM goal_table_problems(E'# 测试项目绩效目标表\n项目编码\t001\n'
	'产出指标\t培训人次\t正向\t大于等于\t100\t人次\t50\n'
	'效益指标\t社会效益指标\t满意率\t正向\t大于等于\t90\t%\t30\n'
	'满意度指标\t服务对象满意度指标\t满意度\t正向\t大于等于\t90\t%\t10\n');
-- rows still waiting when the project ends keep their own level 1
SELECT level1, level2, name FROM goal_table_rows(E'# 测试项目绩效目标表\n项目编码\t001\n'
	'产出指标\t培训人次\t正向\t大于等于\t100\t人次\t50\n'
	'满意度指标\t参训人员满意率\t正向\t大于等于\t90\t%\t10\n');
-- a reason never ends in half a character, so the stored problems load back
SELECT length(reason) > 0 AS has_reason,
       convert_from(convert_to(reason, 'UTF8'), 'UTF8') = reason AS whole_utf8
FROM goal_table_problems(E'# 测试项目绩效目标表\n项目编码\t001\n产出指标\t数量指标\t甲\t正向\t大于等于\t10\t'
	|| repeat(U&'\+020000', 80) || E'\t5\n');
-- the weight report follows the policy's split: 湖北 checks 效益 and 满意度 together
CREATE TEMP TABLE hubei_table AS SELECT E'# 测试项目绩效目标表\n项目编码\t001\n产出指标\t数量指标\t甲\t正向\t大于等于\t10\t次\t40\n'
	'效益指标\t社会效益指标\t乙\t正向\t大于等于\t10\t次\t35\n满意度指标\t服务对象满意度指标\t丙\t正向\t大于等于\t90\t%\t5\n' AS r;
SELECT (SELECT count(*) FROM hubei_table, goal_table_problems(r) WHERE reason LIKE '%weights%') AS central,
       (SELECT count(*) FROM hubei_table, goal_table_problems(r, 'auto', '湖北') WHERE reason LIKE '%weights%') AS hubei;
DROP TABLE small;
DROP FUNCTION cells(text[]);
