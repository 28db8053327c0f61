-- 01_catalog.sql: the SQL objects of the indicator extension, as the install
-- script declares them: type, functions (exact signatures, return types,
-- language, volatility, strictness, parallel safety, comments), operators,
-- operator classes and the extension's control settings.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;

-- Every function of the install script: name, argument types, return type,
-- whether it is STRICT, and whether the script gives it a COMMENT.
CREATE TEMP TABLE fns (
	ord serial,
	fname name,
	args name[],
	rettype text,
	strict boolean,
	commented boolean
);
INSERT INTO fns (fname, args, rettype, strict, commented) VALUES
	('indicator_in',            '{cstring}',                   'indicator',    true,  false),
	('indicator_out',           '{indicator}',                 'cstring',      true,  false),
	('indicator_recv',          '{internal}',                  'indicator',    true,  false),
	('indicator_send',          '{indicator}',                 'bytea',        true,  false),
	('indicator',               '{text,text,text,text}',       'indicator',    false, true),
	('indicator_is_valid',      '{text}',                      'boolean',      true,  true),
	('nature',                  '{indicator}',                 'text',         true,  true),
	('comparator',              '{indicator}',                 'text',         true,  true),
	('target',                  '{indicator}',                 'numeric',      true,  true),
	('target_lower',            '{indicator}',                 'numeric',      true,  true),
	('target_upper',            '{indicator}',                 'numeric',      true,  true),
	('target_range',            '{indicator}',                 'numrange',     true,  true),
	('target_text',             '{indicator}',                 'text',         true,  true),
	('unit',                    '{indicator}',                 'text',         true,  true),
	('unit_convert',            '{numeric,text,text}',         'numeric',      true,  true),
	('to_unit',                 '{indicator,text}',            'indicator',    true,  true),
	('unit_dimension',          '{text}',                      'text',         true,  true),
	('unit_canonical',          '{text}',                      'text',         true,  true),
	('indicator_units',         '{}',                          'setof record', true,  true),
	('indicator_cmp',           '{indicator,indicator}',       'integer',      true,  true),
	('indicator_eq',            '{indicator,indicator}',       'boolean',      true,  false),
	('indicator_ne',            '{indicator,indicator}',       'boolean',      true,  false),
	('indicator_lt',            '{indicator,indicator}',       'boolean',      true,  false),
	('indicator_le',            '{indicator,indicator}',       'boolean',      true,  false),
	('indicator_gt',            '{indicator,indicator}',       'boolean',      true,  false),
	('indicator_ge',            '{indicator,indicator}',       'boolean',      true,  false),
	('indicator_hash',          '{indicator}',                 'integer',      true,  true),
	('indicator_hash_extended', '{indicator,bigint}',          'bigint',       true,  true);

-- the regprocedure of each listed function (NULL when it does not exist)
CREATE TEMP VIEW fn_oids AS
	SELECT f.*, to_regprocedure(format('%I(%s)', f.fname, array_to_string(f.args, ','))) AS oid
	FROM fns f;

SELECT plan(273);

--
-- The type
--
SELECT has_type('indicator', 'type indicator exists');
SELECT is((SELECT typlen::int FROM pg_type WHERE oid = 'indicator'::regtype), -1,
	'indicator is variable length');
SELECT is((SELECT typalign::text FROM pg_type WHERE oid = 'indicator'::regtype), 'i',
	'indicator is int4-aligned');
SELECT is((SELECT typstorage::text FROM pg_type WHERE oid = 'indicator'::regtype), 'm',
	'indicator has STORAGE main');
SELECT is((SELECT ARRAY[typinput::text, typoutput::text, typreceive::text, typsend::text]
           FROM pg_type WHERE oid = 'indicator'::regtype),
	ARRAY['indicator_in', 'indicator_out', 'indicator_recv', 'indicator_send'],
	'indicator has text and binary I/O functions');
SELECT isnt(obj_description('indicator'::regtype, 'pg_type'), NULL,
	'type indicator has a comment');
SELECT ok(EXISTS (SELECT 1 FROM pg_depend
                  WHERE classid = 'pg_type'::regclass AND objid = 'indicator'::regtype
                    AND refclassid = 'pg_extension'::regclass AND deptype = 'e'
                    AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'indicator')),
	'type indicator belongs to extension indicator');

