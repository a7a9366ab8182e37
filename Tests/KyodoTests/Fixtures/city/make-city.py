#!/usr/bin/env python3
"""Writes a designated city's survey (政令指定都市: 局・区 → 部 → 課 → 係) for CityTests: a codebook
with levels, 総括票 (overall.tsv, UTF-16LE as Excel's "Unicode テキスト") and 事業票 (a.tsv, CP932
as "テキスト (タブ区切り)"), every cell written as offices write it. The expected figures
(expected.txt) are counted here from the values the script chose, never from the written cells,
so they are independent of kyodo's reading."""
import os, random
here = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(2026)

# The organisation: 局 with 部 and 課; seven 区役所 with the same 部 and 課; a 会計室 without 部.
units = [("市民局", "市民協働部", c) for c in ["市民活動課", "協働推進課", "男女共同参画課"]]
units += [("市民局", "生活安全部", c) for c in ["防災課", "消費生活課"]]
units += [("環境局", "環境部", c) for c in ["環境政策課", "ごみ対策課", "緑化推進課"]]
units += [(w, "区民部", c) for w in ["北区役所", "南区役所", "東区役所", "西区役所", "中央区役所", "港区役所", "緑区役所"]
          for c in ["地域振興課", "福祉課", "区民課", "保険年金課"]]
units += [("会計室", "", "会計課")]
units += [("教育委員会事務局", "生涯学習部", c) for c in ["生涯学習課", "スポーツ振興課"]]
forms_of = {1: "実施", 2: "未実施", 3: "その他"}

codebook = """# A designated city's survey, written by make-city.py.
level\tward\t局・区
level\tdepartment\t部\toptional
level\tsection\t課\tanswers
level\tteam\t係
form\toverall\t総括票\toverall.tsv\tunit
item\toverall.ward\t局・区\t局・区\tward\t局・区\tfill-down,breakdown
item\toverall.department\t部\t部\tdepartment\t部\tfill-down
item\toverall.section\t課\t課\tsection\t課
item\toverall.1\t問１\t実施状況\tsingle\t問１（実施状況）
option\toverall.1\t1\t実施
option\toverall.1\t2\t未実施
option\toverall.1\t3\tその他\tother
form\ta\t事業票\ta.tsv\tproject
item\ta.ward\t局・区\t局・区\tward\t局・区\tfill-down,breakdown
item\ta.department\t部\t部\tdepartment\t部\tfill-down
item\ta.section\t課\t課\tsection\t課\tfill-down
item\ta.team\t係\t係\tteam\t係
item\ta.number\t番号\t番号\tidentifier\t番号
item\ta.1\t１\t事業名\ttext\t１事業名
item\ta.2\t２\t形態\tmultiple\t２形態\tbreakdown
option\ta.2\t1\t共催
option\ta.2\t2\t委託
option\ta.2\t3\t補助
option\ta.2\t4\tその他\tother
item\ta.3\t３\t類型\tsingle\t３類型
option\ta.3\t1\t市主体
option\ta.3\t2\t協働
option\ta.3\t3\t民間主体
item\ta.4\t４\t事業費\tamount\t４事業費（千円）
option\ta.4\t1\t金額\tfigure
option\ta.4\t2\t無し\tnone
option\ta.4\t3\t算定不能\tuncomputable
item\ta.5\t５\t開始年度\tyear\t５開始年度
option\ta.5\t1\t開始年\tfigure
option\ta.5\t2\t不明\tunknown
amount-unit\t千円\t1000
amount-unit\t万円\t10000
amount-unit\t円\t1
nonanswer\t記入なし
nonanswer\t特になし
"""
open(os.path.join(here, "codebook.tsv"), "w", encoding="utf-8").write(codebook)

# The figures added later (事業費, 開始年度, 係, the 課 without projects, the extra projects) are
# drawn from a second generator, so that the first one's choices, and the figures counted from
# them, stay as they were.
extra = random.Random(11)

