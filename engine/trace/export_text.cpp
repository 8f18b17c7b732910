// The narrated walk-through that `looplab trace FILE` prints: one line per
// learner-visible event (time, phase, what happened) and, whenever the
// reason changes, one line of why.
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
        out_ << "looplab trace of " << trace_.meta().script_path << " (Node " << trace_.meta().node_version
             << " semantics, virtual time)\n";
        out_ << "    time (ms)  phase     what happened\n";
        uint64_t now = 0;
        for (const Event& e : trace_.events()) {
            now = advance_time(now, e);
            std::string what = describe(e);
            if (what.empty()) continue;
            char head[48];
            std::snprintf(head, sizeof head, "%13.6f  %-8s  ", double(now) / 1e6,
                          std::string(phase_name(phase_)).c_str());
            out_ << head << std::string(depth_ * 2, ' ') << what << '\n';
            const Rule rule = static_cast<Rule>(e.rule);
            if (rule != Rule::None && rule != last_rule_) {
                out_ << "                         " << std::string(depth_ * 2, ' ') << "why: " << rule_text(rule)
                     << '\n';
            }
            if (rule != Rule::None) last_rule_ = rule;
            if (e.kind == EventKind::CallPush) depth_++;
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
            if (depth_ > 0) depth_--;
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
            phase_ = static_cast<Phase>(e.a);
            return "enter the " + std::string(phase_name(phase_)) + " phase";
        case EventKind::PhaseLeave:
            // Leaving is implied by the next line; only the phase column changes.
            phase_ = Phase::None;
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
            phase_ = Phase::Exit;
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
        case EventKind::MessagePost: return "post " + message_summary(e);
        case EventKind::MessageDeliver: return "deliver " + message_summary(e);
        }
        return {};
    }

    const Trace& trace_;
    std::ostream& out_;
    Phase phase_ = Phase::None;
    size_t depth_ = 0;
    Rule last_rule_ = Rule::None;
};

}  // namespace

void write_text(const Trace& trace, std::ostream& out) { Narrator(trace, out).write(); }

}  // namespace looplab::trace
