"""CSV of one table: UTF-8 with a byte-order mark, so Excel opens the Chinese names correctly."""

import csv
import io

from banquan.stats.tables import Table

BOM = "\ufeff"


def render(table: Table) -> bytes:
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return buf.getvalue().encode("utf-8")
