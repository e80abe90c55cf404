import Foundation
import Glibc

/// Debian's headless Chromium driven through the DevTools protocol over `--remote-debugging-pipe`
/// (Chromium reads commands on fd 3 and writes answers on fd 4, each a JSON text ended by a NUL):
/// no WebDriver, no websocket, no downloaded browser. One instance drives one page.
///
/// Every wait has a deadline; nothing is timed.
final class Chromium {
    private let pid: pid_t
    private let commands: Int32
    private let answers: Int32
    private let profile: URL
    private var buffer: [UInt8] = []
    private var nextID = 0
    private var session = ""

    /// The browser, from `CHROMIUM` or the usual Debian paths.
    static var executable: String? {
        if let path = ProcessInfo.processInfo.environment["CHROMIUM"] { return path }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts the browser and opens one blank page of `width`×`height` CSS pixels.
    init(width: Int = 1280, height: Int = 900) throws {
        guard let executable = Chromium.executable else {
            throw TestFailure("Chromium is not installed: run scripts/install-deps --test (Debian's chromium package)")
        }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        // Close-on-exec: the child gets only the two ends `dup2` puts on fds 3 and 4.
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw TestFailure("pipe failed") }
        for fd in toBrowser + fromBrowser { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // --no-sandbox: tests may run as root, where Chromium's sandbox refuses to start; the page is
        // calapi's own, served from localhost.
        let arguments = [executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                         "--user-data-dir=\(profile.path)", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--disable-background-networking", "--hide-scrollbars", "--mute-audio",
                         "about:blank"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, nil, &argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard spawned == 0 else { throw TestFailure("cannot start \(executable): errno \(spawned)") }
        pid = child
        commands = toBrowser[1]
        answers = fromBrowser[0]

        let target = try send("Target.createTarget", ["url": "about:blank"], timeout: 30)
        guard let targetId = target["targetId"] as? String else { throw TestFailure("no page target: \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": targetId, "flatten": true])
        guard let sessionId = attached["sessionId"] as? String else { throw TestFailure("cannot attach: \(attached)") }
        session = sessionId
        try send("Page.enable")
        try send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600])
    }

    deinit {
        _ = try? send("Browser.close", [:], inBrowser: true, timeout: 5)
        close(commands)
        close(answers)
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(at: profile)
    }

    /// Loads `url` in the page.
    func navigate(_ url: String) throws {
        let result = try send("Page.navigate", ["url": url])
        if let error = result["errorText"] as? String { throw TestFailure("cannot load \(url): \(error)") }
    }

    /// Emulates `prefers-color-scheme` (`light` or `dark`).
    func colorScheme(_ scheme: String) throws {
        try send("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": scheme]]])
    }

    /// The JSON value of a JavaScript expression (promises are awaited).
    @discardableResult
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] as? [String: Any] {
            let text = ((exception["exception"] as? [String: Any])?["description"] as? String) ?? "\(exception)"
            throw TestFailure("JavaScript failed: \(text)\nin: \(expression)")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Evaluates `condition` until it is true (a script error, as while a page is replaced, counts
    /// as not yet); fails with `what` and the last error after `seconds`.
    func wait(for condition: String, _ what: String, seconds: Double = 20) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var lastError = ""
        while true {
            do {
                if try evaluate("Boolean(\(condition))") as? Bool == true { return }
            } catch {
                lastError = " (last error: \(error))"
            }
            if Date() > deadline { throw TestFailure("timed out waiting for \(what): \(condition)\(lastError)") }
            usleep(50_000)
        }
    }

    /// A PNG of the viewport, or of the whole page.
    func screenshot(fullPage: Bool = false) throws -> Data {
        let result = try send("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": fullPage])
        guard let base64 = result["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw TestFailure("no screenshot")
        }
        return data
    }

    /// Sends one command (to the page's session unless `inBrowser`) and returns its result.
    @discardableResult
    private func send(_ method: String, _ params: [String: Any] = [:], inBrowser: Bool = false, timeout: Double = 20) throws -> [String: Any] {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if !inBrowser && !session.isEmpty { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard written > 0 else { throw TestFailure("Chromium closed its pipe (sending \(method))") }
            offset += written
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let answer = try readMessage(until: deadline, what: method)
            guard answer["id"] as? Int == id else { continue } // an event or another answer
            if let error = answer["error"] as? [String: Any] { throw TestFailure("\(method) failed: \(error)") }
            return answer["result"] as? [String: Any] ?? [:]
        }
    }

    private func readMessage(until deadline: Date, what: String) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let text = Data(buffer[..<end])
                buffer.removeFirst(end + 1)
                return (try JSONSerialization.jsonObject(with: text)) as? [String: Any] ?? [:]
            }
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            var ready = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            guard left > 0, poll(&ready, 1, left) > 0 else { throw TestFailure("Chromium did not answer \(what) in time") }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(answers, &chunk, chunk.count)
            guard count > 0 else { throw TestFailure("Chromium closed its pipe (waiting for \(what))") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}
