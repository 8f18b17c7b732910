// Seeking in a million-event trace recorded from a real run: the Seeker's
// answer at scattered cursors equals the fold from the first event. (The
// time a seek takes is measured by `looplab trace --stats`, printed by
// bench/run-eventloop.sh and recorded in docs/perf.md.)
#include <doctest/doctest.h>

#include <unistd.h>  // getpid: CTest runs test cases as parallel processes

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/node/process_run.h"
#include "engine/trace/fold.h"
#include "engine/trace/trace.h"

using namespace looplab::trace;

namespace {

Trace record_immediates(int count) {
    const auto dir = std::filesystem::temp_directory_path() / ("looplab-test-seek-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    looplab::node::RunConfig config;
    config.script_path = (dir / "immediates.js").string();
    std::ofstream(config.script_path) << "let n = 0;\nfunction tick() {\n  n++;\n  if (n % 5000 === 0) console.log(n);\n"
                                         "  if (n < " + std::to_string(count) + ") setImmediate(tick);\n}\nsetImmediate(tick);\n";
    looplab::node::BufferSink out;
    Trace t;
    looplab::node::run_program_recorded(config, out, t);
    return t;
}

// The parts of the view every panel draws.
void check_same_view(const ViewState& a, const ViewState& b) {
    CHECK(a.cursor == b.cursor);
    CHECK(a.time_ns == b.time_ns);
    CHECK(a.current_line == b.current_line);
    CHECK(a.current_column == b.current_column);
    CHECK(a.phase == b.phase);
    CHECK(a.loop_iteration == b.loop_iteration);
    CHECK(a.rule == b.rule);
    CHECK(a.finished == b.finished);
    REQUIRE(a.stack.size() == b.stack.size());
    for (size_t i = 0; i < a.stack.size(); i++) CHECK(a.stack[i].name == b.stack[i].name);
    for (size_t q = 0; q < kQueueCount; q++) {
        REQUIRE(a.queues[q].size() == b.queues[q].size());
        for (size_t i = 0; i < a.queues[q].size(); i++) CHECK(a.queues[q][i].item == b.queues[q][i].item);
    }
    REQUIRE(a.console.size() == b.console.size());
    for (size_t i = 0; i < a.console.size(); i++) CHECK(a.console[i].text == b.console[i].text);
}

}  // namespace

TEST_CASE("seek: a million-event trace, scattered cursors, equal to the fold from zero") {
    const Trace t = record_immediates(45'000);
    REQUIRE(t.size() >= 1'000'000);
    Seeker seeker(t);
    // Scattered, out of order, both sides of checkpoint boundaries, the ends.
    const size_t interval = seeker.interval();
    const size_t cursors[] = {t.size(), 0, t.size() / 2 + 1, interval, interval - 1, t.size() - 1,
                              t.size() / 3 * 2 + 7, 12'345, 999'999};
    for (const size_t cursor : cursors) {
        CAPTURE(cursor);
        check_same_view(seeker.seek(cursor), fold_to(t, cursor));
    }
    const ViewState end = seeker.seek(t.size());
    CHECK(end.finished);
    CHECK(end.console.size() == 9);
    CHECK(end.console.back().text == "45000");
}
