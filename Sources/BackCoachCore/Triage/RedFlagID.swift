/// The red flags of clinical-reference section 2, RF-01 to RF-19.
public enum RedFlagID: String, IntakeOption {
    case rf01 = "RF-01", rf02 = "RF-02", rf03 = "RF-03", rf04 = "RF-04", rf05 = "RF-05"
    case rf06 = "RF-06", rf07 = "RF-07", rf08 = "RF-08", rf09 = "RF-09", rf10 = "RF-10"
    case rf11 = "RF-11", rf12 = "RF-12", rf13 = "RF-13", rf14 = "RF-14", rf15 = "RF-15"
    case rf16 = "RF-16", rf17 = "RF-17", rf18 = "RF-18", rf19 = "RF-19"
}
