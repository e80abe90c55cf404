/// Team roles (Cal.com's `MembershipRole`) and the lookup of a user's role in a team, which
/// several resources' authorization rules share.
public enum MembershipRole: String {
    case owner = "OWNER"
    case admin = "ADMIN"
    case member = "MEMBER"

    /// Cal.com's privilege order: 0 for OWNER, 1 for ADMIN, 2 for MEMBER (lower is stronger).
    public var rank: Int {
        switch self {
        case .owner: return 0
        case .admin: return 1
        case .member: return 2
        }
    }

    /// OWNER or ADMIN: the roles that manage a team.
    public var managesTeam: Bool { self != .member }
}

/// The statement behind `Request.membershipRole`; a plugin that uses it calls `register` at init.
public enum MembershipLookup {
    static var role = Statement.unset

    public static func register(_ registrar: inout PluginRegistrar) {
        role = registrar.statement("membership_role",
            #"SELECT role::text FROM "Membership" WHERE "userId" = $1::bigint AND "teamId" = $2::bigint"#)
    }
}

extension Request {
    /// The role label of `user`'s membership in `team` (accepted or not), nil without one. The
    /// label is returned as stored so that a label this code does not know can still be reported.
    public func membershipRole(user: Int64, team: Int64) throws -> String? {
        let rows = try run(MembershipLookup.role, .int(user), .int(team))
        return rows.count > 0 ? rows.string(0, 0) : nil
    }
}
