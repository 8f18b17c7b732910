// The trace's size limit: a runaway program under trace ends at the limit
// with its message and exit code 120, and memory stays bounded even when
// no safe point comes.
#include <doctest/doctest.h>

#include <unistd.h>  // getpid: CTest runs test cases as parallel processes

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/node/process_run.h"
#include "engine/trace/trace.h"

using namespace looplab::trace;

namespace {

struct Recorded {
    int exit_code = 0;
    std::string stderr_text;
    Trace trace;
};

Recorded record(const std::string& name, const std::string& source, uint64_t max_events, bool steps) {
    const auto dir = std::filesystem::temp_directory_path() / ("looplab-test-limits-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    looplab::node::RunConfig config;
    config.script_path = (dir / name).string();
    config.limits.max_trace_events = max_events;
    std::ofstream(config.script_path) << source;
    looplab::node::BufferSink out;
    Recorded r;
    looplab::node::RecordOptions options;
    options.record_steps = steps;
    r.exit_code = looplab::node::run_program_recorded(config, out, r.trace, options).exit_code;
    r.stderr_text = out.stderr_text;
    return r;
}

// The run ended at the trace limit: the message on stderr and as the
// trace's Limit event, exit code 120, the trace just past the limit.
void check_stopped_at_limit(const Recorded& r, uint64_t max_events) {
    const std::string message = "trace limit of " + std::to_string(max_events) + " events reached (use --max-trace-events)";
    CHECK(r.exit_code == 120);
    CHECK(r.stderr_text == "looplab: " + message + "\n");
    REQUIRE(r.trace.size() >= 2);
    CHECK(r.trace.size() >= max_events);
    CHECK(r.trace.size() < max_events + Trace::kLimitSlack);
    CHECK(r.trace.dropped() == 0);
    const Event& limit = r.trace.events()[r.trace.size() - 2];
    CHECK(limit.kind == EventKind::Limit);
    CHECK(r.trace.str(limit.a) == message);
    CHECK(r.trace.events().back().kind == EventKind::ProcessExit);
    CHECK(r.trace.events().back().a == 120);
}

}  // namespace

TEST_CASE("trace limit: a setInterval that never stops ends at the limit, with or without steps") {
    for (const bool steps : {false, true}) {
        CAPTURE(steps);
        const Recorded r = record("interval.js", "setInterval(() => {}, 0);\n", 30'000, steps);
        check_stopped_at_limit(r, 30'000);
    }
}

TEST_CASE("trace limit: a busy loop under trace ends at the limit at a statement") {
    const Recorded r = record("busy.js", "let n = 0;\nfor (;;) { n++; }\n", 50'000, true);
    check_stopped_at_limit(r, 50'000);
}

TEST_CASE("trace limit: a program under the limit is untouched") {
    const Recorded r = record("small.js", "setTimeout(() => console.log('done'), 5);\n", 30'000, true);
    CHECK(r.exit_code == 0);
    CHECK(r.stderr_text.empty());
    CHECK(r.trace.events().back().kind == EventKind::ProcessExit);
}

TEST_CASE("trace limit: past the slack, append drops events and counts them") {
    Trace t;
    t.set_event_limit(10);
    for (uint64_t i = 0; i < 10; i++) t.append(i, EventKind::Step, Rule::None, uint32_t(i));
    CHECK(t.full());
    const size_t extra = Trace::kLimitSlack + 1000;
    for (size_t i = 0; i < extra; i++) t.append(100 + i, EventKind::Step, Rule::None);
    CHECK(t.size() < 10 + Trace::kLimitSlack);
    CHECK(t.size() + t.dropped() == 10 + extra);
    CHECK(t.memory_use().reserved <= (10 + Trace::kLimitSlack) * sizeof(Event));
}

TEST_CASE("trace limit: no limit by default (merged traces, tests)") {
    Trace t;
    CHECK(t.event_limit() == SIZE_MAX);
    for (uint64_t i = 0; i < 300'000; i++) t.append(i, EventKind::Step, Rule::None);
    CHECK(t.size() == 300'000);
    CHECK(!t.full());
    CHECK(t.dropped() == 0);
}
