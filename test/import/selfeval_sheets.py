#!/usr/bin/python3
"""Raw self-evaluation sheets (绩效自评表) built from the cell-for-cell
transcriptions in test/data/real/selfeval-NN.csv, in the layout each came in
(test/data/real/README.md), as tab-separated text, Excel CSV and an xlsx
workbook written by openpyxl.

    /usr/bin/python3 test/import/selfeval_sheets.py OUTDIR test/data/real/selfeval-*.csv

writes OUTDIR/selfeval-NN.{tsv,csv,xlsx}.  The layouts are those of the real
forms:

    national   财预〔2020〕10号: 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因
    points     分值 before the target
    sections   决策/过程/产出/效益 with 参考分值 before 指标值(A)
    percent    权重 as percentages (20%)
    split      指标性质 (≧ ═) | 指标值 | 度量单位; amounts in 元
    no_weight  湖北/云南: no 分值 column, a 20-point budget line

Each sheet has its title and year, 项目名称 and 主管部门, the budget block
(项目资金 header, the 年度资金总额 line and its 其中 lines), the indicator
header and rows (level cells printed once and filled down by the reader; in
the workbook merged over their rows, numbers stored as numbers), and the 总分
line where the sheet printed one.
"""
import csv
import os
import re
import sys
from decimal import Decimal, InvalidOperation

LAYOUT_OF = {
    "selfeval-01": "national", "selfeval-03": "national", "selfeval-05": "sections",
    "selfeval-07": "points", "selfeval-09": "percent", "selfeval-11": "split",
    "selfeval-13": "national", "selfeval-15": "no_weight", "selfeval-17": "national",
    "selfeval-19": "no_weight",
}

HEADERS = {
    "national": ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                 "偏差原因分析及改进措施"],
    "points": ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因分析及改进措施"],
    "sections": ["一级指标", "二级指标", "三级指标", "参考分值", "指标值(A)", "实际完成值(B)", "自评得分", "偏差原因分析"],
    "percent": ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "权重", "得分", "偏差原因"],
    "split": ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分",
              "未完成原因和改进措施"],
    "no_weight": ["一级指标", "二级指标", "三级指标", "年度指标值", "全年实际值", "得分", "偏差原因分析及改进措施"],
}

SYMBOLS = "≧≦≥≤═=＞＜><"
SPLIT = re.compile(r"^([%s]?)\s*([0-9][0-9.,]*)\s*(\S*)$" % re.escape(SYMBOLS))


def split_target(cell):
    """≧735人次 -> (≧, 735, 人次); text stays whole in 指标值."""
    m = SPLIT.match(cell)
    if not m:
        return "", cell, ""
    return m.group(1), m.group(2), m.group(3)


def row_cells(layout, r):
    """The cells of one indicator row, in the header's columns."""
    l1, l2, name = r["level1"], r["level2"], r["name"]
    t, a, w, s = r["target_cell"], r["actual_cell"], r["weight"], r["official_score"]
    if layout == "national":
        return ["", l1, l2, name, t, a, w, s, ""]
    if layout == "points":
        return [l1, l2, name, w, t, a, s, ""]
    if layout == "sections":
        return [l1, l2, name, w, t, a, s, ""]
    if layout == "percent":
        return [l1, l2, name, t, a, w, s, ""]
    if layout == "split":
        sym, value, unit = split_target(t)
        return [l1, l2, name, sym, value, unit, a, w, s, ""]
    return [l1, l2, name, t, a, s, ""]


def sheet_rows(path):
    """The sheet as a list of rows of cells (strings), and the rows whose
    level cells a workbook merges: {column: [(first, last), ...]}."""
    base = os.path.splitext(os.path.basename(path))[0]
    layout = LAYOUT_OF[base]
    with open(path, encoding="utf-8", newline="") as f:
        truth = list(csv.DictReader(f))
    first = truth[0]
    header = HEADERS[layout]
    width = max(len(header), 8)
    out = []

    def line(*cells):
        cells = list(cells)
        out.append(cells + [""] * (width - len(cells)))

    line("项目支出绩效自评表")
    if first["year"]:
        line("（%s年度）" % first["year"])
    line("项目名称", first["project"])
    line("主管部门", first["region"])
    yuan = layout == "split"
    line("项目资金（元）" if yuan else "项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
         "得分")
    line("", "年度资金总额", "", first["budget_total"], first["budget_spent"], first["budget_weight"],
         first["budget_rate"], first["budget_score"])
    line("", "其中：当年财政拨款", "", "", "", "—", "", "—")
    line("", "上年结转资金", "", "", "", "—", "", "—")
    line(*header)
    merges = {}
    level_cols = [header.index("一级指标"), header.index("二级指标")]
    prev = [None, None]
    starts = [None, None]
    for i, r in enumerate(truth):
        cells = row_cells(layout, r)
        here = len(out)
        # a level cell is printed on the first row of its group only
        for k, col in enumerate(level_cols):
            key = (r["level1"], r["level2"]) if k == 1 else r["level1"]
            if key == prev[k]:
                cells[col] = ""
            else:
                if starts[k] is not None and here - 1 > starts[k]:
                    merges.setdefault(col, []).append((starts[k], here - 1))
                starts[k] = here
                prev[k] = key
        line(*cells)
    for k, col in enumerate(level_cols):
        if starts[k] is not None and len(out) - 1 > starts[k]:
            merges.setdefault(col, []).append((starts[k], len(out) - 1))
    if first["total_score"]:
        total = ["总分"] + [""] * (len(header) - 1)
        if "分值" in header or "权重" in header or "参考分值" in header:
            wcol = [i for i, h in enumerate(header) if h in ("分值", "权重", "参考分值")][0]
            total[wcol] = "100"
        scol = [i for i, h in enumerate(header) if "得分" in h][0]
        total[scol] = first["total_score"]
        line(*total)
    return out, merges


def number(cell):
    """A cell that Excel would store as a number."""
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", cell or ""):
        return None
    try:
        d = Decimal(cell)
    except InvalidOperation:
        return None
    return int(d) if d == d.to_integral_value() and "." not in cell else float(cell)


def write_tsv(rows, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        for r in rows:
            f.write("\t".join(r).rstrip("\t") + "\n")


def write_csv(rows, path):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        for r in rows:
            w.writerow(r)


def write_xlsx(rows, merges, path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    for i, r in enumerate(rows, start=1):
        for j, v in enumerate(r, start=1):
            if v == "":
                continue
            n = number(v)
            ws.cell(row=i, column=j, value=n if n is not None else v)
    for col, spans in merges.items():
        for a, b in spans:
            ws.merge_cells(start_row=a + 1, start_column=col + 1, end_row=b + 1, end_column=col + 1)
    wb.save(path)


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    for path in sys.argv[2:]:
        base = os.path.splitext(os.path.basename(path))[0]
        rows, merges = sheet_rows(path)
        write_tsv(rows, os.path.join(outdir, base + ".tsv"))
        write_csv(rows, os.path.join(outdir, base + ".csv"))
        write_xlsx(rows, merges, os.path.join(outdir, base + ".xlsx"))


if __name__ == "__main__":
    main()
