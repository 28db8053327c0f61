#!/usr/bin/python3
"""Write a tab-separated goal-table file again in the other layouts the importer reads.

    /usr/bin/python3 test/import/reexport.py OUTDIR [INPUT]
    /usr/bin/python3 test/import/reexport.py --projects 10000 --only tsv,pipe OUTDIR

INPUT defaults to data/goal_tables_2022.txt.  One file per layout is written to
OUTDIR (which is created), each holding the same cells as INPUT:

  csv_excel.csv      CSV as Excel writes it: comma, minimal quoting, CRLF, UTF-8 BOM;
                     every line keeps all its cells, empty ones as empty fields
  csv_quoting.csv    the same, but every 年度目标 cell gets QUOTING_SUFFIX appended
                     (a doubled quote, a comma and a line break inside the cell)
  csv_semicolon.csv  CSV with ';' (Excel in European locales), LF, no BOM
  pipe.txt           '| a | b |  | d |': all cells, empties as '|  |'
  lines.txt          one non-empty cell per line (blank lines where INPUT has them)
  lines_blank.txt    one non-empty cell per paragraph, a blank line between cells
  spaces.txt         the non-empty cells of each line joined by one space
  aligned.txt        like pdftotext -layout: columns padded with spaces so that
                     within a table every column starts at one display position

--projects N first replicates the tables of INPUT until there are N projects
(whole tables; copy c > 1 gets 项目编码 "<code>-c"), for benchmarks; --only
writes only the named layouts (tsv writes the replicated tab file itself as
tsv.txt).  Output is deterministic: the same input gives the same bytes.
"""

import argparse
import csv
import io
import os
import sys
import unicodedata

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_INPUT = os.path.join(TOP, "data", "goal_tables_2022.txt")

# appended to each 年度目标 cell in csv_quoting.csv
QUOTING_SUFFIX = '，含"引号",逗号\n第二行'

LAYOUTS = ["tsv", "csv_excel", "csv_quoting", "csv_semicolon", "pipe", "lines",
           "lines_blank", "spaces", "aligned"]
FILE_NAMES = {
    "tsv": "tsv.txt",
    "csv_excel": "csv_excel.csv",
    "csv_quoting": "csv_quoting.csv",
    "csv_semicolon": "csv_semicolon.csv",
    "pipe": "pipe.txt",
    "lines": "lines.txt",
    "lines_blank": "lines_blank.txt",
    "spaces": "spaces.txt",
    "aligned": "aligned.txt",
}
# written unless --only says otherwise (tsv.txt is INPUT itself)
DEFAULT_LAYOUTS = [l for l in LAYOUTS if l != "tsv"]


def read_lines(path):
    """INPUT as a list of lines of tab-separated cells (a BOM, CRs and a final
    line end dropped)."""
    with open(path, "rb") as f:
        data = f.read().decode("utf-8")
    if data.startswith("\ufeff"):
        data = data[1:]
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [l[:-1] if l.endswith("\r") else l for l in lines]


def cells_of(line):
    return line.split("\t")


def is_title(line):
    return line.lstrip().startswith("#")


def replicate(lines, projects):
    """Copies of the tables until there are `projects` projects.  A table starts
    at a '#' title line (lines before the first title go with the first table);
    copy c > 1 gets '-c' appended to each 项目编码 value."""
    tables, current = [], []
    for line in lines:
        if is_title(line) and any(is_title(l) for l in current):
            tables.append(current)
            current = []
        current.append(line)
    if current:
        tables.append(current)
    per_copy = sum(1 for l in lines if cells_of(l)[0] == "项目编码")
    if per_copy == 0:
        sys.exit("reexport.py: no 项目编码 line in the input, cannot replicate")
    out, done, copy = [], 0, 0
    while done < projects:
        copy += 1
        for table in tables:
            for line in table:
                cells = cells_of(line)
                if copy > 1 and cells[0] == "项目编码" and len(cells) > 1:
                    cells[1] = "%s-%d" % (cells[1], copy)
                out.append("\t".join(cells))
            done += sum(1 for l in table if cells_of(l)[0] == "项目编码")
            if done >= projects:
                break
    return out


def display_width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in s)


