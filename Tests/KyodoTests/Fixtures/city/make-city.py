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
item\ta.2\t２\t形態\tmultiple\t２形態
option\ta.2\t1\t共催
option\ta.2\t2\t委託
option\ta.2\t3\t補助
option\ta.2\t4\tその他\tother
item\ta.3\t３\t類型\tsingle\t３類型
option\ta.3\t1\t市主体
option\ta.3\t2\t協働
option\ta.3\t3\t民間主体
nonanswer\t記入なし
nonanswer\t特になし
"""
open(os.path.join(here, "codebook.tsv"), "w", encoding="utf-8").write(codebook)

# 総括票: one row per unit, the 局・区 and 部 merged (blank below the first of a group).
answers = {}
lines = ["局・区\t部\t課\t問１（実施状況）"]
previous = (None, None)
for index, (ward, dept, section) in enumerate(units):
    answer = rng.choice([1, 1, 2, 3, None])
    answers[(ward, dept, section)] = answer
    written = {None: rng.choice(["", "記入なし", "\u200b"]), 1: rng.choice(["①実施", "1", "１", "1.実施"]),
               2: rng.choice(["②", "(2)未実施", "２"]), 3: "③その他（検討中）"}[answer]
    w = ward if ward != previous[0] else ""
    d = dept if (ward, dept) != previous else ""
    lines.append(f"{w}\t{d}\t{section}\t{written}")
    previous = (ward, dept)
open(os.path.join(here, "overall.tsv"), "wb").write(b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))

# 事業票: 120 projects over the units, codes written every way offices write them.
circled = "①②③④"
fullwidth = "０１２３４５６７８９"
def code_text(code, label):
    return rng.choice([circled[code - 1] + label, str(code), fullwidth[code], f"{code}.{label}", f"({code}){label}"])
projects = []
rows = ["局・区\t部\t課\t係\t番号\t１事業名\t２形態\t３類型"]
previous = (None, None, None)
number = 0
for project in range(120):
    unit = units[rng.randrange(len(units))] if project >= len(units) else units[project]
    number += 1
    forms = sorted(rng.sample([1, 2, 3, 4], rng.choice([1, 1, 1, 2])))
    kind = rng.choice([1, 2, 2, 3, None])
    projects.append((unit, forms, kind))
    if len(forms) == 2 and rng.random() < 0.5:
        form_text = rng.choice(["、", "・", ","]).join(str(f) for f in forms)
    else:
        form_text = "\n".join(code_text(f, {1: "共催", 2: "委託", 3: "補助", 4: "その他"}[f]) for f in forms)
    kind_text = "" if kind is None else code_text(kind, {1: "市主体", 2: "協働", 3: "民間主体"}[kind])
    if kind is None and rng.random() < 0.5:
        kind_text = "\u3000"
    ward, dept, section = unit
    w = ward if ward != previous[0] else ""
    d = dept if (ward, dept) != previous[:2] else ""
    s = section if unit != previous else ""
    cells = [w, d, s, "", str(number), f"事業{number}", form_text, kind_text]
    rows.append("\t".join('"' + c + '"' if "\n" in c else c for c in cells))
    previous = unit
    if project == 60:
        rows.append("\t" * 7)  # a row of empty cells, as Excel leaves below formatted cells
open(os.path.join(here, "a.tsv"), "wb").write(("\r\n".join(rows) + "\r\n").encode("cp932"))

# The expected figures, counted from the chosen values.
out = []
out.append(f"units {len(units)}")
out.append(f"projects {len(projects)}")
for code in [1, 2, 3]:
    out.append(f"overall.1 {code} {sum(1 for a in answers.values() if a == code)}")
out.append(f"overall.1 NA {sum(1 for a in answers.values() if a is None)}")
for code in [1, 2, 3, 4]:
    out.append(f"a.2 {code} {sum(1 for _, f, _ in projects if code in f)}")
for code in [1, 2, 3]:
    out.append(f"a.3 {code} {sum(1 for _, _, k in projects if k == code)}")
out.append(f"a.3 NA {sum(1 for _, _, k in projects if k is None)}")
wards = []
for u in units:
    if u[0] not in wards:
        wards.append(u[0])
for ward in wards:
    out.append(f"a by ward {ward} {sum(1 for u, _, _ in projects if u[0] == ward)}")
for code in [1, 2, 3]:
    joined = sum(1 for u, _, k in projects if answers[u] == code)
    out.append(f"a by overall.1 {code} {joined}")
open(os.path.join(here, "expected.txt"), "w", encoding="utf-8").write("\n".join(out) + "\n")
