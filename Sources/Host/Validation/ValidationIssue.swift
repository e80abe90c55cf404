/// One problem found by `JSONSchema.validate`, shaped like a zod v3 issue.
///
/// `code` is zod's issue code (`invalid_type`, `too_small`, `unrecognized_keys`, ...), `path`
/// leads from the validated root to the offending value, and `message` is zod's default
/// wording unless the schema set `x-message`. An `invalid_union` issue also carries the issues
/// of each alternative that was tried, because Cal.com flattens them when it renders errors.
struct ValidationIssue: Equatable {
    /// zod's issue code.
    var code: String
    /// Property names and array indexes from the root to the value.
    var path: [PathComponent]
    /// The human-readable message.
    var message: String
    /// For `invalid_union`: the issues of each alternative, in schema order.
    var unionIssues: [[ValidationIssue]] = []
}

/// One step of an issue's path.
enum PathComponent: Equatable {
    case key(String)
    case index(Int)
}

extension Array where Element == ValidationIssue {
    /// The message Cal.com v1 answers with for a failed zod parse.
    ///
    /// Issues are joined with `"; "`. Each renders as `<code> in '<path>': <message>` (path
    /// components joined with `,` like a JavaScript array's `toString`, e.g. `'hosts,0,userId'`),
    /// or only `<message>` when the path is empty or the code is `unrecognized_keys`. An
    /// `invalid_union` issue is replaced by the rendering of its alternatives' issues.
    var zodMessage: String {
        map { issue in
            if issue.code == "invalid_union" && !issue.unionIssues.isEmpty {
                return issue.unionIssues.map(\.zodMessage).joined(separator: "; ")
            }
            if issue.code == "unrecognized_keys" || issue.path.isEmpty {
                return issue.message
            }
            let path = issue.path.map { component -> String in
                switch component {
                case .key(let key): return key
                case .index(let index): return String(index)
                }
            }
            return "\(issue.code) in '\(path.joined(separator: ","))': \(issue.message)"
        }
        .joined(separator: "; ")
    }
}
