"""Reminders in the browser: the settings card with and without JavaScript, the permission prompt asked only on a
press, a subscription and a test reminder end to end, and the service worker's push and notification-tap handling.

Headless Chromium has no vendor push service (its own subscribe never answers, and would try to reach one on the
internet), so the page's `pushManager.subscribe` is replaced by one that returns a subscription with keys the page
makes with WebCrypto and an endpoint on a push service stand-in on 127.0.0.1. The server encrypts the test reminder
for those keys; the stand-in opens it with this file's own RFC 8291 code (the `cryptography` package), a second
implementation beside the server's. The service worker's `push` and `notificationclick` handlers are driven directly
with the payload the server sends."""
import base64
import http.server
import json
import threading

from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_web import check_page, onboard, submit

# sw.js run against a stand-in `self` that records what the handlers do, then given one push and one tap.
HARNESS = """
const done = arguments[arguments.length - 1];
const payload = arguments[0];
const listeners = {}, shown = [], opened = [], waits = [];
const clientsStandIn = {
  matchAll: () => Promise.resolve([]),
  openWindow: (url) => { opened.push(url); return Promise.resolve(null); },
  claim: () => Promise.resolve()
};
const selfStandIn = {
  addEventListener: (type, listener) => { listeners[type] = listener; },
  skipWaiting: () => {},
  location: self.location,
  clients: clientsStandIn,
  registration: { showNotification: (title, options) => { shown.push({title, options}); return Promise.resolve(); } }
};
fetch('/sw.js').then(r => r.text()).then(code => {
  new Function('self', code)(selfStandIn);
  const event = (extra) => Object.assign({ waitUntil: (p) => waits.push(p) }, extra);
  listeners.push(event({ data: { json: () => payload } }));
  return Promise.all(waits).then(() => {
    listeners.notificationclick(event({ notification: { close: () => {}, data: shown[0].options.data } }));
    return Promise.all(waits);
  });
}).then(() => done({ shown, opened, handlers: Object.keys(listeners) })).catch(e => done({ error: String(e) }));
"""


# The page's push manager, replaced: keys made here, the endpoint given. Returns what the stand-in needs to open.
FAKE_PUSH = """
const done = arguments[arguments.length - 1];
const endpoint = arguments[0];
const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']).then(async (keys) => {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
  const jwk = await crypto.subtle.exportKey('jwk', keys.privateKey);
  const auth = crypto.getRandomValues(new Uint8Array(16));
  const json = { endpoint, expirationTime: null, keys: { p256dh: b64(raw), auth: b64(auth) } };
  let subscribed = null;
  const subscription = { endpoint, toJSON: () => json, unsubscribe: () => { subscribed = null; return Promise.resolve(true); } };
  PushManager.prototype.getSubscription = () => Promise.resolve(subscribed);
  PushManager.prototype.subscribe = () => { subscribed = subscription; return Promise.resolve(subscription); };
  done({ d: jwk.d, p256dh: json.keys.p256dh, auth: json.keys.auth });
});
"""


def unbase64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def open_push_message(body, keys):
    """RFC 8291 as a browser does it: the sender's key from the header, ECDH, the two HKDF steps, AES-128-GCM."""
    salt, length = body[:16], body[20]
    sender, sealed = body[21:21 + length], body[21 + length:]
    mine = ec.derive_private_key(int.from_bytes(unbase64(keys["d"]), "big"), ec.SECP256R1())
    secret = mine.exchange(ec.ECDH(), ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), sender))

    def mac(key, data):
        digest = hmac.HMAC(key, hashes.SHA256())
        digest.update(data)
        return digest.finalize()

    ikm = mac(mac(unbase64(keys["auth"]), secret), b"WebPush: info\x00" + unbase64(keys["p256dh"]) + sender + b"\x01")
    prk = mac(salt, ikm)
    plain = AESGCM(mac(prk, b"Content-Encoding: aes128gcm\x00\x01")[:16]).decrypt(
        mac(prk, b"Content-Encoding: nonce\x00\x01")[:12], sealed, None)
    plain = plain.rstrip(b"\x00")
    assert plain.endswith(b"\x02"), "the last record's delimiter"
    return json.loads(plain[:-1])


class PushServiceStandIn:
    """A push service on 127.0.0.1 that keeps what it is sent and answers 201."""

    def __init__(self):
        received = self.received = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                received.append((dict(self.headers), body))
                self.send_response(201)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.endpoint = f"http://127.0.0.1:{self.httpd.server_address[1]}/push/her-phone"

    def close(self):
        self.httpd.shutdown()


def open_reminders(driver, server):
    driver.get(server + "/settings#reminders")
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "reminders"))


