/// A Prometheus histogram's state: a count per bucket (not cumulative; `PrometheusText` sums them),
/// the number of observations and their sum. A plain value, owned by one `MetricsShard`.
struct Histogram {
    /// Upper bounds of calapi's request durations, in seconds (+Inf is implicit).
    static let durationBounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    /// Upper bounds of the time a request waits for a worker, in seconds.
    static let waitBounds: [Double] = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    let bounds: [Double]
    /// One more than `bounds`: the last one counts what is above every bound.
    private(set) var buckets: [UInt64]
    private(set) var count: UInt64 = 0
    private(set) var sum: Double = 0

    init(bounds: [Double]) {
        self.bounds = bounds
        buckets = Array(repeating: 0, count: bounds.count + 1)
    }

    mutating func observe(_ value: Double) {
        var index = 0
        while index < bounds.count && value > bounds[index] { index += 1 }
        buckets[index] &+= 1
        count &+= 1
        sum += value
    }

    /// Adds `other`'s observations (same bounds) to these.
    mutating func merge(_ other: Histogram) {
        for index in buckets.indices { buckets[index] &+= other.buckets[index] }
        count &+= other.count
        sum += other.sum
    }
}
