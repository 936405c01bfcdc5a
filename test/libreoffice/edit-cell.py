#!/usr/bin/env python3
# A person's edit, by script: open an XLSX with openpyxl, write one cell (sheet, row identifier, column header), save.
# Usage: edit-cell.py <in.xlsx> <out.xlsx> <sheet> <identifier> <header> <value> [<identifier> <header> <value>…]
import sys
import openpyxl

src, dst, sheet_name = sys.argv[1], sys.argv[2], sys.argv[3]
triples = sys.argv[4:]
wb = openpyxl.load_workbook(src)
ws = wb[sheet_name]
header = [c.value for c in ws[1]]
for i in range(0, len(triples), 3):
    ident, column, value = triples[i], triples[i + 1], triples[i + 2]
    col = header.index(column) + 1
    for row in ws.iter_rows(min_row=2):
        if row[0].value == ident:
            row[col - 1].value = int(value) if value.isdigit() else value
            break
    else:
        sys.exit(f"identifiant introuvable : {ident}")
wb.save(dst)
