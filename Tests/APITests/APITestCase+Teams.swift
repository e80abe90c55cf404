import XCTest
@testable import Host

/// Seeding teams and memberships straight into the database, for the tests of every resource
/// whose rules depend on team roles.
extension APITestCase {
    /// A team row; returns its id.
    @discardableResult
    func seedTeam(_ name: String, slug: String? = nil, parentId: Int64? = nil) throws -> Int64 {
        let rows = try db.query(#"INSERT INTO "Team" (name, slug, "parentId") VALUES ($1, $2, $3::int) RETURNING id"#,
                                [.text(name), slug.map { .text($0) } ?? .null, parentId.map { .text(String($0)) } ?? .null])
        return try XCTUnwrap(rows.int64(0, 0))
    }

    /// A membership row (`role` is OWNER, ADMIN or MEMBER).
    func seedMembership(_ account: Account, _ teamId: Int64, role: String, accepted: Bool = true) throws {
        _ = try db.query(#"INSERT INTO "Membership" ("userId", "teamId", role, accepted) VALUES ($1::int, $2::int, $3::"MembershipRole", $4::boolean)"#,
                         [.text(String(account.id)), .text(String(teamId)), .text(role), .text(accepted ? "true" : "false")])
    }
}
