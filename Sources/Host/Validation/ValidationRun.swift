/// The state of one `JSONSchema.validate` call: issues found so far and where the walk is.
struct ValidationRun {
    /// Issues in the order zod would report them.
    var issues: [ValidationIssue] = []
    /// The path of the value being checked.
    var path: [PathComponent] = []
    /// Whether query-string conversions are on (see `JSONSchema.validate`).
    let coerceStrings: Bool

    init(coerceStrings: Bool, path: [PathComponent] = []) {
        self.coerceStrings = coerceStrings
        self.path = path
    }

    /// Records an issue at the current path.
    mutating func report(_ code: String, _ message: String, unionIssues: [[ValidationIssue]] = []) {
        issues.append(ValidationIssue(code: code, path: path, message: message, unionIssues: unionIssues))
    }
}

/// How a value fared, in zod's terms: `dirty` values failed a refinement but kept their shape
/// (a too-short string), `aborted` ones failed their type (which matters for unions: the first
/// dirty alternative is reported instead of `invalid_union`).
enum CheckStatus: Comparable {
    case valid
    case dirty
    case aborted
}

/// The outcome of checking one value.
struct CheckResult {
    var status: CheckStatus
    /// The converted value, when conversions changed it.
    var replacement: JSONValue?

    static let valid = CheckResult(status: .valid, replacement: nil)
    static let aborted = CheckResult(status: .aborted, replacement: nil)
}
