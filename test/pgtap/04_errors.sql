-- 04_errors.sql: bad input is rejected with the exact SQLSTATE, message and
-- detail; the documented limits are accepted; indicator_is_valid() answers
-- for every bad literal without raising; COPY names the bad line.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;

-- The SQLSTATE and detail of the error a statement raises ('' when none).
CREATE FUNCTION pg_temp.error_of(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
BEGIN
	EXECUTE stmt;
	RETURN 'no error';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || coalesce(detail, '');
END $$;

-- A literal made printable for test descriptions.
CREATE FUNCTION pg_temp.show(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT replace(replace(replace(replace(s, E'\n', '\n'), E'\r', '\r'), E'\t', '\t'), E'\u3000', '\u3000')
$$;

-- The input as error messages quote it: at most 200 bytes, cut at a
-- character boundary, with "..." when cut.
CREATE FUNCTION pg_temp.quoted(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN octet_length(s) <= 200 THEN s
	       ELSE (SELECT left(s, k) FROM generate_series(200, 0, -1) k
	             WHERE octet_length(left(s, k)) <= 200 LIMIT 1) || '...' END
$$;

-- Bad literals: (literal, SQLSTATE, detail).  The message is derived:
-- 22P02 "invalid input syntax", 22003 "target out of range", 54000 "input too long".
CREATE TEMP TABLE bad (n serial, input text, state text, detail text);
INSERT INTO bad (input, state, detail) VALUES
	-- empty
	('',                     '22P02', 'The value is empty.'),
	('   ',                  '22P02', 'The value is empty.'),
	(E'\t　\n',              '22P02', 'The value is empty.'),
	-- not an indicator at all
	('abc',                  '22P02', '"abc" is not a nature, comparator or number.'),
	('～100',                '22P02', '"～100" is not a nature, comparator or number.'),
	-- nature or comparator alone
	('正向',                 '22P02', 'The target value is missing.'),
	('反向指标',             '22P02', 'The target value is missing.'),
	('>=',                   '22P02', 'The target value is missing.'),
	('大于等于',             '22P02', 'The target value is missing.'),
	('正向 大于等于',        '22P02', 'The target value is missing.'),
	-- a number alone implies nothing
	('100 %',                '22P02', 'No comparator or nature before the target.'),
	-- the target is not a number
	('>= abc',               '22P02', 'Expected a number for the target, found "abc".'),
	('正向 大于等于 十 次',  '22P02', 'Expected a number for the target, found "十".'),
	('>= +',                 '22P02', 'Expected a number for the target, found "+".'),
	('正向 反向 10',         '22P02', 'Expected a number for the target, found "反向".'),
	-- two comparators
	('>= 10 >= 20',          '22P02', 'Unexpected comparator ">=" after the target.'),
	('>= 10 ≤',              '22P02', 'Unexpected comparator "≤" after the target.'),
	('≥≥10',                 '22P02', 'Expected a number for the target, found "≥10".'),
	('大于等于 大于 10',     '22P02', 'Expected a number for the target, found "大于".'),
	-- an extra number
	('>= 10 20',             '22P02', 'Unexpected number "20" after the target.'),
	('>= 2022-12',           '22P02', 'Unexpected number "-12" after the target.'),
	-- scientific notation once read as a unit ("1e5" was 1 "e5")
	('>= 1e5',               '22P02', 'Scientific notation "1e5" is not read; write the target out in digits.'),
	('>= 2.5E-3 %',          '22P02', 'Scientific notation "2.5E-3" is not read; write the target out in digits.'),
	('>= 7 e5',              '22P02', 'Scientific notation "e5" is not read; write the number out in digits.'),
	('>= 1 E+05',            '22P02', 'Scientific notation "E+05" is not read; write the number out in digits.'),
	('95%%～100%%',           '22P02', '"%%" doubles the percent sign; write one %.'),
	-- thousands separators in the wrong places
	('>= 1,5 次',            '22P02', 'Misplaced thousands separator in "1,5": write 5,000 or 5000.'),
	('>= 12345,678',         '22P02', 'Misplaced thousands separator in "12345,678": write 5,000 or 5000.'),
	('>= 1,0000',            '22P02', 'Misplaced thousands separator in "1,0000": write 5,000 or 5000.'),
	('>= 1,23,456',          '22P02', 'Misplaced thousands separator in "1,23,456": write 5,000 or 5000.'),
	-- ranges
	('95～90 %',             '22P02', 'The lower bound 95 of the range is greater than the upper bound.'),
	('[100, 99.5]',          '22P02', 'The lower bound 100 of the range is greater than the upper bound.'),
	('-1～-5',               '22P02', 'The lower bound -1 of the range is greater than the upper bound.'),
	('95%～100次',           '22P02', 'The bounds of the range have different units, "%" and "次".'),
	('1万元～2元',           '22P02', 'The bounds of the range have different units, "万元" and "元".'),
	('[95,100 %',            '22P02', 'Expected "]" to close the range, found "%".'),
	('[95,100',              '22P02', 'Expected "]" to close the range, found "".'),
	('[95 100] %',           '22P02', 'Expected "," between the bounds of the range, found "100]".'),
	('[95]',                 '22P02', 'Expected "," between the bounds of the range, found "]".'),
	('[]',                   '22P02', 'Expected a number for the target, found "]".'),
	('>= [95,100] %',        '22P02', 'A range "[95,100]" cannot follow a comparator.'),
	('等于 [1,2]',           '22P02', 'A range "[1,2]" cannot follow a comparator.'),
	('区间 95 %',            '22P02', 'A range needs two bounds, as in "95～100"; found "95".'),
	('介于 95',              '22P02', 'A range needs two bounds, as in "95～100"; found "95".'),
	-- units: no blanks inside, at most 64 bytes
	('>= 10 次 6',           '22P02', 'Unexpected "6" after the unit; units contain no blanks.'),
	('正向 大于等于 10 次 6', '22P02', 'Unexpected "6" after the unit; units contain no blanks.'),
	('>= 10 次　6',          '22P02', 'Unexpected "6" after the unit; units contain no blanks.'),
	('>= 10 km per day',     '22P02', 'Unexpected "per" after the unit; units contain no blanks.'),
	('>= 10 次 次',          '22P02', 'Unexpected "次" after the unit; units contain no blanks.'),
	('>= 1 ' || repeat('x', 65), '22P02', 'The unit "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..." is longer than 64 bytes; write a long target as 定性 text.'),
	('>= 1 ' || repeat('元', 22), '22P02', 'The unit "元元元元元元元元元元元元元元元元元元元元元元" is longer than 64 bytes; write a long target as 定性 text.'),
	-- more than 18 significant digits
	('>= 1234567890123456789',     '22003', 'The number "1234567890123456789" has more than 18 significant digits.'),
	('>= -1234567890123456789',    '22003', 'The number "-1234567890123456789" has more than 18 significant digits.'),
	('>= 1000000000000000000',     '22003', 'The number "1000000000000000000" has more than 18 significant digits.'),
	('>= 0.0000000000000000001',   '22003', 'The number "0.0000000000000000001" has more than 18 significant digits.'),
	('>= 0.1234567890123456789',   '22003', 'The number "0.1234567890123456789" has more than 18 significant digits.'),
	('>= 123456789012345678.9',    '22003', 'The number "123456789012345678.9" has more than 18 significant digits.'),
	('>= 1,234,567,890,123,456,7', '22P02', 'Misplaced thousands separator in "1,234,567,890,123,456,7": write 5,000 or 5000.'),
	('95～1234567890123456789',    '22003', 'The number "1234567890123456789" has more than 18 significant digits.'),
	-- ranges whose bounds need more than 18 digits at a common scale
	('[-999999999999999999, 0.000000000000000001]', '22003', 'The bounds of the range need more than 18 digits at a common scale.'),
	('[0.1, 999999999999999999]',  '22003', 'The bounds of the range need more than 18 digits at a common scale.'),
	('0.05～12345678901234567',    '22003', 'The bounds of the range need more than 18 digits at a common scale.'),
	-- qualitative text over 2048 bytes
	('定性 ' || repeat('好', 683), '54000', 'The target text is longer than 2048 bytes.'),
	('定性 ' || repeat('a', 2049), '54000', 'The target text is longer than 2048 bytes.');

-- Bad columns for the constructor: (nature, comparator, target, unit, SQLSTATE, detail)
CREATE TEMP TABLE badcols (n serial, nat text, cmp text, tgt text, unt text, state text, detail text);
INSERT INTO badcols (nat, cmp, tgt, unt, state, detail) VALUES
	('中性', '大于等于', '10', '次',  '22P02', '"中性" in the nature column is not 正向, 反向 or 定性.'),
	('大于等于', NULL, '10', '次',    '22P02', '"大于等于" in the nature column is not 正向, 反向 or 定性.'),
	('正向', '大约', '10', '次',      '22P02', '"大约" in the comparator column is not a comparator.'),
	('正向', '正向', '10', '次',      '22P02', '"正向" in the comparator column is not a comparator.'),
	('正向', '大于等于', '', '次',    '22P02', 'The target column is empty.'),
	('正向', '大于等于', NULL, '次',  '22P02', 'The target column is empty.'),
	('正向', '大于等于', '   ', NULL, '22P02', 'The target column is empty.'),
	(NULL, NULL, NULL, NULL,          '22P02', 'The target column is empty.'),
	(NULL, NULL, '100', '%',          '22P02', 'No comparator or nature before the target.'),
	('正向', '大于等于', '95%', '次', '22P02', 'The unit column "次" disagrees with the unit written in the target.'),
	('正向', '大于等于', '95万元', '元', '22P02', 'The unit column "元" disagrees with the unit written in the target.'),
	('正向', '等于', '≤5', NULL,      '22P02', 'The target "≤5" repeats a different comparator.'),
	('正向', '大于等于', 'abc', '次', '22P02', 'Expected a number for the target, found "abc".'),
	('正向', '大于等于', '10', '次 6', '22P02', 'Unexpected "6" after the unit; units contain no blanks.'),
	('正向', '大于等于', '1,5', '次', '22P02', 'Misplaced thousands separator in "1,5": write 5,000 or 5000.'),
	('正向', '区间', '95', '%',       '22P02', 'A range needs two bounds, as in "95～100"; found "95".'),
	('正向', '大于等于', '10', repeat('x', 65), '22P02', 'The unit "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..." is longer than 64 bytes; write a long target as 定性 text.'),
	('正向', '大于等于', '1234567890123456789', '次', '22003', 'The number "1234567890123456789" has more than 18 significant digits.'),
	('定性', NULL, repeat('好', 682), '天天', '54000', 'The target text is longer than 2048 bytes.'),
	('定性', NULL, repeat('a', 2049), NULL,   '54000', 'The target text is longer than 2048 bytes.'),
	('定性', NULL, repeat('a', 2046), '天',   '54000', 'The target text is longer than 2048 bytes.');

-- Conversion errors: (statement, SQLSTATE, message)
CREATE TEMP TABLE badconv (n serial, stmt text, state text, message text);
INSERT INTO badconv (stmt, state, message) VALUES
	($$SELECT unit_convert(1, 'widgets', '元')$$,   '22023', 'unit "widgets" is not in the unit catalogue'),
	($$SELECT unit_convert(1, '元', 'widgets')$$,   '22023', 'unit "widgets" is not in the unit catalogue'),
	($$SELECT unit_convert(1, '元', '')$$,          '22023', 'unit "" is not in the unit catalogue'),
	($$SELECT unit_convert(1, 'Kmh', '米')$$,       '22023', 'unit "Kmh" is not in the unit catalogue'),
	($$SELECT unit_convert(1, '次/widgets', '次/天')$$, '22023', 'unit "次/widgets" is not in the unit catalogue'),
	($$SELECT unit_convert(1, '万元', '小时')$$,    '22000', 'cannot convert "万元" to "小时"'),
	($$SELECT unit_convert(5, '工作日', '天')$$,    '22000', 'cannot convert "工作日" to "天"'),
	($$SELECT unit_convert(5, '天', '工作日')$$,    '22000', 'cannot convert "天" to "工作日"'),
	($$SELECT unit_convert(5, '个工作日', '小时')$$, '22000', 'cannot convert "个工作日" to "小时"'),
	($$SELECT unit_convert(1, '月', '天')$$,        '22000', 'cannot convert "月" to "天"'),
	($$SELECT unit_convert(1, '季度', '周')$$,      '22000', 'cannot convert "季度" to "周"'),
	($$SELECT unit_convert(1, '年', '天')$$,        '22000', 'cannot convert "年" to "天"'),
	($$SELECT unit_convert(1, '次', '个')$$,        '22000', 'cannot convert "次" to "个"'),
	($$SELECT unit_convert(1, '人', '人次')$$,      '22000', 'cannot convert "人" to "人次"'),
	($$SELECT unit_convert(1, '%', '百分点')$$,     '22000', 'cannot convert "%" to "百分点"'),
	($$SELECT unit_convert(1, '次/天', '次')$$,     '22000', 'cannot convert "次/天" to "次"'),
	($$SELECT unit_convert(1, '次/天', '个/天')$$,  '22000', 'cannot convert "次/天" to "个/天"'),
	($$SELECT unit_convert(1, '次/天', '次/月')$$,  '22000', 'cannot convert "次/天" to "次/月"'),
	($$SELECT unit_convert(1, '次/天', '次/工作日')$$, '22000', 'cannot convert "次/天" to "次/工作日"'),
	($$SELECT to_unit('<= 10 分钟', '小时')$$,      '22003', 'target 10 has no exact decimal value in the new unit'),
	($$SELECT to_unit('[10, 30] 分钟', '小时')$$,   '22003', 'target 10 has no exact decimal value in the new unit'),
	($$SELECT to_unit('[30, 50] 分钟', '小时')$$,   '22003', 'upper bound 50 has no exact decimal value in the new unit'),
	($$SELECT to_unit('>= 1 亩', '平方米')$$,       '22003', 'target 1 has no exact decimal value in the new unit'),
	($$SELECT to_unit('>= 1 秒', '周')$$,           '22003', 'target 1 has no exact decimal value in the new unit'),
	($$SELECT to_unit('>= 0.000000000000000001 元', '万元')$$, '22003', 'converted target 0.0000000000000000000001 does not fit in an indicator'),
	($$SELECT to_unit('>= 999999999999999999 万元', '元')$$,   '22003', 'converted target 9999999999999999990000 does not fit in an indicator'),
	($$SELECT to_unit('[1, 999999999999999999] 万元', '元')$$, '22003', 'converted upper bound 9999999999999999990000 does not fit in an indicator'),
	($$SELECT to_unit('定性 有效提高', '元')$$,     '22000', 'cannot convert a qualitative target'),
	($$SELECT to_unit('定性', '元')$$,              '22000', 'cannot convert a qualitative target'),
	($$SELECT to_unit('>= 10', '元')$$,             '22000', 'cannot convert an indicator that has no unit'),
	($$SELECT to_unit('95～100', '‰')$$,            '22000', 'cannot convert an indicator that has no unit'),
	($$SELECT to_unit('>= 5 widgets', '个')$$,      '22023', 'unit "widgets" is not in the unit catalogue'),
	($$SELECT to_unit('>= 5 个', 'widgets')$$,      '22023', 'unit "widgets" is not in the unit catalogue'),
	($$SELECT to_unit('>= 5 个', '')$$,             '22023', 'unit "" is not in the unit catalogue'),
	($$SELECT to_unit('>= 5 个', '次')$$,           '22000', 'cannot convert "个" to "次"'),
	($$SELECT to_unit('>= 5 工作日', '天')$$,       '22000', 'cannot convert "工作日" to "天"'),
	($$SELECT to_unit('>= 1 月', '天')$$,           '22000', 'cannot convert "月" to "天"'),
	($$SELECT to_unit('>= 24 次/天', '次/工作日')$$, '22000', 'cannot convert "次/天" to "次/工作日"');

-- Valid literals at the limits
CREATE TEMP TABLE limits (n serial, label text, input text);
INSERT INTO limits (label, input) VALUES
	('18 integer digits',               '>= 999999999999999999'),
	('18 negative integer digits',      '>= -999999999999999999'),
	('scale 18',                        '>= 0.000000000000000001'),
	('negative scale 18',               '<= -0.000000000000000001'),
	('18 digits, scale 18',             '>= 0.123456789012345678'),
	('18 digits across the point',      '>= 12345678901.2345678'),
	('zeros beyond scale 18',           '>= 0.1000000000000000000000'),
	('18 thousands-separated digits',   '>= 999,999,999,999,999,999'),
	('range with 18 digits at scale 1', '[0.1, 99999999999999999]'),
	('range of extremes',               '[-999999999999999999, 999999999999999999]'),
	('range at scale 18',               '[-0.999999999999999999, 0.999999999999999999]'),
	('unit of 64 ASCII bytes',          '>= 1 ' || repeat('x', 64)),
	('unit of 64 UTF-8 bytes',          '>= 1 ' || repeat('元', 21) || 'x'),
	('text of 2048 ASCII bytes',        '定性 ' || repeat('a', 2048)),
	('text of 2046 UTF-8 bytes',        '定性 ' || repeat('好', 682)),
	('range units in two spellings',    '95％～100百分比');

SELECT plan(
	  3 * 64    -- bad literals: throws_ok, detail, indicator_is_valid
	+ 2 * 21    -- bad constructor columns: throws_ok, detail
	+ 38        -- conversion errors
	+ 16        -- limits: lives_ok
	+ 26        -- the rest, below
);

--
-- Bad literals
--
SELECT throws_ok(format('SELECT %L::indicator', input), state,
	CASE state
		WHEN '22P02' THEN 'invalid input syntax for type indicator: '
		WHEN '22003' THEN 'target out of range for type indicator: '
		ELSE 'input too long for type indicator: '
	END || format('"%s"', pg_temp.quoted(input)),
	format('%s: %s', state, pg_temp.show(left(input, 40))))
FROM bad ORDER BY n;

SELECT is(pg_temp.error_of(format('SELECT %L::indicator', input)), state || ': ' || detail,
	format('detail of %s', pg_temp.show(left(input, 40))))
FROM bad ORDER BY n;

SELECT ok(NOT indicator_is_valid(input), format('indicator_is_valid(%s) is false', pg_temp.show(quote_literal(left(input, 40)))))
FROM bad ORDER BY n;

--
-- Bad constructor columns
--
SELECT throws_ok(format('SELECT indicator(%L, %L, %L, %L)', nat, cmp, tgt, unt), state,
	NULL, format('%s: indicator(%s, %s, %s, %s)', state, coalesce(nat, 'NULL'), coalesce(cmp, 'NULL'),
	             coalesce(left(tgt, 12), 'NULL'), coalesce(left(unt, 12), 'NULL')))
FROM badcols ORDER BY n;

SELECT is(pg_temp.error_of(format('SELECT indicator(%L, %L, %L, %L)', nat, cmp, tgt, unt)), state || ': ' || detail,
	format('detail of indicator(%s, %s, %s, %s)', coalesce(nat, 'NULL'), coalesce(cmp, 'NULL'),
	       coalesce(left(tgt, 12), 'NULL'), coalesce(left(unt, 12), 'NULL')))
FROM badcols ORDER BY n;

-- 19 grouped digits: 22003 (the detail quotes only the first 24 characters)
SELECT throws_ok($$SELECT '>= 1,234,567,890,123,456,789'::indicator$$, '22003',
	'target out of range for type indicator: ">= 1,234,567,890,123,456,789"',
	'22003: 19 digits with thousands separators');

-- the constructor's message shows the four cells
SELECT throws_ok($$SELECT indicator('正向', '大约', '10', '次')$$, '22P02',
	'invalid input syntax for type indicator: "正向 | 大约 | 10 | 次"',
	'the constructor''s message shows the four cells');
SELECT throws_ok($$SELECT indicator(NULL, NULL, NULL, NULL)$$, '22P02',
	'invalid input syntax for type indicator: " |  |  | "',
	'NULL cells show as empty in the message');

--
-- Unit conversion errors
--
SELECT throws_ok(stmt, state, message, format('%s: %s', state, stmt))
FROM badconv ORDER BY n;

-- a conversion whose bounds no longer fit at one scale
SELECT is(pg_temp.error_of($$SELECT to_unit('[15, 999999999999999960] 分钟', '小时')$$),
	'22003: The bounds of the range need more than 18 digits at a common scale.',
	'to_unit: converted range bounds that need more than 18 digits at one scale raise 22003');
SELECT is(to_unit('[15, 99999999999999960] 分钟', '小时')::text, '正向 0.25～1666666666666666 小时',
	'to_unit: the same range one digit shorter converts');

-- hints and details of conversion errors
SELECT is(pg_temp.error_of($$SELECT unit_convert(1, 'widgets', '元')$$),
	'22023: Units outside the catalogue are kept verbatim but cannot be converted.',
	'unknown unit: the detail says why');
SELECT is(pg_temp.error_of($$SELECT unit_convert(5, '工作日', '天')$$),
	'22000: "工作日" measures workday and "天" measures time.',
	'工作日 to 天: the detail names both dimensions');
SELECT is(pg_temp.error_of($$SELECT unit_convert(1, '月', '天')$$),
	'22000: "月" measures calendar and "天" measures time.',
	'月 to 天: the detail names both dimensions');

--
-- Limits that are accepted
--
SELECT lives_ok(format('SELECT %L::indicator', input), format('accepted: %s', label))
FROM limits ORDER BY n;

SELECT ok((SELECT bool_and(indicator_is_valid(input)) FROM limits), 'indicator_is_valid() is true at every limit');
SELECT is(octet_length(unit(('>= 1 ' || repeat('x', 64))::indicator)), 64, 'a 64-byte unit is kept whole');
SELECT is(octet_length(unit(('>= 1 ' || repeat('元', 21) || 'x')::indicator)), 64, 'a 64-byte UTF-8 unit is kept whole');
SELECT is(octet_length(target_text(('定性 ' || repeat('a', 2048))::indicator)), 2048, 'a 2048-byte text is kept whole');
SELECT is(length(target_text(('定性 ' || repeat('好', 682))::indicator)), 682, 'a 682-character text is kept whole');
SELECT is(indicator('定性', NULL, repeat('a', 2045), '天')::text, '定性 ' || repeat('a', 2045) || '天',
	'constructor: text plus unit cell of exactly 2048 bytes is accepted');
SELECT is(target('>= 999,999,999,999,999,999'::indicator), 999999999999999999::numeric,
	'18 grouped digits read exactly');
SELECT is(target_upper('[-0.999999999999999999, 0.999999999999999999]'::indicator), 0.999999999999999999,
	'scale-18 range bound reads exactly');

--
-- indicator_is_valid() over good input, NULL, and never raising
--
SELECT ok(indicator_is_valid(s), format('indicator_is_valid(%s) is true', quote_literal(s)))
FROM unnest(ARRAY['>= 10 次', '≤60万元', '95%～100%', '定性 有效提高', '定性']) WITH ORDINALITY AS t(s, n) ORDER BY n;
SELECT is(indicator_is_valid(NULL), NULL, 'indicator_is_valid(NULL) is NULL');
SELECT is(NULL::text::indicator, NULL, 'NULL casts to a NULL indicator');
SELECT lives_ok($$SELECT indicator_is_valid(x) FROM (SELECT input FROM bad) t(x)$$,
	'indicator_is_valid() never raises, even for out-of-range and too-long input');

--
-- COPY names the line of a bad row
--
SELECT '/tmp/indicator_pgtap_04_' || pg_backend_pid() || '.txt' AS copyfile,
       'cat >/dev/null; rm -f /tmp/indicator_pgtap_04_' || pg_backend_pid() || '.txt' AS copyfile_rm \gset
CREATE TEMP TABLE copy_src (v text);
INSERT INTO copy_src VALUES ('>= 10 次'), ('95%～100%'), ('>= 1,5 次'), ('定性 有效提高');
COPY copy_src TO :'copyfile';
CREATE TEMP TABLE copy_dst (v indicator);
CREATE FUNCTION pg_temp.copy_error(path text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	ctx text;
BEGIN
	EXECUTE format('COPY copy_dst FROM %L', path);
	RETURN 'no error';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS ctx = PG_EXCEPTION_CONTEXT;
	RETURN SQLSTATE || ': ' || substring(ctx FROM 'COPY copy_dst, line [0-9]+, column v');
END $$;
SELECT is(pg_temp.copy_error(:'copyfile'), '22P02: COPY copy_dst, line 3, column v',
	'COPY of a bad literal fails with 22P02 and names line 3, column v');
SELECT is((SELECT count(*)::int FROM copy_dst), 0, 'nothing of the failed COPY is kept');
COPY (SELECT) TO PROGRAM :'copyfile_rm';

SELECT * FROM finish();
ROLLBACK;
