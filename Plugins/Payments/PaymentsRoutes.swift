import PluginSDK

/// The Payments plugin: `/payments` and `/payments/{id}`, read-only in every era of Cal.com v1
/// (bookings-and-auth.md §6): it has GET routes only, so no config can enable writes. Cal.com grants
/// no admin bypass here: admins see only the payments of their own bookings, like everyone else.
let plugin = Plugin("payments", version: "1.0.0", statements: PaymentsSQL.self, components: ["Payment": PaymentsSchemas.publicPayment]) {
    Resource("payments") {
        Route(.get, "/payments", query: .pagination,
              doc: OpenAPIOperation.enveloped("Find all payments", "Payments of the bookings the caller organizes (no admin bypass)",
                                              envelope: "payments", component: "Payment", array: true)) {
            try $0.list("payments", .listOwn, .int($0.userId))
        }
        // A payment of a booking the caller organizes; 404 otherwise, whether it exists or not
        // (Cal.com answered 401 for someone else's, which told that it exists).
        Route(.get, "/payments/{id}", id: .number(),
              doc: OpenAPIOperation.enveloped("Find a payment", "Only a payment of a booking the caller organizes; 404 otherwise",
                                              envelope: "payment", component: "Payment", array: false)) { request in
            let notFound = HTTPError.notFound("Payment with id: \(request.id.map(String.init) ?? request.pathParameter("id")) not found")
            return .envelope("payment", try request.one(.find, .int(request.id(or: notFound)), .int(request.userId), orElse: notFound))
        }
    }
}
