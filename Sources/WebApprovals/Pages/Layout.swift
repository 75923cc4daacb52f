import DocumentControl
import Foundation
import Signatures
import SitePublisher

/// The pages of `sop serve`, built with SitePublisher's `Markup`: text from documents, people and git is
/// escaped unless it is wrapped as trusted on purpose. Every page has a skip link, a banner, a labelled
/// navigation, one `main` and one `h1`; every control is a native button or a labelled field, so the pages work
/// with a keyboard and a screen reader, and the layout is one column at phone width.
enum Pages {
  static func layout(title: String, session: Session?, _ main: Markup) -> Markup {
    let navigation: Markup =
      session == nil
      ? """
      <li><a href="/documents">Documents</a></li><li><a href="/sign-in">Sign in</a></li>\
      <li><a href="/enrol">Enrol a passkey</a></li>
      """
      : """
      <li><a href="/todo">My to-do</a></li><li><a href="/documents">Documents</a></li>\
      <li><a href="/admin">Policy changes</a></li>\
      <li><button type="button" id="sign-out" class="link">Sign out</button></li>
      """
    let csrf: Markup =
      session.map { session -> Markup in "<meta name=\"sop-csrf\" content=\"\(session.csrfToken)\">" } ?? ""
    let who: Markup = session.map { session -> Markup in "<p class=\"who\">Signed in as \(session.email)</p>" } ?? ""
    return """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      \(csrf)
      <title>\(title) · sop</title>
      <link rel="stylesheet" href="/assets/serve.css">
      <script src="/assets/serve.js" defer></script>
      </head>
      <body>
      <a class="skip" href="#main">Skip to the content</a>
      <header>
      <p class="brand">sop</p>
      <nav aria-label="Main"><ul>\(navigation)</ul></nav>
      \(who)
      </header>
      <main id="main" tabindex="-1">
      <h1>\(title)</h1>
      <p id="status" role="status" aria-live="polite"></p>
      \(main)
      </main>
      </body>
      </html>

      """
  }

  static func problem(_ message: String) -> Markup {
    layout(title: "Cannot show this page", session: nil, "<p class=\"error\">\(message)</p>")
  }

  static func notFound(session: Session?) -> Markup {
    layout(title: "Not found", session: session, "<p>There is no such page. <a href=\"/\">Start again</a>.</p>")
  }

  static func signIn(relyingParty: WebAuthnRelyingParty, signedIn: Session?) -> Markup {
    layout(
      title: "Sign in", session: signedIn,
      """
      <p>Sign in with the passkey you enrolled for \(relyingParty.id): your fingerprint, face, PIN or security key.
      No password is needed.</p>
      <p><button type="button" id="sign-in">Sign in with my passkey</button></p>
      <p>No passkey yet? <a href="/enrol">Enrol one</a>; an admin approves it before it counts.</p>
      """)
  }

  static func enrol(relyingParty: WebAuthnRelyingParty, signedIn: Session?) -> Markup {
    layout(
      title: "Enrol a passkey", session: signedIn,
      """
      <p>Create a passkey for \(relyingParty.id). The server adds its public key to your entry in
      <code>sop.yml</code> as a pending change; it signs nothing until an admin approves that change.</p>
      <form id="enrol-form">
      <p><label for="enrol-name">Your name</label>
      <input id="enrol-name" name="name" autocomplete="name" required maxlength="200"></p>
      <p><label for="enrol-email">Your work email</label>
      <input id="enrol-email" name="email" type="email" autocomplete="email" required maxlength="200"></p>
      <p><button type="submit" id="enrol">Create my passkey</button></p>
      </form>
      <section aria-labelledby="key-heading" id="enrolled" hidden>
      <h2 id="key-heading">Your key for sop.yml</h2>
      <pre><output id="key-line" for="enrol"></output></pre>
      </section>
      """)
  }
}