--
-- Functions: one assertion per function and property (28 functions)
--
SELECT has_function(fname, args, format('function %s(%s) exists', fname, array_to_string(args, ', ')))
FROM fns ORDER BY ord;

SELECT function_returns(fname, args, rettype,
	format('%s(%s) returns %s', fname, array_to_string(args, ', '), rettype))
FROM fns ORDER BY ord;

SELECT function_lang_is(fname, args, 'c',
	format('%s(%s) is written in C', fname, array_to_string(args, ', ')))
FROM fns ORDER BY ord;

SELECT volatility_is(fname, args, 'immutable',
	format('%s(%s) is IMMUTABLE', fname, array_to_string(args, ', ')))
FROM fns ORDER BY ord;

SELECT CASE WHEN strict
	THEN is_strict(fname, args, format('%s(%s) is STRICT', fname, array_to_string(args, ', ')))
	ELSE isnt_strict(fname, args, format('%s(%s) is not STRICT', fname, array_to_string(args, ', ')))
	END
FROM fns ORDER BY ord;

SELECT is((SELECT proparallel::text FROM pg_proc p WHERE p.oid = f.oid), 's',
	format('%s(%s) is PARALLEL SAFE', fname, array_to_string(args, ', ')))
FROM fn_oids f ORDER BY ord;

-- the ones the script documents carry a comment
SELECT isnt(obj_description(f.oid, 'pg_proc'), NULL,
	format('%s(%s) has a comment', fname, array_to_string(args, ', ')))
FROM fn_oids f WHERE commented ORDER BY ord;

SELECT is_empty($$
	SELECT fname FROM fn_oids f
	WHERE NOT EXISTS (SELECT 1 FROM pg_depend d
	                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = f.oid
	                    AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	                    AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'indicator'))
	$$, 'every listed function belongs to extension indicator');

SELECT is_empty($$
	SELECT p.oid::regprocedure FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid
	WHERE d.classid = 'pg_proc'::regclass AND d.refclassid = 'pg_extension'::regclass
	  AND d.deptype = 'e' AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'indicator')
	  AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
	  AND p.proparallel <> 's'
	$$, 'every C function of the extension is PARALLEL SAFE');

-- documented argument names (callers may use named notation)
SELECT is((SELECT proargnames FROM pg_proc WHERE oid = 'indicator(text,text,text,text)'::regprocedure),
	ARRAY['nature', 'comparator', 'target', 'unit'],
	'indicator() names its arguments nature, comparator, target, unit');
SELECT is((SELECT proargnames FROM pg_proc WHERE oid = 'unit_convert(numeric,text,text)'::regprocedure),
	ARRAY['value', 'from_unit', 'to_unit'],
	'unit_convert() names its arguments value, from_unit, to_unit');
SELECT is((SELECT proargnames FROM pg_proc WHERE oid = 'to_unit(indicator,text)'::regprocedure),
	ARRAY['', 'unit'],
	'to_unit() names its second argument unit');
SELECT is((SELECT proargnames FROM pg_proc WHERE oid = 'indicator_units()'::regprocedure),
	ARRAY['unit', 'dimension', 'factor', 'aliases'],
	'indicator_units() returns unit, dimension, factor, aliases');
SELECT is((SELECT ARRAY(SELECT t::regtype::text FROM unnest(proallargtypes) t)
           FROM pg_proc WHERE oid = 'indicator_units()'::regprocedure),
	ARRAY['text', 'text', 'numeric', 'text[]'],
	'indicator_units() column types are text, text, numeric, text[]');
SELECT is((SELECT prorows FROM pg_proc WHERE oid = 'indicator_units()'::regprocedure), 110::real,
	'indicator_units() is declared ROWS 110');

--
-- Operators
--
SELECT has_operator('indicator', op, 'indicator', 'boolean',
	format('operator indicator %s indicator returns boolean', op))
FROM unnest(ARRAY['=', '<>', '<', '<=', '>', '>=']) WITH ORDINALITY AS o(op, n) ORDER BY n;

