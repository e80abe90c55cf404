// Number literals: validated against the RFC 8259 grammar, converted without building a String
// when the value allows it.

extension JSONReader {
    /// Powers of ten that a Double holds exactly (10^0 ... 10^22).
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }

    /// Reads a number literal starting at `index` (a `-` or a digit).
    mutating func readNumber() throws -> JSONValue {
        let start = index
        let negative = input[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let integerStart = index
        guard index < input.count else { throw endOfInput() }
        switch input[index] {
        case UInt8(ascii: "0"): index += 1
        case UInt8(ascii: "1")...UInt8(ascii: "9"): skipDigits()
        default: throw unexpected(at: index)
        }
        let integerEnd = index
        var fractionDigits = 0
        var isInteger = true
        if index < input.count, input[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            try requireDigit()
            skipDigits()
            fractionDigits = index - fractionStart
            isInteger = false
        }
        var exponent = 0
        if index < input.count, input[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < input.count, input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") {
                exponentNegative = input[index] == UInt8(ascii: "-")
                index += 1
            }
            try requireDigit()
            while index < input.count, isDigit(input[index]) {
                exponent = min(exponent * 10 + Int(input[index] - UInt8(ascii: "0")), 100_000)
                index += 1
            }
            if exponentNegative { exponent = -exponent }
            isInteger = false
        }
        if isInteger, let value = integerValue(integerStart..<integerEnd, negative: negative) {
            return .int(value)
        }
        return .double(doubleValue(start..<index, integerStart: integerStart, integerEnd: integerEnd,
                                   fractionDigits: fractionDigits, exponent: exponent, negative: negative))
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private mutating func skipDigits() {
        while index < input.count, isDigit(input[index]) { index += 1 }
    }

    private func requireDigit() throws {
        guard index < input.count else { throw endOfInput() }
        guard isDigit(input[index]) else { throw unexpected(at: index) }
    }

    /// The digits as an Int64, or nil when they overflow it.
    private func integerValue(_ digits: Range<Int>, negative: Bool) -> Int64? {
        var value: Int64 = 0
        for position in digits {
            // Accumulating downwards reaches Int64.min without overflowing.
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = shifted.subtractingReportingOverflow(Int64(input[position] - UInt8(ascii: "0")))
            if overflowA || overflowB { return nil }
            value = next
        }
        if negative { return value }
        return value == .min ? nil : -value
    }

    /// Converts exactly when the significand (at most 15 digits) and the power of ten are exact
    /// (Clinger's fast path); otherwise defers to the correctly rounded standard library parser.
    private func doubleValue(
        _ literal: Range<Int>, integerStart: Int, integerEnd: Int, fractionDigits: Int, exponent: Int, negative: Bool
    ) -> Double {
        var significand: UInt64 = 0
        var digitCount = 0
        let fractionStart = integerEnd + 1
        for position in integerStart..<integerEnd {
            significand = significand &* 10 &+ UInt64(input[position] - UInt8(ascii: "0"))
            digitCount += 1
        }
        for position in fractionStart..<fractionStart + fractionDigits {
            significand = significand &* 10 &+ UInt64(input[position] - UInt8(ascii: "0"))
            digitCount += 1
        }
        let scale = exponent - fractionDigits
        if digitCount <= 15, abs(scale) <= 22 {
            var value = Double(significand)
            value = scale < 0 ? value / Self.exactPowersOfTen[-scale] : value * Self.exactPowersOfTen[scale]
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[literal]), as: UTF8.self)
        return Double(text) ?? .nan
    }
}
