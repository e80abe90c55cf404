/// The result of `JSONSchema.validate`.
///
/// The request is valid exactly when `issues` is empty. `value` is the input with the
/// validator's conversions applied (query strings turned into numbers or booleans, integral
/// doubles turned into `.int` where the schema asks for an integer); it is `nil` when the input
/// was absent.
struct ValidationOutcome {
    /// The input after conversions.
    var value: JSONValue?
    /// Every problem found, in zod's order; empty when the input is valid.
    var issues: [ValidationIssue]
}
