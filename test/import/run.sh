#!/usr/bin/env bash
# The importer over every layout it reads, and over real published tables.
# Runs against a running server (PG* environment, psql on PATH) whose current
# database has the extension indicator created; it creates only temporary
# tables.  Prints one TAP line per check ("ok N - ..." / "not ok N - ...",
# diagnostics as "# ..." lines) and a closing "1..N"; exits 1 when a check
# failed.
#
#   PGDATABASE=t bash test/import/run.sh
#
# 1. data/goal_tables_2022.txt, imported as it is, must give the 203 rows of
#    data/goal_rows_2022.csv and no problems; that import is the reference.
# 2. test/import/reexport.py writes the same tables as Excel CSV (comma, CRLF,
#    BOM), CSV with quoted commas, doubled quotes and line breaks in cells,
#    CSV with ';', markdown pipes, one cell per line, one cell per paragraph,
#    cells joined by spaces and pdftotext -layout style aligned columns.  Each
#    one, read with format 'auto' and with its format named, must give the
#    reference rows (project_code, level1, level2, name, spec::text, weight,
#    in order), the reference projects (all but source_line) and no problems.
# 3. test/data/real/goal-NN.txt, read with 'auto', against goal-NN-truth.csv:
#    one check per truth row (levels as printed, name, nature, comparator,
#    target, unit, weight) and one per file for rows the truth does not have.
#
# How the text reaches the server byte for byte: each input file is sent as
# base64 inside the SQL (convert_from(decode('...', 'base64'), 'UTF8')) into a
# temporary table, so neither the shell, nor psql variables (a backquoted
# \set drops one trailing newline), nor the client encoding can change a
# byte; a check per file compares the md5 of what the server holds with the
# file's.  Every query runs under statement_timeout (IMPORT_TIMEOUT, 60s).
set -u
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
py=/usr/bin/python3
export PGCLIENTENCODING=UTF8
export IMPORT_TIMEOUT=${IMPORT_TIMEOUT:-60s}

work=$(mktemp -d /tmp/indicator-import.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$py" "$top/test/import/reexport.py" "$work/formats" "$top/data/goal_tables_2022.txt" \
	>"$work/reexport.log" 2>&1
reexport_rc=$?

cat >"$work/check.py" <<'PY'
import base64
import csv
import datetime
import difflib
import hashlib
import json
import os
import re
import subprocess
import sys
from decimal import Decimal, InvalidOperation

top, work, reexport_rc = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, os.path.join(top, "test", "import"))
sys.dont_write_bytecode = True   # no __pycache__ in the tree
import reexport  # noqa: E402  (QUOTING_SUFFIX, FILE_NAMES)

timeout = os.environ.get("IMPORT_TIMEOUT", "60s")
n = 0
failed = 0


def tap(ok, what, diag=()):
    global n, failed
    n += 1
    if not ok:
        failed += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
    for d in diag:
        for line in str(d).split("\n"):
            print("#   " + line)
    sys.stdout.flush()


def crashed(kind, value, tb):
    """A failure of this script is a failing check, not a silent end."""
    import traceback
    tap(False, "check.py ran to its end", traceback.format_exception(kind, value, tb))
    print("1..%d" % n)
    sys.exit(1)


sys.excepthook = crashed


def lit(s):
    return "NULL" if s is None else "'" + s.replace("'", "''") + "'"


