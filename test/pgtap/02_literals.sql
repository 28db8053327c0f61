-- 02_literals.sql: every spelling family of PRODUCT.md section 2 reads to
-- the expected canonical text; the accessors return the parts; the
-- four-column constructor agrees; comparator, nature, number and unit
-- spellings are checked as properties over every layout.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;

-- A literal made printable for test descriptions: control characters and
-- invisible blanks are shown escaped.
CREATE FUNCTION pg_temp.show(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT replace(replace(replace(replace(replace(replace(s,
		E'\n', '\n'), E'\r', '\r'), E'\t', '\t'), E'\u00a0', '\u00a0'),
		E'\u3000', '\u3000'), E'\ufeff', '\ufeff')
$$;

-- (input, canonical text).  Grouped by spelling family.
CREATE TEMP TABLE lit (n serial, family text, input text, expected text);
INSERT INTO lit (family, input, expected) VALUES
	-- the four columns of a goal table joined by blanks of every kind
	('columns', '正向 大于等于 10 次',                  '正向 >= 10 次'),
	('columns', E'正向\t大于等于\t10\t次',              '正向 >= 10 次'),
	('columns', '正向　大于等于　10　次',               '正向 >= 10 次'),
	('columns', E'正向\u00a0大于等于\u00a010\u00a0次',  '正向 >= 10 次'),
	('columns', E'  正向 \t 大于等于  10 \t 次  ',      '正向 >= 10 次'),
	('columns', E'\n正向\r\n大于等于\n10\n次\n',        '正向 >= 10 次'),
	('columns', E'\ufeff正向 大于等于 10 次',           '正向 >= 10 次'),
	('columns', E'反向\t小于等于\t60\t万元',            '反向 <= 60 万元'),
	('columns', E'正向\t等于\t100\t%',                  '正向 = 100 %'),
	('columns', E'定性\t有效提高',                      '定性 有效提高'),
	('columns', '正向大于等于10次',                     '正向 >= 10 次'),
	-- ASCII comparators, with and without blanks
	('ascii', '>= 10 次',    '正向 >= 10 次'),
	('ascii', '>=10次',      '正向 >= 10 次'),
	('ascii', '> 10 次',     '正向 > 10 次'),
	('ascii', '= 10 次',     '正向 = 10 次'),
	('ascii', '== 10 次',    '正向 = 10 次'),
	('ascii', '< 10 次',     '反向 < 10 次'),
	('ascii', '<= 10 次',    '反向 <= 10 次'),
	('ascii', '<=60 万元',   '反向 <= 60 万元'),
	-- Unicode comparators
	('unicode', '≥10次',     '正向 >= 10 次'),
	('unicode', '≧10次',     '正向 >= 10 次'),
	('unicode', '⩾ 10 次',   '正向 >= 10 次'),
	('unicode', '≤60万元',   '反向 <= 60 万元'),
	('unicode', '≦60万元',   '反向 <= 60 万元'),
	('unicode', '⩽ 60 万元', '反向 <= 60 万元'),
	-- full-width comparators, and half-full-width mixtures
	('full-width', '＞＝10次',   '正向 >= 10 次'),
	('full-width', '＞=10次',    '正向 >= 10 次'),
	('full-width', '>＝10次',    '正向 >= 10 次'),
	('full-width', '＞10次',     '正向 > 10 次'),
	('full-width', '＝100％',    '正向 = 100 %'),
	('full-width', '＜5％',      '反向 < 5 %'),
	('full-width', '＜＝60万元', '反向 <= 60 万元'),
	('full-width', '＜=60万元',  '反向 <= 60 万元'),
	('full-width', '<＝60万元',  '反向 <= 60 万元'),
	-- Chinese comparator words
	('words', '大于等于 10 次',   '正向 >= 10 次'),
	('words', '大于等于10次',     '正向 >= 10 次'),
	('words', '大于或等于 10 次', '正向 >= 10 次'),
	('words', '不低于 90%',       '正向 >= 90 %'),
	('words', '不少于 3 次',      '正向 >= 3 次'),
	('words', '不小于 3 次',      '正向 >= 3 次'),
	('words', '至少 3 次',        '正向 >= 3 次'),
	('words', '大于 0',           '正向 > 0'),
	('words', '高于 1 个',        '正向 > 1 个'),
	('words', '多于 1 个',        '正向 > 1 个'),
	('words', '超过 1 个',        '正向 > 1 个'),
	('words', '等于 1 次',        '正向 = 1 次'),
	('words', '小于 5 天',        '反向 < 5 天'),
	('words', '低于 3 %',         '反向 < 3 %'),
	('words', '少于 3 %',         '反向 < 3 %'),
	('words', '小于等于 3 天',    '反向 <= 3 天'),
	('words', '小于或等于 3 天',  '反向 <= 3 天'),
	('words', '不超过 60 万元',   '反向 <= 60 万元'),
	('words', '不高于 5 %',       '反向 <= 5 %'),
	('words', '不多于 5 %',       '反向 <= 5 %'),
	('words', '不大于 5 %',       '反向 <= 5 %'),
	('words', '至多 5 %',         '反向 <= 5 %'),
	-- combined cells: comparator, number and unit in one
	('combined', '≥95%',        '正向 >= 95 %'),
	('combined', '≤90万元',     '反向 <= 90 万元'),
	('combined', '=100百分比',  '正向 = 100 %'),
	('combined', '=100%',       '正向 = 100 %'),
	('combined', '大于等于95%', '正向 >= 95 %'),
	('combined', '不超过60万元', '反向 <= 60 万元'),
	('combined', '＞＝98％',    '正向 >= 98 %'),
	-- numbers: thousands separators, decimals, signs, full-width digits
	('numbers', '>= 5,000 份',             '正向 >= 5000 份'),
	('numbers', '>= 1,234,567.5 元',       '正向 >= 1234567.5 元'),
	('numbers', '>= 12,345,678,901,234,567.8', '正向 >= 12345678901234567.8'),
	('numbers', '>= ５０ 个',              '正向 >= 50 个'),
	('numbers', '>= １２３４．５',         '正向 >= 1234.5'),
	('numbers', '>= ５,０００ 元',         '正向 >= 5000 元'),
	('numbers', '>= －5 %',                '正向 >= -5 %'),
	('numbers', '>= −5 %',                 '正向 >= -5 %'),
	('numbers', '>= -5 %',                 '正向 >= -5 %'),
	('numbers', '>= +5 %',                 '正向 >= 5 %'),
	('numbers', '>= ＋5 %',                '正向 >= 5 %'),
	('numbers', '>= .5',                   '正向 >= 0.5'),
	('numbers', '>= 5.',                   '正向 >= 5'),
	('numbers', '>= 10.00 次',             '正向 >= 10 次'),
	('numbers', '>= 0010 次',              '正向 >= 10 次'),
	('numbers', '= -0',                    '正向 = 0'),
	('numbers', '= 0.000',                 '正向 = 0'),
	('numbers', '>= -0.05',                '正向 >= -0.05'),
	('numbers', '>= 0.000000000000000001', '正向 >= 0.000000000000000001'),
	('numbers', '>= 0.0000000000000000010', '正向 >= 0.000000000000000001'),
	('numbers', '>= 999999999999999999',   '正向 >= 999999999999999999'),
	('numbers', '>= -999999999999999999',  '正向 >= -999999999999999999'),
	('numbers', '>= 99999999999999999.9',  '正向 >= 99999999999999999.9'),
	('numbers', '>= 1.000000000000000000000', '正向 >= 1'),
	('numbers', '= 102100.9 平方米',       '正向 = 102100.9 平方米'),
	-- ranges
	('ranges', '95%～100%',        '正向 95～100 %'),
	('ranges', '[95,100] %',       '正向 95～100 %'),
	('ranges', '[95, 100]%',       '正向 95～100 %'),
	('ranges', '[ 95 , 100 ] %',   '正向 95～100 %'),
	('ranges', '［95，100］%',     '正向 95～100 %'),
	('ranges', '【95；100】%',     '正向 95～100 %'),
	('ranges', '[95;100] %',       '正向 95～100 %'),
	('ranges', '[95~100]%',        '正向 95～100 %'),
	('ranges', '[95～100]%',       '正向 95～100 %'),
	('ranges', '[95、100]%',       '正向 95～100 %'),
	('ranges', '80%-90%',          '正向 80～90 %'),
	('ranges', '95%至100%',        '正向 95～100 %'),
	('ranges', '95%到100%',        '正向 95～100 %'),
	('ranges', '95 ~ 100 %',       '正向 95～100 %'),
	('ranges', '95〜100%',         '正向 95～100 %'),
	('ranges', '95－100%',         '正向 95～100 %'),
	('ranges', '95—100%',          '正向 95～100 %'),
	('ranges', '95–100%',          '正向 95～100 %'),
	('ranges', '95%～100',         '正向 95～100 %'),
	('ranges', '95～100%',         '正向 95～100 %'),
	('ranges', '95 % ～ 100 %',    '正向 95～100 %'),
	('ranges', '区间 95～100 %',   '正向 95～100 %'),
	('ranges', '介于 95-100 %',    '正向 95～100 %'),
	('ranges', '范围 95至100 %',   '正向 95～100 %'),
	('ranges', 'between 95~100 %', '正向 95～100 %'),
	('ranges', 'BETWEEN 95~100 %', '正向 95～100 %'),
	('ranges', '区间 [95,100] %',  '正向 95～100 %'),
	('ranges', '正向 95%～100%',   '正向 95～100 %'),
	('ranges', '反向 95%～100%',   '反向 95～100 %'),
	('ranges', '反向 [95,100] %',  '反向 95～100 %'),
	('ranges', '-5～5 %',          '正向 -5～5 %'),
	('ranges', '-5-5 %',           '正向 -5～5 %'),
	('ranges', '-5--1 天',         '正向 -5～-1 天'),
	('ranges', '[-5,-1] 天',       '正向 -5～-1 天'),
	('ranges', '1,000-2,000 元',   '正向 1000～2000 元'),
	('ranges', '[0.5,0.75] 小时',  '正向 0.5～0.75 小时'),
	('ranges', '[1.50, 2.0]',      '正向 1.5～2'),
	('ranges', '[1,1] 次',         '正向 1～1 次'),
	('ranges', '５～１０ 个',      '正向 5～10 个'),
	('ranges', '定性 区间 95～100 %', '定性 区间 95～100 %'),
	('ranges', '定性 区间 [1,2] 次',  '定性 区间 1～2 次'),
	-- qualitative targets, kept verbatim
	('qualitative', '定性 有效提高',             '定性 有效提高'),
	('qualitative', '定性 2022年12月前',         '定性 2022年12月前'),
	('qualitative', '定性 7*24小时',             '定性 7*24小时'),
	('qualitative', '定性 365天*24小时',         '定性 365天*24小时'),
	('qualitative', '定性 8小时/工作日现场支持', '定性 8小时/工作日现场支持'),
	('qualitative', '定性',                      '定性'),
	('qualitative', '定性   ',                   '定性'),
	('qualitative', '定性有效提高',              '定性 有效提高'),
	('qualitative', '定性   有效提高   ',        '定性 有效提高'),
	('qualitative', '定性指标 效果明显',         '定性 效果明显'),
	('qualitative', 'qualitative 持续优化',      '定性 持续优化'),
	('qualitative', '定性 =良好',                '定性 =良好'),
	('qualitative', '定性 >= 良好',              '定性 >= 良好'),
	('qualitative', '定性 95～100 %',            '定性 95～100 %'),
	('qualitative', '定性 [95,100] %',           '定性 [95,100] %'),
	('qualitative', E'定性\t有效\t提高',         E'定性 有效\t提高'),
	('qualitative', '定性 a  b',                 '定性 a  b'),
	('qualitative', '定性 正向 大于等于 10 次',  '定性 正向 大于等于 10 次'),
	('qualitative', '定性 定性',                 '定性 定性'),
	('qualitative', '定性 >= 90 %',              '定性 >= 90 %'),
	('qualitative', '定性 ≥90%',                 '定性 >= 90 %'),
	('qualitative', '定性 大于 10 次',           '定性 > 10 次'),
	-- natures: implied when missing, kept when explicit
	('natures', '正向 等于 0 %',   '正向 = 0 %'),
	('natures', '反向 >= 10 次',   '反向 >= 10 次'),
	('natures', '反向 = 5',        '反向 = 5'),
	('natures', '正向 < 5',        '正向 < 5'),
	('natures', '正向 <= 5',       '正向 <= 5'),
	('natures', '反向 > 5',        '反向 > 5'),
	('natures', '正向 10 次',      '正向 >= 10 次'),
	('natures', '反向 5 天',       '反向 <= 5 天'),
	('natures', '= 5',             '正向 = 5'),
	('natures', '> 5',             '正向 > 5'),
	('natures', '< 5',             '反向 < 5'),
	('natures', '定量 <= 3 次',    '反向 <= 3 次'),
	('natures', '定量指标 = 3 次', '正向 = 3 次'),
	('natures', '正向指标 ≥ 1',    '正向 >= 1'),
	('natures', '反向指标 1',      '反向 <= 1'),
	('natures', '逆向 1',          '反向 <= 1'),
	('natures', 'positive >= 1',   '正向 >= 1'),
	('natures', 'POSITIVE 1',      '正向 >= 1'),
	('natures', 'Negative 1',      '反向 <= 1'),
	-- units: aliases, rates, unknown units kept verbatim
	('units', '= 100 ％',         '正向 = 100 %'),
	('units', '= 100 百分比',     '正向 = 100 %'),
	('units', '= 100 百分率',     '正向 = 100 %'),
	('units', '= 100 percent',    '正向 = 100 %'),
	('units', '>= 5 ‰',           '正向 >= 5 ‰'),
	('units', '>= 5 千分比',      '正向 >= 5 ‰'),
	('units', '>= 100 条/天',     '正向 >= 100 条/天'),
	('units', '>= 100 条/日',     '正向 >= 100 条/天'),
	('units', '>= 100 条 / 日',   '正向 >= 100 条/天'),
	('units', '>= 100 条／日',    '正向 >= 100 条/天'),
	('units', '<= 2 次/月',       '反向 <= 2 次/月'),
	('units', '<= 2 次/个月',     '反向 <= 2 次/月'),
	('units', '>= 20 人/工作日',  '正向 >= 20 人/工作日'),
	('units', '<= 3 个工作日',    '反向 <= 3 工作日'),
	('units', '<= 3 工作天',      '反向 <= 3 工作日'),
	('units', '>= 5 km',          '正向 >= 5 公里'),
	('units', '>= 5 千米',        '正向 >= 5 公里'),
	('units', '>= 5 平米',        '正向 >= 5 平方米'),
	('units', '>= 5 ㎡',          '正向 >= 5 平方米'),
	('units', '>= 3 个月',        '正向 >= 3 月'),
	('units', '>= 1 季',          '正向 >= 1 季度'),
	('units', '>= 1 年度',        '正向 >= 1 年'),
	('units', '<= 30 秒钟',       '反向 <= 30 秒'),
	('units', '<= 2 个小时',      '反向 <= 2 小时'),
	('units', '>= 3 自然日',      '正向 >= 3 天'),
	('units', '>= 3 日',          '正向 >= 3 天'),
	('units', '>= 58 万元人民币', '正向 >= 58 万元'),
	('units', '>= 5 公斤',        '正向 >= 5 千克'),
	('units', '>= 10 次数',       '正向 >= 10 次'),
	('units', '>= 5 widgets',     '正向 >= 5 widgets'),
	('units', '>= 1 万人次',      '正向 >= 1 万人次'),
	('units', '>= 10 次/widgets', '正向 >= 10 次/widgets'),
	('units', '>= 10 km/t',       '正向 >= 10 公里/吨');

-- accessors on a representative subset: nature | comparator | target |
-- target_lower | target_upper | target_range | target_text | unit (NULL as ∅)
CREATE TEMP TABLE acc (n serial, input text, expected text);
INSERT INTO acc (input, expected) VALUES
	('正向 大于等于 10 次',        '正向|>=|10|10|∅|[10,)|10|次'),
	('> 10 次',                    '正向|>|10|10|∅|(10,)|10|次'),
	('=100百分比',                 '正向|=|100|100|100|[100,100]|100|%'),
	('< 5 %',                      '反向|<|5|∅|5|(,5)|5|%'),
	('≤60万元',                    '反向|<=|60|∅|60|(,60]|60|万元'),
	('反向 >= 10 次',              '反向|>=|10|10|∅|[10,)|10|次'),
	('正向 等于 0 %',              '正向|=|0|0|0|[0,0]|0|%'),
	('95%～100%',                  '正向|区间|∅|95|100|[95,100]|95～100|%'),
	('[-5,-1] 天',                 '正向|区间|∅|-5|-1|[-5,-1]|-5～-1|天'),
	('[1,1] 次',                   '正向|区间|∅|1|1|[1,1]|1～1|次'),
	('反向 [0.5, 0.75] 小时',      '反向|区间|∅|0.5|0.75|[0.5,0.75]|0.5～0.75|小时'),
	('定性 有效提高',              '定性|∅|∅|∅|∅|∅|有效提高|∅'),
	('定性',                       '定性|∅|∅|∅|∅|∅||∅'),
	('定性 7*24小时',              '定性|∅|∅|∅|∅|∅|7*24小时|∅'),
	('定性 >= 90 %',               '定性|>=|90|90|∅|[90,)|90|%'),
	('定性 区间 [1,2] 次',         '定性|区间|∅|1|2|[1,2]|1～2|次'),
	('>= 1,234,567.5 元',          '正向|>=|1234567.5|1234567.5|∅|[1234567.5,)|1234567.5|元'),
	('>= 10.50',                   '正向|>=|10.5|10.5|∅|[10.5,)|10.5|∅'),
	('>= 0.000000000000000001',    '正向|>=|0.000000000000000001|0.000000000000000001|∅|[0.000000000000000001,)|0.000000000000000001|∅'),
	('<= -999999999999999999 元',  '反向|<=|-999999999999999999|∅|-999999999999999999|(,-999999999999999999]|-999999999999999999|元'),
	('>= 5 widgets',               '正向|>=|5|5|∅|[5,)|5|widgets'),
	('>= 100 条 / 日',             '正向|>=|100|100|∅|[100,)|100|条/天');

-- the four-column constructor: (nature, comparator, target, unit) -> text
CREATE TEMP TABLE cols (n serial, nat text, cmp text, tgt text, unt text, expected text);
INSERT INTO cols (nat, cmp, tgt, unt, expected) VALUES
	('正向', '大于等于', '10', '次',          '正向 >= 10 次'),
	('反向', '小于等于', '60', '万元',        '反向 <= 60 万元'),
	('正向', '等于', '100', '%',              '正向 = 100 %'),
	('正向', '等于', '100', '百分比',         '正向 = 100 %'),
	('正向', '等于', '0', '%',                '正向 = 0 %'),
	('反向', '大于等于', '10', '次',          '反向 >= 10 次'),
	('正向', NULL, '10', '次',                '正向 >= 10 次'),
	('反向', NULL, '5', '天',                 '反向 <= 5 天'),
	(NULL, '小于', '5', '%',                  '反向 < 5 %'),
	(NULL, '≥', '10', '次',                   '正向 >= 10 次'),
	('正向', '', '≥95%', NULL,                '正向 >= 95 %'),
	(NULL, NULL, '≤90万元', NULL,             '反向 <= 90 万元'),
	('正向', '', '95%～100%', '',             '正向 95～100 %'),
	('正向', '区间', '[95,100]', '%',         '正向 95～100 %'),
	('正向', '等于', '5,000', '份',           '正向 = 5000 份'),
	('正向', '大于等于', '1,234,567.5', '元', '正向 >= 1234567.5 元'),
	('正向', '大于等于', '95%', '%',          '正向 >= 95 %'),
	('正向', '大于等于', '95％', '百分比',    '正向 >= 95 %'),
	('正向', '大于等于', '100', '条/日',      '正向 >= 100 条/天'),
	('正向', '大于等于', '10', 'widgets',     '正向 >= 10 widgets'),
	(' 正向 ', ' 大于等于 ', ' 10 ', ' 次 ',  '正向 >= 10 次'),
	(E'正向\t', E'\t大于等于', E'10\t', E'次\t', '正向 >= 10 次'),
	('定性', NULL, '有效提高', NULL,          '定性 有效提高'),
	('定性', '', '2022年12月前', '',          '定性 2022年12月前'),
	('定性', NULL, '365', '天',               '定性 365天'),
	('定性', NULL, '7*24', '小时',            '定性 7*24小时'),
	('定性', NULL, NULL, NULL,                '定性'),
	('定性', '大于等于', '90', '%',           '定性 >= 90 %'),
	(NULL, NULL, '有效提高', NULL,            '定性 有效提高'),
	('定性指标', NULL, '效果明显', NULL,      '定性 效果明显');

SELECT plan(
	  203   -- one per literal (table lit)
	+ 22    -- one per accessor row (table acc)
	+ 30    -- one per constructor row (table cols)
	+ 63    -- the rest, below
);
SELECT is((SELECT ARRAY[(SELECT count(*)::int FROM lit), (SELECT count(*)::int FROM acc), (SELECT count(*)::int FROM cols)]),
	ARRAY[203, 22, 30], 'the literal, accessor and constructor tables have the planned sizes');

--
-- Every literal reads to its canonical text
--
SELECT is(input::indicator::text, expected, format('[%s] %s', family, pg_temp.show(input)))
FROM lit ORDER BY n;

--
-- Accessors
--
SELECT is(concat_ws('|',
		coalesce(nature(v), '∅'), coalesce(comparator(v), '∅'), coalesce(target(v)::text, '∅'),
		coalesce(target_lower(v)::text, '∅'), coalesce(target_upper(v)::text, '∅'),
		coalesce(target_range(v)::text, '∅'), coalesce(target_text(v), '∅'), coalesce(unit(v), '∅')),
	expected, format('accessors of %s', input))
FROM (SELECT n, input, input::indicator AS v, expected FROM acc) a ORDER BY n;

-- accessor result types are exact: numeric without trailing zeros, numrange bounds
SELECT is(scale(target('>= 10.50'::indicator)), 1, 'target() has no trailing zeros (scale 1 for 10.50)');
SELECT is(scale(target('>= 0.000000000000000001'::indicator)), 18, 'target() keeps scale 18');
SELECT ok(target_range('>= 10 次'::indicator) @> 10::numeric AND NOT target_range('> 10 次'::indicator) @> 10::numeric,
	'target_range(): >= includes the target, > excludes it');
SELECT ok(target_range('95%～100%'::indicator) @> 100::numeric AND target_range('95%～100%'::indicator) @> 95::numeric
          AND NOT target_range('95%～100%'::indicator) @> 100.000001,
	'target_range() of a range is closed at both ends');

--
-- The four-column constructor
--
SELECT is(indicator(nat, cmp, tgt, unt)::text, expected,
	pg_temp.show(format('indicator(%s, %s, %s, %s)', coalesce(quote_literal(nat), 'NULL'),
	       coalesce(quote_literal(cmp), 'NULL'), coalesce(quote_literal(tgt), 'NULL'),
	       coalesce(quote_literal(unt), 'NULL'))))
FROM cols ORDER BY n;

SELECT is(indicator(nature => '正向', comparator => '等于', target => '3', unit => '项')::text, '正向 = 3 项',
	'indicator() accepts named arguments');
SELECT is(indicator(unit => '次', target => '10', nature => '正向', comparator => NULL)::text, '正向 >= 10 次',
	'indicator() named arguments in any order');
SELECT is((SELECT count(*)::int FROM cols WHERE indicator(nat, cmp, tgt, unt) <> indicator(nat, cmp, tgt, unt)::text::indicator),
	0, 'every constructed value reads back from its text');

--
-- Properties over every layout: comparator spellings
--
CREATE TEMP TABLE cmp_spelling (spelling text, symbol text, nature text);
INSERT INTO cmp_spelling VALUES
	('>=', '>=', '正向'), ('≥', '>=', '正向'), ('≧', '>=', '正向'), ('⩾', '>=', '正向'),
	('＞＝', '>=', '正向'), ('＞=', '>=', '正向'), ('>＝', '>=', '正向'), ('大于等于', '>=', '正向'),
	('大于或等于', '>=', '正向'), ('不低于', '>=', '正向'), ('不少于', '>=', '正向'),
	('不小于', '>=', '正向'), ('至少', '>=', '正向'),
	('>', '>', '正向'), ('＞', '>', '正向'), ('大于', '>', '正向'), ('高于', '>', '正向'),
	('多于', '>', '正向'), ('超过', '>', '正向'),
	('=', '=', '正向'), ('==', '=', '正向'), ('＝', '=', '正向'), ('等于', '=', '正向'),
	('<', '<', '反向'), ('＜', '<', '反向'), ('小于', '<', '反向'), ('低于', '<', '反向'),
	('少于', '<', '反向'),
	('<=', '<=', '反向'), ('≤', '<=', '反向'), ('≦', '<=', '反向'), ('⩽', '<=', '反向'),
	('＜＝', '<=', '反向'), ('＜=', '<=', '反向'), ('<＝', '<=', '反向'), ('小于等于', '<=', '反向'),
	('小于或等于', '<=', '反向'), ('不高于', '<=', '反向'), ('不多于', '<=', '反向'),
	('不大于', '<=', '反向'), ('不超过', '<=', '反向'), ('至多', '<=', '反向');

-- every spelling x blank layout x number x unit: implied nature, comparator,
-- target and unit come out right, and an explicit nature is kept
CREATE TEMP VIEW cmp_cases AS
	SELECT c.spelling, c.symbol, c.nature AS implied, nat.word AS nat_word, nat.canon AS nat_canon,
	       num.written, num.value, u.written AS unit_written, u.canon AS unit_canon,
	       nat.word || sep.s || c.spelling || sep.s || num.written || sep.s || u.written AS input
	FROM cmp_spelling c,
	     (VALUES (''), (' '), (E'\t'), ('　')) sep(s),
	     (VALUES ('', NULL), ('正向 ', '正向'), ('反向 ', '反向'), ('定量 ', NULL)) nat(word, canon),
	     (VALUES ('10', 10::numeric), ('1,234.5', 1234.5), ('-0.25', -0.25), ('１００', 100)) num(written, value),
	     (VALUES ('次', '次'), ('％', '%'), ('', NULL), ('条/日', '条/天')) u(written, canon);

SELECT is((SELECT count(*)::int FROM cmp_cases c
           WHERE c.spelling = s.spelling
             AND (comparator(c.input::indicator) IS DISTINCT FROM c.symbol
                  OR nature(c.input::indicator) IS DISTINCT FROM coalesce(c.nat_canon, c.implied)
                  OR target(c.input::indicator) IS DISTINCT FROM c.value
                  OR unit(c.input::indicator) IS DISTINCT FROM c.unit_canon)),
	0, format('comparator spelling %s reads as %s in every layout', s.spelling, s.symbol))
FROM cmp_spelling s ORDER BY s.symbol, s.spelling;

SELECT is((SELECT count(*)::int FROM cmp_cases), 10752, 'the comparator property covered 10752 literals');

-- nature spellings, with and without a comparator
SELECT is((SELECT count(*)::int
           FROM (VALUES ('正向', '正向', '>='), ('正向指标', '正向', '>='), ('positive', '正向', '>='),
                        ('Positive', '正向', '>='), ('反向', '反向', '<='), ('反向指标', '反向', '<='),
                        ('逆向', '反向', '<='), ('negative', '反向', '<='), ('NEGATIVE', '反向', '<='))
                n(word, canon, implied_cmp),
                (VALUES (''), ('大于 '), ('< '), ('等于 ')) c(cmp),
                (VALUES (' '), (E'\t'), ('　')) sep(s),
                LATERAL (SELECT (n.word || sep.s || c.cmp || '7 项')::indicator AS v) x
           WHERE nature(x.v) <> n.canon
              OR comparator(x.v) <> CASE c.cmp WHEN '' THEN n.implied_cmp WHEN '大于 ' THEN '>'
                                               WHEN '< ' THEN '<' ELSE '=' END
              OR target(x.v) <> 7 OR unit(x.v) <> '项'),
	0, 'every nature spelling is read and kept, and implies >= or <= when alone');

-- qualitative spellings: the rest of the literal is the text, verbatim
SELECT is((SELECT count(*)::int
           FROM (VALUES ('定性'), ('定性指标'), ('qualitative'), ('QUALITATIVE')) n(word),
                (VALUES (' '), (E'\t'), ('　'), (E' \t ')) sep(s),
                (VALUES ('有效提高'), ('2022年12月前'), ('7*24小时'), ('每年2次'), ('a b'), ('=良好'),
                        ('95～100'), ('[1,2]'), ('正向 10 次'), (repeat('好', 682))) t(txt),
                LATERAL (SELECT (n.word || sep.s || t.txt)::indicator AS v) x
           WHERE nature(x.v) <> '定性' OR comparator(x.v) IS NOT NULL OR target(x.v) IS NOT NULL
              OR unit(x.v) IS NOT NULL OR target_text(x.v) <> t.txt OR x.v::text <> '定性 ' || t.txt),
	0, 'every qualitative spelling keeps the target text verbatim');

-- numbers: every way of writing a value reads as that exact decimal
SELECT is((SELECT count(*)::int
           FROM (VALUES ('5000', 5000::numeric), ('5,000', 5000), ('5000.000', 5000), ('+5000', 5000),
                        ('＋5000', 5000), ('５０００', 5000), ('５,０００', 5000), ('005,000', 5000),
                        ('-1234.5', -1234.5), ('－1,234.5', -1234.5), ('−1234.50', -1234.5),
                        ('－１２３４．５', -1234.5), ('.5', 0.5), ('0.5', 0.5), ('０．５', 0.5), ('5.', 5),
                        ('1,234,567,890.123', 1234567890.123), ('0', 0), ('-0', 0), ('0.00', 0),
                        ('123456789012345678', 123456789012345678), ('0.000000000000000001', 0.000000000000000001),
                        ('-99,999,999,999,999,999.9', -99999999999999999.9)) num(written, value),
                (VALUES ('>= '), ('>='), ('= '), ('<= ')) c(cmp),
                (VALUES (''), (' 元'), ('万元')) u(unit),
                LATERAL (SELECT (c.cmp || num.written || u.unit)::indicator AS v) x
           WHERE target(x.v) <> num.value OR target_text(x.v) <> trim_scale(num.value)::text
              OR target(x.v)::text <> trim_scale(num.value)::text),
	0, 'every written form of a number reads as its exact decimal, printed without trailing zeros');

-- unit aliases through the literal reader: every catalogue alias becomes its unit
SELECT is((SELECT count(*)::int FROM indicator_units() u, unnest(u.aliases) a
           WHERE unit(('>= 7 ' || a)::indicator) <> u.unit OR unit(('≥7' || a)::indicator) <> u.unit),
	0, 'every catalogue alias, after the target with or without a blank, reads as its unit');
SELECT is((SELECT count(*)::int FROM indicator_units() u
           WHERE unit(('>= 7 ' || u.unit)::indicator) <> u.unit),
	0, 'every catalogue unit reads as itself');
SELECT cmp_ok((SELECT count(*)::int FROM indicator_units() u, unnest(u.aliases) a), '>=', 40,
	'the catalogue has at least 40 aliases to check');

-- rates: any catalogue unit over any time unit or alias, with blanks and
-- either slash, canonicalises both halves
SELECT is((SELECT count(*)::int
           FROM (SELECT unit FROM indicator_units() WHERE dimension IN ('次', '个', '条', 'person', 'money')) num,
                (SELECT unit AS den, unnest(aliases || unit) AS spelled FROM indicator_units()
                 WHERE dimension IN ('time', 'calendar', 'workday')) den,
                (VALUES ('/'), (' / '), ('／'), (' ／ ')) sl(s)
           WHERE unit(('>= 3 ' || num.unit || sl.s || den.spelled)::indicator) <> num.unit || '/' || den.den),
	0, 'every catalogue rate reads with both halves canonical');

-- unknown units are kept verbatim, never rejected
SELECT is((SELECT count(*)::int
           FROM (VALUES ('widgets'), ('Kmh'), ('PERCENTS'), ('万人次每年'), ('次/widgets'), ('widgets/日'),
                        ('个/小时/天'), ('至少'), ('〃')) u(unit)
           WHERE unit(('>= 7 ' || u.unit)::indicator) IS DISTINCT FROM u.unit),
	0, 'unknown units are kept verbatim');

-- ASCII unit aliases read without regard to case
SELECT is((SELECT count(*)::int
           FROM (VALUES ('Km', '公里'), ('KM', '公里'), ('PERCENT', '%'), ('Kg', '千克'), ('M2', '平方米')) u(unit, canon)
           WHERE unit(('>= 7 ' || u.unit)::indicator) IS DISTINCT FROM u.canon),
	0, 'ASCII unit aliases ignore case');

-- equal meanings give one value
SELECT is((SELECT count(DISTINCT input::indicator)::int FROM lit WHERE expected = '正向 >= 10 次'), 1,
	'all spellings of 正向 >= 10 次 are one value');
SELECT is((SELECT count(DISTINCT input::indicator)::int FROM lit WHERE expected = '正向 95～100 %'), 1,
	'all spellings of 正向 95～100 % are one value');
SELECT cmp_ok((SELECT count(*)::int FROM lit WHERE expected = '正向 95～100 %'), '>=', 25,
	'at least 25 spellings of the range 95～100 % were checked');

SELECT * FROM finish();
ROLLBACK;
