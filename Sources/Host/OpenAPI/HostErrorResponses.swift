/// The error answers the host itself gives, documented on every operation they can reach, with
/// the two error shapes as shared components: Cal.com's `{"message": …}` for everything, and its
/// `{"error": …}` for an API key that is invalid, expired, without a user or of a locked user.
///
/// What a plugin declares for a status stays (its description, followed by the host's, and its
/// schema when it gave one); the host adds the statuses it can answer by itself and a schema where
/// none was given.
/// 405 is not listed on operations: it is the answer for a method the document does not list on
/// that path (with `Allow`), so no documented operation can get it. 500 is a fault, not a contract.
enum HostErrorResponses {
    static let messageComponent = "ErrorMessage"
    static let authComponent = "AuthError"

    /// The shared components, added to `components/schemas` beside the plugins' own.
    static let components: [ComponentSchema] = [
        ComponentSchema(name: messageComponent, schema: [
            "type": "object", "required": ["message"],
            "properties": ["message": ["type": "string", "description": "What went wrong, in Cal.com's words"]],
            "example": ["message": "invalid_type in 'email': Required"],
        ]),
        ComponentSchema(name: authComponent, schema: [
            "type": "object", "required": ["error"],
            "properties": ["error": ["type": "string", "description": "Why the API key was refused"]],
            "example": ["error": "Your apiKey is not valid"],
        ]),
    ]

    /// `responses` with the host's error statuses added for `route`.
    static func merged(_ responses: JSONObject, for route: Route) -> JSONObject {
        var merged = responses
        for (status, answer) in answers(for: route) {
            guard case .object(var declared)? = merged[status] else {
                merged[status] = .object(answer)
                continue
            }
            if case .string(let own)? = declared["description"], case .string(let host)? = answer["description"], own != host {
                declared["description"] = .string("\(own)\n\nFrom calapi itself: \(host)")
            }
            if declared["content"] == nil { declared["content"] = answer["content"] }
            if declared["headers"] == nil, let headers = answer["headers"] { declared["headers"] = headers }
            merged[status] = .object(declared)
        }
        return JSONObject(members: merged.members.sorted { $0.key < $1.key })
    }

    /// The statuses the host can answer for `route`, in order, with their documentation.
    private static func answers(for route: Route) -> [(String, JSONObject)] {
        var answers: [(String, JSONObject)] = [
            ("400", answer("Bad request: a malformed query string, too many query parameters, or a path parameter, query or body its schema refuses (the message names the field)",
                           message, example: ["message": "invalid_type in 'email': Required"])),
            ("401", answer("No API key (`message`), or a key that is unknown or expired (`error`)", messageOrAuth,
                           example: ["error": "Your apiKey is not valid"])),
            ("403", answer("The key's user is locked (`error`), or the user may not do this (`message`)", messageOrAuth,
                           example: ["message": "Forbidden"])),
            ("404", answer("Not found, or no user for the key (`error`)", messageOrAuth, example: ["message": "Not found"])),
        ]
        if route.method.writes {
            answers.append(("409", answer("The write conflicts with existing or related records", message,
                                          example: ["message": "Team slug already exists"])))
        }
        if route.bodySchemaDocument != nil {
            answers.append(("413", answer("The body is larger than the server's limit (`limits.max_body_bytes`)", message,
                                          example: ["message": "request body too large"])))
        }
        answers.append(("429", answer("Too many requests (when the server limits request rates): retry after `Retry-After` seconds", message,
                                      retryAfter: true, example: ["message": "Rate limit exceeded"])))
        answers.append(("503", answer("The database is unavailable, the statement took too long, or the server is busy: retry after `Retry-After` seconds",
                                      message, retryAfter: true, example: ["message": "The database is unavailable. Please try again shortly."])))
        return answers
    }

    private static let message: JSONValue = ["$ref": .string("#/components/schemas/\(messageComponent)")]
    private static let messageOrAuth: JSONValue = ["anyOf": [message, ["$ref": .string("#/components/schemas/\(authComponent)")]]]

    private static func answer(_ description: String, _ schema: JSONValue, retryAfter: Bool = false, example: JSONValue) -> JSONObject {
        var answer = JSONObject()
        answer["description"] = .string(description)
        if retryAfter {
            answer["headers"] = ["Retry-After": ["description": "Seconds to wait before retrying", "schema": ["type": "integer"]]]
        }
        answer["content"] = ["application/json": ["schema": schema, "example": example]]
        return answer
    }
}
