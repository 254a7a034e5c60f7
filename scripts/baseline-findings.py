#!/usr/bin/env python3
"""Crosstabs of the 2011 baseline that issue 20 names, computed from the migrations.

Applies Migrations/*.sql (every file, or those up to --upto) to an in-memory SQLite database,
reads each unit's latest wave-2011 answer set and prints the findings, the coherence rules of
Data/coherence-rules.json (how many sets each rule applies to and how many violate it) and the
report's associations.  Usage:  python3 scripts/baseline-findings.py [--upto 0004]
"""
import glob, json, os, sqlite3, statistics, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(upto=None):
    db = sqlite3.connect(":memory:")
    for path in sorted(glob.glob(os.path.join(ROOT, "Migrations", "*.sql"))):
        name = os.path.basename(path)
        if upto and name[:4] > upto:
            continue
        db.executescript(open(path, encoding="utf-8").read())
    rows = db.execute("""SELECT a.respondent_code, a.answers, r.population, r.size_class FROM answer_sets a
        JOIN respondents r ON r.code = a.respondent_code WHERE a.wave = 2011 AND a.version =
        (SELECT max(version) FROM answer_sets b WHERE b.respondent_code = a.respondent_code AND b.wave = 2011)""").fetchall()
    return [dict(code=c, a=json.loads(t), pop=p, size=s) for c, t, p, s in rows]


def sel(r, q):
    v = r["a"].get(q)
    return [] if v is None else (v if isinstance(v, list) else [v])


def holds(cond, a):
    if "question" in cond:
        v = a.get(cond["question"])
        if v is None:
            return False
        vs = v if isinstance(v, list) else [v]
        return any(str(x) in cond["in"] for x in vs)
    if "all" in cond:
        return all(holds(c, a) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, a) for c in cond["any"])
    if "not" in cond:
        return not holds(cond["not"], a)
    raise ValueError(cond)


def pct(k, n):
    return f"{k}/{n} = {100 * k / n:.0f} %" if n else f"{k}/0"


def spearman(xs, ys):
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(v):
            j = i
            while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2
            i = j + 1
        return r
    if len(xs) < 3:
        return None
    return statistics.correlation(ranks(xs), ranks(ys))


