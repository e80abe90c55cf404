/// The SDK's own statements, registered with every Swift plugin (each is prepared on a connection
/// only when first run), so the rules they carry are written once: the membership lookup and
/// the availability period bound.
enum SharedSQL: StatementSet {
    case membership, availabilityPeriodTooLong

    static let table = StatementTable<SharedSQL>(prefix: "sdk.")

    var statement: Statement {
        switch self {
        // $1 user, $2 team: the role label (as stored) and whether the invitation was accepted.
        case .membership:
            return .read(#"SELECT role::text, accepted FROM "Membership" WHERE "userId" = $1::bigint AND "teamId" = $2::bigint"#)
        case .availabilityPeriodTooLong:
            return .read(AvailabilitySQL.periodTooLong)
        }
    }
}
