import CLibPQ
import Glibc

/// The rows (or the command status) of one statement, read in PostgreSQL's text format.
///
/// Owns the libpq result and frees it on deinit. Values are read in place: `text(_:_:)` points into
/// the result, so its bytes stay valid exactly as long as this object lives. Row and column indices
/// must be in range (`contains(row:column:)` tells); reading outside them is a programming error and traps.
final class PGRows {
    /// Number of rows.
    let count: Int
    /// Number of columns.
    let columns: Int
    private let result: OpaquePointer

    /// Takes ownership of `result`.
    init(_ result: OpaquePointer) {
        self.result = result
        count = Int(PQntuples(result))
        columns = Int(PQnfields(result))
    }

    deinit {
        PQclear(result)
    }

    /// The index of the column called exactly `name` (case-sensitive, unlike `PQfnumber`, so that
    /// camel-case names such as `userId` match without quoting).
    func columnIndex(_ name: String) -> Int? {
        name.withCString { wanted in
            (0..<columns).first { strcmp(PQfname(result, Int32($0)), wanted) == 0 }
        }
    }

    /// Whether `row` and `column` name a value of this result.
    func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < count && column >= 0 && column < columns
    }

    /// Whether the value is SQL NULL.
    func isNull(_ row: Int, _ column: Int) -> Bool {
        checkIndex(row, column)
        return PQgetisnull(result, Int32(row), Int32(column)) != 0
    }

    /// The value's bytes in text format (empty for NULL), followed in memory by a NUL byte.
    /// Valid while this `PGRows` lives; no copy is made.
    func text(_ row: Int, _ column: Int) -> UnsafeBufferPointer<UInt8> {
        checkIndex(row, column)
        let value = PQgetvalue(result, Int32(row), Int32(column))!
        return UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self),
                                   count: Int(PQgetlength(result, Int32(row), Int32(column))))
    }

    /// The value as a string, or nil for NULL.
    func string(_ row: Int, _ column: Int) -> String? {
        isNull(row, column) ? nil : String(decoding: text(row, column), as: UTF8.self)
    }

    /// The value as an integer, or nil for NULL or a value that is not a 64-bit integer.
    func int64(_ row: Int, _ column: Int) -> Int64? {
        isNull(row, column) ? nil : Self.parseInt64(text(row, column))
    }

    /// The value of a boolean column (`t`/`f`), or nil for NULL or anything else.
    func bool(_ row: Int, _ column: Int) -> Bool? {
        let bytes = text(row, column)
        guard bytes.count == 1, !isNull(row, column) else { return nil }
        switch bytes[0] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: return nil
        }
    }

    /// Rows inserted, updated, deleted, selected… as reported by the command tag; 0 when it has none.
    var affected: Int64 {
        let tag = PQcmdTuples(result)!
        return Self.parseInt64(UnsafeBufferPointer(start: UnsafeRawPointer(tag).assumingMemoryBound(to: UInt8.self),
                                                   count: strlen(tag))) ?? 0
    }

    private func checkIndex(_ row: Int, _ column: Int) {
        precondition(contains(row: row, column: column),
                     "row \(row), column \(column) outside a result of \(count) × \(columns)")
    }

    /// Decimal digits with an optional minus sign, as PostgreSQL prints integers.
    private static func parseInt64(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            // Accumulate negatively so that Int64.min parses too.
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.subtractingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = next
        }
        if negative { return value }
        return value == Int64.min ? nil : -value
    }
}
