/// The parsed form of a regular expression, before it is compiled into `SchemaPattern`'s program.
indirect enum SchemaPatternSyntax {
    case empty
    case unit(UInt16)
    case set(CodeUnitSet)
    case startOfInput
    case endOfInput
    case wordBoundary(Bool)
    case sequence([SchemaPatternSyntax])
    case alternation([SchemaPatternSyntax])
    case repetition(SchemaPatternSyntax, min: Int, max: Int?)
    case lookahead(SchemaPatternSyntax, negated: Bool)
}

/// Why a pattern was refused, with the UTF-16 offset in the pattern where it was noticed.
struct SchemaPatternError: Error {
    var message: String
    var offset: Int
}
