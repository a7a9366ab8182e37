#!/usr/bin/env python3
"""Compare kyodo's tests of independence with GNU PSPP's CROSSTABS on the same cases.

For each pair of single-choice items of the bundled survey, `kyodo sps` writes the cases as PSPP
syntax, PSPP computes CROSSTABS /STATISTICS=CHISQ PHI, and `kyodo tabulate --stats --format tsv`
computes the same tests. Each figure PSPP prints must equal kyodo's, rounded to PSPP's printed
decimals. Needs PSPP (Debian package `pspp`). Exit status 0 when all agree, 1 otherwise.

Usage: scripts/compare-pspp.py [--kyodo PATH]
"""
import csv
import io
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# (item, breakdown, filters): single-choice pairs, including a 2×2 for Fisher's exact test.
PAIRS = [
    ("a.5", "a.10", []),
    ("a.13", "a.14", []),
    ("a.12", "a.5", []),
    ("a.15", "a.13", []),
    ("a.7", "a.5", []),
    ("overall.2", "overall.department", []),
    ("a.8", "a.14", ["a.14=1,2"]),
    ("a.8", "a.13", ["a.13=1,2"]),
    ("a.7", "overall.2", ["a.7=1,2", "overall.2=1,2"]),
    ("a.7:class", "a.department", []),
    ("a.6:era", "a.5", []),
]


def run(command):
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def pspp_figures(syntax):
    """The figures PSPP prints, as strings: chi-square, df, p, Cramér's V, Fisher 2- and 1-sided."""
    with tempfile.TemporaryDirectory() as directory:
        sps = os.path.join(directory, "cases.sps")
        out = os.path.join(directory, "out.csv")
        with open(sps, "w", encoding="utf-8") as file:
            file.write(syntax)
        run(["pspp", sps, "-o", out])
        with open(out, encoding="utf-8") as file:
            rows = list(csv.reader(file))
    figures = {"counts": []}
    table = None
    header = []
    for row in rows:
        if table and " × " in table and len(row) > 3 and row[2] == "Count" and row[0] != "Total":
            figures["counts"].append([int(v) for v in row[3:-1]])
        if row and row[0].startswith("Table: "):
            table = row[0][len("Table: "):]
            header = []
            continue
        if table == "Chi-Square Tests":
            if not header:
                header = row
            elif row and row[0] == "Pearson Chi-Square":
                figures["chi_square"], figures["df"], figures["p"] = row[1], row[2], row[3]
            elif row and row[0] == "Fisher's Exact Test":
                two = header.index("Exact Sig. (2-tailed)")
                one = header.index("Exact Sig. (1-tailed)")
                figures["fisher_two_sided"], figures["fisher_one_sided"] = row[two], row[one]
        if table == "Symmetric Measures" and len(row) > 2 and row[1] == "Cramer's V":
            figures["cramers_v"] = row[2]
    return figures


def pspp_fisher_two_sided(counts):
    """PSPP's two-sided Fisher p as its crosstabs.c computes it (SPSS algorithm, appendix 5).

    PSPP walks the second tail without stopping when a cell would go negative, and its log-factorial
    of a negative number is 0, so it adds the probabilities of impossible tables. The correct value
    stops at the last possible table, as kyodo does.
    """
    def log_factorial_pspp(x):  # log((x-1)!) for x > 2, else 0, as log_gamma_int
        return sum(math.log(i) for i in range(2, int(x))) if x > 2 else 0.0

    def pr(a, b, c, d):
        f = log_factorial_pspp
        return math.exp(f(a + b + 1) - f(a + 1) + f(c + d + 1) - f(b + 1) + f(a + c + 1) - f(c + 1)
                        + f(b + d + 1) - f(d + 1) - f(a + b + c + d + 1))

    (a, b), (c, d) = counts
    if min(c, d) < min(a, b):
        a, b, c, d = c, d, a, b
    if min(b, d) < min(a, c):
        a, b, c, d = b, a, d, c
    if b * c < a * d:
        a, b, c, d = (b, a, d, c) if b < c else (c, d, a, b)
    observed = pr(a, b, c, d)
    one = observed + sum(pr(a - x, b + x, c + x, d - x) for x in range(1, a + 1))
    return one + sum(p for p in (pr(a + x, b - x, c - x, d + x) for x in range(1, b + 1)) if p < observed)


def kyodo_figures(kyodo, item, by, filters):
    arguments = [kyodo, "tabulate", item, "--by", by, "--stats", "--format", "tsv"]
    for where in filters:
        arguments += ["--where", where]
    blocks = run(arguments).split("\n\n")
    block = next(b for b in blocks if b.startswith("# ") and b.split("\t")[0].endswith("-statistics"))
    lines = block.splitlines()[1:]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
    by_name = {row["statistic"]: row for row in rows}
    figures = {
        "chi_square": by_name["Pearson chi-square"]["value"],
        "df": by_name["Pearson chi-square"]["df"],
        "p": by_name["Pearson chi-square"]["p"],
        "cramers_v": by_name["Cramér's V"]["value"],
    }
    if "Fisher's exact test (2-sided)" in by_name:
        figures["fisher_two_sided"] = by_name["Fisher's exact test (2-sided)"]["p"]
        figures["fisher_one_sided"] = by_name["Fisher's exact test (1-sided)"]["p"]
    return figures


def agrees(printed, exact):
    """Whether kyodo's value, rounded as PSPP printed its own, gives the same text."""
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    return float(printed) == round(float(exact), decimals) or abs(float(printed) - float(exact)) < 0.5 * 10**-decimals


def main():
    kyodo = os.path.join(ROOT, ".build", "debug", "kyodo")
    if "--kyodo" in sys.argv:
        kyodo = sys.argv[sys.argv.index("--kyodo") + 1]
    failures = 0
    compared = 0
    for item, by, filters in PAIRS:
        arguments = [kyodo, "sps", item, "--by", by]
        for where in filters:
            arguments += ["--where", where]
        theirs = pspp_figures(run(arguments))
        ours = kyodo_figures(kyodo, item, by, filters)
        counts = theirs.pop("counts")
        for name, printed in sorted(theirs.items()):
            compared += 1
            ok = name in ours and agrees(printed, ours[name])
            remark = ""
            if not ok and name == "fisher_two_sided" and len(counts) == 2:
                defect = pspp_fisher_two_sided(counts)
                if agrees(printed, defect):
                    ok = True
                    remark = (f" (PSPP adds impossible tables with negative cells: its own algorithm gives {defect:.6f};"
                              " stopping at the last possible table gives kyodo's value)")
            failures += 0 if ok else 1
            print(f"{'ok  ' if ok else 'FAIL'} {item} by {by} {' '.join(filters)}: {name} PSPP {printed} kyodo {ours.get(name)}{remark}")
        missing = set(ours) - set(theirs)
        for name in sorted(missing):
            print(f"note {item} by {by}: PSPP printed no {name}; kyodo {ours[name]}")
    print(f"{compared - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
