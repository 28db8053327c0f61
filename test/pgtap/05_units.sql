-- 05_units.sql: the unit catalogue, aliases, dimensions and conversions:
-- exact round trips over every pair of units of a dimension, rates, specific
-- values, and to_unit() on indicators (ranges too).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;

CREATE TEMP TABLE cat AS SELECT * FROM indicator_units();

-- Each unit's factor to its dimension's base unit as an exact fraction
-- (num / den): the catalogue prints 亩 (2000/3 m²) rounded, every other factor is exact.
CREATE TEMP TABLE frac AS
	SELECT unit, dimension,
	       CASE unit WHEN '亩' THEN 2000::numeric ELSE factor END AS num,
	       CASE unit WHEN '亩' THEN 3::numeric ELSE 1::numeric END AS den
	FROM cat;

-- to_unit(), or NULL when the target has no exact value in the new unit
-- (22003); any other error is raised.
CREATE FUNCTION pg_temp.try_to_unit(i indicator, u text) RETURNS indicator LANGUAGE plpgsql AS $$
BEGIN
	RETURN to_unit(i, u);
EXCEPTION WHEN numeric_value_out_of_range THEN
	RETURN NULL;
END $$;

-- Every ordered pair of catalogue units of one dimension, with sample values,
-- and whether value * from / to is a terminating decimal (exact).
CREATE TEMP TABLE pairs AS
	SELECT a.unit AS ua, b.unit AS ub, a.dimension, x.v,
	       unit_convert(x.v, a.unit, b.unit) AS y,
	       a.num, a.den, b.num AS bnum, b.den AS bden
	FROM frac a JOIN frac b USING (dimension),
	     (VALUES (12345.5), (1), (0.001), (7), (3600), (2000), (0.3), (-86400), (0)) x(v);

SELECT plan(175);

--
-- The catalogue
--
SELECT cmp_ok((SELECT count(*)::int FROM cat), '>=', 80, 'the catalogue has at least 80 units');
SELECT is((SELECT count(*)::int FROM cat), (SELECT count(DISTINCT unit)::int FROM cat), 'unit names are unique');
SELECT is_empty($$
	SELECT a FROM cat, unnest(aliases) a GROUP BY a HAVING count(*) > 1
	UNION ALL
	SELECT a FROM cat c, unnest(c.aliases) a WHERE a IN (SELECT unit FROM cat)
	$$, 'no alias is listed twice or is itself a unit name');
SELECT is_empty($$ SELECT unit FROM cat WHERE factor IS NULL OR factor <= 0 OR dimension IS NULL $$,
	'every unit has a dimension and a positive factor');
SELECT is_empty($$ SELECT dimension FROM cat GROUP BY dimension HAVING count(*) FILTER (WHERE factor = 1) = 0 $$,
	'every dimension has a base unit (factor 1)');

-- the units PRODUCT.md names, and their dimensions
SELECT is(unit_dimension(u), d, format('%s measures %s', u, d))
FROM (VALUES ('元', 'money'), ('千元', 'money'), ('万元', 'money'), ('亿元', 'money'),
             ('秒', 'time'), ('分钟', 'time'), ('小时', 'time'), ('天', 'time'),
             ('工作日', 'workday'), ('月', 'calendar'), ('季度', 'calendar'), ('年', 'calendar'),
             ('%', 'ratio'), ('‰', 'ratio'),
             ('次', '次'), ('个', '个'), ('份', '份'), ('人', 'person'), ('台', '台'), ('套', '套'),
             ('条', '条'), ('项', '项'),
             ('次/天', '次/time'), ('条/天', '条/time'), ('人/工作日', 'person/workday'),
             ('次/月', '次/calendar'), ('万元/年', 'money/calendar')) t(u, d);

-- every alias canonicalises to its unit and has its unit's dimension
SELECT is(unit_canonical(a.alias), c.unit, format('alias %s is %s', a.alias, c.unit))
FROM cat c, unnest(c.aliases) WITH ORDINALITY AS a(alias, n) ORDER BY c.unit, a.n;
SELECT is((SELECT count(*)::int FROM cat c, unnest(c.aliases) a WHERE unit_dimension(a) IS DISTINCT FROM c.dimension),
	0, 'every alias has the dimension of its unit');
SELECT is((SELECT count(*)::int FROM cat WHERE unit_canonical(unit) <> unit), 0,
	'canonical unit names are fixed points of unit_canonical()');
