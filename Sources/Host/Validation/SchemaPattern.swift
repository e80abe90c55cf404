/// A regular expression compiled once (at schema compile time) and matched like JavaScript's
/// `RegExp.prototype.test` without flags: unanchored, over UTF-16 code units.
///
/// Matching explores (instruction, position) states depth-first and never revisits one, so it
/// runs in time proportional to pattern size × input length whatever the pattern: no
/// catastrophic backtracking on hostile input. That only works because the supported syntax
/// has no backreferences (see `SchemaPatternParser`). A `SchemaPattern` is immutable and safe to share
/// between threads.
struct SchemaPattern {
    /// One step of the compiled program.
    enum Instruction {
        case unit(UInt16)
        case set(CodeUnitSet)
        case anyUnit
        case split(Int, Int)
        case jump(Int)
        case startOfInput
        case endOfInput
        case wordBoundary(Bool)
        /// Runs the body that follows as a sub-match at the current position, then continues at `next`.
        case lookahead(negated: Bool, next: Int)
        case match
    }

    /// Programs larger than this are refused (counted quantifiers copy their body).
    static let maximumProgramSize = 10_000

    private let program: [Instruction]

    /// Compiles `source`; throws `SchemaPatternError` for syntax this matcher does not accept.
    init(_ source: String) throws {
        var parser = SchemaPatternParser(source)
        let syntax = try parser.parse()
        // An unanchored search: any prefix may be skipped before the body starts.
        var program: [Instruction] = [.split(3, 1), .anyUnit, .jump(0)]
        try Self.emit(syntax, into: &program)
        program.append(.match)
        self.program = program
    }

    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        let units = Array(text.utf16)
        var marks = SearchMarks(stateCount: program.count * (units.count + 1))
        return units.withUnsafeBufferPointer { run(from: 0, at: 0, in: $0, epoch: 0, marks: &marks) }
    }

    /// Which (instruction, position) states a search has already explored.
    ///
    /// The main search (epoch 0) uses one bit per state, or a hash set when the state space is
    /// too large for a bitmap (a long string against a long pattern). Each lookahead evaluation
    /// gets its own epoch number and stamps the states of its body with it, so no clearing is
    /// needed between evaluations at different positions.
    private struct SearchMarks {
        /// Above this many states (1 MiB of bits) the main search switches to a hash set.
        static let denseLimit = 1 << 23

        private var dense: [UInt64]
        private var sparse: Set<Int> = []
        private var lookaheadEpochs: [Int: UInt32] = [:]
        /// The last epoch handed to a lookahead evaluation.
        var lastEpoch: UInt32 = 0

        init(stateCount: Int) {
            dense = stateCount <= Self.denseLimit ? [UInt64](repeating: 0, count: (stateCount + 63) / 64) : []
        }

        /// Marks `state` for `epoch`; false if it was already marked.
        mutating func mark(_ state: Int, epoch: UInt32) -> Bool {
            if epoch != 0 {
                return lookaheadEpochs.updateValue(epoch, forKey: state) != epoch
            }
            if dense.isEmpty {
                return sparse.insert(state).inserted
            }
            let bit: UInt64 = 1 << UInt64(state & 63)
            if dense[state >> 6] & bit != 0 { return false }
            dense[state >> 6] |= bit
            return true
        }
    }

    private static func emit(_ syntax: SchemaPatternSyntax, into program: inout [Instruction]) throws {
        guard program.count <= maximumProgramSize else {
            throw SchemaPatternError(message: "pattern is too large", offset: 0)
        }
        switch syntax {
        case .empty: break
        case .unit(let unit): program.append(.unit(unit))
        case .set(let set): program.append(.set(set))
        case .startOfInput: program.append(.startOfInput)
        case .endOfInput: program.append(.endOfInput)
        case .wordBoundary(let atBoundary): program.append(.wordBoundary(atBoundary))
        case .sequence(let terms):
            for term in terms { try emit(term, into: &program) }
        case .alternation(let branches):
            var exits: [Int] = []
            for (offset, branch) in branches.enumerated() {
                let isLast = offset == branches.count - 1
                let split = program.count
                if !isLast { program.append(.split(split + 1, -1)) }
                try emit(branch, into: &program)
                if !isLast {
                    exits.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                }
            }
            for exit in exits { program[exit] = .jump(program.count) }
        case .repetition(let body, let min, let max):
            for _ in 0..<min { try emit(body, into: &program) }
            if let max {
                var exits: [Int] = []
                for _ in min..<max {
                    exits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    try emit(body, into: &program)
                }
                for exit in exits { program[exit] = .split(exit + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, -1))
                try emit(body, into: &program)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        case .lookahead(let body, let negated):
            let start = program.count
            program.append(.lookahead(negated: negated, next: -1))
            try emit(body, into: &program)
            program.append(.match)
            program[start] = .lookahead(negated: negated, next: program.count)
        }
    }

    /// Depth-first search from (`pc`, `position`) for a `.match`, never exploring a state twice.
    private func run(
        from pc: Int, at position: Int, in units: UnsafeBufferPointer<UInt16>, epoch: UInt32, marks: inout SearchMarks
    ) -> Bool {
        let stride = units.count + 1
        var pending = [(pc, position)]
        while let (startPC, startPosition) = pending.popLast() {
            var pc = startPC
            var position = startPosition
            thread: while marks.mark(pc * stride + position, epoch: epoch) {
                switch program[pc] {
                case .unit(let unit):
                    guard position < units.count, units[position] == unit else { break thread }
                    position += 1
                case .set(let set):
                    guard position < units.count, set.contains(units[position]) else { break thread }
                    position += 1
                case .anyUnit:
                    guard position < units.count else { break thread }
                    position += 1
                case .split(let first, let second):
                    pending.append((second, position))
                    pc = first
                    continue thread
                case .jump(let target):
                    pc = target
                    continue thread
                case .startOfInput:
                    guard position == 0 else { break thread }
                case .endOfInput:
                    guard position == units.count else { break thread }
                case .wordBoundary(let atBoundary):
                    let before = position > 0 && CodeUnitSet.wordCharacters.contains(units[position - 1])
                    let after = position < units.count && CodeUnitSet.wordCharacters.contains(units[position])
                    guard (before != after) == atBoundary else { break thread }
                case .lookahead(let negated, let next):
                    marks.lastEpoch += 1
                    let found = run(from: pc + 1, at: position, in: units, epoch: marks.lastEpoch, marks: &marks)
                    guard found != negated else { break thread }
                    pc = next
                    continue thread
                case .match:
                    return true
                }
                pc += 1
            }
        }
        return false
    }
}
