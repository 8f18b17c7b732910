// What module_fs.cpp shares with module_fs_fd.cpp (file descriptors) and
// the fs streams: the per-process file state and the three call shapes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "engine/js/isolate.h"
#include "engine/node/threadpool_support.h"
#include "engine/sim/file_sandbox.h"

namespace looplab::node {

class NodeProcess;

// One open file descriptor. Reads see the file as it was when it was
// opened (its overlay bytes, or the host file to read from); writes go to
// the overlay at once, on the loop thread.
struct OpenFile {
    std::string path;  // absolute
    bool readable = false;
    bool writable = false;
    bool is_dir = false;  // open(dir, 'r') succeeds; read() fails with EISDIR
    sim::FileContent content;
    uint64_t position = 0;  // where a read with position null/-1 starts
};

// The fs module's per-process state (NodeProcess::fs_state).
struct FsState {
    FsState(const std::string& root, const std::string& cwd) : sandbox(root, cwd) {}
    sim::FileSandbox sandbox;
    std::map<int, OpenFile> files;  // fd -> open file
    // Descriptors a process may hold open at once (a clear EMFILE beyond).
    static constexpr size_t kMaxOpenFiles = 1024;
};

FsState& fs_state(NodeProcess& p);

// The shape a fs native was created for: fs.x(..., cb), fs.xSync(...) or
// fs.promises.x(...). The native's native_data holds it.
enum FsShape : int { kFsCallback = 0, kFsSync = 1, kFsPromise = 2 };
js::Value fs_dispatch(js::Isolate& isolate, const js::CallArgs& call, AsyncOp op);
uint64_t fs_syscall_cost(NodeProcess& p, int syscalls, uint64_t bytes = 0);
double fs_now_ms(NodeProcess& p);
std::string fs_path_arg(js::Isolate& isolate, js::Value v, std::string_view name = "path");

// fs.open/read/write/close/fstat and their Sync forms (module_fs_fd.cpp).
void install_fs_fd_functions(js::Isolate& isolate, js::JsObject* fs, js::Value protos);
// fs.createReadStream/createWriteStream and fs.ReadStream/WriteStream,
// written in JavaScript (engine/node/lib/internal/fs/streams.js).
void install_fs_streams(js::Isolate& isolate, js::JsObject* fs);

}  // namespace looplab::node
