import CalapiPluginAPI
import PluginSDK

/// The two GET routes and the Payment component.
enum PaymentsRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "payments", ceiling: CALAPI_METHODS_READ)
        PaymentsStatements.register(&registrar)
        registrar.component("Payment", schema: publicPayment)

        registrar.route(CALAPI_GET, "/payments", resource: "payments", handler: { req, _ in PaymentsHandlers.list(Request(req)) },
                        query: SchemaFragments.paginationQuery,
                        openapi: OpenAPIOperation.enveloped("Find all payments", "Payments of the bookings the caller organizes (no admin bypass)",
                                                            envelope: "payments", component: "Payment", array: true))
        registrar.route(CALAPI_GET, "/payments/{id}", resource: "payments", handler: { req, _ in PaymentsHandlers.get(Request(req)) },
                        query: #"{"type":"object","properties":{"id":{"type":"integer"}}}"#,
                        openapi: OpenAPIOperation.enveloped("Find a payment", "Only a payment of a booking the caller organizes; 404 otherwise",
                                                            envelope: "payment", component: "Payment", array: false))
    }

    /// `schemaPaymentPublic` (latest, with `uid`).
    static let publicPayment = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},"amount":{"type":"integer"},"success":{"type":"boolean"},"refunded":{"type":"boolean"},
          "fee":{"type":"integer"},"paymentOption":{"type":"string","enum":["ON_BOOKING","HOLD"],"nullable":true},
          "currency":{"type":"string"},"bookingId":{"type":"integer"},"uid":{"type":"string"}}}
        """#
}
