--
-- The unit catalogue and conversions.
--
\set VERBOSITY default
SELECT count(*) > 80 AS many_units, count(DISTINCT dimension) > 10 AS many_dimensions
FROM indicator_units();
SELECT unit, dimension, factor, aliases FROM indicator_units()
WHERE dimension IN ('money', 'time', 'calendar', 'workday', 'ratio', 'area') ORDER BY dimension, factor;

-- every alias leads to its unit, and canonical names are fixed points
SELECT count(*) AS mismatches FROM indicator_units() u, unnest(u.aliases) a
WHERE unit_canonical(a) <> u.unit;
SELECT count(*) AS mismatches FROM indicator_units() WHERE unit_canonical(unit) <> unit;

SELECT u, unit_canonical(u), unit_dimension(u)
FROM (VALUES ('％'), ('百分比'), ('万元'), ('次/天'), ('条 / 日'), ('人／工作日'), ('次/月'),
             ('平米'), ('widgets'), ('次/widgets')) t(u);

-- conversions within a dimension
SELECT unit_convert(58, '万元', '元') AS wan_to_yuan,
       unit_convert(580000, '元', '万元') AS yuan_to_wan,
       unit_convert(1.5, '亿元', '万元') AS yi_to_wan,
       unit_convert(2, '小时', '分钟') AS hours_to_minutes,
       unit_convert(90, '分钟', '小时') AS minutes_to_hours,
       unit_convert(1, '天', '小时') AS day_to_hours,
       unit_convert(3, '季度', '月') AS quarters_to_months,
       unit_convert(95, '%', '‰') AS percent_to_permille,
       unit_convert(1, '亩', '平方米') AS mu,
       unit_convert(24, '次/天', '次/小时') AS per_day_to_per_hour,
       unit_convert(10, '分钟', '小时') AS inexact;

SELECT to_unit('<= 60 万元', '元'), to_unit('>= 2 小时', '分钟'), to_unit('<= 30 分钟', '小时'),
       to_unit('[1,2] 万元', '元'), to_unit('>= 5 ％', '‰');

-- errors: unknown units, other dimensions, 工作日 never becomes 天
SELECT stmt, t.*
FROM (VALUES ($$SELECT unit_convert(1, 'widgets', '元')$$), ($$SELECT unit_convert(1, '元', 'widgets')$$),
             ($$SELECT unit_convert(1, '万元', '小时')$$), ($$SELECT unit_convert(5, '工作日', '天')$$),
             ($$SELECT unit_convert(1, '月', '天')$$), ($$SELECT unit_convert(1, '次/天', '次')$$),
             ($$SELECT to_unit('<= 10 分钟', '小时')$$), ($$SELECT to_unit('定性 有效提高', '元')$$),
             ($$SELECT to_unit('>= 10', '元')$$), ($$SELECT to_unit('>= 5 widgets', '个')$$),
             ($$SELECT to_unit('>= 5 个', '')$$)) s(stmt),
     LATERAL try_sql(stmt) t;
