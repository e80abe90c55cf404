/// A set of UTF-16 code units: what a regular-expression class, `.` or `\d` can match.
struct CodeUnitSet {
    /// The members, as inclusive ranges.
    var ranges: [ClosedRange<UInt16>]
    /// When true the set matches every code unit NOT in `ranges`.
    var negated = false

    /// Whether `unit` belongs to the set.
    func contains(_ unit: UInt16) -> Bool {
        ranges.contains { $0.contains(unit) } != negated
    }

    /// The members as plain ranges, resolving `negated` (needed to put `\D` inside `[...]`).
    var flattened: [ClosedRange<UInt16>] {
        guard negated else { return ranges }
        var complement: [ClosedRange<UInt16>] = []
        var next: UInt32 = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if UInt32(range.lowerBound) > next {
                complement.append(UInt16(next)...range.lowerBound - 1)
            }
            next = max(next, UInt32(range.upperBound) + 1)
        }
        if next <= 0xFFFF {
            complement.append(UInt16(next)...0xFFFF)
        }
        return complement
    }

    /// `\d`: ASCII digits.
    static let digits = CodeUnitSet(ranges: [0x30...0x39])
    /// `\w`: ASCII letters, digits and underscore.
    static let wordCharacters = CodeUnitSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// `\s`: ECMAScript white space and line terminators.
    static let whitespace = CodeUnitSet(ranges: [
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    /// `.`: everything but line terminators.
    static let anyButLineTerminators = CodeUnitSet(ranges: [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029], negated: true)
}
