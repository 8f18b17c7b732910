#include "engine/trace/fold.h"

#include <algorithm>

namespace looplab::trace {
namespace {

std::deque<QueueEntry>& queue_of(ViewState& s, uint32_t q) {
    return s.queues[std::min<size_t>(q, kQueueCount - 1)];
}

QueueEntry entry_for(const Trace& trace, uint32_t item_id) {
    const Item& item = trace.item(item_id);
    return QueueEntry{item_id, trace.str(item.label), item.line, item.due_ms};
}

void enqueue(const Trace& trace, ViewState& s, const Event& e) {
    auto& q = queue_of(s, e.b);
    QueueEntry entry = entry_for(trace, e.a);
    if (static_cast<QueueKind>(e.b) == QueueKind::Timers) {
        // The timers heap shows in firing order: due time, then creation.
        auto at = std::upper_bound(q.begin(), q.end(), entry, [](const QueueEntry& x, const QueueEntry& y) {
            return x.due_ms != y.due_ms ? x.due_ms < y.due_ms : x.item < y.item;
        });
        q.insert(at, std::move(entry));
    } else {
        q.push_back(std::move(entry));
    }
}

void remove(ViewState& s, const Event& e) {
    auto& q = queue_of(s, e.b);
    if (!q.empty() && q.front().item == e.a) {  // the common case: FIFO order
        q.pop_front();
        return;
    }
    auto it = std::find_if(q.begin(), q.end(), [&](const QueueEntry& x) { return x.item == e.a; });
    if (it != q.end()) q.erase(it);
}

void console_write(const Trace& trace, ViewState& s, const Event& e) {
    const std::string& text = trace.str(e.a);
    const size_t stream = e.b == 0 ? 0 : 1;
    size_t start = 0;
    while (start < text.size()) {
        const size_t nl = text.find('\n', start);
        const size_t end = nl == std::string::npos ? text.size() : nl;
        if (s.open_line[stream] >= 0) {
            s.console[size_t(s.open_line[stream])].text.append(text, start, end - start);
        } else {
            s.console.push_back(ConsoleLine{static_cast<ConsoleStream>(stream), e.isolate,
                                            text.substr(start, end - start)});
            s.open_line[stream] = int32_t(s.console.size() - 1);
        }
        if (nl == std::string::npos) break;
        s.open_line[stream] = -1;
        start = nl + 1;
    }
}

}  // namespace

ViewState initial_view(const Trace& trace) {
    ViewState s;
    if (!trace.files().empty()) {
        s.file_path = trace.files().front().path;
        s.source = trace.files().front().text;
    }
    return s;
}

void apply_next(const Trace& trace, ViewState& s) {
    if (s.cursor >= trace.size()) return;
    const Event& e = trace.events()[s.cursor];
    s.time_ns = advance_time(s.time_ns, e);
    s.cursor++;
    if (e.kind == EventKind::TimeJump) return;
    s.last_event = uint32_t(s.cursor);
    s.rule = static_cast<Rule>(e.rule);
    switch (e.kind) {
    case EventKind::TimeJump: break;
    case EventKind::Step:
        s.current_line = e.a;
        s.current_column = e.b & 0xFFFFF;
        s.current_file = e.b >> 20;
        break;
    case EventKind::CallPush:
        s.stack.push_back(StackFrame{trace.str(e.a), e.b >> 1, (e.b & 1) != 0});
        if (s.stack.size() == 1) s.race = false;
        break;
    case EventKind::CallPop:
        if (!s.stack.empty()) s.stack.pop_back();
        if (s.stack.empty()) s.current_line = 0;
        break;
    case EventKind::Enqueue: enqueue(trace, s, e); break;
    case EventKind::Dequeue:
    case EventKind::Cancel: remove(s, e); break;
    case EventKind::PhaseEnter: s.phase = static_cast<Phase>(e.a); break;
    case EventKind::PhaseLeave: s.phase = Phase::None; break;
    case EventKind::LoopIteration: s.loop_iteration = e.a; break;
    case EventKind::ClockAdvance: break;
    case EventKind::ConsoleWrite: console_write(trace, s, e); break;
    case EventKind::HandleRef:
        if (e.b == 0) s.unrefed_handles++;
        else if (s.unrefed_handles > 0) s.unrefed_handles--;
        break;
    case EventKind::ProcessExit:
        s.finished = true;
        s.exit_code = int(int32_t(e.a));
        s.stack.clear();
        s.phase = Phase::Exit;
        break;
    case EventKind::Race: s.race = true; break;
    case EventKind::Uncaught: s.uncaught = trace.str(e.a); break;
    case EventKind::Emit: break;
    case EventKind::Limit: s.uncaught = trace.str(e.a); break;
    case EventKind::PoolQueued:
    case EventKind::PoolStarted:
    case EventKind::PoolFinished:
    case EventKind::IoReady: break;  // TODO(ui): thread pool lanes in the ViewState
    }
}

ViewState fold_to(const Trace& trace, size_t cursor) {
    ViewState s = initial_view(trace);
    cursor = std::min(cursor, trace.size());
    while (s.cursor < cursor) apply_next(trace, s);
    return s;
}

Seeker::Seeker(const Trace& trace, size_t interval) : trace_(trace), interval_(std::max<size_t>(interval, 1)) {
    checkpoints_.push_back(initial_view(trace));
}

ViewState Seeker::seek(size_t cursor) {
    cursor = std::min(cursor, trace_.size());
    const size_t wanted = cursor / interval_;
    // Extend the checkpoints up to the one at or below the cursor.
    while (checkpoints_.size() <= wanted) {
        ViewState next = checkpoints_.back();
        const size_t target = checkpoints_.size() * interval_;
        while (next.cursor < target) apply_next(trace_, next);
        checkpoints_.push_back(std::move(next));
    }
    ViewState s = checkpoints_[wanted];
    while (s.cursor < cursor) apply_next(trace_, s);
    return s;
}

}  // namespace looplab::trace
