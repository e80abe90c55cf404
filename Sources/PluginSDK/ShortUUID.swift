/// Identifiers in the `short-uuid` style Cal.com gives bookings: 128 random bits written in the
/// flickrBase58 alphabet, 22 characters (e.g. `bFJeNb2uX8ANpT3JL5EfXw`).
public enum ShortUUID {
    private static let alphabet = Array("123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ")

    /// A new random identifier, padded with the alphabet's zero digit to 22 characters.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var value = (high: generator.next() as UInt64, low: generator.next() as UInt64)
        var digits: [Character] = []
        while value.high != 0 || value.low != 0 {
            // Divide the 128-bit value by 58, most significant half first.
            let (quotientHigh, remainderHigh) = value.high.quotientAndRemainder(dividingBy: 58)
            let (quotientLow, remainder) = UInt64(58).dividingFullWidth((high: remainderHigh, low: value.low))
            digits.append(alphabet[Int(remainder)])
            value = (quotientHigh, quotientLow)
        }
        while digits.count < 22 { digits.append(alphabet[0]) }
        return String(digits.reversed())
    }
}
