/* indicator--1.0.sql: the indicator type, its operators and unit functions */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION indicator" to load this file. \quit

--
-- The type
--
CREATE TYPE indicator;

CREATE FUNCTION indicator_in(cstring) RETURNS indicator
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_out(indicator) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_recv(internal) RETURNS indicator
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_send(indicator) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE indicator (
	INPUT = indicator_in,
	OUTPUT = indicator_out,
	RECEIVE = indicator_recv,
	SEND = indicator_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = main
);

COMMENT ON TYPE indicator IS
'budget performance indicator (绩效指标): nature, comparator, target and unit, e.g. ''正向 >= 10 次'', ''≤60万元'', ''95%～100%'', ''定性 有效提高''';

--
-- Construction and validation
--
CREATE FUNCTION indicator(nature text, comparator text, target text, unit text)
	RETURNS indicator
	AS 'MODULE_PATHNAME', 'indicator_from_columns'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION indicator(text, text, text, text) IS
'indicator from a goal table''s four columns (指标性质, 指标方向, 目标值, 计量单位); NULL or empty comparator and unit allowed';

CREATE FUNCTION indicator_is_valid(text) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION indicator_is_valid(text) IS
'true when the text is a valid indicator literal; never raises for bad syntax';

--
-- Accessors
--
CREATE FUNCTION nature(indicator) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_nature' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nature(indicator) IS 'the nature: 正向, 反向 or 定性';

CREATE FUNCTION comparator(indicator) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_comparator' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION comparator(indicator) IS
'the comparator: >=, >, =, <, <= or 区间 (a range); NULL for a text target';

CREATE FUNCTION target(indicator) RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_target' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target(indicator) IS
'the numeric target; NULL for ranges (see target_lower/target_upper) and text targets';

CREATE FUNCTION target_lower(indicator) RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_target_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_lower(indicator) IS
'lower end of the accepted values (target of >=, >, =, lower bound of a range); NULL when unbounded';

CREATE FUNCTION target_upper(indicator) RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_target_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_upper(indicator) IS
'upper end of the accepted values (target of <=, <, =, upper bound of a range); NULL when unbounded';

CREATE FUNCTION target_range(indicator) RETURNS numrange
	AS 'MODULE_PATHNAME', 'indicator_target_range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_range(indicator) IS
'the accepted values as a numrange, e.g. [10,) for >= 10; NULL for text targets';

CREATE FUNCTION target_text(indicator) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_target_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_text(indicator) IS
'the target as text: 10, 95～100, or the qualitative text';

CREATE FUNCTION unit(indicator) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_unit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unit(indicator) IS 'the canonical unit; NULL when there is none';

--
-- Units
--
CREATE FUNCTION unit_convert(value numeric, from_unit text, to_unit text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_unit_convert' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unit_convert(numeric, text, text) IS
'convert a value between units of one dimension, e.g. 万元 to 元, 小时 to 分钟';

CREATE FUNCTION to_unit(indicator, unit text) RETURNS indicator
	AS 'MODULE_PATHNAME', 'indicator_convert' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION to_unit(indicator, text) IS
'the same indicator with its target expressed exactly in another unit of the same dimension';

CREATE FUNCTION unit_dimension(unit text) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_unit_dimension' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unit_dimension(text) IS
'the dimension of a catalogue unit (money, time, 次/time ...); NULL for units outside the catalogue';

CREATE FUNCTION unit_canonical(unit text) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_unit_canonical' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unit_canonical(text) IS
'the canonical spelling of a unit (％ and 百分比 become %); unknown units are returned verbatim';

CREATE FUNCTION indicator_units(OUT unit text, OUT dimension text, OUT factor numeric, OUT aliases text[])
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'indicator_units' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 110;
COMMENT ON FUNCTION indicator_units() IS
'the built-in unit catalogue: each unit, its dimension, its factor to the dimension''s base unit, and its aliases';

--
-- Comparison, btree and hash support
--
CREATE FUNCTION indicator_cmp(indicator, indicator) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_eq(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_ne(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_lt(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_le(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_gt(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_ge(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_hash(indicator) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_hash_extended(indicator, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION indicator_cmp(indicator, indicator) IS 'btree comparison: nature, comparator, unit, target, text';
COMMENT ON FUNCTION indicator_hash(indicator) IS 'hash, identical on every platform';
COMMENT ON FUNCTION indicator_hash_extended(indicator, bigint) IS 'seeded 64-bit hash, identical on every platform';

CREATE OPERATOR = (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_eq,
	COMMUTATOR = =, NEGATOR = <>,
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_ne,
	COMMUTATOR = <>, NEGATOR = =,
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_lt,
	COMMUTATOR = >, NEGATOR = >=,
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_le,
	COMMUTATOR = >=, NEGATOR = >,
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_gt,
	COMMUTATOR = <, NEGATOR = <=,
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_ge,
	COMMUTATOR = <=, NEGATOR = <,
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS indicator_ops
	DEFAULT FOR TYPE indicator USING btree AS
		OPERATOR 1 <,
		OPERATOR 2 <=,
		OPERATOR 3 =,
		OPERATOR 4 >=,
		OPERATOR 5 >,
		FUNCTION 1 indicator_cmp(indicator, indicator);

CREATE OPERATOR CLASS indicator_ops
	DEFAULT FOR TYPE indicator USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 indicator_hash(indicator),
		FUNCTION 2 indicator_hash_extended(indicator, bigint);
