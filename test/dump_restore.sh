#!/usr/bin/env bash
# Data safety, run inside the test cluster (PG* set): pg_dump / pg_restore in
# plain and custom format, and COPY TO / FROM in text, CSV and binary, of a
# database with indicator columns, scorecard states, btree and hash indexes
# and a table hash-partitioned on an indicator.  Prints TAP lines.
set -uo pipefail
work=$1
# shellcheck source=test/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

for db in dr_src dr_plain dr_custom; do dropdb --if-exists "$db" >/dev/null 2>&1; done
createdb dr_src
q -d dr_src <<'SQL'
CREATE EXTENSION indicator;
CREATE TABLE t (id int PRIMARY KEY, spec indicator NOT NULL, actual text, weight numeric);
INSERT INTO t SELECT g,
	(ARRAY['>= 10 次', '反向 <= 359.8 万元', '95%～100%', '定性 有效提高', '= 0 %', '>= 5,000 份',
	       '定性 2022年12月前', '>= -5 %', '>= 0.000000000000000001 次/天', '[-999999999999999999, 0]'])[1 + g % 10]::indicator,
	(ARRAY['12次', '360万元', '97%', '部分达成', '0%', '5,200份', '2022年11月', '-3%', '1', NULL])[1 + g % 10],
	1 + g % 7
FROM generate_series(1, 5000) g;
CREATE INDEX t_spec ON t (spec);
CREATE INDEX t_spec_hash ON t USING hash (spec);
CREATE TABLE states AS SELECT spec, scorecard_state(spec, actual, weight) AS s FROM t WHERE spec <> '[-999999999999999999, 0]' GROUP BY spec;
CREATE TABLE hp (spec indicator, id int) PARTITION BY HASH (spec);
CREATE TABLE hp0 PARTITION OF hp FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hp1 PARTITION OF hp FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hp SELECT spec, id FROM t;
SQL

fingerprint() {
	q -d "$1" -c "SELECT md5(string_agg(id || ':' || spec::text || ':' || coalesce(actual, '-') || ':' || weight, ',' ORDER BY id)) FROM t" \
		-c "SELECT md5(string_agg(s::text, ',' ORDER BY spec)) FROM states" \
		-c "SELECT md5(string_agg(tableoid::regclass || spec::text || id, ',' ORDER BY id)) FROM hp" \
		-c "SET enable_seqscan = off; SELECT count(*) FROM t WHERE spec = '>= 10 次'" | paste -sd' '
}
src=$(fingerprint dr_src)

pg_dump -Fp dr_src >"$work/dr.sql"
createdb dr_plain
psql -X -q -v ON_ERROR_STOP=1 -d dr_plain -f "$work/dr.sql" >/dev/null
check "pg_dump plain and psql restore give identical data, states, partitions and indexes" "$(fingerprint dr_plain)" "$src"

pg_dump -Fc dr_src >"$work/dr.dump"
createdb dr_custom
pg_restore -d dr_custom "$work/dr.dump"
check "pg_dump custom and pg_restore give identical data, states, partitions and indexes" "$(fingerprint dr_custom)" "$src"

for fmt in text csv binary; do
	q -d dr_src -c "CREATE TABLE t_$fmt (LIKE t)" -c "CREATE TABLE states_$fmt (LIKE states)"
	q -d dr_src -c "\\copy t TO '$work/t.$fmt' (FORMAT $fmt)" -c "\\copy t_$fmt FROM '$work/t.$fmt' (FORMAT $fmt)" \
		-c "\\copy states TO '$work/s.$fmt' (FORMAT $fmt)" -c "\\copy states_$fmt FROM '$work/s.$fmt' (FORMAT $fmt)"
	check "COPY $fmt out and in: identical rows" \
		"$(q -d dr_src -c "SELECT count(*) FROM t a FULL JOIN t_$fmt b USING (id) WHERE a.spec IS DISTINCT FROM b.spec OR a.spec::text IS DISTINCT FROM b.spec::text OR a.actual IS DISTINCT FROM b.actual OR a.weight IS DISTINCT FROM b.weight")" "0"
	check "COPY $fmt out and in: identical scorecard states" \
		"$(q -d dr_src -c "SELECT count(*) FROM states a FULL JOIN states_$fmt b USING (spec) WHERE a.s::text IS DISTINCT FROM b.s::text")" "0"
done

for db in dr_src dr_plain dr_custom; do dropdb "$db"; done
echo "1..$n"
