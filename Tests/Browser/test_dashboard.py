"""The dashboard in Public/, loaded in headless Chromium against a real `betakomm serve`: every
number it shows must be the API's, every figure must draw, and nothing may come from elsewhere."""
import json
import math
import re
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.common.keys import Keys

import conftest
from conftest import full_page_screenshot, open_view, wait_for_view

FIGURES = range(1, 27)
BASELINE = "2011"
LATER = "2026"  # the wave the tests below create through the CLI, on the 2024 map with 2011's questionnaire
FEW_ANSWERS = 30  # below this many answers the dashboard calls a later wave's numbers uncertain
# Numbers the report prints in bold (seed report, "Hovedresultat" and chapters): the 2011 data
# are calibrated to them, so the overview must show exactly these for wave 2011.
REPORT_HEADLINES = {
    "uses_social_media": 58, "has_strategy": 17, "enthusiasts": 65, "channels": 96,
    "has_official_facebook_page": 39, "facebook_pages": 65, "staff_trained": 34, "has_guidelines": 21,
    "best_channel": 79, "facebook_fans": 506, "goal_attainment": 57, "dedicated_staff": 94,
}


def digits(text):
    """The integer in a displayed number such as '58 %' or '173 486' (Norwegian digit grouping)."""
    return int(re.sub(r"[^0-9]", "", text))


def expected_headline(document, codes):
    """A headline number from a statistic's total: a mean, one answer's percent, or the rounded share of several."""
    total = document["total"]
    if codes == ["mean"]:
        return round(total["summary"]["mean"])
    options = [option for option in total["options"] if option["code"] in codes]
    if len(options) == 1:
        return options[0]["percent"]
    return round(100 * sum(option["count"] for option in options) / total["base_n"])


def api_cells(figure):
    """(value, suppressed) for every cell the figure's chart shows, straight from the API document."""
    cells = []
    for panel in figure["panels"]:
        groups = [panel["total"]] + (panel["groups"] if figure["by"] else [])
        for group in groups:
            if figure["statistic"] == "mean":
                value = group["summary"]["mean"] if group["summary"] else None
                cells.append((value, group["suppressed"]))
            elif figure["statistic"] == "percent_yes":
                # A group without respondents has no share (the API says 0 % of 0): no bar, "–".
                yes = [option["percent"] for option in group["options"] if option["code"] == "yes" and group["base_n"] != 0]
                cells.append((yes[0] if yes else None, group["suppressed"]))
            else:
                codes = []
                for other in groups:
                    codes += [option["code"] for option in other["options"] if option["code"] not in codes]
                by_code = {option["code"]: option["percent"] for option in group["options"] if group["base_n"] != 0}
                cells += [(by_code.get(code), group["suppressed"]) for code in codes]
    return cells


def shown_cells(panel):
    """(value, suppressed) of every data-table cell of one wave panel, read from the DOM."""
    cells = []
    for td in panel.find_elements(By.CSS_SELECTOR, "table td"):
        raw = td.get_attribute("data-value")
        cells.append((float(raw) if raw else None, "suppressed" in (td.get_attribute("class") or "")))
    return cells


def same_values(shown, expected):
    def key(cell):
        return (cell[1], -math.inf if cell[0] is None else cell[0])
    return len(shown) == len(expected) and all(
        a[1] == b[1] and (a[0] is None) == (b[0] is None) and (a[0] is None or math.isclose(a[0], b[0], abs_tol=1e-9))
        for a, b in zip(sorted(shown, key=key), sorted(expected, key=key)))


def offered_waves(api):
    """The waves the dashboard should offer, from `/v1/waves`: 2011 and every later wave that is not a draft (never wave 1)."""
    return [str(wave["id"]) for wave in sorted(api("/v1/waves")["waves"], key=lambda wave: wave["id"])
            if wave["id"] != 1 and wave["status"] != "draft"]


def check_overview(main, api):
    """The overview's numbers: each headline for 2011 (the report's) and for each later wave, as `/v1/statistics` gives them."""
    waves = offered_waves(api)
    later = [wave for wave in waves if wave != BASELINE]
    cards = main.find_elements(By.CSS_SELECTOR, ".headline")
    assert {card.get_attribute("data-question") for card in cards} == set(REPORT_HEADLINES)
    for card in cards:
        question = card.get_attribute("data-question")
        codes = card.get_attribute("data-codes").split(",")
        then = expected_headline(api(f"/v1/statistics/{question}?wave=2011"), codes)
        assert digits(card.find_element(By.CSS_SELECTOR, ".headline-number").text) == then, question
        assert then == REPORT_HEADLINES[question], f"{question}: API gives {then}, the report prints {REPORT_HEADLINES[question]}"
        shown = card.find_elements(By.CSS_SELECTOR, ".later")
        assert [span.get_attribute("data-wave") for span in shown] == later, "one number per later wave, none for a draft"
        for span, wave in zip(shown, later):
            document = api(f"/v1/statistics/{question}?wave={wave}")
            if document["total"]["suppressed"]:
                assert span.text == f"{wave}: skjult – for få svar.", question
                continue
            now = expected_headline(document, codes)
            assert re.match(rf"{wave}: ([0-9\s\u00a0\u202f]+)", span.text), span.text
            assert digits(span.text.split("(")[0].split(":")[1]) == now, question
            n = document["total"]["base_n"]
            assert f"(n = {n}, usikkert)" in span.text if n < FEW_ANSWERS else f"(n = {n})" in span.text
            assert ("changed" in span.get_attribute("class")) == (n >= FEW_ANSWERS and now != then), "few answers mark no change"
    rows = main.find_elements(By.CSS_SELECTOR, ".wave-list li")
    assert [row.get_attribute("data-wave") for row in rows] == waves
    listed = {str(wave["id"]): wave for wave in api("/v1/waves")["waves"]}
    for row in rows:
        wave = listed[row.get_attribute("data-wave")]
        assert (int(row.get_attribute("data-answered")), int(row.get_attribute("data-units"))) == (wave["answered"], wave["units"])
        assert f"({wave['response_rate_percent']} %)" in row.text


