--
-- Soft input errors (PostgreSQL 16 and later): pg_input_is_valid() and
-- pg_input_error_info() see the same SQLSTATE, message and detail as a cast.
--
SELECT pg_input_is_valid('>= 10 次', 'indicator') AS valid,
       pg_input_is_valid('>= abc', 'indicator') AS invalid;
SELECT * FROM pg_input_error_info('>= abc', 'indicator');
SELECT * FROM pg_input_error_info('>= 1234567890123456789', 'indicator');
