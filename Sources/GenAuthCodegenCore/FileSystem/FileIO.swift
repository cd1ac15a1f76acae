#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the generator needs, as plain system calls: Foundation's `Data.write` syncs
/// every file to the disk, and its directory enumerator reads every file's attributes, which made writing
/// and listing tens of thousands of files take longer than generating them.
enum FileIO {
    /// A failed system call: what was done, to which path, and the system's reason.
    struct Failure: Error {
        var path: String
        var reason: String

        init(path: String, errorNumber: Int32) {
            self.path = path
            self.reason = String(cString: strerror(errorNumber))
        }
    }

    /// The bytes of the regular file at `path`; nil when there is none (or it cannot be read).
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var capacity = max(Int(status.st_size), 0) + 1
        while true {
            var complete = false
            var failed = false
            // Unsafe for speed (no zero-fill of every file read); safe: at most `capacity` bytes are written, and
            // `count` says how many.
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                var filled = 0
                while filled < capacity {
                    let got = systemRead(descriptor, buffer.baseAddress! + filled, capacity - filled)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failed = true
                        break
                    }
                    if got == 0 {
                        complete = true
                        break
                    }
                    filled += got
                }
                count = filled
            }
            if failed { return nil }
            if complete { return bytes }
            // The file grew while it was read: read it again with more room.
            capacity *= 2
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { return nil }
        }
    }

    /// Whether a file's bytes are the text's.
    static func same(_ bytes: [UInt8], _ text: String.UTF8View) -> Bool {
        guard bytes.count == text.count else { return false }
        guard !bytes.isEmpty else { return true }
        return text.withContiguousStorageIfAvailable { buffer in
            // Safe: both buffers hold `bytes.count` bytes (checked above) and live through the call.
            bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, buffer.baseAddress!, bytes.count) == 0 }
        } ?? bytes.elementsEqual(text)
    }

    /// Writes `bytes` to `path`. `exclusive`: the file must not exist (it is created); otherwise it is
    /// created or truncated. Not synced to the disk: a generated file can always be generated again.
    static func write(_ bytes: String.UTF8View, to path: String, exclusive: Bool) throws(Failure) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC)
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, errorNumber: errno) }
        var failure: Int32 = 0
        let written: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            failure = writeAll(descriptor, UnsafeRawBufferPointer(buffer))
        }
        if written == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { failure = writeAll(descriptor, $0) }
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw Failure(path: path, errorNumber: failure) }
    }

    /// Safe: writes within `buffer.count` bytes of a buffer its caller keeps alive for the call (no copy of the text).
    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let done = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if done < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += done
        }
        return 0
    }

    enum EntryKind { case file, folder, other }

    /// The entries of a folder, without `.` and `..`; symbolic links are `.other` (never followed).
    static func entries(of folder: String) -> [(name: String, kind: EntryKind)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var entries: [(String, EntryKind)] = []
        while let entry = readdir(directory) {
            // The name up to its NUL, read in place: a record is only as long as its name (`d_reclen`), so copying the
            // whole `d_name` array (256 bytes in glibc) read past the end of the last record of readdir's buffer.
            // Safe: readdir's entry and the name it ends with stay valid until the next readdir or closedir.
            guard let field = entry.pointer(to: \.d_name) else { continue }
            let name = String(cString: UnsafeRawPointer(field).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            var kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_UNKNOWN):
                // Some file systems do not say: ask them.
                var status = stat()
                guard lstat(folder + "/" + name, &status) == 0 else { continue }
                kind = (status.st_mode & S_IFMT) == S_IFREG ? .file : (status.st_mode & S_IFMT) == S_IFDIR ? .folder : .other
            default: kind = .other
            }
            entries.append((name, kind))
        }
        return entries
    }
}

// Inside `FileIO`, `read` and `write` name its own functions.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
