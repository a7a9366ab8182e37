#!/usr/bin/env python3
"""Times kyodo on synthetic Ａ調査票 exports of 100k and 1M rows, release build.

For each size it runs the full standard report (`kyodo tabulate --file a=FILE`) and one crosstab
(`kyodo tabulate 形態 --by 部 --file a=FILE`) under /usr/bin/time -v, --runs times (default 3), and
prints the median seconds, MB/s and the largest peak RSS. When the Python package duckdb is
installed it also runs DuckDB on the same file for four aggregations (a frequency, a crosstab, a
multiple-answer split and a budget sum), also the median of --runs, and prints both times and their
ratio. The files are generated once by scripts/generate-synthetic.py into --dir (default
/tmp/kyodo-bench) and reused.

With --same-categories it also times a file of the first size's rows repeated up to the last size
(1M rows with the categories and distinct amounts of 100k): memory follows the categories, so its
peak matches the small file's. With --encodings it also times the standard report on the largest
file in CP932 and in UTF-16LE (㈳ and ㈶, which CP932 lacks, written （社） and （財） in all three),
and with --check, `kyodo check` on each file.

With --markdown FILE (docs/PERFORMANCE.md) it also writes the table it prints into FILE, in place of
the lines between `<!-- benchmark: begin -->` and `<!-- benchmark: end -->`, so that the published
figures are the run's own. --kyodo PATH times another binary (then nothing is built); a run with
small --rows tries the script quickly, e.g. `--rows 1000,2000 --runs 1 --kyodo .build/debug/kyodo`.

Usage: scripts/benchmark.py [--rows 100000,1000000] [--runs 3] [--same-categories] [--encodings] [--check]
                            [--dir DIR] [--skip-build] [--kyodo PATH] [--markdown FILE]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KYODO = os.path.join(ROOT, ".build", "release", "kyodo")
BEGIN = "<!-- benchmark: begin -->"
END = "<!-- benchmark: end -->"


def timed(command):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak RSS in MB). kyodo check exits 1
    for warnings, which the synthetic files have."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    if result.returncode not in ([0, 1] if "check" in command else [0]):
        sys.exit(f"{' '.join(command)} failed: {result.stderr[-2000:]}")
    elapsed = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr).group(1)
    parts = [float(p) for p in elapsed.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    return seconds, rss


def timed_runs(command, runs):
    """The median seconds and the largest peak RSS of several runs."""
    results = [timed(command) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def repeated(path, source, times):
    """A file of the source's header and its body `times` over (written once)."""
    if os.path.exists(path):
        return
    with open(source, "rb") as file:
        data = file.read()
    header_end = data.index(b"\n") + 1
    body = data[header_end:]
    with open(path + ".part", "wb") as file:
        file.write(data[:header_end])
        for _ in range(times):
            file.write(body)
    os.rename(path + ".part", path)


def duckdb_seconds(path, runs=1):
    times = [duckdb_once(path) for _ in range(runs)]
    return None if None in times else statistics.median(times)


def duckdb_once(path):
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


def write_markdown(path, table):
    """Replaces the lines between the markers in the file at path with the table's lines."""
    with open(path, encoding="utf-8") as file:
        text = file.read()
    lines = text.split("\n")
    if lines.count(BEGIN) != 1 or lines.count(END) != 1 or lines.index(BEGIN) > lines.index(END):
        sys.exit(f"{path}: expected one line {BEGIN} and, after it, one line {END}")
    lines[lines.index(BEGIN) + 1 : lines.index(END)] = table
    with open(path, "w", encoding="utf-8") as file:
        file.write("\n".join(lines))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="100000,1000000")
    parser.add_argument("--dir", default="/tmp/kyodo-bench")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--same-categories", action="store_true")
    parser.add_argument("--encodings", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--kyodo", help="the binary to time (default .build/release/kyodo, built first)")
    parser.add_argument("--markdown", metavar="FILE", help="write the table between the markers in FILE")
    options = parser.parse_args()
    if options.markdown and not os.path.exists(options.markdown):
        sys.exit(f"{options.markdown}: no such file")
    kyodo = os.path.abspath(options.kyodo) if options.kyodo else KYODO
    if not options.skip_build and not options.kyodo:
        subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    os.makedirs(options.dir, exist_ok=True)
    table = []

    def row(line):
        print(line, flush=True)
        table.append(line)

    row("| rows | file MB | command | seconds | MB/s | peak RSS MB | DuckDB s (4 aggregations) |")
    row("|---:|---:|---|---:|---:|---:|---:|")
    sizes = [int(r) for r in options.rows.split(",")]
    files = []
    for rows in sizes:
        path = os.path.join(options.dir, f"a-{rows}.tsv")
        if not os.path.exists(path):
            with open(path + ".part", "wb") as file:
                subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "generate-synthetic.py"),
                                "--rows", str(rows)], stdout=file, check=True)
            os.rename(path + ".part", path)
        files.append((f"{rows:,}", path))
    if options.same_categories and len(sizes) > 1 and sizes[-1] % sizes[0] == 0:
        times = sizes[-1] // sizes[0]
        path = os.path.join(options.dir, f"a-{sizes[0]}x{times}.tsv")
        repeated(path, files[0][1], times)
        files.append((f"{sizes[-1]:,} ({sizes[0]:,} rows {times} times)", path))
    encoded = []
    if options.encodings:
        largest = files[len(sizes) - 1]
        for name, codec, bom in [("CP932", "cp932", b""), ("UTF-16LE", "utf-16-le", b"\xff\xfe")]:
            path = largest[1].replace(".tsv", f".{codec}.tsv")
            if not os.path.exists(path):
                with open(largest[1], encoding="utf-8") as file:
                    text = file.read().replace("㈳", "（社）").replace("㈶", "（財）")
                with open(path + ".part", "wb") as file:
                    file.write(bom + text.encode(codec))
                os.rename(path + ".part", path)
            encoded.append((f"{largest[0]} in {name}", path))
    for label, path in files + encoded:
        megabytes = os.path.getsize(path) / 1e6
        subprocess.run(["cat", path], stdout=subprocess.DEVNULL)  # into the page cache
        plain = (label, path) in files
        duck = duckdb_seconds(path, options.runs) if plain else None
        commands = [("standard report", [kyodo, "tabulate", "--file", f"a={path}"])]
        if plain:
            commands.append(("crosstab 形態 by 部", [kyodo, "tabulate", "形態", "--by", "部", "--file", f"a={path}"]))
        if plain and options.check and "times" not in label:
            commands.append(("kyodo check", [kyodo, "check", "--file", f"a={path}"]))
        for name, command in commands:
            seconds, rss = timed_runs(command, options.runs if name != "kyodo check" else 1)
            duck_text = "" if duck is None or name == "kyodo check" else f"{duck:.1f} (kyodo/DuckDB {seconds / duck:.2f})"
            row(f"| {label} | {megabytes:,.0f} | {name} | {seconds:.2f} | {megabytes / seconds:,.0f} | {rss:,.0f} | {duck_text} |")
    if options.markdown:
        write_markdown(options.markdown, table)
        print(f"{options.markdown}: table rewritten")

if __name__ == "__main__":
    main()
