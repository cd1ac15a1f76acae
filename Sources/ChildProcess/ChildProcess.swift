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
/// writes to (``input``), opened close-on-exec so that no other child inherits it. As with `Process`, a child starts
/// with no signal blocked, every signal's default action, and no descriptor of ours but its standard three. Any number
/// of threads may start children at once.
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

    /// Runs `arguments` and waits for it on a thread of its own, never one of Swift's concurrency pool: a task that
    /// awaits a long program (a compiler) leaves the pool's few threads (one per core) to the other tasks.
    /// Parameters as ``run(_:input:environment:directory:mergingErrors:)``.
    public static func run(
        _ arguments: [String], input: Data = Data(), environment: [String: String] = [:], directory: String? = nil,
        mergingErrors: Bool = false
    ) async throws -> Result {
        let child = try start(arguments, input: input, environment: environment, directory: directory, mergingErrors: mergingErrors)
        return try await child.finished()
    }

    /// Waits for the program to end, as ``wait()`` does, on a thread of its own rather than the calling task's.
    public func finished() async throws -> Result {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            let thread = Thread { continuation.resume(with: Swift.Result { try self.wait() }) }
            thread.start()
        }
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
        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment { variables[name] = value }
        let executable = program.contains("/") ? program : try Self.lookUp(program, path: variables["PATH"] ?? "/usr/bin:/bin")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var started = false
        defer { if !started { try? FileManager.default.removeItem(at: folder) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if !interactiveInput {
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

        // The child starts as Foundation's `Process` starts one: no signal blocked and every signal's action the default
        // (a child started from a thread of Swift's concurrency pool or Dispatch inherited its mask, with SIGTERM blocked,
        // and `terminate()` could not stop it), and no descriptor of ours but the three set above.
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t = nil
        #else
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)  // only the descriptors of the file actions reach the child
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }

        // Spawns are serialised, for microseconds, so that the input pipe is close-on-exec before any other child
        // starts: one that inherited its write end would keep our child's input open after we close it. (Where the C
        // library closes the descriptors above 2 in the child, as glibc 2.34 and Apple's do, that cannot happen anyway;
        // the lock is for the others, musl's.)
        spawning.lock()
        defer { spawning.unlock() }
        var pipeEnds: [Int32] = [-1, -1]
        if interactiveInput {
            guard pipe(&pipeEnds) == 0 else { throw Failure(description: "pipe failed: \(String(cString: strerror(errno)))") }
            _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        }
        // After every other action: the descriptors above the standard three are closed in the child (sockets, pipes
        // and files opened without close-on-exec: a test server's connection held open by a child would never end).
        if let addClosefrom = Self.addClosefrom { _ = addClosefrom(&actions, 3) }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        if interactiveInput { close(pipeEnds[0]) }
        guard status == 0 else {
            if interactiveInput { close(pipeEnds[1]) }
            throw Failure(description: "cannot start \(program): \(String(cString: strerror(status)))")
        }
        started = true
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
        return Result(status: status, standardOutput: Self.contents(of: standardOutputFile), standardError: Self.contents(of: standardErrorFile))
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
        Self.contents(of: standardOutputFile)
    }

    /// What the program has written to its standard error so far.
    public func errorOutputSoFar() -> Data {
        Self.contents(of: standardErrorFile)
    }

    /// The bytes of one of the output files; none when it cannot be read. Not `Data(contentsOf:)`: swift-foundation's
    /// leaks its 4 KiB buffer for an empty file (LeakSanitizer reports it), and most children's error output is empty.
    private static func contents(of file: URL) -> Data {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.readToEnd()) ?? Data()
    }

    /// WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out: the C macros are not visible to Swift.
    private static func decode(_ raw: Int32) -> Int32 {
        (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
    }

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29, macOS 10.15), looked up at run time: Swift's Glibc module
    /// does not declare it.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? = cFunction("posix_spawn_file_actions_addchdir_np")

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34), looked up likewise; Apple's platforms have
    /// `POSIX_SPAWN_CLOEXEC_DEFAULT` instead, musl neither.
    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addClosefrom: AddClosefrom? = {
        #if canImport(Darwin)
        return nil
        #else
        return cFunction("posix_spawn_file_actions_addclosefrom_np")
        #endif
    }()

    /// The C library's function of that name, if it has one, as `Function` (which must be its C type).
    private static func cFunction<Function>(_ name: String) -> Function? {
        #if canImport(Darwin)
        let everywhere = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT on Apple's platforms
        #else
        let everywhere: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT in glibc and musl
        #endif
        guard let symbol = dlsym(everywhere, name) else { return nil }
        // Safe: a C function's address, cast to the C function type it is declared with in spawn.h.
        return unsafeBitCast(symbol, to: Function.self)
    }

    private static let spawning = NSLock()

    private static func lookUp(_ program: String, path: String) throws -> String {
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        throw Failure(description: "\(program) is not on PATH")
    }
}
