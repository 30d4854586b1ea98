"""Fill a spreadsheet's cells in LibreOffice itself (headless, through UNO) and save it as XLSX, as a clerk's Calc would.

  /usr/bin/python3 lo_fill.py FILE OUT CELLS
  CELLS: JSON {"Formulir!J8": 7, "Formulir!K8": "date:2021-03-10", "Formulir!L8": "kota-kupang (Kota Kupang)"}

Numbers are set as numbers, "date:YYYY-MM-DD" as the day's serial number (the form's date cells are formatted as
dates already), anything else as text. soffice runs with a private profile in a temporary directory, listening on
a named pipe only, and is ended when the file is saved.
"""
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe, proc):
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext()
    )
    for _ in range(600):
        if proc.poll() is not None:
            sys.exit("soffice ended before it could be reached")
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.1)
    sys.exit("soffice did not answer within 60 s")


def main(src, out, cells):
    with tempfile.TemporaryDirectory(prefix="rad-lo-") as profile:
        pipe = "rad_lo_%d" % os.getpid()
        proc = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
             f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            ctx = connect(pipe, proc)
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                               (prop("Hidden", True),))
            epoch = datetime.date(1899, 12, 30)
            for ref, value in json.loads(cells).items():
                sheet, cell = ref.rsplit("!", 1)
                target = doc.Sheets.getByName(sheet).getCellRangeByName(cell)
                if isinstance(value, str) and value.startswith("date:"):
                    target.setValue((datetime.date.fromisoformat(value[5:]) - epoch).days)
                elif isinstance(value, (int, float)):
                    target.setValue(value)
                else:
                    target.setString(value)
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                           (prop("FilterName", "Calc MS Excel 2007 XML"),))
            doc.close(True)
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge goes away as soffice ends
        finally:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
