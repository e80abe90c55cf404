// Validation of one value against one node, in the order zod v3 reports problems: presence,
// type (fatal), then refinements (non-fatal), then the contents of arrays and objects.

extension JSONSchema {
    /// Checks `value` against this (sub)schema, recording issues in `run`.
    func check(_ value: JSONValue?, in run: inout ValidationRun) -> CheckResult {
        root.check(value, in: &run)
    }
}

extension SchemaNode {
    /// Checks `input` (nil = absent) and records issues in `run`, applying `x-message`.
    func check(_ input: JSONValue?, in run: inout ValidationRun) -> CheckResult {
        let firstIssue = run.issues.count
        let result = checkKeywords(input, in: &run)
        if let customMessage {
            for position in firstIssue..<run.issues.count {
                run.issues[position].message = customMessage
            }
        }
        return result
    }

    /// Presence, nullability, then `enum`, `const` or `type`, then the checks of the value's kind, then unions.
    private func checkKeywords(_ input: JSONValue?, in run: inout ValidationRun) -> CheckResult {
        guard var value = input else {
            run.report("invalid_type", "Required")
            return .aborted
        }
        if case .null = value, acceptsNull {
            return .valid
        }
        var converted = false
        if let enumeration {
            // As zod's nativeEnum: the enum decides the type error too, whatever `type` says.
            guard checkEnumeration(enumeration, value, in: &run) else { return .aborted }
        } else if let constant {
            guard value.isSameJSON(as: constant) else {
                run.report("invalid_literal", "Invalid literal value, expected \(String(decoding: constant.serialized(), as: UTF8.self))")
                return .aborted
            }
        } else if let types {
            switch conform(value, to: types, in: &run) {
            case .conforms: break
            case .converted(let conformed):
                value = conformed
                converted = true
            case .refused: return .aborted
            }
        }
        var result = CheckResult.valid
        switch value {
        case .string(let text): result.status = checkString(text, in: &run)
        case .int, .double: result = checkNumber(value, in: &run)
        case .array(let elements): result = checkArray(elements, in: &run)
        case .object(let object): result = checkObject(object, in: &run)
        case .null, .bool: break
        }
        if let replacement = result.replacement {
            value = replacement
            converted = true
        }
        if !alternatives.isEmpty && result.status != .aborted {
            let chosen = checkAlternatives(value, in: &run)
            result.status = max(result.status, chosen.status)
            if let replacement = chosen.replacement {
                value = replacement
                converted = true
            }
        }
        result.replacement = converted ? value : nil
        return result
    }

    /// zod nativeEnum: strings and numbers are looked up, anything else is a type error.
    private func checkEnumeration(_ enumeration: SchemaEnumeration, _ value: JSONValue, in run: inout ValidationRun) -> Bool {
        switch value {
        case .string, .int, .double:
            if enumeration.values.contains(where: { $0.isSameJSON(as: value) }) { return true }
            run.report("invalid_enum_value",
                       "Invalid enum value. Expected \(enumeration.expectedText), received '\(value.javaScriptString)'")
        default:
            run.report("invalid_type", "Expected \(enumeration.expectedText), received \(value.zodTypeName)")
        }
        return false
    }

    /// How a value fared against `type`.
    private enum Conformance {
        case conforms
        case converted(JSONValue)
        case refused
    }

    /// Checks the type, converting query strings when asked.
    private func conform(_ value: JSONValue, to types: SchemaTypes, in run: inout ValidationRun) -> Conformance {
        let wantsNumber = !types.isDisjoint(with: [.number, .integer])
        switch value {
        case .null where types.contains(.null): return .conforms
        case .bool where types.contains(.boolean): return .conforms
        case .int where wantsNumber, .double where wantsNumber: return .conforms
        case .string where types.contains(.string): return .conforms
        case .array where types.contains(.array): return .conforms
        case .object where types.contains(.object): return .conforms
        case .string(let text) where run.coerceStrings:
            if types.contains(.boolean) && (text == "true" || text == "false") {
                return .converted(.bool(text == "true"))
            }
            if wantsNumber {
                guard let number = numberRule.convert(text, in: &run) else { return .refused }
                return .converted(number)
            }
        default:
            break
        }
        let received = value.zodTypeName
        if expectedTypeNames.count == 1 {
            run.report("invalid_type", "Expected \(expectedTypeNames[0]), received \(received)")
        } else {
            // Several types behave like a zod union of one schema per type.
            let alternatives = expectedTypeNames.map { name in
                [ValidationIssue(code: "invalid_type", path: run.path, message: "Expected \(name), received \(received)")]
            }
            run.report("invalid_union", "Invalid input", unionIssues: alternatives)
        }
        return .refused
    }

    /// Lengths (in UTF-16 code units), `pattern` and `format`; all failures are non-fatal.
    private func checkString(_ text: String, in run: inout ValidationRun) -> CheckStatus {
        let firstIssue = run.issues.count
        if minLength != nil || maxLength != nil {
            // JavaScript counts UTF-16 code units.
            let length = text.utf16.count
            if let minLength, length < minLength {
                run.report("too_small", "String must contain at least \(minLength) character(s)")
            }
            if let maxLength, length > maxLength {
                run.report("too_big", "String must contain at most \(maxLength) character(s)")
            }
        }
        if let pattern, !pattern.matches(text) {
            run.report("invalid_string", "Invalid")
        }
        format?.check(text, in: &run)
        return run.issues.count > firstIssue ? .dirty : .valid
    }

    /// Integer-ness and bounds; an integral double becomes `.int` where only integers are allowed.
    private func checkNumber(_ value: JSONValue, in run: inout ValidationRun) -> CheckResult {
        let firstIssue = run.issues.count
        var result = CheckResult.valid
        let number = value.numberValue ?? 0
        if let types, types.contains(.integer), !types.contains(.number), case .double = value {
            if number.rounded(.towardZero) != number {
                run.report("invalid_type", "Expected integer, received float")
            } else if number.magnitude < 0x1p63 {
                result.replacement = .int(Int64(number))
            }
        }
        if let minimum, number < minimum {
            run.report("too_small", "Number must be greater than or equal to \(JSONWriter.javaScriptText(minimum))")
        }
        if let exclusiveMinimum, number <= exclusiveMinimum {
            run.report("too_small", "Number must be greater than \(JSONWriter.javaScriptText(exclusiveMinimum))")
        }
        if let maximum, number > maximum {
            run.report("too_big", "Number must be less than or equal to \(JSONWriter.javaScriptText(maximum))")
        }
        if let exclusiveMaximum, number >= exclusiveMaximum {
            run.report("too_big", "Number must be less than \(JSONWriter.javaScriptText(exclusiveMaximum))")
        }
        if run.issues.count > firstIssue { result.status = .dirty }
        return result
    }
}
