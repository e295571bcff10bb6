#!/usr/bin/env python3
"""Independent check of the roster vectors (see README.md): recomputes every
line of vectors.2017.ledger.csv and vectors.2008.ledger.csv from vectors.csv
with Python's decimal module and the rules as RULES.md states them (DUES-*).
It shares no code with the Go package. Run: python3 check_vectors.py"""
import csv, os, sys
from decimal import Decimal as D, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
ITEMS = {  # 规定 第一条, 问答52期, 2017通知 (三) and the 离退休 item
    2017: {"organ": "position_wage grade_wage work_allowance living_allowance",
           "organ_worker": "post_wage skill_wage work_allowance living_allowance",
           "public_institution": "post_wage scale_wage basic_performance work_allowance living_allowance",
           "enterprise": "basic_wage post_wage skill_wage post_allowance performance_pay regular_bonus",
           "pensioner": "basic_pension"},
    2008: {"organ": "position_wage grade_wage work_allowance living_allowance",
           "organ_worker": "post_wage skill_wage work_allowance living_allowance",
           "public_institution": "post_wage scale_wage basic_performance incentive_performance work_allowance living_allowance",
           "enterprise": "basic_wage post_wage skill_wage post_allowance performance_pay regular_bonus",
           "pensioner": "basic_pension pension_allowance"},
}
DEDUCT = {2017: "income_tax pension medical unemployment housing_fund annuity", 2008: "income_tax"}
WAGE = [(D(3000), D("0.005"), "DUES-WAGE-1"), (D(5000), D("0.01"), "DUES-WAGE-2"),
        (D(10000), D("0.015"), "DUES-WAGE-3"), (None, D("0.02"), "DUES-WAGE-4")]  # 规定 第二条
PENSION = [(D(5000), D("0.005"), "DUES-PENSION-1"), (None, D("0.01"), "DUES-PENSION-2")]  # 规定 第五条
FLAT = {"farmer": ("0.20", "DUES-FLAT-FARMER"), "student": ("0.20", "DUES-FLAT-020"),
        "unemployed": ("0.20", "DUES-FLAT-020"), "low_income": ("0.20", "DUES-FLAT-020")}  # 规定 第六条


def fen(x):
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def rate_text(r):
    return format(r.normalize(), "f")


def line(year, c):
    month = "2024-06" if year == 2017 else "2016-06"
    flags = dict(capped=False, lump=False, reduced=False, notyet=False)
    vol = D(c["voluntary"] or 0)
    flags["lump"] = vol >= 1000  # 规定 第十一条
    if c["probationary_since"] and c["probationary_since"][:7] > month:  # 规定 第八条
        amt, rule, base, rate = D(0), "DUES-PROBATIONARY", "", ""
        flags["notyet"] = True
    elif c["category"] in FLAT:
        default, rule = FLAT[c["category"]]
        amt, base, rate = D(c["flat_amount"] or default), "", ""
    else:
        if c["months"]:  # 规定 第四条: the exact average
            ms = [D(x) for x in c["months"].replace(";", "|").split("|")]
            avg = sum(ms) / len(ms)
        elif c["employer"]:
            inc = sum(D(c[k] or 0) for k in ITEMS[year][c["employer"]].split() if k in c)
            avg = max(inc - sum(D(c[k] or 0) for k in DEDUCT[year].split()), D(0))
        else:
            avg = D(c["base"])
        for up, r, rule in (PENSION if c["category"] == "retired" else WAGE):
            if up is None or avg <= up:
                break
        amt, base, rate = fen(avg * r), str(fen(avg)), rate_text(r)
        if year == 2017 and amt > 1000:  # 2017通知 (一)
            amt, rule, flags["capped"] = D("1000.00"), "DUES-CAP-1000", True
    if c["reduction"] and D(c["reduction"]) < amt and not flags["notyet"]:  # 规定 第七条
        amt, rule, flags["reduced"] = D(c["reduction"]), "DUES-HARDSHIP", True
    b = lambda k: "true" if flags[k] else "false"
    return [c["id"], c["name"], c["category"], base, rate, str(fen(amt)), rule, str(fen(vol)),
            str(fen(amt + vol)), b("capped"), b("lump"), b("reduced"), b("notyet")]


def main():
    roster = list(csv.DictReader(open(os.path.join(HERE, "vectors.csv"), newline="")))
    bad = 0
    for year in (2017, 2008):
        want = list(csv.reader(open(os.path.join(HERE, "vectors.%d.ledger.csv" % year), newline="")))[1:]
        assert len(want) == len(roster)
        for c, w in zip(roster, want):
            got = line(year, c)
            if got != w:
                bad += 1
                print(year, "expected", w, "\n     oracle  ", got)
    print("%d lines checked, %d differ" % (2 * len(roster), bad))
    sys.exit(1 if bad else 0)


main()