def main():
    upto = sys.argv[sys.argv.index("--upto") + 1] if "--upto" in sys.argv else None
    sets = load(upto)
    users = [r for r in sets if sel(r, "uses_social_media") == ["yes"]]
    high = [r for r in users if sel(r, "goal_attainment")[0] in ("very_large", "fairly_large")]
    low = [r for r in users if sel(r, "goal_attainment")[0] in ("small", "very_small")]
    page = lambda r: sel(r, "has_official_facebook_page") == ["yes"]
    print(f"== {len(sets)} answer sets of 2011 (migrations up to {upto or 'the last'})")
    print("1. official page: high", pct(sum(map(page, high)), len(high)), "| low", pct(sum(map(page, low)), len(low)))
    nopage = [r for r in users if not page(r)]
    print("   users without a page who are high achievers:", pct(sum(r in high for r in nopage), len(nopage)))
    for label, opts in (("strong (top two boxes)", ["very_large", "fairly_large"]), ("any (all but 'svært liten grad')", ["very_large", "fairly_large", "small"])):
        m = lambda r: any(x in opts for x in sel(r, "facebook_marketing"))
        hp, lp = [r for r in high if page(r)], [r for r in low if page(r)]
        print(f"   marketed, {label}: high {pct(sum(map(m, hp)), len(hp))}, low {pct(sum(map(m, lp)), len(lp))}")
    non = [r for r in sets if sel(r, "uses_social_media") == ["no"]]
    awaiting = [r for r in non if "awaiting_strategy" in sel(r, "reasons_not_using")]
    print("2. awaiting a strategy process but strategy plans 'dont_know':", sum(sel(r, "strategy_plans") == ["dont_know"] for r in awaiting), "of", len(awaiting))
    print("   no plans for social media in 2011 but plan an official page in 2011:",
          sum(sel(r, "plans_social_media_2011") == ["no"] and sel(r, "plans_official_page") == ["yes"] for r in non))
    print("   'see no need' but plan to start in 2011:",
          sum("no_need" in sel(r, "reasons_not_using") and sel(r, "plans_social_media_2011") == ["yes"] for r in non))
    strat = [r for r in users if sel(r, "has_strategy") == ["yes"]]
    nostrat = [r for r in users if sel(r, "has_strategy") == ["no"]]
    unclear = lambda r: sel(r, "overall_responsibility") == ["unclear"]
    adm = [r for r in strat if sel(r, "strategy_adoption") == ["administrative"]]
    adopted = [r for r in strat if sel(r, "strategy_adoption")[0] in ("administrative", "political")]
    print("3. responsibility 'uavklart': with strategy", pct(sum(map(unclear, strat)), len(strat)), "| without", pct(sum(map(unclear, nostrat)), len(nostrat)),
          "| administratively adopted", sum(map(unclear, adm)), "of", len(adm), "| adopted", sum(map(unclear, adopted)), "of", len(adopted))
    factors = ["clear_roles", "management_anchoring", "competence", "dedicated_resources", "relevant_content", "strategy",
               "enthusiasts", "guidelines", "broad_involvement", "marketing"]
    cols = [[r["a"]["importance_" + f] for r in users] for f in factors]
    corrs = [statistics.correlation(cols[i], cols[j]) for i in range(10) for j in range(i + 1, 10)]
    values = sorted({v for c in cols for v in c})
    means = {f: statistics.mean(c) for f, c in zip(factors, cols)}
    print(f"4. Fig. 26: mean inter-item correlation {statistics.mean(corrs):.2f} (min {min(corrs):.2f}, max {max(corrs):.2f});",
          f"{len(values)} distinct values {values if len(values) < 8 else str(values[:3]) + '…' + str(values[-3:])}")
    print("   means:", ", ".join(f"{f} {m:.1f}" for f, m in sorted(means.items(), key=lambda x: -x[1])))
    hm = statistics.mean(r["a"]["importance_clear_roles"] for r in high)
    lm = statistics.mean(r["a"]["importance_clear_roles"] for r in low)
    print(f"   clear roles: high achievers {hm:.1f}, low {lm:.1f}")
    pages = [r for r in sets if page(r)]
    strong = lambda r: sel(r, "facebook_marketing")[0] in ("very_large", "fairly_large")
    rhos = []
    for size in ("small", "medium", "large", "county"):
        for mk in (True, False):
            cell = [r for r in pages if r["size"] == size and strong(r) == mk]
            rho = spearman([r["pop"] for r in cell], [r["a"]["facebook_fans"] for r in cell])
            if rho is not None:
                rhos.append((size, "marketed" if mk else "little", len(cell), rho))
    print("5. fans, Spearman(population, fans) per size × marketing cell:", ", ".join(f"{s}/{m} n={n} {rho:.2f}" for s, m, n, rho in rhos))
    allrho = spearman([r["pop"] for r in pages], [r["a"]["facebook_fans"] for r in pages])
    fans = [r["a"]["facebook_fans"] for r in pages]
    print(f"   overall Spearman {allrho:.2f}; mean {statistics.mean(fans):.1f}, median {statistics.median(fans)}, min {min(fans)}, max {max(fans)}")
    for size in ("small", "medium", "large", "county"):
        cell = [r for r in pages if r["size"] == size]
        mk = [r["a"]["facebook_fans"] for r in cell if strong(r)]
        lt = [r["a"]["facebook_fans"] for r in cell if not strong(r)]
        print(f"   {size}: marketed mean {statistics.mean(mk):.1f} / little {statistics.mean(lt):.1f} = +{100 * (statistics.mean(mk) / statistics.mean(lt) - 1):.1f} %,"
              f" median {statistics.median([r['a']['facebook_fans'] for r in cell])}")
    county = [r for r in users if r["size"] == "county"]
    print("6. county users on Twitter:", sum("twitter" in sel(r, "channels") for r in county), "of", len(county),
          "| name it best:", sum(sel(r, "best_channel") == ["twitter"] for r in county))
    ded = [r for r in users if sel(r, "dedicated_staff") == ["yes"]]
    print("   dedicated staff but social media in nobody's job description:", sum(sel(r, "job_descriptions") == ["no"] for r in ded), "of", len(ded))
    tiny = [r for r in users if r["pop"] < 2000]
    print("   information unit publishes, users under 2 000 inhabitants:", pct(sum("information_unit" in sel(r, "publishers") for r in tiny), len(tiny)))
    for size in ("small", "medium", "large", "county"):
        cell = [r for r in users if r["size"] == size]
        print(f"     {size}: {pct(sum('information_unit' in sel(r, 'publishers') for r in cell), len(cell))}", end="")
    print()
    rules_path = os.path.join(ROOT, "Data", "coherence-rules.json")
    if os.path.exists(rules_path):
        rules = json.load(open(rules_path, encoding="utf-8"))["rules"]
        broken = 0
        print(f"7. coherence rules ({len(rules)}), over {len(sets)} sets:")
        for rule in rules:
            applies = [r for r in sets if holds(rule["if"], r["a"])]
            bad = [r["code"] for r in applies if not holds(rule["then"], r["a"])]
            broken += bool(bad)
            print(f"   {'ok  ' if not bad else 'FAIL'} {rule['id']}: applies to {len(applies)}, violated by {len(bad)}")
        print(f"   {len(rules) - broken} of {len(rules)} rules hold in every set")
    assoc_path = os.path.join(ROOT, "Data", "report-associations.json")
    if os.path.exists(assoc_path):
        print("8. the report's associations (statement | line | value in the data | direction holds)")
        for x in json.load(open(assoc_path, encoding="utf-8"))["associations"]:
            if x.get("groups"):
                groups = [(g["label"], [r for r in sets if holds(g["among"], r["a"])]) for g in x["groups"]]
            else:
                groups = [(k, [r for r in sets if r["size"] == k and (not x.get("among") or holds(x["among"], r["a"]))]) for k in x["size"]["keys"]]
            values = []
            for label, members in groups:
                if x.get("share_of"):
                    k = sum(holds(x["share_of"], r["a"]) for r in members)
                    values.append((label, 100 * k / len(members), f"{100 * k / len(members):.0f} % ({k}/{len(members)})"))
                else:
                    q = x.get("mean_of") or x.get("count_of")
                    nums = [(r["a"][q] if x.get("mean_of") else len(sel(r, q))) for r in members if q in r["a"]]
                    m = statistics.mean(nums)
                    values.append((label, m, f"{m:.1f}" if x.get("count_of") or m < 200 else f"{m:.0f}"))
            pairs = list(zip(values, values[1:]))
            ok = all((a[1] < b[1]) if x["order"] == "increasing" else (a[1] > b[1]) for a, b in pairs)
            printed = f" (printed {'/'.join('–' if v is None else str(v) for v in x['printed'])})" if x.get("printed") else ""
            print(f"   {x['statement']} | {x['line'] or '–'} | {'; '.join(f'{l} {t}' for l, _, t in values)}{printed} | {'yes' if ok else 'NO'}")


if __name__ == "__main__":
    main()
