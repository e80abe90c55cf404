import PluginSDK

/// The Slots plugin: `GET /slots`, the bookable start times of an event type, which Cal.com's v1
/// served without listing it in its published document.
let plugin = Plugin("slots", version: "1.0.0", statements: SlotsSQL.self, components: ["Slots": SlotsSchemas.answer]) {
    Resource("slots") {
        Route(.get, "/slots", query: SlotsSchemas.query,
              doc: OpenAPIOperation.respond("Find the bookable slots of an event type",
                  "Start times POST /bookings accepts between startTime and endTime, grouped by day (in timeZone when given, else UTC); by eventTypeId, or by usernameList (one user, or a team's slug with isTeamEvent=true) and eventTypeSlug; any authenticated caller, like the public booking page",
                  ##"{"$ref":"#/components/schemas/Slots"}"##),
              SlotsHandlers.get)
    }
}
