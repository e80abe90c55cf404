/// Turns schema JSON into compiled `JSONSchema`s, refusing anything the validator would not enforce.
struct SchemaCompiler {
    /// Keywords that only document and are therefore accepted and ignored.
    private static let annotations: Set<String> = [
        "title", "description", "example", "examples", "default", "deprecated", "readOnly", "writeOnly", "$comment",
    ]

    /// Compiles the schema found at JSON Pointer `pointer` of the document being compiled.
    func compile(_ schema: JSONValue, at pointer: String) throws -> JSONSchema {
        guard case .object(let object) = schema else {
            throw SchemaError(pointer: pointer, message: "a schema must be an object")
        }
        var node = SchemaNode()
        var properties: [(name: String, schema: JSONSchema)] = []
        var required: [String] = []
        for (keyword, value) in object.members {
            let here = pointer + "/" + Self.escape(keyword)
            switch keyword {
            case "type": try compileType(value, at: here, into: &node)
            case "nullable": node.acceptsNull = try boolean(value, at: here) || node.acceptsNull
            case "enum": try compileEnum(value, at: here, into: &node)
            case "const":
                node.constant = value
                if value == .null { node.acceptsNull = true }
            case "properties":
                guard case .object(let declared) = value else {
                    throw SchemaError(pointer: here, message: "\"properties\" must be an object")
                }
                for (name, subschema) in declared.members {
                    properties.append((name, try compile(subschema, at: here + "/" + Self.escape(name))))
                }
            case "required": required = try strings(value, at: here)
            case "additionalProperties":
                switch value {
                case .bool(let allowed): node.additionalProperties = allowed ? .allowed : .forbidden
                case .object: node.additionalProperties = .schema(try compile(value, at: here))
                default: throw SchemaError(pointer: here, message: "\"additionalProperties\" must be a boolean or a schema")
                }
            case "minimum": node.minimum = try number(value, at: here)
            case "maximum": node.maximum = try number(value, at: here)
            case "exclusiveMinimum": node.exclusiveMinimum = try number(value, at: here)
            case "exclusiveMaximum": node.exclusiveMaximum = try number(value, at: here)
            case "minLength": node.minLength = try count(value, at: here)
            case "maxLength": node.maxLength = try count(value, at: here)
            case "minItems": node.minItems = try count(value, at: here)
            case "maxItems": node.maxItems = try count(value, at: here)
            case "pattern":
                guard case .string(let source) = value else {
                    throw SchemaError(pointer: here, message: "\"pattern\" must be a string")
                }
                do {
                    node.pattern = try SchemaPattern(source)
                } catch let error as SchemaPatternError {
                    throw SchemaError(pointer: here, message: "invalid pattern: \(error.message) at offset \(error.offset)")
                }
            case "format":
                guard case .string(let name) = value, let format = StringFormat(name: name) else {
                    throw SchemaError(pointer: here, message: "unsupported format \(String(decoding: value.serialized(), as: UTF8.self))")
                }
                node.format = format
            case "items":
                guard case .object = value else {
                    throw SchemaError(pointer: here, message: "\"items\" must be a schema (tuple form is not supported)")
                }
                node.items = try compile(value, at: here)
            case "anyOf", "oneOf":
                guard node.alternatives.isEmpty else {
                    throw SchemaError(pointer: here, message: "\"anyOf\" and \"oneOf\" cannot be combined")
                }
                guard case .array(let schemas) = value, !schemas.isEmpty else {
                    throw SchemaError(pointer: here, message: "\"\(keyword)\" must be a non-empty array of schemas")
                }
                node.alternatives = try schemas.enumerated().map { try compile($1, at: here + "/\($0)") }
            case "x-message":
                guard case .string(let message) = value else {
                    throw SchemaError(pointer: here, message: "\"x-message\" must be a string")
                }
                node.customMessage = message
            case "x-coerce":
                guard case .string(let name) = value, let rule = QueryNumberRule(name: name) else {
                    throw SchemaError(pointer: here, message: "\"x-coerce\" must be \"number\", \"parseInt\" or \"digits\"")
                }
                node.numberRule = rule
            case "x-document":
                // Checked for well-formedness only: its keywords are the document's, not the validator's.
                guard case .object = value else {
                    throw SchemaError(pointer: here, message: "\"x-document\" must be an object of schema keywords")
                }
                _ = try compile(value, at: here)
            case _ where Self.annotations.contains(keyword):
                continue
            default:
                throw SchemaError(pointer: here, message: "unsupported keyword \"\(keyword)\"")
            }
        }
        let requiredNames = Set(required)
        node.properties = properties.map { SchemaProperty(name: $0.name, schema: $0.schema, isRequired: requiredNames.contains($0.name)) }
        node.propertyNames = Set(properties.map(\.name))
        // A required name without a property schema may hold anything, but must be present.
        for name in required where !node.propertyNames.contains(name) {
            node.properties.append(SchemaProperty(name: name, schema: JSONSchema(root: SchemaNode()), isRequired: true))
            node.propertyNames.insert(name)
        }
        return JSONSchema(root: node)
    }