# 総括票: one row per unit, the 局・区 and 部 merged (blank below the first of a group). 環境保全課
# answers the 総括票 but has no project.
roster = units[:8] + [("環境局", "環境部", "環境保全課")] + units[8:]
answers = {}
unanswered = []  # what the units that did not answer wrote: nothing, U+200B (blank too) or 記入なし
lines = ["局・区\t部\t課\t問１（実施状況）"]
previous = (None, None)
for index, (ward, dept, section) in enumerate(roster):
    source = rng if (ward, dept, section) in units else extra
    answer = source.choice([1, 1, 2, 3, None])
    answers[(ward, dept, section)] = answer
    written = {None: source.choice(["", "記入なし", "\u200b"]), 1: source.choice(["①実施", "1", "１", "1.実施"]),
               2: source.choice(["②", "(2)未実施", "２"]), 3: "③その他（検討中）"}[answer]
    if answer is None:
        unanswered.append(written)
    w = ward if ward != previous[0] else ""
    d = dept if (ward, dept) != previous else ""
    lines.append(f"{w}\t{d}\t{section}\t{written}")
    previous = (ward, dept)
open(os.path.join(here, "overall.tsv"), "wb").write(b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))

# ４事業費 (in 千円 by its header): every way an amount is written. Each form is (cell, what it
# is, 千円, approximate, warns); the first projects take them in turn, the others a plain amount
# or a code without one. `figure` amounts are counted; `no-figure` is code ① without an amount
# (①．千円 has no digits: never 0), which kyodo reads with a warning.
amount_forms = [
    ("①１２０千円", "figure", 120, False, False),
    ("1,180", "figure", 1180, False, False),
    ("①１，１８０", "figure", 1180, False, False),
    ("①百万円", "figure", 1000, False, False),
    ("①五十万円", "figure", 500, False, False),
    ("①一千二百万円", "figure", 12000, False, False),
    ("①１億円", "figure", 100000, False, False),
    ("①約５０万円", "figure", 500, True, False),
    ("①１，１８０千円程度", "figure", 1180, True, False),
    ("①概算１００千円", "figure", 100, True, False),
    ("①２００千円（見込み）", "figure", 200, True, False),
    ("①．千円", "no-figure", None, False, True),
    ("①未定", "no-figure", None, False, True),
    ("②無し", "none", None, False, False),
    ("③算定不能", "uncomputable", None, False, False),
    ("①０千円", "figure", 0, False, False),
    ("", "blank", None, False, False),
]
def random_amount():
    roll = extra.random()
    if roll < 0.1:
        return ("", "blank", None, False, False)
    if roll < 0.2:
        return ("②無し", "none", None, False, False)
    value = extra.choice([extra.randrange(10, 100), extra.randrange(100, 1000), extra.randrange(1000, 20000)])
    text = f"{value:,}".translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
    return (extra.choice(["①", "① ", "(1)"]) + text + "千円", "figure", value, False, False)

# ５開始年度: every way a start year is written, (cell, western year or None, what it is, warns).
year_forms = [
    ("①Ｈ２５", 2013, "figure", False),
    ("H25", 2013, "figure", False),
    ("Ｒ元", 2019, "figure", False),
    ("①Ｓ６０", 1985, "figure", False),
    ("①平成十二年", 2000, "figure", False),
    ("2015年度", 2015, "figure", False),
    ("①平成２０年度", 2008, "figure", False),
    ("①2099年（平成１７）", 2005, "figure", True),
    ("②不明", None, "unknown", False),
    ("", None, "blank", False),
    ("①昭和５０年", 1975, "figure", False),
    ("①令和３年度", 2021, "figure", False),
]
def random_year():
    roll = extra.random()
    if roll < 0.1:
        return ("", None, "blank", False)
    if roll < 0.15:
        return ("②不明", None, "unknown", False)
    year = extra.randrange(1980, 2024)
    if year >= 2019:
        era, number = "令和", year - 2018
    elif year >= 1989:
        era, number = "平成", year - 1988
    else:
        era, number = "昭和", year - 1925
    written = "元" if number == 1 else str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return (extra.choice([f"①{era}{written}年", f"①{era}{written}年度", f"{year}年"]), year, "figure", False)

# 係 under some 課: two in 環境政策課, two in the 福祉課 of 北区役所 and of 南区役所 (the same names).
teams_of = {("環境局", "環境部", "環境政策課"): ["環境企画係", "温暖化対策係"],
            ("北区役所", "区民部", "福祉課"): ["高齢福祉係", "障害福祉係"],
            ("南区役所", "区民部", "福祉課"): ["高齢福祉係", "障害福祉係"]}

# 事業票: 120 projects over the units, codes written every way offices write them.
circled = "①②③④"
fullwidth = "０１２３４５６７８９"
def code_text(code, label):
    return rng.choice([circled[code - 1] + label, str(code), fullwidth[code], f"{code}.{label}", f"({code}){label}"])
