/// Access to a booking through an attendee's email (Cal.com grants it to a user whose email is an
/// attendee's), in the one form every statement that grants it uses.
extension SQLFragments {
    /// calapi's own table of emails set through the API by their user and not verified since
    /// (created by calapi's migration in every mode): `user_id` (one row per user), `email` (lower
    /// case, as stored), `changed_at`.
    public static let unverifiedEmailTable = "calapi_unverified_email"

    /// Whether the email of the user row aliased `user` may stand for that user: it is verified
    /// (`emailVerified`, which Cal.com's web app sets), or it was never claimed through calapi
    /// without verification. An address a user typed into `PATCH /users/{id}` grants nothing
    /// until verified; users whose email came from anywhere else keep what Cal.com gave them.
    public static func trustedEmail(of user: String) -> String {
        """
        (\(user)."emailVerified" IS NOT NULL
         OR NOT EXISTS (SELECT 1 FROM \(unverifiedEmailTable) ue WHERE ue.user_id = \(user).id AND ue.email = lower(\(user).email)))
        """
    }

    /// Whether user `userParameter` (an SQL expression such as `$2::int`) attends the booking
    /// aliased `booking`: one of its attendees has the user's email (case-insensitively), and that
    /// email is trusted (`trustedEmail`). Grants reading and cancelling only, never editing.
    public static func attends(booking: String, user userParameter: String) -> String {
        """
        EXISTS (SELECT 1 FROM "Attendee" aa JOIN users au ON lower(au.email) = lower(aa.email)
                WHERE aa."bookingId" = \(booking).id AND au.id = \(userParameter) AND \(trustedEmail(of: "au")))
        """
    }
}
