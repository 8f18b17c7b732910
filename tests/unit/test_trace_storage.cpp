// The trace's packed storage (event_store.h, item_store.h): what goes in
// comes back out, at the limits of every packed field, through indexing and
// through iteration alike, and the memory it reports is what it holds.
#include <doctest/doctest.h>

#include <unistd.h>  // getpid: CTest runs test cases as parallel processes

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "engine/node/process_run.h"
#include "engine/trace/exporters.h"
#include "engine/trace/trace.h"

using namespace looplab::trace;

namespace {

bool same(const Event& x, const Event& y) {
    return x.kind == y.kind && x.rule == y.rule && x.isolate == y.isolate && x.a == y.a && x.b == y.b &&
           x.dt_ns == y.dt_ns;
}

// Appends `want` to the trace at the times its deltas give.
void append_all(Trace& t, const std::vector<Event>& want) {
    uint64_t now = 0;
    for (const Event& e : want) {
        now += e.dt_ns;
        t.append(now, e.kind, static_cast<Rule>(e.rule), e.a, e.b, e.isolate);
    }
}

// Every event read back by index and by iteration (from the start and from
// every position) equals what was appended.
void check_round_trip(const Trace& t, const std::vector<Event>& want) {
    REQUIRE(t.size() == want.size());
    size_t i = 0;
    for (const Event& e : t.events()) {
        CHECK(same(e, want[i]));
        CHECK(same(t.events()[i], want[i]));
        i++;
    }
    CHECK(i == want.size());
    for (size_t from = 0; from < want.size(); from++) {
        auto it = t.events().from(from);
        CHECK(same(*it, want[from]));
        if (from + 1 < want.size()) CHECK(same(*++it, want[from + 1]));
    }
}

}  // namespace

TEST_CASE("trace storage: deltas at and around the escape value round-trip") {
    const std::vector<uint32_t> deltas{0,         1,         kDtEscape - 1, kDtEscape, kDtEscape + 1, 0,
                                       12345,     kDtEscape, kDtEscape,     0xFFFFFFFFu, 7,          kDtEscape - 1};
    std::vector<Event> want;
    for (const uint32_t dt : deltas) want.push_back(Event{EventKind::Step, 0, 0, dt, ~dt, dt});
    Trace t;
    append_all(t, want);
    check_round_trip(t, want);
}

TEST_CASE("trace storage: a gap past 32 bits is a time_jump, as before") {
    Trace t;
    t.append(10, EventKind::Step, Rule::None, 1, 2);
    t.append(10 + (uint64_t(1) << 33), EventKind::Step, Rule::None, 3, 4, 5);
    REQUIRE(t.size() == 3);
    const Event jump = t.events()[1];
    CHECK(jump.kind == EventKind::TimeJump);
    CHECK(jump.isolate == 5);
    CHECK((uint64_t(jump.a) | uint64_t(jump.b) << 32) == 10 + (uint64_t(1) << 33));
    CHECK(t.events()[2].dt_ns == 0);
    CHECK(event_times(t).back() == t.end_time_ns());
}

TEST_CASE("trace storage: kinds, rules and operands at their limits") {
    std::vector<Event> want;
    for (size_t k = 0; k < kEventKindCount; k++) {
        if (EventKind(k) == EventKind::TimeJump) continue;  // append() writes those itself
        for (const size_t r : {size_t(0), size_t(1), kRuleCount - 1}) {
            want.push_back(Event{EventKind(k), uint8_t(r), 0, 0xFFFFFFFFu, 0, uint32_t(k)});
            want.push_back(Event{EventKind(k), uint8_t(r), 0, 0, 0xFFFFFFFFu, kDtEscape});
        }
    }
    Trace t;
    append_all(t, want);
    check_round_trip(t, want);
}

TEST_CASE("trace storage: isolate runs, including changes on every event and the largest isolate") {
    std::vector<Event> want;
    const std::vector<uint16_t> isolates{0, 0, 3, 3, 3, 0, 65535, 1, 0, 0, 2, 2, 65535, 65535, 0};
    for (uint32_t n = 0; n < isolates.size(); n++) {
        want.push_back(Event{EventKind::Step, 1, isolates[n], n, n, n % 3 ? 5 : kDtEscape + n});
    }
    Trace t;
    append_all(t, want);
    check_round_trip(t, want);
}

