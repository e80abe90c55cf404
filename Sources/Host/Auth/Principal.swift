/// Who a request acts for: the API key's user, and whether that user is a system-wide admin
/// (`users.role = 'ADMIN'`).
struct Principal: Equatable {
    let userId: Int64
    let isAdmin: Bool
}
