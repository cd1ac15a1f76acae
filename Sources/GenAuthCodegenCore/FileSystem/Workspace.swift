import Foundation

/// The folders the generated files go to, one per ``OutputRole``.
public struct OutputLocations: Sendable {
    public var sdk: String
    public var docs: String
    public var tests: String

    public init(sdk: String, docs: String, tests: String) {
        self.sdk = sdk
        self.docs = docs
        self.tests = tests
    }

    public func folder(for role: OutputRole) -> String {
        switch role {
        case .sdk: return sdk
        case .docs: return docs
        case .tests: return tests
        }
    }
}

/// What writing a set of outputs would change on disk.
public struct OutputPlan: Sendable {
    public struct Change: Sendable {
        public var path: String
        public var contents: String
    }

    /// Files that do not exist yet.
    public var created: [Change] = []
    /// Files whose bytes differ.
    public var changed: [Change] = []
    /// Files whose bytes are already right.
    public var unchanged: [String] = []
    /// Generated files (they carry the generated-file marker) that no spec produces any more.
    public var removed: [String] = []

    public var isUpToDate: Bool { created.isEmpty && changed.isEmpty && removed.isEmpty }
}

/// The generator's only contact with the disk: reading inputs, planning and applying output changes.
public enum Workspace {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Every `*.yaml` file under `folder`, recursively, in sorted path order.
    public static func readSpecs(at folder: String) throws -> [SpecSource] {
        try files(under: folder, withExtension: "yaml").map { relative in
            let path = join(folder, relative)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure(description: "\(path): error: cannot read the file")
            }
            return SpecSource(displayPath: path, relativePath: relative, contents: data)
        }
    }

    /// The spec files at `path`, which must hold at least one: every `*.yaml` file under a folder or, with
    /// `asFile`, a single file. The same error everywhere a command needs specs and finds none.
    public static func readSpecs(requiredAt path: String, asFile: Bool = false) throws -> [SpecSource] {
        var isDirectory: ObjCBool = false
        if asFile, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure(description: "\(path): error: cannot read the file")
            }
            return [SpecSource(displayPath: path, relativePath: (path as NSString).lastPathComponent, contents: data)]
        }
        let sources = try readSpecs(at: path)
        guard !sources.isEmpty else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw Failure(description: "\(path): error: no *.yaml spec files found" + (exists ? "" : " (there is no such folder)"))
        }
        return sources
    }

    /// Every `*.mustache` file in `folder`, named by its file name without the extension.
    public static func readTemplates(at folder: String) throws -> [TemplateSource] {
        try files(under: folder, withExtension: "mustache").map { relative in
            let path = join(folder, relative)
            guard let data = FileManager.default.contents(atPath: path), let text = String(validatingUTF8Data: data) else {
                throw Failure(description: "\(path): error: cannot read the template as UTF-8 text")
            }
            return TemplateSource(name: String(relative.dropLast(".mustache".count)), displayPath: path, text: text)
        }
    }

    /// Compares `outputs` with what is on disk.
    public static func plan(_ outputs: [OutputFile], at locations: OutputLocations) throws -> OutputPlan {
        try plan(
            outputs.map { (folder: locations.folder(for: $0.role), path: $0.path, contents: $0.contents) },
            managing: OutputRole.allCases.flatMap { role in
                OutputNaming.generatedFolders(role: role).map { $0.isEmpty ? locations.folder(for: role) : join(locations.folder(for: role), $0) }
            } + moduleGeneratedFolders(in: locations.folder(for: .sdk)))
    }

    /// The `Generated` folder of every module in the SDK's sources: those of the modules a spec file names
    /// (`swiftModule`) are not known in advance, and a module the specs no longer name must lose its generated files.
    static func moduleGeneratedFolders(in sources: String) -> [String] {
        let modules = (FileIO.entries(of: sources) ?? []).filter { $0.kind == .folder }.map(\.name).sorted()
        return modules.map { join(join(sources, $0), "Generated") }
            .filter { folder in FileIO.entries(of: folder) != nil }
    }

    /// Compares files (each a path inside a folder) with what is on disk; generated files in the `managing`
    /// folders that are not among them are to be removed. Files are read on every core.
    public static func plan(_ files: [(folder: String, path: String, contents: String)], managing folders: [String]) throws -> OutputPlan {
        var paths: [String] = []
        paths.reserveCapacity(files.count)
        for file in files {
            let components = file.path.split(separator: "/")
            guard !file.path.hasPrefix("/"), !components.contains(".."), !components.contains("."), !components.isEmpty else {
                throw Failure(description: "refusing to write '\(file.path)': it is not a plain path inside its output folder")
            }
            paths.append(join(file.folder, file.path))
        }
        enum State { case created, changed, unchanged }
        let targets = paths
        let states = Pipeline.concurrentMap(Array(files.indices)) { index -> State in
            guard let existing = FileIO.read(targets[index]) else { return .created }
            return FileIO.same(existing, files[index].contents.utf8) ? .unchanged : .changed
        }
        var plan = OutputPlan()
        for (index, state) in states.enumerated() {
            switch state {
            case .created: plan.created.append(.init(path: paths[index], contents: files[index].contents))
            case .changed: plan.changed.append(.init(path: paths[index], contents: files[index].contents))
            case .unchanged: plan.unchanged.append(paths[index])
            }
        }
        let produced = Set(paths)
        for folder in Set(folders).sorted() {
            for relative in try self.files(under: folder, withExtension: nil) {
                let path = join(folder, relative)
                if !produced.contains(path), isGenerated(path) { plan.removed.append(path) }
            }
        }
        plan.removed = Array(Set(plan.removed)).sorted()
        return plan
    }

    /// Applies a plan all-or-nothing as far as the file system allows. New files are created in place
    /// (never over a file that appeared meanwhile); a changed file's new text goes to a temporary file beside
    /// it, renamed over it only once every file is written. When a write fails, the files created and the
    /// temporary files are removed again, and every existing file is as it was.
    public static func apply(_ plan: OutputPlan) throws {
        let fileManager = FileManager.default
        let writes = plan.created.map { (change: $0, written: $0.path, isNew: true) }
            + plan.changed.map { change in
                let directory = (change.path as NSString).deletingLastPathComponent
                let name = (change.path as NSString).lastPathComponent
                return (change: change, written: join(directory, ".\(name).genauth-\(getpid()).tmp"), isNew: false)
            }
        for directory in Set(writes.map { ($0.written as NSString).deletingLastPathComponent }).sorted() {
            do {
                try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw Failure(description: "\(directory): error: cannot create the folder")
            }
        }
        // One file after the other: creating files in parallel was no faster here, and less steady.
        var written: [String] = []
        for write in writes {
            do throws(FileIO.Failure) {
                try FileIO.write(write.change.contents.utf8, to: write.written, exclusive: write.isNew)
                written.append(write.written)
            } catch {
                for path in written { unlink(path) }
                throw Failure(description: "\(write.change.path): error: cannot write the file: \(error.reason)")
            }
        }
        let staged = writes.filter { !$0.isNew }
        for (position, file) in staged.enumerated() where rename(file.written, file.change.path) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[position...] { unlink(rest.written) }
            throw Failure(description: "\(file.change.path): error: cannot replace the file: \(reason)")
        }
        for path in plan.removed {
            try fileManager.removeItem(atPath: path)
            removeEmptyFolders(from: (path as NSString).deletingLastPathComponent)
        }
    }

    /// Whether a file's first line carries the generated-file marker.
    static func isGenerated(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 128)) ?? Data()
        var text = String(decoding: head, as: UTF8.self)
        // A DocC documentation extension must start with its title: the marker is on the line after it.
        if text.hasPrefix("# ``"), let newline = text.firstIndex(of: "\n") { text = String(text[text.index(after: newline)...]) }
        return text.hasPrefix(OutputNaming.swiftMarker) || text.hasPrefix(OutputNaming.markdownMarker)
            || text.hasPrefix(OutputNaming.yamlMarker)
    }

    private static func removeEmptyFolders(from folder: String) {
        var current = folder
        while let contents = try? FileManager.default.contentsOfDirectory(atPath: current), contents.isEmpty {
            guard (try? FileManager.default.removeItem(atPath: current)) != nil else { return }
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// Regular files under `folder` (relative, `/`-separated, sorted); hidden files and folders are skipped,
    /// and symbolic links are not followed.
    static func files(under folder: String, withExtension ext: String?) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { throw Failure(description: "\(folder): error: not a folder") }
        var result: [String] = []
        func walk(_ relative: String) {
            guard let entries = FileIO.entries(of: relative.isEmpty ? folder : join(folder, relative)) else { return }
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                switch entry.kind {
                case .folder: walk(path)
                case .file: if ext.map({ path.hasSuffix("." + $0) }) ?? true { result.append(path) }
                case .other: break
                }
            }
        }
        walk("")
        return result.sorted()
    }

    static func join(_ folder: String, _ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }
}