columns = "ABCDEFGHIJ"
projects = []
warnings = []  # (cell, what): the cells kyodo check must warn about, as a spreadsheet names them
rows = ["局・区\t部\t課\t係\t番号\t１事業名\t２形態\t３類型\t４事業費（千円）\t５開始年度"]
previous = (None, None, None)
number = 0
def write(unit, team, forms_text, kinds_text, amount, year):
    global previous
    ward, dept, section = unit
    w = ward if ward != previous[0] else ""
    d = dept if (ward, dept) != previous[:2] else ""
    s = section if unit != previous else ""
    cells = [w, d, s, team, str(number), f"事業{number}", forms_text, kinds_text, amount[0], year[0]]
    rows.append("\t".join('"' + c + '"' if "\n" in c else c for c in cells))
    if amount[4]:
        warnings.append((f"I{len(rows)}", "amount without a figure"))
    if year[3]:
        warnings.append((f"J{len(rows)}", "a Western year that contradicts its era"))
    previous = unit
for project in range(120):
    unit = units[rng.randrange(len(units))] if project >= len(units) else units[project]
    number += 1
    forms = sorted(rng.sample([1, 2, 3, 4], rng.choice([1, 1, 1, 2])))
    kind = rng.choice([1, 2, 2, 3, None])
    if len(forms) == 2 and rng.random() < 0.5:
        form_text = rng.choice(["、", "・", ","]).join(str(f) for f in forms)
    else:
        form_text = "\n".join(code_text(f, {1: "共催", 2: "委託", 3: "補助", 4: "その他"}[f]) for f in forms)
    kind_text = "" if kind is None else code_text(kind, {1: "市主体", 2: "協働", 3: "民間主体"}[kind])
    if kind is None and rng.random() < 0.5:
        kind_text = "\u3000"
    amount = amount_forms[project] if project < len(amount_forms) else random_amount()
    year = year_forms[project] if project < len(year_forms) else random_year()
    team = extra.choice(teams_of[unit] + [""]) if unit in teams_of else ""
    projects.append((unit, forms, [] if kind is None else [kind], amount, year, team))
    write(unit, team, form_text, kind_text, amount, year)
    if project == 60:
        rows.append("\t" * 9)  # a row of empty cells, as Excel leaves below formatted cells
        warnings.append((f"row {len(rows)}", "a row of empty cells"))

# Two more projects: one of a 課 the 総括票 does not list (水道課: joins no unit, 結合なし), one
# that gives two codes to the single-choice 類型 (counted under each).
for unit, kinds, kind_text in [(("環境局", "環境部", "水道課"), [2], "②協働"),
                               (("会計室", "", "会計課"), [1, 2], "①市主体\n②協働")]:
    number += 1
    amount, year = random_amount(), random_year()
    projects.append((unit, [1], kinds, amount, year, ""))
    write(unit, "", "①共催", kind_text, amount, year)
    warnings.append((f"row {len(rows)}", "a unit the 総括票 does not list") if unit not in answers
                    else (f"H{len(rows)}", "two codes in a single-choice item"))
open(os.path.join(here, "a.tsv"), "wb").write(("\r\n".join(rows) + "\r\n").encode("cp932"))

# The expected figures, counted from the chosen values.
out = []
out.append(f"units {len(roster)}")
out.append(f"projects {len(projects)}")
for code in [1, 2, 3]:
    out.append(f"overall.1 {code} {sum(1 for a in answers.values() if a == code)}")
out.append(f"overall.1 NA {sum(1 for a in answers.values() if a is None)}")
out.append(f"overall.1 NA blank {sum(1 for w in unanswered if w != '記入なし')}")
out.append(f"overall.1 NA written {sum(1 for w in unanswered if w == '記入なし')}")
for code in [1, 2, 3, 4]:
    out.append(f"a.2 {code} {sum(1 for p in projects if code in p[1])}")
for code in [1, 2, 3]:
    out.append(f"a.3 {code} {sum(1 for p in projects if code in p[2])}")
out.append(f"a.3 NA {sum(1 for p in projects if not p[2])}")
wards = []
for u in roster:
    if u[0] not in wards:
        wards.append(u[0])
for ward in wards:
    out.append(f"a by ward {ward} {sum(1 for p in projects if p[0][0] == ward)}")
