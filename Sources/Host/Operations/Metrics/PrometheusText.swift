/// Writes Prometheus' text exposition format (version 0.0.4): `# HELP` and `# TYPE` before each
/// metric family, one sample a line, label values escaped.
struct PrometheusText {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private(set) var text = ""

    /// Starts a family: `type` is counter, gauge or histogram.
    mutating func family(_ name: String, _ type: String, _ help: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    mutating func sample(_ name: String, _ labels: [(String, String)] = [], _ value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.0)=\"\(PrometheusText.escape($0.1))\"" }.joined(separator: ",") + "}"
        }
        text += " " + PrometheusText.number(value) + "\n"
    }

    mutating func sample(_ name: String, _ labels: [(String, String)] = [], count: UInt64) {
        sample(name, labels, Double(count))
    }

    /// The `_bucket`, `_sum` and `_count` samples of a histogram (its family already started).
    mutating func histogram(_ name: String, _ labels: [(String, String)], _ histogram: Histogram) {
        var cumulative: UInt64 = 0
        for (index, count) in histogram.buckets.enumerated() {
            cumulative &+= count
            let bound = index < histogram.bounds.count ? PrometheusText.number(histogram.bounds[index]) : "+Inf"
            sample(name + "_bucket", labels + [("le", bound)], count: cumulative)
        }
        sample(name + "_sum", labels, histogram.sum)
        sample(name + "_count", labels, count: histogram.count)
    }

    /// Integers without a decimal point, others in Swift's shortest form (which Prometheus reads).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A label value with `\`, `"` and line feeds escaped.
    static func escape(_ value: String) -> String {
        guard value.contains(where: { $0 == "\\" || $0 == "\"" || $0 == "\n" }) else { return value }
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}
