#!/usr/bin/python3
"""Write the bundled goal tables as an xlsx workbook, the way the 预算管理一体化
exports and hand-made sheets have them: one sheet per project, its header
lines as data/goal_tables_2022.txt has them, then its indicators
(data/goal_rows_2022.csv) in the standard columns, level cells merged down
over the rows they label, the title merged across the table, numbers
(weights, targets, amounts) as number cells, codes as text.

    /usr/bin/python3 test/import/xlsx_export.py OUT.xlsx [INPUT.txt] [--projects N]

With --projects N the tables are repeated (codes suffixed -2, -3 ...) until N
projects, all on sheets of their own, for the benchmark.  Written by openpyxl.
"""
import argparse
import csv
import os
import re

import openpyxl

NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def tables(path):
    """The file's projects: lists of tab-split lines, title line first."""
    out, cur = [], None
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("#"):
                cur = [line]
                out.append(cur)
            elif cur is not None:
                cur.append(line)
    return out


def write_sheet(ws, lines, suffix, rows, row=0):
    """The project's header lines as the file has them, then its indicator rows
    in the standard columns, level cells merged down over the rows they label;
    from row on (a sheet may hold many projects).  Returns the last row."""
    width = 10
    for line in lines:
        cells = line.split("\t")
        if cells and cells[0] == "绩效指标":
            break
        row += 1
        if line.startswith("#"):
            ws.cell(row=row, column=1, value=line.lstrip("# ").strip())
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            continue
        for col, text in enumerate(cells, start=1):
            if text == "":
                continue
            if cells[0] in ("项目编码", "项目代码") and col == 2:
                value = text + suffix          # codes stay text
            elif NUMBER.match(text):
                value = float(text) if "." in text else int(text)
            else:
                value = text
            ws.cell(row=row, column=col, value=value)
    row += 1
    for col, word in enumerate(["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标方向",
                                "目标值", "计量单位", "分值", "备注"], start=1):
        ws.cell(row=row, column=col, value=word)
    first = row + 1
    starts = {2: None, 3: None}
    prev = {2: None, 3: None}
    for r in rows:
        row += 1
        vals = {2: r["level1"], 3: r["level2"], 4: r["name"], 5: r["nature"], 6: r["comparator"],
                7: r["target"], 8: r["unit"], 9: r["weight"]}
        for col in (2, 3):
            key = (vals[2], vals[3]) if col == 3 else vals[2]
            if key != prev[col]:
                merge(ws, col, starts[col], row - 1)
                starts[col] = row
                prev[col] = key
                ws.cell(row=row, column=col, value=vals[col])
        for col in range(4, 10):
            text = vals[col]
            if text in ("", None):
                continue
            ws.cell(row=row, column=col, value=(float(text) if "." in text else int(text))
                    if NUMBER.match(text) else text)
    for col in (2, 3):
        merge(ws, col, starts[col], row)
    if row >= first:
        ws.merge_cells(start_row=first, start_column=1, end_row=row, end_column=1)
    return row + 1


def merge(ws, col, first, last):
    if first is not None and last > first:
        ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("input", nargs="?", default="data/goal_tables_2022.txt")
    ap.add_argument("--projects", type=int, default=0)
    ap.add_argument("--one-sheet", action="store_true", help="every project on one sheet")
    ap.add_argument("--per-sheet", type=int, default=1, help="projects on each sheet")
    a = ap.parse_args()
    ts = tables(a.input)
    by_code = {}
    with open(os.path.join(os.path.dirname(a.input), "goal_rows_2022.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            by_code.setdefault(r["project_code"], []).append(r)
    wb = openpyxl.Workbook(write_only=False)
    wb.remove(wb.active)
    one = wb.create_sheet("目标表") if a.one_sheet else None
    at = 0
    n = 0
    copy = 1
    while True:
        for t in ts:
            n += 1
            code = next(l.split("\t")[1] for l in t if l.startswith("项目编码"))
            suffix = "" if copy == 1 else "-%d" % copy
            if one is None and a.per_sheet > 1 and (n - 1) % a.per_sheet == 0:
                sheet, at = wb.create_sheet("项目%d" % n), 0
            if one is not None or a.per_sheet > 1:
                at = write_sheet(one if one is not None else sheet, t, suffix, by_code[code], at)
            else:
                write_sheet(wb.create_sheet("项目%d" % n), t, suffix, by_code[code])
            if a.projects and n >= a.projects:
                break
        if not a.projects or n >= a.projects:
            break
        copy += 1
    wb.save(a.out)
    print("%s: %d projects on %d sheets" % (a.out, n, len(wb.worksheets)))


if __name__ == "__main__":
    main()
