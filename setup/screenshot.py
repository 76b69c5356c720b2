"""Log in to the local Odoo as a user and take a headless Chromium screenshot.

Usage (with the venv's python, Odoo served by ./setup/run.sh):
    .venv/bin/python setup/screenshot.py LOGIN PASSWORD URL_PATH OUT.png [--width 1366] [--height 900]

For looking at what users see: the back office, portal pages at phone width
(--width 390), reports.
"""

import argparse
import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket

BASE_URL = "http://localhost:8069"


def login(db, user, password):
    """Return the session id of a fresh authenticated session."""
    payload = json.dumps({"jsonrpc": "2.0", "params": {"login": user, "password": password, "db": db}}).encode()
    request = urllib.request.Request(
        f"{BASE_URL}/web/session/authenticate", payload, {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.load(response)
        if "error" in body:
            raise SystemExit(f"login failed: {body['error']['data']['message']}")
        cookie = response.headers["Set-Cookie"]
    return cookie.split("session_id=", 1)[1].split(";", 1)[0]


class Chromium:
    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp(prefix="mentorship-chromium-")
        self.process = subprocess.Popen(
            [
                shutil.which("chromium"),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                # a free port, so that several screenshots may be taken at once
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.ws = websocket.create_connection(self._page_ws_url(), timeout=60)
        self.next_id = 0

    def _page_ws_url(self):
        port_file = f"{self.profile}/DevToolsActivePort"
        for _attempt in range(100):
            try:
                with open(port_file, encoding="ascii") as lines:
                    port = int(lines.readline())
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=5) as response:
                    pages = [t for t in json.load(response) if t["type"] == "page"]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            except (OSError, ValueError):
                pass
            time.sleep(0.2)
        raise SystemExit("Chromium did not start")

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                return message.get("result", {})

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    global BASE_URL
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("login")
    parser.add_argument("password")
    parser.add_argument("path")
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--db", default="mentorship")
    parser.add_argument("--wait", type=float, default=4.0, help="seconds to let the page settle")
    parser.add_argument("--url", default=BASE_URL, help="where Odoo answers")
    args = parser.parse_args()
    BASE_URL = args.url

    session_id = login(args.db, args.login, args.password)
    browser = Chromium(args.width, args.height)
    try:
        browser.call("Network.enable")
        browser.call("Network.setCookie", name="session_id", value=session_id, url=BASE_URL)
        browser.call("Page.enable")
        browser.call("Page.navigate", url=BASE_URL + args.path)
        time.sleep(args.wait)
        shot = browser.call("Page.captureScreenshot", format="png")
        with open(args.out, "wb") as out:
            out.write(base64.b64decode(shot["data"]))
    finally:
        browser.close()
    print(args.out)


if __name__ == "__main__":
    main()
