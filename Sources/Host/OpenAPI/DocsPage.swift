import Foundation

/// `GET /docs/ui`: one self-contained HTML page that renders the OpenAPI document served at
/// `/docs` in the browser (grouped, searchable operations, schemas, and a "try it" form). It is
/// the same for every config: the document it fetches holds only the mounted routes.
///
/// The page loads nothing from elsewhere. Its one inline stylesheet and one inline script are
/// allowed by their SHA-256 hashes in the Content-Security-Policy rather than by
/// `'unsafe-inline'`, so markup that ever slipped into the page could not run script or style;
/// `connect-src 'self'` lets the script reach `/docs` and the API on the page's own origin only.
/// Caching: `no-cache` with an `ETag`, so a browser revalidates (a 304 when unchanged) and an
/// upgraded calapi is never shown with an old page.
enum DocsPage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>calapi: API documentation</title>
        <link rel="icon" href="data:,">
        <style>\(style)</style>
        </head>
        <body data-state="loading">
        <header class="top">
          <div><h1 id="title">calapi</h1><span class="version" id="version"></span></div>
          <div class="auth" id="auth">
            <label for="api-key">API key</label>
            <input id="api-key" type="password" autocomplete="off" spellcheck="false" placeholder="cal_…">
            <select id="auth-mode" aria-label="How to send the key">
              <option value="bearer">as Authorization: Bearer</option>
              <option value="query">as ?apiKey= query</option>
            </select>
            <label class="check"><input id="remember" type="checkbox"> keep for this tab</label>
          </div>
        </header>
        <div class="layout">
          <nav aria-label="Resources">
            <input id="search" type="search" placeholder="Search: bookings, POST, /me…" autocomplete="off" aria-label="Search operations">
            <p class="found" id="found"></p>
            <ul id="nav-list"></ul>
          </nav>
          <main id="main"><p id="status">Loading the API description…</p>
          <noscript><p>This page renders the OpenAPI document served at <a href="../docs">/docs</a> with JavaScript.</p></noscript></main>
        </div>
        <script>\(script)</script>
        </body>
        </html>

        """

    /// The policy: nothing but this page's own style and script, and requests to its own origin.
    static let contentSecurityPolicy = [
        "default-src 'none'",
        "script-src '\(hash(script))'",
        "style-src '\(hash(style))'",
        "connect-src 'self'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")

    /// A strong validator of the page's bytes.
    static let etag = "\"" + Hex.encode(Array(SHA256.digest(Array(html.utf8)).prefix(12))) + "\""

    /// The page, or 304 when the client's `If-None-Match` already names this version.
    static func response(ifNoneMatch: String?) -> HTTPResponse {
        let headers: [(name: String, value: String)] = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Security-Policy", contentSecurityPolicy),
            ("Cache-Control", "no-cache"),
            ("ETag", etag),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
        ]
        if let ifNoneMatch, ifNoneMatch.split(separator: ",").contains(where: { $0.trimmingSpaces == etag || $0.trimmingSpaces == "*" }) {
            return HTTPResponse(status: 304, headers: headers.filter { $0.name != "Content-Type" }, body: [])
        }
        return HTTPResponse(status: 200, headers: headers, body: body)
    }

    private static let body = Array(html.utf8)

    /// A CSP source expression for an inline element's exact text.
    private static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.digest(Array(text.utf8))).base64EncodedString()
    }
}
