#!/usr/bin/env python3
"""Times kyodo on synthetic Ａ調査票 exports of 100k and 1M rows, release build.

For each size it runs the full standard report (`kyodo tabulate --file a=FILE`) and one crosstab
(`kyodo tabulate 形態 --by 部 --file a=FILE`) under /usr/bin/time -v and prints seconds, MB/s and
peak RSS. When the Python package duckdb is installed it also runs DuckDB on the same file for four
aggregations (a frequency, a crosstab, a multiple-answer split and a budget sum) and prints both
times and their ratio. The files are generated once by scripts/generate-synthetic.py into
--dir (default /tmp/kyodo-bench) and reused.

Usage: scripts/benchmark.py [--rows 100000,1000000] [--dir DIR] [--skip-build]
"""
import argparse
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KYODO = os.path.join(ROOT, ".build", "release", "kyodo")


def timed(command):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak RSS in MB)."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {result.stderr[-2000:]}")
    elapsed = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr).group(1)
    parts = [float(p) for p in elapsed.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    return seconds, rss


def duckdb_seconds(path):
    try:
        import duckdb
    except ImportError:
        return None
    start = time.perf_counter()
    connection = duckdb.connect()
    connection.execute(f"""
        CREATE TEMP VIEW a AS SELECT * FROM read_csv('{path}', delim='\t', quote='"', escape='"',
            header=true, all_varchar=true, strict_mode=false, max_line_size=10000000)""")
    code = "regexp_extract({col}, '[①-⑳]')"
    connection.execute(f'SELECT {code.format(col=chr(34) + "５類型" + chr(34))} AS c, count(*) FROM a GROUP BY c').fetchall()
    connection.execute(f'SELECT "部", {code.format(col=chr(34) + "５類型" + chr(34))} AS c, count(*) FROM a GROUP BY ALL').fetchall()
    connection.execute("""SELECT c, count(*) FROM (SELECT unnest(regexp_extract_all("４形態", '[①-⑳]')) AS c FROM a)
        GROUP BY c""").fetchall()
    connection.execute("""SELECT sum(TRY_CAST(replace(translate(regexp_extract("７市の予算", '①\\s*([0-9０-９,，]+)千円', 1),
        '０１２３４５６７８９，', '0123456789,'), ',', '') AS BIGINT)) FROM a""").fetchall()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="100000,1000000")
    parser.add_argument("--dir", default="/tmp/kyodo-bench")
    parser.add_argument("--skip-build", action="store_true")
    options = parser.parse_args()
    if not options.skip_build:
        subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    os.makedirs(options.dir, exist_ok=True)
    print("| rows | file MB | command | seconds | MB/s | peak RSS MB | DuckDB s (4 aggregations) |")
    print("|---:|---:|---|---:|---:|---:|---:|")
    for rows in [int(r) for r in options.rows.split(",")]:
        path = os.path.join(options.dir, f"a-{rows}.tsv")
        if not os.path.exists(path):
            with open(path + ".part", "wb") as file:
                subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "generate-synthetic.py"),
                                "--rows", str(rows)], stdout=file, check=True)
            os.rename(path + ".part", path)
        megabytes = os.path.getsize(path) / 1e6
        subprocess.run(["cat", path], stdout=subprocess.DEVNULL)  # into the page cache
        duck = duckdb_seconds(path)
        for name, command in [("standard report", [KYODO, "tabulate", "--file", f"a={path}"]),
                              ("crosstab 形態 by 部", [KYODO, "tabulate", "形態", "--by", "部", "--file", f"a={path}"])]:
            seconds, rss = timed(command)
            duck_text = "" if duck is None else f"{duck:.1f} (kyodo/DuckDB {seconds / duck:.1f})"
            print(f"| {rows:,} | {megabytes:,.0f} | {name} | {seconds:.1f} | {megabytes / seconds:,.0f} | {rss:,.0f} | {duck_text} |")


if __name__ == "__main__":
    main()
