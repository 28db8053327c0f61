--
-- Every literal form of the README's "Literals" section, and how each reads.
--
\set VERBOSITY default

CREATE TEMP TABLE lit (n serial, input text);
INSERT INTO lit (input) VALUES
	-- the four table columns joined by spaces or tabs
	('正向 大于等于 10 次'),
	(E'正向\t大于等于\t10\t次'),
	('正向　大于等于　10　次'),          -- ideographic spaces
	-- ASCII, full-width and Unicode symbols, Chinese words
	('>= 10 次'), ('≥10次'), ('＞＝10次'), ('大于等于10次'), ('≧10次'),
	('> 10 次'), ('＞10次'), ('大于 10 次'),
	('反向 小于等于 60 万元'), ('≤60万元'), ('<=60 万元'), ('＜＝60万元'),
	('< 5 %'), ('＜5％'), ('小于5%'),
	('正向 等于 100 %'), ('=100%'), ('＝100％'), ('=100百分比'), ('等于 100 百分率'),
	-- thousands separators, decimals, signs, full-width digits
	('>= 5,000 份'), ('>= 5，000 份'), ('>= 1,234,567.5 元'), ('>= 359.8 万元'), ('>= 0.5 小时'),
	('>= .5'), ('>= 5.'), ('>= 10.00 次'), ('>= -5 %'), ('>= －5 %'), ('>= ５０ 个'),
	('= 102100.9 平方米'), ('= 0'),
	-- ranges
	('95%～100%'), ('[95,100] %'), ('[95, 100]%'), ('95～100 %'), ('80%-90%'),
	('正向 95% ~ 100%'), ('区间 95～100 %'), ('-5～5 %'), ('[-5,-1] 天'), ('95%至100%'),
	('［1，2］ 次'),
	-- qualitative targets, kept verbatim
	('定性 有效提高'), ('定性 2022年12月前'), ('定性 7*24小时'), ('定性 365天*24小时'),
	('定性 8小时/工作日现场支持'), ('定性'), ('定性 =良好'), ('定性指标 效果明显'),
	-- natures that disagree with the comparator are kept; missing ones implied
	('正向 等于 0 %'), ('反向 >= 10 次'), ('正向 10 次'), ('反向 5 天'),
	('定性 >= 90 %'), ('定量 <= 3 次'), ('positive >= 1'),
	-- units: aliases, rates, unknown units kept verbatim
	('>= 100 条/天'), ('>= 100 条 / 日'), ('<= 2 次／月'), ('>= 20 人/工作日'),
	('>= 3000 名/天'), ('>= 5 km'), ('>= 5 KM'), ('>= 5 widgets'), ('>= 1 万人次'), ('<= 3 个工作日');

SELECT n, input, input::indicator AS value,
       nature(input::indicator), comparator(input::indicator),
       target(input::indicator), target_text(input::indicator), unit(input::indicator)
FROM lit ORDER BY n;

-- the canonical text reads back to the same value: in(out(x)) = x
SELECT count(*) AS forms,
       count(*) FILTER (WHERE input::indicator::text::indicator = input::indicator) AS round_trips,
       count(*) FILTER (WHERE input::indicator::text = input::indicator::text::indicator::text) AS stable_text
FROM lit;

-- equal meanings give equal values
SELECT count(DISTINCT input::indicator) AS distinct_values FROM lit
WHERE input IN ('正向 大于等于 10 次', '>= 10 次', '≥10次', '＞＝10次', '大于等于10次', '≧10次');

-- bounds and ranges
SELECT v, target_lower(v), target_upper(v), target_range(v)
FROM (VALUES ('>= 10 次'::indicator), ('> 10 次'), ('= 100 %'), ('< 5 %'), ('<= 60 万元'),
             ('95%～100%'), ('定性 有效提高')) t(v);

--
-- The four-column constructor
--
SELECT indicator('正向', '大于等于', '10', '次') AS from_columns,
       indicator('反向', '小于等于', '60', '万元'),
       indicator('定性', NULL, '有效提高', NULL),
       indicator('定性', '', '2022年12月前', ''),
       indicator('正向', '', '≥95%', NULL),
       indicator(NULL, NULL, '≤90万元', NULL),
       indicator('正向', '', '95%～100%', ''),
       indicator('正向', '等于', '5,000', '份'),
       indicator('定性', NULL, '365', '天'),
       indicator(NULL, NULL, '有效提高', NULL),
       indicator(' 正向 ', ' 大于等于 ', ' 10 ', ' 次 '),
       indicator('正向', '大于等于', '95%', '%'),
       indicator('定性', '大于等于', '90', '%');
