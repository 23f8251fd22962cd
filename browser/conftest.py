"""Starts the real server on a temporary SQLite file and a headless Chromium for the browser tests."""
import glob
import os
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.environ.get("BACKCOACH_SCREENSHOTS", os.path.join(ROOT, "artifacts", "screenshots"))
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


FOLDER = tempfile.mkdtemp(prefix="backcoach-browser-")
# The server's clock runs this many seconds ahead of the real one (test.clock.file), so a journey can live a week.
CLOCK_FILE = os.path.join(FOLDER, "clock-offset")


class Clock:
    """Moves the server's clock forward; `reset` puts it back for the tests that follow."""

    def __init__(self):
        self.offset = 0

    def advance_days(self, days):
        self.offset += int(days * 86400)
        with open(CLOCK_FILE, "w") as handle:
            handle.write(str(self.offset))

    def reset(self):
        self.offset = 0
        with open(CLOCK_FILE, "w") as handle:
            handle.write("0")


@pytest.fixture
def clock():
    moved = Clock()
    yield moved
    moved.reset()


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("BACKCOACH_BINARY", os.path.join(ROOT, ".build", "debug", "backcoach"))
    folder = FOLDER
    port = free_port()
    log = open(os.path.join(folder, "server.log"), "w")
    process = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--database", f"sqlite:{folder}/browser.sqlite", "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT, cwd=folder,
        # Every test signs up from 127.0.0.1: lift the hourly sign-up limit per address for this run only.
        # Reminders go to a push service stand-in on 127.0.0.1 (test_reminders.py), never out of the machine.
        env={**os.environ, "AUTH_SIGNUPS_HOURLY": "1000", "TEST_CLOCK_FILE": CLOCK_FILE, "BACKCOACH_PUSH_ALLOW_LOOPBACK": "true"})
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("the server did not start; see " + log.name)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(params=list(SIZES))
def browser(request):
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    width, height = SIZES[request.param]
    driver.set_window_size(width, height)
    # CI shares two cores with the server; give page loads and axe room.
    driver.set_script_timeout(60)
    driver.set_page_load_timeout(60)
    driver.size_name = request.param
    yield driver
    driver.quit()


def axe_source():
    """axe-core as shipped inside the axe-selenium-python package from PyPI (nothing is downloaded at run time).
    AXE_JS names a newer copy: .ci/run takes axe-core 4.10 (with the WCAG 2.2 rules) from the 3.x wheel, which pip
    won't install on this Python."""
    if os.environ.get("AXE_JS"):
        with open(os.environ["AXE_JS"], encoding="utf-8") as handle:
            return handle.read()
    import axe_selenium_python
    matches = glob.glob(os.path.join(os.path.dirname(axe_selenium_python.__file__), "**", "axe.min.js"), recursive=True)
    with open(matches[0], encoding="utf-8") as handle:
        return handle.read()
