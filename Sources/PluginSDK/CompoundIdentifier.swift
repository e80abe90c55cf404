/// Ids that pack several key columns into one path segment, as Cal.com v1 spells them.
public enum CompoundIdentifier {
    /// A user's calendar: `{userId}_{integration}_{externalId}`, where the integration ends in
    /// `_calendar` (`3_google_calendar_someone@example.com`).
    public struct Calendar: Equatable {
        public let userId: Int64
        public let integration: String
        public let externalId: String
    }

    /// Reads a calendar id the way Cal.com's `selectedCalendarIdSchema` does: the text before the
    /// first `_` is the user id (decimal, within PostgreSQL's `integer`), the rest is split at the
    /// first `_calendar_`. Unlike Cal.com, an external id that itself holds `_calendar_` is kept
    /// whole. On failure the error is Cal.com's message: `userId is not a number`,
    /// `Missing integration` or `Missing externalId`.
    public static func calendar(_ text: String) -> Result<Calendar, Problem> {
        let pieces = text.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = pieces[0]
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let userId = Int64(digits), userId <= Int64(Int32.max) else {
            return .failure(Problem(message: "userId is not a number"))
        }
        let rest = pieces.count > 1 ? String(pieces[1]) : ""
        guard let marker = firstRange(of: "_calendar_", in: rest) else {
            return .failure(Problem(message: rest.isEmpty ? "Missing integration" : "Missing externalId"))
        }
        let integration = rest[..<marker.lowerBound]
        let externalId = rest[marker.upperBound...]
        if integration.isEmpty { return .failure(Problem(message: "Missing integration")) }
        if externalId.isEmpty { return .failure(Problem(message: "Missing externalId")) }
        return .success(Calendar(userId: userId, integration: integration + "_calendar", externalId: String(externalId)))
    }

    /// Where `marker` first occurs in `text` (by Unicode scalars, like JavaScript's split on ASCII).
    private static func firstRange(of marker: String, in text: String) -> Range<String.Index>? {
        let scalars = text.unicodeScalars
        let pattern = Array(marker.unicodeScalars)
        var start = scalars.startIndex
        while start != scalars.endIndex {
            var position = start
            var matched = 0
            while matched < pattern.count, position != scalars.endIndex, scalars[position] == pattern[matched] {
                position = scalars.index(after: position)
                matched += 1
            }
            if matched == pattern.count { return start..<position }
            start = scalars.index(after: start)
        }
        return nil
    }

    /// Why an id could not be read, in Cal.com's words.
    public struct Problem: Error, Equatable {
        public let message: String
    }
}
