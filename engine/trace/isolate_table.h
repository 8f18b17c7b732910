// The trace's isolate table: which simulated process each isolate (the main
// thread, a worker thread, a forked child's main thread, a cluster worker)
// belongs to, what it is called and when it started. The engine records an
// entry where it creates the isolate; the fold, the exporters and the
// processes panel read it. See docs/trace-format.md "Isolates".
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace looplab::trace {

enum class IsolateKind : uint8_t { Main, WorkerThread, ChildProcess, ClusterWorker };
inline constexpr std::array<std::string_view, 4> kIsolateKindNames{"main", "worker_thread", "child_process",
                                                                   "cluster_worker"};
inline std::string_view isolate_kind_name(IsolateKind k) {
    return size_t(k) < kIsolateKindNames.size() ? kIsolateKindNames[size_t(k)] : "worker_thread";
}

struct IsolateInfo {
    uint16_t id = 0;
    int32_t pid = 0;       // process.pid inside the isolate's process (a worker thread shares its parent's)
    uint16_t parent = 0;   // the isolate that created it (== id for the main thread)
    IsolateKind kind = IsolateKind::Main;
    std::string name;      // "main", "worker 1", "child 4243", "cluster worker 2"
    uint64_t start_ns = 0; // virtual time it starts running
    // A thread of its parent's process (a worker thread) rather than the
    // main thread of a process of its own.
    bool shares_process() const { return kind == IsolateKind::WorkerThread; }
};

// The entry of the run's first isolate.
inline IsolateInfo main_isolate_info(int32_t pid) { return IsolateInfo{0, pid, 0, IsolateKind::Main, "main", 0}; }

// The name of an isolate the table does not list (a trace recorded before
// the table existed): "main" for isolate 0, else "isolate N".
inline std::string fallback_isolate_name(uint32_t id) {
    return id == 0 ? std::string("main") : "isolate " + std::to_string(id);
}

}  // namespace looplab::trace