def csv_text(lines, delimiter, lineterminator, suffix=None):
    """Each line's cells as one CSV record.  A line that is empty in INPUT is an
    empty record (Python's writer would print '""' for it; Excel writes nothing)."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL,
                   lineterminator=lineterminator)
    for line in lines:
        if line == "":
            buf.write(lineterminator)
            continue
        cells = cells_of(line)
        if suffix is not None and cells[0] == "年度目标" and len(cells) > 1:
            cells[1] += suffix
        w.writerow(cells)
    return buf.getvalue()


def pipe_text(lines):
    out = []
    for line in lines:
        if line == "":
            out.append("")
        else:
            # a '|' inside a cell is escaped as markdown converters do (none in the bundled data)
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells_of(line)) + " |")
    return "".join(l + "\n" for l in out)


def lines_text(lines):
    """One non-empty cell per line; a blank line of INPUT stays a blank line
    (a line whose cells are all empty gives nothing)."""
    out = []
    for line in lines:
        if line == "":
            out.append("")
        else:
            out.extend(c for c in cells_of(line) if c != "")
    return "".join(l + "\n" for l in out)


def lines_blank_text(lines):
    """One non-empty cell per paragraph, one blank line between cells; a blank
    line of INPUT adds one more blank line."""
    out = []
    for line in lines:
        if line == "":
            out.append("")
        else:
            for c in cells_of(line):
                if c != "":
                    out.append(c)
                    out.append("")
    # no blank line before the first cell's paragraph beyond INPUT's own, none at the end
    while out and out[-1] == "":
        out.pop()
    return "".join(l + "\n" for l in out)


def spaces_text(lines):
    return "".join(" ".join(c for c in cells_of(l) if c != "") + "\n" for l in lines)


def aligned_text(lines):
    """Columns padded so that, within a table (from one '#' title line to the
    next), every column starts at the same display position on every line,
    with at least two spaces between a cell and the next non-empty cell.

    The width of a column is the widest of its cells that have a non-empty
    cell after them on their line; the last non-empty cell of a line takes no
    width (it runs on over the empty columns after it, as a merged cell does in
    pdftotext output).  Empty cells become spaces and trailing spaces are cut,
    so title lines, year lines and blank lines (one cell in column 0) pass
    through unpadded."""
    tables, current = [], []
    for line in lines:
        if is_title(line) and current:
            tables.append(current)
            current = []
        current.append(line)
    if current:
        tables.append(current)
    out = []
    for table in tables:
        rows = [cells_of(l) for l in table]
        widths = {}
        for cells in rows:
            last = max((i for i, c in enumerate(cells) if c != ""), default=-1)
            for i, c in enumerate(cells[:last]):
                widths[i] = max(widths.get(i, 0), display_width(c))
        starts, pos = [], 0
        for i in range(max((len(r) for r in rows), default=0)):
            starts.append(pos)
            pos += widths.get(i, 0) + 2
        for cells in rows:
            text, col = "", 0
            for i, c in enumerate(cells):
                if c == "":
                    continue
                text += " " * (starts[i] - col) + c
                col = starts[i] + display_width(c)
            out.append(text)
    return "".join(l + "\n" for l in out)


def render(layout, lines):
    """(bytes) of INPUT's lines in a layout."""
    if layout == "tsv":
        return "".join(l + "\n" for l in lines).encode("utf-8")
    if layout == "csv_excel":
        return b"\xef\xbb\xbf" + csv_text(lines, ",", "\r\n").encode("utf-8")
    if layout == "csv_quoting":
        return b"\xef\xbb\xbf" + csv_text(lines, ",", "\r\n", QUOTING_SUFFIX).encode("utf-8")
    if layout == "csv_semicolon":
        return csv_text(lines, ";", "\n").encode("utf-8")
    if layout == "pipe":
        return pipe_text(lines).encode("utf-8")
    if layout == "lines":
        return lines_text(lines).encode("utf-8")
    if layout == "lines_blank":
        return lines_blank_text(lines).encode("utf-8")
    if layout == "spaces":
        return spaces_text(lines).encode("utf-8")
    if layout == "aligned":
        return aligned_text(lines).encode("utf-8")
    raise ValueError(layout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("input", nargs="?", default=DEFAULT_INPUT)
    ap.add_argument("--projects", type=int, default=0,
                    help="replicate the tables to this many projects first")
    ap.add_argument("--only", default=",".join(DEFAULT_LAYOUTS),
                    help="comma-separated layouts among: " + ", ".join(LAYOUTS))
    args = ap.parse_args()
    layouts = [l for l in args.only.split(",") if l]
    for l in layouts:
        if l not in LAYOUTS:
            ap.error("unknown layout %r (known: %s)" % (l, ", ".join(LAYOUTS)))
    lines = read_lines(args.input)
    if args.projects > 0:
        lines = replicate(lines, args.projects)
    os.makedirs(args.outdir, exist_ok=True)
    for layout in layouts:
        data = render(layout, lines)
        path = os.path.join(args.outdir, FILE_NAMES[layout])
        with open(path, "wb") as f:
            f.write(data)
        print("%-14s %10d bytes %8d lines  %s" % (layout, len(data), data.count(b"\n"), path))


if __name__ == "__main__":
    main()
