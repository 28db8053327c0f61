--
-- COPY ... (ON_ERROR ignore), PostgreSQL 17 and later: a yearly table loads
-- with its unreadable indicators skipped and counted, never silently, because
-- the type's input function reports its errors softly.
--
CREATE TABLE copy_onerror (code text, spec indicator, weight numeric);
COPY copy_onerror FROM stdin (FORMAT csv, ON_ERROR ignore);
P1,>= 10 次,20
P1,>= abc,10
P1,95%～100%,10
P1,>= 1234567890123456789 元,5
P1,定性 有效提高,5
\.
SELECT code, spec, weight FROM copy_onerror ORDER BY weight DESC, spec;
-- the skipped rows are named, with the column and the reason
TRUNCATE copy_onerror;
COPY copy_onerror FROM stdin (FORMAT csv, ON_ERROR ignore, LOG_VERBOSITY verbose);
P2,<= 360 万元,20
P2,<= 万元,10
\.
SELECT code, spec FROM copy_onerror;
-- without ON_ERROR the first bad row still stops the load, as always
COPY copy_onerror FROM stdin (FORMAT csv);
P3,>= 5 次,10
P3,>= five,10
\.
SELECT count(*) AS still_one_row FROM copy_onerror;
DROP TABLE copy_onerror;
