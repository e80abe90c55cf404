/// Parses ECMAScript regular-expression source (no flags, non-Unicode mode with the usual
/// Annex B leniency: a lone `]`, `{` or `}` is a literal, unknown escapes stand for themselves).
///
/// Supported: literals, `.`, classes with ranges and negation, `\d \D \w \W \s \S`, `\b \B`,
/// `^ $`, groups `( )`, `(?: )`, `(?<name> )`, lookaheads `(?= )`/`(?! )`, alternation and the
/// quantifiers `* + ? {n} {n,} {n,m}` (greedy or lazy). Refused: backreferences and lookbehinds,
/// which a state-memoising matcher cannot run.
struct SchemaPatternParser {
    private let source: [UInt16]
    private var position = 0

    init(_ source: String) {
        self.source = Array(source.utf16)
    }

    /// Parses the whole source.
    mutating func parse() throws -> SchemaPatternSyntax {
        let syntax = try parseAlternation()
        if position < source.count {
            throw SchemaPatternError(message: "unmatched ')'", offset: position)
        }
        return syntax
    }

    private var current: UInt16? { position < source.count ? source[position] : nil }

    /// The character a code unit stands for, for switching on syntax (surrogates become U+FFFD).
    private static func character(_ unit: UInt16) -> Character {
        Character(Unicode.Scalar(unit) ?? "\u{FFFD}")
    }

    private func isUnit(_ unit: UInt16?, _ ascii: Unicode.Scalar) -> Bool {
        unit == UInt16(ascii.value)
    }

