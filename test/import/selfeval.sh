#!/usr/bin/env bash
# The self-evaluation importer over raw sheets built from the real published
# ones: test/import/selfeval_sheets.py writes each test/data/real/selfeval-NN.csv
# as the sheet it was transcribed from (in its layout: see that script), as
# tab-separated text, Excel CSV and an xlsx workbook (openpyxl).  Each is read
# with selfeval_rows(), selfeval_projects() and selfeval_problems() and must
# give back the transcribed cells:
#
#   - rows, in order: level labels as printed, name, target and actual as
#     printed, points (分值; a 权重 of 20% is 20), the printed score;
#   - the sheet: name, year, 全年预算数, 全年执行数 (in 万元: a sheet in 元 is
#     converted), the budget line's 分值, 执行率 and 得分, the printed 总分;
#   - problems only on rows whose target or score does not read, and one on
#     each (a score that is not a number is NULL, and kept as printed).
#
# Runs against a running server (PG* environment, psql on PATH) whose current
# database has the extension; creates nothing that stays.  TAP lines, then
# "1..N"; exits 1 when a check failed.
#
#   PGDATABASE=t bash test/import/selfeval.sh
set -u
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
py=/usr/bin/python3
export PGCLIENTENCODING=UTF8

work=$(mktemp -d /tmp/indicator-selfeval.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$py" "$top/test/import/selfeval_sheets.py" "$work/sheets" "$top"/test/data/real/selfeval-*.csv \
	>"$work/make.log" 2>&1
make_rc=$?

cat >"$work/check.py" <<'PY'
import base64
import csv
import glob
import json
import os
import subprocess
import sys
from decimal import Decimal, InvalidOperation

top, work, make_rc = sys.argv[1], sys.argv[2], int(sys.argv[3])
n = failed = 0


def tap(ok, what, diag=()):
    global n, failed
    n += 1
    failed += not ok
    print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
    for d in diag:
        for line in str(d).split("\n"):
            print("#   " + line)
    sys.stdout.flush()


def crashed(kind, value, tb):
    import traceback
    tap(False, "check.py ran to its end", traceback.format_exception(kind, value, tb))
    print("1..%d" % n)
    sys.exit(1)


sys.excepthook = crashed

with open(os.path.join(work, "make.log"), encoding="utf-8", errors="replace") as f:
    tap(make_rc == 0, "selfeval_sheets.py wrote the sheets", [f.read()] if make_rc else [])


def num(s):
    """A cell as the number it prints (20% of 100 points is 20), or None."""
    if s is None or s == "":
        return None
    s = s.strip().rstrip("%")
    try:
        return Decimal(s).normalize()
    except InvalidOperation:
        return s


def empty(s):
    return None if s is None or s == "" else s


def query(data, binary, sql):
    """Run sql over the input (in a temporary table as raw) and return its JSON."""
    b64 = base64.b64encode(data).decode("ascii")
    raw = ("decode('%s', 'base64')" % b64) if binary else \
        ("convert_from(decode('%s', 'base64'), 'UTF8')" % b64)
    script = "SET statement_timeout = '60s';\nCREATE TEMP TABLE input AS SELECT %s AS raw;\n%s;\n" % (raw, sql)
    p = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"], input=script.encode("utf-8"),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        return None, p.stderr.decode("utf-8", "replace").strip()
    return json.loads(p.stdout.decode("utf-8")), None


ROWS = ("SELECT coalesce(json_agg(json_build_array(level1_label, level2_label, name, target_cell, actual_cell, "
        "weight::text, score_cell, spec IS NOT NULL, source_line, score::text) ORDER BY ord), '[]') "
        "FROM input, selfeval_rows(raw) WITH ORDINALITY AS r(project_code, project_name, level1, level2, name, "
        "spec, target_cell, actual_cell, weight, score, reason, source_line, level1_label, level2_label, "
        "comparator_inferred, import_note, score_cell, sheet, ord)")
PROJECTS = ("SELECT coalesce(json_agg(json_build_array(name, year::text, budget_total::text, budget_spent::text, "
            "budget_weight::text, budget_rate, budget_score::text, total_score::text)), '[]') "
            "FROM input, selfeval_projects(raw)")
PROBLEMS = ("SELECT coalesce(json_agg(json_build_array(line, content, reason) ORDER BY line), '[]') "
            "FROM input, selfeval_problems(raw)")

for truth_path in sorted(glob.glob(os.path.join(top, "test", "data", "real", "selfeval-*.csv"))):
    base = os.path.splitext(os.path.basename(truth_path))[0]
    with open(truth_path, encoding="utf-8", newline="") as f:
        truth = list(csv.DictReader(f))
    first = truth[0]
    yuan = "元" in open(os.path.join(work, "sheets", base + ".tsv"), encoding="utf-8").read().split("年初预算数")[0] \
        .splitlines()[-1].replace("万元", "")
    want_rows = [[empty(r["level1"]), empty(r["level2"]), r["name"], empty(r["target_cell"]),
                  empty(r["actual_cell"]), num(r["weight"]), num(r["official_score"])] for r in truth]

    def amount(s):
        v = num(s)
        return v / 10000 if (yuan and isinstance(v, Decimal)) else v

    want_project = [first["project"], empty(first["year"]), amount(first["budget_total"]),
                    amount(first["budget_spent"]), num(first["budget_weight"]), empty(first["budget_rate"]),
                    num(first["budget_score"]), num(first["total_score"])]
    if want_project[7] is None:
        pass
    for ext in ("tsv", "csv", "xlsx"):
        path = os.path.join(work, "sheets", "%s.%s" % (base, ext))
        what = "%s.%s" % (base, ext)
        if not os.path.exists(path):
            tap(False, "%s exists" % what)
            continue
        with open(path, "rb") as f:
            data = f.read()
        binary = ext == "xlsx"
        rows, err = query(data, binary, ROWS)
        if err:
            tap(False, "%s: selfeval_rows() reads it" % what, [err])
            continue
        got = [[r[0], r[1], r[2], r[3], r[4], num(r[5]), num(r[6])] for r in rows]
        diag = []
        for i in range(max(len(got), len(want_rows))):
            g = got[i] if i < len(got) else None
            w = want_rows[i] if i < len(want_rows) else None
            if g != w:
                diag.append("row %d: got  %s" % (i + 1, g))
                diag.append("row %d: want %s" % (i + 1, w))
        tap(not diag, "%s: selfeval_rows() gives the %d transcribed rows, cell for cell" %
            (what, len(want_rows)), diag[:20])
        projects, err = query(data, binary, PROJECTS)
        if err:
            tap(False, "%s: selfeval_projects() reads it" % what, [err])
        else:
            gotp = [[p[0], p[1], num(p[2]), num(p[3]), num(p[4]), p[5], num(p[6]), num(p[7])] for p in projects]
            tap(gotp == [want_project], "%s: selfeval_projects() gives one sheet with its budget line and total" %
                what, [] if gotp == [want_project] else ["got  %s" % gotp, "want %s" % [want_project]])
        problems, err = query(data, binary, PROBLEMS)
        if err:
            tap(False, "%s: selfeval_problems() reads it" % what, [err])
            continue
        # a score that is not a number (OCR's "IO") stays as printed in score_cell, NULL in score
        bad_score = [r for r in rows if r[6] is not None and not isinstance(num(r[6]), Decimal)]
        tap(all(r[9] is None for r in bad_score) and
            all(num(r[9]) == num(r[6]) for r in rows if r not in bad_score),
            "%s: score is the printed score as a number, NULL where it is not one (%d)" % (what, len(bad_score)))
        unread = {r[8] for r in rows if not r[7] and r[3] is not None} | {r[8] for r in bad_score}
        lines = {p[0] for p in problems}
        tap(lines == unread, "%s: a problem on each row whose target or score does not read (%d), and nowhere else" %
            (what, len(unread)), [] if lines == unread else
            ["rows whose target does not read: %s" % sorted(unread)] + ["problem: %s" % p for p in problems[:20]])

print("1..%d" % n)
print("# %d checks, %d failed" % (n, failed))
sys.exit(1 if failed else 0)
PY
"$py" "$work/check.py" "$top" "$work" "$make_rc"
