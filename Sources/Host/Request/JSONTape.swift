import CalapiPluginAPI

/// The C-visible form of a validated JSON document: nodes laid out in the request arena so that
/// every `calapi_json *` handed to a plugin is a stable pointer to one `JSONTape.Node`, and the
/// children of an array or object sit next to each other.
enum JSONTape {
    /// One node. Plugins never see this layout; they call the host's json_* functions.
    struct Node {
        var type: UInt32
        var count: UInt32 = 0
        var children: UnsafeMutablePointer<Node>?
        var int: Int64 = 0
        var double: Double = 0
        var string = calapi_str.empty
        /// The member name when this node is an object member.
        var key = calapi_str.empty
    }

    /// Lays `value` out in `arena` and returns its root node, or nil when memory is exhausted.
    static func build(_ value: JSONValue, in arena: RequestArena) -> UnsafeMutablePointer<Node>? {
        guard let root = allocate(1, arena) else { return nil }
        return fill(root, with: value, key: .empty, arena: arena) ? root : nil
    }

    private static func allocate(_ count: Int, _ arena: RequestArena) -> UnsafeMutablePointer<Node>? {
        arena.allocate(count * MemoryLayout<Node>.stride)?.bindMemory(to: Node.self, capacity: count)
    }

    private static func fill(_ node: UnsafeMutablePointer<Node>, with value: JSONValue, key: calapi_str, arena: RequestArena) -> Bool {
        var result = Node(type: CALAPI_JSON_NULL)
        result.key = key
        switch value {
        case .null: break
        case .bool(let flag):
            result.type = CALAPI_JSON_BOOL
            result.int = flag ? 1 : 0
        case .int(let number):
            result.type = CALAPI_JSON_INT
            result.int = number
            result.double = Double(number)
        case .double(let number):
            result.type = CALAPI_JSON_DOUBLE
            result.double = number
            result.int = number.isFinite && abs(number) < 9.2e18 ? Int64(number) : 0
        case .string(let text):
            result.type = CALAPI_JSON_STRING
            result.string = arena.string(text)
        case .array(let elements):
            result.type = CALAPI_JSON_ARRAY
            let children = fillChildren(elements.map { (calapi_str.empty, $0) }, arena)
            guard children.ok else { return false }
            (result.children, result.count) = (children.first, UInt32(elements.count))
        case .object(let object):
            result.type = CALAPI_JSON_OBJECT
            let members = object.members.map { (arena.string($0.key), $0.value) }
            let children = fillChildren(members, arena)
            guard children.ok else { return false }
            (result.children, result.count) = (children.first, UInt32(members.count))
        }
        node.initialize(to: result)
        return true
    }

    /// Lays out contiguous children; `first` is nil for an empty container, `ok` false when out of memory.
    private static func fillChildren(_ members: [(calapi_str, JSONValue)], _ arena: RequestArena)
        -> (ok: Bool, first: UnsafeMutablePointer<Node>?)
    {
        guard !members.isEmpty else { return (true, nil) }
        guard let children = allocate(members.count, arena) else { return (false, nil) }
        for (offset, member) in members.enumerated() {
            guard fill(children + offset, with: member.1, key: member.0, arena: arena) else { return (false, nil) }
        }
        return (true, children)
    }

    /// Re-encodes a node as JSON text (used for jsonb statement parameters).
    static func write(_ node: UnsafePointer<Node>, into writer: inout JSONWriter) {
        let value = node.pointee
        switch value.type {
        case CALAPI_JSON_BOOL: writer.writeRaw((value.int != 0 ? "true" : "false").utf8)
        case CALAPI_JSON_INT: writer.writeInt(value.int)
        case CALAPI_JSON_DOUBLE: writer.writeDouble(value.double)
        case CALAPI_JSON_STRING: writer.writeEscaped(value.string.bytes)
        case CALAPI_JSON_ARRAY, CALAPI_JSON_OBJECT:
            let isObject = value.type == CALAPI_JSON_OBJECT
            writer.writeRaw((isObject ? "{" : "[").utf8)
            for index in 0..<Int(value.count) {
                guard let child = value.children?.advanced(by: index) else { break }
                if index > 0 { writer.writeRaw(",".utf8) }
                if isObject {
                    writer.writeEscaped(child.pointee.key.bytes)
                    writer.writeRaw(":".utf8)
                }
                write(child, into: &writer)
            }
            writer.writeRaw((isObject ? "}" : "]").utf8)
        default: writer.writeRaw("null".utf8)
        }
    }
}
