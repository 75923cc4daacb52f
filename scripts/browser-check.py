#!/usr/bin/env python3
"""Checks a rendered sop site in headless Chromium, as a person would use it.

Usage: browser-check.py SITE_DIR OUT_IMAGES_DIR [--chromium PATH]

Drives Chromium over the DevTools protocol with a small WebSocket client written on the standard library
alone (no pip packages, works offline). Checks that the search box filters the document list (also when the
page is opened as index.html?q=TERM) and finds documents by the words of their text within 100 ms, that links
between documents lead to existing pages and embedded photos load, that a withdrawn document keeps its page,
that pages fit a phone screen, that pages raise no script errors, Content-Security-Policy violations or
failed loads, that nothing is fetched from the network, that a printed document page says it is uncontrolled,
and saves screenshots. Prints "N passed, N failed" last and exits non-zero when any check failed.
"""

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path


class WebSocket:
    """Just enough of RFC 6455 for one client connection to Chromium on the loopback interface."""

    def __init__(self, url, timeout=30):
        parsed = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((parsed.hostname, parsed.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {parsed.path} HTTP/1.1\r\nHost: {parsed.hostname}:{parsed.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("Chromium closed the DevTools connection during the handshake")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError("DevTools handshake failed: " + head.decode(errors="replace"))

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(max(65536, count - len(self.buffer)))
            if not chunk:
                raise ConnectionError("Chromium closed the DevTools connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def _send_frame(self, opcode, payload):
        header = bytes([0x80 | opcode])
        length = len(payload)
        if length < 126:
            header += bytes([0x80 | length])
        elif length < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", length)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", length)
        mask = os.urandom(4)
        masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def send(self, text):
        self._send_frame(0x1, text.encode())

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            opcode = first & 0x0F
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            if second & 0x80:
                mask = self._read(4)
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(self._read(length)))
            else:
                payload = self._read(length)
            if opcode == 0x9:
                self._send_frame(0xA, payload)
                continue
            if opcode == 0x8:
                raise ConnectionError("Chromium closed the DevTools connection")
            if opcode in (0x0, 0x1, 0x2):
                message += payload
                if first & 0x80:
                    return message.decode()

    def close(self):
        try:
            self._send_frame(0x8, b"")
            self.sock.close()
        except OSError:
            pass


class DevTools:
    """Calls DevTools methods on one page session and keeps the events that arrive meanwhile."""

    def __init__(self, socket_url):
        self.ws = WebSocket(socket_url)
        self.next_id = 0
        self.events = []
        self.session = None

    def call(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            reply = json.loads(self.ws.receive())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
        raise TimeoutError(f"{method} did not answer within {timeout} s")

    def wait_for(self, event, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, message in enumerate(self.events):
                if message.get("method") == event:
                    del self.events[index]
                    return message
            message = json.loads(self.ws.receive())
            if "method" in message:
                self.events.append(message)
        raise TimeoutError(f"no {event} within {timeout} s")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def open(self, url):
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        self.call("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"PASS  {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name}" + (f": {detail}" if detail else ""))


def start_chromium(binary, profile):
    command = [
        binary, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-features=Translate,MediaRouter,OptimizationHints",
        "--hide-scrollbars", "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = Path(profile) / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if port_file.exists():
            lines = port_file.read_text().split("\n")
            if len(lines) >= 2 and lines[0].strip():
                return process, f"ws://127.0.0.1:{lines[0].strip()}{lines[1].strip()}"
        if process.poll() is not None:
            raise RuntimeError(f"chromium exited with status {process.returncode} before DevTools started")
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("chromium did not start DevTools within 30 s")


def problems(events):
    """Script errors, console errors, CSP violations, failed loads and any fetch that is not a local file."""
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            found.append("uncaught: " + (details.get("exception", {}).get("description") or details.get("text", "")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append("console.error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            found.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip())
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if not (url.startswith("file:") or url.startswith("data:") or url.startswith("about:")):
                found.append("network request: " + url)
        elif method == "Network.loadingFailed":
            found.append(f"failed load: {params.get('errorText')} {params.get('blockedReason', '')}".strip())
    return found


def main():
    arguments = [a for a in sys.argv[1:] if not a.startswith("--chromium=")]
    binaries = [a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--chromium=")]
    if len(arguments) != 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    site, images = Path(arguments[0]).resolve(), Path(arguments[1]).resolve()
    binary = binaries[0] if binaries else shutil.which("chromium")
    index = site / "index.html"
    if not index.is_file():
        print(f"browser-check: {index} does not exist; render a site first", file=sys.stderr)
        return 2
    images.mkdir(parents=True, exist_ok=True)
    checks = Checks()
    profile = tempfile.mkdtemp(prefix="sop-browser-check-")
    process = None
    tools = None
    try:
        process, socket_url = start_chromium(binary, profile)
        tools = DevTools(socket_url)
        target = tools.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        tools.session = tools.call(
            "Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            tools.call(f"{domain}.enable")
        tools.call("Emulation.setDeviceMetricsOverride",
                   {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})

        # 1. The list and the search box.
        tools.events.clear()
        tools.open(index.as_uri())
        rows = tools.evaluate("document.querySelectorAll('tr[data-document]').length")
        checks.check("index lists documents", rows and rows > 0, f"{rows} rows")
        box_shown = tools.evaluate("!document.getElementById('document-search').hidden")
        checks.check("search box is shown once the script runs", box_shown is True)
        first = tools.evaluate("(document.querySelector('tr[data-document] th') || {}).textContent || ''").strip()
        tools.open(index.as_uri() + "?q=" + urllib.parse.quote(first))
        state = tools.evaluate("""(() => {
            const rows = [...document.querySelectorAll('tr[data-document]')];
            return {value: document.getElementById('document-search-input').value,
                    shown: rows.filter(r => !r.hidden).map(r => r.querySelector('th').textContent.trim()),
                    hidden: rows.filter(r => r.hidden).length,
                    status: document.getElementById('document-search-status').textContent};
        })()""")
        checks.check("index.html?q= fills the search box", state["value"] == first, state["value"])
        expected_hidden = rows - len(state["shown"])
        checks.check(
            "the query filters the list to the matching document",
            first in state["shown"] and state["hidden"] == expected_hidden and (rows == 1 or state["hidden"] > 0),
            json.dumps(state))
        tools.evaluate("(() => { const i = document.getElementById('document-search-input'); i.value = ''; i.focus(); })()")
        tools.call("Input.insertText", {"text": "no-such-document-xyzzy"})
        typed = tools.evaluate("""(() => ({
            shown: document.querySelectorAll('tr[data-document]:not([hidden])').length,
            groups: document.querySelectorAll('section[data-group]:not([hidden])').length,
            status: document.getElementById('document-search-status').textContent}))()""")
        checks.check("typing a term that matches nothing hides every row and group",
                     typed["shown"] == 0 and typed["groups"] == 0 and typed["status"].startswith("0 of"),
                     json.dumps(typed))
        tools.evaluate("(() => { const i = document.getElementById('document-search-input'); i.value = ''; i.dispatchEvent(new Event('input')); })()")
        tools.call("Page.reload")
        tools.wait_for("Page.loadEventFired")
        shot = tools.call("Page.captureScreenshot", {"format": "png"})
        (images / "index.png").write_bytes(base64.b64decode(shot["data"]))
        checks.check("index.html has no script errors, CSP violations, failed or network loads",
                     not problems(tools.events), "; ".join(problems(tools.events)))

        # 2. The other pages load cleanly.
        link = tools.evaluate("(document.querySelector('tr[data-document] a') || {}).href || ''")
        for name, url in (("changes.html", (site / "changes.html").as_uri()), ("a document page", link)):
            tools.events.clear()
            if not url:
                checks.check(f"{name} exists", False, "no link found on the index")
                continue
            tools.open(url)
            found = problems(tools.events)
            checks.check(f"{name} has no script errors, CSP violations, failed or network loads", not found,
                         "; ".join(found))
            structure = tools.evaluate("""(() => {
                const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]);
                const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1).length;
                return {lang: document.documentElement.lang, h1: levels.filter(l => l === 1).length, skips,
                        main: !!document.querySelector('main'), unscoped: document.querySelectorAll('thead th:not([scope])').length};
            })()""")
            checks.check(f"{name} is structured: lang, one h1, no skipped heading level, main, scoped headers",
                         structure["lang"] == "en" and structure["h1"] == 1 and structure["skips"] == 0
                         and structure["main"] and structure["unscoped"] == 0, json.dumps(structure))

        # 3. The document page printed.
        shot = tools.call("Page.captureScreenshot", {"format": "png"})
        (images / "document.png").write_bytes(base64.b64decode(shot["data"]))
        pdf = base64.b64decode(tools.call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True},
                                          timeout=60)["data"])
        (images / "document.pdf").write_bytes(pdf)
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", "-layout", str(images / "document.pdf"), "-"],
                                  capture_output=True, text=True).stdout
            pages = text.count("\f") or 1
            notices = text.count("Uncontrolled when printed")
            checks.check("the printed document says 'Uncontrolled when printed' on every page",
                         notices >= pages and notices > 0, f"{notices} notices on {pages} pages")
            # A document page names its own revision, not the snapshot, so a reader of the copy knows what to check.
            flat = " ".join(text.split())
            checks.check("the printed notice names the document's revision, not the snapshot",
                         "This is revision" in flat and "check published/" not in flat,
                         flat[flat.find("Uncontrolled"):][:160])
        else:
            print("SKIP  printed notice: pdftotext is not installed (apt-get install poppler-utils)")

        # 4. Full-text search: a word only the text of a document holds finds that document, quickly.
        tools.events.clear()
        tools.open(index.as_uri())
        probe = tools.evaluate("""(() => {
            // The rarest word of 6+ letters that only the texts hold.
            const index = window.sopSearchIndex || [];
            const table = [...document.querySelectorAll('tr[data-document]')].map(r => r.textContent.toLowerCase()).join(' ');
            const counts = new Map();
            for (const entry of index) {
                for (const word of entry[5].split(' ')) {
                    if (word.length >= 6 && /^[a-z]+$/.test(word)) { counts.set(word, (counts.get(word) || 0) + 1); }
                }
            }
            let best = null;
            for (const entry of index) {
                for (const word of entry[5].split(' ')) {
                    const count = counts.get(word);
                    if (count && table.indexOf(word) < 0 && (!best || count < best.count)) { best = {id: entry[0], word, count}; }
                }
            }
            return best;
        })()""")
        checks.check("assets/search-index.js defines the words of the documents", bool(probe), json.dumps(probe))
        if probe:
            measure = """((word) => {
                const input = document.getElementById('document-search-input');
                const times = [];
                for (let round = 0; round < 5; round++) {
                    input.value = ''; input.dispatchEvent(new Event('input')); void document.body.offsetHeight;
                    const start = performance.now();
                    input.value = word; input.dispatchEvent(new Event('input'));
                    void document.body.offsetHeight;  // include the layout of the filtered list
                    times.push(performance.now() - start);
                }
                times.sort((a, b) => a - b);
                return {shown: [...document.querySelectorAll('tr[data-document]:not([hidden])')].map(r => r.getAttribute('data-id')),
                        status: document.getElementById('document-search-status').textContent,
                        median: times[2], worst: times[4], rows: document.querySelectorAll('tr[data-document]').length};
            })(%s)"""
            found = tools.evaluate(measure % json.dumps(probe["word"]))
            checks.check(f"searching a word of the text ({probe['word']!r}) finds {probe['id']}",
                         probe["id"] in found["shown"], json.dumps(found)[:300])
            # The slow case for the page: one match, every other row hidden.
            last = tools.evaluate("[...document.querySelectorAll('tr[data-document]')].pop().getAttribute('data-id')")
            single = tools.evaluate(measure % json.dumps(last.lower()))
            for label, result in ((repr(probe["word"]), found), (f"{last!r} (one match)", single)):
                print(f"INFO  search latency for {label} on {result['rows']} documents, {len(result['shown'])} shown: "
                      f"median {result['median']:.1f} ms, worst {result['worst']:.1f} ms (type, filter and lay out)")
            slowest = max(found["median"], single["median"])
            checks.check("search results appear within 100 ms", slowest < 100, f"{slowest:.1f} ms")
            tools.evaluate("(() => { const i = document.getElementById('document-search-input'); i.value = ''; i.dispatchEvent(new Event('input')); })()")
        checks.check("the search raises no script errors", not problems(tools.events), "; ".join(problems(tools.events)))

        # 5. Links between documents lead to pages that exist, and embedded photos load.
        pages = tools.evaluate("[...document.querySelectorAll('tr[data-document] a')].map(a => a.href)") or []
        linked, dead, photos, broken, linking, unstructured = 0, [], 0, [], None, []
        for url in pages[:60]:  # the first 60 pages: enough to meet links and photos, quick on big sites
            tools.events.clear()
            tools.open(url)
            seen = tools.evaluate("""(() => ({
                links: [...document.querySelectorAll('main a[href]')].map(a => a.href).filter(h => h.startsWith('file:')),
                docLinks: document.querySelectorAll('.doc-body a.doc-link, .doc-body a.doc-ref').length,
                markdown: [...document.querySelectorAll('main a[href]')].filter(a => /\.md([?#]|$)/.test(a.getAttribute('href'))).length,
                images: [...document.querySelectorAll('.doc-body img')].map(i => ({src: i.src, ok: i.complete && i.naturalWidth > 0})),
                skips: (() => { const l = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]);
                                return l.filter((v, i) => i > 0 && v > l[i - 1] + 1).length + Math.abs(l.filter(v => v === 1).length - 1); })()
            }))()""")
            if seen["skips"]:
                unstructured.append(url)
            linked += seen["docLinks"]
            if seen["docLinks"] and not linking:
                linking = url
            for href in seen["links"]:
                target = Path(urllib.parse.unquote(urllib.parse.urlparse(href).path))
                if not target.is_file():
                    dead.append(href)
            if seen["markdown"]:
                dead.append(f"{url}: {seen['markdown']} links to .md files")
            photos += len(seen["images"])
            broken += [image["src"] for image in seen["images"] if not image["ok"]]
        checks.check("document pages link other documents by file name and by id", linked > 0, f"{linked} links")
        checks.check("every link on a document page leads to a file of the site (no dead links, no .md)",
                     not dead, "; ".join(dead[:5]))
        checks.check("every document page has one h1 and skips no heading level", not unstructured,
                     "; ".join(unstructured[:5]))
        checks.check("embedded photos load", photos > 0 and not broken, f"{photos} photos, broken: {broken[:3]}")
        if linking:
            tools.open(linking)
            target = tools.evaluate("(document.querySelector('.doc-body a.doc-link, .doc-body a.doc-ref') || {}).href")
            tools.open(target)
            heading = tools.evaluate("document.querySelector('h1').textContent")
            name = Path(urllib.parse.urlparse(target).path).stem
            checks.check("a rewritten link opens the linked document's page", name in heading, heading)

        # 6. A withdrawn document keeps its page.
        tools.events.clear()
        tools.open((site / "changes.html").as_uri())
        withdrawn = tools.evaluate("[...document.querySelectorAll('#withdrawn-heading ~ .table-wrap a')].map(a => a.href)") or []
        if withdrawn:
            tools.events.clear()
            tools.open(withdrawn[0])
            page = tools.evaluate("""(() => ({notice: !!document.querySelector('.withdrawn-notice'),
                reason: (document.querySelector('.withdrawal-reason') || {}).textContent || '',
                h1: document.querySelectorAll('h1').length}))()""")
            checks.check("a withdrawn document's page says it is withdrawn, with the reason",
                         page["notice"] and page["h1"] == 1, json.dumps(page))
            checks.check("the withdrawn page has no script errors, CSP violations, failed or network loads",
                         not problems(tools.events), "; ".join(problems(tools.events)))
        else:
            print("SKIP  withdrawn page: the snapshot has no withdrawn document")

        # 7. Phone-sized screenshots, to see the responsive layout.
        tools.call("Emulation.setDeviceMetricsOverride",
                   {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
        tools.open(index.as_uri())
        width = tools.evaluate("document.documentElement.scrollWidth")
        checks.check("the index fits a 390 px phone screen without sideways scrolling", width <= 390, f"{width} px")
        shot = tools.call("Page.captureScreenshot", {"format": "png"})
        (images / "index-phone.png").write_bytes(base64.b64decode(shot["data"]))
        phone_pages = [("a document page", link)] + ([("the withdrawn page", withdrawn[0])] if withdrawn else [])
        for name, url in phone_pages:
            if not url:
                continue
            tools.open(url)
            width = tools.evaluate("document.documentElement.scrollWidth")
            checks.check(f"{name} fits a 390 px phone screen without sideways scrolling", width <= 390, f"{width} px")
            shot = tools.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
            stem = "document-phone" if name == "a document page" else "withdrawn-phone"
            (images / f"{stem}.png").write_bytes(base64.b64decode(shot["data"]))
    except (OSError, RuntimeError, TimeoutError, ConnectionError, KeyError, TypeError) as error:
        checks.check("browser session", False, str(error))
    finally:
        if tools:
            tools.ws.close()
        if process:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(profile, ignore_errors=True)
    print(f"Screenshots and PDF in {images}")
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