def test_overview_shows_the_api_numbers(driver, base_url, api, artifacts):
    main = open_view(driver, base_url, "oversikt")
    check_overview(main, api)
    # Fig. 7's 58 % as the figures endpoint gives it, not only the statistics endpoint.
    figure7 = api("/v1/figures/7?wave=2011")["figure"]["panels"][0]["total"]["options"]
    uses = main.find_element(By.CSS_SELECTOR, '.headline[data-question="uses_social_media"] .headline-number')
    assert digits(uses.text) == next(option["percent"] for option in figure7 if option["code"] == "yes")
    listed = main.find_elements(By.CSS_SELECTOR, ".figure-list a")
    assert [link.text for link in listed] == [f"Fig. {f['number']}: {f['caption_nb']}" for f in api("/v1/figures")["figures"]]
    full_page_screenshot(driver, artifacts / "overview.png", 1280)


@pytest.mark.parametrize("number", FIGURES)
def test_every_figure_draws_the_api_numbers(driver, base_url, api, number):
    main = open_view(driver, base_url, f"figur/{number}?wave=2011")
    figure = api(f"/v1/figures/{number}?wave=2011")["figure"]
    assert main.find_element(By.TAG_NAME, "h1").text == f"Fig. {number}: {figure['caption_nb']}"
    panel = main.find_element(By.CSS_SELECTOR, '.wave-panel[data-wave="2011"]')
    assert panel.find_element(By.CSS_SELECTOR, ".base").text.startswith(f"Base: {figure['base_text_nb']}")
    assert int(panel.find_element(By.CSS_SELECTOR, ".n").get_attribute("data-n")) == figure["n"]
    charts = panel.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) >= 1
    bars = panel.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar")
    drawn = [float(bar.get_attribute("data-value")) for bar in bars]
    expected = api_cells(figure)
    assert sorted(drawn) == pytest.approx(sorted(value for value, _ in expected if value is not None))
    assert same_values(shown_cells(panel), expected)
    suppressed = panel.find_elements(By.CSS_SELECTOR, "svg.chart text.suppressed")
    assert len(suppressed) == sum(1 for _, hidden in expected if hidden)
    assert all(text.text == "skjult – for få svar" for text in suppressed)


def test_each_bar_has_the_apis_confidence_interval_as_a_whisker(driver, base_url, api):
    """Fig. 5 (n = 23): every drawn percentage carries its 95 % interval from ci_low/ci_high."""
    main = open_view(driver, base_url, "figur/5?wave=2011")
    figure = api("/v1/figures/5?wave=2011")["figure"]
    panel = main.find_element(By.CSS_SELECTOR, '.wave-panel[data-wave="2011"]')
    whiskers = panel.find_elements(By.CSS_SELECTOR, "svg.chart path.ci")
    options = figure["panels"][0]["total"]["options"]
    assert len(whiskers) == len(options)
    drawn = sorted((float(w.get_attribute("data-low")), float(w.get_attribute("data-high"))) for w in whiskers)
    expected = sorted((o["ci_low"] * 100, o["ci_high"] * 100) for o in options)
    assert drawn == [pytest.approx(pair) for pair in expected]


def test_the_wave_switch_lists_the_waves_of_the_api(driver, base_url, api):
    """Before any later wave is opened the switch offers 2011 alone; `wave=current`, gone from the API, shows 2011."""
    main = open_view(driver, base_url, "figur/7?wave=2011")
    values = [radio.get_attribute("value") for radio in main.find_elements(By.CSS_SELECTOR, 'input[name="wave"]')]
    later = [wave for wave in offered_waves(api) if wave != BASELINE]
    assert values == [BASELINE] + later + [f"compare-{wave}" for wave in later]
    assert main.find_element(By.CSS_SELECTOR, 'input[name="wave"][value="2011"]').is_selected()
    driver.get(f"{base_url}/#/figur/7?wave=current")  # an old link
    main = wait_for_view(driver, "figur/7?wave=2011")
    assert main.find_element(By.CSS_SELECTOR, '.wave-panel[data-wave="2011"]')


def test_search_uses_the_servers_name_search(driver, base_url, api):
    """Typed as people type: no ø, and a number prefix; the list is the API's `?q=` answer, both maps, each row with its map."""
    main = open_view(driver, base_url, "kommune")
    search = main.find_element(By.ID, "respondent-search")
    search.send_keys("tromso")
    expected = api("/v1/respondents?q=tromso&sort=name&limit=21")["respondents"]
    assert sorted((row["name"], row["map"]) for row in expected) == [("Tromsø", 2011), ("Tromsø", 2024)]
    texts = [f"Tromsø ({row['code']}) – {row['county_name']} · {row['map']}-kartet" for row in expected]
    WebDriverWait(driver, 10).until(lambda d: [a.text for a in d.find_elements(By.CSS_SELECTOR, ".search-results a")] == texts)
    hrefs = [a.get_attribute("href").split("#", 1)[1] for a in main.find_elements(By.CSS_SELECTOR, ".search-results a")]
    assert hrefs == [f"/kommune/{row['code']}?map={row['map']}" for row in expected]
    search.clear()
    search.send_keys("16")
    status = WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, ".search-status").text.startswith("Mer enn 20") and d.find_element(By.CSS_SELECTOR, ".search-status"))
    links = main.find_elements(By.CSS_SELECTOR, ".search-results a")
    assert len(links) == 20
    shown = api("/v1/respondents?q=16&sort=name&limit=21")["respondents"][:20]
    assert [link.text.split(" (")[0] for link in links] == [row["name"] for row in shown]
    assert status.text


