/// A JSON document held in memory.
///
/// Numbers keep the distinction the parser saw: a literal without fraction or exponent that fits
/// in 64 bits is `.int`, every other number is `.double`. Equality is structural and strict about
/// that distinction (`.int(1) != .double(1)`); the validator compares numbers by value where JSON
/// Schema asks for it.
///
/// ```swift
/// let value = try JSONParser.parse(Array(#"{"id": 1, "tags": ["a"]}"#.utf8))
/// value.serialized()   // {"id":1,"tags":["a"]}
/// ```
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// The compact JSON text of this value, as UTF-8 bytes.
    func serialized() -> [UInt8] {
        var writer = JSONWriter()
        writer.write(self)
        return writer.bytes
    }
}
