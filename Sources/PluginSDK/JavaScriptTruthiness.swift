/// Cal.com tests optional numbers with JavaScript truthiness (`if (body.userId)`), so 0 counts as absent.
extension JSONNode {
    /// The number when JavaScript would find it truthy: present, numeric and not 0.
    public var truthyInt: Int64? {
        guard let value = int, value != 0 else { return nil }
        return value
    }
}
