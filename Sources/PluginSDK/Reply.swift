/// What a handler answers with status 200, as a value the SDK writes once the handler returned.
public enum Reply {
    /// `{"<key>": <json>}`: Cal.com's usual envelope around one encoded value.
    case envelope(String, JSONText)
    /// `{"<key>": <json>, "message": …}`: Cal.com's answer to a create.
    case created(String, JSONText, message: String)
    /// `{"message": …}`: deletes, cancellations.
    case message(String)
    /// One encoded value as the whole body.
    case json(JSONText)
    /// An object of the given members, in order.
    case object(KeyValuePairs<String, Field>)
    /// A body written member by member (nested shapes the cases above cannot say).
    case custom((ResponseWriter) -> Void)

    /// A member of `.object`.
    public enum Field {
        case json(JSONText)
        case string(String)
        case int(Int64)
        case bool(Bool)
    }

    func write(_ json: ResponseWriter) {
        switch self {
        case .envelope(let key, let value):
            json.object([key: .json(value)])
        case .created(let key, let value, let message):
            json.object([key: .json(value), "message": .string(message)])
        case .message(let text):
            json.object(["message": .string(text)])
        case .json(let value):
            json.raw(value)
        case .object(let fields):
            json.object(fields)
        case .custom(let body):
            body(json)
        }
    }
}

extension ResponseWriter {
    /// An object of `fields`, in order (the members `Reply.object` takes).
    public func object(_ fields: KeyValuePairs<String, Reply.Field>) {
        beginObject()
        for (name, value) in fields {
            key(name)
            switch value {
            case .json(let text): raw(text)
            case .string(let text): string(text)
            case .int(let number): int(number)
            case .bool(let flag): bool(flag)
            }
        }
        endObject()
    }
}
