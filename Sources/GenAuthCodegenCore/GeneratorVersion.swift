/// The generator's version, printed by `genauth-codegen --version`.
public enum GeneratorVersion {
    public static let current = "0.2.0"
}