for code in [1, 2, 3]:
    joined = sum(1 for p in projects if answers.get(p[0]) == code)
    out.append(f"a by overall.1 {code} {joined}")
out.append(f"a by overall.1 NA {sum(1 for p in projects if p[0] in answers and answers[p[0]] is None)}")
out.append(f"a by overall.1 unjoined {sum(1 for p in projects if p[0] not in answers)}")
# Per unit at each level, by its path (the names above it, then its own).
for depth, name in [(1, "部"), (2, "課")]:
    paths = []
    for u in roster + [p[0] for p in projects]:
        path = u[:depth + 1]
        if path not in paths and path[depth]:
            paths.append(path)
    for path in paths:
        count = sum(1 for p in projects if p[0][:depth + 1] == path)
        out.append(f"a by {name} {' '.join(n for n in path if n)} {count}")
        amount = sum(p[3][2] for p in projects if p[0][:depth + 1] == path and p[3][1] == "figure")
        out.append(f"a.4 sum by {name} {' '.join(n for n in path if n)} {amount}")
out.append(f"a by 部 NA {sum(1 for p in projects if not p[0][1])}")
# Each unit's answer to 問１ (1, 2, 3 or NA), which its projects join.
for unit in roster:
    out.append(f"answer {' '.join(n for n in unit if n)} {answers[unit] or 'NA'}")
teams = []
for p in projects:
    if p[5] and (p[0], p[5]) not in teams:
        teams.append((p[0], p[5]))
for unit, team in teams:
    out.append(f"a by 係 {' '.join(n for n in unit if n)} {team} {sum(1 for p in projects if (p[0], p[5]) == (unit, team))}")
out.append(f"a by 係 NA {sum(1 for p in projects if not p[5])}")
# ４事業費 in 千円: the figures given, their sum, the approximate ones, and the projects without one.
figures = [p[3] for p in projects if p[3][1] == "figure"]
out.append(f"a.4 given {len(figures)}")
out.append(f"a.4 sum {sum(f[2] for f in figures)}")
out.append(f"a.4 approximate {sum(1 for f in figures if f[3])}")
for what in ["none", "uncomputable", "no-figure", "blank"]:
    out.append(f"a.4 {what} {sum(1 for p in projects if p[3][1] == what)}")
for label, low, high in [("0", 0, 1), ("lt100", 1, 100), ("100-1000", 100, 1000),
                         ("1000-10000", 1000, 10000), ("ge10000", 10000, 10 ** 12)]:
    out.append(f"a.4:class {label} {sum(1 for f in figures if low <= f[2] < high)}")
for code in [1, 2, 3, 4]:
    out.append(f"a.4 sum by a.2 {code} {sum(f[2] for p in projects if code in p[1] for f in [p[3]] if f[1] == 'figure')}")
# ５開始年度: eras and decades of the years given, and 不明.
years = [p[4][1] for p in projects if p[4][2] == "figure"]
def era(year):
    return "令和" if year >= 2019 else "平成" if year >= 1989 else "昭和" if year >= 1926 else "大正"
out.append(f"a.5 given {len(years)}")
for name in ["昭和", "平成", "令和"]:
    out.append(f"a.5:era {name} {sum(1 for y in years if era(y) == name)}")
for decade in sorted({y // 10 * 10 for y in years}):
    out.append(f"a.5:decade {decade}s {sum(1 for y in years if y // 10 * 10 == decade)}")
out.append(f"a.5 unknown {sum(1 for p in projects if p[4][2] == 'unknown')}")
out.append(f"a.5 blank {sum(1 for p in projects if p[4][2] == 'blank')}")
# Per 局・区: projects and the 事業費 they gave (a summary's counts).
for ward in wards:
    mine = [p for p in projects if p[0][0] == ward]
    out.append(f"summary {ward} projects {len(mine)}")
    out.append(f"summary {ward} amount {sum(p[3][2] for p in mine if p[3][1] == 'figure')}")
out.append(f"check warnings {len(warnings)}")
open(os.path.join(here, "expected.txt"), "w", encoding="utf-8").write("\n".join(out) + "\n")
# The cells kyodo check must warn about, in file order.
open(os.path.join(here, "expected-warnings.txt"), "w", encoding="utf-8").write(
    "".join(f"{cell}\t{what}\n" for cell, what in warnings))
