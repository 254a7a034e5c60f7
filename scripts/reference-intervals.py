#!/usr/bin/env python3
"""Reference intervals for BetaKomm's figures, computed with established packages.

    python3 -m pip install statsmodels==0.14.5        # brings scipy and numpy
    swift run betakomm serve --port 8099 --db /tmp/reference.sqlite &
    python3 scripts/reference-intervals.py --base http://127.0.0.1:8099 > Tests/Fixtures/reference-intervals.json

For every unsuppressed option of every panel and group of the report's 26 figures of 2011 (and
of Fig. 1, 5, 7 and 12 by size class and at levels 0.90 and 0.99) it takes the served counts
(count, base n, the group's units N on the map and how many answered, m) and recomputes the
interval independently of the Swift code:

* shares: statsmodels' `proportion_confint(method="wilson")` with the finite-population
  correction applied explicitly as an effective sample size (statsmodels has no FPC):
  domain units N_d = n * N / m, c = (N_d - n) / (N_d - 1), n' = n / c, x' = x / c
  (Cochran 1977, 3.2); a census (c = 0) is [p, p];
* means: scipy's `t.ppf(1 - alpha/2, n - 1) * s / sqrt(n) * sqrt(1 - m/N)` (Cochran, Theorem 2.2).
* weighted shares (`weights=size_class`, every choice figure's total): recomputed from the
  unweighted size-class groups alone (numpy): the post-stratified share sum_h N_h p_h n_h/m_h /
  sum_h N_h n_h/m_h (weights N_h/m_h over the base n_h of each class), Kish's effective n
  (sum w)^2 / sum w^2 and design effect n / n_eff, and the interval again with statsmodels'
  Wilson on n' = n_eff / c.

`Tests/BetaKommAPITests/ReferenceIntervalTests.swift` compares the API's numbers with this
fixture in CI (absolute tolerance 1e-9 on the share scale and on means; no Python needed there).
"""
import argparse
import json
import math
import sys
import urllib.request

import numpy
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import proportion_confint


def wilson_fpc(count, n, units, answered, level):
    alpha = 1 - level
    p = count / n
    if units > 0 and answered > 0:
        domain = n * units / answered
        c = (domain - n) / (domain - 1) if domain > 1 else 0.0
        c = max(0.0, min(1.0, c))
    else:
        c = 1.0
    if c == 0:
        return p, p
    low, high = proportion_confint(count / c, n / c, alpha=alpha, method="wilson")
    return float(low), float(high)


def t_fpc(mean, sd, n, units, answered, level):
    f = min(1.0, answered / units) if units > 0 else 0.0
    half = stats.t.ppf(1 - (1 - level) / 2, n - 1) * sd / math.sqrt(n) * math.sqrt(1 - f)
    return float(mean - half), float(mean + half)


def wilson_effective(share, n_eff, n, units, answered, level):
    domain = n * units / answered
    c = max(0.0, min(1.0, (domain - n) / (domain - 1))) if domain > 1 else 0.0
    if c == 0:
        return share, share
    n_prime = n_eff / c
    low, high = proportion_confint(share * n_prime, n_prime, alpha=1 - level, method="wilson")
    return float(low), float(high)


def weighted_cases_of(base, figure, level):
    target = f"/v1/figures/{figure}?by=size_class&weights=size_class&level={level}"
    document = fetch(base, target)["figure"]
    for panel_index, panel in enumerate(document["panels"]):
        total = panel["total"]
        if total["summary"] is not None or total["suppressed"] or not total["base_n"]:
            continue
        groups = [g for g in panel["groups"] if g["base_n"]]
        if any(g["suppressed"] for g in groups):
            continue
        n_h = numpy.array([g["base_n"] for g in groups], dtype=float)
        w_h = numpy.array([g["population"]["units"] / g["population"]["answered"] for g in groups])
        n_eff = (n_h @ w_h) ** 2 / (n_h @ (w_h * w_h))
        n = int(n_h.sum())
        units, answered = total["population"]["units"], total["population"]["answered"]
        for index, option in enumerate(total["options"]):
            counts = numpy.array([g["options"][index]["count"] for g in groups], dtype=float)
            share = float((counts @ w_h) / (n_h @ w_h))
            low, high = wilson_effective(share, n_eff, n, units, answered, level)
            yield {"target": target, "panel": panel_index, "group": "all", "n": n, "units": units, "answered": answered,
                   "level": level, "statistic": "weighted_share", "option": option["code"], "weighted_share": share,
                   "effective_n": float(n_eff), "design_effect": float(n / n_eff), "ci_low": low, "ci_high": high}


def fetch(base, target):
    with urllib.request.urlopen(base + target) as response:
        return json.load(response)


def cases_of(base, figure, query, level):
    target = f"/v1/figures/{figure}?level={level}" + (f"&{query}" if query else "")
    document = fetch(base, target)["figure"]
    for panel_index, panel in enumerate(document["panels"]):
        for group in [panel["total"]] + panel["groups"]:
            if group["suppressed"] or not group["base_n"]:
                continue
            units, answered = group["population"]["units"], group["population"]["answered"]
            common = {"target": target, "panel": panel_index, "group": group["key"], "n": group["base_n"],
                      "units": units, "answered": answered, "level": level}
            if group["summary"] is not None:
                s = group["summary"]
                if s["n"] < 2:
                    continue
                low, high = t_fpc(s["mean"], s["standard_deviation"], s["n"], units, answered, level)
                yield {**common, "statistic": "mean", "n": s["n"], "mean": s["mean"], "sd": s["standard_deviation"],
                       "ci_low": low, "ci_high": high}
            for option in group["options"]:
                low, high = wilson_fpc(option["count"], group["base_n"], units, answered, level)
                yield {**common, "statistic": "share", "option": option["code"], "count": option["count"],
                       "ci_low": low, "ci_high": high}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    arguments = parser.parse_args()
    requests = [(figure, "", 0.95) for figure in range(1, 27)]
    for figure in (1, 5, 7, 12):
        requests += [(figure, "by=size_class", 0.95), (figure, "", 0.90), (figure, "", 0.99)]
    cases = [case for figure, query, level in requests for case in cases_of(arguments.base, figure, query, level)]
    cases += [case for figure in range(1, 27) for case in weighted_cases_of(arguments.base, figure, 0.95)]
    json.dump({
        "generated_by": "scripts/reference-intervals.py",
        "packages": {"statsmodels": statsmodels.__version__, "scipy": scipy.__version__, "numpy": numpy.__version__},
        "method": "Wilson score (statsmodels proportion_confint, method='wilson') on n' = n (N_d - 1)/(N_d - n), "
                  "N_d = n N / m; means: scipy t.ppf with sqrt(1 - m/N); weighted_share: post-stratified by size class from the "
                  "unweighted size-class groups, Wilson on Kish's effective n / c",
        "tolerance": 1e-9,
        "cases": cases,
    }, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
