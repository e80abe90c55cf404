import XCTest
@testable import Host

/// Random and mutated inputs: the parser must either return a value or throw `JSONParseError`,
/// never crash, and whatever it accepts must write text that parses back to the same text
/// (values may change kind on the way, as in JavaScript: `1e1` is written `10`, infinity `null`).
final class JSONFuzzTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    private let seeds: [[UInt8]] = [
        #"{"email":"a@b.co","username":"ann","hosts":[{"userId":1},{"userId":2.5e3}],"x":null,"y":true}"#,
        #"[1,-0.5,1e21,"\u00e9\ud83d\ude00\n",[],{},[[[]]],false]"#,
        "\"h\u{e9}llo \u{1F600}\"",
        "-9223372036854775808",
    ].map { Array($0.utf8) }

    private let interesting: [UInt8] = Array(#"{}[],:"\/0123456789-+.eEtrufalsn u"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF]

    func testRandomAndMutatedInputsNeverCrash() throws {
        var random = SplitMix(state: 0xCA1_A91)
        var accepted = 0
        for round in 0..<10_000 {
            let input = round % 2 == 0 ? randomBytes(&random) : mutate(seeds[round % seeds.count], &random)
            do {
                let value = try JSONParser.parse(input, maxDepth: 16)
                accepted += 1
                let written = value.serialized()
                XCTAssertEqual(try JSONParser.parse(written, maxDepth: 16).serialized(), written, "round \(round)")
            } catch let error as JSONParseError {
                XCTAssertFalse(error.message.isEmpty)
                XCTAssertTrue((0...input.count).contains(error.offset), "round \(round): offset \(error.offset)")
            }
        }
        // Mutations keep some inputs valid, so both paths are exercised.
        XCTAssertGreaterThan(accepted, 100)
        XCTAssertLessThan(accepted, 10_000)
    }

    private func randomBytes(_ random: inout SplitMix) -> [UInt8] {
        let length = Int.random(in: 0...40, using: &random)
        return (0..<length).map { _ in
            Bool.random(using: &random) ? interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
        }
    }

    private func mutate(_ seed: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let position = Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where position < bytes.count: bytes.remove(at: position)
            case 1: bytes.insert(interesting.randomElement(using: &random)!, at: position)
            case 2 where position < bytes.count: bytes[position] = interesting.randomElement(using: &random)!
            default: bytes = Array(bytes[..<position])
            }
        }
        return bytes
    }
}
