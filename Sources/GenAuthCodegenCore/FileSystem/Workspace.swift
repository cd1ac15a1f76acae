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
            managing: OutputRole.allCases.map { locations.folder(for: $0) })
    }

    /// Compares files (each a path inside a folder) with what is on disk; generated files in the `managing`
    /// folders that are not among them are to be removed.
    public static func plan(_ files: [(folder: String, path: String, contents: String)], managing folders: [String]) throws -> OutputPlan {
        var plan = OutputPlan()
        var produced = Set<String>()
        for file in files {
            let components = file.path.split(separator: "/")
            guard !file.path.hasPrefix("/"), !components.contains(".."), !components.contains("."), !components.isEmpty else {
                throw Failure(description: "refusing to write '\(file.path)': it is not a plain path inside its output folder")
            }
            let path = join(file.folder, file.path)
            produced.insert(path)
            let bytes = Data(file.contents.utf8)
            switch FileManager.default.contents(atPath: path) {
            case nil: plan.created.append(.init(path: path, contents: file.contents))
            case let existing? where existing == bytes: plan.unchanged.append(path)
            default: plan.changed.append(.init(path: path, contents: file.contents))
            }
        }
        for folder in Set(folders).sorted() {
            for relative in try self.files(under: folder, withExtension: nil) {
                let path = join(folder, relative)
                if !produced.contains(path), isGenerated(path) { plan.removed.append(path) }
            }
        }
        plan.removed = Array(Set(plan.removed)).sorted()
        return plan
    }

    /// Applies a plan all-or-nothing as far as the file system allows: every new text is first written to a
    /// temporary file beside its target, and only when all are written are they renamed into place.
    public static func apply(_ plan: OutputPlan) throws {
        let fileManager = FileManager.default
        var staged: [(temporary: String, target: String)] = []
        var folders = Set<String>()
        do {
            for change in plan.created + plan.changed {
                let directory = (change.path as NSString).deletingLastPathComponent
                if folders.insert(directory).inserted {
                    try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
                let name = (change.path as NSString).lastPathComponent
                let temporary = join(directory, ".\(name).genauth-\(ProcessInfo.processInfo.processIdentifier).tmp")
                do {
                    // Not `.atomic`: the rename below is what makes the change atomic.
                    try Data(change.contents.utf8).write(to: URL(fileURLWithPath: temporary))
                } catch {
                    throw Failure(description: "\(change.path): error: cannot write the file")
                }
                staged.append((temporary, change.path))
            }
        } catch {
            for file in staged { try? fileManager.removeItem(atPath: file.temporary) }
            throw error
        }
        for file in staged {
            if rename(file.temporary, file.target) != 0 {
                let reason = String(cString: strerror(errno))
                for rest in staged { try? fileManager.removeItem(atPath: rest.temporary) }
                throw Failure(description: "\(file.target): error: cannot replace the file: \(reason)")
            }
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
        let text = String(decoding: head, as: UTF8.self)
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

    /// Regular files under `folder` (relative, `/`-separated, sorted); hidden files and folders are skipped.
    static func files(under folder: String, withExtension ext: String?) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { throw Failure(description: "\(folder): error: not a folder") }
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            guard (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular else { continue }
            if let ext, !relative.hasSuffix("." + ext) { continue }
            result.append(relative)
        }
        return result.sorted()
    }

    static func join(_ folder: String, _ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }
}