SELECT is((SELECT count(*)::int FROM cat WHERE unit_dimension(unit) IS DISTINCT FROM dimension), 0,
	'unit_dimension() agrees with the catalogue for every unit');

-- canonical spelling of rates, blanks and unknown units
SELECT is(unit_canonical(u), c, format('unit_canonical(%s) = %s', quote_literal(u), coalesce(c, 'NULL')))
FROM (VALUES (1, '％', '%'), (2, '百分比', '%'), (3, ' ％ ', '%'), (4, '条 / 日', '条/天'),
             (5, '人／工作日', '人/工作日'), (6, '次/个月', '次/月'), (7, '万元人民币/年度', '万元/年'),
             (8, 'widgets', 'widgets'), (9, '次/widgets', '次/widgets'), (10, 'Km', '公里'),
             (11, '', NULL), (12, '   ', NULL)) t(n, u, c) ORDER BY n;

-- units outside the catalogue have no dimension
SELECT is(unit_dimension(u), NULL, format('unit_dimension(%s) is NULL', quote_literal(u)))
FROM (VALUES (1, 'widgets'), (2, 'Kmh'), (3, '次/widgets'), (4, 'widgets/天'), (5, '次/天/月'),
             (6, ''), (7, '万元 人民币'), (8, '/天')) t(n, u) ORDER BY n;

-- any catalogue unit over any catalogue unit is a rate of the two dimensions
SELECT is((SELECT count(*)::int FROM cat n, cat d
           WHERE unit_dimension(n.unit || '/' || d.unit) IS DISTINCT FROM n.dimension || '/' || d.dimension),
	0, 'every catalogue unit over every catalogue unit is a rate of their dimensions');

--
-- Conversions: factors, identity, exact round trips over every pair
--
SELECT is((SELECT count(*)::int FROM cat c JOIN cat b ON b.dimension = c.dimension AND b.factor = 1
           WHERE unit_convert(1, c.unit, b.unit) <> c.factor), 0,
	'converting 1 of every unit to its base unit gives the catalogue factor');
SELECT is((SELECT count(*)::int FROM cat c, unnest(c.aliases || c.unit) s
           WHERE unit_convert(12345.5, s, c.unit) <> 12345.5 OR unit_convert(12345.5, c.unit, s) <> 12345.5),
	0, 'converting between a unit and itself or its aliases is the identity');
SELECT is((SELECT count(*)::int FROM pairs
           WHERE (y * bnum * den = v * num * bden) AND unit_convert(y, ub, ua) <> v),
	0, 'every exact conversion between two units of one dimension converts back to the value');
SELECT cmp_ok((SELECT count(*)::int FROM pairs WHERE y * bnum * den = v * num * bden AND ua <> ub), '>=', 500,
	'at least 500 exact conversions between different units were checked');
SELECT is((SELECT count(*)::int FROM pairs
           WHERE ua <> ub AND (y * bnum * den = v * num * bden)
             IS DISTINCT FROM (pg_temp.try_to_unit(('>= ' || v || ' ' || ua)::indicator, ub) IS NOT NULL)),
	0, 'to_unit() succeeds exactly when the conversion is exact');
SELECT is((SELECT count(*)::int FROM pairs
           WHERE ua <> ub AND y * bnum * den = v * num * bden
             AND target(to_unit(('>= ' || v || ' ' || ua)::indicator, ub)) <> y),
	0, 'to_unit() and unit_convert() agree on every exact conversion');
SELECT is((SELECT count(*)::int FROM pairs WHERE scale(y) <> scale(trim_scale(y))), 0,
	'unit_convert() results carry no trailing zeros');
SELECT is((SELECT count(*)::int FROM pairs WHERE sign(y) <> sign(v)), 0, 'conversions keep the sign');
SELECT is((SELECT count(*)::int FROM pairs
           WHERE v <> 0 AND (y = v) <> (num * bden = bnum * den)),
	0, 'a non-zero value changes exactly when the two units differ in size');

-- rates: the denominator converts inversely
SELECT is((SELECT count(*)::int
           FROM (SELECT unnest(aliases || unit) AS a FROM cat WHERE dimension IN ('time', 'calendar')) a,
                (SELECT unnest(aliases || unit) AS b FROM cat WHERE dimension IN ('time', 'calendar')) b,
                (VALUES (24), (1), (0.5), (12345.5)) x(v)
           WHERE unit_dimension(a) = unit_dimension(b)
             AND unit_convert(v, '次/' || a, '次/' || b) <> unit_convert(v, b, a)),
	0, 'a rate per A converts to per B as B converts to A');
