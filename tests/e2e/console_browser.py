#!/usr/bin/env python3
"""The counter console in a real headless Chromium, driven through chromedriver's WebDriver HTTP
protocol (python3 standard library only).

Starts `desa-kiosk console --listen 127.0.0.1:0` on a fresh data dir with two services, takes
tickets as the kiosk screen does (`desa-kiosk queue take`), then in the browser: a wrong PIN shows
the translated error, the right PIN logs in, "call next" calls the priority ticket, a ticket taken
at the kiosk meanwhile appears in the waiting count without a reload (long-poll), "start serving"
and "finish" complete it, and the page switches to English. Checks the result with
`desa-kiosk queue status --json` and saves screenshots.

usage: console_browser.py DESA_KIOSK OUT_DIR     (exit 77 = skipped: no chromium/chromedriver)
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
PIN = "246813"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(method, url, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            return json.loads(res.read() or b"{}")
    except urllib.error.HTTPError as e:
        raise RuntimeError(f"{method} {url}: {e.code} {e.read()[:500]!r}") from None


class Browser:
    def __init__(self, driver_url):
        self.base = driver_url
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": shutil.which("chromium") or "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=420,900", "--no-first-run", "--lang=id"]}}}}
        self.session = request("POST", f"{self.base}/session", caps, timeout=90)["value"]["sessionId"]
        self.url = f"{self.base}/session/{self.session}"

    def quit(self):
        try:
            request("DELETE", self.url)
        except Exception:
            pass

    def go(self, url):
        request("POST", f"{self.url}/url", {"url": url})

    def find(self, css):
        return request("POST", f"{self.url}/element", {"using": "css selector", "value": css})["value"][ELEMENT]

    def click(self, css):
        request("POST", f"{self.url}/element/{self.find(css)}/click", {})

    def type(self, css, text):
        request("POST", f"{self.url}/element/{self.find(css)}/value", {"text": text})

    def js(self, script, *args):
        return request("POST", f"{self.url}/execute/sync", {"script": script, "args": list(args)})["value"]

    def text(self, css):
        return self.js("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css)

    def visible(self, css):
        return self.js("const e = document.querySelector(arguments[0]); return !!e && !e.closest('[hidden]');", css)

    def enabled(self, css):
        return self.js("const e = document.querySelector(arguments[0]); return !!e && !e.disabled;", css)

    def wait(self, what, check, timeout=10.0):
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            value = check()
            if value:
                return time.monotonic() - t0
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; message: {self.text('#message')!r}")

    def screenshot(self, path):
        png = request("GET", f"{self.url}/screenshot")["value"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(png))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    kiosk, out_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    chromedriver = shutil.which("chromedriver")
    if chromedriver is None or shutil.which("chromium") is None:
        print("SKIP: chromium and chromedriver are not installed (scripts/deps.sh)")
        return 77
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="desa-console-e2e-")
    procs = []
    browser = None
    try:
        pin_hash = subprocess.run([kiosk, "hash-pin"], input=PIN + "\n", capture_output=True, text=True,
                                  check=True).stdout.strip()
        admin_hash = subprocess.run([kiosk, "hash-pin"], input="864209\n", capture_output=True, text=True,
                                    check=True).stdout.strip()
        every_day = "\n".join(f'{d} = "00:00-24:00"' for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
        config = os.path.join(work, "kiosk.toml")
        with open(config, "w") as f:
            f.write(f'''[village]
code = "18.01.04.2001"
[security]
admin_pin_hash = "{admin_hash}"
[queue]
timezone = "WIB"
[[queue.service]]
id = "domisili"
name_id = "Surat Keterangan Domisili"
name_en = "Certificate of domicile"
prefix = "A"
counters = [1, 2]
priority_lane = true
[queue.service.hours]
{every_day}
[[queue.service]]
id = "sktm"
name_id = "Surat Keterangan Tidak Mampu"
name_en = "Certificate of low income"
prefix = "C"
counters = [2]
[queue.service.hours]
{every_day}
[console]
listen = "127.0.0.1:8080"
[[console.counter]]
number = 1
pin_hash = "{pin_hash}"
''')
        base = [kiosk, "--config", config, "--data-dir", os.path.join(work, "data")]

        def take(service, *flags):
            out = subprocess.run(base + ["queue", "take", service, "--json", *flags], capture_output=True,
                                 text=True, check=True).stdout
            return json.loads(out)["number"]

        regular = take("domisili")
        priority = take("domisili", "--priority")

        console = subprocess.Popen(base + ["console", "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE,
                                   stderr=open(os.path.join(out_dir, "console.log"), "w"), text=True)
        procs.append(console)
        line = console.stdout.readline().strip()
        if not line.startswith("console http://"):
            raise AssertionError(f"console did not start: {line!r}")
        page_url = line.split(" ", 1)[1]

        driver_port = free_port()
        driver = subprocess.Popen([chromedriver, f"--port={driver_port}"], stdout=subprocess.DEVNULL,
                                  stderr=open(os.path.join(out_dir, "chromedriver.log"), "w"))
        procs.append(driver)
        driver_url = f"http://127.0.0.1:{driver_port}"
        for _ in range(100):
            try:
                if request("GET", f"{driver_url}/status", timeout=2)["value"]["ready"]:
                    break
            except Exception:
                time.sleep(0.1)
        browser = Browser(driver_url)

        b = browser
        b.go(page_url)
        b.wait("the login form", lambda: b.visible("#login-view") and b.js(
            "return document.querySelectorAll('#counter-select option').length") == 1)
        assert b.text("#login-btn") == "Masuk", b.text("#login-btn")
        b.screenshot(os.path.join(out_dir, "1-login.png"))

        b.type("#pin", "000000")
        b.click("#login-btn")
        b.wait("the wrong-PIN message", lambda: "PIN salah" in (b.text("#message") or ""))

        b.type("#pin", PIN)
        t0 = time.monotonic()
        b.click("#login-btn")
        b.wait("the desk", lambda: b.visible("#desk-view"))
        login_s = time.monotonic() - t0
        assert b.js("return document.cookie") == "", "the session cookie must be HttpOnly"
        b.wait("the waiting count", lambda: "2" in (b.text("#waiting li[data-service=domisili] .count") or ""))

        t0 = time.monotonic()
        b.click("#call-next")
        b.wait("the called ticket", lambda: b.text("#current-number") == priority)
        call_s = time.monotonic() - t0
        assert b.text("#current-state") == "Dipanggil", b.text("#current-state")
        assert not b.enabled("#call-next") and not b.enabled("#finish") and b.enabled("#serving")

        # A resident takes a ticket at the kiosk: the page learns it without reloading.
        marker = b.js("window.__same_page = 'yes'; return window.__same_page;")
        t0 = time.monotonic()
        take("sktm")
        b.wait("the pushed waiting count", lambda: "1" in (b.text("#waiting li[data-service=sktm] .count") or ""))
        push_s = time.monotonic() - t0
        assert b.js("return window.__same_page") == marker, "the page reloaded"

        b.click("#serving")
        b.wait("serving", lambda: b.text("#current-state") == "Sedang dilayani")
        assert b.enabled("#finish")
        # Usable on a phone: nothing wider than the 420 px window.
        width = b.js("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"page {width[0]} px wide in a {width[1]} px window"
        b.screenshot(os.path.join(out_dir, "2-serving.png"))
        b.click("#finish")
        b.wait("the finished ticket", lambda: b.visible("#current-none"))
        assert priority in b.text("#message") and "selesai" in b.text("#message"), b.text("#message")
        b.wait("the statistics", lambda: b.js(
            "return document.querySelector('#stats tbody tr td:nth-child(3)').textContent") == "1")

        b.click("#lang-switch")
        # The button and the badge are re-rendered separately: wait for both.
        b.wait("English texts", lambda: b.text("#call-next") == "Call next" and b.text("#counter-badge") == "Counter 1")
        b.click("#call-next")
        b.wait("the next ticket", lambda: b.text("#current-number") == regular)
        assert b.text("#current-state") == "Called"
        b.screenshot(os.path.join(out_dir, "3-english.png"))

        status = json.loads(subprocess.run(base + ["queue", "status", "--json"], capture_output=True, text=True,
                                           check=True).stdout)
        domisili = next(s for s in status["services"] if s["id"] == "domisili")
        assert domisili["served"] == 1 and domisili["called"] == 1, domisili

        b.click("#logout")
        b.wait("the login form again", lambda: b.visible("#login-view"))
        print(f"console e2e passed: login {login_s:.2f} s, call next {call_s:.2f} s, "
              f"kiosk ticket pushed to the page in {push_s:.2f} s; screenshots in {out_dir}")
        return 0
    finally:
        if browser is not None:
            browser.quit()
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