def test_reminders_settings_and_push_handling(server, browser):
    onboard(browser, server)
    open_reminders(browser, server)
    card = browser.find_element(By.ID, "reminders")
    # With JavaScript: the device controls show, the "needs JavaScript" line hides, and nothing has asked permission.
    assert card.find_element(By.CSS_SELECTOR, "[data-push]").is_displayed()
    assert not card.find_element(By.CSS_SELECTOR, "[data-push-unsupported]").is_displayed()
    assert browser.execute_script("return Notification.permission") == "default", "no prompt on page load"
    check_page(browser, "70-reminders")

    # Turn them on for weekdays at 07:30 and save: the page says so and keeps the choices.
    for day in ["0", "2", "4"]:
        box = card.find_element(By.ID, f"reminder-day-{day}")
        if not box.is_selected():
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
            card.find_element(By.CSS_SELECTOR, f"label[for='reminder-day-{day}']").click()
    enabled = card.find_element(By.NAME, "enabled")
    if not enabled.is_selected():
        browser.execute_script("arguments[0].click()", enabled)
    browser.execute_script("document.getElementById('reminder-time').value = '07:30'")
    submit(browser, "#reminders form button[type=submit]")
    assert "Your reminders are saved." in browser.page_source
    assert browser.find_element(By.ID, "reminder-time").get_attribute("value") == "07:30"
    check_page(browser, "71-reminders-saved")

    # Pressing the button asks; with permission given the subscription is kept, and a test reminder arrives at the
    # push service encrypted for this browser's keys.
    push = PushServiceStandIn()
    try:
        keys = browser.execute_async_script(FAKE_PUSH, push.endpoint)
        browser.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["notifications"], "origin": server})
        browser.find_element(By.CSS_SELECTOR, "[data-push-subscribe]").click()
        status = browser.find_element(By.CSS_SELECTOR, "[data-push-status]")
        try:
            WebDriverWait(browser, 30).until(lambda d: "are on for this phone or computer" in status.text)
        except Exception:
            raise AssertionError(f"status after pressing: {status.text!r}")
        assert browser.find_element(By.CSS_SELECTOR, "[data-push-unsubscribe]").is_displayed()
        check_page(browser, "72-reminders-device")
        # Offline, the test button says so in plain words; back online it sends.
        browser.execute_cdp_cmd("Network.enable", {})
        browser.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        try:
            browser.find_element(By.CSS_SELECTOR, "[data-push-test]").click()
            WebDriverWait(browser, 30).until(lambda d: "no connection" in status.text)
        finally:
            browser.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        browser.find_element(By.CSS_SELECTOR, "[data-push-test]").click()
        WebDriverWait(browser, 30).until(lambda d: "on its way" in status.text)
        headers, body = push.received[-1]
        assert headers["Content-Encoding"] == "aes128gcm" and headers["TTL"] == "60"
        assert headers["Authorization"].startswith("vapid t=")
        message = open_push_message(body, keys)
        assert message == {"title": "BackCoach", "body": "This is a test reminder. Reminders will look like this.", "url": "/today"}
        # And off again for this one: the browser's subscription ends and the server forgets it.
        browser.find_element(By.CSS_SELECTOR, "[data-push-unsubscribe]").click()
        WebDriverWait(browser, 30).until(lambda d: "Reminders are off for this phone or computer." in status.text)
        assert "No phone or computer is set up for reminders yet." in status.text
        assert browser.find_element(By.CSS_SELECTOR, "[data-push-subscribe]").is_displayed()
    finally:
        push.close()

    # The service worker: a push shows the text with no health details, and a tap opens Today on this site only.
    # The harness evaluates sw.js's text, which the site's Content-Security-Policy rightly forbids; the test alone
    # lifts it for this tab.
    browser.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
    open_reminders(browser, server)
    result = browser.execute_async_script(HARNESS, {"title": "BackCoach", "body": "Today: 9 minutes, 6 exercises.", "url": "/today"})
    assert "error" not in result, result
    assert {"push", "notificationclick"} <= set(result["handlers"])
    assert result["shown"][0]["title"] == "BackCoach"
    assert result["shown"][0]["options"]["body"] == "Today: 9 minutes, 6 exercises."
    assert result["opened"] == [server + "/today"]
    for hostile_url in ["//elsewhere.example/phish", "/\\elsewhere.example/phish", "https://elsewhere.example/", "javascript:alert(1)"]:
        hostile = browser.execute_async_script(HARNESS, {"body": "x", "url": hostile_url})
        assert hostile["opened"] == [server + "/today"], f"a tap never leaves the site: {hostile_url}"


def test_reminders_without_javascript(server, browser):
    onboard(browser, server)
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    open_reminders(browser, server)
    card = browser.find_element(By.ID, "reminders")
    assert not card.find_element(By.CSS_SELECTOR, "[data-push]").is_displayed()
    line = card.find_element(By.CSS_SELECTOR, "[data-push-unsupported]")
    assert line.is_displayed() and "calendar link" in line.text
    # The form still saves without JavaScript.
    card.find_element(By.CSS_SELECTOR, "label[for='reminder-day-6']").click()
    browser.find_element(By.CSS_SELECTOR, "#reminders form button[type=submit]").click()
    WebDriverWait(browser, 20).until(lambda d: "Your reminders are saved." in d.page_source or "Reminders are off." in d.page_source)
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    check_page(browser, "73-reminders-no-js")
