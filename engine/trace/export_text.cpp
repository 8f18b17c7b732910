// The narrated walk-through that `looplab trace FILE` prints: one line per
// learner-visible event (time, phase, what happened) and, whenever the
// reason changes, one line of why.
#include <algorithm>
#include <cstdio>
#include <vector>

#include "engine/trace/exporters.h"
#include "engine/trace/message_text.h"

namespace looplab::trace {
namespace {

std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else out.push_back(c);
    }
    return out;
}

std::string callback(const Trace& trace, uint32_t item_id) {
    const Item& item = trace.item(item_id);
    std::string s = trace.str(item.label);
    if (item.line) s += " (line " + std::to_string(item.line) + ")";
    return s;
}

class Narrator {
public:
    Narrator(const Trace& trace, std::ostream& out) : trace_(trace), out_(out) {}

    void write() {
        // Several isolates (worker threads, child processes) interleave in
        // one trace: each line then names its thread, and each thread keeps
        // its own phase, call depth and last reason.
        const bool many = std::any_of(trace_.events().begin(), trace_.events().end(),
                                      [](const Event& e) { return e.isolate != 0; });
        out_ << "looplab trace of " << trace_.meta().script_path << " (Node " << trace_.meta().node_version
             << " semantics, virtual time)\n";
        const size_t name_width = many ? thread_column_width() : 0;
        out_ << "    time (ms)  " << (many ? pad("thread", name_width) : "") << "phase     what happened\n";
        uint64_t now = 0;
        for (const Event& e : trace_.events()) {
            now = advance_time(now, e);
            if (threads_.size() <= e.isolate) threads_.resize(size_t(e.isolate) + 1);
            st_ = &threads_[e.isolate];
            std::string what = describe(e);
            if (what.empty()) continue;
            char head[64];
            std::snprintf(head, sizeof head, "%13.6f  ", double(now) / 1e6);
            std::string lead = head;
            if (many) lead += pad(trace_.isolate_name(e.isolate), name_width);
            lead += pad(std::string(phase_name(st_->phase)), 10);
            out_ << lead << std::string(st_->depth * 2, ' ') << what << '\n';
            const Rule rule = static_cast<Rule>(e.rule);
            if (rule != Rule::None && rule != st_->last_rule) {
                out_ << std::string(lead.size(), ' ') << std::string(st_->depth * 2, ' ') << "why: " << rule_text(rule)
                     << '\n';
            }
            if (rule != Rule::None) st_->last_rule = rule;
            if (e.kind == EventKind::CallPush) st_->depth++;
        }
    }

private:
    std::string describe(const Event& e) {
        switch (e.kind) {
        case EventKind::TimeJump:
        case EventKind::Step:
            return {};
        case EventKind::CallPush: {
            const uint32_t line = e.b >> 1;
            std::string s = (e.b & 1) ? "node runs " : "call ";
            s += trace_.str(e.a);
            if (line) s += " (line " + std::to_string(line) + ")";
            return s;
        }
        case EventKind::CallPop:
            if (st_->depth > 0) st_->depth--;
            return {};
        case EventKind::Enqueue: {
            const Item& item = trace_.item(e.a);
            std::string s = "queue " + callback(trace_, e.a) + " on the " +
                             std::string(queue_name(static_cast<QueueKind>(e.b))) + " queue";
            if (item.queue == QueueKind::Timers) s += ", due at " + std::to_string(item.due_ms) + " ms";
            return s;
        }
        case EventKind::Dequeue:
            return "take " + callback(trace_, e.a) + " from the " +
                   std::string(queue_name(static_cast<QueueKind>(e.b))) + " queue";
        case EventKind::Cancel:
            return "remove " + callback(trace_, e.a) + " from the " +
                   std::string(queue_name(static_cast<QueueKind>(e.b))) + " queue";
        case EventKind::PhaseEnter:
            st_->phase = static_cast<Phase>(e.a);
            return "enter the " + std::string(phase_name(st_->phase)) + " phase";
        case EventKind::PhaseLeave:
            // Leaving is implied by the next line; only the phase column changes.
            st_->phase = Phase::None;
            return {};
        case EventKind::LoopIteration:
            return "--- loop iteration " + std::to_string(e.a) + " ---";
        case EventKind::ClockAdvance:
            return "poll waits " + std::to_string(e.a) + " ms for the next timer";
        case EventKind::ConsoleWrite:
            return std::string(e.b ? "stderr: " : "stdout: ") + escaped(trace_.str(e.a));
        case EventKind::HandleRef:
            return std::string(e.b ? "ref " : "unref ") + callback(trace_, e.a);
        case EventKind::ProcessExit:
            st_->phase = Phase::Exit;
            return "process exits with code " + std::to_string(int32_t(e.a));
        case EventKind::Race:
            return "RACE: " + callback(trace_, e.a) + " runs first here; real Node may run them either way";
        case EventKind::Uncaught:
            return std::string(e.b ? "unhandled rejection: " : "uncaught exception: ") + trace_.str(e.a);
        case EventKind::Emit:
            return "process emits '" + trace_.str(e.a) + "'";
        case EventKind::Limit:
            return "stopped: " + trace_.str(e.a);
        case EventKind::PoolQueued:
            return "queue " + callback(trace_, e.a) + " on the thread pool (" + std::to_string(e.b) + " threads)";
        case EventKind::PoolStarted:
            return "pool thread " + std::to_string(e.b) + " starts " + callback(trace_, e.a);
        case EventKind::PoolFinished:
            return "pool thread " + std::to_string(e.b) + " finishes " + callback(trace_, e.a);
        case EventKind::IoReady:
            return std::string(e.b ? "socket event " : "completion of ") + callback(trace_, e.a) + " is delivered";
        case EventKind::MessagePost: return "post " + message_summary(e, trace_);
        case EventKind::MessageDeliver: return "deliver " + message_summary(e, trace_);
        }
        return {};
    }

    // The thread column fits the longest name in the isolate table
    // ("cluster worker 12") and two spaces; never narrower than before the
    // table named threads ("isolate 1").
    size_t thread_column_width() const {
        size_t width = 9;
        for (const IsolateInfo& info : trace_.isolate_table()) width = std::max(width, info.name.size());
        return width + 2;
    }

    // What the narration tracks for one thread.
    struct ThreadState {
        Phase phase = Phase::None;
        size_t depth = 0;
        Rule last_rule = Rule::None;
    };
    static std::string pad(std::string text, size_t width) {
        if (text.size() < width) text.resize(width, ' ');
        return text;
    }

    const Trace& trace_;
    std::ostream& out_;
    std::vector<ThreadState> threads_;
    ThreadState* st_ = nullptr;
};

}  // namespace

void write_text(const Trace& trace, std::ostream& out) { Narrator(trace, out).write(); }

}  // namespace looplab::trace
