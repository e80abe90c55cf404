extension Route {
    /// The path parameters of one request as the route reads them: each converted by its property
    /// of the query schema (with query-string coercion, so `0x1F`, `31.0` and `31` are the same id
    /// where the schema coerces like `Number()`), text where the schema declares none. Done once,
    /// before the authorize hook, so the hook and the handler see the same values. The issues are
    /// those of every parameter its schema refuses (the request then ends with their 400).
    func readPathParameters(_ values: [String]) -> (values: [(name: String, value: JSONValue)], issues: [ValidationIssue]) {
        var read: [(name: String, value: JSONValue)] = []
        var issues: [ValidationIssue] = []
        for (index, (name, text)) in zip(template.parameterNames, values).enumerated() {
            guard let schema = pathParameterSchemas[index] else {
                read.append((name, .string(text)))
                continue
            }
            let outcome = schema.validate(.string(text), coerceStrings: true, at: [.key(name)])
            issues += outcome.issues
            read.append((name, outcome.value ?? .string(text)))
        }
        return (read, issues)
    }
}
