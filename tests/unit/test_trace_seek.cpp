// Seeking in a million-event trace recorded from a real run: the Seeker's
// answer at scattered cursors equals the fold from the first event. (The
// time a seek takes is measured by `looplab trace --stats`, printed by
// bench/run-eventloop.sh and recorded in docs/perf.md.)
#include <doctest/doctest.h>

#include <unistd.h>  // getpid: CTest runs test cases as parallel processes

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/node/process_run.h"
#include "engine/trace/fold.h"
#include "engine/trace/trace.h"

using namespace looplab::trace;

namespace {

Trace record(const std::string& name, const std::string& source) {
    const auto dir = std::filesystem::temp_directory_path() / ("looplab-test-seek-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    looplab::node::RunConfig config;
    config.script_path = (dir / name).string();
    std::ofstream(config.script_path) << source;
    looplab::node::BufferSink out;
    Trace t;
    looplab::node::run_program_recorded(config, out, t);
    return t;
}

Trace record_immediates(int count) {
    return record("immediates.js", "let n = 0;\nfunction tick() {\n  n++;\n  if (n % 5000 === 0) console.log(n);\n"
                                   "  if (n < " + std::to_string(count) + ") setImmediate(tick);\n}\nsetImmediate(tick);\n");
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
    for (size_t i = 0; i < a.console.size(); i++) {
        CHECK(a.console[i].text == b.console[i].text);
        CHECK(a.console[i].stream == b.console[i].stream);
    }
    CHECK(a.open_line == b.open_line);
    CHECK(a.isolate == b.isolate);
    for (size_t i = 0; i < std::min(a.parked.size(), b.parked.size()); i++) {
        CHECK(a.parked[i].stack.size() == b.parked[i].stack.size());
        for (size_t q = 0; q < kQueueCount; q++) CHECK(a.parked[i].queues[q].size() == b.parked[i].queues[q].size());
    }
    CHECK(a.pool.waiting.size() == b.pool.waiting.size());
    CHECK(a.pool.completed.size() == b.pool.completed.size());
}

bool timers_in_firing_order(const ViewState& v) {
    const auto& q = v.queue(QueueKind::Timers);
    return std::is_sorted(q.begin(), q.end(), [](const QueueEntry& x, const QueueEntry& y) {
        return x.due_ms != y.due_ms ? x.due_ms < y.due_ms : x.item < y.item;
    });
}

// Seeks to the end first (every checkpoint is built and shares its chunks
// with the next), then to scattered cursors in a scrambled order: each
// answer must equal the fold from zero, so no checkpoint was changed by a
// later one.
void check_scattered_seeks(const Trace& t, size_t interval) {
    Seeker seeker(t, interval);
    seeker.seek(t.size());
    const size_t step = std::max<size_t>(t.size() / 23, 1);
    for (size_t k = 0; k <= 23; k++) {
        const size_t cursor = std::min(t.size(), (k * 7 % 24) * step + k);
        CAPTURE(cursor);
        const ViewState sought = seeker.seek(cursor);
        CHECK(timers_in_firing_order(sought));
        check_same_view(sought, fold_to(t, cursor));
    }
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

// Small versions of the bench/seek programs: each stresses one part of the
// state that checkpoints share in chunks or copy.
TEST_CASE("seek: thousands of pending timers re-armed into the middle of the heap") {
    const Trace t = record("timers.js", R"(let seed = 7, fired = 0;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
function fire() { if (++fired <= 1500) setTimeout(fire, 1 + (next() % 300)); }
for (let i = 0; i < 3000; i++) setTimeout(fire, 1 + (next() % 300));
setTimeout(() => clearTimeout(setTimeout(fire, 150)), 20);
)");
    size_t biggest = 0;
    Seeker seeker(t, 512);
    for (size_t c = 0; c <= t.size(); c += 997) biggest = std::max(biggest, seeker.seek(c).queue(QueueKind::Timers).size());
    CHECK(biggest > 2500);
    check_scattered_seeks(t, 512);
}

TEST_CASE("seek: a deep call stack") {
    const Trace t = record("deep.js", R"(let total = 0;
function dive(d) { if (d === 0) { for (let i = 0; i < 3000; i++) total += i; return 0; } return dive(d - 1) + 1; }
console.log(dive(600), total);
)");
    CHECK(fold_to(t, t.size() / 2).stack.size() > 600);
    check_scattered_seeks(t, 256);
}

TEST_CASE("seek: a long console whose unfinished line waits while the other stream writes chunks of lines") {
    // The stdout line stays open across 700 stderr lines, so finishing it
    // edits a console chunk that earlier checkpoints share.
    const Trace t = record("console.js", R"(for (let i = 0; i < 2000; i++) console.log('line ' + i);
process.stdout.write('open');
for (let i = 0; i < 700; i++) console.error('err ' + i);
process.stdout.write(' and closed\n');
for (let i = 0; i < 300; i++) console.log('after ' + i);
)");
    const ViewState end = fold_to(t, t.size());
    REQUIRE(end.console.size() == 3001);
    CHECK(end.console[2000].text == "open and closed");
    check_scattered_seeks(t, 128);
    // Seeks after the line closed never leak into a view from before it.
    Seeker seeker(t, 128);
    seeker.seek(t.size());
    for (size_t c = 0; c < t.size(); c += 61) {
        const ViewState v = seeker.seek(c);
        if (v.console.size() > 2000 && v.open_line[0] == 2000) CHECK(v.console[2000].text == "open");
    }
}

TEST_CASE("seek: many thread-pool jobs waiting") {
    const Trace t = record("pool.js", R"(const crypto = require('crypto');
let done = 0;
for (let i = 0; i < 400; i++) crypto.pbkdf2('s', 'salt', 1, 8, 'sha256', () => { if (++done === 400) console.log(done); });
)");
    CHECK(fold_to(t, t.size() / 3).pool.waiting.size() > 100);
    check_scattered_seeks(t, 256);
}

TEST_CASE("seek: several isolates switching at nearly every event") {
    const Trace t = record("workers.js", R"(const { Worker, isMainThread, parentPort } = require('worker_threads');
let n = 0;
if (isMainThread) {
  for (let w = 0; w < 3; w++) new Worker(__filename).on('message', (m) => console.log('done', m));
  const spin = () => { if (++n < 300) setImmediate(spin); };
  setImmediate(spin);
} else {
  const spin = () => { if (++n < 300) setImmediate(spin); else parentPort.postMessage(n); };
  setImmediate(spin);
}
)");
    CHECK(fold_to(t, t.size()).isolates.size() >= 4);
    check_scattered_seeks(t, 256);
}
