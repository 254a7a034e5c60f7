"""The dashboard in Public/, loaded in headless Chromium against a real `betakomm serve`: every
number it shows must be the API's, every figure must draw, and nothing may come from elsewhere."""
import json
import math
import re
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
                yes = [option["percent"] for option in group["options"] if option["code"] == "yes"]
                cells.append((yes[0] if yes else None, group["suppressed"]))
            else:
                codes = []
                for other in groups:
                    codes += [option["code"] for option in other["options"] if option["code"] not in codes]
                by_code = {option["code"]: option["percent"] for option in group["options"]}
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


def test_overview_shows_the_api_numbers(driver, base_url, api, artifacts):
    main = open_view(driver, base_url, "oversikt")
    cards = main.find_elements(By.CSS_SELECTOR, ".headline")
    assert {card.get_attribute("data-question") for card in cards} == set(REPORT_HEADLINES)
    for card in cards:
        question = card.get_attribute("data-question")
        codes = card.get_attribute("data-codes").split(",")
        then = expected_headline(api(f"/v1/statistics/{question}?wave=2011"), codes)
        now = expected_headline(api(f"/v1/statistics/{question}?wave=current"), codes)
        assert digits(card.find_element(By.CSS_SELECTOR, ".headline-number").text) == then, question
        assert then == REPORT_HEADLINES[question], f"{question}: API gives {then}, the report prints {REPORT_HEADLINES[question]}"
        now_text = card.find_element(By.CSS_SELECTOR, ".now").text
        assert re.match(r"Nå: ([0-9\s\u00a0\u202f]+)", now_text), now_text
        assert digits(now_text.split("(")[0]) == now, question
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


def test_figure_page_switches_waves_by_keyboard(driver, base_url, api, artifacts):
    main = open_view(driver, base_url, "figur/7?wave=2011")
    radio = main.find_element(By.CSS_SELECTOR, 'input[name="wave"][value="2011"]')
    radio.send_keys(Keys.ARROW_RIGHT)  # a radio group moves its choice with the arrow keys
    main = wait_for_view(driver, "figur/7?wave=current")
    assert main.find_element(By.CSS_SELECTOR, 'input[name="wave"][value="current"]').is_selected()
    focused = driver.switch_to.active_element
    assert (focused.get_attribute("name"), focused.get_attribute("value")) == ("wave", "current"), "focus stays on the switch"
    focused.send_keys(Keys.ARROW_RIGHT)
    main = wait_for_view(driver, "figur/7?wave=both")
    focused = driver.switch_to.active_element
    focused.send_keys(Keys.ARROW_LEFT)
    main = wait_for_view(driver, "figur/7?wave=current")
    current = api("/v1/figures/7?wave=current")["figure"]
    assert same_values(shown_cells(main.find_element(By.CSS_SELECTOR, '.wave-panel[data-wave="current"]')), api_cells(current))
    main.find_element(By.CSS_SELECTOR, 'input[name="wave"][value="current"]').send_keys(Keys.ARROW_RIGHT)
    main = wait_for_view(driver, "figur/7?wave=both")
    panels = main.find_elements(By.CSS_SELECTOR, ".wave-panel")
    assert [panel.get_attribute("data-wave") for panel in panels] == ["2011", "current"]
    first, second = (panel.rect for panel in panels)
    assert first["y"] == second["y"] and first["x"] < second["x"], "wide screens show the waves side by side"
    full_page_screenshot(driver, artifacts / "figure-7.png", 1280)


def test_phone_width_has_no_horizontal_scrolling(driver, base_url, artifacts):
    driver.set_window_size(375, 800)
    try:
        main = open_view(driver, base_url, "figur/17?wave=both")
        panels = main.find_elements(By.CSS_SELECTOR, ".wave-panel")
        assert panels[0].rect["x"] == panels[1].rect["x"], "a phone stacks the waves"
        inner = driver.execute_script("return document.documentElement.clientWidth")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= inner
        widths = [int(svg.get_attribute("width")) for svg in main.find_elements(By.CSS_SELECTOR, "svg.chart")]
        assert widths and max(widths) <= inner
        full_page_screenshot(driver, artifacts / "figure-17-phone.png", 375)
    finally:
        driver.set_window_size(1280, 900)


def test_search_uses_the_servers_name_search(driver, base_url, api):
    """Typed as people type: no ø, and a number prefix; the list is the API's `?q=` answer."""
    main = open_view(driver, base_url, "kommune")
    search = main.find_element(By.ID, "respondent-search")
    search.send_keys("tromso")
    expected = api("/v1/respondents?q=tromso&sort=name&limit=21")["respondents"]
    assert [row["name"] for row in expected] == ["Tromsø"]
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".search-results a").text.startswith("Tromsø (1902)"))
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
    # The wave switch keeps the breakdown; Fig. 7, which the report already breaks down, has no switch.
    main.find_element(By.CSS_SELECTOR, 'input[name="wave"][value="current"]').click()
    main = wait_for_view(driver, "figur/12?wave=current&by=size_class")
    assert main.find_element(By.ID, "by-size-class").is_selected()
    main = open_view(driver, base_url, "figur/7?wave=2011")
    assert not main.find_elements(By.ID, "by-size-class")


