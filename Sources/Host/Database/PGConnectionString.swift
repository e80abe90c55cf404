import CLibPQ

/// A database URL as calapi accepts it, turned into libpq connection keywords.
///
/// Cal.com's `DATABASE_URL` is written for Prisma: a `postgresql://` URI that may carry query
/// parameters libpq rejects (`schema`, `connection_limit`, `pool_timeout`, `pgbouncer`, …). Those are
/// removed here; `schema` is kept aside so that the connection can set `search_path`. libpq's own
/// key=value form is accepted unchanged. Never put the string itself in a message: it may hold a password.
struct PGConnectionString {
    /// Query parameters that only Prisma understands.
    static let prismaOnlyParameters: Set<String> = [
        "schema", "connection_limit", "pool_timeout", "socket_timeout", "pgbouncer",
        "statement_cache_size", "max_connection_lifetime", "max_idle_connection_lifetime",
    ]

    /// Settings calapi adds unless the URL gives its own: a short connect timeout so that a dead
    /// server is reported at once, TCP keepalives so that a vanished one is noticed mid-query, and no
    /// GSSAPI encryption attempt (libpq's default `prefer` probes for Kerberos credentials on every
    /// connect, loading the Kerberos library into every worker; `?gssencmode=prefer` or `require`
    /// asks for it, and GSSAPI authentication is not affected).
    static let defaults: [(String, String)] = [
        ("connect_timeout", "2"), ("keepalives", "1"), ("keepalives_idle", "10"),
        ("keepalives_interval", "5"), ("keepalives_count", "3"), ("application_name", "calapi"),
        ("gssencmode", "disable"),
    ]

    /// What libpq is given: the URL less the Prisma-only parameters.
    let conninfo: String
    /// The schema named by `?schema=`, if any.
    let schema: String?

    init(_ url: String) {
        guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://"),
              let queryStart = Self.queryStart(in: url) else {
            conninfo = url
            schema = nil
            return
        }
        var schema: String?
        var kept: [Substring] = []
        for pair in url[url.index(after: queryStart)...].split(separator: "&") {
            let name = pair.prefix { $0 != "=" }
            guard Self.prismaOnlyParameters.contains(String(name)) else {
                kept.append(pair)
                continue
            }
            if name == "schema", let value = pair.split(separator: "=", maxSplits: 1).dropFirst().first {
                schema = PercentDecoding.decode(value, plusAsSpace: false)
            }
        }
        conninfo = String(url[..<queryStart]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        self.schema = schema.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The keyword/value pairs for `PQconnectdbParams`: what the URL sets, then calapi's defaults
    /// for what it leaves out. Throws `.unavailable` when libpq cannot parse the URL.
    func parameters() throws -> [(String, String)] {
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &message) else {
            let text = DatabaseError.firstLine(of: message)
            PQfreemem(message)
            throw DatabaseError(kind: .unavailable, sqlState: "08001", message: "invalid database URL: " + text, constraint: nil)
        }
        defer { PQconninfoFree(options) }
        var result: [(String, String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                result.append((String(cString: keyword), String(cString: value)))
            }
            option += 1
        }
        for (keyword, value) in Self.defaults where !result.contains(where: { $0.0 == keyword }) {
            result.append((keyword, value))
        }
        return result
    }

    /// Where the query of a URI begins: the first `?` after the user-info part, which (as libpq
    /// reads it) ends at the first `@` that comes before any `/`.
    private static func queryStart(in url: String) -> String.Index? {
        let afterScheme = url.index(url.firstIndex(of: ":")!, offsetBy: 3)
        var hostStart = afterScheme
        if let at = url[afterScheme...].firstIndex(where: { $0 == "@" || $0 == "/" }), url[at] == "@" {
            hostStart = url.index(after: at)
        }
        return url[hostStart...].firstIndex(of: "?")
    }
}
