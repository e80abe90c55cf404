import CYAML

/// One value of a YAML document as config.yaml needs it: text, null, a list or a mapping, with
/// the 1-based line where it starts. Built with libyaml's document loader.
struct YAMLNode {
    enum Content {
        /// Any scalar, quoted or not; numbers stay text until a setting reads them.
        case text(String)
        /// A plain `~`, `null`, `Null`, `NULL` or nothing at all (`key:` with no value).
        case null
        case list([YAMLNode])
        /// Entries in file order; duplicate keys are kept so that the reader can refuse them.
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    var content: Content
    var line: Int

    /// How a message names this value's type: `a list`, `a mapping`, `nothing`, or the text quoted.
    var summary: String {
        switch content {
        case .text(let text): return "\"\(text)\""
        case .null: return "nothing"
        case .list: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// Aliases can make a document refer to itself, or grow exponentially; a config needs neither.
    private static let maximumDepth = 32
    private static let maximumNodes = 10_000

    /// Parses `text`, which must hold at most one YAML document. Nil when it holds none (empty, or
    /// only comments). Syntax errors become a `ConfigError` with libyaml's line and problem.
    static func parse(_ text: String, file: String) throws -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw ConfigError(file: file, line: nil, key: "", message: "out of memory")
        }
        defer { yaml_parser_delete(&parser) }
        // A trailing NUL keeps the buffer's address non-nil for an empty file; libyaml reads `count` bytes only.
        let bytes = Array(text.utf8) + [0]
        return try bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            var document = yaml_document_t()
            guard yaml_parser_load(&parser, &document) == 1 else { throw syntaxError(parser, file: file) }
            defer { yaml_document_delete(&document) }
            guard let root = yaml_document_get_root_node(&document) else { return nil }
            var budget = maximumNodes
            let node = try convert(root, in: &document, depth: 0, budget: &budget, file: file)

            var next = yaml_document_t()
            guard yaml_parser_load(&parser, &next) == 1 else { throw syntaxError(parser, file: file) }
            defer { yaml_document_delete(&next) }
            if yaml_document_get_root_node(&next) != nil {
                throw ConfigError(file: file, line: next.start_mark.line + 1, key: "", message: "a second YAML document; only one is read")
            }
            return node
        }
    }

    private static func syntaxError(_ parser: yaml_parser_t, file: String) -> ConfigError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { " (\(String(cString: $0)))" } ?? ""
        return ConfigError(file: file, line: parser.problem_mark.line + 1, key: "", message: problem + context)
    }

    private static func convert(_ node: UnsafeMutablePointer<yaml_node_t>, in document: inout yaml_document_t, depth: Int,
                                budget: inout Int, file: String) throws -> YAMLNode {
        let line = node.pointee.start_mark.line + 1
        budget -= 1
        guard depth < maximumDepth, budget >= 0 else {
            throw ConfigError(file: file, line: line, key: "", message: "nested too deeply (or aliases expand too far)")
        }
        switch node.pointee.type {
        case YAML_SCALAR_NODE:
            let scalar = node.pointee.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let isNull = scalar.style == YAML_PLAIN_SCALAR_STYLE && ["", "~", "null", "Null", "NULL"].contains(text)
            return YAMLNode(content: isNull ? .null : .text(text), line: line)
        case YAML_SEQUENCE_NODE:
            let items = node.pointee.data.sequence.items
            var list: [YAMLNode] = []
            var item = items.start
            while let current = item, current != items.top {
                list.append(try convert(yaml_document_get_node(&document, current.pointee)!, in: &document, depth: depth + 1,
                                        budget: &budget, file: file))
                item = current + 1
            }
            return YAMLNode(content: .list(list), line: line)
        default:
            let pairs = node.pointee.data.mapping.pairs
            var entries: [(key: YAMLNode, value: YAMLNode)] = []
            var pair = pairs.start
            while let current = pair, current != pairs.top {
                let key = try convert(yaml_document_get_node(&document, current.pointee.key)!, in: &document, depth: depth + 1,
                                      budget: &budget, file: file)
                let value = try convert(yaml_document_get_node(&document, current.pointee.value)!, in: &document, depth: depth + 1,
                                        budget: &budget, file: file)
                entries.append((key, value))
                pair = current + 1
            }
            return YAMLNode(content: .mapping(entries), line: line)
        }
    }
}
