import PluginSDK

/// Attendees rate a meeting once it has ended (Cal.com's `rating` and `ratingFeedback` columns of
/// `"Booking"`): `PUT /v1/booking-ratings/{bookingId}` sets them, `GET` reads them back.
let plugin = Plugin("booking-ratings", version: "1.0.0", statements: RatingsSQL.self,
                    components: ["BookingRating": #"{"type":"object","properties":{"bookingId":{"type":"integer"},"rating":{"type":"integer","nullable":true},"feedback":{"type":"string","nullable":true}}}"#]) {
    Resource("booking-ratings") {
        RouteGroup("/booking-ratings/{bookingId}", id: .integerColumn("bookingId")) {
            // Its organizer and attendees (by a verified email) may read it; system admins any.
            Route(.get, access: .row(.readable, else: notFound),
                  doc: OpenAPIOperation.returning("BookingRating", in: "booking_rating", summary: "Find a booking's rating",
                                                  description: "For its organizer and attendees")) {
                .envelope("booking_rating", try $0.findById(.find, orElse: notFound))
            }
            // Only an attendee may rate (checked before the body is read), and only once the meeting ended.
            Route(.put, body: rateBody, access: .row(.attended, else: .forbidden("Only an attendee of the booking may rate it")),
                  doc: OpenAPIOperation.returning("BookingRating", in: "booking_rating", summary: "Rate a booking",
                                                  description: "An attendee, once the booking has ended; a new rating replaces the old one")) { request in
                let id = try request.id(or: notFound)
                let body = request.body
                return .envelope("booking_rating", try request.one(.rate, .int(id), .node(body["rating"]), .node(body["feedback"]),
                                                                   request.callerScope, orElse: .badRequest("A booking can be rated once it has ended")))
            }
        }
    }
}

let notFound = HTTPError.notFound("Booking not found")

/// A rating from 1 to 5 and an optional feedback; nothing else.
let rateBody = #"""
    {"type":"object","additionalProperties":false,"required":["rating"],"properties":{
      "rating":{"type":"integer","minimum":1,"maximum":5,"x-message":"rating must be a whole number from 1 to 5"},
      "feedback":{"type":"string","maxLength":1000,"nullable":true}}}
    """#

/// The statements: `$1` the booking, and the caller (`$2`, or the last parameter; NULL for a system
/// admin in the ones that take `callerScope`).
enum RatingsSQL: StatementSet {
    case readable, attended, find, rate

    /// The rating of the booking aliased `b`.
    static let ratingJSON = #"json_build_object('bookingId', b.id, 'rating', b.rating, 'feedback', b."ratingFeedback")::text"#

    /// User `$n` organizes the booking aliased `b`, or attends it by a verified email.
    static func concerns(_ user: String) -> String {
        let user = user + "::int"
        return #"(b."userId" = \#(user) OR \#(SQLFragments.attends(booking: "b", user: user)))"#
    }

    var statement: Statement {
        switch self {
        case .readable:
            return .read(#"SELECT 1 FROM "Booking" b WHERE b.id = $1::int AND \#(Self.concerns("$2"))"#)
        case .attended:
            return .read(#"SELECT 1 FROM "Booking" b WHERE b.id = $1::int AND \#(SQLFragments.attends(booking: "b", user: "$2::int"))"#)
        case .find:
            return .read(#"SELECT \#(Self.ratingJSON) FROM "Booking" b WHERE b.id = $1::int AND ($2::int IS NULL OR \#(Self.concerns("$2")))"#)
        // $2 rating, $3 feedback, $4 the caller (NULL for a system admin): no row before the booking ended.
        case .rate:
            return .write(#"""
                UPDATE "Booking" b SET rating = $2::int, "ratingFeedback" = $3::text
                WHERE b.id = $1::int AND b."endTime" <= now() AT TIME ZONE 'UTC'
                  AND ($4::int IS NULL OR \#(SQLFragments.attends(booking: "b", user: "$4::int")))
                RETURNING \#(Self.ratingJSON)
                """#)
        }
    }
}
