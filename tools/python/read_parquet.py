#!/usr/bin/env python3
"""Reads a parquet table (a file or a folder of part files, as Spark writes them) with pyarrow and
with duckdb, checks that both see the same rows, and prints them as JSON lines of the columns asked
for (default: every column but binary ones):

    python read_parquet.py scored/scores.parquet path score label model_id

Exit status 1 when the two readers disagree. An independent check of cyborg's parquet output:
neither reader shares code with Spark or Parquet's Java library.
"""
import json
import os
import sys

import duckdb
import pyarrow.parquet as pq


def main():
    table_path, columns = sys.argv[1], sys.argv[2:]
    table = pq.read_table(table_path)
    names = columns or [f.name for f in table.schema if not str(f.type).startswith(("binary", "large_binary"))]
    rows = table.select(names).to_pylist()
    glob = os.path.join(table_path, "**", "*.parquet") if os.path.isdir(table_path) else table_path
    con = duckdb.connect()
    quoted = ", ".join('"%s"' % n for n in names)
    duck = con.execute("SELECT %s FROM read_parquet(?)" % quoted, [glob]).fetchall()
    key = lambda r: json.dumps(r, sort_keys=True, default=str)
    as_dicts = [dict(zip(names, r)) for r in duck]
    if sorted(map(key, rows)) != sorted(map(key, as_dicts)):
        print("read_parquet: pyarrow and duckdb read different rows (%d and %d)" % (len(rows), len(duck)),
              file=sys.stderr)
        sys.exit(1)
    for r in rows:
        print(json.dumps(r, default=str))
    print("read %d rows with pyarrow %s and duckdb %s" % (len(rows), __import__("pyarrow").__version__,
                                                         duckdb.__version__), file=sys.stderr)


if __name__ == "__main__":
    main()
