import Foundation
import Glibc

/// Keep-alive clients, each on its own thread, sending the same request in a loop and counting every
/// outcome, for tests of stops and restarts under load. A client that is answered with
/// `Connection: close` either stops (`reconnect: false`) or opens a new connection, as a browser or a
/// load balancer would.
final class LoopingClients {
    /// What the clients saw, summed.
    struct Tally: CustomStringConvertible {
        /// Complete answers with status 200.
        var answered = 0
        /// Complete answers with another status.
        var otherStatus = 0
        /// Answers that carried `Connection: close`.
        var closes = 0
        /// Connections reset (ECONNRESET) while a request was out.
        var resets = 0
        /// Connections closed before a whole answer arrived, or a read that failed otherwise.
        var cutShort = 0
        /// Connections that could not be opened.
        var refused = 0

        var failures: Int { otherStatus + resets + cutShort + refused }

        var description: String {
            "\(answered) answered (200), \(closes) with Connection: close, \(resets) reset, \(cutShort) cut short, "
                + "\(refused) refused connections, \(otherStatus) other statuses"
        }

        static func + (left: Tally, right: Tally) -> Tally {
            Tally(answered: left.answered + right.answered, otherStatus: left.otherStatus + right.otherStatus,
                  closes: left.closes + right.closes, resets: left.resets + right.resets,
                  cutShort: left.cutShort + right.cutShort, refused: left.refused + right.refused)
        }
    }

    private let port: UInt16
    private let path: String
    private let reconnect: Bool
    private let lock = NSLock()
    private var tallies: [Tally]
    private var stopping = false
    private var threads: [Thread] = []
    private let finished = DispatchSemaphore(value: 0)
    /// Client threads seen ending (through `finished`).
    private var ended = 0

    init(count: Int, port: UInt16, path: String, reconnect: Bool) {
        self.port = port
        self.path = path
        self.reconnect = reconnect
        tallies = Array(repeating: Tally(), count: count)
    }

    func start() {
        for index in tallies.indices {
            let thread = Thread { [self] in
                loop(index)
                finished.signal()
            }
            thread.start()
            threads.append(thread)
        }
    }

    /// The sum so far.
    var tally: Tally {
        lock.lock()
        defer { lock.unlock() }
        return tallies.reduce(Tally(), +)
    }

    /// Waits (up to 60 s) until `answered` reaches `count`; false if it did not.
    func waitForAnswers(_ count: Int) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while tally.answered < count && Date() < deadline { usleep(5_000) }
        return tally.answered >= count
    }

    /// Waits (up to 60 s) until every client has ended by itself (without `reconnect`, after its
    /// connection closed); false if one is still running.
    func waitUntilAllEnded() -> Bool {
        while ended < threads.count {
            guard finished.wait(timeout: .now() + 60) == .success else { return false }
            ended += 1
        }
        return true
    }

    /// Asks the clients to end after their current request and waits for them.
    @discardableResult
    func stop() -> Tally {
        lock.lock()
        stopping = true
        lock.unlock()
        _ = waitUntilAllEnded()
        return tally
    }

    private var shouldStop: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    private func record(_ index: Int, _ change: (inout Tally) -> Void) {
        lock.lock()
        change(&tallies[index])
        lock.unlock()
    }

    private func loop(_ index: Int) {
        var client: HTTPClient?
        while !shouldStop {
            if client == nil {
                do { client = try HTTPClient(port: port) } catch {
                    record(index) { $0.refused += 1 }
                    if !reconnect { return }
                    usleep(1_000)
                    continue
                }
            }
            do {
                let response = try client!.request("GET", path)
                let closing = response.header("Connection")?.lowercased() == "close"
                record(index) {
                    if response.status == 200 { $0.answered += 1 } else { $0.otherStatus += 1 }
                    if closing { $0.closes += 1 }
                }
                if closing {
                    client = nil
                    if !reconnect { return }
                }
            } catch {
                let reset = "\(error)".contains("errno \(ECONNRESET)")
                record(index) { if reset { $0.resets += 1 } else { $0.cutShort += 1 } }
                client = nil
                if !reconnect { return }
            }
        }
    }
}
