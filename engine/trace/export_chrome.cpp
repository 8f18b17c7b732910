// Chrome Trace Event Format (the JSON Object format that Perfetto and
// chrome://tracing open). One Chrome process per simulated process (its
// pid from the trace's isolate table); per isolate a track for its JS
// thread's call stack and one for its loop's phases, under its process;
// one track per libuv pool thread of each process with a slice per job; flow arrows from where a callback was
// queued to where it runs (and from a pool request to its thread and its
// completion callback); counters for queue lengths and the pool.
// docs/trace-format.md lists the records.
#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include "engine/trace/export_buffer.h"
#include "engine/trace/exporters.h"
#include "engine/trace/message_text.h"

namespace looplab::trace {
namespace {

constexpr uint64_t kPid = 1;  // every isolate's process when the trace has no isolate table
// Isolate i: JS thread 2i+1, its loop's phases 2i+2 (the main thread keeps
// tids 1 and 2). Pool thread k: kPoolTid + k.
constexpr uint64_t kPoolTid = 100'000;
uint64_t js_tid(uint16_t isolate) { return 2 * uint64_t(isolate) + 1; }
uint64_t loop_tid(uint16_t isolate) { return 2 * uint64_t(isolate) + 2; }

// What the writer remembers per isolate to close slices and count queues.
struct IsolateTrack {
    bool named = false;
    size_t depth = 0;
    bool in_phase = false;
    std::array<uint64_t, kQueueCount> lengths{};
};

struct PoolCounts {
    uint64_t waiting = 0;  // queued, no thread yet
    uint64_t running = 0;
    uint64_t done = 0;     // finished, waiting for poll to deliver it
};

// One process's pool: its counts, which job each thread runs, which
// thread tracks are named.
struct ProcessPool {
    PoolCounts counts;
    std::map<uint32_t, uint32_t> running;  // pool thread -> item it runs (ordered: closing order)
    std::vector<bool> named;
};

class ChromeWriter {
public:
    ChromeWriter(const Trace& trace, std::ostream& out) : trace_(trace), out_(out) {}

