@_exported import GenAuthCore
import Foundation

/// The client of GenAuth's management API.
public final class ManagementClient: Sendable {
    let executor: RequestExecutor

    init(executor: RequestExecutor) {
        self.executor = executor
    }
}
