import Logging

/// The SDK's logging defaults.
public enum GenAuthLogging {
    /// A logger that drops every record: the clients' default, so that an app that does not ask for the SDK's
    /// records gets none (whatever `LoggingSystem` bootstraps).
    public static var disabled: Logger {
        Logger(label: "genauth", factory: { _ in SwiftLogNoOpLogHandler() })
    }
}
