/// libFuzzer entry for the HTTP request parser: any bytes, fed in two pieces split where the input's
/// first byte says, end in requests, a wait for more, or a refusal — never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTP(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard count > 1 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: count - 1))
    let split = Int(data[0]) % bytes.count
    var parser = HTTPRequestParser(maxHeaderBytes: 1024, maxBodyBytes: 4096)
    for piece in [bytes[..<split], bytes[split...]] {
        var rest = Array(piece)
        while !rest.isEmpty {
            let (used, event) = rest.withUnsafeBytes { parser.consume($0) }
            if case .failure = event { return 0 }
            if used == 0, case .needMore = event { break }
            rest.removeFirst(used)
        }
    }
    return 0
}
