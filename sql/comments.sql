--
-- Every object of the extension has a comment (JDBC REMARKS, BI tools'
-- catalogs, \dx+), and so has every composite field, every table, view
-- and column of the reference schema (data/schema.sql).  Each query lists
-- what lacks one: the expected result is no rows.
--
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS without_comment
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'indicator')
  AND d.deptype = 'e'
  AND obj_description(d.objid, d.classid::regclass::text) IS NULL
  -- the array types PostgreSQL makes for each type (members since 17)
  AND NOT (d.classid = 'pg_type'::regclass
           AND EXISTS (SELECT 1 FROM pg_type t WHERE t.typarray = d.objid))
ORDER BY 1;

SELECT t.typname || '.' || a.attname AS field_without_comment
FROM pg_depend d
JOIN pg_type t ON t.oid = d.objid
JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'indicator')
  AND d.deptype = 'e' AND d.classid = 'pg_type'::regclass AND t.typrelid <> 0
  AND col_description(t.typrelid, a.attnum) IS NULL
ORDER BY 1;

CREATE SCHEMA ref;
SET search_path = ref, public;
-- (the schema's statements are not echoed: its comments would fill the page)
\set ECHO none
\i data/schema.sql
\set ECHO all
SELECT c.relname AS relation_without_comment
FROM pg_class c WHERE c.relnamespace = 'ref'::regnamespace AND c.relkind IN ('r', 'v')
  AND obj_description(c.oid, 'pg_class') IS NULL
ORDER BY 1;
SELECT c.relname || '.' || a.attname AS column_without_comment
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'ref'::regnamespace AND c.relkind IN ('r', 'v')
  AND col_description(c.oid, a.attnum) IS NULL
ORDER BY 1;
SELECT count(*) AS views FROM pg_class WHERE relnamespace = 'ref'::regnamespace AND relkind = 'v';
RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA ref CASCADE;
RESET client_min_messages;
