// Arrays, objects and unions: children are checked with the path extended, and the parent's
// status is the worst of its children's (zod's ParseStatus merging).

extension SchemaNode {
    /// `minItems`/`maxItems`, then each element against `items`.
    func checkArray(_ elements: [JSONValue], in run: inout ValidationRun) -> CheckResult {
        var status = CheckStatus.valid
        if let minItems, elements.count < minItems {
            run.report("too_small", "Array must contain at least \(minItems) element(s)")
            status = .dirty
        }
        if let maxItems, elements.count > maxItems {
            run.report("too_big", "Array must contain at most \(maxItems) element(s)")
            status = .dirty
        }
        guard let items else { return CheckResult(status: status, replacement: nil) }
        var converted: [JSONValue]?
        for (position, element) in elements.enumerated() {
            run.path.append(.index(position))
            let result = items.check(element, in: &run)
            run.path.removeLast()
            status = max(status, result.status)
            if let replacement = result.replacement {
                if converted == nil { converted = elements }
                converted?[position] = replacement
            }
        }
        return CheckResult(status: status, replacement: converted.map(JSONValue.array))
    }

    /// Declared properties in schema order, then unknown keys per `additionalProperties`.
    func checkObject(_ object: JSONObject, in run: inout ValidationRun) -> CheckResult {
        var status = CheckStatus.valid
        var converted: JSONObject?
        for property in properties {
            let value = object[property.name]
            if value == nil && !property.isRequired { continue }
            run.path.append(.key(property.name))
            let result = property.schema.check(value, in: &run)
            run.path.removeLast()
            status = max(status, result.status)
            if let replacement = result.replacement {
                if converted == nil { converted = object }
                converted?[property.name] = replacement
            }
        }
        switch additionalProperties {
        case .allowed:
            break
        case .forbidden:
            var unknown: [String] = []
            for member in object.members where !propertyNames.contains(member.key) {
                unknown.append(member.key)
            }
            if !unknown.isEmpty {
                let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
                run.report("unrecognized_keys", "Unrecognized key(s) in object: \(list)")
                status = max(status, .dirty)
            }
        case .schema(let schema):
            for member in object.members where !propertyNames.contains(member.key) {
                run.path.append(.key(member.key))
                let result = schema.check(member.value, in: &run)
                run.path.removeLast()
                status = max(status, result.status)
                if let replacement = result.replacement {
                    if converted == nil { converted = object }
                    converted?[member.key] = replacement
                }
            }
        }
        return CheckResult(status: status, replacement: converted.map(JSONValue.object))
    }

    /// zod's union: the first valid alternative wins; else the first merely dirty one reports its
    /// issues; else one `invalid_union` issue carrying every alternative's issues.
    func checkAlternatives(_ value: JSONValue, in run: inout ValidationRun) -> CheckResult {
        var firstDirty: (issues: [ValidationIssue], result: CheckResult)?
        var alternativeIssues: [[ValidationIssue]] = []
        for alternative in alternatives {
            var branch = ValidationRun(coerceStrings: run.coerceStrings, path: run.path)
            let result = alternative.check(value, in: &branch)
            if result.status == .valid {
                return result
            }
            if result.status == .dirty && firstDirty == nil {
                firstDirty = (branch.issues, result)
            }
            if !branch.issues.isEmpty {
                alternativeIssues.append(branch.issues)
            }
        }
        if let firstDirty {
            run.issues += firstDirty.issues
            return firstDirty.result
        }
        run.report("invalid_union", "Invalid input", unionIssues: alternativeIssues)
        return .aborted
    }
}
