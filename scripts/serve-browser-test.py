#!/usr/bin/env python3
"""Drives `sop serve` in headless Chromium with WebDriver's virtual authenticator (issue 16, docs/serve.md).

Usage: serve-browser-test.py SOP_BINARY WORK_DIR

Builds a repository with stock git and ssh-keygen, starts `sop serve` on it, and, each person in a browser of
their own with their own virtual passkey: Ada (quality, admin) enrols and the root admin approves that with an
SSH key on the command line (the bootstrap); Owen (owner) and Rita (reader) enrol; Ada approves that policy
change in the browser; Owen and Ada approve QP-001; Rita acknowledges it. Then `git verify-commit`, with
`sop keys` as the allowed-signers file, must accept every commit the server made, and `sop verify` must be ok.
On the way: a cross-site form post from another origin is refused with nothing committed; Rita signs in with
the keyboard alone; every page passes axe-core's WCAG 2 A/AA rules (landmarks, labels, names, contrast) and
fits a 390-pixel phone screen without scrolling sideways.

With SOP_SERVE_SCREENSHOTS=DIR it saves screenshots of the document page (desktop and phone) there.

Needs: chromium and chromium-driver (apt), selenium and axe-playwright-python (pip; only its bundled
axe.min.js is used). Prints "N passed, N failed" last; exits 1 when a check failed.
"""

import http.server
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.virtual_authenticator import VirtualAuthenticatorOptions
from selenium.webdriver.support.ui import WebDriverWait

PASSED = []
FAILED = []


def check(name, condition, detail=""):
    (PASSED if condition else FAILED).append(name)
    print(("ok   " if condition else "FAIL ") + name + ("" if condition or not detail else f": {detail}"))
    return condition


def run(args, cwd, env=None, check_status=True):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if check_status and result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({result.returncode}): {result.stderr}{result.stdout}")
    return result


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


POLICY = """version: 1
organisation: Browser Test Ltd
policy-approvals: 1
people:
  # The root admin signs on the command line with an SSH key; everyone else uses a passkey.
  - email: root@example.com
    name: Root Admin
    roles: [admin]
    keys: ["{root_key}"]
  - email: ada@example.com
    name: Ada Quality
    roles: [quality, admin]
  - email: owen@example.com
    name: Owen Owner
    roles: [operations]
  - email: rita@example.com
    name: Rita Reader
    roles: [site]
types:
  procedure:
    prefix: QP
    approvals: [quality, owner]
    review-every: 12 months
documents: ["**/*.md"]
training:
  site: [QP-001]
"""

PROCEDURE = """---
id: QP-001
title: Goods receipt
type: procedure
owner: owen@example.com
---

# Goods receipt

## Purpose

This procedure tells you how to check goods when they arrive, so faulty goods never reach a job.

## Scope

It applies to every delivery to the yard.

## Responsibilities

- **Storeperson:** checks and books in each delivery.
- **Buyer:** sorts out wrong or damaged goods with the supplier.

## Procedure

1. Check the delivery docket against the purchase order.
2. Count the items and look for damage.
3. Sign the docket and put the goods on the rack.
4. Tell the buyer about anything wrong the same day.

## Records

Keep the signed docket in the delivery folder for two years.
"""


class Person:
    """One person in a browser of their own, with a virtual passkey only they hold."""

    def __init__(self, name, email, base, chromium, driver_path):
        self.name, self.email, self.base = name, email, base
        options = Options()
        options.binary_location = chromium
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1200,900"]:
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service(driver_path), options=options)
        authenticator = VirtualAuthenticatorOptions()
        authenticator.protocol = VirtualAuthenticatorOptions.Protocol.CTAP2
        authenticator.transport = VirtualAuthenticatorOptions.Transport.INTERNAL
        authenticator.has_resident_key = True
        authenticator.has_user_verification = True
        authenticator.is_user_verified = True
        authenticator.is_user_consenting = True
        self.driver.add_virtual_authenticator(authenticator)

    def open(self, path):
        self.driver.get(self.base + path)

    def status(self, timeout=30):
        """Waits until the page's status region says how an action ended; returns its text."""
        def settled(driver):
            element = driver.find_element(By.ID, "status")
            text = element.text
            return text if ("Signed: commit" in text or "error" in (element.get_attribute("class") or "")
                            or "sop.yml now lists" in text or "Add this line" in text) else False
        try:
            return WebDriverWait(self.driver, timeout).until(settled)
        except TimeoutException:
            return self.driver.find_element(By.ID, "status").text

    def enrol(self):
        self.open("/enrol")
        self.driver.find_element(By.ID, "enrol-name").send_keys(self.name)
        self.driver.find_element(By.ID, "enrol-email").send_keys(self.email)
        self.driver.find_element(By.ID, "enrol").click()
        return self.status()

    def sign_in(self, keyboard=False):
        self.open("/sign-in")
        if keyboard:
            body = self.driver.find_element(By.TAG_NAME, "body")
            body.send_keys(Keys.TAB)
            for _ in range(15):
                active = self.driver.switch_to.active_element
                if active.get_attribute("id") == "sign-in":
                    break
                active.send_keys(Keys.TAB)
            active = self.driver.switch_to.active_element
            if active.get_attribute("id") != "sign-in":
                return False
            active.send_keys(Keys.ENTER)
        else:
            self.driver.find_element(By.ID, "sign-in").click()
        try:
            WebDriverWait(self.driver, 20).until(lambda d: d.current_url.endswith("/todo"))
            return True
        except TimeoutException:
            return False

    def press(self, selector):
        self.driver.find_element(By.CSS_SELECTOR, selector).click()
        return self.status()

    def quit(self):
        self.driver.quit()


