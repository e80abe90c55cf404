/// Why a schema cannot be compiled: an unsupported keyword, a keyword with a value of the wrong
/// kind, an unknown format or type, or a pattern this validator cannot run.
///
/// `pointer` is the JSON Pointer (RFC 6901) of the offending keyword inside the schema, e.g.
/// `/properties/brandColor/pattern`, so the plugin author can find it.
struct SchemaError: Error, Equatable {
    /// The JSON Pointer of the offending keyword.
    var pointer: String
    /// What is wrong with it.
    var message: String
}
