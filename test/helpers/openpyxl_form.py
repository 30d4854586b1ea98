"""What openpyxl sees in a rad form, and filling one in as a script would (tests and fixtures; /usr/bin/python3).

  inspect FILE             JSON on stdout: sheets and their states, defined names, per sheet its protection,
                           data validations, unlocked cells and the values of its first rows
  fill FILE OUT CELLS      write the cells ({"Formulir!J8": 7, "Formulir!K8": "date:2021-03-10", ...}; JSON) and
                           save as OUT; a value "date:YYYY-MM-DD" becomes a date cell
"""
import datetime
import json
import sys

import openpyxl


def names(wb):
    # openpyxl 3.0 keeps defined names in a list; 3.1 in a dict.
    dn = wb.defined_names
    if hasattr(dn, "definedName"):
        return {d.name: d.attr_text for d in dn.definedName}
    return {k: v.attr_text for k, v in dn.items()}


def value(v):
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    return v


def inspect(path):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": [], "names": names(wb)}
    for ws in wb.worksheets:
        unlocked = [
            c.coordinate
            for row in ws.iter_rows()
            for c in row
            if c.protection is not None and c.protection.locked is False
        ]
        out["sheets"].append(
            {
                "name": ws.title,
                "state": ws.sheet_state,
                "protected": bool(ws.protection.sheet),
                "freeze": ws.freeze_panes,
                "validations": [
                    {
                        "type": dv.type,
                        "operator": dv.operator,
                        "formula1": dv.formula1,
                        "formula2": dv.formula2,
                        "sqref": str(dv.sqref),
                        "showErrorMessage": bool(dv.showErrorMessage),
                        "prompt": dv.prompt,
                    }
                    for dv in ws.data_validations.dataValidation
                ],
                "unlocked": unlocked,
                "formats": {c.coordinate: c.number_format for row in ws.iter_rows(max_row=min(ws.max_row, 12)) for c in row if c.value is not None},
                "rows": [[value(v) for v in row] for row in ws.iter_rows(max_row=min(ws.max_row, 60), values_only=True)],
            }
        )
    json.dump(out, sys.stdout, ensure_ascii=False)


def fill(path, out, cells):
    wb = openpyxl.load_workbook(path)
    for ref, v in json.loads(cells).items():
        sheet, cell = ref.rsplit("!", 1)
        if isinstance(v, str) and v.startswith("date:"):
            wb[sheet][cell].value = datetime.datetime.strptime(v[5:], "%Y-%m-%d")
            wb[sheet][cell].number_format = "yyyy-mm-dd"
        else:
            wb[sheet][cell].value = v
    wb.save(out)


if __name__ == "__main__":
    if sys.argv[1] == "inspect":
        inspect(sys.argv[2])
    elif sys.argv[1] == "fill":
        fill(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
