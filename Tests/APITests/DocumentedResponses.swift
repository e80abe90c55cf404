import Foundation
import XCTest
@testable import Host

/// Holds every answer of the end-to-end tests to the document the same server serves at `/docs`:
/// `APITestCase.call` hands each response here. The operation is found by the request's method
/// and path (as the host reads paths: `/v1`, `/api/v1` or none), then the response by its status,
/// and the body is checked against that response's schema.
///
/// Everything found is written to `.build/artefacts/schema-mismatches.txt` (one line per route,
/// status and problem, with the first test that met it), and fails the test: a breach of the
/// schema, and a member the document does not declare (allowed by OpenAPI, but then the document
/// does not tell the whole answer).
enum DocumentedResponses {
    /// Checks `response` to `method path`; failures are attributed to `file`/`line` of the call.
    static func check(_ method: String, _ path: String, _ response: HTTPClient.Response, document: JSONValue,
                      test: String, file: StaticString, line: UInt) {
        _ = reportFile  // started afresh by the run's first answer, so that a clean run leaves an empty report
        guard method != "HEAD", let route = operation(method, path, in: document) else {
            return checkUnrouted(response, document: document, test: test, file: file, line: line)
        }
        let status = String(response.status)
        let problems: [ResponseSchemaChecker.Problem]
        if case .object(let answer)? = route.operation.responses?[status] ?? route.operation.responses?["default"] {
            problems = bodyProblems(response, answer, document: document)
        } else {
            problems = ["status \(status) is not documented"]
        }
        report(route.name, status, problems, test: test, file: file, line: line)
    }

    /// A request no operation covers (an unknown path, a method not served): the host's error shape.
    private static func checkUnrouted(_ response: HTTPClient.Response, document: JSONValue, test: String, file: StaticString, line: UInt) {
        guard response.status == 404 || response.status == 405 else { return }
        let schema: JSONValue = ["$ref": .string("#/components/schemas/\(HostErrorResponses.messageComponent)")]
        let answer: JSONValue = ["content": ["application/json": ["schema": schema]]]
        let problems = bodyProblems(response, answer.object ?? JSONObject(), document: document)
        report("(no operation)", String(response.status), problems, test: test, file: file, line: line)
    }

    private static func bodyProblems(_ response: HTTPClient.Response, _ answer: JSONObject, document: JSONValue) -> [ResponseSchemaChecker.Problem] {
        guard case .object(let content)? = answer["content"], case .object(let media)? = content["application/json"],
              let schema = media["schema"] else {
            return response.body.isEmpty ? [] : ["no schema documented for this status"]
        }
        guard let body = try? JSONParser.parse(Array(response.body)) else { return ["the body is not JSON"] }
        return ResponseSchemaChecker(document: document).problems(body, schema)
    }

    // MARK: - Finding the operation

    private struct Operation {
        let name: String
        let operation: JSONObject
    }

    /// The document's operation for `method` on `path`, preferring literal segments over parameters.
    private static func operation(_ method: String, _ path: String, in document: JSONValue) -> Operation? {
        let bare = String(path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        guard let segments = APIPath.segments(bare), case .object(let paths)? = document.object?["paths"] else { return nil }
        var best: (literals: Int, operation: Operation)?
        for (template, item) in paths.members {
            let parts = template.split(separator: "/")
            guard parts.count == segments.count, case .object(let operation)? = item.object?[method.lowercased()] else { continue }
            var literals = 0
            let fits = zip(parts, segments).allSatisfy { part, segment in
                if part.hasPrefix("{") { return true }
                literals += 1
                return part == segment
            }
            if fits, literals > (best?.literals ?? -1) {
                best = (literals, Operation(name: "\(method) \(template)", operation: operation))
            }
        }
        return best?.operation
    }

    // MARK: - Reporting

    private static let lock = NSLock()
    nonisolated(unsafe) private static var reported: Set<String> = []
    private static let reportFile: URL = {
        try? FileManager.default.createDirectory(at: Artefacts.folder, withIntermediateDirectories: true)
        let file = Artefacts.folder.appendingPathComponent("schema-mismatches.txt")
        try? Data("# Answers of the end-to-end tests that do not match the document (METHOD /route STATUS: problem [first test])\n".utf8).write(to: file)
        return file
    }()

    private static func report(_ route: String, _ status: String, _ problems: [ResponseSchemaChecker.Problem],
                               test: String, file: StaticString, line: UInt) {
        guard !problems.isEmpty else { return }
        XCTFail("\(route) answered \(status) against its documented schema: \(problems.map(\.text).joined(separator: "; "))",
                file: file, line: line)
        lock.lock()
        defer { lock.unlock() }
        var lines = ""
        for problem in problems where reported.insert("\(route) \(status): \(Self.generalised(problem.text))").inserted {
            lines += "\(route) \(status): \(problem.text) [\(test)]\n"
        }
        guard !lines.isEmpty, let handle = try? FileHandle(forWritingTo: reportFile) else { return }
        handle.seekToEndOfFile()
        handle.write(Data(lines.utf8))
        handle.closeFile()
    }

    /// A problem without array indexes and quoted values, so each is reported once per route and
    /// field, not once per row or value.
    private static func generalised(_ problem: String) -> String {
        problem.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression)
            .replacingOccurrences(of: #""[^"]*""#, with: "…", options: .regularExpression)
    }
}

private extension JSONValue {
    var object: JSONObject? { if case .object(let object) = self { return object } else { return nil } }
}

private extension JSONObject {
    var responses: JSONObject? { self["responses"]?.object }
}