SELECT is((SELECT count(*)::int
           FROM (SELECT unit FROM cat WHERE dimension = 'money') n1,
                (SELECT unit FROM cat WHERE dimension = 'money') n2,
                (VALUES ('天'), ('人'), ('工作日'), ('年')) d(d),
                (VALUES (58), (0.25), (12345.5)) x(v)
           WHERE unit_convert(v, n1.unit || '/' || d.d, n2.unit || '/' || d.d) <> unit_convert(v, n1.unit, n2.unit)),
	0, 'a money rate converts its numerator like money');
SELECT is((SELECT count(*)::int
           FROM (VALUES ('万元', '元', '天', '小时'), ('元', '万元', '小时', '天'), ('次', '万次', '月', '年'),
                        ('人', '万人', '秒', '周')) t(n1, n2, d1, d2),
                (VALUES (24), (48), (0.24)) x(v)
           WHERE unit_convert(v, n1 || '/' || d1, n2 || '/' || d2)
                 <> unit_convert(unit_convert(v, n1, n2), d2, d1)),
	0, 'a rate with both halves changed converts as both halves');

-- specific values
SELECT is(unit_convert(v, f, t)::text, e, format('%s %s = %s %s', v, f, e, t))
FROM (VALUES (1, 58, '万元', '元', '580000'),
             (2, 580000, '元', '万元', '58'),
             (3, 1.5, '亿元', '万元', '15000'),
             (4, 2, '小时', '分钟', '120'),
             (5, 90, '分钟', '小时', '1.5'),
             (6, 1, '天', '小时', '24'),
             (7, 1, '周', '天', '7'),
             (8, 3, '季度', '月', '9'),
             (9, 1, '年', '季度', '4'),
             (10, 1, '半年', '月', '6'),
             (11, 95, '%', '‰', '950'),
             (12, 95, '％', '千分比', '950'),
             (13, 24, '次/天', '次/小时', '1'),
             (14, 1, '次/小时', '次/天', '24'),
             (15, 2, '次/月', '次/年', '24'),
             (16, 3, '亩', '平方米', '2000'),
             (17, 2000, '平方米', '亩', '3'),
             (18, 1, '公顷', '亩', '15'),
             (19, 1, '亩', '平方米', '666.6666666666666667'),
             (20, 10, '分钟', '小时', '0.16666666666666666667'),
             (21, 1, 'km', 'm', '1000'),
             (22, 1, '公里', '厘米', '100000'),
             (23, 1, '吨', '斤', '2000'),
             (24, 1, '升', '立方米', '0.001'),
             (25, 2, '万次', '次', '20000'),
             (26, 1, '万人次', '人次', '10000'),
             (27, 30, '元/人', '万元/人', '0.003'),
             (28, -5, '万元', '元', '-50000'),
             (29, 0, '亿元', '元', '0'),
             (30, 999999999999999999, '亿元', '元', '99999999999999999900000000'),
             (31, 0.000000000000000001, '元', '亿元', '0.00000000000000000000000001'),
             (32, 1, ' 万元 ', ' 元 ', '10000'),
             (33, 1, '个工作日', '工作天', '1'),
             (34, 7, '日', '周', '1')) t(n, v, f, t, e)
ORDER BY n;
SELECT is(unit_convert(NULL, '万元', '元'), NULL, 'unit_convert(NULL, ...) is NULL');

--
-- to_unit() on indicators
--
SELECT is(to_unit(i::indicator, u)::text, e, format('to_unit(%s, %s)', i, u))
FROM (VALUES (1, '<= 60 万元', '元', '反向 <= 600000 元'),
             (2, '>= 2 小时', '分钟', '正向 >= 120 分钟'),
             (3, '<= 30 分钟', '小时', '反向 <= 0.5 小时'),
             (4, '[1,2] 万元', '元', '正向 10000～20000 元'),
             (5, '95%～100%', '‰', '正向 950～1000 ‰'),
             (6, '反向 [0.5, 1.5] 小时', '分钟', '反向 30～90 分钟'),
             (7, '>= 5 ％', '‰', '正向 >= 50 ‰'),
             (8, '定性 >= 90 %', '‰', '定性 >= 900 ‰'),
             (9, '定性 区间 1～2 万元', '元', '定性 区间 10000～20000 元'),
             (10, '>= 24 次/天', '次/小时', '正向 >= 1 次/小时'),
             (11, '>= 3 季度', '月', '正向 >= 9 月'),
             (12, '= 0 %', '‰', '正向 = 0 ‰'),
             (13, '> -5 万元', '元', '正向 > -50000 元'),
             (14, '< 5 个', '万个', '反向 < 0.0005 万个'),
             (15, '反向 >= 58 万元', '万元人民币', '反向 >= 58 万元'),
             (16, '>= 58 万元', ' 元 ', '正向 >= 580000 元')) t(n, i, u, e)