def test_a_figure_for_all_units_can_be_broken_down_by_size(driver, base_url, api, artifacts):
    main = open_view(driver, base_url, "figur/12?wave=2011")
    switch = main.find_element(By.ID, "by-size-class")
    assert not switch.is_selected()
    switch.send_keys(Keys.SPACE)
    main = wait_for_view(driver, "figur/12?wave=2011&by=size_class")
    figure = api("/v1/figures/12?wave=2011&by=size_class")["figure"]
    assert figure["by"] == "size_class"
    panel = main.find_element(By.CSS_SELECTOR, '.wave-panel[data-wave="2011"]')
    assert same_values(shown_cells(panel), api_cells(figure))
    assert any(item.text.startswith("Små kommuner") for item in panel.find_elements(By.CSS_SELECTOR, ".legend li"))
    links = [a.get_attribute("href") for a in panel.find_elements(By.CSS_SELECTOR, ".downloads a")]
    assert links and all("by=size_class" in link for link in links)
    assert driver.switch_to.active_element.get_attribute("id") == "by-size-class", "focus stays on the switch"
    full_page_screenshot(driver, artifacts / "figure-12-by-size.png", 1280)
    # Fig. 7, which the report already breaks down, has no switch (the wave switch keeping it: see the then-vs-now tests).
    main = open_view(driver, base_url, "figur/7?wave=2011")
    assert not main.find_elements(By.ID, "by-size-class")


def test_a_sami_name_finds_the_unit_and_is_shown_beside_its_name(driver, base_url, api):
    main = open_view(driver, base_url, "kommune")
    search = main.find_element(By.ID, "respondent-search")
    search.clear()  # the view may be the one an earlier test typed into
    search.send_keys("karasjohka")
    rows = api("/v1/respondents?q=karasjohka&sort=name&limit=21")["respondents"]
    karasjok = next(row for row in rows if row["code"] == "2021")
    assert (karasjok["name"], karasjok["parallel_names"], karasjok["map"]) == ("Karasjok", ["Kárášjohka"], 2011)
    link = WebDriverWait(driver, 10).until(lambda d: next(
        (a for a in d.find_elements(By.CSS_SELECTOR, ".search-results a") if a.text.startswith("Karasjok / Kárášjohka (2021)")), None))
    assert len(driver.find_elements(By.CSS_SELECTOR, ".search-results a")) == len(rows)  # today's Kárásjohka - Karasjok (5610) too
    link.send_keys(Keys.ENTER)
    main = wait_for_view(driver, "kommune/2021?map=2011")
    assert main.find_element(By.TAG_NAME, "h1").text == "Karasjok"
    assert "Parallellnavn\nKárášjohka" in main.find_element(By.CSS_SELECTOR, ".facts").text


def scored_waves(api, map_):
    """The offered waves that asked units of this map: a unit has a score only among its own map's units."""
    return [str(wave["id"]) for wave in sorted(api("/v1/waves")["waves"], key=lambda wave: wave["id"])
            if wave["id"] != 1 and wave["status"] != "draft" and wave["map"] == map_]


def check_scores(main, base_url, api, code, map_, token=None):
    """Each scored wave's section: without a token (and no wave published at unit level) a private
    notice and no number (2011's says its answers are synthetic); with one, the API's score as that token reads it."""
    waves = scored_waves(api, map_)
    assert [section.get_attribute("data-wave") for section in main.find_elements(By.CSS_SELECTOR, ".score")] == waves
    for wave in waves:
        section = main.find_element(By.CSS_SELECTOR, f'.score[data-wave="{wave}"]')
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        status, _, document = fetch(f"{base_url}/v1/respondents/{code}/score?wave={wave}", headers)
        if status in (401, 403):
            assert "score-private" in section.get_attribute("class")
            assert not section.find_elements(By.CSS_SELECTOR, "[data-percent], .criteria, .rank")
            assert "private" in section.text
            assert ("syntetiske" in section.text) == (wave == BASELINE)
            continue
        if status == 404:
            assert "Ingen svar i denne bølgen" in section.text
            continue
        score = json.loads(document)["score"]
        assert digits(section.find_element(By.CSS_SELECTOR, "[data-percent]").text) == score["percent"]
        detail = section.find_element(By.CSS_SELECTOR, ".score-detail")
        assert (int(detail.get_attribute("data-met")), int(detail.get_attribute("data-applicable"))) == (score["met_count"], score["applicable_count"])
        rank = section.find_element(By.CSS_SELECTOR, ".rank")
        assert f"Plass {score['rank']} av {score['peers']}" in rank.text
        met = [item.get_attribute("data-criterion") for item in section.find_elements(By.CSS_SELECTOR, ".criteria.met li")]
        missed = section.find_elements(By.CSS_SELECTOR, ".criteria.missed li")
        assert met == [item["id"] for item in score["met"]]
        assert [item.get_attribute("data-criterion") for item in missed] == [item["id"] for item in score["missed"]]
        for item, expected in zip(missed, score["missed"]):
            assert expected["advice_nb"] in item.text
    return waves


def sign_in(driver, base_url, route, token):
    """Paste a token into the unit page's form; the page renders again with it (sessionStorage, this tab)."""
    main = open_view(driver, base_url, route)
    field = main.find_element(By.ID, "unit-token")
    field.send_keys(token)
    field.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "token-signout"))
    main = wait_for_view(driver, route)
    assert driver.execute_script("return sessionStorage.getItem('betakomm-token')") == token
    return main


def sign_out(driver, route):
    driver.find_element(By.ID, "token-signout").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "unit-token"))
    assert driver.execute_script("return sessionStorage.getItem('betakomm-token')") is None
    return wait_for_view(driver, route)


def staff_token(server):
    lines = [line.strip() for line in cli(server, "token", "issue", "--staff", "--name", "browser test").splitlines() if line.strip()]
    return lines[-1].split()[-1]


