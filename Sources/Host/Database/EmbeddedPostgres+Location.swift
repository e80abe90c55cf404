import Foundation

extension EmbeddedPostgres {
    /// Where the server's own files (cluster, log, socket) live: the data folder itself, or — when
    /// calapi runs as root and the server's account cannot reach the data folder (a checkout under a
    /// 0700 `/root`) — a folder of calapi's own under `relocationBase`, named after the data folder so
    /// that every start finds the same cluster. calapi never changes the permissions of a folder it
    /// did not create, so this is the way out instead of opening `/root` to everyone.
    ///
    /// - Parameters:
    ///   - account: the account the server runs as (nil: calapi's own, which reaches its data folder).
    ///   - canTraverse: whether `account` may search (`x`) a folder; asked for each existing parent.
    static func serverDirectory(dataDirectory: String, account: Programs.Account?, relocationBase: String,
                                canTraverse: (String) -> Bool) -> String {
        guard account != nil, blockingParent(of: dataDirectory, canTraverse: canTraverse) != nil else { return dataDirectory }
        return relocationBase + "/" + relocatedName(dataDirectory)
    }

    /// The first existing parent of `path` (from `/` down) that the server's account cannot search.
    static func blockingParent(of path: String, canTraverse: (String) -> Bool) -> String? {
        var parents: [String] = []
        var parent = (path as NSString).deletingLastPathComponent
        while !parent.isEmpty && parent != "/" {
            parents.append(parent)
            parent = (parent as NSString).deletingLastPathComponent
        }
        return (["/"] + parents.reversed()).first { FileManager.default.fileExists(atPath: $0) && !canTraverse($0) }
    }

    /// A short, stable folder name for a data folder: its parent's and its own name (letters, digits,
    /// `-`, `_`, `.`; at most 32 characters) and a hash of the whole path, so two checkouts never share
    /// a cluster and the socket path stays within the 107 bytes of a Unix socket address.
    static func relocatedName(_ dataDirectory: String) -> String {
        let parent = ((dataDirectory as NSString).deletingLastPathComponent as NSString).lastPathComponent
        let readable = (parent + "-" + (dataDirectory as NSString).lastPathComponent)
            .map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a
        for byte in dataDirectory.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return String(readable.prefix(32)) + "-" + String(hash, radix: 16)
    }

    /// Creates `relocationBase` (mode 0711: the server's account may pass, nobody may list) when it is
    /// missing; an existing one is used as it is.
    func prepareRelocationBase() throws {
        guard !FileManager.default.fileExists(atPath: relocationBase) else { return }
        do {
            try FileManager.default.createDirectory(atPath: relocationBase, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o711])
        } catch {
            throw Failure(message: "could not create \(relocationBase) for the PostgreSQL cluster: \(error.localizedDescription)")
        }
        chmod(relocationBase, 0o711)
    }
}

extension EmbeddedPostgres.Programs.Account {
    /// The `postgres` account when calapi runs as root (the server refuses root), else nil.
    static func forServer() -> Self? {
        guard geteuid() == 0, let entry = getpwnam("postgres") else { return nil }
        return Self(name: "postgres", uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    /// Whether this account may search `folder`, by its owner, group (primary and supplementary) and
    /// other bits. Access control lists are not read: a folder opened only by an ACL counts as closed,
    /// which at worst moves the cluster to calapi's own folder.
    func canTraverse(_ folder: String) -> Bool {
        var info = stat()
        guard stat(folder, &info) == 0 else { return false }
        if info.st_uid == uid { return info.st_mode & S_IXUSR != 0 }
        if groups.contains(info.st_gid) { return info.st_mode & S_IXGRP != 0 }
        return info.st_mode & S_IXOTH != 0
    }

    /// The account's primary and supplementary groups.
    private var groups: [gid_t] {
        var count: Int32 = 32
        var list = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(name, gid, &list, &count) < 0 {
            list = [gid_t](repeating: 0, count: Int(count))
            _ = getgrouplist(name, gid, &list, &count)
        }
        return Array(list.prefix(Int(max(0, count)))) + [gid]
    }
}
