/// The one script and one style sheet of `sop serve`, served from `/assets/` (the Content-Security-Policy
/// allows no inline script or style).
enum ServeAssets {
  /// Talks to the passkey (`navigator.credentials`) and the server's JSON endpoints; every post carries the
  /// page's CSRF token. Bytes travel as base64url.
  static let script = #"""
    "use strict";
    (function () {
      const enc = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      const dec = (text) => {
        const base = text.replace(/-/g, "+").replace(/_/g, "/");
        const padded = base + "===".slice((base.length + 3) % 4);
        return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
      };
      const csrf = () => (document.querySelector('meta[name="sop-csrf"]') || {}).content || "";
      const status = (text, isError) => {
        const element = document.getElementById("status");
        if (!element) return;
        element.textContent = text;
        element.className = isError ? "error" : "ok";
      };
      async function post(url, body) {
        const response = await fetch(url, {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
          body: JSON.stringify(body || {}),
        });
        let answer = {};
        try { answer = await response.json(); } catch (e) { answer = {}; }
        if (!response.ok) throw new Error(answer.error || ("The server answered " + response.status));
        return answer;
      }
      const assertion = (credential) => ({
        authenticatorData: enc(credential.response.authenticatorData),
        clientDataJSON: enc(credential.response.clientDataJSON),
        signature: enc(credential.response.signature),
      });
      const failed = (error) => status(error && error.name === "NotAllowedError"
        ? "The passkey was not used (cancelled or timed out). Nothing was signed."
        : (error && error.message) || String(error), true);

      async function signIn(button) {
        button.disabled = true;
        try {
          const options = await post("/sign-in/challenge", {});
          status("Use your passkey to sign in.");
          const credential = await navigator.credentials.get({ publicKey: {
            challenge: dec(options.challenge), rpId: options.rpId, userVerification: "preferred", timeout: 120000 } });
          const answer = await post("/sign-in", Object.assign({ challengeId: options.challengeId }, assertion(credential)));
          location.assign(answer.redirect);
        } catch (error) { failed(error); } finally { button.disabled = false; }
      }

      async function enrol(form) {
        const button = form.querySelector("button");
        button.disabled = true;
        try {
          const options = await post("/enrol/challenge", {
            name: form.elements.name.value, email: form.elements.email.value });
          status("Create the passkey when your browser asks.");
          const credential = await navigator.credentials.create({ publicKey: {
            challenge: dec(options.challenge), rp: { id: options.rpId, name: options.rpName },
            user: { id: dec(options.userId), name: options.email, displayName: options.name },
            pubKeyCredParams: [{ type: "public-key", alg: -7 }],
            authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
            attestation: "none", timeout: 120000 } });
          const answer = await post("/enrol", { challengeId: options.challengeId,
            clientDataJSON: enc(credential.response.clientDataJSON),
            publicKey: enc(credential.response.getPublicKey()) });
          document.getElementById("key-line").textContent = answer.keyLine;
          document.getElementById("enrolled").hidden = false;
          status(answer.message);
        } catch (error) { failed(error); } finally { button.disabled = false; }
      }

      async function sign(button) {
        const data = button.dataset;
        const request = { action: data.action };
        if (data.ids) request.ids = data.ids.split(",");
        if (data.approval) request.approval = data.approval;
        if (data.reasonInput) request.reason = document.getElementById(data.reasonInput).value;
        if (data.editorial) request.editorial = true;
        if (data.noRetrainingInput) request.noRetraining = document.getElementById(data.noRetrainingInput).checked;
        button.disabled = true;
        try {
          const prepared = await post("/actions/prepare", request);
          status(prepared.meaning + ": use your passkey to sign.");
          const credential = await navigator.credentials.get({ publicKey: {
            challenge: dec(prepared.challenge), rpId: prepared.rpId, userVerification: "preferred", timeout: 120000 } });
          const answer = await post("/actions/finish", Object.assign({ actionId: prepared.actionId }, assertion(credential)));
          status("Signed: commit " + answer.commit + ". " + answer.message);
          const next = document.createElement("a");
          next.href = answer.redirect;
          next.textContent = "Continue";
          document.getElementById("status").append(" ", next);
        } catch (error) { failed(error); } finally { button.disabled = false; }
      }

      document.addEventListener("DOMContentLoaded", () => {
        const signInButton = document.getElementById("sign-in");
        if (signInButton) signInButton.addEventListener("click", () => signIn(signInButton));
        const form = document.getElementById("enrol-form");
        if (form) form.addEventListener("submit", (event) => { event.preventDefault(); enrol(form); });
        for (const button of document.querySelectorAll("button.sign")) {
          button.addEventListener("click", () => sign(button));
        }
        const out = document.getElementById("sign-out");
        if (out) out.addEventListener("click", async () => {
          try { location.assign((await post("/sign-out", {})).redirect); } catch (error) { failed(error); }
        });
      });
    })();
    """#

  /// One column, readable at phone width, visible focus, and contrast above 4.5:1.
  static let style = """
    *, *::before, *::after { box-sizing: border-box; }
    body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; color: #1b1b1b; background: #fff; }
    header { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; padding: 0.75rem 1rem;
      background: #12355b; color: #fff; }
    header a, header .link { color: #fff; }
    .brand { font-weight: 700; margin: 0; }
    nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
    .who { margin: 0; font-size: 0.9rem; }
    main { max-width: 50rem; margin: 0 auto; padding: 1rem; }
    /* Fingerprints, commit ids and emails are long words: they wrap rather than widen a phone screen. */
    p, li, td, th, code { overflow-wrap: anywhere; }
    a { color: #0b4f9c; }
    :focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
    button { font: inherit; padding: 0.6rem 1rem; min-height: 2.75rem; border: 2px solid #12355b;
      border-radius: 0.4rem; background: #12355b; color: #fff; cursor: pointer; }
    button.link { background: none; border: none; padding: 0; min-height: 0; text-decoration: underline; }
    button:disabled { opacity: 0.6; }
    input:not([type=checkbox]) { font: inherit; width: 100%; max-width: 30rem; padding: 0.5rem;
      border: 1px solid #555; border-radius: 0.3rem; }
    label { display: block; font-weight: 600; }
    input[type=checkbox] + label { display: inline; font-weight: 400; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: #fff; color: #000; padding: 0.5rem; z-index: 1; }
    #status:empty { display: none; }
    #status { padding: 0.75rem; border-radius: 0.3rem; background: #e8f1fb; }
    #status.error, .error { background: #fdecea; color: #8a1c14; }
    .table { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.4rem; border-bottom: 1px solid #ccc; vertical-align: top; }
    pre { white-space: pre-wrap; word-break: break-all; background: #f4f4f4; padding: 0.75rem; }
    ins { background: #dff5e1; text-decoration: underline; }
    del { background: #fbe3e3; text-decoration: line-through; }
    .body img { max-width: 100%; height: auto; }
    """
}
