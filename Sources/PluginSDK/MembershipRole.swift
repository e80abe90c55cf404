/// Team roles (Cal.com's `MembershipRole`) and the one lookup of a user's membership of a team,
/// which several resources' authorization rules share.
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

/// A user's membership of a team, accepted or not.
public struct Membership {
    /// The role label as stored, so that a label this code does not know can still be reported.
    public let label: String
    public let accepted: Bool

    /// The role, nil for a label this code does not know.
    public var role: MembershipRole? { MembershipRole(rawValue: label) }
    /// An OWNER or ADMIN, accepted or not.
    public var managesTeam: Bool { role?.managesTeam ?? false }
    /// An accepted OWNER or ADMIN (Cal.com's team editors).
    public var isAcceptedManager: Bool { accepted && managesTeam }
}

extension Request {
    /// `user`'s membership of `team`, nil without one.
    public func membership(user: Int64, team: Int64) throws -> Membership? {
        let rows = try run(shared: .membership, [.int(user), .int(team)])
        guard rows.count > 0 else { return nil }
        return Membership(label: rows.string(0, 0) ?? "", accepted: rows.bool(0, 1) ?? false)
    }

    /// The caller's membership of `team`.
    public func callerMembership(of team: Int64) throws -> Membership? { try membership(user: userId, team: team) }
}
