extension Request {
    /// `numericPathParameter(name)`, answering 400 `invalid_type in '<name>': Expected number,
    /// received nan` when it is nil (the message zod's coerced number gives), for `authorize:` hooks
    /// that must stop the request themselves.
    public func numericIdParameter(_ name: String) -> Int64? {
        if let value = numericPathParameter(name) { return value }
        error(400, "invalid_type in '\(name)': Expected number, received nan")
        return nil
    }
}
