import PluginSDK

/// The NoShow plugin: `POST /no-show`, marking a booking's attendees as no-shows, which Cal.com's v1
/// served without listing it in its published document.
let plugin = Plugin("no-show", version: "1.0.0", statements: NoShowSQL.self) {
    Resource("no-show") {
        Route(.post, "/no-show", body: NoShowSchemas.body,
              doc: OpenAPIOperation.respond("Mark attendees as no-shows",
                  "Sets noShow on the booking's attendees with the given emails, once the booking has started; for its organizer, members of its event type's team, or a system admin",
                  NoShowSchemas.answer),
              NoShowHandlers.mark)
    }
}
