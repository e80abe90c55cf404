/// Cal.com's e-mail rule (the regex of `packages/lib/emailSchema.ts`, case-insensitive),
/// checked by hand so that no regular expression runs per request.
///
/// Local part: letters, digits and `_ + , - . '` (the regex's class `[A-Z0-9_+-\.']` contains the
/// range `+-.`, hence the comma), not starting with a dot and ending with a letter, digit or
/// `_ + ' -`. No `..` anywhere. Domain: labels of letters, digits and `-` that start with a letter
/// or digit, each followed by a dot, then a top-level domain of at least two letters.
enum EmailAddress {
    /// Whether `text` passes the rule.
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
        if bytes[0] == UInt8(ascii: ".") { return false }
        for position in 1..<bytes.count where bytes[position] == UInt8(ascii: ".") && bytes[position - 1] == UInt8(ascii: ".") {
            return false
        }
        let local = bytes[..<at]
        guard local.allSatisfy(isLocalCharacter), local.last != UInt8(ascii: "."), local.last != UInt8(ascii: ",") else {
            return false
        }
        let labels = bytes[(at + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let topLevel = labels.last, topLevel.count >= 2, topLevel.allSatisfy(isLetter) else {
            return false
        }
        return labels.dropLast().allSatisfy { label in
            guard let first = label.first, isLetter(first) || isDigit(first) else { return false }
            return label.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isLocalCharacter(_ byte: UInt8) -> Bool {
        if isLetter(byte) || isDigit(byte) { return true }
        switch byte {
        case UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }
}
