/// The five parts of the home program, in the order a session runs them:
/// relax and find neutral first, then mobility, then strength, then deep core, then the upper back.
public enum Pillar: String, IntakeOption {
    case relax, hip, glute, core, upperBack

    public var title: String {
        switch self {
        case .relax: "Relax, breathe and find neutral"
        case .hip: "Hip mobility"
        case .glute: "Glute strength"
        case .core: "Deep core"
        case .upperBack: "Upper back"
        }
    }
}
