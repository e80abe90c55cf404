/// libFuzzer entry for the JSON parser and writer: any bytes either parse or throw, and whatever
/// parses is written back as text that reads back to the same text (numbers follow JavaScript, so
/// `1e0` may come back as `1`, but never changes again).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let value = try? JSONParser.parse(bytes, maxDepth: 64) else { return 0 }
    let text = value.serialized()
    guard let again = try? JSONParser.parse(text, maxDepth: 64), again.serialized() == text else {
        fatalError("written JSON does not read back to itself")
    }
    return 0
}