    void write() {
        out_ << "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n";
        process_names();
        uint64_t now = 0;
        for (const Event& e : trace_.events()) {
            now = advance_time(now, e);
            event(e, now);
            out_.maybe_flush();
        }
        close_all(now);
        out_ << "\n]}\n";
        out_.flush();
    }

private:
    void sep() {
        if (!first_) out_ << ",\n";
        first_ = false;
    }
    // The Chrome pid of an isolate: its process's pid in the isolate table.
    uint64_t pid_of(uint16_t isolate) const {
        const IsolateInfo* info = trace_.isolate_info(isolate);
        return info != nullptr && info->pid > 0 ? uint64_t(info->pid) : kPid;
    }
    // One process_name record per process (the table's main threads of
    // processes, in id order): the root is "node SCRIPT", a child its name.
    void process_names() {
        std::vector<uint64_t> named;
        auto name = [&](uint64_t pid, const std::string& text, uint64_t sort) {
            if (std::find(named.begin(), named.end(), pid) != named.end()) return;
            named.push_back(pid);
            sep();
            out_ << "{\"ph\":\"M\",\"pid\":" << pid << ",\"tid\":" << uint64_t(0)
                 << ",\"name\":\"process_name\",\"args\":{\"name\":";
            out_.quoted(text) << "}}";
            sep();
            out_ << "{\"ph\":\"M\",\"pid\":" << pid << ",\"tid\":" << uint64_t(0)
                 << ",\"name\":\"process_sort_index\",\"args\":{\"sort_index\":" << sort << "}}";
        };
        const std::string root = "node " + trace_.meta().script_path;
        name(pid_of(0), root, 0);
        for (const IsolateInfo& info : trace_.isolate_table()) {
            if (info.shares_process() || info.id == 0) continue;
            name(pid_of(info.id), info.name + " (pid " + std::to_string(info.pid) + ")", info.id);
        }
    }
    void thread_name(uint64_t pid, uint64_t tid, std::string_view name) {
        sep();
        out_ << "{\"ph\":\"M\",\"pid\":" << pid << ",\"tid\":" << tid << ",\"name\":\"thread_name\",\"args\":{\"name\":";
        out_.quoted(name) << "}}";
        sep();
        out_ << "{\"ph\":\"M\",\"pid\":" << pid << ",\"tid\":" << tid
             << ",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":" << tid << "}}";
    }
    // The isolate's tracks, named the first time it appears: the root's main
    // thread plainly, others by their name in the isolate table.
    IsolateTrack& track(uint16_t isolate) {
        IsolateTrack& t = isolates_[isolate];
        if (!t.named) {
            t.named = true;
            const uint64_t pid = pid_of(isolate);
            if (isolate == 0) {
                thread_name(pid, js_tid(0), "main thread (JavaScript)");
                thread_name(pid, loop_tid(0), "event loop phases");
            } else {
                const std::string n = trace_.isolate_name(isolate);
                thread_name(pid, js_tid(isolate), n + " (JavaScript)");
                thread_name(pid, loop_tid(isolate), n + " event loop phases");
            }
        }
        return t;
    }
    // Every record of a thread's track: its pid follows from the tid (an
    // isolate's JS and loop tracks) or is given (pool threads).
    void head(char ph, uint64_t tid, uint64_t t) {
        const uint64_t pid = tid >= kPoolTid ? pool_pid_ : pid_of(uint16_t((tid - 1) / 2));
        head(ph, pid, tid, t);
    }
    void head(char ph, uint64_t pid, uint64_t tid, uint64_t t) {
        sep();
        out_ << "{\"ph\":\"" << ph << "\",\"pid\":" << pid << ",\"tid\":" << tid << ",\"ts\":";
        out_.micros(t);
    }
    void begin(uint64_t tid, uint64_t t, std::string_view name, std::string_view cat) {
        head('B', tid, t);
        out_ << ",\"name\":";
        out_.quoted(name) << ",\"cat\":\"" << cat << "\"}";
    }
    void end(uint64_t tid, uint64_t t) {
        head('E', tid, t);
        out_ << '}';
    }
    void instant(uint64_t tid, uint64_t t, std::string_view name, char scope = 't') {
        head('i', tid, t);
        out_ << ",\"s\":\"" << scope << "\",\"name\":";
        out_.quoted(name);
    }
    // Flow events bind to a slice on their own track: `s` and `t` to the
    // slice around them, `f` to the next slice that starts (the callback).
    void flow(char ph, uint64_t tid, uint32_t item, uint64_t t, std::string_view cat) {
        head(ph, tid, t);
        out_ << ",\"id\":" << uint64_t(item) << ",\"name\":\"" << cat << "\",\"cat\":\"" << cat << "\"}";
    }
    void queue_counter(uint16_t isolate, const IsolateTrack& t, uint64_t now) {
        head('C', js_tid(isolate), now);
        out_ << ",\"name\":";
        out_.quoted(isolate == 0 ? std::string("queue lengths")
                                 : "queue lengths (" + trace_.isolate_name(isolate) + ")");
        out_ << ",\"args\":{";
        for (size_t i = 0; i < kQueueCount; i++) {
            out_ << (i ? "," : "") << '"' << kQueueNames[i] << "\":" << t.lengths[i];
        }
        out_ << "}}";
    }
    void pool_counter(const PoolCounts& counts, uint64_t now) {
        head('C', kPoolTid, now);
        out_ << ",\"name\":\"thread pool\",\"args\":{\"waiting\":" << counts.waiting << ",\"running\":" << counts.running
             << ",\"done\":" << counts.done << "}}";
    }
    std::string_view label(uint32_t item) const { return trace_.str(trace_.item(item).label); }

    void event(const Event& e, uint64_t t) {
        IsolateTrack& iso = track(e.isolate);
        const uint64_t js = js_tid(e.isolate);
        const uint64_t loop = loop_tid(e.isolate);
        switch (e.kind) {
        case EventKind::CallPush:
            begin(js, t, trace_.str(e.a), (e.b & 1) ? "node" : "js");
            iso.depth++;
            break;
        case EventKind::CallPop:
            if (iso.depth > 0) end(js, t), iso.depth--;
            break;
        case EventKind::PhaseEnter:
            if (iso.in_phase) end(loop, t);
            begin(loop, t, phase_name(static_cast<Phase>(e.a)), "phase");
            iso.in_phase = true;
            break;
        case EventKind::PhaseLeave:
            if (iso.in_phase) end(loop, t);
            iso.in_phase = false;
            break;
        case EventKind::Enqueue:
        case EventKind::Dequeue:
        case EventKind::Cancel: queue_event(e, iso, t); break;
        case EventKind::LoopIteration:
            instant(loop, t, "iteration " + std::to_string(e.a));
            out_ << '}';
            break;
        case EventKind::ClockAdvance:
            instant(loop, t, "poll waited " + std::to_string(e.a) + " ms");
            out_ << '}';
            break;
        case EventKind::ConsoleWrite:
            instant(js, t, e.b ? "stderr" : "stdout");
            out_ << ",\"args\":{\"text\":";
            out_.quoted(trace_.str(e.a)) << "}}";
            break;
        case EventKind::Race:
            instant(js, t, "race: " + std::string(label(e.a)));
            out_ << ",\"args\":{\"rule\":";
            out_.quoted(rule_text(static_cast<Rule>(e.rule))) << "}}";
            break;
        case EventKind::Uncaught:
        case EventKind::Limit:
            instant(js, t, trace_.str(e.a), 'g');
            out_ << '}';
            break;
        case EventKind::ProcessExit:
            instant(js, t, "exit " + std::to_string(int32_t(e.a)), 'g');
            out_ << '}';
            break;
        case EventKind::Emit:
            instant(js, t, "emit '" + trace_.str(e.a) + "'");
            out_ << '}';
            break;
        case EventKind::PoolQueued:
        case EventKind::PoolStarted:
        case EventKind::PoolFinished:
        case EventKind::IoReady: pool_event(e, t); break;
        case EventKind::MessagePost:
        case EventKind::MessageDeliver:
            instant(js, t, std::string(e.kind == EventKind::MessagePost ? "post " : "deliver ") + message_summary(e, trace_));
            out_ << '}';
            break;
        case EventKind::TimeJump:
        case EventKind::Step:
        case EventKind::HandleRef: break;
        }
    }

