/// The HTTP methods served for one resource, as config.yaml lists them.
struct ResourceConfig: Equatable {
    /// Upper-case, in the order given, no duplicates.
    var methods: [String]
    /// The line of the resource in the config file; 0 for a built-in default.
    var line: Int
}