ORDER BY n;

-- property over generated money indicators: every comparator and nature,
-- 万元 -> 元 -> 万元 is the identity, and the accessors scale by 10000
CREATE TEMP TABLE money AS
	SELECT (nat || ' ' || cmp || ' ' || num || ' 万元')::indicator AS x
	FROM (VALUES ('正向'), ('反向'), ('')) n(nat),
	     (VALUES ('>='), ('>'), ('='), ('<'), ('<='), ('')) c(cmp),
	     (VALUES ('58'), ('0.5'), ('-12.25'), ('99999999999999'), ('0.00000000000001'), ('1,234,567.8')) v(num)
	WHERE nat <> '' OR cmp <> ''
	UNION ALL
	SELECT (nat || ' ' || lo || '～' || hi || ' 万元')::indicator
	FROM (VALUES ('正向'), ('反向'), (''), ('定性 区间')) n(nat),
	     (VALUES ('-1', '1'), ('0.5', '0.75'), ('95', '100'), ('0.0001', '99999999999999')) r(lo, hi);

SELECT is((SELECT count(*)::int FROM money), 118, '118 money indicators generated');
SELECT is((SELECT count(*)::int FROM money WHERE to_unit(to_unit(x, '元'), '万元') <> x), 0,
	'to_unit(to_unit(x, 元), 万元) = x for every generated money indicator');
SELECT is((SELECT count(*)::int FROM money WHERE to_unit(to_unit(x, '元'), '万元')::text <> x::text), 0,
	'... and the canonical text is unchanged');
SELECT is((SELECT count(*)::int FROM money, LATERAL (SELECT to_unit(x, '元') AS y) c
           WHERE nature(y) <> nature(x) OR comparator(y) <> comparator(x) OR unit(y) <> '元'
              OR target(y) IS DISTINCT FROM target(x) * 10000
              OR target_lower(y) IS DISTINCT FROM target_lower(x) * 10000
              OR target_upper(y) IS DISTINCT FROM target_upper(x) * 10000),
	0, 'to_unit() keeps nature and comparator and scales every bound exactly');
SELECT is((SELECT count(*)::int FROM money WHERE to_unit(x, '万元') <> x OR to_unit(x, '万元人民币') <> x), 0,
	'to_unit() into the same unit or its alias is the identity');

-- property over every catalogue unit and a few values: whenever to_unit()
-- succeeds, converting back gives the original indicator
CREATE TEMP TABLE conv AS
	SELECT x, unit(x) AS u, b.unit AS v, pg_temp.try_to_unit(x, b.unit) AS y
	FROM (SELECT (c || ' ' || n || ' ' || a.unit)::indicator AS x, a.dimension
	      FROM cat a, (VALUES ('>='), ('<'), ('=')) cc(c), (VALUES ('1'), ('7.5'), ('3600'), ('-0.25')) nn(n)
	      UNION ALL
	      SELECT ('[' || lo || ',' || hi || '] ' || a.unit)::indicator, a.dimension
	      FROM cat a, (VALUES ('1', '2'), ('0.5', '3600')) r(lo, hi)) g
	JOIN cat b USING (dimension);
SELECT is((SELECT count(*)::int FROM conv WHERE y IS NOT NULL AND to_unit(y, u) <> x), 0,
	'every successful to_unit() converts back to the original indicator');
SELECT cmp_ok((SELECT count(*)::int FROM conv WHERE y IS NOT NULL AND u <> v), '>=', 400,
	'at least 400 successful conversions between different units were checked');
SELECT is((SELECT count(*)::int FROM conv WHERE y IS NOT NULL
           AND (target_lower(y) IS DISTINCT FROM unit_convert(target_lower(x), u, v)
                OR target_upper(y) IS DISTINCT FROM unit_convert(target_upper(x), u, v))),
	0, 'to_unit() bounds equal unit_convert() of the bounds');

SELECT * FROM finish();
ROLLBACK;
