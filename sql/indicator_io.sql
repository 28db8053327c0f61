--
-- Bad input: SQLSTATE, message, detail naming the token, hint listing forms.
--
-- how psql shows a bad literal
SELECT '>= abc'::indicator;
SELECT '大于等于 10 次 6'::indicator;

-- every bad literal: 22P02, or 22003 for numbers out of range, or 54000
SELECT input, (try_sql(format('SELECT %L::indicator', input))).*
FROM (VALUES (''), ('   '), ('abc'), ('正向'), ('>='), ('>= abc'), ('>= 10 >= 20'), ('>= 10 20'),
             ('>= 1,5 次'), ('>= 12345,678'), ('>= 1,0000'), ('95～90 %'), ('95%～100次'),
             ('[95,100 %'), ('[95 100] %'), ('>= [95,100] %'), ('区间 95 %'), ('>= +'),
             ('>= 1234567890123456789'), ('>= 0.0000000000000000001'),
             ('[-999999999999999999, 0.000000000000000001]'), ('正向 反向 10'), ('>=> 10'),
             ('≥≥10'), ('>= 10 ≤'), ('正向 大于等于 10 次 6'), ('>= 10 km per day'), ('>= 95～'),
             ('>= 5,000.123,4'), ('>= 1，5'), ('.5/ －3'),
             ('>= 1,234,567,890,123,456,789')) t(input);
SELECT left(input, 12) AS input, m.state, left(m.message, 60) AS message, m.detail, m.hint
FROM (VALUES ('>= 1 ' || repeat('x', 65)), ('定性 ' || repeat('好', 683)), (repeat('>= 1 ', 20000))) t(input),
     LATERAL try_sql(format('SELECT %L::indicator', input)) m;

-- the four-column constructor names the column at fault
SELECT n, c, left(t, 10) AS t, u, left(m.message, 60) AS message, m.state, m.detail
FROM (VALUES ('正向', '大约', '10', '次'), ('中性', '大于等于', '10', '次'),
             ('正向', '大于等于', '', '次'), ('正向', '大于等于', '95%', '次'),
             ('正向', '等于', '≤5', NULL), (NULL, NULL, NULL, NULL), (NULL, NULL, '100', '%'),
             ('正向', '大于等于', 'abc', '次'), ('定性', NULL, repeat('好', 682), '天天'),
             ('正向 大于等于', NULL, '10', '次'), ('正向', '大于 等于', '10', '次'),
             ('定量', NULL, '有效提高', NULL)) t(n, c, t, u),
     LATERAL try_sql(format('SELECT indicator(%L, %L, %L, %L)', n, c, t, u)) m;

-- limits that are accepted
SELECT '>= 999999999999999999'::indicator, '>= 0.000000000000000001'::indicator,
       '>= -999999999999999999'::indicator,
       '>= 10.000000000000000000000000 次'::indicator;
SELECT length(target_text(('定性 ' || repeat('好', 682))::indicator)) AS longest_text_chars;
SELECT unit(('>= 1 ' || repeat('x', 64))::indicator) = repeat('x', 64) AS longest_unit;

-- indicator_is_valid never raises
SELECT s, indicator_is_valid(s)
FROM (VALUES ('>= 10 次'), ('abc'), (''), ('>= 1,5'), ('>= 1234567890123456789'), ('定性 任何文字')) t(s);

--
-- Binary I/O: hex canaries pin the wire format
--
SELECT v, encode(indicator_send(v::indicator), 'hex') AS wire
FROM (VALUES ('>= 10 次'), ('反向 <= 359.8 万元'), ('95%～100%'), ('定性 有效提高'), ('= 0'), ('>= -5 %')) t(v);

-- send/recv round trip through COPY BINARY (and text COPY)
CREATE TEMP TABLE bin_src (id int, v indicator);
INSERT INTO bin_src VALUES
	(1, '>= 10 次'), (2, '反向 <= 359.8 万元'), (3, '95%～100%'), (4, '定性 有效提高'),
	(5, '= 0'), (6, '>= -5 %'), (7, '定性'), (8, '定性 >= 90 %'), (9, '>= 5 widgets'),
	(10, '[-999999999999999999, 0]'), (11, '>= 0.000000000000000001 次/天'), (12, NULL);
\getenv abs_builddir PG_ABS_BUILDDIR
\set binfile :abs_builddir '/results/indicator_io.bin'
\set txtfile :abs_builddir '/results/indicator_io.txt'
COPY bin_src TO :'binfile' (FORMAT binary);
COPY bin_src TO :'txtfile';
CREATE TEMP TABLE bin_dst (LIKE bin_src);
COPY bin_dst FROM :'binfile' (FORMAT binary);
CREATE TEMP TABLE txt_dst (LIKE bin_src);
COPY txt_dst FROM :'txtfile';
SELECT count(*) AS rows,
       count(*) FILTER (WHERE s.v = b.v AND s.v::text = b.v::text) AS binary_identical,
       count(*) FILTER (WHERE s.v = t.v AND s.v::text = t.v::text) AS text_identical,
       count(*) FILTER (WHERE s.v IS NULL AND b.v IS NULL AND t.v IS NULL) AS nulls
