#!/usr/bin/env python3
"""Times kyodo on synthetic Ａ調査票 exports of 100k and 1M rows, release build, against its targets.

For each size it runs the full standard report (`kyodo tabulate --file a=FILE`) and one crosstab
(`kyodo tabulate 形態 --by 部 --file a=FILE`) under /usr/bin/time -v, --runs times (default 3), and
prints the median seconds, MB/s and the largest peak RSS. For scale it also times the physical
floor, `cat FILE > /dev/null` from the page cache (median of --runs, after one read to fill it).
When the Python package duckdb is installed it also runs DuckDB on the same file for four
aggregations (a frequency, a crosstab, a multiple-answer split and a budget sum), also the median of
--runs. The files are generated once by scripts/generate-synthetic.py into --dir (default
/tmp/kyodo-bench) and reused.

With --same-categories it also times a file of the first size's rows repeated up to the base size
(1M rows with the categories and distinct amounts of 100k): memory follows the categories, so its
peak matches the small file's. With --encodings it also times the standard report on the base file
in CP932 and in UTF-16LE (㈳ and ㈶, which CP932 lacks, written （社） and （財） in all three), with
--check, `kyodo check` on each file (once), and with --summary, `kyodo summary 環境部` on each file
up to the base size. --targets turns on --encodings, --check and --summary: one run then measures
everything the targets below need.

The base size is the largest of --rows not above --base-rows (default 1,000,000); the targets are
judged there. Each larger size (`--rows 100000,1000000,10000000`) is timed only with the report,
the crosstab and `kyodo check` (no DuckDB, summary or encodings), to compare their peaks with the
base size's. The 10M-row file is about 7.6 GB (7.1 GiB) of disk, generated once; the script
refuses to start one without room for it.

After the measurements it prints a second table, one line per target, with the ratio and whether
the target is met (a target whose measurements were not taken says so):
  - the standard report ≤ 0.5× DuckDB's four aggregations on the same file, in the same run;
  - the crosstab ≤ 0.3× DuckDB's four aggregations;
  - `kyodo check` ≤ 2× the standard report on the same file;
  - the standard report in CP932 and in UTF-16LE ≤ 1.5× the report on the UTF-8 file;
  - `kyodo summary 環境部` at the base size in ≤ 5 s and under 100 MB peak RSS;
  - peak RSS under 64 MB for every other command, on every file;
  - the same peak at each larger size as at the base size (at most 1.1× it).

With --markdown FILE (docs/PERFORMANCE.md) it also writes both tables into FILE, in place of the
lines between `<!-- benchmark: begin -->` and `<!-- benchmark: end -->`, so that the published
figures are the run's own. --kyodo PATH times another binary (then nothing is built); a run with
small --rows tries the script quickly, e.g. `--rows 1000,2000 --runs 1 --kyodo .build/debug/kyodo`
(add `--base-rows 1000` to try the larger-size comparison too).

Usage: scripts/benchmark.py [--rows 100000,1000000] [--runs 3] [--targets] [--same-categories]
                            [--encodings] [--check] [--summary] [--base-rows 1000000]
                            [--dir DIR] [--skip-build] [--kyodo PATH] [--markdown FILE]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KYODO = os.path.join(ROOT, ".build", "release", "kyodo")
BEGIN = "<!-- benchmark: begin -->"
END = "<!-- benchmark: end -->"

REPORT = "standard report"
CROSSTAB = "crosstab 形態 by 部"
CHECK = "kyodo check"
SUMMARY = "kyodo summary 環境部"
FLOOR = "cat FILE > /dev/null (floor)"
DUCKDB = "DuckDB, 4 aggregations"

REPORT_VS_DUCKDB = 0.5  # the standard report's time over DuckDB's four aggregations', at most
CROSSTAB_VS_DUCKDB = 0.3
CHECK_VS_REPORT = 2.0  # kyodo check's time over the standard report's on the same file, at most
ENCODED_VS_UTF8 = 1.5  # the report on a CP932 or UTF-16LE copy over the report on the UTF-8 file
SUMMARY_SECONDS = 5.0  # kyodo summary at the base size, at most
SUMMARY_MB = 100  # kyodo summary's peak RSS, under
PEAK_MB = 64  # every other command's peak RSS, under
SAME_PEAK = 1.1  # a larger size's peak over the base size's, at most
BYTES_PER_ROW = 770  # the synthetic export's size per row, about (762 MB for 1M rows)


def timed(command):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak RSS in MB): the wall-clock time
    measured here (/usr/bin/time gives only hundredths), the peak from /usr/bin/time. kyodo check
    exits 1 for warnings, which the synthetic files have."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    if result.returncode not in ([0, 1] if "check" in command else [0]):
        sys.exit(f"{' '.join(command)} failed: {result.stderr[-2000:]}")
    seconds = time.perf_counter() - start
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    return seconds, rss


def decimals(seconds):
    """Seconds to the millisecond under 1 s, else to the hundredth."""
    return f"{seconds:.3f}" if seconds < 1 else f"{seconds:.2f}"


def timed_runs(command, runs):
    """The median seconds and the largest peak RSS of several runs."""
    results = [timed(command) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def floor_seconds(path, runs):
    """The median time of `cat path > /dev/null`, after one read that puts the file in the page cache
    (when it fits in memory)."""
    subprocess.run(["cat", path], stdout=subprocess.DEVNULL, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["cat", path], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def generated(path, rows):
    """The synthetic export of so many rows at path (written once), after checking there is room."""
    if os.path.exists(path):
        return
    free = shutil.disk_usage(os.path.dirname(path)).free
    needed = rows * BYTES_PER_ROW
    if needed > free:
        sys.exit(f"{path}: {rows:,} rows need about {needed / 1e9:.1f} GB of disk, "
                 f"and {os.path.dirname(path)} has {free / 1e9:.1f} GB free")
    with open(path + ".part", "wb") as file:
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "generate-synthetic.py"),
                        "--rows", str(rows)], stdout=file, check=True)
    os.rename(path + ".part", path)


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


def transcoded(path, source, codec, bom):
    """A copy of the UTF-8 source in another encoding (written once, a chunk at a time, its line
    breaks kept), with ㈳ and ㈶ written （社） and （財）."""
    if os.path.exists(path):
        return
    with open(source, encoding="utf-8", newline="") as file, open(path + ".part", "wb") as out:
        out.write(bom)
        while chunk := file.read(1 << 24):
            out.write(chunk.replace("㈳", "（社）").replace("㈶", "（財）").encode(codec))
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


def target_lines(measured, plain, base, larger, encoded):
    """The targets table: one line per target, judged from the measurements. measured maps (file
    label, command) to (seconds, peak MB); plain lists the generated files' labels up to the base
    size, base is the base size's label, larger the larger sizes' labels, encoded the labels of the
    base file's CP932 and UTF-16LE copies."""
    lines = ["| goal | rows | measured | ratio | target |", "|---|---|---|---:|---|"]

    def judge(goal, label, numerator, denominator, unit, limit, strict=False):
        if numerator is None or denominator is None:
            lines.append(f"| {goal} | {label} | not measured | | not measured |")
            return
        ratio = numerator / denominator
        met = ratio < limit if strict else ratio <= limit
        figures = (f"{decimals(numerator)} s / {decimals(denominator)} s" if unit == "s" else
                   f"{numerator:,.0f} MB / {denominator:,.0f} MB")
        lines.append(f"| {goal} | {label} | {figures} | {ratio:.2f} | {'met' if met else 'not met'} |")

    def seconds(label, command):
        return measured[(label, command)][0] if (label, command) in measured else None

    def peak(label, command):
        return measured[(label, command)][1] if (label, command) in measured else None

    for label in plain:
        judge(f"{REPORT} ≤ {REPORT_VS_DUCKDB}× DuckDB", label, seconds(label, REPORT), seconds(label, DUCKDB),
              "s", REPORT_VS_DUCKDB)
    for label in plain:
        judge(f"{CROSSTAB} ≤ {CROSSTAB_VS_DUCKDB}× DuckDB", label, seconds(label, CROSSTAB),
              seconds(label, DUCKDB), "s", CROSSTAB_VS_DUCKDB)
    for label in plain + larger:
        judge(f"{CHECK} ≤ {CHECK_VS_REPORT:g}× {REPORT}", label, seconds(label, CHECK), seconds(label, REPORT),
              "s", CHECK_VS_REPORT)
    for name, label in zip(["CP932", "UTF-16LE"], encoded or [None, None]):
        judge(f"{REPORT} in {name} ≤ {ENCODED_VS_UTF8}× UTF-8", base, seconds(label, REPORT),
              seconds(base, REPORT), "s", ENCODED_VS_UTF8)
    judge(f"{SUMMARY} ≤ {SUMMARY_SECONDS:g} s", base, seconds(base, SUMMARY), SUMMARY_SECONDS, "s", 1.0)
    judge(f"{SUMMARY} peak < {SUMMARY_MB} MB", base, peak(base, SUMMARY), SUMMARY_MB, "MB", 1.0, strict=True)
    for command in [REPORT, CROSSTAB, CHECK]:  # the largest peak of each command over every file
        peaks = [(rss, label) for (label, name), (_, rss) in measured.items() if name == command]
        rss, label = max(peaks) if peaks else (None, "every file")
        judge(f"{command} peak < {PEAK_MB} MB (largest)", label, rss, PEAK_MB, "MB", 1.0, strict=True)
    for label in larger:
        for command in [REPORT, CROSSTAB, CHECK]:
            judge(f"{command} peak at {label} rows ≤ {SAME_PEAK}× at {base}", label, peak(label, command),
                  peak(base, command), "MB", SAME_PEAK)
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="100000,1000000")
    parser.add_argument("--base-rows", type=int, default=1000000,
                        help="judge the targets at the largest --rows not above this (default 1000000)")
    parser.add_argument("--dir", default="/tmp/kyodo-bench")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--targets", action="store_true", help="the same as --encodings --check --summary")
    parser.add_argument("--same-categories", action="store_true")
    parser.add_argument("--encodings", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--summary", action="store_true")
    parser.add_argument("--kyodo", help="the binary to time (default .build/release/kyodo, built first)")
    parser.add_argument("--markdown", metavar="FILE", help="write the tables between the markers in FILE")
    options = parser.parse_args()
    if options.targets:
        options.encodings = options.check = options.summary = True
    if options.markdown and not os.path.exists(options.markdown):
        sys.exit(f"{options.markdown}: no such file")
    sizes = [int(r) for r in options.rows.split(",")]
    base_rows = max([s for s in sizes if s <= options.base_rows] or [min(sizes)])
    kyodo = os.path.abspath(options.kyodo) if options.kyodo else KYODO
    if not options.skip_build and not options.kyodo:
        subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    os.makedirs(options.dir, exist_ok=True)
    table = []

    def row(line):
        print(line, flush=True)
        table.append(line)

    files = []  # (label, path, rows)
    for rows in sorted(set(sizes)):
        path = os.path.join(options.dir, f"a-{rows}.tsv")
        generated(path, rows)
        files.append((f"{rows:,}", path, rows))
    base = f"{base_rows:,}"
    base_path = os.path.join(options.dir, f"a-{base_rows}.tsv")
    plain = [label for label, _, rows in files if rows <= base_rows]
    larger = [label for label, _, rows in files if rows > base_rows]
    extra = []  # (label, path, crosstab): the repeated file (with DuckDB and the crosstab), the copies
    first = min(sizes)
    if options.same_categories and base_rows > first and base_rows % first == 0:
        times = base_rows // first
        path = os.path.join(options.dir, f"a-{first}x{times}.tsv")
        repeated(path, os.path.join(options.dir, f"a-{first}.tsv"), times)
        extra.append((f"{base} ({first:,} rows {times} times)", path, True))
    encoded = []
    if options.encodings:
        for name, codec, bom in [("CP932", "cp932", b""), ("UTF-16LE", "utf-16-le", b"\xff\xfe")]:
            path = base_path.replace(".tsv", f".{codec}.tsv")
            transcoded(path, base_path, codec, bom)
            encoded.append(f"{base} in {name}")
            extra.append((encoded[-1], path, False))

    measured = {}
    row("| rows | file MB | command | seconds | MB/s | peak RSS MB |")
    row("|---:|---:|---|---:|---:|---:|")

    def record(label, megabytes, name, seconds, rss):
        measured[(label, name)] = (seconds, rss)
        rss_text = "" if rss is None else f"{rss:,.0f}"
        row(f"| {label} | {megabytes:,.0f} | {name} | {decimals(seconds)} | {megabytes / seconds:,.0f} | {rss_text} |")

    # the files up to the base size, the repeated file and the copies, then the larger sizes
    order = [(label, path, True) for label, path, rows in files if rows <= base_rows] + extra + [
        (label, path, True) for label, path, rows in files if rows > base_rows]
    for label, path, crosstab in order:
        megabytes = os.path.getsize(path) / 1e6
        record(label, megabytes, FLOOR, floor_seconds(path, options.runs), None)  # also fills the page cache
        generated_file = label in plain or label in larger
        # DuckDB on the files up to the base size and the repeated file; not on larger sizes or copies
        duck = duckdb_seconds(path, options.runs) if crosstab and label not in larger else None
        if duck is not None:
            record(label, megabytes, DUCKDB, duck, None)
        commands = [(REPORT, [kyodo, "tabulate", "--file", f"a={path}"], options.runs)]
        if crosstab:
            commands.append((CROSSTAB, [kyodo, "tabulate", "形態", "--by", "部", "--file", f"a={path}"], options.runs))
        if generated_file and options.check:
            commands.append((CHECK, [kyodo, "check", "--file", f"a={path}"], 1))
        if label in plain and options.summary:
            commands.append((SUMMARY, [kyodo, "summary", "環境部", "--file", f"a={path}"], options.runs))
        for name, command, runs in commands:
            record(label, megabytes, name, *timed_runs(command, runs))
    print(flush=True)
    table.append("")
    for line in target_lines(measured, plain, base, larger, encoded):
        row(line)
    if options.markdown:
        write_markdown(options.markdown, table)
        print(f"{options.markdown}: tables rewritten")


if __name__ == "__main__":
    main()
