-- The suite runs in a UTF-8 database; the first test creates the extension.
SELECT getdatabaseencoding() = 'UTF8' AS utf8_database;
CREATE EXTENSION indicator;
SELECT extname, extversion, extrelocatable FROM pg_extension WHERE extname = 'indicator';

-- try_sql() runs a statement and shows SQLSTATE, message, detail and hint, so
-- the expected output pins all four without source line numbers.
CREATE FUNCTION try_sql(stmt text) RETURNS TABLE (state text, message text, detail text, hint text)
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE stmt;
	RETURN QUERY SELECT '00000'::text, 'ok'::text, NULL::text, NULL::text;
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
		detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN NEXT;
END $$;