TEST_CASE("trace storage: a trace that starts on another isolate") {
    const std::vector<Event> want{Event{EventKind::Step, 0, 4, 1, 1, 1}, Event{EventKind::Step, 0, 4, 2, 2, 2},
                                  Event{EventKind::CallPop, 0, 0, 0, 0, 0}};
    Trace t;
    append_all(t, want);
    check_round_trip(t, want);
}

TEST_CASE("trace storage: a long pseudo-random trace round-trips") {
    std::vector<Event> want;
    uint64_t s = 99;
    auto next = [&] {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    };
    uint16_t isolate = 0;
    for (int i = 0; i < 50'000; i++) {
        if (next() % 500 == 0) isolate = uint16_t(next() % 4);
        const uint32_t dt = next() % 100 == 0 ? uint32_t(next() % 0xFFFFFFFFu) : uint32_t(next() % 5000);
        want.push_back(Event{EventKind(1 + next() % (kEventKindCount - 1)), uint8_t(next() % kRuleCount), isolate,
                             uint32_t(next()), uint32_t(next()), dt});
    }
    Trace t;
    append_all(t, want);
    REQUIRE(t.size() == want.size());
    size_t i = 0;
    for (const Event& e : t.events()) CHECK(same(e, want[i++]));
    for (size_t j = 0; j < want.size(); j += 997) CHECK(same(t.events()[j], want[j]));
}

TEST_CASE("trace storage: items with and without timer data, and the ones that fit no packing") {
    Trace t;
    std::vector<Item> want{Item{}};
    auto add = [&](Item item) {
        if (item.seq == UINT64_MAX) item.seq = t.items().size();  // the engine's usual seq: the id
        want.push_back(item);
        CHECK(t.add_item(item) == want.size() - 1);
    };
    add({QueueKind::NextTick, t.intern("tick"), 3, 0, UINT64_MAX});
    add({QueueKind::Timers, t.intern("Timeout"), 7, 1000, UINT64_MAX});
    add({QueueKind::Timers, t.intern("big due"), 1, 0xFFFFFFFFull, UINT64_MAX});
    add({QueueKind::Timers, t.intern("bigger due"), 1, 0x100000000ull, UINT64_MAX});
    add({QueueKind::Close, t.intern("last line"), ItemStore::kMaxPackedLine, 0, UINT64_MAX});
    add({QueueKind::Close, t.intern("past the line bits"), ItemStore::kMaxPackedLine + 1, 0, UINT64_MAX});
    add({QueueKind::Pending, t.intern("own seq"), 0xFFFFFFFFu, 0, 17});
    add({QueueKind::Immediates, t.intern("seq 0"), 2, 5, 0});
    add({QueueKind::Microtask, 0, 0, 0, UINT64_MAX});
    CHECK(t.items().size() == want.size());
    for (size_t id = 0; id < want.size(); id++) {
        const Item got = t.item(uint32_t(id));
        CAPTURE(id);
        CHECK(got.queue == want[id].queue);
        CHECK(got.label == want[id].label);
        CHECK(got.line == want[id].line);
        CHECK(got.due_ms == want[id].due_ms);
        CHECK(got.seq == want[id].seq);
    }
    size_t id = 0;
    for (const Item& got : t.items()) CHECK(got.label == want[id++].label);
}

TEST_CASE("trace storage: interned strings keep their ids through the index growing") {
    Trace t;
    CHECK(t.intern("") == 0);
    std::vector<uint32_t> ids;
    for (int i = 0; i < 5000; i++) ids.push_back(t.intern("s" + std::to_string(i)));
    for (int i = 0; i < 5000; i++) {
        CHECK(ids[size_t(i)] == uint32_t(i + 1));
        CHECK(t.intern("s" + std::to_string(i)) == ids[size_t(i)]);
        CHECK(t.str(ids[size_t(i)]) == "s" + std::to_string(i));
    }
    CHECK(t.strings().size() == 5001);
}

