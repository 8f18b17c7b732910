// Chrome Trace Event Format (the JSON Array/Object format that Perfetto and
// chrome://tracing open): one process, a track for the JS thread's call
// stack and one for the loop's phases, flow arrows from each enqueue to the
// run of the same callback, and counters for queue lengths.
#include <array>
#include <cstdio>
#include <vector>

#include "engine/trace/exporters.h"

namespace looplab::trace {
namespace {

constexpr int kPid = 1;
constexpr int kJsThread = 1;
constexpr int kLoopThread = 2;

// Microseconds with nanosecond precision, without float rounding noise.
std::string micros(uint64_t ns) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%llu.%03llu", static_cast<unsigned long long>(ns / 1000),
                  static_cast<unsigned long long>(ns % 1000));
    return buf;
}

class ChromeWriter {
public:
    ChromeWriter(const Trace& trace, std::ostream& out) : trace_(trace), out_(out) {}

    void write() {
        out_ << "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n";
        metadata("process_name", 0, "{\"name\":" + json_quote("node " + trace_.meta().script_path) + "}");
        metadata("thread_name", kJsThread, "{\"name\":\"main thread (JavaScript)\"}");
        metadata("thread_name", kLoopThread, "{\"name\":\"event loop phases\"}");
        uint64_t now = 0;
        for (const Event& e : trace_.events()) {
            now = advance_time(now, e);
            event(e, now);
        }
        // A run that ended inside a callback (process.exit, a limit) closes its slices.
        while (depth_ > 0) end(kJsThread, now), depth_--;
        if (in_phase_) end(kLoopThread, now);
        out_ << "\n]}\n";
    }

private:
    void sep() {
        if (!first_) out_ << ",\n";
        first_ = false;
    }
    void metadata(const char* name, int tid, const std::string& args) {
        sep();
        out_ << "{\"ph\":\"M\",\"pid\":" << kPid << ",\"tid\":" << tid << ",\"name\":\"" << name
             << "\",\"args\":" << args << '}';
    }
    void begin(int tid, uint64_t t, const std::string& name, const char* cat) {
        sep();
        out_ << "{\"ph\":\"B\",\"pid\":" << kPid << ",\"tid\":" << tid << ",\"ts\":" << micros(t)
             << ",\"name\":" << json_quote(name) << ",\"cat\":\"" << cat << "\"}";
    }
    void end(int tid, uint64_t t) {
        sep();
        out_ << "{\"ph\":\"E\",\"pid\":" << kPid << ",\"tid\":" << tid << ",\"ts\":" << micros(t) << '}';
    }
    void instant(int tid, uint64_t t, const std::string& name, const std::string& args, char scope = 't') {
        sep();
        out_ << "{\"ph\":\"i\",\"s\":\"" << scope << "\",\"pid\":" << kPid << ",\"tid\":" << tid
             << ",\"ts\":" << micros(t) << ",\"name\":" << json_quote(name) << ",\"args\":" << args << '}';
    }
    void flow(char ph, uint32_t id, uint64_t t) {
        sep();
        out_ << "{\"ph\":\"" << ph << "\",\"id\":" << id << ",\"pid\":" << kPid << ",\"tid\":" << kJsThread
             << ",\"ts\":" << micros(t) << ",\"name\":\"enqueue\",\"cat\":\"flow\""
             << (ph == 'f' ? ",\"bp\":\"e\"" : "") << '}';
    }
    void counters(uint64_t t) {
        sep();
        out_ << "{\"ph\":\"C\",\"pid\":" << kPid << ",\"tid\":" << kJsThread << ",\"ts\":" << micros(t)
             << ",\"name\":\"queue lengths\",\"args\":{";
        for (size_t i = 0; i < kQueueCount; i++) {
            out_ << (i ? "," : "") << '"' << kQueueNames[i] << "\":" << lengths_[i];
        }
        out_ << "}}";
    }
    std::string label(uint32_t item) const { return trace_.str(trace_.item(item).label); }

    void event(const Event& e, uint64_t t) {
        switch (e.kind) {
        case EventKind::CallPush:
            begin(kJsThread, t, trace_.str(e.a), (e.b & 1) ? "node" : "js");
            depth_++;
            break;
        case EventKind::CallPop:
            if (depth_ > 0) end(kJsThread, t), depth_--;
            break;
        case EventKind::PhaseEnter:
            begin(kLoopThread, t, std::string(phase_name(static_cast<Phase>(e.a))), "phase");
            in_phase_ = true;
            break;
        case EventKind::PhaseLeave:
            if (in_phase_) end(kLoopThread, t);
            in_phase_ = false;
            break;
        case EventKind::Enqueue:
        case EventKind::Dequeue:
        case EventKind::Cancel: {
            const size_t q = e.b < kQueueCount ? e.b : 0;
            if (e.kind == EventKind::Enqueue) {
                lengths_[q]++;
                flow('s', e.a, t);
            } else {
                if (lengths_[q] > 0) lengths_[q]--;
                if (e.kind == EventKind::Dequeue) flow('f', e.a, t);
            }
            counters(t);
            break;
        }
        case EventKind::LoopIteration:
            instant(kLoopThread, t, "iteration " + std::to_string(e.a), "{}");
            break;
        case EventKind::ClockAdvance:
            instant(kLoopThread, t, "poll waited " + std::to_string(e.a) + " ms", "{}");
            break;
        case EventKind::ConsoleWrite:
            instant(kJsThread, t, e.b ? "stderr" : "stdout", "{\"text\":" + json_quote(trace_.str(e.a)) + "}");
            break;
        case EventKind::Race:
            instant(kJsThread, t, "race: " + label(e.a), "{\"rule\":" + json_quote(rule_text(static_cast<Rule>(e.rule))) + "}");
            break;
        case EventKind::Uncaught:
        case EventKind::Limit:
            instant(kJsThread, t, trace_.str(e.a), "{}", 'g');
            break;
        case EventKind::ProcessExit:
            instant(kJsThread, t, "exit " + std::to_string(int32_t(e.a)), "{}", 'g');
            break;
        case EventKind::Emit:
            instant(kJsThread, t, "emit '" + trace_.str(e.a) + "'", "{}");
            break;
        case EventKind::PoolQueued:
        case EventKind::PoolStarted:
        case EventKind::PoolFinished:
        case EventKind::IoReady:
            instant(kLoopThread, t, std::string(event_kind_name(e.kind)) + " " + label(e.a),
                    "{\"thread\":" + std::to_string(e.b) + "}");
            break;
        case EventKind::TimeJump:
        case EventKind::Step:
        case EventKind::HandleRef:
            break;
        }
    }

    const Trace& trace_;
    std::ostream& out_;
    bool first_ = true;
    size_t depth_ = 0;
    bool in_phase_ = false;
    std::array<uint64_t, kQueueCount> lengths_{};
};

}  // namespace

void write_chrome(const Trace& trace, std::ostream& out) { ChromeWriter(trace, out).write(); }

}  // namespace looplab::trace