    private func compileType(_ value: JSONValue, at pointer: String, into node: inout SchemaNode) throws {
        let names: [(String, String)]
        switch value {
        case .string(let name): names = [(name, pointer)]
        case .array(let elements) where !elements.isEmpty:
            names = try elements.enumerated().map { offset, element in
                guard case .string(let name) = element else {
                    throw SchemaError(pointer: pointer + "/\(offset)", message: "a type name must be a string")
                }
                return (name, pointer + "/\(offset)")
            }
        default:
            throw SchemaError(pointer: pointer, message: "\"type\" must be a type name or a non-empty array of type names")
        }
        var types: SchemaTypes = []
        for (name, namePointer) in names {
            guard let type = SchemaTypes(name: name) else {
                throw SchemaError(pointer: namePointer, message: "unknown type \"\(name)\"")
            }
            types.insert(type)
            let zodName = type == .integer ? "number" : name
            if type != .null && !node.expectedTypeNames.contains(zodName) {
                node.expectedTypeNames.append(zodName)
            }
        }
        if types == .null {
            node.expectedTypeNames = ["null"]
        }
        if types.contains(.null) { node.acceptsNull = true }
        node.types = types
    }

    private func compileEnum(_ value: JSONValue, at pointer: String, into node: inout SchemaNode) throws {
        guard case .array(let elements) = value else {
            throw SchemaError(pointer: pointer, message: "\"enum\" must be an array")
        }
        var values: [JSONValue] = []
        var texts: [String] = []
        for (offset, element) in elements.enumerated() {
            switch element {
            case .null: node.acceptsNull = true
            case .string(let text):
                values.append(element)
                texts.append("'\(text)'")
            case .int, .double:
                values.append(element)
                texts.append(element.javaScriptString)
            default:
                throw SchemaError(pointer: pointer + "/\(offset)", message: "enum values must be strings, numbers or null")
            }
        }
        guard !values.isEmpty else {
            throw SchemaError(pointer: pointer, message: "\"enum\" must list at least one string or number")
        }
        node.enumeration = SchemaEnumeration(values: values, expectedText: texts.joined(separator: " | "))
    }

    private func boolean(_ value: JSONValue, at pointer: String) throws -> Bool {
        guard case .bool(let flag) = value else {
            throw SchemaError(pointer: pointer, message: "must be a boolean")
        }
        return flag
    }

    private func number(_ value: JSONValue, at pointer: String) throws -> Double {
        switch value {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .bool:
            throw SchemaError(pointer: pointer, message: "must be a number (the boolean form of draft 4 is not supported)")
        default:
            throw SchemaError(pointer: pointer, message: "must be a number")
        }
    }

    private func count(_ value: JSONValue, at pointer: String) throws -> Int {
        guard case .int(let number) = value, number >= 0, number <= Int32.max else {
            throw SchemaError(pointer: pointer, message: "must be a non-negative integer")
        }
        return Int(number)
    }

    private func strings(_ value: JSONValue, at pointer: String) throws -> [String] {
        guard case .array(let elements) = value else {
            throw SchemaError(pointer: pointer, message: "must be an array of strings")
        }
        return try elements.enumerated().map { offset, element in
            guard case .string(let text) = element else {
                throw SchemaError(pointer: pointer + "/\(offset)", message: "must be a string")
            }
            return text
        }
    }

    /// Escapes one JSON Pointer reference token (RFC 6901).
    private static func escape(_ token: String) -> String {
        var escaped = ""
        for character in token {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