    void queue_event(const Event& e, IsolateTrack& iso, uint64_t t) {
        const size_t q = e.b < kQueueCount ? e.b : 0;
        if (e.kind == EventKind::Enqueue) {
            iso.lengths[q]++;
            flow('s', js_tid(e.isolate), e.a, t, "enqueue");
        } else {
            if (iso.lengths[q] > 0) iso.lengths[q]--;
            if (e.kind == EventKind::Dequeue) flow('f', js_tid(e.isolate), e.a, t, "enqueue");
        }
        queue_counter(e.isolate, iso, t);
    }

    // A pool job: queued on the JS thread, a slice on a pool thread of the
    // queueing isolate's process, its callback delivered by poll. One flow
    // (id = the request's item) joins them.
    void pool_event(const Event& e, uint64_t t) {
        pool_pid_ = pid_of(e.isolate);
        ProcessPool& pool = pools_[pool_pid_];
        PoolCounts& counts = pool.counts;
        switch (e.kind) {
        case EventKind::PoolQueued:
            counts.waiting++;
            flow('s', js_tid(e.isolate), e.a, t, "pool");
            break;
        case EventKind::PoolStarted: {
            if (counts.waiting > 0) counts.waiting--;
            counts.running++;
            const uint64_t tid = pool_thread(pool, e.b);
            begin(tid, t, label(e.a), "pool");
            pool.running[e.b] = e.a;
            flow('t', tid, e.a, t, "pool");
            break;
        }
        case EventKind::PoolFinished:
            if (counts.running > 0) counts.running--;
            counts.done++;
            if (pool.running.erase(e.b) > 0) end(pool_thread(pool, e.b), t);
            break;
        case EventKind::IoReady:
            if (e.b == 0) {  // a pool completion (1 = a socket event, not a pool job)
                if (counts.done > 0) counts.done--;
                flow('f', js_tid(e.isolate), e.a, t, "pool");
            }
            break;
        default: break;
        }
        pool_counter(counts, t);
    }

    // Pool thread `thread` of the process pool_pid_.
    uint64_t pool_thread(ProcessPool& pool, uint32_t thread) {
        const uint64_t tid = kPoolTid + thread;
        if (pool.named.size() <= thread) pool.named.resize(size_t(thread) + 1, false);
        if (!pool.named[thread]) {
            pool.named[thread] = true;
            thread_name(pool_pid_, tid, "libuv pool thread " + std::to_string(thread));
        }
        return tid;
    }

    // A run that ended inside a callback (process.exit, a limit) closes its slices.
    void close_all(uint64_t now) {
        for (auto& [isolate, iso] : isolates_) {
            for (; iso.depth > 0; iso.depth--) end(js_tid(isolate), now);
            if (iso.in_phase) end(loop_tid(isolate), now);
        }
        for (const auto& [pid, pool] : pools_) {
            for (const auto& [thread, item] : pool.running) head('E', pid, kPoolTid + thread, now), out_ << '}';
        }
    }

    const Trace& trace_;
    ExportBuffer out_;
    bool first_ = true;
    std::map<uint16_t, IsolateTrack> isolates_;  // ordered: closing order is deterministic
    std::map<uint64_t, ProcessPool> pools_;      // by Chrome pid, ordered: closing order is deterministic
    uint64_t pool_pid_ = kPid;                    // the process of the pool event being written
};

}  // namespace

void write_chrome(const Trace& trace, std::ostream& out) { ChromeWriter(trace, out).write(); }

}  // namespace looplab::trace
