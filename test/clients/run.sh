#!/usr/bin/env bash
# The drivers and BI libraries users connect with, against the running test
# cluster (PG* set, TCP on localhost as pg_virtualenv gives it): pgJDBC
# (DriverCheck.java, compiled here), psycopg 3, psycopg2 and SQLAlchemy
# (python_check.py).  A database with the reference schema, the bundled
# tables and the sample results is made first.  Prints TAP lines.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
db=indicator_clients
work=$(mktemp -d /tmp/indicator-clients.XXXXXX)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1' EXIT

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db" || { echo "not ok 1 - createdb $db"; exit 1; }
(cd "$top" && psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION indicator' \
	-f data/schema.sql -f data/load_clean.sql) >/dev/null ||
	{ echo "not ok 1 - the reference schema and the bundled tables load"; exit 1; }
export PGDATABASE=$db

# a program's TAP lines, and a failure when it stopped before its plan
# line ("1..N" with N its own count): a crash must not pass for its checks
run_tap() {
	local what=$1 out n plan
	shift
	out=$("$@" 2>&1)
	printf '%s\n' "$out" | sed -E "s/^((not )?ok [0-9]+) - /\1 - $what: /"
	n=$(printf '%s\n' "$out" | grep -cE '^(not )?ok ' || true)
	plan=$(printf '%s\n' "$out" | sed -nE 's/^1\.\.([0-9]+)$/\1/p' | tail -1)
	[ "$plan" = "$n" ] && [ "$n" -gt 0 ] || echo "not ok - $what: the program stopped after $n checks"
}

jar=/usr/share/java/postgresql.jar
if javac -encoding UTF-8 -d "$work" -cp "$jar" "$here/DriverCheck.java" 2>"$work/javac.log"; then
	run_tap JDBC java -Dfile.encoding=UTF-8 -cp "$work:$jar" DriverCheck
else
	sed 's/^/# /' "$work/javac.log"
	echo "not ok - JDBC: DriverCheck.java compiles"
fi
run_tap Python /usr/bin/python3 "$here/python_check.py"
