import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a program with `posix_spawn`, its output written to files, for the generator (git) and the tests
/// (swiftc, Python, swift package).
///
/// Not Foundation's `Process`: on Linux its `run()` reads past the end of a heap block while it looks for the
/// highest open file descriptor, which aborts every run under AddressSanitizer, and it crashed when two threads
/// started processes at once. Files instead of pipes for the output: a child that writes a lot to both outputs can
/// never block on a pipe nobody reads, so nothing here can deadlock. Standard input is a file, or a pipe the caller
/// writes to (``input``), opened close-on-exec so that no other child inherits it. Any number of threads may start
/// children at once.
public final class ChildProcess: @unchecked Sendable {
    /// What a finished program left.
    public struct Result: Sendable {
        /// The exit status, or 128 + the signal's number when a signal ended it.
        public var status: Int32
        public var standardOutput: Data
        public var standardError: Data

        public var output: String { String(decoding: standardOutput, as: UTF8.self) }
        public var errorOutput: String { String(decoding: standardError, as: UTF8.self) }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The running program.
    public let pid: pid_t
    /// The write end of its standard input, when it was started with `interactiveInput`; closing it ends its input.
    public let input: FileHandle?
    /// Where its standard output and error go, until it has been waited for.
    private let folder: URL
    public var standardOutputFile: URL { folder.appendingPathComponent("stdout") }
    public var standardErrorFile: URL { folder.appendingPathComponent("stderr") }

    private let lock = NSLock()
    /// The exit status, once the program has ended and been reaped.
    private var exitStatus: Int32?

    private init(pid: pid_t, input: FileHandle?, folder: URL) {
        self.pid = pid
        self.input = input
        self.folder = folder
    }

    deinit {
        // A caller that never waited (a test that failed early): the program must not outlive it.
        if lock.withLock({ exitStatus == nil }) {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `arguments` (the program is looked up on `PATH` when it has no `/`) and waits for it.
    ///
    /// - Parameters:
    ///   - arguments: The program and its arguments.
    ///   - input: What the program reads on its standard input (nothing by default).
    ///   - environment: Variables to set or override in the program's environment.
    ///   - directory: The working directory; the current one by default.
    ///   - mergingErrors: Whether standard error goes to standard output, interleaved as a terminal shows them.
    public static func run(
        _ arguments: [String], input: Data = Data(), environment: [String: String] = [:], directory: String? = nil,
        mergingErrors: Bool = false
    ) throws -> Result {
        let child = try start(arguments, input: input, environment: environment, directory: directory, mergingErrors: mergingErrors)
        return try child.wait()
    }

    /// Starts `arguments` without waiting; ``wait()`` or ``terminate()`` ends it.
    ///
    /// - Parameter interactiveInput: Whether standard input is a pipe the caller writes to through ``input``
    ///   (then `input` is ignored).
    public static func start(
        _ arguments: [String], input: Data = Data(), environment: [String: String] = [:], directory: String? = nil,
        mergingErrors: Bool = false, interactiveInput: Bool = false
    ) throws -> ChildProcess {
        guard let program = arguments.first else { throw Failure(description: "no program to run") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Spawns are serialised (they take microseconds) so that the input pipe is close-on-exec before any other child
        // starts: one that inherited its write end would keep our child's input open after we close it.
        spawning.lock()
        defer { spawning.unlock() }
        var pipeEnds: [Int32] = [-1, -1]
        if interactiveInput {
            guard pipe(&pipeEnds) == 0 else { throw Failure(description: "pipe failed: \(String(cString: strerror(errno)))") }
            _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        } else {
            let inputFile = folder.appendingPathComponent("stdin")
            try input.write(to: inputFile)
            posix_spawn_file_actions_addopen(&actions, 0, inputFile.path, O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, folder.appendingPathComponent("stdout").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if mergingErrors {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, folder.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        if let directory {
            guard let addChdir = Self.addChdir else { throw Failure(description: "this C library cannot start a child in another folder") }
            guard addChdir(&actions, directory) == 0 else { throw Failure(description: "no folder \(directory)") }
        }

        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment { variables[name] = value }
        let executable = program.contains("/") ? program : try Self.lookUp(program, path: variables["PATH"] ?? "/usr/bin:/bin")

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        if interactiveInput { close(pipeEnds[0]) }
        guard status == 0 else {
            if interactiveInput { close(pipeEnds[1]) }
            try? FileManager.default.removeItem(at: folder)
            throw Failure(description: "cannot start \(program): \(String(cString: strerror(status)))")
        }
        let handle = interactiveInput ? FileHandle(fileDescriptor: pipeEnds[1], closeOnDealloc: true) : nil
        return ChildProcess(pid: pid, input: handle, folder: folder)
    }

    /// Waits for the program to end and returns what it left.
    public func wait() throws -> Result {
        let status = try lock.withLock { () throws -> Int32 in
            if let exitStatus { return exitStatus }
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1 {
                guard errno == EINTR else { throw Failure(description: "waitpid failed: \(String(cString: strerror(errno)))") }
            }
            let status = Self.decode(raw)
            exitStatus = status
            return status
        }
        return Result(
            status: status,
            standardOutput: (try? Data(contentsOf: standardOutputFile)) ?? Data(),
            standardError: (try? Data(contentsOf: standardErrorFile)) ?? Data())
    }

    /// Whether the program is still running (it is reaped when it has ended).
    public var isRunning: Bool {
        lock.withLock {
            guard exitStatus == nil else { return false }
            var raw: Int32 = 0
            guard waitpid(pid, &raw, WNOHANG) == pid else { return true }
            exitStatus = Self.decode(raw)
            return false
        }
    }

    /// Asks the program to stop (SIGTERM), then waits for it.
    @discardableResult
    public func terminate() -> Result? {
        if isRunning { kill(pid, SIGTERM) }
        return try? wait()
    }

    /// What the program has written to its standard output so far.
    public func outputSoFar() -> Data {
        (try? Data(contentsOf: standardOutputFile)) ?? Data()
    }

    /// What the program has written to its standard error so far.
    public func errorOutputSoFar() -> Data {
        (try? Data(contentsOf: standardErrorFile)) ?? Data()
    }

    /// WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out: the C macros are not visible to Swift.
    private static func decode(_ raw: Int32) -> Int32 {
        (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
    }

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29, macOS 10.15), looked up at run time: Swift's Glibc module
    /// does not declare it.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? = {
        #if canImport(Darwin)
        let everywhere = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT on Apple's platforms
        #else
        let everywhere: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT in glibc and musl
        #endif
        guard let symbol = dlsym(everywhere, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    private static let spawning = NSLock()

    private static func lookUp(_ program: String, path: String) throws -> String {
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        throw Failure(description: "\(program) is not on PATH")
    }
}
