--
-- Security: the install script ignores hostile objects on the search_path;
-- a database owner without superuser rights can install the extension
-- (it is trusted); nothing runs as SECURITY DEFINER or touches files.
--
CREATE ROLE regress_indicator_owner;
CREATE DATABASE indicator_security OWNER regress_indicator_owner;
\c indicator_security
-- the owner plants look-alikes of the types and functions the script uses
SET ROLE regress_indicator_owner;
CREATE SCHEMA evil;
CREATE DOMAIN evil.numeric AS integer;
CREATE DOMAIN public.numeric AS integer;
CREATE DOMAIN evil.text AS integer;
CREATE DOMAIN public.text AS integer;
CREATE FUNCTION evil.numrange(numeric, numeric) RETURNS integer
	LANGUAGE sql AS $$ SELECT 1 / 0 $$;
CREATE FUNCTION public.length(text) RETURNS integer
	LANGUAGE sql AS $$ SELECT 1 / 0 $$;
SET search_path = evil, public;
-- a trusted extension: the database owner installs it without superuser
SELECT rolsuper FROM pg_roles WHERE rolname = current_user;
CREATE EXTENSION indicator;
SELECT extname, extversion, extowner::regrole FROM pg_extension WHERE extname = 'indicator';
-- the objects use the real types and estimators, not the planted ones
SELECT o.oprname, o.oprrest::regproc, o.oprjoin::regproc
FROM pg_operator o WHERE o.oprleft = 'indicator'::regtype AND o.oprname IN ('=', '<') ORDER BY 1;
SELECT count(*) AS functions_with_planted_types
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'indicator'
WHERE EXISTS (SELECT 1 FROM unnest(p.proargtypes::oid[] || p.prorettype) t(oid)
              JOIN pg_type ty ON ty.oid = t.oid JOIN pg_namespace n ON n.oid = ty.typnamespace
              WHERE n.nspname IN ('evil', 'public') AND ty.typname IN ('numeric', 'text'));
SELECT target_range('>= 10'), pg_typeof(target('<= 60 万元'));
CREATE TABLE owned (spec indicator);
INSERT INTO owned VALUES ('>= 10 次'), ('定性 有效提高');
SELECT count(*) FROM owned WHERE spec = '>= 10 次';
SELECT score('>= 10 次', 12, 6), target('<= 60 万元');
ALTER EXTENSION indicator UPDATE;
RESET search_path;
RESET ROLE;
-- no function of the extension is SECURITY DEFINER, none is untrusted C outside it
SELECT count(*) AS security_definer
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'indicator'
WHERE p.prosecdef;
\c contrib_regression
DROP DATABASE indicator_security;
DROP ROLE regress_indicator_owner;
