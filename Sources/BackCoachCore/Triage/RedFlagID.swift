/// The red flags of clinical-reference section 2, RF-01 to RF-19.
public enum RedFlagID: String, IntakeOption {
    case rf01 = "RF-01", rf02 = "RF-02", rf03 = "RF-03", rf04 = "RF-04", rf05 = "RF-05"
    case rf06 = "RF-06", rf07 = "RF-07", rf08 = "RF-08", rf09 = "RF-09", rf10 = "RF-10"
    case rf11 = "RF-11", rf12 = "RF-12", rf13 = "RF-13", rf14 = "RF-14", rf15 = "RF-15"
    case rf16 = "RF-16", rf17 = "RF-17", rf18 = "RF-18", rf19 = "RF-19"
}

/// The follow-up questions that raise a flag to an emergency (clinical-reference section 2): asked only after a
/// "yes" or "not sure" to their flag. A "yes" to one also counts as a "yes" to its flag.
public enum RedFlagFollowUpID: String, IntakeOption {
    /// RF-06 with signs of sepsis: confusion, blotchy or blue-grey skin, severe breathlessness, no urine for 12 hours.
    case rf06Sepsis = "RF-06-sepsis"
    /// RF-08 with confusion or an extreme headache.
    case rf08Severe = "RF-08-severe"
    /// RF-09 with a sudden "worst ever" headache, a stiff neck with fever, drowsiness or confusion.
    case rf09Severe = "RF-09-severe"
    /// RF-11 getting worse fast, or in both legs.
    case rf11Rapid = "RF-11-rapid"
    /// RF-12 unable to move.
    case rf12CannotMove = "RF-12-cannotMove"

    /// The flag this follows up.
    public var flag: RedFlagID { RedFlagID(rawValue: String(rawValue.prefix(5)))! }
}