-- procedure, commutator, negator and estimators of each operator
SELECT is((SELECT ARRAY[o.oprcode::text, com.oprname::text, neg.oprname::text,
                        o.oprrest::text, o.oprjoin::text]
           FROM pg_operator o
           LEFT JOIN pg_operator com ON com.oid = o.oprcom
           LEFT JOIN pg_operator neg ON neg.oid = o.oprnegate
           WHERE o.oprname = e.op AND o.oprleft = 'indicator'::regtype
             AND o.oprright = 'indicator'::regtype),
	ARRAY[e.proc, e.com, e.neg, e.rest, e.joinsel],
	format('operator %s: procedure %s, commutator %s, negator %s, %s/%s', e.op, e.proc, e.com,
	       e.neg, e.rest, e.joinsel))
FROM (VALUES
	(1, '=',  'indicator_eq', '=',  '<>', 'eqsel',       'eqjoinsel'),
	(2, '<>', 'indicator_ne', '<>', '=',  'neqsel',      'neqjoinsel'),
	(3, '<',  'indicator_lt', '>',  '>=', 'scalarltsel', 'scalarltjoinsel'),
	(4, '<=', 'indicator_le', '>=', '>',  'scalarlesel', 'scalarlejoinsel'),
	(5, '>',  'indicator_gt', '<',  '<=', 'scalargtsel', 'scalargtjoinsel'),
	(6, '>=', 'indicator_ge', '<=', '<',  'scalargesel', 'scalargejoinsel')
) e(n, op, proc, com, neg, rest, joinsel) ORDER BY n;

SELECT ok((SELECT oprcanhash FROM pg_operator WHERE oprname = '='
           AND oprleft = 'indicator'::regtype AND oprright = 'indicator'::regtype),
	'= on indicator supports hash joins (HASHES)');
SELECT ok((SELECT oprcanmerge FROM pg_operator WHERE oprname = '='
           AND oprleft = 'indicator'::regtype AND oprright = 'indicator'::regtype),
	'= on indicator supports merge joins (MERGES)');
SELECT is((SELECT count(*)::int FROM pg_operator WHERE oprleft = 'indicator'::regtype
           AND oprright = 'indicator'::regtype AND oprname <> '=' AND (oprcanhash OR oprcanmerge)),
	0, 'only = is marked HASHES/MERGES');

--
-- Operator classes
--
SELECT has_opclass('indicator_ops', 'operator class indicator_ops exists');
SELECT ok((SELECT opcdefault FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
           WHERE c.opcintype = 'indicator'::regtype AND a.amname = 'btree' AND c.opcname = 'indicator_ops'),
	'indicator_ops is the default btree operator class of indicator');
SELECT ok((SELECT opcdefault FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
           WHERE c.opcintype = 'indicator'::regtype AND a.amname = 'hash' AND c.opcname = 'indicator_ops'),
	'indicator_ops is the default hash operator class of indicator');
SELECT ok((SELECT amvalidate(c.oid) FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
           WHERE c.opcintype = 'indicator'::regtype AND a.amname = 'btree'),
	'amvalidate() accepts the btree operator class');
SELECT ok((SELECT amvalidate(c.oid) FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
           WHERE c.opcintype = 'indicator'::regtype AND a.amname = 'hash'),
	'amvalidate() accepts the hash operator class');
SELECT is((SELECT array_agg(a.amname::text ORDER BY a.amname) FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
           WHERE c.opcintype = 'indicator'::regtype),
	ARRAY['btree', 'hash'], 'indicator has operator classes for btree and hash only');

SELECT results_eq($$
	SELECT ao.amopstrategy::int, ao.amopopr::regoperator::text
	FROM pg_amop ao JOIN pg_opclass c ON c.opcfamily = ao.amopfamily
	JOIN pg_am a ON a.oid = c.opcmethod
	WHERE c.opcintype = 'indicator'::regtype AND a.amname = 'btree'
	ORDER BY 1
	$$, $$ VALUES (1, '<(indicator,indicator)'), (2, '<=(indicator,indicator)'),
	              (3, '=(indicator,indicator)'), (4, '>=(indicator,indicator)'),
	              (5, '>(indicator,indicator)') $$,
	'btree strategies 1-5 are < <= = >= >');
