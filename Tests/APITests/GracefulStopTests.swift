import Foundation
import XCTest
@testable import Host

/// SIGTERM under load drops nothing: every request sent is answered, each connection learns it must
/// close from `Connection: close` on its last answer, and the process exits cleanly.
final class GracefulStopTests: APITestCase {
    override var configYAML: String {
        """
        limits:
          drain_idle_seconds: 5
        """
    }

    func testSIGTERMWhileKeepAliveClientsLoopResetsNothing() throws {
        let alice = try seedUser("alice")
        let clients = LoopingClients(count: 16, port: server.port, path: "/v1/me?apiKey=\(alice.key)", reconnect: false)
        clients.start()
        XCTAssertTrue(clients.waitForAnswers(16 * 20), "\(clients.tally)")

        server.signal(SIGTERM)
        XCTAssertEqual(server.waitForExit(), 0)
        XCTAssertTrue(clients.waitUntilAllEnded())
        let tally = clients.tally
        print("SIGTERM under load: \(tally)")
        XCTAssertEqual(tally.resets, 0, "\(tally)")
        XCTAssertEqual(tally.cutShort, 0, "\(tally)")
        XCTAssertEqual(tally.otherStatus, 0, "\(tally)")
        XCTAssertEqual(tally.closes, 16, "every client was told to close: \(tally)")
        let log = try server.logText()
        XCTAssertTrue(log.contains("stopping (signal 15)"), log)
        XCTAssertTrue(log.contains("calapi info: stopped"), log)
        XCTAssertFalse(log.contains("Assertion"), log)
    }

    /// A load balancer polling `/readyz` on a kept-alive connection learns of the stop at once.
    func testReadyzAnswers503OnceTheDrainBegins() throws {
        let probe = try server.client()
        XCTAssertEqual(try probe.request("GET", "/readyz").status, 200)
        server.signal(SIGTERM)
        try server.waitForLog("stopping (signal 15)")
        let draining = try probe.request("GET", "/readyz")
        XCTAssertEqual(draining.status, 503, draining.text)
        XCTAssertEqual((draining.json["failing"] as? [String: Any])?["drain"] as? String, "the server is stopping")
        XCTAssertEqual(draining.header("Connection")?.lowercased(), "close")
        XCTAssertEqual(server.waitForExit(), 0)
    }
}

/// A second calapi started on the same port (`listen.reuse_port`) while the first drains: clients
/// that reconnect after `Connection: close` never see a refused, reset or cut-short request.
final class ReusePortRestartTests: APITestCase {
    override var configYAML: String {
        """
        listen:
          reuse_port: true
        limits:
          drain_idle_seconds: 5
        """
    }

    func testRestartUnderLoadFailsNoRequest() throws {
        let alice = try seedUser("alice")
        let clients = LoopingClients(count: 16, port: server.port, path: "/v1/me?apiKey=\(alice.key)", reconnect: true)
        clients.start()
        defer { clients.stop() }
        XCTAssertTrue(clients.waitForAnswers(200), "\(clients.tally)")

        let successor = try CalapiServer(databaseURL: server.databaseURL, config: configYAML, port: server.port)
        defer { successor.stop() }
        XCTAssertTrue(clients.waitForAnswers(clients.tally.answered + 200), "\(clients.tally)")
        server.signal(SIGTERM)
        XCTAssertEqual(server.waitForExit(), 0)
        let handedOver = clients.tally.answered
        XCTAssertTrue(clients.waitForAnswers(handedOver + 16 * 20), "the successor serves: \(clients.tally)")

        let tally = clients.stop()
        print("restart under load (SO_REUSEPORT): \(tally)")
        XCTAssertEqual(tally.failures, 0, "\(tally)")
        XCTAssertGreaterThanOrEqual(tally.closes, 16, "each client moved to the successor: \(tally)")
        XCTAssertFalse(server.log.contains("Assertion"), server.log)
    }
}