TEST_CASE("trace storage: memory_use counts 12 bytes per event and what the side tables allocate") {
    Trace t;
    const Trace::MemoryUse empty = t.memory_use();
    for (uint32_t i = 0; i < 100'000; i++) {
        t.append(uint64_t(i) * 100, EventKind::Step, Rule::None, i, i);
        if (i % 5 == 0) t.add_item({QueueKind::Timers, 0, 1, i, t.items().size()});
    }
    const Trace::MemoryUse use = t.memory_use();
    CHECK(use.events == 100'000 * 12);
    // 20,001 items of 8 bytes and 19,999 due times of 8 (item 0 has due 0),
    // in whole chunks.
    CHECK(use.items >= 20'001 * 8 + 19'999 * 8);
    CHECK(use.items <= 20'001 * 8 + 19'999 * 8 + 64 * 1024);
    CHECK(use.reserved >= use.events);
    CHECK(use.strings == empty.strings);
    CHECK(double(use.total()) / double(t.size()) < 16.0);
}

namespace {

// A recorded run of `source` (written to a temporary file named `name`).
void record_program(const std::string& name, const std::string& source, Trace& trace) {
    const auto dir = std::filesystem::temp_directory_path() / ("looplab-test-storage-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    looplab::node::RunConfig config;
    config.script_path = (dir / name).string();
    std::ofstream(config.script_path) << source;
    std::ofstream((dir / "data.txt").string()) << "hello";
    looplab::node::BufferSink out;
    looplab::node::run_program_recorded(config, out, trace, looplab::node::RecordOptions{});
}

std::string json_of(const Trace& t) {
    std::ostringstream out;
    write_json(t, out);
    return out.str();
}

}  // namespace

TEST_CASE("trace storage: a recorded run with a worker, timers, pool jobs and long gaps rebuilds identically") {
    Trace recorded;
    record_program("mixed.js", R"(
const { Worker } = require('worker_threads');
const fs = require('fs');
setTimeout(() => console.log('late timer'), 5);
setTimeout(() => console.log('later timer'), 20);
fs.readFile(__dirname + '/data.txt', 'utf8', (err, text) => console.log('read', text));
const w = new Worker('const { parentPort } = require("worker_threads"); parentPort.postMessage(6 * 7);',
                     { eval: true });
w.on('message', (n) => console.log('worker says', n));
setImmediate(() => console.log('immediate'));
)",
                   recorded);
    // The run exercises every packed path: escaped deltas, isolate runs,
    // timers' due times and items whose seq is not their id.
    const std::vector<uint64_t> times = event_times(recorded);
    size_t escaped = 0, other_isolate = 0, with_due = 0, wide = 0;
    for (size_t i = 0; i < recorded.size(); i++) {
        const Event e = recorded.events()[i];
        escaped += e.dt_ns >= kDtEscape;
        other_isolate += e.isolate != 0;
    }
    for (uint32_t id = 0; id < recorded.items().size(); id++) {
        const Item item = recorded.item(id);
        with_due += item.due_ms != 0;
        wide += item.seq != id;
    }
    CHECK(escaped > 0);
    CHECK(other_isolate > 0);
    CHECK(with_due >= 2);
    CHECK(wide > 0);

    // Rebuilt through the appending API from what was read back, the trace
    // reads back the same and exports the same bytes.
    Trace rebuilt;
    rebuilt.meta() = recorded.meta();
    for (const IsolateInfo& info : recorded.isolate_table()) rebuilt.set_isolate(info);
    for (size_t id = 1; id < recorded.strings().size(); id++) rebuilt.intern(recorded.strings()[id]);
    for (uint32_t id = 1; id < recorded.items().size(); id++) rebuilt.add_item(recorded.item(id));
    for (const SourceFile& f : recorded.files()) rebuilt.add_file(f.path, f.text);
    size_t i = 0;
    for (const Event& e : recorded.events()) {
        if (e.kind != EventKind::TimeJump) rebuilt.append(times[i], e.kind, Rule(e.rule), e.a, e.b, e.isolate);
        i++;
    }
    REQUIRE(rebuilt.size() == recorded.size());
    for (size_t k = 0; k < recorded.size(); k++) CHECK(same(rebuilt.events()[k], recorded.events()[k]));
    CHECK(json_of(rebuilt) == json_of(recorded));
}
