/// Facts about this SDK that it sends to GenAuth with every request, and its defaults.
public enum GenAuthSDK {
    /// The SDK's version, sent as `x-authing-sdk-version: swift:<version>`.
    public static let version = "0.3.0"

    /// The host of GenAuth's event centre that subscriptions connect to unless the options name another:
    /// `wss://openevent.genauth.ai`, as GenAuth's own Node SDK (`@genauth/nodejs`) has it.
    public static let defaultEventsHost = "wss://openevent.genauth.ai"
}
