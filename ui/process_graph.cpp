#include "ui/process_graph.h"

#include <algorithm>

#include "engine/trace/fold.h"
#include "engine/trace/rules.h"

namespace looplab::ui {
namespace {

using trace::IsolateKind;
using trace::Phase;

std::string base_name(const std::string& path) {
    const size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The newest frame that is the program's own, for "in tick (line 4)".
const trace::StackFrame& user_frame(const std::vector<trace::StackFrame>& stack) {
    for (size_t i = stack.size(); i-- > 0;) {
        if (!stack[i].internal) return stack[i];
    }
    return stack.back();
}

const trace::IsolateStatus& status_of(const trace::ViewState& v, uint32_t isolate) {
    static const trace::IsolateStatus kNone;
    return isolate < v.isolates.size() ? v.isolates[isolate] : kNone;
}

// Inside its process's box a process's first thread is its main thread;
// the others go by their names in the isolate table ("worker 1").
std::string thread_name(const trace::IsolateStatus& st, uint32_t isolate) {
    if (st.kind != IsolateKind::WorkerThread) return "main thread";
    return st.name.empty() ? "worker " + std::to_string(isolate) : st.name;
}

// One JS thread's state in words, from its summary in the fold.
ThreadNode thread_node(const trace::ViewState& v, uint32_t isolate) {
    const trace::IsolateStatus& st = status_of(v, isolate);
    ThreadNode t{thread_name(st, isolate), ThreadState::NotStarted, {}, isolate, isolate == v.isolate, {}};
    const trace::IsolateRuntime rt = trace::isolate_runtime(v, isolate);
    if (st.exited) {
        t.state = ThreadState::Exited;
        t.detail = "exit code " + std::to_string(st.exit_code);
    } else if (!st.seen) {
        t.detail = isolate == 0 ? "the main script has not started" : "starting";
    } else if (rt.stack != nullptr && !rt.stack->empty()) {
        t.state = st.rule == trace::Rule::SyncCallBlocksLoop ? ThreadState::Blocked : ThreadState::Running;
        t.detail = "in " + user_frame(*rt.stack).name;
        if (rt.line) t.detail += " (line " + std::to_string(rt.line) + ")";
        if (t.state == ThreadState::Blocked) t.detail += ": a synchronous call";
    } else if (rt.phase == Phase::Poll) {
        t.state = ThreadState::IdleInPoll;
        t.detail = "waiting for I/O, a message or a timer";
    } else {
        t.state = ThreadState::InLoop;
        if (rt.phase == Phase::Main) t.detail = "the main script has finished";
        else if (rt.phase == Phase::None) t.detail = "between phases";
        else t.detail = "in the " + std::string(trace::phase_name(rt.phase)) + " phase";
    }
    return t;
}

bool forks_cluster_workers(const trace::ViewState& v, uint32_t process) {
    return std::any_of(v.processes.begin() + 1, v.processes.end(), [&](const trace::ProcessView& p) {
        return p.kind == IsolateKind::ClusterWorker && p.parent_process == process;
    });
}

// "process 4242 — server.js" for a lone root ("parent process 4242", or
// "cluster primary — pid 4242" when it forked cluster workers),
// "child process 4243", "cluster worker 2 — pid 4244".
std::string process_title(const trace::ViewState& v, uint32_t index) {
    const trace::ProcessView& p = v.processes[index];
    const std::string pid = std::to_string(p.pid);
    if (index == 0) {
        // A lone box names the file; among several the source panel does.
        if (p.pid == 0 || v.processes.size() == 1) {
            std::string title = p.pid == 0 ? std::string("process 1") : "process " + pid;
            return v.file_path.empty() ? title : title + " \u2014 " + base_name(v.file_path);
        }
        return forks_cluster_workers(v, 0) ? "cluster primary \u2014 pid " + pid : "parent process " + pid;
    }
    if (p.kind == IsolateKind::ClusterWorker) return p.name + " \u2014 pid " + pid;
    if (p.kind == IsolateKind::ChildProcess) return "child process " + pid;
    return p.name;
}

ProcessNode process_node(const trace::ViewState& v, uint32_t index) {
    const trace::ProcessView& p = v.processes[index];
    ProcessNode node;
    node.title = process_title(v, index);
    node.pid = p.pid;
    node.parent = p.parent_process;
    node.exited = status_of(v, p.main_isolate).exited;
    const uint32_t count = std::max<uint32_t>(1, uint32_t(v.isolates.size()));
    for (uint32_t id = 0; id < count; ++id) {
        const trace::IsolateStatus& st = status_of(v, id);
        const bool root_main = index == 0 && id == 0;  // shown before its first event
        if (root_main || (st.seen && st.process == index)) node.threads.push_back(thread_node(v, id));
    }
    const trace::PoolView& pool = trace::process_pool(v, index);
    node.pool_size = pool.size;
    node.pool_busy = uint32_t(std::count_if(pool.threads.begin(), pool.threads.end(),
                                            [](const trace::PoolJob& j) { return j.item != 0; }));
    return node;
}

// "cluster worker 2 — pid 4244" -> "cluster worker 2".
std::string short_title(const std::string& title) {
    const size_t dash = title.find(" \u2014 ");
    return dash == std::string::npos ? title : title.substr(0, dash);
}

}  // namespace

const char* thread_state_name(ThreadState state) {
    switch (state) {
    case ThreadState::NotStarted: return "not started";
    case ThreadState::Running: return "running";
    case ThreadState::Blocked: return "blocked";
    case ThreadState::IdleInPoll: return "idle in poll";
    case ThreadState::InLoop: return "between callbacks";
    case ThreadState::Exited: return "exited";
    }
    return "";
}

size_t ProcessGraph::thread_count() const {
    size_t n = 0;
    for (const ProcessNode& p : processes) n += p.threads.size();
    return n;
}

ProcessGraph process_graph(const trace::ViewState& v) {
    ProcessGraph g;
    const uint32_t count = std::max<uint32_t>(1, uint32_t(v.processes.size()));
    for (uint32_t i = 0; i < count; ++i) {
        if (i < v.processes.size()) {
            g.processes.push_back(process_node(v, i));
        } else {  // a ViewState made by hand, without initial_view
            ProcessNode root;
            root.title = "process 1";
            root.threads.push_back(thread_node(v, 0));
            g.processes.push_back(std::move(root));
        }
    }
    for (const trace::MessageArrow& m : v.messages) {
        const size_t from = status_of(v, m.from).process, to = status_of(v, m.to).process;
        if (from == to || from >= g.processes.size() || to >= g.processes.size()) continue;
        g.links.push_back(Link{from, to, m.from, m.to, "IPC " + m.label});
        for (ThreadNode& t : g.processes[from].threads) {
            if (t.isolate == m.from && t.sending.empty()) {
                t.sending = "IPC " + m.label + " \u2192 " + short_title(g.processes[to].title);
            }
        }
    }
    return g;
}

std::string process_graph_summary(const ProcessGraph& g) {
    const size_t n = g.processes.size(), threads = std::max<size_t>(1, g.thread_count());
    return std::to_string(n) + (n == 1 ? " process, " : " processes, ") + std::to_string(threads) +
           (threads == 1 ? " JS thread" : " JS threads");
}

}  // namespace looplab::ui
