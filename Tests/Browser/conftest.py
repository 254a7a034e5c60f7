"""Fixtures for the dashboard's browser test: the running server (started by run.sh), a headless
Chromium driven by Selenium with the DevTools performance log on, and small helpers."""
import json
import os
import pathlib
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def _required(name):
    value = os.environ.get(name)
    if not value:
        pytest.exit(f"{name} is not set: run the browser test through Tests/Browser/run.sh", returncode=2)
    return value


@pytest.fixture(scope="session")
def base_url():
    return _required("BETAKOMM_URL").rstrip("/")


@pytest.fixture(scope="session")
def server(base_url):
    """What a test needs to reach the server and its database: URL, DB path and binary."""
    return {"url": base_url, "db": _required("BETAKOMM_DB"), "bin": _required("BETAKOMM_BIN")}


@pytest.fixture(scope="session")
def artifacts():
    directory = pathlib.Path(os.environ.get("BETAKOMM_ARTIFACTS", REPOSITORY / "artifacts"))
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture(scope="session")
def api(base_url):
    """GET a path of the API as JSON, bypassing the browser."""
    def get(path):
        request = urllib.request.Request(base_url + path, headers={"Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)
    return get


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--lang=nb-NO", "--disable-extensions", "--no-first-run"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()


def requested_urls(browser):
    """Every URL the page asked for since the last call, from the DevTools performance log."""
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


@pytest.fixture(autouse=True)
def only_same_origin(driver, base_url):
    """After each test, every request the page made must have gone to the server itself."""
    requested_urls(driver)  # drop what earlier fixtures' pages asked for; each test checks its own
    yield
    foreign = [url for url in requested_urls(driver) if not url.startswith(base_url + "/")]
    assert foreign == [], f"the page fetched from elsewhere than {base_url}: {foreign}"


def open_view(browser, base_url, route, timeout=20):
    """Load #/<route> and wait until the app marks <main> rendered for exactly that view. The same
    address again changes no hash and renders nothing, so it is reloaded: the data may have changed."""
    target = f"{base_url}/#/{route}"
    if browser.current_url == target:
        browser.refresh()
    else:
        browser.get(target)
    return wait_for_view(browser, route, timeout)


def wait_for_view(browser, route, timeout=20):
    def settled(current):
        return current.execute_script(
            "const m = document.getElementById('innhold');"
            "return m.dataset.view === arguments[0] && m.dataset.state !== 'loading' ? m.dataset.state : null;", route)
    state = WebDriverWait(browser, timeout).until(settled)
    if state != "ready":
        text = browser.find_element("id", "innhold").text
        raise AssertionError(f"view {route} ended in state {state}: {text}")
    return browser.find_element("id", "innhold")


def full_page_screenshot(browser, path, width):
    """Resize the window to the page's full height, then save a PNG of it."""
    browser.set_window_size(width, 900)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(height, 6000))
    browser.save_screenshot(str(path))
    browser.set_window_size(1280, 900)
