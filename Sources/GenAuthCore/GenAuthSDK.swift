/// Facts about this SDK that it sends to GenAuth with every request.
public enum GenAuthSDK {
    /// The SDK's version, sent as `x-authing-sdk-version: swift:<version>`.
    public static let version = "0.2.0"
}