def axe_script():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    return path.read_text() if path.exists() else None


def accessibility(person, path, axe):
    """axe-core's WCAG 2 A and AA rules, and no sideways scrolling at phone width."""
    person.open(path)
    if axe:
        person.driver.execute_script(axe)
        result = person.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice']}})"
            ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.length)));")
        check(f"axe-core finds no WCAG 2 A/AA violation on {path}", not result, "; ".join(result))
    else:
        check(f"axe-core is installed (pip install --no-deps axe-playwright-python)", False)
    person.driver.set_window_size(390, 844)
    person.open(path)
    width = person.driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    check(f"{path} fits a 390-pixel phone screen", width[0] <= width[1], f"{width[0]} > {width[1]}")
    person.driver.set_window_size(1200, 900)


class CrossSitePage(http.server.BaseHTTPRequestHandler):
    """A page on another origin that posts a form to sop serve as soon as it loads."""
    target = ""

    def do_GET(self):
        page = (f'<!doctype html><form id="f" method="post" action="{self.target}/actions/prepare" '
                f'enctype="text/plain"><input name=\'{{"action":"approve","ids":["QP-001"],"x":"\' value=\'"}}\'>'
                '</form><script>document.getElementById("f").submit()</script>')
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(page.encode())

    def log_message(self, *args):
        pass


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    sop, work = os.path.abspath(sys.argv[1]), Path(sys.argv[2])
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        print("serve-browser-test: chromium and chromium-driver are needed (apt-get install chromium chromium-driver)")
        print("0 passed, 0 failed, 1 skipped")
        return 0
    work.mkdir(parents=True, exist_ok=True)
    repo = work / "repo"
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir()
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=str(work), GIT_AUTHOR_NAME="Dana Author",
               GIT_AUTHOR_EMAIL="dana@example.com", GIT_COMMITTER_NAME="Dana Author",
               GIT_COMMITTER_EMAIL="dana@example.com")
    key = work / "root_ed25519"
    for leftover in [key, Path(str(key) + ".pub")]:
        leftover.unlink(missing_ok=True)
    run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "root@example.com", "-f", str(key)], work, env)
    root_key = " ".join(Path(str(key) + ".pub").read_text().split()[:2])
    run(["git", "init", "-q", "-b", "main"], repo, env)
    (repo / "sop.yml").write_text(POLICY.format(root_key=root_key))
    (repo / "procedures").mkdir()
    (repo / "procedures" / "QP-001.md").write_text(PROCEDURE)
    run(["git", "add", "-A"], repo, env)
    run(["git", "commit", "-q", "-m", "Documents"], repo, env)
    start = run(["git", "rev-parse", "HEAD"], repo, env).stdout.strip()

    port = free_port()
    base = f"http://localhost:{port}"
    server = subprocess.Popen([sop, "serve", "-C", str(repo), "--rp-id", "localhost", "--origin", base,
                               "--listen", f"127.0.0.1:{port}"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    people = []
    try:
        line = server.stdout.readline()
        if not check("sop serve starts and says where it listens", "listening on" in line, line):
            return 1
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        ada = Person("Ada Quality", "ada@example.com", base, chromium, driver_path)
        owen = Person("Owen Owner", "owen@example.com", base, chromium, driver_path)
        rita = Person("Rita Reader", "rita@example.com", base, chromium, driver_path)
        people = [ada, owen, rita]

        said = ada.enrol()
        check("Ada enrols a passkey; sop.yml gets a pending change", "sop.yml now lists" in said, said)
        key_line = ada.driver.find_element(By.ID, "key-line").text
        check("the enrolment page shows an sk-ecdsa key line",
              key_line.startswith("sk-ecdsa-sha2-nistp256@openssh.com "), key_line)
        # The bootstrap: the root admin approves Ada's key with stock git and an SSH key.
        blob = run(["git", "rev-parse", "HEAD:sop.yml"], repo, env).stdout.strip()
        root_env = dict(env, GIT_AUTHOR_NAME="Root Admin", GIT_AUTHOR_EMAIL="root@example.com",
                        GIT_COMMITTER_NAME="Root Admin", GIT_COMMITTER_EMAIL="root@example.com")
        run(["git", "-c", "gpg.format=ssh", "-c", f"user.signingkey={key}", "commit", "-q", "-S",
             "--allow-empty", "-m", f"Approve POLICY\n\nApproves: POLICY {blob}"], repo, root_env)
        check("Owen enrols", "sop.yml now lists" in owen.enrol())
        check("Rita enrols", "sop.yml now lists" in rita.enrol())

        check("Ada signs in with her passkey", ada.sign_in())
        accessibility(ada, "/admin", axe := axe_script())
        ada.open("/admin")
        page = ada.driver.find_element(By.TAG_NAME, "main").text
        check("the admin page says which keys the change adds",
              "Owen Owner <owen@example.com>: adds key passkey SHA256:" in page
              and "Rita Reader <rita@example.com>: adds key passkey SHA256:" in page, page)
        said = ada.press('button.sign[data-ids="POLICY"]')
        check("Ada approves the policy change with her passkey", "Signed: commit" in said, said)

        head = run(["git", "rev-parse", "HEAD"], repo, env).stdout.strip()
        evil_port = free_port()
        CrossSitePage.target = base
        evil = http.server.HTTPServer(("127.0.0.1", evil_port), CrossSitePage)
        threading.Thread(target=evil.serve_forever, daemon=True).start()
        ada.driver.get(f"http://127.0.0.1:{evil_port}/")
        time.sleep(1.5)
        body = ada.driver.find_element(By.TAG_NAME, "body").text
        check("a form posted from another site is refused", "did not come from" in body or "JSON" in body, body)
        check("and nothing is committed", run(["git", "rev-parse", "HEAD"], repo, env).stdout.strip() == head)
        evil.shutdown()

        check("Owen signs in", owen.sign_in())
        accessibility(owen, "/documents/QP-001", axe)
        owen.open("/documents/QP-001")
        said = owen.press('button.sign[data-action="approve"]')
        check("Owen (owner) approves QP-001", "Signed: commit" in said, said)
        ada.open("/documents/QP-001")
        shots = os.environ.get("SOP_SERVE_SCREENSHOTS")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            ada.driver.save_screenshot(str(Path(shots) / "serve-document.png"))
            ada.driver.set_window_size(390, 844)
            ada.driver.save_screenshot(str(Path(shots) / "serve-document-phone.png"))
            ada.driver.set_window_size(1200, 900)
        said = ada.press('button.sign[data-action="approve"]')
        check("Ada (quality) approves QP-001", "Signed: commit" in said and "approved" in said, said)

        check("Rita signs in with the keyboard alone", rita.sign_in(keyboard=True))
        accessibility(rita, "/todo", axe)
        rita.open("/todo")
        check("Rita's to-do lists QP-001 to acknowledge", "QP-001" in rita.driver.find_element(By.ID, "main").text)
        rita.open("/documents/QP-001")
        said = rita.press('button.sign[data-action="acknowledge"]')
        check("Rita acknowledges QP-001", "Signed: commit" in said, said)
        for path in ["/documents", "/enrol"]:
            accessibility(rita, path, axe)
        rita.driver.find_element(By.ID, "sign-out").click()
        WebDriverWait(rita.driver, 10).until(lambda d: d.current_url.endswith("/sign-in"))
        accessibility(rita, "/sign-in", axe)

        keys = run([sop, "-C", str(repo), "keys"], repo, env).stdout
        allowed = work / "allowed_signers"
        allowed.write_text(keys)
        made = run(["git", "rev-list", f"{start}..HEAD"], repo, env).stdout.split()
        signed = [c for c in made if "gpgsig" in run(["git", "cat-file", "commit", c], repo, env).stdout]
        check("five signed commits: the root admin's bootstrap and the server's policy approval, two approvals, one acknowledgement",
              len(signed) == 5, f"{len(signed)} signed of {len(made)}")
        for commit in signed:
            result = run(["git", "-c", "gpg.format=ssh", "-c", f"gpg.ssh.allowedSignersFile={allowed}",
                          "verify-commit", commit], repo, env, check_status=False)
            check(f"git verify-commit accepts {commit[:12]}", result.returncode == 0, result.stderr)
        verify = run([sop, "-C", str(repo), "verify"], repo, env, check_status=False)
        check("sop verify is ok", verify.returncode == 0, verify.stdout + verify.stderr)
        status = json.loads(run([sop, "-C", str(repo), "status", "--format", "json"], repo, env).stdout)
        document = next(d for d in status["documents"] if d["id"] == "QP-001")
        check("QP-001 is approved, revision 1", document["state"] == "approved" and document["revision"] == 1,
              json.dumps(document))
        training = run([sop, "-C", str(repo), "training", "--format", "json"], repo, env, check_status=False)
        check("Rita's training on QP-001 is current", "current" in training.stdout, training.stdout[-400:])
    finally:
        for person in people:
            person.quit()
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    print(f"{len(PASSED)} passed, {len(FAILED)} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