def test_respondent_page_shows_trondheims_score(driver, base_url, api, server):
    main = open_view(driver, base_url, "kommune")
    search = main.find_element(By.ID, "respondent-search")
    assert main.find_element(By.CSS_SELECTOR, 'label[for="respondent-search"]').text
    search.clear()
    search.send_keys("trondh")
    # The list follows the typing (debounced): wait for the answer to the whole word, on both maps.
    expected = ["Trondheim (1601) – Sør-Trøndelag · 2011-kartet", "Trondheim - Tråante (5001) – Trøndelag · 2024-kartet"]
    WebDriverWait(driver, 10).until(lambda d: [a.text for a in d.find_elements(By.CSS_SELECTOR, ".search-results a")] == expected)
    search.send_keys(Keys.ENTER)  # the first hit: the 2011 map's Trondheim
    main = wait_for_view(driver, "kommune/1601?map=2011")
    respondent = api("/v1/respondents/1601")["respondent"]
    assert main.find_element(By.TAG_NAME, "h1").text == respondent["name"] == "Trondheim"
    facts = main.find_element(By.CSS_SELECTOR, ".facts").text
    assert respondent["county_name"] in facts
    assert f"{respondent['population']:,}".replace(",", "\u00a0") in facts.replace(" ", "\u00a0")
    answered = main.find_element(By.CSS_SELECTOR, "[data-answered-2011]")
    assert answered.get_attribute("data-answered-2011") == str(respondent["answered_2011"]).lower()
    assert main.find_element(By.CSS_SELECTOR, ".facts [data-map]").get_attribute("data-map") == "2011"
    # The public sees the register facts, not the score (it maps to the unit's answers), nor how often it submitted.
    assert check_scores(main, base_url, api, "1601", 2011) == [BASELINE]
    assert "Siste svar" not in facts
    # Signed in (here with a staff token), the page shows the score.
    token = staff_token(server)
    main = sign_in(driver, base_url, "kommune/1601?map=2011", token)
    assert check_scores(main, base_url, api, "1601", 2011, token) == [BASELINE]
    assert main.find_elements(By.CSS_SELECTOR, ".score [data-percent]")
    assert "Siste svar" in main.find_element(By.CSS_SELECTOR, ".facts").text
    main = sign_out(driver, "kommune/1601?map=2011")
    assert not main.find_elements(By.CSS_SELECTOR, ".score [data-percent]")
    # Forward to today's map: 1601 → 5001.
    assert main.find_element(By.CSS_SELECTOR, ".lineage.successors").text == "1601 Trondheim → 5001 Trondheim - Tråante (sammenslått)"
    assert [(a.get_attribute("data-code"), a.get_attribute("data-map")) for a in main.find_elements(By.CSS_SELECTOR, ".successor-links a")] == \
        [(unit["code"], str(unit["map"])) for unit in respondent["successors"]] == [("5001", "2024")]


def test_todays_trondheim_links_to_its_predecessors(driver, base_url, api, artifacts):
    main = open_view(driver, base_url, "kommune/5001")
    full_page_screenshot(driver, artifacts / "kommune-5001.png", 1280)
    document = api("/v1/respondents/5001")
    respondent = document["respondent"]
    assert (respondent["map"], document["on_maps"]) == (2024, [2024])
    assert main.find_element(By.TAG_NAME, "h1").text == "Trondheim - Tråante"
    lineage = main.find_element(By.CSS_SELECTOR, ".lineage.predecessors")
    assert lineage.text == "5001 Trondheim - Tråante ← 1601 Trondheim (sammenslått), 1662 Klæbu (sammenslått)"
    links = main.find_elements(By.CSS_SELECTOR, ".predecessor-links a")
    assert [(a.text, a.get_attribute("data-map")) for a in links] == \
        [(f"{unit['code']} {unit['name']}", str(unit["map"])) for unit in respondent["predecessors"]] == [("1601 Trondheim", "2011"), ("1662 Klæbu", "2011")]
    assert "2024-kartet" in main.find_element(By.CSS_SELECTOR, ".facts").text
    assert not main.find_elements(By.CSS_SELECTOR, "[data-answered-2011]"), "2011 answers belong to the 2011 map's units"
    check_scores(main, base_url, api, "5001", 2024)
    links[1].send_keys(Keys.ENTER)  # keyboard: the link to Klæbu on the 2011 map
    main = wait_for_view(driver, "kommune/1662?map=2011")
    assert main.find_element(By.TAG_NAME, "h1").text == "Klæbu"
    # Oslo keeps its number: the same code on both maps, each page linking to the other.
    main = open_view(driver, base_url, "kommune/0301?map=2011")
    assert [a.get_attribute("href").split("#", 1)[1] for a in main.find_elements(By.CSS_SELECTOR, "a.other-map")] == ["/kommune/0301?map=2024"]


def test_page_is_accessible_by_structure(driver, base_url):
    main = open_view(driver, base_url, "figur/24?wave=2011")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nb"
    for selector in ("header", "nav", "main", "footer"):
        assert driver.find_elements(By.CSS_SELECTOR, selector), selector
    for control in driver.find_elements(By.CSS_SELECTOR, "input, select"):
        labelled = driver.execute_script("return arguments[0].labels.length > 0 || !!arguments[0].getAttribute('aria-label')", control)
        assert labelled, control.get_attribute("outerHTML")
    for svg in main.find_elements(By.CSS_SELECTOR, "svg.chart"):
        assert svg.get_attribute("role") == "img"
        assert driver.find_element(By.ID, svg.get_attribute("aria-labelledby")).get_attribute("textContent")
    assert len(main.find_elements(By.CSS_SELECTOR, "details.data-table table")) == len(main.find_elements(By.CSS_SELECTOR, "svg.chart"))
    driver.refresh()  # a fresh load leaves focus on the document, as a keyboard user arrives
    wait_for_view(driver, "figur/24?wave=2011")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    assert driver.switch_to.active_element.get_attribute("class") == "skip-link"


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize("path, media_type", [
    ("/", "text/html"), ("/index.html", "text/html"), ("/dashboard.css", "text/css"),
    ("/js/app.js", "text/javascript"), ("/favicon.svg", "image/svg+xml"),
])
def test_static_files_have_types_and_revalidate(base_url, path, media_type):
    status, headers, body = fetch(base_url + path)
    assert status == 200 and body
    assert headers["Content-Type"].split(";")[0].strip() == media_type
    tag = headers["ETag"]
    assert tag
    status, _, body = fetch(base_url + path, {"If-None-Match": tag})
    assert (status, body) == (304, b"")


