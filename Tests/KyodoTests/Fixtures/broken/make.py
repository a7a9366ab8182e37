#!/usr/bin/env python3
"""Writes the damaged exports of the broken corpus: one directory per kind of damage.

Each export is a copy of ../mini/a.tsv or ../mini/overall.tsv with one thing broken. The test
(BrokenCorpusTests) runs `kyodo check --data Tests/KyodoTests/Fixtures/mini --year 2025` with
`--file FORM=PATH` for each FORM.tsv in the directory and compares standard output with the
directory's expected.txt. Rerun this script after changing a case, then review expected.txt by hand.
"""
import os
import pathlib

here = pathlib.Path(__file__).parent
mini = here.parent / "mini"
A = (mini / "a.tsv").read_text(encoding="utf-8")
OVERALL = (mini / "overall.tsv").read_text(encoding="utf-8")
HEAD_A = "部\t課\t番号\t４形態\t６始期\t７市の予算\n"


def a_rows(*rows):
    return HEAD_A + "".join("\t".join(r) + "\n" for r in rows)


GOOD = ["市民部", "経済課", "1", "③委託", "①平成１２", "①７,４１５千円"]


def good(**changes):
    row = list(GOOD)
    names = ["dept", "sect", "num", "form", "year", "amount"]
    for key, value in changes.items():
        row[names.index(key)] = value
    return row


cases = {
    "01-ragged-short": {"a.tsv": a_rows(GOOD, good(num="2")[:5])},
    "02-ragged-long": {"a.tsv": a_rows(GOOD, good(num="2") + ["余分"])},
    "03-unclosed-quote": {"a.tsv": a_rows(GOOD, good(num="2", form='"③委託')) + "環境部\t環境政策課\t3\t①共催\t②不明\t②無し\n"},
    "04-quote-mid-field": {"a.tsv": a_rows(GOOD, good(num="2", sect='経済"課'))},
    "05-unknown-header-column": {"a.tsv": HEAD_A.replace("\n", "\t備考\n") + "\t".join(GOOD + ["メモ"]) + "\n"},
    "06-missing-column": {"a.tsv": "部\t課\t番号\t４形態\t６始期\n" + "\t".join(GOOD[:5]) + "\n"},
    "07-duplicate-column": {"a.tsv": HEAD_A.replace("\n", "\t４形態\n") + "\t".join(GOOD + ["①共催"]) + "\n"},
    "08-empty-file": {"a.tsv": ""},
    "09-header-only": {"a.tsv": HEAD_A},
    "10-bom-then-cp932": {"a.tsv": b"\xef\xbb\xbf" + a_rows(GOOD).encode("cp932")},
    "11-invalid-bytes": {"a.tsv": HEAD_A.encode() + b"\x82\xff\xff\n"},
    "12-utf16-lone-surrogate": {"a.tsv": b"\xff\xfe" + a_rows(GOOD).encode("utf-16-le") + b"\x00\xd8\x0a\x00"},
    "13-utf16-odd-length": {"a.tsv": b"\xff\xfe" + a_rows(GOOD).encode("utf-16-le") + b"\x41"},
    "14-utf16-without-bom": {"a.tsv": a_rows(GOOD).encode("utf-16-le")},
    "15-nul-byte": {"a.tsv": a_rows(GOOD, good(num="2")).replace("2\t③", "2\t\x00③")},
    "16-unknown-code": {"a.tsv": a_rows(GOOD, good(num="2", form="⑨企業"))},
    "17-label-contradicts-code": {"overall.tsv": OVERALL.replace("ニーズ\t①現在実施", "ニーズ\t①所掌なし")},
    "18-two-codes-in-single-choice": {"overall.tsv": OVERALL.replace("ニーズ\t①現在実施", 'ニーズ\t"①現在実施\n②現在＋将来"')},
    "19-amount-not-whole-yen": {"a.tsv": a_rows(GOOD, good(num="2", amount="①１．２３４５千円"))},
    "20-amount-in-unknown-unit": {"a.tsv": a_rows(GOOD, good(num="2", amount="①12ドル"))},
    "21-no-amount-code-with-amount": {"a.tsv": a_rows(GOOD, good(num="2", amount="②無し（１２０千円）"))},
    "22-year-before-meiji": {"a.tsv": a_rows(GOOD, good(num="2", year="①1850年"))},
    "23-year-in-the-future": {"a.tsv": a_rows(GOOD, good(num="2", year="①令和１２"))},
    "24-era-year-past-its-end": {"a.tsv": a_rows(GOOD, good(num="2", year="①平成３５"))},
    "25-unreadable-year": {"a.tsv": a_rows(GOOD, good(num="2", year="①ずっと前から"))},
    "26-duplicate-project-number": {"a.tsv": a_rows(GOOD, good(num="2"), good(num="１"))},
    "27-unit-missing-from-overall": {"a.tsv": a_rows(GOOD, good(num="2", dept="総務部", sect="職員課"))},
    "28-glyph-error-shi": {"overall.tsv": OVERALL.replace("多様化する市民ニーズ", "協働を实施する")},
    "29-glyph-error-sho": {"overall.tsv": OVERALL.replace("多様化する市民ニーズ", "参加者が尐ない")},
    "30-blank-department-on-first-row": {"a.tsv": a_rows(good(dept=""))},
    "31-blank-section-under-new-department": {"a.tsv": a_rows(GOOD, good(num="2", dept="環境部", sect=""))},
    "32-cr-only-line-ends": {"a.tsv": A.replace("\r\n", "\n").replace("\n", "\r")},
    "33-trailing-tab-on-rows": {"a.tsv": a_rows(GOOD + [""], good(num="2") + [""])},
    "34-code-missing-unknown-label": {"a.tsv": a_rows(GOOD, good(num="2", form="共同"))},
    "35-code-missing-known-label": {"a.tsv": a_rows(GOOD, good(num="2", form="委託"))},
    "36-single-choice-without-code": {"overall.tsv": OVERALL.replace("ニーズ\t①現在実施", "ニーズ\tたぶん")},
    "37-unclosed-quote-in-header": {"a.tsv": '部\t"課\t番号\n' + "\t".join(GOOD) + "\n"},
    "38-amount-code-without-amount": {"a.tsv": a_rows(GOOD, good(num="2", amount="①未定"))},
    "39-euc-jp": {"a.tsv": a_rows(good(form="委託", year="不明", amount="無し")).encode("euc_jp")},
    "40-latin-1": {"a.tsv": "Dept\tSect\nCafé\tnaïve\n".encode("latin-1")},
}

for name, files in cases.items():
    directory = here / name
    directory.mkdir(exist_ok=True)
    for file, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (directory / file).write_bytes(data)
