#include "engine/sim/file_sandbox.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <sys/stat.h>

namespace looplab::sim {
namespace fs = std::filesystem;

namespace {

constexpr uint32_t kFileMode = 0100644;  // S_IFREG | rw-r--r--
constexpr uint32_t kDirMode = 040755;    // S_IFDIR | rwxr-xr-x

std::string normalize(const fs::path& p) {
    std::string s = p.lexically_normal().string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

std::string parent_of(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == 0 ? std::string("/") : path.substr(0, slash);
}

bool is_under(const std::string& path, const std::string& dir) {
    if (path == dir) return true;
    if (dir == "/") return true;
    return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}

}  // namespace

FileSandbox::FileSandbox(std::string root, std::string cwd) : root_(normalize(root)), cwd_(normalize(cwd)) {
    std::error_code ec;
    fs::path canonical = fs::canonical(root_, ec);
    root_canonical_ = ec ? root_ : normalize(canonical);
}

std::string FileSandbox::absolute(std::string_view path) const {
    fs::path p(path);
    if (p.is_relative()) p = fs::path(cwd_) / p;
    return normalize(p);
}

bool FileSandbox::inside(const std::string& path) const { return is_under(path, root_); }

const FileSandbox::Node* FileSandbox::overlay(const std::string& path) const {
    auto it = overlay_.find(path);
    return it == overlay_.end() ? nullptr : &it->second;
}

int FileSandbox::host_lookup(const std::string& path, FileStat* out, std::string* host_path) const {
    // A deleted ancestor hides everything below it.
    for (std::string p = path; p != root_ && p.size() > root_.size(); p = parent_of(p)) {
        const Node* n = overlay(p);
        if (n != nullptr && n->kind == Node::Kind::Deleted) return ENOENT;
    }
    std::error_code ec;
    // Resolve symlinks: a link that leads out of the folder is refused
    // without looking at its target's contents.
    fs::path canonical = fs::canonical(path, ec);
    if (ec) return ENOENT;
    const std::string real = normalize(canonical);
    if (!is_under(real, root_canonical_)) return EACCES;
    struct stat st {};
    if (::stat(real.c_str(), &st) != 0) return ENOENT;
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return EACCES;  // devices, fifos: never
    if (out != nullptr) {
        out->is_dir = S_ISDIR(st.st_mode);
        out->size = out->is_dir ? 4096 : uint64_t(st.st_size);
        out->ino = uint64_t(st.st_ino);
        out->mode = out->is_dir ? kDirMode : kFileMode;
        // Host mtimes would make output depend on the machine: every host
        // file is as old as the virtual epoch.
        out->mtime_ms = 1704067200000.0;
    }
    if (host_path != nullptr) *host_path = real;
    return 0;
}

int FileSandbox::stat(const std::string& path, FileStat* out) const {
    if (!inside(path)) return EACCES;
    if (const Node* n = overlay(path)) {
        if (n->kind == Node::Kind::Deleted) return ENOENT;
        out->is_dir = n->kind == Node::Kind::Dir;
        out->size = out->is_dir ? 4096 : n->bytes->size();
        out->ino = n->ino;
        out->mode = out->is_dir ? kDirMode : kFileMode;
        out->mtime_ms = n->mtime_ms;
        return 0;
    }
    // A parent that is an overlay file or deleted hides the host.
    return host_lookup(path, out, nullptr);
}

int FileSandbox::read(const std::string& path, FileContent* out) const {
    if (!inside(path)) return EACCES;
    if (const Node* n = overlay(path)) {
        if (n->kind == Node::Kind::Deleted) return ENOENT;
        if (n->kind == Node::Kind::Dir) return EISDIR;
        out->bytes = n->bytes;
        out->size = n->bytes->size();
        return 0;
    }
    FileStat st;
    const int err = host_lookup(path, &st, &out->host_path);
    if (err != 0) return err;
    if (st.is_dir) return EISDIR;
    out->size = st.size;
    return 0;
}

int FileSandbox::read_host_file(const std::string& host_path, std::string* out) {
    std::ifstream in(host_path, std::ios::binary);
    if (!in) return ENOENT;
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    if (bytes.size() > kMaxFileBytes) return EFBIG;
    *out = std::move(bytes);
    return 0;
}

int FileSandbox::check_parent(const std::string& path) const {
    FileStat st;
    const int err = stat(parent_of(path), &st);
    if (err == EACCES && !inside(parent_of(path))) return EACCES;
    if (err != 0) return ENOENT;
    return st.is_dir ? 0 : ENOTDIR;
}

int FileSandbox::write(const std::string& path, std::string bytes, bool append, double now_ms) {
    if (!inside(path) || path == root_) return EACCES;
    if (int err = check_parent(path)) return err;
    FileStat st;
    const bool exists = stat(path, &st) == 0;
    if (exists && st.is_dir) return EISDIR;
    if (append && exists) {
        FileContent old;
        if (int err = read(path, &old)) return err;
        std::string prefix;
        if (old.bytes) prefix = *old.bytes;
        else if (int err = read_host_file(old.host_path, &prefix)) return err;
        bytes = prefix + bytes;
    }
    if (bytes.size() > kMaxFileBytes) return EFBIG;
    const Node* previous = overlay(path);
    const uint64_t previous_size = previous && previous->bytes ? previous->bytes->size() : 0;
    if (overlay_bytes_ - previous_size + bytes.size() > kMaxOverlayBytes) return ENOSPC;
    overlay_bytes_ = overlay_bytes_ - previous_size + bytes.size();
    Node n;
    n.kind = Node::Kind::File;
    n.bytes = std::make_shared<const std::string>(std::move(bytes));
    n.mtime_ms = now_ms;
    n.ino = exists ? st.ino : next_ino_++;
    overlay_[path] = std::move(n);
    return 0;
}

bool FileSandbox::has_children(const std::string& path) const {
    std::vector<DirEntry> entries;
    return readdir(path, &entries) == 0 && !entries.empty();
}

int FileSandbox::unlink(const std::string& path) {
    if (!inside(path)) return EACCES;
    FileStat st;
    if (int err = stat(path, &st)) return err;
    if (st.is_dir) return EISDIR;  // Linux unlink(2) on a directory: EISDIR
    const Node* previous = overlay(path);
    if (previous && previous->bytes) overlay_bytes_ -= previous->bytes->size();
    overlay_[path] = Node{Node::Kind::Deleted, nullptr, 0, 0};
    return 0;
}

int FileSandbox::mkdir(const std::string& path, bool recursive, double now_ms) {
    if (!inside(path)) return EACCES;
    FileStat st;
    if (stat(path, &st) == 0) return recursive && st.is_dir ? 0 : EEXIST;
    if (recursive && path != root_) {
        const std::string parent = parent_of(path);
        if (stat(parent, &st) != 0) {
            if (int err = mkdir(parent, true, now_ms)) return err;
        }
    }
    if (int err = check_parent(path)) return err;
    overlay_[path] = Node{Node::Kind::Dir, nullptr, now_ms, next_ino_++};
    return 0;
}

int FileSandbox::rmdir(const std::string& path) {
    if (!inside(path) || path == root_) return EACCES;
    FileStat st;
    if (int err = stat(path, &st)) return err;
    if (!st.is_dir) return ENOTDIR;
    if (has_children(path)) return ENOTEMPTY;
    overlay_[path] = Node{Node::Kind::Deleted, nullptr, 0, 0};
    return 0;
}

int FileSandbox::rm(const std::string& path, bool recursive, bool force) {
    if (!inside(path) || path == root_) return EACCES;
    FileStat st;
    if (int err = stat(path, &st)) return force && err == ENOENT ? 0 : err;
    if (!st.is_dir) return unlink(path);
    if (!recursive) return EISDIR;  // Node: ERR_FS_EISDIR; the fs module words it
    std::vector<DirEntry> entries;
    if (int err = readdir(path, &entries)) return err;
    for (const DirEntry& e : entries) {
        if (int err = rm(path + "/" + e.name, true, false)) return err;
    }
    // Drop overlay nodes below the directory, then hide it.
    for (auto it = overlay_.lower_bound(path + "/"); it != overlay_.end() && is_under(it->first, path);) {
        if (it->second.bytes) overlay_bytes_ -= it->second.bytes->size();
        it = overlay_.erase(it);
    }
    overlay_[path] = Node{Node::Kind::Deleted, nullptr, 0, 0};
    return 0;
}

int FileSandbox::rename(const std::string& from, const std::string& to, double now_ms) {
    if (!inside(from) || !inside(to)) return EACCES;
    FileStat st;
    if (int err = stat(from, &st)) return err;
    if (st.is_dir) return EACCES;  // looplab moves files only; documented in docs/io.md
    if (int err = check_parent(to)) return err;
    FileContent content;
    if (int err = read(from, &content)) return err;
    std::string bytes;
    if (content.bytes) bytes = *content.bytes;
    else if (int err = read_host_file(content.host_path, &bytes)) return err;
    if (int err = write(to, std::move(bytes), false, now_ms)) return err;
    return unlink(from);
}

int FileSandbox::readdir(const std::string& path, std::vector<DirEntry>* out) const {
    if (!inside(path)) return EACCES;
    FileStat st;
    if (int err = stat(path, &st)) return err;
    if (!st.is_dir) return ENOTDIR;
    std::map<std::string, bool> names;  // name -> is_dir, in name order
    std::string host;
    if (!overlay(path) && host_lookup(path, nullptr, &host) == 0) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(host, ec)) {
            const std::string name = entry.path().filename().string();
            std::error_code ec2;
            names[name] = entry.is_directory(ec2);
        }
    }
    for (auto it = overlay_.lower_bound(path + "/"); it != overlay_.end() && is_under(it->first, path); ++it) {
        if (parent_of(it->first) != path) continue;
        const std::string name = it->first.substr(path.size() + (path == "/" ? 0 : 1));
        if (it->second.kind == Node::Kind::Deleted) names.erase(name);
        else names[name] = it->second.kind == Node::Kind::Dir;
    }
    for (const auto& [name, is_dir] : names) out->push_back(DirEntry{name, is_dir});
    return 0;
}

}  // namespace looplab::sim