def test_every_request_goes_to_the_server(driver, base_url):
    driver.get(base_url + "/")
    driver.refresh()  # a full load: HTML, CSS, modules, favicon and the API calls
    wait_for_view(driver, "oversikt")
    open_view(driver, base_url, "figur/12?wave=2011")
    open_view(driver, base_url, "kommune/1601")
    urls = conftest.requested_urls(driver)
    paths = {url[len(base_url):].split("?")[0] for url in urls}
    assert {"/", "/dashboard.css", "/js/app.js", "/js/chart.js", "/v1/waves", "/v1/figures/12", "/v1/respondents/1601"} <= paths
    assert [url for url in urls if not url.startswith(base_url + "/")] == []
    # The log does see a request elsewhere, so the check above can fail.
    driver.execute_script("fetch('http://127.0.0.2:9/elsewhere').catch(() => {})")
    driver.implicitly_wait(0)
    seen = []
    for _ in range(50):
        seen += conftest.requested_urls(driver)
        if any("127.0.0.2" in url for url in seen):
            break
        time.sleep(0.05)
    assert "http://127.0.0.2:9/elsewhere" in seen




# ---- A later wave: created, opened and answered through the CLI and the API, then and now -----------

def cli(server, *arguments):
    """Run `betakomm` against the server's own database (from the repository, where Migrations/ is)."""
    result = subprocess.run([server["bin"], *arguments, "--db", server["db"]], cwd=conftest.REPOSITORY,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"betakomm {' '.join(arguments)}: {result.stderr}"
    return result.stdout


def issue_token(server, code, wave):
    """A respondent token for one wave, printed once on standard output."""
    lines = [line.strip() for line in cli(server, "token", "issue", "--respondent", code, "--wave", wave).splitlines() if line.strip()]
    assert lines
    return lines[-1].split()[-1]


def send(base_url, method, path, token, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base_url + path, data=data, method=method,
                                     headers={"Authorization": f"Bearer {token}", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def wave_status(api, wave):
    return next((item["status"] for item in api("/v1/waves")["waves"] if str(item["id"]) == wave), None)


def wait_for_wave(api, wave, status):
    """The server notices a change the CLI made to its database within about a second."""
    for _ in range(100):
        if wave_status(api, wave) == status:
            return
        time.sleep(0.1)
    raise AssertionError(f"wave {wave} did not become {status}: {api('/v1/waves')}")


def ensure_wave(server, api, status):
    """Wave 2026 on the 2024 map with 2011's questionnaire: created as a draft, then opened."""
    if wave_status(api, LATER) is None:
        cli(server, "wave", "create", LATER, "--map", "2024", "--questionnaire", "2011")
        wait_for_wave(api, LATER, "draft")
    if status == "open" and wave_status(api, LATER) == "draft":
        cli(server, "wave", "open", LATER)
        wait_for_wave(api, LATER, "open")


# Who answers wave 2026, and whose 2011 answers they send: today's Trondheim sends 1601's.
ANSWERING = [("5001", "1601"), ("0301", "0301"), ("1103", "1103")]


def ensure_answers(server, api, count):
    """The first `count` units of ANSWERING have answered wave 2026 (a complete set, PUT with If-None-Match: *)."""
    ensure_wave(server, api, "open")
    for code, source in ANSWERING[:count]:
        _, _, unit = fetch(f"{server['url']}/v1/respondents/{code}?map=2024", {"Authorization": f"Bearer {staff_token(server)}"})
        if json.loads(unit)["respondent"]["latest_wave"] == int(LATER):
            continue
        with sqlite3.connect(f"file:{server['db']}?mode=ro", uri=True) as database:
            (answers,) = database.execute(
                "select answers from answer_sets where respondent_code = ? and wave = 2011 order by rowid desc limit 1", (source,)).fetchone()
        token = issue_token(server, code, LATER)
        status, _, written = send(server["url"], "PUT", f"/v1/respondents/{code}/answers", token, {"answers": json.loads(answers)},
                                  {"If-None-Match": "*", "Content-Type": "application/json"})
        assert status == 201, written
        assert written["wave"] == int(LATER)
    answered = next(item["answered"] for item in api("/v1/waves")["waves"] if str(item["id"]) == LATER)
    assert answered >= count


def present(side, value):
    """A wave's value as the chart draws it: none when hidden or when the group has no respondents."""
    return None if side["suppressed"] or not side["base_n"] or value is None else value


def expected_pairs(figure):
    """(key, 2011, later wave) for every pair of bars of the then-vs-now chart, in order, from the API's `compare` members."""
    def groups(comparison):
        return [comparison["total"]] + (comparison["groups"] if figure["by"] else [])
    pairs = []
    if figure["statistic"] == "distribution":
        for panel in figure["panels"]:
            total = panel["compare"]["total"]
            for option in total["options"]:
                then = None if option["code_2011"] is None else present(total["then"], option["percent_then"])
                now = None if option["code"] is None else present(total["now"], option["percent_now"])
                pairs.append((option["code"] or option["code_2011"], then, now))
    elif figure["statistic"] == "percent_yes":
        for panel in figure["panels"]:
            for group in groups(panel["compare"]):
                option = next(option for option in group["options"] if "yes" in (option["code"], option["code_2011"]))
                pairs.append((group["key"], present(group["then"], option["percent_then"]), present(group["now"], option["percent_now"])))
    elif len(figure["panels"]) == 1:
        for group in groups(figure["panels"][0]["compare"]):
            pairs.append((group["key"], present(group["then"], group["mean_then"]), present(group["now"], group["mean_now"])))
    else:
        for index, panel in enumerate(figure["panels"]):
            total = panel["compare"]["total"]
            pairs.append((f"panel-{index}", present(total["then"], total["mean_then"]), present(total["now"], total["mean_now"])))
    return pairs


def shown_pairs(panel):
    """(key, 2011, later wave) of every pair of bars drawn, read from the SVG."""
    pairs = []
    for pair in panel.find_elements(By.CSS_SELECTOR, "svg.chart g.pair"):
        values = []
        for wave in (BASELINE, LATER):
            bars = pair.find_elements(By.CSS_SELECTOR, f'rect.bar[data-wave="{wave}"]')
            assert len(bars) <= 1
            values.append(float(bars[0].get_attribute("data-value")) if bars else None)
        pairs.append((pair.get_attribute("data-code"), *values))
    return pairs


def same_pairs(shown, expected):
    return len(shown) == len(expected) and all(
        a[0] == b[0] and all((x is None) == (y is None) and (x is None or math.isclose(x, y, abs_tol=1e-9)) for x, y in zip(a[1:], b[1:]))
        for a, b in zip(shown, expected))


def switch_values(main):
    return [radio.get_attribute("value") for radio in main.find_elements(By.CSS_SELECTOR, 'input[name="wave"]')]


def test_a_draft_wave_is_not_offered_and_an_open_one_is(driver, base_url, api, server):
    if wave_status(api, LATER) in (None, "draft"):
        ensure_wave(server, api, "draft")
        main = open_view(driver, base_url, "figur/7?wave=2011")
        assert switch_values(main) == [BASELINE], "a draft is not offered"
        assert "2026" not in main.find_element(By.CSS_SELECTOR, ".wave-switch").text
    ensure_wave(server, api, "open")
    assert offered_waves(api) == [BASELINE, LATER]
    main = open_view(driver, base_url, "figur/7?wave=2011")
    assert switch_values(main) == [BASELINE, LATER, f"compare-{LATER}"]
    labels = [label.text for label in main.find_elements(By.CSS_SELECTOR, ".wave-switch label")]
    assert labels == ["2011 (rapporten)", "2026 (pågår)", "Da og nå: 2011 og 2026"]
    # Each choice labelled (WCAG: a radio's label is its own <label>).
    assert all(driver.execute_script("return arguments[0].labels.length", radio) == 1
               for radio in main.find_elements(By.CSS_SELECTOR, 'input[name="wave"]'))


def test_then_and_now_with_one_answer_hides_the_later_wave(driver, base_url, api, server):
    ensure_answers(server, api, 1)
    figure = api(f"/v1/figures/7?wave={LATER}&compare=2011")["figure"]
    if figure["n"] != 1:
        pytest.skip("more than one answer already (the test was run out of order)")
    total = figure["panels"][0]["compare"]["total"]
    assert total["now"] == {"base_n": None, "suppressed": True}, "the public sees no total of one respondent"
    main = open_view(driver, base_url, f"figur/7?wave={LATER}&compare=2011")
    panel = main.find_element(By.CSS_SELECTOR, f'.compare-panel[data-wave="{LATER}"]')
    notice = panel.find_element(By.CSS_SELECTOR, ".few-answers")
    assert notice.text == "Bølge 2026 har foreløpig bare 1 svar – tallene er skjult («skjult – for få svar»)."
    assert same_pairs(shown_pairs(panel), expected_pairs(figure))
    assert not panel.find_elements(By.CSS_SELECTOR, f'rect.bar[data-wave="{LATER}"]')
    hidden = panel.find_elements(By.CSS_SELECTOR, f'svg.chart text.suppressed[data-wave="{LATER}"]')
    assert [text.text for text in hidden] == ["2026: skjult – for få svar"] * len(total["options"])


def test_then_and_now_draws_paired_bars_with_each_waves_n(driver, base_url, api, server, artifacts):
    ensure_answers(server, api, 3)
    figure = api(f"/v1/figures/7?wave={LATER}&compare=2011")["figure"]
    baseline = api("/v1/figures/7?wave=2011")["figure"]
    total = figure["panels"][0]["compare"]["total"]
    assert 3 <= figure["n"] < FEW_ANSWERS and not total["now"]["suppressed"]
    main = open_view(driver, base_url, f"figur/7?wave={LATER}&compare=2011")
    assert main.find_element(By.CSS_SELECTOR, f'input[name="wave"][value="compare-{LATER}"]').is_selected()
    panel = main.find_element(By.CSS_SELECTOR, f'.compare-panel[data-wave="{LATER}"]')
    assert len(panel.find_elements(By.CSS_SELECTOR, "svg.chart")) == 1, "one chart per figure"
    # The bars: each answer of all units, 2011 and 2026 side by side, exactly the API's percentages.
    pairs = shown_pairs(panel)
    assert same_pairs(pairs, expected_pairs(figure))
    assert [(code, then, now) for code, then, now in pairs] == \
        [(option["code"], option["percent_then"], option["percent_now"]) for option in total["options"]]
    assert all(then is not None and now is not None for _, then, now in pairs)
    # Told apart without colour: 2011 solid, 2026 hatched, and each bar's text names its wave.
    for pair in panel.find_elements(By.CSS_SELECTOR, "svg.chart g.pair"):
        then_bar = pair.find_element(By.CSS_SELECTOR, f'rect.bar[data-wave="{BASELINE}"]')
        now_bar = pair.find_element(By.CSS_SELECTOR, f'rect.bar[data-wave="{LATER}"]')
        assert not then_bar.get_attribute("fill").startswith("url(") and now_bar.get_attribute("fill").startswith("url(#")
        texts = [text.text for text in pair.find_elements(By.CSS_SELECTOR, "text.value")]
        assert [text.split(":")[0] for text in texts] == [BASELINE, LATER]
        assert [digits(text.split(":")[1]) for text in texts] == [round(float(then_bar.get_attribute("data-value"))), round(float(now_bar.get_attribute("data-value")))]
    # Each wave's n: in the base line and in the legend, as the API gives it.
    ns = {span.get_attribute("data-wave"): int(span.get_attribute("data-n")) for span in panel.find_elements(By.CSS_SELECTOR, ".base .n")}
    assert ns == {BASELINE: baseline["n"], LATER: figure["n"]} and ns[BASELINE] == total["then"]["base_n"] == 274
    assert panel.find_element(By.CSS_SELECTOR, ".base").text.endswith(f"2011: n = 274, 2026: n = {figure['n']}.")
    legend = panel.find_elements(By.CSS_SELECTOR, ".compare-legend li")
    assert [item.text for item in legend] == ["2011 (helfarget): n = 274", f"2026 (skravert): n = {figure['n']}"]
    # Few answers, in plain words.
    assert panel.find_element(By.CSS_SELECTOR, ".few-answers").text == f"Bølge 2026 har foreløpig bare {figure['n']} svar – tallene er usikre."
    # The table: both waves and the difference in percentage points, per group too (Fig. 7 is by size).
    panel.find_element(By.CSS_SELECTOR, "details.data-table summary").click()
    table = panel.find_element(By.CSS_SELECTOR, "details.data-table table")
    assert [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")] == ["Svar", "2011", "2026", "Endring (prosentpoeng)"]
    sections = table.find_elements(By.CSS_SELECTOR, "tbody")
    comparison = figure["panels"][0]["compare"]
    assert len(sections) == 1 + len(comparison["groups"])
    for section, group in zip(sections, [comparison["total"], *comparison["groups"]]):
        rows = section.find_elements(By.CSS_SELECTOR, "tr[data-code]")
        assert [row.get_attribute("data-code") for row in rows] == [option["code"] for option in group["options"]]
        for row, option in zip(rows, group["options"]):
            difference = row.find_element(By.CSS_SELECTOR, "td.difference").get_attribute("data-difference")
            both = present(group["then"], option["percent_then"]) is not None and present(group["now"], option["percent_now"]) is not None
            assert (float(difference) if difference else None) == (option["difference_points"] if both else None), (group["key"], option["code"])
            if both:
                shown = row.find_element(By.CSS_SELECTOR, "td.difference").text.replace("\u2212", "-").replace(",", ".")
                assert float(shown) == option["difference_points"]
    suppressed_groups = [group for group in comparison["groups"] if group["now"]["suppressed"]]
    for group in suppressed_groups:
        section = sections[1 + comparison["groups"].index(group)]
        assert all(td.text == "skjult – for få svar" for td in section.find_elements(By.CSS_SELECTOR, f'td[data-wave="{LATER}"]'))
    full_page_screenshot(driver, artifacts / "figure-7-then-and-now.png", 1280)


@pytest.mark.parametrize("number", FIGURES)
def test_every_figure_compares_the_api_numbers(driver, base_url, api, server, number):
    ensure_answers(server, api, 3)
    figure = api(f"/v1/figures/{number}?wave={LATER}&compare=2011")["figure"]
    main = open_view(driver, base_url, f"figur/{number}?wave={LATER}&compare=2011")
    panel = main.find_element(By.CSS_SELECTOR, f'.compare-panel[data-wave="{LATER}"]')
    assert same_pairs(shown_pairs(panel), expected_pairs(figure))
    svg = panel.find_element(By.CSS_SELECTOR, "svg.chart")
    assert svg.get_attribute("role") == "img"
    assert driver.find_element(By.ID, svg.get_attribute("aria-labelledby")).get_attribute("textContent")
    assert len(panel.find_elements(By.CSS_SELECTOR, "details.data-table table")) == 1
    first = figure["panels"][0]["compare"]["total"]
    notice = panel.find_elements(By.CSS_SELECTOR, ".few-answers")
    if figure["n"] == 0:
        assert [item.text for item in notice] == [f"Bølge {LATER} har foreløpig ingen svar i denne figurens base."]
    elif first["now"]["suppressed"] or figure["n"] < FEW_ANSWERS:
        assert len(notice) == 1 and notice[0].text.startswith(f"Bølge {LATER} har foreløpig bare {figure['n']} svar")
    else:
        assert notice == []


def test_wave_switch_works_by_keyboard_and_keeps_the_breakdown(driver, base_url, api, server, artifacts):
    ensure_answers(server, api, 3)
    main = open_view(driver, base_url, "figur/7?wave=2011")
    radio = main.find_element(By.CSS_SELECTOR, 'input[name="wave"][value="2011"]')
    radio.send_keys(Keys.ARROW_RIGHT)  # a radio group moves its choice with the arrow keys
    main = wait_for_view(driver, f"figur/7?wave={LATER}")
    focused = driver.switch_to.active_element
    assert (focused.get_attribute("name"), focused.get_attribute("value")) == ("wave", LATER), "focus stays on the switch"
    later = api(f"/v1/figures/7?wave={LATER}")["figure"]
    assert same_values(shown_cells(main.find_element(By.CSS_SELECTOR, f'.wave-panel[data-wave="{LATER}"]')), api_cells(later))
    assert main.find_element(By.CSS_SELECTOR, ".few-answers").text == f"Bølge 2026 har foreløpig bare {later['n']} svar – tallene er usikre."
    focused.send_keys(Keys.ARROW_RIGHT)
    main = wait_for_view(driver, f"figur/7?wave={LATER}&compare=2011")
    assert main.find_elements(By.CSS_SELECTOR, ".compare-panel")
    driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    main = wait_for_view(driver, f"figur/7?wave={LATER}")
    # Fig. 12 by size: the breakdown goes along to then and now, into its table and links.
    main = open_view(driver, base_url, "figur/12?wave=2011&by=size_class")
    main.find_element(By.CSS_SELECTOR, f'input[name="wave"][value="compare-{LATER}"]').click()
    main = wait_for_view(driver, f"figur/12?wave={LATER}&compare=2011&by=size_class")
    assert main.find_element(By.ID, "by-size-class").is_selected()
    figure = api(f"/v1/figures/12?wave={LATER}&compare=2011&by=size_class")["figure"]
    panel = main.find_element(By.CSS_SELECTOR, ".compare-panel")
    assert same_pairs(shown_pairs(panel), expected_pairs(figure))
    titles = [section.get_attribute("data-section") for section in panel.find_elements(By.CSS_SELECTOR, "table tbody")]
    assert titles == [group["label_nb"] for group in [figure["panels"][0]["compare"]["total"], *figure["panels"][0]["compare"]["groups"]]]
    links = [a.get_attribute("href") for a in panel.find_elements(By.CSS_SELECTOR, ".downloads a")]
    assert links and all("by=size_class" in link for link in links)


def test_phone_width_then_and_now_has_no_horizontal_scrolling(driver, base_url, api, server, artifacts):
    ensure_answers(server, api, 3)
    driver.set_window_size(375, 800)
    try:
        main = open_view(driver, base_url, f"figur/17?wave={LATER}&compare=2011")
        inner = driver.execute_script("return document.documentElement.clientWidth")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= inner
        widths = [int(svg.get_attribute("width")) for svg in main.find_elements(By.CSS_SELECTOR, "svg.chart")]
        assert widths and max(widths) <= inner
        full_page_screenshot(driver, artifacts / "figure-17-phone.png", 375)
    finally:
        driver.set_window_size(1280, 900)


def test_an_answer_in_only_one_wave_is_shown_for_that_wave_only(driver, base_url):
    """The 2011 questionnaire of wave 2026 matches every answer, so the case where a wave has an answer
    the other lacks is drawn from a compare document shaped as the API describes it (docs/waves.md)."""
    open_view(driver, base_url, "oversikt")
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        Promise.all([import('/js/compare-model.js'), import('/js/chart.js')]).then(([{ compareModel }, { renderCompareChart }]) => {
          const side = (n) => ({ base_n: n, suppressed: false });
          const total = { key: 'all', label_nb: 'Alle', now: side(40), then: side(274), options: [
            { code: 'facebook', code_2011: 'facebook', label_nb: 'Facebook', percent_now: 90, percent_then: 96, count_now: 36, count_then: 263, difference_points: -6.2 },
            { code: 'tiktok', code_2011: null, label_nb: 'TikTok', percent_now: 25, percent_then: null, count_now: 10, count_then: null, difference_points: null },
            { code: null, code_2011: 'myspace', label_nb: 'MySpace', percent_now: null, percent_then: 3, count_now: null, count_then: 8, difference_points: null },
          ] };
          const figure = { number: 12, statistic: 'distribution', by: null, n: 40,
                           panels: [{ question: { text_nb: 'Kanaler', type: 'multiple' }, compare: { wave: '2026', with: '2011', total, groups: [] } }] };
          const chart = renderCompareChart(compareModel(figure), 'Prøve', { then: { id: '2011', n: 274 }, now: { id: '2026', n: 40 } });
          document.getElementById('innhold').append(chart);
          chart.drawNow();
          const pairs = [...chart.querySelectorAll('g.pair')].map((pair) => ({
            label: pair.querySelector('.row-label').textContent, only: pair.dataset.only,
            bars: [...pair.querySelectorAll('rect.bar')].map((bar) => bar.dataset.wave),
            texts: [...pair.querySelectorAll('text.value')].map((text) => text.textContent) }));
          const rows = [...chart.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
          chart.remove();
          done({ pairs, rows });
        }, (error) => done({ error: String(error) }));
    """)
    assert "error" not in result, result
    assert result["pairs"] == [
        {"label": "Facebook", "only": "", "bars": ["2011", "2026"], "texts": ["2011: 96 %", "2026: 90 %"]},
        {"label": "TikTok (bare i 2026)", "only": "now", "bars": ["2026"], "texts": ["2011: ikke spurt", "2026: 25 %"]},
        {"label": "MySpace (bare i 2011)", "only": "then", "bars": ["2011"], "texts": ["2011: 3 %", "2026: ikke spurt"]},
    ]
    assert [row[0] for row in result["rows"]] == ["Facebook", "TikTok (bare i 2026)", "MySpace (bare i 2011)"]
    assert result["rows"][0][3] == "\u22126,2" and result["rows"][1][3] == result["rows"][2][3] == "–"


def test_overview_and_unit_page_show_the_later_wave(driver, base_url, api, server, artifacts):
    ensure_answers(server, api, 3)
    main = open_view(driver, base_url, "oversikt")
    check_overview(main, api)
    assert main.find_elements(By.CSS_SELECTOR, f'.headline .later[data-wave="{LATER}"]')
    full_page_screenshot(driver, artifacts / "overview-2026.png", 1280)  # docs/dashboard.png
    main = open_view(driver, base_url, "kommune/5001")
    assert check_scores(main, base_url, api, "5001", 2024) == [LATER]  # private to the public
    # Trondheim signs in with its own token: its 2026 score and its latest answers.
    own = issue_token(server, "5001", LATER)
    main = sign_in(driver, base_url, "kommune/5001", own)
    assert check_scores(main, base_url, api, "5001", 2024, own) == [LATER]
    assert main.find_elements(By.CSS_SELECTOR, f'.score[data-wave="{LATER}"] [data-percent]')
    assert "bølge 2026" in main.find_element(By.CSS_SELECTOR, ".facts").text
    # Its token does not show Oslo's score.
    main = open_view(driver, base_url, "kommune/0301?map=2024")
    assert main.find_element(By.CSS_SELECTOR, f'.score[data-wave="{LATER}"] [data-refused]').get_attribute("data-refused") == "403"
    main = sign_out(driver, "kommune/0301?map=2024")
    # 1601's page (the 2011 map) has its 2011 score only; its answers of 2011 are its latest there.
    token = staff_token(server)
    main = sign_in(driver, base_url, "kommune/1601?map=2011", token)
    assert check_scores(main, base_url, api, "1601", 2011, token) == [BASELINE]
    assert "bølge 2011" in main.find_element(By.CSS_SELECTOR, ".facts").text
    sign_out(driver, "kommune/1601?map=2011")
