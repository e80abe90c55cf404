import PluginSDK

/// JSON Schemas of the Memberships routes, after Cal.com's `membershipCreateBodySchema` (not
/// strict: unknown keys are ignored) and `membershipEditBodySchema` (strict).
enum MembershipsSchemas {
    private static let role = #"{"type":"string","enum":["MEMBER","ADMIN","OWNER"]}"#

    static let createBody = #"""
        {"type":"object","required":["teamId","userId"],"properties":{
          "teamId":{"type":"integer","minimum":-2147483648,"maximum":2147483647},
          "userId":{"type":"integer","minimum":-2147483648,"maximum":2147483647},
          "accepted":{"type":"boolean","description":"System admins only; defaults to false"},
          "role":\#(role),"disableImpersonation":{"type":"boolean"}}}
        """#

    static let editBody = #"""
        {"type":"object","additionalProperties":false,"properties":{
          "accepted":{"type":"boolean"},"role":\#(role),"disableImpersonation":{"type":"boolean"}}}
        """#

    /// A query parameter given once or repeated.
    private static let strings = #"{"anyOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}]}"#

    /// `GET /memberships`: filters (system admins only) and `include=team` (adds each team).
    static let listQuery = QuerySchema.properties(#"""
        "userId":\#(ids),"teamId":\#(ids),"include":\#(strings),\#(SchemaFragments.pagination)
        """#)

    /// Besides the `{userId}_{teamId}` id (parsed by the handlers with Cal.com's messages):
    /// `teamId` and `include=team`.
    static let idQuery = QuerySchema.properties(#""teamId":\#(ids),"include":\#(strings)"#)

    /// `userId`, `teamId`: read by `lenientIntList` when not empty.
    private static let ids = SchemaFragments.integerTextOrList(allowingEmpty: true)
}
