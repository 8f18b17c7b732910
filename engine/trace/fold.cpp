#include "engine/trace/fold.h"

#include <algorithm>

namespace looplab::trace {
namespace {

// The fold may read a trace that is still being assembled (the window's
// copy of a run): an id past the side tables reads as empty, never out of
// bounds.
const std::string& str_of(const Trace& trace, uint32_t id) {
    static const std::string kNone;
    return id < trace.strings().size() ? trace.str(id) : kNone;
}

Item item_of(const Trace& trace, uint32_t id) { return id < trace.items().size() ? trace.item(id) : Item{}; }

EntryQueue& queue_of(ViewState& s, uint32_t q) {
    return s.queues[std::min<size_t>(q, kQueueCount - 1)];
}

QueueEntry entry_for(const Trace& trace, uint32_t item_id) {
    return QueueEntry{item_id, item_of(trace, item_id).due_ms};
}

// The timers heap shows in firing order: due time, then creation.
bool fires_before(const QueueEntry& x, const QueueEntry& y) {
    return x.due_ms != y.due_ms ? x.due_ms < y.due_ms : x.item < y.item;
}

bool is_timers(const Event& e) { return static_cast<QueueKind>(e.b) == QueueKind::Timers; }

// The timers heap is kept in firing order as it changes: a sorted insert
// into a chunk costs O(log n + chunk), so a seek that replays thousands of
// setTimeout calls among 100,000 pending timers stays cheap.
void enqueue(const Trace& trace, ViewState& s, const Event& e) {
    auto& q = queue_of(s, e.b);
    if (is_timers(e)) {
        q.insert_sorted(entry_for(trace, e.a), fires_before);
    } else {
        q.push_back(entry_for(trace, e.a));
    }
}

void remove(const Trace& trace, ViewState& s, const Event& e) {
    auto& q = queue_of(s, e.b);
    if (!q.empty() && q.front().item == e.a) {  // the common case: FIFO order, the earliest timer
        q.pop_front();
        return;
    }
    // A timer is found by its sort key: the item table has its due time.
    if (is_timers(e) && q.erase_sorted(entry_for(trace, e.a), fires_before)) return;
    q.erase_first([&](const QueueEntry& x) { return x.item == e.a; });
}

void console_write(const Trace& trace, ViewState& s, const Event& e) {
    const std::string& text = str_of(trace, e.a);
    const size_t stream = e.b == 0 ? 0 : 1;
    size_t start = 0;
    while (start < text.size()) {
        const size_t nl = text.find('\n', start);
        const size_t end = nl == std::string::npos ? text.size() : nl;
        if (s.open_line[stream] >= 0) {
            s.console.mutable_at(size_t(s.open_line[stream])).text.append(text, start, end - start);
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

// ---- the thread pool (docs/panels.md): waiting FIFO -> a thread -> done, awaiting poll

PoolJob pool_job(uint32_t item_id) {
    return PoolJob{item_id, 0, 0};
}

// Takes the job for `item` out of `jobs`, or makes one from the trace's item
// table when the fold never saw it queued.
PoolJob take_job(std::deque<PoolJob>& jobs, uint32_t item) {
    auto it = std::find_if(jobs.begin(), jobs.end(), [&](const PoolJob& j) { return j.item == item; });
    if (it == jobs.end()) return pool_job(item);
    PoolJob job = std::move(*it);
    jobs.erase(it);
    return job;
}

void size_pool(PoolView& pool, uint32_t size) {
    pool.size = std::max(pool.size, size);
    if (pool.threads.size() < pool.size) pool.threads.resize(pool.size);
}

void pool_finished(ViewState& s, const Event& e) {
    PoolView& pool = s.pool;
    auto it = std::find_if(pool.threads.begin(), pool.threads.end(), [&](const PoolJob& j) { return j.item == e.a; });
    if (it == pool.threads.end() && std::any_of(pool.completed.begin(), pool.completed.end(),
                                                [&](const PoolJob& j) { return j.item == e.a; })) {
        return;  // already moved out by its thread's next start (below)
    }
    PoolJob job = pool_job(e.a);
    if (it != pool.threads.end()) {
        job = std::move(*it);
        *it = PoolJob{};
    }
    job.finish_ns = s.time_ns;
    pool.completed.push_back(std::move(job));
}

void pool_event(ViewState& s, const Event& e) {
    PoolView& pool = s.pool;
    switch (e.kind) {
    case EventKind::PoolQueued:
        size_pool(pool, e.b);
        pool.waiting.push_back(pool_job(e.a));
        break;
    case EventKind::PoolStarted: {
        size_pool(pool, e.b + 1);
        PoolJob& lane = pool.threads[e.b];
        if (lane.item != 0) {
            // A thread starts only when free: its previous job is done even
            // if the trace shows that finish after this start (same time).
            lane.finish_ns = s.time_ns;
            pool.completed.push_back(std::move(lane));
        }
        PoolJob job = take_job(pool.waiting, e.a);
        job.started_ns = s.time_ns;
        lane = std::move(job);
        break;
    }
    case EventKind::PoolFinished: pool_finished(s, e); break;
    case EventKind::IoReady:
        if (e.b == 0) {
            const PoolJob job = take_job(pool.completed, e.a);
            s.last_dequeued = Dequeued{QueueEntry{job.item, 0}, QueueKind::Pending, true,
                                       s.cursor, e.isolate};
        }
        break;
    default: break;
    }
}

// ---- isolates: ViewState's own fields describe one; the others are parked

void note_isolate(ViewState& s, uint32_t id) {
    if (s.isolates.size() <= id) {
        s.isolates.resize(id + 1);
        s.parked.resize(id + 1);
    }
}

// The process of pid `pid`, added (as described by `info`) when new.
uint32_t process_index(ViewState& s, const IsolateInfo& info, const Trace& trace) {
    const IsolateInfo* parent = trace.isolate_info(info.parent);
    if (info.shares_process() && parent != nullptr && parent->id != info.id) return process_index(s, *parent, trace);
    for (uint32_t i = 0; i < s.processes.size(); i++) {
        if (s.processes[i].pid == info.pid) return i;
    }
    ProcessView p;
    p.pid = info.pid;
    p.name = info.name;
    p.main_isolate = info.id;
    p.kind = info.kind;
    p.parent_process = parent != nullptr && parent->id != info.id ? process_index(s, *parent, trace) : 0;
    s.processes.push_back(std::move(p));
    return uint32_t(s.processes.size() - 1);
}

// Fills an isolate's summary from the trace's isolate table the first time
// the fold meets it. Without a table every isolate is a thread of the root.
void describe_isolate(const Trace& trace, ViewState& s, uint32_t id) {
    IsolateStatus& st = s.isolates[id];
    const IsolateInfo* info = trace.isolate_info(id);
    if (info == nullptr) {
        st.kind = id == 0 ? IsolateKind::Main : IsolateKind::WorkerThread;
        st.name = fallback_isolate_name(id);
        return;
    }
    st.kind = info->kind;
    st.name = info->name;
    st.parent = info->parent;
    st.process = process_index(s, *info, trace);
}

void swap_runtime(ViewState& s, ParkedIsolate& p) {
    std::swap(s.stack, p.stack);
    std::swap(s.queues, p.queues);
    std::swap(s.phase, p.phase);
    std::swap(s.loop_iteration, p.loop_iteration);
    std::swap(s.current_line, p.current_line);
    std::swap(s.current_column, p.current_column);
    std::swap(s.current_file, p.current_file);
}

void process_exit(ViewState& s, const Event& e) {
    IsolateStatus& st = s.isolates[e.isolate];
    st.exited = true;
    st.exit_code = int(int32_t(e.a));
    s.stack.clear();
    s.phase = Phase::Exit;
    // A worker thread's exit ends that thread; the main thread's, the process.
    if (e.isolate == 0) {
        s.finished = true;
        s.exit_code = st.exit_code;
    }
}

void dequeue(const Trace& trace, ViewState& s, const Event& e) {
    const auto queue = static_cast<QueueKind>(std::min<uint32_t>(e.b, kQueueCount - 1));
    s.last_dequeued = Dequeued{entry_for(trace, e.a), queue, false, s.cursor, e.isolate};
    remove(trace, s, e);
}

// A post starts an arrow from its isolate to the peer; the delivery to the
// same peer pair (messages between two isolates arrive in order) ends it.
void message_event(ViewState& s, const Event& e) {
    const MessageInfo m = unpack_message(e.a);
    if (e.kind == EventKind::MessagePost) {
        s.messages.push_back(
            MessageArrow{e.isolate, m.peer, std::string(message_payload_name(m.payload)), s.cursor});
        return;
    }
    auto it = std::find_if(s.messages.begin(), s.messages.end(),
                           [&](const MessageArrow& a) { return a.from == m.peer && a.to == e.isolate; });
    if (it != s.messages.end()) s.messages.erase(it);
}

void apply_event(const Trace& trace, ViewState& s, const Event& e) {
    switch (e.kind) {
    case EventKind::TimeJump: break;
    case EventKind::Step:
        s.current_line = e.a;
        s.current_column = e.b & 0xFFFFF;
        s.current_file = e.b >> 20;
        break;
    case EventKind::CallPush: s.stack.push_back(StackFrame{str_of(trace, e.a), e.b >> 1, (e.b & 1) != 0}); break;
    case EventKind::CallPop:
        if (!s.stack.empty()) s.stack.pop_back();
        if (s.stack.empty()) s.current_line = 0;
        // The race is about one callback's turn: the badge goes when it returns.
        if (s.race && s.stack.size() <= s.race_depth) s.race = false;
        break;
    case EventKind::Enqueue: enqueue(trace, s, e); break;
    case EventKind::Dequeue: dequeue(trace, s, e); break;
    case EventKind::Cancel: remove(trace, s, e); break;
    case EventKind::PhaseEnter:
        s.phase = static_cast<Phase>(e.a);
        s.race = false;
        break;
    case EventKind::PhaseLeave: s.phase = Phase::None; break;
    case EventKind::LoopIteration: s.loop_iteration = e.a; break;
    case EventKind::ClockAdvance: break;
    case EventKind::ConsoleWrite: console_write(trace, s, e); break;
    case EventKind::HandleRef:
        if (e.b == 0) s.unrefed_handles++;
        else if (s.unrefed_handles > 0) s.unrefed_handles--;
        break;
    case EventKind::ProcessExit: process_exit(s, e); break;
    case EventKind::Race:
        s.race = true;
        s.race_depth = uint32_t(s.stack.size());
        break;
    case EventKind::Uncaught: s.uncaught = str_of(trace, e.a); break;
    case EventKind::Emit: break;
    case EventKind::Limit: s.uncaught = str_of(trace, e.a); break;
    case EventKind::PoolQueued:
    case EventKind::PoolStarted:
    case EventKind::PoolFinished:
    case EventKind::IoReady: pool_event(s, e); break;
    case EventKind::MessagePost:
    case EventKind::MessageDeliver: message_event(s, e); break;
    }
}

}  // namespace

std::string_view item_label(const Trace& trace, uint32_t item) { return str_of(trace, item_of(trace, item).label); }
uint32_t item_line(const Trace& trace, uint32_t item) { return item_of(trace, item).line; }

void focus_isolate(ViewState& s, uint32_t isolate) {
    if (isolate == s.isolate) return;
    note_isolate(s, std::max(isolate, s.isolate));
    swap_runtime(s, s.parked[s.isolate]);
    swap_runtime(s, s.parked[isolate]);
    s.isolate = isolate;
    // One pool per process, shared by its threads: ViewState::pool is the
    // focused isolate's process's.
    const uint32_t process = s.isolates[isolate].process;
    if (process != s.pool_process && process < s.processes.size()) {
        std::swap(s.pool, s.processes[s.pool_process].pool);
        std::swap(s.pool, s.processes[process].pool);
        s.pool_process = process;
    }
}

ViewState initial_view(const Trace& trace) {
    ViewState s;
    if (!trace.files().empty()) {
        s.file_path = trace.files().front().path;
        s.source = trace.files().front().text;
    }
    // The root process, whose pool ViewState::pool holds until another
    // process's isolate is focused.
    const IsolateInfo* root = trace.isolate_info(0);
    s.processes.push_back(ProcessView{root ? root->pid : 0, root ? root->name : "main", 0, 0, IsolateKind::Main, {}});
    return s;
}

static void apply_one(const Trace& trace, ViewState& s) {
    if (s.cursor >= trace.size()) return;
    const Event& e = trace.events()[s.cursor];
    s.time_ns = advance_time(s.time_ns, e);
    s.cursor++;
    if (e.kind == EventKind::TimeJump) return;
    s.last_event = uint32_t(s.cursor);
    s.rule = static_cast<Rule>(e.rule);
    note_isolate(s, e.isolate);
    if (!s.isolates[e.isolate].seen) describe_isolate(trace, s, e.isolate);
    focus_isolate(s, e.isolate);
    apply_event(trace, s, e);
    IsolateStatus& st = s.isolates[e.isolate];
    st.seen = true;
    st.rule = s.rule;
    st.last_event = s.cursor;
}

void apply_next(const Trace& trace, ViewState& s) { apply_one(trace, s); }

IsolateRuntime isolate_runtime(const ViewState& s, uint32_t isolate) {
    if (isolate == s.isolate || isolate >= s.parked.size()) {
        if (isolate != s.isolate) return IsolateRuntime{};
        return IsolateRuntime{&s.stack, s.phase, s.current_line};
    }
    const ParkedIsolate& p = s.parked[isolate];
    return IsolateRuntime{&p.stack, p.phase, p.current_line};
}

const PoolView& process_pool(const ViewState& s, uint32_t process) {
    static const PoolView kNone;
    if (process == s.pool_process) return s.pool;
    return process < s.processes.size() ? s.processes[process].pool : kNone;
}

ViewState fold_to(const Trace& trace, size_t cursor) {
    ViewState s = initial_view(trace);
    cursor = std::min(cursor, trace.size());
    while (s.cursor < cursor) apply_one(trace, s);
    PoolSchedule schedule;
    schedule.update(trace);
    schedule.fill(s);
    return s;
}

void PoolSchedule::update(const Trace& trace) {
    const auto& events = trace.events();
    for (; scanned_ < events.size(); scanned_++) {
        const Event& e = events[scanned_];
        time_ns_ = advance_time(time_ns_, e);
        if (e.kind != EventKind::PoolFinished) continue;
        if (finish_ns_.size() <= e.a) finish_ns_.resize(size_t(e.a) + 1, 0);
        finish_ns_[e.a] = time_ns_;
    }
}

void PoolSchedule::fill(ViewState& s) const {
    auto fill_pool = [&](PoolView& pool) {
        for (PoolJob& job : pool.threads) {
            if (job.item != 0 && job.item < finish_ns_.size()) job.finish_ns = finish_ns_[job.item];
        }
    };
    fill_pool(s.pool);
    for (ProcessView& p : s.processes) fill_pool(p.pool);
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
        while (next.cursor < target) apply_one(trace_, next);
        checkpoints_.push_back(std::move(next));
    }
    ViewState s = checkpoints_[wanted];
    while (s.cursor < cursor) apply_one(trace_, s);
    schedule_.update(trace_);
    schedule_.fill(s);
    return s;
}

}  // namespace looplab::trace
