"""The clinician side, end to end: a mother shares her record with a code, a clinician adds her, reads an alert,
changes her plan and leaves a note; she sees both with the reason, then stops sharing and the clinician loses access.

Two browsers run side by side, one for each person. Every page is checked with axe-core (0 violations) and saved as
a screenshot named 60-... under artifacts/screenshots/{phone,desktop}.
"""
import re
import uuid

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import SIZES
from test_web import answer_safety, check_page, choose, click, next_step, submit

CODE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")
CLIENT_URL = re.compile(r"/clinician/clients/([0-9A-Fa-f-]{36})$")


@pytest.fixture
def clinician_browser(browser):
    """A second, separate browser of the same size: the clinician is another person with her own cookies."""
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_window_size(*SIZES[browser.size_name])
    driver.set_script_timeout(60)
    driver.set_page_load_timeout(60)
    driver.size_name = browser.size_name
    yield driver
    driver.quit()


def heading(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def main_text(driver):
    return driver.find_element(By.ID, "main").text


def status_of(driver, path):
    """The HTTP status of a page fetched with this browser's cookies, without following a redirect."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {redirect: 'manual'}).then(r => done(r.type === 'opaqueredirect' ? 303 : r.status))", path)


# The mother


def planned_titles(driver):
    """The exercises in her week on /plan (each session is a details element, most of them closed)."""
    return [a.get_attribute("textContent").strip() for a in driver.find_elements(By.CSS_SELECTOR, "ol.planned li a")]


def intake_step(driver, number):
    """Checks one step of the intake, then presses Next."""
    check_page(driver, f"60-mother-intake-{number}")
    next_step(driver)


def mother_signs_up(driver, server):
    """Signs up and answers the wizard: 9 weeks after a vaginal birth, cleared, pain 4, 10 minutes 4 days a week."""
    email = f"mum-{uuid.uuid4().hex[:8]}@example.test"
    driver.get(server + "/signup")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys("correct horse battery")
    Select(driver.find_element(By.ID, "country")).select_by_value("GB")
    check_page(driver, "60-mother-signup")
    submit(driver, "button[type=submit]")
    assert driver.current_url.endswith("/start")
    answer_safety(driver)
    intake_step(driver, 1)
    answer_safety(driver)
    intake_step(driver, 2)
    driver.find_element(By.ID, "q.weeksSinceBirth").send_keys("9")
    choose(driver, "q.delivery", "vaginal")
    choose(driver, "q.clinicianCleared", "yes")
    intake_step(driver, 3)
    driver.find_element(By.ID, "q.painAtRest").send_keys("4")
    choose(driver, "q.painWorsening", "no")
    intake_step(driver, 4)
    intake_step(driver, 5)  # pelvic floor: nothing to report
    intake_step(driver, 6)  # how you stand
    choose(driver, "q.breastfeeding", "no")
    intake_step(driver, 7)
    driver.find_element(By.ID, "q.minutesPerDay").send_keys("10")
    driver.find_element(By.ID, "q.daysPerWeek").send_keys("4")
    intake_step(driver, 8)
    assert driver.current_url.endswith("/plan")
    check_page(driver, "60-mother-plan")
    return email


def painful_session(driver, server):
    """Today's safety check, then the session's checklist: all done, pain 2 overall, a leak in the first exercise."""
    driver.get(server + "/today")
    click(driver, "label[for=none-today]")
    choose(driver, "painAtRest", "2")
    choose(driver, "painWorsening", "no")
    check_page(driver, "60-mother-today-check")
    submit(driver, ".screen button[type=submit]")
    assert driver.current_url.endswith("/session")
    WebDriverWait(driver, 10).until(EC.visibility_of_element_located((By.ID, "player")))
    for _ in range(40):
        if driver.find_element(By.ID, "checklist").is_displayed():
            break
        click(driver, "[data-action=skip]")
    WebDriverWait(driver, 10).until(EC.visibility_of_element_located((By.ID, "checklist")))
    first = driver.find_element(By.CSS_SELECTOR, "#checklist fieldset.exercise legend").text
    for index in range(len(driver.find_elements(By.CSS_SELECTOR, "#checklist fieldset.exercise"))):
        if not driver.find_element(By.NAME, f"done.{index}").is_selected():
            click(driver, f"input[name='done.{index}']")
    pain = driver.find_element(By.NAME, "pain")
    pain.clear()
    pain.send_keys("2")
    click(driver, "#checklist fieldset.exercise summary")
    click(driver, "input[name='symptoms.0'][value=leaking]")
    check_page(driver, "60-mother-session-leak")
    submit(driver, "#checklist button[type=submit]")
    assert heading(driver) == "Well done", main_text(driver)[:600]
    check_page(driver, "60-mother-session-done")
    return first


def make_sharing_code(driver, server):
    """From settings to the sharing page; one press makes a code, shown once with a link for the clinician."""
    driver.get(server + "/settings")
    card = driver.find_element(By.ID, "sharing")
    assert "Share with your clinician" in card.text
    check_page(driver, "60-mother-settings")
    submit(driver, "#sharing a[href='/settings/sharing']")
    assert driver.current_url.endswith("/settings/sharing")
    assert "Nobody yet." in driver.find_element(By.ID, "who").text
    check_page(driver, "60-mother-sharing-empty")
    submit(driver, "form[action='/settings/sharing'] button[type=submit]")
    code = driver.find_element(By.CSS_SELECTOR, "#code .code").text.strip()
    assert CODE.match(code), code
    link = driver.find_element(By.CSS_SELECTOR, "#code a[href*='/clinician/link?code=']").get_attribute("href")
    assert link.endswith("/clinician/link?code=" + code), link
    check_page(driver, "60-mother-sharing-code")
    return code


# The clinician


def clinician_signs_up(driver, server, name):
    driver.get(server + "/clinician/signup")
    check_page(driver, "60-clinician-signup")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "profession").send_keys("Pelvic-health physiotherapist")
    driver.find_element(By.ID, "email").send_keys(f"physio-{uuid.uuid4().hex[:8]}@example.test")
    driver.find_element(By.ID, "password").send_keys("correct horse battery")
    submit(driver, "button[type=submit]")
    assert driver.current_url.endswith("/clinician"), driver.current_url
    assert heading(driver) == "Your clients"
    assert "No client has shared with you yet." in driver.find_element(By.ID, "clients").text
    check_page(driver, "60-clinician-no-clients")


def add_client(driver, code):
    """Types her code and lands on her page; returns the page's address."""
    driver.find_element(By.ID, "code").send_keys(code)
    submit(driver, "form[action='/clinician/link'] button[type=submit]")
    assert CLIENT_URL.search(driver.current_url), f"not a client page: {driver.current_url}: {main_text(driver)[:300]}"
    return driver.current_url


def adjust(driver, kind):
    """Sends one of the plan's forms and checks her page comes back with the success message."""
    submit(driver, f"form:has(input[name=kind][value={kind}]) button[type=submit]")
    message = driver.find_element(By.CSS_SELECTOR, "#main .success").text
    assert message == "Saved. She sees the change and your reason.", main_text(driver)[:600]
    assert not driver.find_elements(By.CSS_SELECTOR, "#main .error")


def take_exercise_out(driver, reason):
    select = Select(driver.find_element(By.ID, "exclude-exercise"))
    title = select.options[0].text
    select.select_by_index(0)
    driver.find_element(By.ID, "exclude-reason").send_keys(reason)
    assert driver.find_element(By.CSS_SELECTOR, "form:has(#exclude-exercise) button").text == "Take it out"
    adjust(driver, "exclude")
    return title


def leave_note(driver, note, reason):
    driver.find_element(By.ID, "note").clear()
    driver.find_element(By.ID, "note").send_keys(note)
    driver.find_element(By.ID, "note-reason").send_keys(reason)
    assert driver.find_element(By.CSS_SELECTOR, "form:has(#note) button").text == "Save the note"
    adjust(driver, "note")
    assert driver.find_element(By.ID, "note").get_attribute("value") == note


def test_clinician_journey(server, browser, clinician_browser):
    mother, physio = browser, clinician_browser
    name = "Alex Physio"
    reason = "Your pelvic floor needs a rest from this one until we meet on Friday."
    note = "Lovely work this week. Go gently with the bridges and tell me if the leak comes back."

    # 1-2. She signs up, has a session with a leak, and makes a sharing code.
    email = mother_signs_up(mother, server)
    planned_before = planned_titles(mother)
    leaked_in = painful_session(mother, server)
    code = make_sharing_code(mother, server)

    # 3. The clinician, in a browser of their own, signs up and adds her with the code.
    clinician_signs_up(physio, server, name)
    client_url = add_client(physio, code)
    assert heading(physio) == email
    assert physio.find_elements(By.CSS_SELECTOR, "#alerts ul.alerts li"), "the client page shows the alert too"
    check_page(physio, "60-clinician-client")

    # 4. Her name is on the list with the leak as an alert, linked to the evidence on her page.
    physio.get(server + "/clinician")
    clients = physio.find_elements(By.CSS_SELECTOR, "#clients ul.clients > li")
    assert len(clients) == 1
    assert clients[0].find_element(By.CSS_SELECTOR, "h3 a").text == email
    alerts = clients[0].find_elements(By.CSS_SELECTOR, "ul.alerts li a")
    assert alerts, clients[0].text
    leak = [a for a in alerts if a.text.startswith("During the session on")]
    assert leak and f"{leaked_in}: leaking" in leak[0].text, [a.text for a in alerts]
    assert leak[0].get_attribute("href") == client_url + "#sessions", leak[0].get_attribute("href")
    check_page(physio, "60-clinician-clients-alert")
    submit(physio, "#clients ul.alerts a[href$='#sessions']")
    assert physio.current_url == client_url + "#sessions"
    assert "leaking" in physio.find_element(By.ID, "sessions").text

    # 5. Takes an exercise out and leaves a note, each with a reason; prints the summary.
    title = take_exercise_out(physio, reason)
    assert title not in [li.text for li in physio.find_elements(By.CSS_SELECTOR, "#plan h3 + ul li")], "no longer in her plan"
    assert title in [o.text for o in Select(physio.find_element(By.ID, "allow-exercise")).options]
    check_page(physio, "60-clinician-exercise-out")
    leave_note(physio, note, "A word of encouragement")
    assert "Left a note on your Today page." in physio.find_element(By.ID, "changes").text
    check_page(physio, "60-clinician-note-saved")
    submit(physio, f"a[href='{client_url[len(server):]}/summary']")
    assert physio.current_url == client_url + "/summary"
    assert heading(physio) == f"BackCoach summary: {email}"
    assert f"Took “{title}” out of your plan" in main_text(physio), main_text(physio)
    check_page(physio, "60-clinician-summary")

    # 6. She sees the note, the shorter plan and, in her log, what changed and why.
    mother.get(server + "/today")
    card = mother.find_element(By.ID, "clinician-note")
    assert card.find_element(By.TAG_NAME, "h2").text == "A note from your clinician"
    assert note in card.text
    check_page(mother, "60-mother-today-note")
    mother.get(server + "/plan")
    assert title in planned_before, planned_before
    planned = planned_titles(mother)
    assert planned and title not in planned, planned
    left_out = mother.find_elements(By.XPATH, f"//details/ul/li[strong[normalize-space()='{title}']]")
    assert left_out, f"{title} is not among the left-out exercises"
    assert "Your clinician has taken this out of your plan for now." in left_out[0].get_attribute("textContent")
    click(mother, "details:has(li strong) summary")
    check_page(mother, "60-mother-plan-exercise-out")
    mother.get(server + "/settings/sharing")
    who = mother.find_element(By.ID, "who")
    assert name in who.text
    log = mother.find_element(By.ID, "log")
    assert log.find_element(By.TAG_NAME, "h2").text == "What they saw and changed"
    assert f"Took “{title}” out of your plan" in log.text, log.text
    assert reason in log.text, log.text
    check_page(mother, "60-mother-sharing-log")

    # 7. She stops sharing.
    stop = who.find_element(By.CSS_SELECTOR, "button[type=submit]")
    # The button names the clinician as her list does: name, then profession.
    assert stop.text == f"Stop sharing with {name}, Pelvic-health physiotherapist", stop.text
    submit(mother, "#who form[action='/settings/sharing/revoke'] button[type=submit]")
    assert mother.find_element(By.CSS_SELECTOR, "#main .success").text == "Stopped. They can no longer see your record."
    assert "Nobody yet." in mother.find_element(By.ID, "who").text
    check_page(mother, "60-mother-stopped-sharing")

    # 8. The clinician's next look finds nothing: a 404 for her page, and an empty list.
    physio.get(client_url)
    assert heading(physio) == "We can't find that page"
    assert "No client with that id shares her record with you." in main_text(physio)
    assert status_of(physio, client_url) == 404
    check_page(physio, "60-clinician-client-gone")
    physio.get(server + "/clinician")
    assert "No client has shared with you yet." in physio.find_element(By.ID, "clients").text
    assert not physio.find_elements(By.CSS_SELECTOR, "ul.clients")
    check_page(physio, "60-clinician-clients-empty-again")

    # 9. Each side's pages are the other's dead end: a 403 for her, a redirect for them.
    mother.get(server + "/clinician")
    assert heading(mother) == "That didn't work"
    assert "This page is for clinician accounts" in main_text(mother)
    assert status_of(mother, "/clinician") == 403
    check_page(mother, "60-mother-clinician-forbidden")
    physio.get(server + "/today")
    assert physio.current_url == server + "/clinician"