SELECT results_eq($$
	SELECT ap.amprocnum::int, ap.amproc::regprocedure::text
	FROM pg_amproc ap JOIN pg_opclass c ON c.opcfamily = ap.amprocfamily
	JOIN pg_am a ON a.oid = c.opcmethod
	WHERE c.opcintype = 'indicator'::regtype AND a.amname = 'btree'
	ORDER BY 1
	$$, $$ VALUES (1, 'indicator_cmp(indicator,indicator)') $$,
	'btree support function 1 is indicator_cmp');
SELECT results_eq($$
	SELECT ao.amopstrategy::int, ao.amopopr::regoperator::text
	FROM pg_amop ao JOIN pg_opclass c ON c.opcfamily = ao.amopfamily
	JOIN pg_am a ON a.oid = c.opcmethod
	WHERE c.opcintype = 'indicator'::regtype AND a.amname = 'hash'
	ORDER BY 1
	$$, $$ VALUES (1, '=(indicator,indicator)') $$,
	'hash strategy 1 is =');
SELECT results_eq($$
	SELECT ap.amprocnum::int, ap.amproc::regprocedure::text
	FROM pg_amproc ap JOIN pg_opclass c ON c.opcfamily = ap.amprocfamily
	JOIN pg_am a ON a.oid = c.opcmethod
	WHERE c.opcintype = 'indicator'::regtype AND a.amname = 'hash'
	ORDER BY 1
	$$, $$ VALUES (1, 'indicator_hash(indicator)'), (2, 'indicator_hash_extended(indicator,bigint)') $$,
	'hash support functions are indicator_hash and indicator_hash_extended');

--
-- The extension and its control file
--
SELECT has_extension('indicator', 'extension indicator is installed');
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'indicator'), '1.7',
	'installed version is 1.7');
SELECT is((SELECT default_version FROM pg_available_extensions WHERE name = 'indicator'), '1.7',
	'default version is 1.7');
-- 1.3: the importer's format and policy arguments, the constructor with the level 2
SELECT has_function('goal_table_rows', ARRAY['text', 'text'], 'goal_table_rows(raw, format)');
SELECT has_function('goal_table_problems', ARRAY['text', 'text', 'text'],
	'goal_table_problems(raw, format, policy)');
SELECT has_function('indicator', ARRAY['text', 'text', 'text', 'text', 'text'],
	'indicator(nature, comparator, target, unit, level2)');
-- 1.4: the self-evaluation importer, over text and over workbooks
SELECT has_function('selfeval_projects', ARRAY['text', 'text'], 'selfeval_projects(raw, format)');
SELECT has_function('selfeval_rows', ARRAY['text', 'text'], 'selfeval_rows(raw, format)');
SELECT has_function('selfeval_problems', ARRAY['text', 'text'], 'selfeval_problems(raw, format)');
SELECT has_function('selfeval_projects', ARRAY['bytea'], 'selfeval_projects(workbook)');
SELECT has_function('selfeval_rows', ARRAY['bytea'], 'selfeval_rows(workbook)');
SELECT has_function('selfeval_problems', ARRAY['bytea'], 'selfeval_problems(workbook)');
SELECT has_function('score_review', ARRAY['indicator', 'text', 'numeric', 'numeric', 'text'],
	'score_review(i, actual text, weight, printed_score, policy)');
SELECT has_function('score_review', ARRAY['indicator', 'numeric', 'numeric', 'numeric', 'text'],
	'score_review(i, actual numeric, weight, printed_score, policy)');
SELECT has_function('selfeval_findings', ARRAY['selfeval_sheet[]', 'selfeval_row[]', 'text'],
	'selfeval_findings(sheets, rows, policy)');
SELECT has_function('sheet_review', ARRAY['text', 'text', 'text'], 'sheet_review(raw, format, policy)');
-- 1.6: monitoring, every function with the cut-off as a date and as a month
SELECT has_function('monitor_light', ARRAY['indicator', a, t, 'text', 'text'],
	format('monitor_light(i, %s, %s, policy, level2)', a, t))
