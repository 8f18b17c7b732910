// What the Processes panel draws, built from the fold alone: one node per
// simulated process (the root, forked children, cluster workers) with a
// row per JavaScript thread and its state in words, the process's thread
// pool summarised, and links for IPC messages in flight between processes.
// Messages between threads of one process stay ViewState::messages (arcs
// inside its box).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/trace/view_state.h"

namespace looplab::ui {

enum class ThreadState : uint8_t { NotStarted, Running, Blocked, IdleInPoll, InLoop, Exited };
const char* thread_state_name(ThreadState state);

struct ThreadNode {
    std::string name;    // "main thread", "worker 1"
    ThreadState state = ThreadState::NotStarted;
    std::string detail;  // "in tick (line 4)", "waiting for I/O or a timer"
    uint32_t isolate = 0;
    bool shown = false;  // the stack and queues panels show this thread now
    std::string sending; // "IPC json → cluster primary": its oldest message in flight to another process
};

struct ProcessNode {
    std::string title;   // "main \u2014 server.js", "cluster worker 2", "child 4243"
    int32_t pid = 0;     // 0: the trace does not say
    size_t parent = 0;   // index of the process that forked it (itself for the root)
    bool exited = false; // its main thread has exited
    std::vector<ThreadNode> threads;
    uint32_t pool_size = 0, pool_busy = 0;
};

// A message in flight between threads of two processes (process.send, a
// cluster worker's IPC): an arrow from the sender's row to the receiver's.
struct Link {
    size_t from_process = 0, to_process = 0;
    uint32_t from_isolate = 0, to_isolate = 0;
    std::string label;
};

struct ProcessGraph {
    std::vector<ProcessNode> processes;
    std::vector<Link> links;
    size_t thread_count() const;
};

ProcessGraph process_graph(const trace::ViewState& view);

// "1 process, 2 JS threads", "3 processes, 4 JS threads".
std::string process_graph_summary(const ProcessGraph& graph);

}  // namespace looplab::ui
