/// The Payment component.
enum PaymentsSchemas {
    /// `schemaPaymentPublic` (latest, with `uid`).
    static let publicPayment = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},"amount":{"type":"integer"},"success":{"type":"boolean"},"refunded":{"type":"boolean"},
          "fee":{"type":"integer"},"paymentOption":{"type":"string","enum":["ON_BOOKING","HOLD"],"nullable":true},
          "currency":{"type":"string"},"bookingId":{"type":"integer"},"uid":{"type":"string"}},
         "example":{"id":9,"amount":5000,"success":true,"refunded":false,"fee":0,"paymentOption":"ON_BOOKING","currency":"usd",
           "bookingId":31,"uid":"pay_3kTMd8Yb2FqVNz"}}
        """#
}