FROM bin_src s JOIN bin_dst b USING (id) JOIN txt_dst t USING (id);

-- recv through the type's receive function directly
-- bad bytes: every field is checked (22P03).  try_recv() wraps a payload in
-- a one-row COPY BINARY file, loads it and reports the outcome.
\set recvfile :abs_builddir '/results/indicator_recv.bin'
CREATE TEMP TABLE recv_t (v indicator);
CREATE FUNCTION pg_temp.try_recv(payload bytea, path text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	lo oid;
	result text;
	detail text;
BEGIN
	lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
						|| '\x0001'::bytea || int4send(length(payload)) || payload
						|| '\xffff'::bytea);
	PERFORM lo_export(lo, path);
	PERFORM lo_unlink(lo);
	TRUNCATE recv_t;
	BEGIN
		EXECUTE format('COPY recv_t FROM %L (FORMAT binary)', path);
		SELECT v::text INTO result FROM recv_t;
		RETURN 'ok: ' || result;
	EXCEPTION WHEN others THEN
		GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
		RETURN SQLSTATE || ': ' || SQLERRM || ' | ' || coalesce(detail, '');
	END;
END $$;

SELECT label, pg_temp.try_recv(decode(hex, 'hex'), :'recvfile') AS outcome
FROM (VALUES
	('valid >= 10 次',       '010101' || '000000000000000a' || '0000' || '00000003' || encode('次', 'hex')),
	('valid, unit alias',    '010103' || '0000000000000064' || '0000' || '00000003' || encode('％', 'hex')),
	('valid qualitative',    '010300' || '0000000c' || encode('有效提高', 'hex')),
	('unnormalised 10.0',    '010101' || '0000000000000064' || '0001' || '00000000'),
	('wire version 2',       '020101' || '000000000000000a' || '0000' || '00000000'),
	('nature 0',             '010001' || '000000000000000a' || '0000' || '00000000'),
	('nature 4',             '010401' || '000000000000000a' || '0000' || '00000000'),
	('comparator 7',         '010107' || '000000000000000a' || '0000' || '00000000'),
	('scale 19',             '010101' || '000000000000000a' || '0013' || '00000000'),
	('scale -1',             '010101' || '000000000000000a' || 'ffff' || '00000000'),
	('19 digits',            '010101' || '0de0b6b3a7640000' || '0000' || '00000000'),
	('negative length',      '010101' || '000000000000000a' || '0000' || 'ffffffff'),
	('length past end',      '010101' || '000000000000000a' || '0000' || '00000010' || '41'),
	('trailing bytes',       '010101' || '000000000000000a' || '0000' || '00000000' || '00'),
	('truncated',            '01'),
	('range lo > hi',        '010106' || '000000000000000a' || '0000' || '0000000000000005' || '0000' || '00000000'),
	('text target, 正向',    '010100' || '00000003' || encode('abc', 'hex')),
	('text with blanks',     '010300' || '00000004' || encode(' abc', 'hex')),
	('text reads as number', '010300' || '00000004' || encode('>= 5', 'hex')),
	('unit starts with 2',   '010101' || '000000000000000a' || '0000' || '00000004' || encode('2次', 'hex')),
	('invalid UTF-8 unit',   '010101' || '000000000000000a' || '0000' || '00000002' || 'ff41'),
	('unit of 65 bytes',     '010101' || '000000000000000a' || '0000' || '00000041' || repeat('78', 65))
) t(label, hex);
\set VERBOSITY default

-- Units that are surely something else are refused, as "1e5" is: an
-- exponent after a blank ("1 E+05" read as target 1 with unit "E+05"), and
-- a doubled percent sign, which psycopg2 users write when they escape % in
-- a query without parameters (it was accepted with the unit "%%").
SELECT '>= 1 E+05'::indicator;
SELECT '>= 1 e-3 次'::indicator;
SELECT '95%%～100%%'::indicator;
SELECT '>= 95 ％％'::indicator;
SELECT indicator('正向', '>=', '95', '%%');
SELECT score('>= 95 %', '96%%', 10);
SELECT score('>= 10', '1 E+05', 10);
-- but a unit that merely starts with e, or one percent sign, still reads
SELECT '>= 5 ea'::indicator, '>= 95 %'::indicator, '>= 95 ％'::indicator;