class Session:
    """One psql run over one input file: the file into a temporary table,
    then queries whose JSON results are written to files of their own."""

    def __init__(self, name, path):
        self.name, self.path = name, path
        self.dir = os.path.join(work, "out", name)
        os.makedirs(self.dir, exist_ok=True)
        with open(path, "rb") as f:
            self.data = f.read()
        b64 = base64.encodebytes(self.data).decode("ascii")
        self.sql = [
            "SET statement_timeout = %s;" % lit(timeout),
            "SET standard_conforming_strings = on;",
            "CREATE TEMP TABLE input AS SELECT convert_from(decode('%s', 'base64'), 'UTF8') AS raw;" % b64,
        ]
        self.query("md5", "SELECT to_json(md5(convert_to(raw, 'UTF8'))) FROM input")

    def statement(self, sql):
        self.sql.append(sql.rstrip().rstrip(";") + ";")

    def query(self, tag, sql):
        out = os.path.join(self.dir, tag)
        self.sql += ["\\o " + out, sql.rstrip().rstrip(";") + ";",
                     "\\if :ERROR", "\\o " + out + ".err", "\\qecho :LAST_ERROR_MESSAGE", "\\endif", "\\o"]

    def run(self):
        script = os.path.join(self.dir, "script.sql")
        with open(script, "w", encoding="utf-8") as f:
            f.write("\n".join(self.sql) + "\n")
        p = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=0", "-f", script],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.stderr = p.stderr.decode("utf-8", "replace")
        self.rc = p.returncode

    def result(self, tag):
        """(value, None) or (None, error text)."""
        out = os.path.join(self.dir, tag)
        if os.path.exists(out + ".err"):
            with open(out + ".err", encoding="utf-8") as f:
                return None, "ERROR: " + f.read().strip()
        if not os.path.exists(out):
            return None, "no result (psql exit %d): %s" % (self.rc, self.stderr.strip()[:2000])
        with open(out, encoding="utf-8") as f:
            text = f.read()
        if text.strip() == "":
            return None, "empty result: " + self.stderr.strip()[:2000]
        try:
            return json.loads(text), None
        except ValueError as e:
            return None, "unreadable result (%s): %s" % (e, text[:200])


def check_md5(s):
    got, err = s.result("md5")
    want = hashlib.md5(s.data).hexdigest()
    tap(err is None and got == want,
        "%s reaches the server byte for byte (%d bytes, md5 %s)" % (s.name, len(s.data), want),
        [err] if err else ([] if got == want else ["server md5 %s" % got]))


def fmt_row(r):
    return " | ".join("∅" if v is None else str(v) for v in r)


def check_same(what, got, err, want, limit=20):
    if err:
        tap(False, what, [err])
        return
    if got == want:
        tap(True, what)
        return
    diff = list(difflib.unified_diff([fmt_row(r) for r in want], [fmt_row(r) for r in got],
                                     "reference", "this import", n=0, lineterm=""))
    diag = ["%d rows, reference %d rows; differences (- reference, + this import):" % (len(got), len(want))]
    diag += diff[2:2 + limit]
    if len(diff) > 2 + limit:
        diag.append("... %d more diff lines" % (len(diff) - 2 - limit))
    tap(False, what, diag)


def check_none(what, got, err, limit=20):
    if err:
        tap(False, what, [err])
        return
    tap(len(got) == 0, what, ["%d problems:" % len(got)] + [fmt_row(p) for p in got[:limit]] +
        (["... %d more" % (len(got) - limit)] if len(got) > limit else []))


ROWS = ("SELECT coalesce(json_agg(json_build_array(r.project_code, r.level1, r.level2, r.name, "
        "r.spec::text, r.weight::text) ORDER BY r.ordinality), '[]') "
        "FROM input, goal_table_rows(%s) WITH ORDINALITY r")
PROJECTS = ("SELECT coalesce(json_agg(json_build_array(p.project_code, p.name, p.year::text, p.department, "
            "p.implementer, p.total_funds::text, p.fiscal_funds::text, p.non_fiscal_funds::text, "
            "p.budget_execution_weight::text, p.annual_goal) ORDER BY p.ordinality), '[]') "
            "FROM input, goal_table_projects(%s) WITH ORDINALITY p")
PROBLEMS = ("SELECT coalesce(json_agg(json_build_array(p.line, p.content, p.reason) ORDER BY p.ordinality), '[]') "
            "FROM input, goal_table_problems(%s) WITH ORDINALITY p")


def call(fmt):
    return "input.raw" if fmt is None else "input.raw, " + lit(fmt)


