import XCTest
@testable import Host

/// `/payments` (bookings-and-auth.md §6): read-only, no admin bypass, someone else's payment is not found.
final class PaymentsTests: APITestCase {
    static let publicFields: Set<String> = ["id", "amount", "success", "refunded", "fee", "paymentOption", "currency", "bookingId", "uid"]

    func testListHoldsOnlyPaymentsOfTheCallersBookingsEvenForAdmins() throws {
        let alice = try seedUser("alice")
        let admin = try seedUser("root", role: "ADMIN")
        let mine = try seedPayment(try seedBooking(alice), amount: 2500)
        try seedPayment(try seedBooking(admin))
        let response = try call("GET", "/v1/payments", as: alice)
        XCTAssertEqual(response.status, 200)
        let payments = list(response, "payments")
        XCTAssertEqual(payments.map { $0["id"] as? Int }, [Int(mine)])
        XCTAssertEqual(Set(payments[0].keys), PaymentsTests.publicFields)
        XCTAssertEqual(payments[0]["amount"] as? Int, 2500)
        XCTAssertEqual(payments[0]["paymentOption"] as? String, "ON_BOOKING")
        XCTAssertEqual(list(try call("GET", "/v1/payments", as: admin), "payments").count, 1, "admins see only their own")
        let bob = try seedUser("bob")
        XCTAssertEqual(try call("GET", "/v1/payments", as: bob).text, #"{"payments":[]}"#)
    }

    func testGetByIdIsOwnerOnly() throws {
        let alice = try seedUser("alice")
        let admin = try seedUser("root", role: "ADMIN")
        let payment = try seedPayment(try seedBooking(alice))
        let own = try call("GET", "/v1/payments/\(payment)", as: alice)
        XCTAssertEqual(own.status, 200)
        XCTAssertEqual(object(own, "payment")["id"] as? Int, Int(payment))
        XCTAssertNil(object(own, "payment")["data"], "the provider payload is never exposed")
        let foreign = try call("GET", "/v1/payments/\(payment)", as: admin)
        XCTAssertEqual(foreign.status, 404, "someone else's payment answers like a missing one")
        XCTAssertEqual(foreign.text, #"{"message":"Payment with id: \#(payment) not found"}"#)
        let missing = try call("GET", "/v1/payments/999999", as: alice)
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.json["message"] as? String, "Payment with id: 999999 not found")
        let nan = try call("GET", "/v1/payments/abc", as: alice)
        XCTAssertEqual(nan.status, 400)
        XCTAssertEqual(nan.json["message"] as? String, "invalid_type in 'id': Expected number, received nan")
        XCTAssertEqual(try call("GET", "/v1/payments/\(payment)", as: nil).status, 401, "a key is required")
    }

    func testWritesAreRefusedWith405() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let payment = try seedPayment(try seedBooking(admin))
        let post = try call("POST", "/v1/payments", as: admin, body: ["bookingId": 1])
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.header("Allow"), "GET")
        for method in ["PATCH", "DELETE"] {
            XCTAssertEqual(try call(method, "/v1/payments/\(payment)", as: admin, body: [String: Any]()).status, 405, method)
        }
        XCTAssertEqual(try value("SELECT count(*) FROM \"Payment\""), "1")
    }
}

/// The payments ceiling is read-only: a config enabling writes is refused at start.
final class PaymentsConfigTests: XCTestCase {
    func testConfigEnablingPostOnPaymentsIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-payments-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("config.yaml").path
        try "resources:\n  payments: [GET, POST]\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runCalapi(["serve", "--config", path, "--check-config"], environment: ["DATABASE_URL": "postgresql://127.0.0.1:1/none"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("config.yaml:2: resources.payments: enables POST on \"payments\", but plugin \"payments\" declares it read-only"), result.stderr)
    }
}