    private mutating func parseAlternation() throws -> SchemaPatternSyntax {
        var branches = [try parseSequence()]
        while isUnit(current, "|") {
            position += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws -> SchemaPatternSyntax {
        var terms: [SchemaPatternSyntax] = []
        while let unit = current, !isUnit(unit, "|"), !isUnit(unit, ")") {
            var term = try parseAtom()
            if let (min, max) = try parseQuantifier() {
                term = .repetition(term, min: min, max: max)
            }
            terms.append(term)
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .sequence(terms)
        }
    }

    private mutating func parseAtom() throws -> SchemaPatternSyntax {
        let start = position
        let unit = source[position]
        position += 1
        switch Self.character(unit) {
        case "^": return .startOfInput
        case "$": return .endOfInput
        case ".": return .set(.anyButLineTerminators)
        case "(": return try parseGroup(start: start)
        case "[": return .set(try parseClass())
        case "\\": return try parseAtomEscape()
        case "*", "+", "?":
            throw SchemaPatternError(message: "nothing to repeat", offset: start)
        case "{":
            position = start
            if try parseQuantifier() != nil {
                throw SchemaPatternError(message: "nothing to repeat", offset: start)
            }
            position = start + 1
            return .unit(unit)
        default:
            return .unit(unit)
        }
    }

    private mutating func parseGroup(start: Int) throws -> SchemaPatternSyntax {
        var lookahead: Bool?
        if isUnit(current, "?") {
            let kind = position + 1 < source.count ? source[position + 1] : 0
            switch Self.character(kind) {
            case ":": position += 2
            case "=": position += 2; lookahead = false
            case "!": position += 2; lookahead = true
            case "<" where position + 2 < source.count && (isUnit(source[position + 2], "=") || isUnit(source[position + 2], "!")):
                throw SchemaPatternError(message: "lookbehind assertions are not supported", offset: start)
            case "<":
                guard let close = source[(position + 2)...].firstIndex(of: UInt16(UInt8(ascii: ">"))), close > position + 2 else {
                    throw SchemaPatternError(message: "invalid group name", offset: start)
                }
                position = close + 1
            default:
                throw SchemaPatternError(message: "invalid group", offset: start)
            }
        }
        let body = try parseAlternation()
        guard isUnit(current, ")") else {
            throw SchemaPatternError(message: "unterminated group", offset: start)
        }
        position += 1
        if let negated = lookahead {
            return .lookahead(body, negated: negated)
        }
        return body
    }

    /// Reads `* + ? {n} {n,} {n,m}` and a lazy `?` after it; returns nil (consuming nothing) otherwise.
    private mutating func parseQuantifier() throws -> (Int, Int?)? {
        guard let unit = current else { return nil }
        let start = position
        var bounds: (Int, Int?)
        switch Self.character(unit) {
        case "*": bounds = (0, nil); position += 1
        case "+": bounds = (1, nil); position += 1
        case "?": bounds = (0, 1); position += 1
        case "{":
            position += 1
            guard let min = parseDecimal() else {
                position = start
                return nil
            }
            var max: Int? = min
            if isUnit(current, ",") {
                position += 1
                max = parseDecimal()
            }
            guard isUnit(current, "}") else {
                position = start
                return nil
            }
            position += 1
            if let max, max < min {
                throw SchemaPatternError(message: "numbers out of order in {} quantifier", offset: start)
            }
            bounds = (min, max)
        default:
            return nil
        }
        if isUnit(current, "?") { position += 1 }
        return bounds
    }

    private mutating func parseDecimal() -> Int? {
        var value: Int?
        while let unit = current, (0x30...0x39).contains(unit) {
            value = min((value ?? 0) * 10 + Int(unit - 0x30), 100_000)
            position += 1
        }
        return value
    }

    private mutating func parseAtomEscape() throws -> SchemaPatternSyntax {
        guard let unit = current else {
            throw SchemaPatternError(message: "\\ at end of pattern", offset: position - 1)
        }
        switch Self.character(unit) {
        case "b":
            position += 1
            return .wordBoundary(true)
        case "B":
            position += 1
            return .wordBoundary(false)
        case "1"..."9":
            throw SchemaPatternError(message: "backreferences are not supported", offset: position - 1)
        case "0" where position + 1 < source.count && (0x30...0x39).contains(source[position + 1]):
            throw SchemaPatternError(message: "octal escapes are not supported", offset: position - 1)
        default:
            switch try parseCharacterEscape() {
            case .unit(let value): return .unit(value)
            case .set(let set): return .set(set)
            }
        }
    }

    /// What an escape inside or outside a class stands for.
    private enum Escaped {
        case unit(UInt16)
        case set(CodeUnitSet)
    }

    /// Parses the escape after a backslash (shared by atoms and classes, `\b` excepted).
    private mutating func parseCharacterEscape() throws -> Escaped {
        let unit = source[position]
        position += 1
        switch Self.character(unit) {
        case "d": return .set(.digits)
        case "D": return .set(CodeUnitSet(ranges: CodeUnitSet.digits.ranges, negated: true))
        case "w": return .set(.wordCharacters)
        case "W": return .set(CodeUnitSet(ranges: CodeUnitSet.wordCharacters.ranges, negated: true))
        case "s": return .set(.whitespace)
        case "S": return .set(CodeUnitSet(ranges: CodeUnitSet.whitespace.ranges, negated: true))
        case "t": return .unit(0x09)
        case "n": return .unit(0x0A)
        case "v": return .unit(0x0B)
        case "f": return .unit(0x0C)
        case "r": return .unit(0x0D)
        case "0" where !(current.map { (0x30...0x39).contains($0) } ?? false): return .unit(0)
        case "x": return .unit(hexValue(digits: 2) ?? unit)
        case "u": return .unit(hexValue(digits: 4) ?? unit)
        case "c":
            if let letter = current, (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) {
                position += 1
                return .unit(letter % 32)
            }
            position -= 1
            return .unit(UInt16(UInt8(ascii: "\\")))
        default: return .unit(unit)
        }
    }

    /// Reads exactly `digits` hex digits, or consumes nothing and returns nil.
    private mutating func hexValue(digits: Int) -> UInt16? {
        guard position + digits <= source.count else { return nil }
        var value: UInt16 = 0
        for unit in source[position..<position + digits] {
            guard let scalar = Unicode.Scalar(unit), let digit = Character(scalar).hexDigitValue else { return nil }
            value = value << 4 | UInt16(digit)
        }
        position += digits
        return value
    }

    /// Parses a class after its `[`.
    private mutating func parseClass() throws -> CodeUnitSet {
        let start = position - 1
        var set = CodeUnitSet(ranges: [])
        if isUnit(current, "^") {
            set.negated = true
            position += 1
        }
        while let unit = current, !isUnit(unit, "]") {
            let low = try parseClassAtom()
            guard isUnit(current, "-"), position + 1 < source.count, !isUnit(source[position + 1], "]") else {
                set.ranges += Self.ranges(of: low)
                continue
            }
            position += 1
            let high = try parseClassAtom()
            switch (low, high) {
            case let (.unit(lower), .unit(upper)):
                guard lower <= upper else {
                    throw SchemaPatternError(message: "range out of order in character class", offset: position - 1)
                }
                set.ranges.append(lower...upper)
            default:
                // Annex B: a range with a class escape at either end is the two sets plus "-".
                set.ranges += Self.ranges(of: low) + [0x2D...0x2D] + Self.ranges(of: high)
            }
        }
        guard current != nil else {
            throw SchemaPatternError(message: "unterminated character class", offset: start)
        }
        position += 1
        return set
    }

    private mutating func parseClassAtom() throws -> Escaped {
        let unit = source[position]
        position += 1
        guard isUnit(unit, "\\") else { return .unit(unit) }
        guard let next = current else {
            throw SchemaPatternError(message: "\\ at end of pattern", offset: position - 1)
        }
        if isUnit(next, "b") {
            position += 1
            return .unit(0x08)
        }
        if isUnit(next, "-") {
            position += 1
            return .unit(next)
        }
        return try parseCharacterEscape()
    }

    private static func ranges(of escaped: Escaped) -> [ClosedRange<UInt16>] {
        switch escaped {
        case .unit(let unit): return [unit...unit]
        case .set(let set): return set.flattened
        }
    }
}