# --- connection and version
p = subprocess.run(["psql", "-X", "-At", "-c",
                    "SELECT extversion FROM pg_extension WHERE extname = 'indicator'"],
                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
version = p.stdout.decode().strip()
if p.returncode != 0 or version == "":
    tap(False, "a server with the extension indicator in the current database",
        [p.stderr.decode("utf-8", "replace").strip() or "indicator is not installed in this database"])
    print("1..%d" % n)
    sys.exit(1)
print("# indicator %s" % version)

# --- 1. the bundled tab file: the reference
tsv = os.path.join(top, "data", "goal_tables_2022.txt")
ref = Session("goal_tables_2022.txt", tsv)
with open(os.path.join(top, "data", "goal_rows_2022.csv"), encoding="utf-8", newline="") as f:
    expected = list(csv.DictReader(f))
ref.statement("CREATE TEMP TABLE expected (project_code text, level1 text, level2 text, name text, nature text, "
              "comparator text, target text, unit text, weight numeric, source_line int)")
ref.statement("INSERT INTO expected VALUES " + ",\n".join(
    "(%s)" % ", ".join([lit(e[k] or None) for k in ("project_code", "level1", "level2", "name", "nature",
                                                      "comparator", "target", "unit")] +
                       [lit(e["weight"] or None) + "::numeric", lit(e["source_line"]) + "::int"])
    for e in expected))
# the predicate of sql/importer.sql: levels by their canonical names, the indicator by value
ref.query("expected", """
SELECT json_build_array(count(*), count(*) FILTER (WHERE ok),
       coalesce(json_agg(source_line ORDER BY source_line) FILTER (WHERE NOT ok), '[]'))
FROM (SELECT source_line,
             coalesce(r.project_code = e.project_code AND r.level1 = level_name(e.level1)
                      AND r.level2 = level_name(e.level2) AND r.name = e.name
                      AND r.spec = indicator(e.nature, e.comparator, e.target, e.unit)
                      AND r.weight = e.weight, false) AS ok
      FROM expected e FULL JOIN (SELECT r.* FROM input, goal_table_rows(input.raw) r) r USING (source_line)) c""")
ref.query("rows", ROWS % call(None))
ref.query("rows_tsv", ROWS % call("tsv"))
ref.query("rows_auto", ROWS % call("auto"))
ref.query("projects", PROJECTS % call(None))
ref.query("problems_auto", PROBLEMS % call("auto"))
ref.run()

check_md5(ref)
got, err = ref.result("expected")
if err:
    tap(False, "goal_tables_2022.txt: goal_table_rows(raw) gives the 203 rows of data/goal_rows_2022.csv", [err])
else:
    total, same, bad = got
    tap(total == len(expected) == same == 203,
        "goal_tables_2022.txt: goal_table_rows(raw) gives the %d rows of data/goal_rows_2022.csv" % len(expected),
        ["%d rows compared, %d identical; differing source lines: %s" % (total, same, bad)])
reference, ref_err = ref.result("rows")
ref_projects, ref_projects_err = ref.result("projects")
if ref_err:
    tap(False, "goal_tables_2022.txt: the reference import", [ref_err])
    reference = None
got, err = ref.result("rows_tsv")
check_same("goal_tables_2022.txt with format 'tsv' gives the rows of goal_table_rows(raw)",
           got, err or ref_err, reference)
got, err = ref.result("rows_auto")
check_same("goal_tables_2022.txt with format 'auto' gives the rows of goal_table_rows(raw)",
           got, err or ref_err, reference)
got, err = ref.result("problems_auto")
check_none("goal_tables_2022.txt: no problems with format 'auto'", got, err)

# --- 2. the re-exports
layouts = [("csv_excel", "csv"), ("csv_quoting", "csv"), ("csv_semicolon", "csv"), ("pipe", "pipe"),
           ("lines", "lines"), ("lines_blank", "lines"), ("spaces", "spaces"), ("aligned", "aligned")]
paths = [os.path.join(work, "formats", reexport.FILE_NAMES[l]) for l, _ in layouts]
missing = [p for p in paths if not os.path.exists(p)]
with open(os.path.join(work, "reexport.log"), encoding="utf-8", errors="replace") as f:
    log = f.read().strip()
tap(reexport_rc == 0 and not missing, "reexport.py writes the %d layouts" % len(layouts),
    [log] if reexport_rc or missing else [])

sessions = []
for (layout, fmt), path in zip(layouts, paths):
    if not os.path.exists(path):
        continue
    s = Session(os.path.basename(path), path)
    s.layout, s.fmt = layout, fmt
    s.query("rows_auto", ROWS % call("auto"))
    s.query("rows_fmt", ROWS % call(fmt))
    s.query("projects_auto", PROJECTS % call("auto"))
    s.query("problems_auto", PROBLEMS % call("auto"))
    s.query("problems_fmt", PROBLEMS % call(fmt))
    s.run()
    sessions.append(s)

for s in sessions:
    check_md5(s)
    got, err = s.result("rows_auto")
    check_same("%s with format 'auto' gives the reference rows" % s.name, got, err or ref_err, reference)
    got, err = s.result("rows_fmt")
    check_same("%s with format '%s' gives the reference rows" % (s.name, s.fmt), got, err or ref_err, reference)
    want = ref_projects
    if want is not None and s.layout == "csv_quoting":
        want = [p[:9] + [p[9] + reexport.QUOTING_SUFFIX if p[9] is not None else None] for p in want]
    got, err = s.result("projects_auto")
    check_same("%s with format 'auto' gives the reference projects%s" %
               (s.name, " (年度目标 with the quoting suffix)" if s.layout == "csv_quoting" else ""),
               got, err or ref_projects_err, want)
    got, err = s.result("problems_auto")
    check_none("%s: no problems with format 'auto'" % s.name, got, err)
    got, err = s.result("problems_fmt")
    check_none("%s: no problems with format '%s'" % (s.name, s.fmt), got, err)

# --- 3. the real tables against their truth
NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
CMP = {"大于等于": ">=", "大于": ">", "等于": "=", "小于": "<", "小于等于": "<="}


def number(s):
    if s is None or not NUMBER.match(s.strip()):
        return None
    return Decimal(s.strip().replace(",", ""))


def dec(s):
    try:
        return None if s is None else Decimal(s)
    except InvalidOperation:
        return None


def unit_text(u):
    if u is None or u == "":
        return None
    return u.replace("百分比", "%").replace("％", "%")


def serial_date(t):
    """The date an Excel serial number (printed like 44,561) stands for, in a
    时效 row; None when the target is no such number."""
    v = number(t.get("target"))
    if v is None or v != v.to_integral_value() or not (20000 <= v <= 80000) or "时效" not in t["l2"]:
        return None
    return datetime.date(1899, 12, 30) + datetime.timedelta(days=int(v))


def date_forms(d):
    return ["%d年%d月%d日" % (d.year, d.month, d.day), "%d年%02d月%02d日" % (d.year, d.month, d.day),
            d.isoformat()]


def compare(t, r, units):
    """The differences between a truth row and an output row (empty: equal)."""
    bad = []

    def want(field, w, g):
        if w != g:
            bad.append("%s: want %s, got %s" % (field, "NULL" if w is None else repr(w),
                                                 "NULL" if g is None else repr(g)))

    want("level1_label", t["l1"], r.get("level1_label"))
    want("level2_label", t["l2"], r.get("level2_label"))
    want("name", t["name"], r.get("name"))
    if (t["weight"] or "") == "":
        want("weight", None, r.get("weight"))
    elif dec(t["weight"]) is None or dec(r.get("weight")) != dec(t["weight"]):
        want("weight", t["weight"], r.get("weight"))

    d = serial_date(t)
    if d is not None and r.get("nature") == "定性" and r.get("target_text") and \
            any(f in r["target_text"] for f in date_forms(d)):
        return bad   # the serial date read as the date it stands for
    if t["nature"] == "定性":
        want("nature", "定性", r.get("nature"))
        want("target_text", t["target"], r.get("target_text"))
        return bad
    wc = CMP.get(t["cmp"], t["cmp"] or None)
    gc = r.get("comparator")
    # The truth records a bare number (no comparator printed) as 正向/等于; the
    # importer infers the comparator by the README's rules (<= under a cost
    # level 2, >= otherwise) and says so, with the nature that follows.
    inferred = wc == "=" and r.get("comparator_inferred") is True and gc in (">=", "<=")
    if not inferred:
        want("nature", t["nature"], r.get("nature"))
    if not (gc == wc or inferred):
        bad.append("comparator: want %r%s, got %s (comparator_inferred %s)" %
                   (wc, " (or an inferred one)" if wc == "=" else "", "NULL" if gc is None else repr(gc),
                    r.get("comparator_inferred")))
    v = number(t["target"])
    if v is None:
        want("target_text", t["target"], r.get("target_text"))
    else:
        if dec(r.get("target")) != v:
            bad.append("target (target(spec), or target_lower(spec) for a range): want %s, got %s" %
                       (v, r.get("target") or "NULL"))
        wu, gu = unit_text(t["unit"]), r.get("unit")
        canonical = units.get(t["unit"])
        if not (wu == unit_text(gu) or (canonical is not None and canonical == gu)):
            bad.append("unit: want %r%s, got %s" % (wu, "" if canonical in (None, wu)
                                                     else " (canonical %r)" % canonical,
                                                     "NULL" if gu is None else repr(gu)))
    if d is not None and bad:
        bad.append("(a serial date: %s would also do as a 定性 target_text)" % " / ".join(date_forms(d)[::2]))
    return bad


def describe(r):
    def v(k):
        return "NULL" if r.get(k) is None else r[k]
    return "line %s: %s / %s / %s  spec %s  weight %s%s%s" % (
        v("source_line"), v("level1_label"), v("level2_label"), v("name"),
        "NULL" if r.get("spec") is None else repr(r["spec"]), v("weight"),
        "  (comparator inferred)" if r.get("comparator_inferred") else "",
        "  note: %s" % r["import_note"] if r.get("import_note") else "")


REAL = ("SELECT coalesce(json_agg(json_build_object("
        "'project_code', r.project_code, 'level1', r.level1, 'level2', r.level2, "
        "'level1_label', r.level1_label, 'level2_label', r.level2_label, 'name', r.name, "
        "'spec', r.spec::text, 'nature', nature(r.spec), 'comparator', comparator(r.spec), "
        "'target', coalesce(target(r.spec), target_lower(r.spec))::text, 'target_text', target_text(r.spec), "
        "'unit', unit(r.spec), 'weight', r.weight::text, 'comparator_inferred', r.comparator_inferred, "
        "'import_note', r.import_note, 'source_line', r.source_line) ORDER BY r.ordinality), '[]') "
        "FROM input, goal_table_rows(input.raw, 'auto') WITH ORDINALITY r")

real_dir = os.path.join(top, "test", "data", "real")
real = sorted(f for f in os.listdir(real_dir) if re.match(r"^goal-\d+\.txt$", f))
for fname in real:
    base = fname[:-4]
    with open(os.path.join(real_dir, base + "-truth.csv"), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        truth = []
        for t in reader:
            t["line"] = reader.line_num
            truth.append(t)
    s = Session(fname, os.path.join(real_dir, fname))
    s.query("rows", REAL)
    # the truth's units as the extension spells them (公斤 is 千克); invalid ones stay NULL
    tunits = sorted({t["unit"] for t in truth if t["unit"]})
    s.query("units", "SELECT coalesce(json_object_agg(u, CASE WHEN indicator_is_valid('正向 = 1 ' || u) "
            "THEN unit(('正向 = 1 ' || u)::indicator) END), '{}') FROM unnest(ARRAY[%s]::text[]) u" %
            ", ".join(lit(u) for u in tunits))
    s.run()
    check_md5(s)
    rows, err = s.result("rows")
    units, uerr = s.result("units")
    units = units or {}
    if err:
        for t in truth:
            tap(False, "%s truth line %d: %s / %s / %s" % (base, t["line"], t["l1"], t["l2"], t["name"]), [err])
        tap(False, "%s: no rows beyond the truth" % base, [err])
        continue
    # pair truth and output rows in order: equal names first, then within each
    # stretch that differs, a truth row with the next output row whose name is
    # like its own (a wrong row in its place is an extra row, the truth row missing)
    names = [r.get("name") or "" for r in rows]
    sm = difflib.SequenceMatcher(None, [t["name"] for t in truth], names, autojunk=False)
    pair = {}
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            for x in range(i2 - i1):
                pair[i1 + x] = j1 + x
        elif op == "replace":
            j = j1
            for i in range(i1, i2):
                like = [(difflib.SequenceMatcher(None, truth[i]["name"], names[k], autojunk=False).ratio(), -k)
                        for k in range(j, j2)]
                best = max(like, default=(0, 0))
                if best[0] >= 0.4:
                    pair[i] = -best[1]
                    j = -best[1] + 1
    used = set(pair.values())
    extra = [r for k, r in enumerate(rows) if k not in used]
    pair = {i: rows[k] for i, k in pair.items()}
    for i, t in enumerate(truth):
        what = "%s truth line %d: %s / %s / %s" % (base, t["line"], t["l1"], t["l2"], t["name"])
        r = pair.get(i)
        if r is None:
            tap(False, what, ["missing: no output row for it (%d rows came out)" % len(rows)])
            continue
        bad = compare(t, r, units)
        tap(not bad, what, bad + ["came out: " + describe(r)] if bad else [])
    tap(not extra, "%s: no rows beyond the truth (%d truth rows, %d rows out)" % (base, len(truth), len(rows)),
        ["extra: " + describe(r) for r in extra])

print("1..%d" % n)
print("# %d checks, %d failed" % (n, failed))
sys.exit(1 if failed else 0)
PY

"$py" "$work/check.py" "$top" "$work" "$reexport_rc"