def test_a_sami_name_finds_the_unit_and_is_shown_beside_its_name(driver, base_url, api):
    main = open_view(driver, base_url, "kommune")
    search = main.find_element(By.ID, "respondent-search")
    search.clear()  # the view may be the one an earlier test typed into
    search.send_keys("karasjohka")
    respondent = api("/v1/respondents?q=karasjohka")["respondents"][0]
    assert (respondent["name"], respondent["parallel_names"]) == ("Karasjok", ["Kárášjohka"])
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".search-results a").text.startswith("Karasjok / Kárášjohka (2021)"))
    search.send_keys(Keys.ENTER)
    main = wait_for_view(driver, "kommune/2021")
    assert main.find_element(By.TAG_NAME, "h1").text == "Karasjok"
    assert "Parallellnavn\nKárášjohka" in main.find_element(By.CSS_SELECTOR, ".facts").text


def test_respondent_page_shows_trondheims_score(driver, base_url, api):
    main = open_view(driver, base_url, "kommune")
    search = main.find_element(By.ID, "respondent-search")
    assert main.find_element(By.CSS_SELECTOR, 'label[for="respondent-search"]').text
    search.clear()
    search.send_keys("trondh")
    # The list follows the typing (debounced): wait for the answer to the whole word.
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".search-results a").text.startswith("Trondheim (1601)"))
    assert [a.text for a in main.find_elements(By.CSS_SELECTOR, ".search-results a")] == ["Trondheim (1601) – Sør-Trøndelag"]
    search.send_keys(Keys.ENTER)
    main = wait_for_view(driver, "kommune/1601")
    respondent = api("/v1/respondents/1601")["respondent"]
    assert main.find_element(By.TAG_NAME, "h1").text == respondent["name"] == "Trondheim"
    facts = main.find_element(By.CSS_SELECTOR, ".facts").text
    assert respondent["county_name"] in facts
    assert f"{respondent['population']:,}".replace(",", "\u00a0") in facts.replace(" ", "\u00a0")
    answered = main.find_element(By.CSS_SELECTOR, "[data-answered-2011]")
    assert answered.get_attribute("data-answered-2011") == str(respondent["answered_2011"]).lower()
    for wave in ("2011", "current"):
        score = api(f"/v1/respondents/1601/score?wave={wave}")["score"]
        section = main.find_element(By.CSS_SELECTOR, f'.score[data-wave="{wave}"]')
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


def test_page_is_accessible_by_structure(driver, base_url):
    main = open_view(driver, base_url, "figur/24?wave=both")
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
    wait_for_view(driver, "figur/24?wave=both")
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
    open_view(driver, base_url, "figur/12?wave=both")
    open_view(driver, base_url, "kommune/1601")
    urls = conftest.requested_urls(driver)
    paths = {url[len(base_url):].split("?")[0] for url in urls}
    assert {"/", "/dashboard.css", "/js/app.js", "/js/chart.js", "/v1/figures/12", "/v1/respondents/1601"} <= paths
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


def issue_token(server, code):
    """A respondent token from the command line, against the server's own database."""
    result = subprocess.run([server["bin"], "token", "issue", "--respondent", code, "--db", server["db"]],
                            capture_output=True, text=True, timeout=60, check=True)
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    assert lines, result.stderr
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


def test_current_wave_shows_a_submission(driver, base_url, api, server):
    # A county that answered in 2011 without training its staff: its group in Fig. 17 has n = 16, so
    # one changed answer moves that group's percentages.
    code = api("/v1/respondents?kind=fylkeskommune&answered_2011=true&staff_trained=no&limit=1")["respondents"][0]["code"]
    figure_2011 = api("/v1/figures/17?wave=2011")["figure"]
    assert api_cells(api("/v1/figures/17?wave=current")["figure"]) == api_cells(figure_2011)
    token = issue_token(server, code)
    status, headers, current = send(base_url, "GET", f"/v1/respondents/{code}/answers", token)
    assert status == 200, current
    status, _, written = send(base_url, "PATCH", f"/v1/respondents/{code}/answers", token,
                              {"answers": {"staff_trained": "yes"}},
                              {"If-Match": headers["ETag"], "Content-Type": "application/merge-patch+json"})
    assert status in (200, 201), written
    figure_now = api("/v1/figures/17?wave=current")["figure"]
    assert api_cells(figure_now) != api_cells(figure_2011), "the submission changes Fig. 17 in the API"

    main = open_view(driver, base_url, "figur/17?wave=2011")
    main.find_element(By.CSS_SELECTOR, 'input[name="wave"][value="both"]').click()
    main = wait_for_view(driver, "figur/17?wave=both")
    shown_2011 = shown_cells(main.find_element(By.CSS_SELECTOR, '.wave-panel[data-wave="2011"]'))
    shown_now = shown_cells(main.find_element(By.CSS_SELECTOR, '.wave-panel[data-wave="current"]'))
    assert same_values(shown_2011, api_cells(figure_2011))
    assert same_values(shown_now, api_cells(figure_now))
    assert shown_now != shown_2011
    main = open_view(driver, base_url, f"kommune/{code}")
    assert str(written["wave"]) in main.find_element(By.CSS_SELECTOR, ".facts").text
