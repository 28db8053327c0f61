#!/usr/bin/python3
"""Write the workbooks the xlsx tests read: the bundled tables as an openpyxl
workbook, and damaged ones made from it (each names what is wrong).

    /usr/bin/python3 test/data/xlsx/make_fixtures.py      # from the repository root

The files are committed; this script says how they were made.
"""
import io
import os
import struct
import subprocess
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
top = os.path.dirname(os.path.dirname(os.path.dirname(here)))


def path(name):
    return os.path.join(here, name)


subprocess.check_call([sys.executable, os.path.join(top, "test", "import", "xlsx_export.py"),
                       path("bundled.xlsx"), os.path.join(top, "data", "goal_tables_2022.txt")])
good = open(path("bundled.xlsx"), "rb").read()

# not a workbook at all; an Excel 97-2003 file (OLE container), as an encrypted xlsx also is
open(path("not_a_workbook.xlsx"), "wb").write("项目名称\t甲\n".encode("utf-8"))
open(path("ole.xls"), "wb").write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
# cut in the middle
open(path("truncated.xlsx"), "wb").write(good[: len(good) * 6 // 10])

# a zip bomb: a sheet of 256 MB of empty rows, deflated to a few hundred kB
buf = io.BytesIO()
with zipfile.ZipFile(io.BytesIO(good)) as src, \
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename == "xl/worksheets/sheet1.xml":
            info = zipfile.ZipInfo(item.filename)
            info.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(info, "w", force_zip64=False) as w:
                w.write(data[: data.index(b"<sheetData>")])
                w.write(b"<sheetData>")
                chunk = b"<row r=\"1\"/>" * (1 << 16)
                for _ in range(256 * (1 << 20) // len(chunk)):
                    w.write(chunk)
        else:
            dst.writestr(item, data)
open(path("bomb.xlsx"), "wb").write(buf.getvalue())

# an entry marked encrypted (general purpose flag bit 0), in the directory and its local header
data = bytearray(good)
i = data.index(b"PK\x01\x02")
while i >= 0:
    flags = struct.unpack_from("<H", data, i + 8)[0]
    struct.pack_into("<H", data, i + 8, flags | 1)
    i = data.find(b"PK\x01\x02", i + 4)
open(path("encrypted.xlsx"), "wb").write(bytes(data))

# a ZIP file that is not a workbook, and a workbook whose sheet XML is damaged
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("readme.txt", "not a workbook")
open(path("no_workbook.xlsx"), "wb").write(buf.getvalue())
buf = io.BytesIO()
with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename == "xl/worksheets/sheet1.xml":
            data = data[: len(data) // 2] + b"<row r=\"<<"
        dst.writestr(item, data)
open(path("bad_xml.xlsx"), "wb").write(buf.getvalue())
for name in sorted(os.listdir(here)):
    if not name.endswith(".py"):
        print("%-22s %8d bytes" % (name, os.path.getsize(path(name))))
