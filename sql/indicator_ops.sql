--
-- Operators and operator classes: total order, DISTINCT, GROUP BY, hash
-- join, index scans, amvalidate, portable hashes.
--
SELECT amname, opcname, amvalidate(opc.oid)
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opcintype = 'indicator'::regtype ORDER BY amname;

CREATE TEMP TABLE ops (v indicator);
INSERT INTO ops VALUES
	('>= 10 次'), ('≥10次'), ('>= 9.5 次'), ('>= 100 次'), ('> 10 次'), ('= 10 次'),
	('<= 60 万元'), ('< 60 万元'), ('<= 5 万元'), ('反向 <= 60 元'), ('95%～100%'),
	('90%～100%'), ('[95,99.5] %'), ('定性 有效提高'), ('定性 有效提升'), ('定性'),
	('>= 10'), ('正向 = 0 %'), ('反向 >= 10 次'), ('定性 >= 90 %'), (NULL);

SELECT v FROM ops ORDER BY v;
SELECT v FROM ops ORDER BY v DESC NULLS LAST LIMIT 3;
SELECT count(*) AS rows, count(DISTINCT v) AS distinct_values FROM ops;
SELECT v, count(*) FROM ops GROUP BY v HAVING count(*) > 1;

-- comparison operators agree with the comparison function
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE (a.v < b.v) = (indicator_cmp(a.v, b.v) < 0)
                          AND (a.v <= b.v) = (indicator_cmp(a.v, b.v) <= 0)
                          AND (a.v = b.v) = (indicator_cmp(a.v, b.v) = 0)
                          AND (a.v <> b.v) = (indicator_cmp(a.v, b.v) <> 0)
                          AND (a.v >= b.v) = (indicator_cmp(a.v, b.v) >= 0)
                          AND (a.v > b.v) = (indicator_cmp(a.v, b.v) > 0)
                          AND indicator_cmp(a.v, b.v) = -indicator_cmp(b.v, a.v)) AS consistent,
       count(*) FILTER (WHERE a.v = b.v AND indicator_hash(a.v) <> indicator_hash(b.v)) AS hash_conflicts
FROM ops a, ops b WHERE a.v IS NOT NULL AND b.v IS NOT NULL;

-- hash join and hash aggregate
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ops a JOIN ops b ON a.v = b.v;
SELECT count(*) AS join_rows FROM ops a JOIN ops b ON a.v = b.v;
RESET enable_mergejoin;
RESET enable_nestloop;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT v, count(*) FROM ops GROUP BY v;
SELECT count(*) AS groups FROM (SELECT v, count(*) FROM ops GROUP BY v) g;
RESET enable_sort;

-- merge join
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ops a JOIN ops b ON a.v = b.v;
SELECT count(*) AS join_rows FROM ops a JOIN ops b ON a.v = b.v;
RESET enable_hashjoin;
RESET enable_nestloop;

-- btree and hash indexes
CREATE TEMP TABLE big AS
	SELECT g AS id, format('>= %s 次', g % 500)::indicator AS v FROM generate_series(1, 5000) g;
CREATE INDEX big_btree ON big (v);
CREATE INDEX big_hash ON big USING hash (v);
ANALYZE big;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM big WHERE v = '>= 42 次';
SELECT count(*) FROM big WHERE v = '>= 42 次';
EXPLAIN (COSTS OFF) SELECT id FROM big WHERE v < '>= 3 次' ORDER BY v, id;
SELECT count(*) FROM big WHERE v < '>= 3 次';
DROP INDEX big_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM big WHERE v = '>= 42 次';
SELECT count(*) FROM big WHERE v = '≥42次';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- hash values are pinned: a change here breaks hash indexes and hash
-- partitions on upgrade, and must never happen in a release
SELECT v, indicator_hash(v::indicator), indicator_hash_extended(v::indicator, 0),
       indicator_hash_extended(v::indicator, 42)
FROM (VALUES ('>= 10 次'), ('95%～100%'), ('定性 有效提高')) t(v);
-- the 32-bit hash is the low half of the seed-0 extended hash
SELECT count(*) FILTER (WHERE indicator_hash(v) <> (indicator_hash_extended(v, 0) & 4294967295)::bit(32)::int)
	AS mismatches FROM ops WHERE v IS NOT NULL;

-- a hash-partitioned table routes equal values together
CREATE TABLE hp (v indicator) PARTITION BY HASH (v);
CREATE TABLE hp0 PARTITION OF hp FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hp1 PARTITION OF hp FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hp SELECT v FROM ops WHERE v IS NOT NULL;
SELECT count(*) AS split_values FROM (SELECT v FROM hp GROUP BY v HAVING count(DISTINCT tableoid) > 1) s;
DROP TABLE hp;

-- on-disk sizes of typical values (short varlena header included)
CREATE TEMP TABLE sizes (v indicator);
INSERT INTO sizes VALUES ('>= 10 次'), ('<= 60 万元'), ('= 100 %'), ('>= 100 条/天'),
	('95%～100%'), ('>= 102100.9 平方米'), ('定性 有效提高');
SELECT v, pg_column_size(v) AS bytes_on_disk FROM sizes;

-- values without a unit: an empty unit compares before any other, and the
-- empty units are equal (the sanitizer run checks no memcmp sees a NULL)
SELECT '>= 1'::indicator = '>= 2'::indicator AS eq,
       '>= 1'::indicator < '>= 2'::indicator AS lt,
       indicator_cmp('>= 1', '>= 1.0') AS same,
       indicator_cmp('>= 1', '>= 1 次') AS no_unit_first,
       indicator_cmp('[1,2]', '[1,3]') AS range_cmp,
       indicator_hash('>= 1') = indicator_hash('>= 1.0') AS hash_eq,
       indicator_hash_extended('>= 1', 7) = indicator_hash_extended('>=1.00', 7) AS hash_ext_eq;
SELECT count(DISTINCT v) AS distinct_unitless
FROM (VALUES ('>= 1'::indicator), ('>= 1.0'), ('>= 2'), ('[1,2]'), ('[1.0,2]'), ('正向 >= 1')) t(v);
