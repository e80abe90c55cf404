import PluginSDK

/// Read-only statements; payments are reached through the caller's organized bookings.
enum PaymentsSQL: StatementSet {
    case listOwn, find

    /// The public payment of the row aliased `p`.
    static let paymentJSON = """
        (SELECT row_to_json(x) FROM (SELECT p.id, p.amount, p.success, p.refunded, p.fee, p."paymentOption",
          p.currency, p."bookingId", p.uid) x)
        """

    var statement: Statement {
        let paymentJSON = Self.paymentJSON
        switch self {
        // One page ($2 LIMIT, $3 OFFSET) of the payments of the bookings user $1 organizes, through
        // Booking_userId_idx and Payment_bookingId_idx: never a scan of either table.
        case .listOwn:
            return .read(SQLFragments.jsonPage(
                paymentJSON, table: #""Payment""#, alias: "p",
                from: #""Booking" b JOIN "Payment" p ON p."bookingId" = b.id WHERE b."userId" = $1::bigint"#,
                orderBy: "p.id", limit: "$2", offset: "$3"))

        // The payment $1 when caller $2 organizes its booking.
        case .find:
            return .read("""
                SELECT \(paymentJSON)
                FROM "Payment" p JOIN "Booking" b ON b.id = p."bookingId"
                WHERE p.id = $1::bigint AND b."userId" = $2::bigint
                """)
        }
    }
}
