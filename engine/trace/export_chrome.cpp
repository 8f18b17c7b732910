// Chrome Trace Event Format (the JSON Object format that Perfetto and
// chrome://tracing open). One process; per isolate a track for its JS
// thread's call stack and one for its loop's phases; one track per libuv
// pool thread with a slice per job; flow arrows from where a callback was
// queued to where it runs (and from a pool request to its thread and its
// completion callback); counters for queue lengths and the pool.
// docs/trace-format.md lists the records.
#include <array>
#include <map>
#include <vector>

#include "engine/trace/export_buffer.h"
#include "engine/trace/exporters.h"
#include "engine/trace/message_text.h"

namespace looplab::trace {
namespace {

constexpr uint64_t kPid = 1;
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

class ChromeWriter {
public:
    ChromeWriter(const Trace& trace, std::ostream& out) : trace_(trace), out_(out) {}

    void write() {
        out_ << "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n";
        sep();
        out_ << "{\"ph\":\"M\",\"pid\":" << kPid << ",\"tid\":" << uint64_t(0)
             << ",\"name\":\"process_name\",\"args\":{\"name\":";
        out_.quoted("node " + trace_.meta().script_path) << "}}";
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
    void thread_name(uint64_t tid, std::string_view name) {
        sep();
        out_ << "{\"ph\":\"M\",\"pid\":" << kPid << ",\"tid\":" << tid << ",\"name\":\"thread_name\",\"args\":{\"name\":";
        out_.quoted(name) << "}}";
        sep();
        out_ << "{\"ph\":\"M\",\"pid\":" << kPid << ",\"tid\":" << tid
             << ",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":" << tid << "}}";
    }
    // The isolate's tracks, named the first time it appears.
    IsolateTrack& track(uint16_t isolate) {
        IsolateTrack& t = isolates_[isolate];
        if (!t.named) {
            t.named = true;
            if (isolate == 0) {
                thread_name(js_tid(0), "main thread (JavaScript)");
                thread_name(loop_tid(0), "event loop phases");
            } else {
                const std::string n = "isolate " + std::to_string(isolate);
                thread_name(js_tid(isolate), n + " (JavaScript)");
                thread_name(loop_tid(isolate), n + " event loop phases");
            }
        }
        return t;
    }
    void head(char ph, uint64_t tid, uint64_t t) {
        sep();
        out_ << "{\"ph\":\"" << ph << "\",\"pid\":" << kPid << ",\"tid\":" << tid << ",\"ts\":";
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
        out_.quoted(isolate == 0 ? std::string("queue lengths") : "queue lengths (isolate " + std::to_string(isolate) + ")");
        out_ << ",\"args\":{";
        for (size_t i = 0; i < kQueueCount; i++) {
            out_ << (i ? "," : "") << '"' << kQueueNames[i] << "\":" << t.lengths[i];
        }
        out_ << "}}";
    }
    void pool_counter(uint64_t now) {
        head('C', kPoolTid, now);
        out_ << ",\"name\":\"thread pool\",\"args\":{\"waiting\":" << pool_.waiting << ",\"running\":" << pool_.running
             << ",\"done\":" << pool_.done << "}}";
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
            instant(js, t, std::string(e.kind == EventKind::MessagePost ? "post " : "deliver ") + message_summary(e));
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

    // A pool job: queued on the JS thread, a slice on its pool thread, its
    // callback delivered by poll. One flow (id = the request's item) joins them.
    void pool_event(const Event& e, uint64_t t) {
        switch (e.kind) {
        case EventKind::PoolQueued:
            pool_.waiting++;
            flow('s', js_tid(e.isolate), e.a, t, "pool");
            break;
        case EventKind::PoolStarted: {
            if (pool_.waiting > 0) pool_.waiting--;
            pool_.running++;
            const uint64_t tid = pool_thread(e.b);
            begin(tid, t, label(e.a), "pool");
            running_[e.b] = e.a;
            flow('t', tid, e.a, t, "pool");
            break;
        }
        case EventKind::PoolFinished:
            if (pool_.running > 0) pool_.running--;
            pool_.done++;
            if (running_.erase(e.b) > 0) end(pool_thread(e.b), t);
            break;
        case EventKind::IoReady:
            if (e.b == 0) {  // a pool completion (1 = a socket event, not a pool job)
                if (pool_.done > 0) pool_.done--;
                flow('f', js_tid(e.isolate), e.a, t, "pool");
            }
            break;
        default: break;
        }
        pool_counter(t);
    }

    uint64_t pool_thread(uint32_t thread) {
        const uint64_t tid = kPoolTid + thread;
        if (pool_named_.size() <= thread) pool_named_.resize(size_t(thread) + 1, false);
        if (!pool_named_[thread]) {
            pool_named_[thread] = true;
            thread_name(tid, "libuv pool thread " + std::to_string(thread));
        }
        return tid;
    }

    // A run that ended inside a callback (process.exit, a limit) closes its slices.
    void close_all(uint64_t now) {
        for (auto& [isolate, iso] : isolates_) {
            for (; iso.depth > 0; iso.depth--) end(js_tid(isolate), now);
            if (iso.in_phase) end(loop_tid(isolate), now);
        }
        for (const auto& [thread, item] : running_) end(kPoolTid + thread, now);
    }

    const Trace& trace_;
    ExportBuffer out_;
    bool first_ = true;
    std::map<uint16_t, IsolateTrack> isolates_;  // ordered: closing order is deterministic
    std::map<uint32_t, uint32_t> running_;        // pool thread -> item it runs
    std::vector<bool> pool_named_;
    PoolCounts pool_;
};

}  // namespace

void write_chrome(const Trace& trace, std::ostream& out) { ChromeWriter(trace, out).write(); }

}  // namespace looplab::trace
