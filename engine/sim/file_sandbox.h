// The file system a scenario sees (DESIGN.md principle 7). Reads are
// confined to the scenario's folder; writes go to an in-memory overlay that
// later reads see; the host's files outside the folder are never opened,
// stat'ed or listed. Errors are POSIX errno values, which the fs module
// turns into Node's errors (ENOENT, EACCES, EEXIST, ...).
//
// Every method runs on the loop thread, so the overlay needs no lock and
// every answer is deterministic. Only reading a file's bytes from the host
// disk may happen on a pool thread (read_host_file), and those files are
// never written by looplab.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace looplab::sim {

struct FileStat {
    bool is_dir = false;
    uint64_t size = 0;
    uint64_t ino = 0;
    uint32_t mode = 0;     // st_mode (type and permission bits)
    double mtime_ms = 0;   // milliseconds since the epoch (virtual for overlay files)
};

struct DirEntry {
    std::string name;
    bool is_dir = false;
};

// Where a file's bytes are: in the overlay already, or on the host disk
// inside the sandbox (to be read by read_host_file).
struct FileContent {
    std::shared_ptr<const std::string> bytes;  // overlay file
    std::string host_path;                     // otherwise: the host file to read
    uint64_t size = 0;
};

class FileSandbox {
public:
    // Largest file a scenario may read or write, and the overlay's total.
    static constexpr uint64_t kMaxFileBytes = 256ULL << 20;
    static constexpr uint64_t kMaxOverlayBytes = 512ULL << 20;

    // `root`: the scenario's folder (absolute). `cwd`: where relative paths start.
    FileSandbox(std::string root, std::string cwd);

    // The absolute, lexically normalized form of `path` (no disk access).
    std::string absolute(std::string_view path) const;
    const std::string& root() const { return root_; }

    // Each returns 0 or a positive errno. `path` is absolute (see absolute()).
    int stat(const std::string& path, FileStat* out) const;
    int read(const std::string& path, FileContent* out) const;
    int write(const std::string& path, std::string bytes, bool append, double now_ms);
    int unlink(const std::string& path);
    int mkdir(const std::string& path, bool recursive, double now_ms);
    int rmdir(const std::string& path);
    // rm: a file, or with recursive a whole tree; force ignores ENOENT.
    int rm(const std::string& path, bool recursive, bool force);
    int rename(const std::string& from, const std::string& to, double now_ms);
    int readdir(const std::string& path, std::vector<DirEntry>* out) const;  // sorted by name
    // access(path, mode): W_OK outside the folder is EACCES like everything there.
    int access(const std::string& path) const { FileStat st; return stat(path, &st); }

    // On any thread: reads a host file that read() pointed at.
    static int read_host_file(const std::string& host_path, std::string* out);

private:
    struct Node {
        enum class Kind : uint8_t { File, Dir, Deleted } kind = Kind::File;
        std::shared_ptr<const std::string> bytes;
        double mtime_ms = 0;
        uint64_t ino = 0;
    };
    bool inside(const std::string& path) const;
    // The host file behind `path` if reads may touch it: inside the folder,
    // and still inside once symlinks are resolved.
    int host_lookup(const std::string& path, FileStat* out, std::string* host_path) const;
    const Node* overlay(const std::string& path) const;
    // ENOENT when the parent is missing, ENOTDIR when it is a file.
    int check_parent(const std::string& path) const;
    bool has_children(const std::string& path) const;

    std::string root_;
    std::string root_canonical_;
    std::string cwd_;
    std::map<std::string, Node> overlay_;  // absolute path -> node (ordered: readdir merges in name order)
    uint64_t overlay_bytes_ = 0;
    uint64_t next_ino_ = 1'000'000;
};

}  // namespace looplab::sim