FROM unnest(ARRAY['numeric', 'text']) a, unnest(ARRAY['date', 'integer']) t;
SELECT has_function('monitor_detail', ARRAY['indicator', a, t, 'text', 'text', 'text'],
	format('monitor_detail(i, %s, %s, policy, level2, likelihood)', a, t))
FROM unnest(ARRAY['numeric', 'text']) a, unnest(ARRAY['date', 'integer']) t;
SELECT has_function(f, ARRAY['numeric', 'numeric', t, 'text'], format('%s(spent, budget, %s, policy)', f, t))
FROM unnest(ARRAY['budget_light', 'budget_progress']) f, unnest(ARRAY['date', 'integer']) t;
SELECT has_function('project_light', ARRAY['text', 'text', 'text'], 'project_light(goal, budget, policy)');
SELECT has_function('progress_gap', ARRAY['numeric', 'numeric', 'text'], 'progress_gap(goal, budget, policy)');
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           WHERE p.proname = 'monitor' AND a.aggcombinefn <> 0 AND p.proparallel = 's'
             AND a.aggtranstype = 'monitor_state'::regtype),
          12::bigint, 'monitor(): twelve signatures, each with a combine function, parallel safe, over monitor_state');
SELECT is((SELECT count(*) FROM pg_proc WHERE proname IN ('monitor_light', 'monitor_detail', 'budget_light',
               'budget_progress', 'project_light', 'progress_gap') AND provolatile = 'i' AND proparallel = 's'),
          14::bigint, 'the monitoring functions are immutable and parallel safe');
SELECT has_function('sheet_review', ARRAY['bytea', 'text'], 'sheet_review(workbook, policy)');
-- 1.7: goal-table review
SELECT has_type(t, format('type %s', t))
FROM unnest(ARRAY['goal_review_project', 'goal_review_row', 'goal_review_history']) t;
SELECT has_function('goal_review', ARRAY['goal_review_project[]', 'goal_review_row[]', 'text', 'goal_review_history[]'],
	'goal_review(projects, rows, policy, history)');
SELECT has_function('goal_review_grades', ARRAY['goal_review_project[]', 'goal_review_row[]', 'text', 'goal_review_history[]'],
	'goal_review_grades(projects, rows, policy, history)');
SELECT has_function('review_grade', ARRAY['bigint', 'bigint', 'boolean', 'text'], 'review_grade(errors, warnings, incomplete, policy)');
SELECT has_function('goal_table_review', ARRAY['text', 'text', 'text'], 'goal_table_review(raw, format, policy)');
SELECT has_function('goal_table_review', ARRAY['bytea', 'text'], 'goal_table_review(workbook, policy)');
SELECT is((SELECT count(*) FROM pg_proc WHERE proname IN ('goal_review', 'goal_review_grades', 'review_grade', 'goal_table_review')
               AND provolatile = 'i' AND proparallel = 's' AND obj_description(oid, 'pg_proc') IS NOT NULL),
          5::bigint, 'the review functions are IMMUTABLE, PARALLEL SAFE and commented');
SELECT is_empty($$
	SELECT p.oid::regprocedure FROM pg_proc p
	WHERE (p.proname LIKE 'selfeval%' OR p.proname IN ('score_review', 'sheet_review')) AND (obj_description(p.oid, 'pg_proc') IS NULL OR p.proparallel <> 's'
	                                      OR p.provolatile <> 'i')
$$, 'the selfeval and review functions are IMMUTABLE, PARALLEL SAFE and commented');
SELECT ok((SELECT trusted FROM pg_available_extension_versions WHERE name = 'indicator' AND version = '1.0'),
	'the control file marks the extension trusted');
SELECT ok((SELECT relocatable FROM pg_available_extension_versions WHERE name = 'indicator' AND version = '1.0'),
	'the control file marks the extension relocatable');
SELECT ok((SELECT extrelocatable FROM pg_extension WHERE extname = 'indicator'),
	'the installed extension is relocatable');
SELECT is((SELECT requires FROM pg_available_extension_versions WHERE name = 'indicator' AND version = '1.0'),
	NULL, 'the extension requires no other extension');

SELECT * FROM finish();
ROLLBACK;
