/// One mapping of config.yaml (the top level, `listen`, `limits`, …) being read key by key.
///
/// Refuses, with file, line and dotted key: a value that is not a mapping, keys that are not
/// plain text, duplicate keys and keys outside `allowed`. A key with no value counts as absent.
struct ConfigSection {
    let file: String
    /// Dotted path of this mapping; empty for the top level.
    let path: String
    /// The keys in file order, with their lines, null values left out.
    private(set) var entries: [(name: String, line: Int, value: YAMLNode)] = []

    /// Reads `node` as a mapping; `allowed` nil accepts any key (the caller checks names).
    init(_ node: YAMLNode, path: String, file: String, allowed: [String]?) throws {
        self.file = file
        self.path = path
        switch node.content {
        case .null:
            return
        case .mapping(let pairs):
            var seen: [String: Int] = [:]
            for (key, value) in pairs {
                guard case .text(let name) = key.content else {
                    throw ConfigError(file: file, line: key.line, key: path, message: "expected a plain key, got \(key.summary)")
                }
                if let first = seen[name] {
                    throw ConfigError(file: file, line: key.line, key: dotted(name), message: "duplicate key (first at line \(first))")
                }
                seen[name] = key.line
                if let allowed, !allowed.contains(name) {
                    throw ConfigError(file: file, line: key.line, key: dotted(name),
                                      message: "unknown key (expected one of: \(allowed.joined(separator: ", ")))")
                }
                if case .null = value.content { continue }
                entries.append((name, key.line, value))
            }
        default:
            let message = "expected a mapping" + (path.isEmpty ? " of settings" : "") + ", got \(node.summary)"
            throw ConfigError(file: file, line: node.line, key: path, message: message)
        }
    }

    func dotted(_ name: String) -> String {
        path.isEmpty ? name : path + "." + name
    }

    /// The mapping under `name`, if given.
    func section(_ name: String, allowed: [String]?) throws -> ConfigSection? {
        guard let entry = entries.first(where: { $0.name == name }) else { return nil }
        return try ConfigSection(entry.value, path: dotted(name), file: file, allowed: allowed)
    }

    /// Hands the text of `name`, if given, to `apply`; an `Invalid` it throws becomes a `ConfigError` at the value's line.
    func read(_ name: String, _ apply: (String) throws -> Void) throws {
        guard let entry = entries.first(where: { $0.name == name }) else { return }
        guard case .text(let text) = entry.value.content else {
            throw error(at: entry.value.line, name, "expected a single value, got \(entry.value.summary)")
        }
        try locating(entry.value.line, name) { try apply(text) }
    }

    /// Hands each item of the list under `name`, if given, to `apply`; errors point at the item's line.
    func readList(_ name: String, _ apply: (String) throws -> Void) throws {
        guard let entry = entries.first(where: { $0.name == name }) else { return }
        guard case .list(let items) = entry.value.content else {
            throw error(at: entry.value.line, name, "expected a list such as [a, b], got \(entry.value.summary)")
        }
        for item in items {
            guard case .text(let text) = item.content else {
                throw error(at: item.line, name, "expected a single value in the list, got \(item.summary)")
            }
            try locating(item.line, name) { try apply(text) }
        }
    }

    func error(at line: Int, _ name: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: line, key: dotted(name), message: message)
    }

    private func locating(_ line: Int, _ name: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let invalid as ConfigValue.Invalid {
            throw error(at: line, name, invalid.message)
        }
    }
}
