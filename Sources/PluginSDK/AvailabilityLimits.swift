/// Bounds of availability computations.
public enum AvailabilityLimits {
    /// The longest period one request may ask for, in days.
    public static var maxDays: Int64 { 400 }
}
