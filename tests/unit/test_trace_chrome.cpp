// The Chrome Trace Event Format export, read back as JSON: tracks per
// isolate and pool thread, slices for callbacks and pool jobs, flow arrows
// from enqueue to run, counters for queue lengths.
#include <doctest/doctest.h>

#include <unistd.h>  // getpid: CTest runs test cases as parallel processes

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/node/process_run.h"
#include "engine/trace/exporters.h"
#include "engine/trace/trace.h"

using namespace looplab::trace;
using nlohmann::json;

namespace {

json chrome_of(const Trace& t) {
    std::ostringstream out;
    write_chrome(t, out);
    return json::parse(out.str());
}

uint32_t add_item(Trace& t, QueueKind q, const std::string& label) {
    Item item;
    item.queue = q;
    item.label = t.intern(label);
    return t.add_item(item);
}

// Two isolates and a pool job: the main thread queues an immediate and a
// pbkdf2 request; the worker (isolate 1) runs a nextTick callback.
Trace two_isolates_and_a_pool_job() {
    Trace t;
    t.add_file("/s/main.js", "");
    const auto check = uint32_t(QueueKind::Immediates);
    const auto tick = uint32_t(QueueKind::NextTick);
    const uint32_t immediate = add_item(t, QueueKind::Immediates, "later");
    const uint32_t job = add_item(t, QueueKind::Pending, "pbkdf2");
    const uint32_t ticked = add_item(t, QueueKind::NextTick, "onTick");
    t.append(0, EventKind::PhaseEnter, Rule::MainScriptRunsFirst, uint32_t(Phase::Main));
    t.append(10, EventKind::CallPush, Rule::MainScriptRunsFirst, t.intern("runMain"), 1);
    t.append(20, EventKind::Enqueue, Rule::ImmediateQueued, immediate, check);
    t.append(30, EventKind::PoolQueued, Rule::PoolJobQueued, job, 4);
    t.append(30, EventKind::PoolStarted, Rule::PoolJobStarted, job, 0);
    t.append(40, EventKind::CallPop, Rule::None);
    t.append(40, EventKind::PhaseLeave, Rule::None, uint32_t(Phase::Main));
    t.append(50, EventKind::Enqueue, Rule::NextTickQueued, ticked, tick, 1);
    t.append(60, EventKind::Dequeue, Rule::NextTickBeforePromises, ticked, tick, 1);
    t.append(60, EventKind::CallPush, Rule::CallbackRuns, t.intern("onTick"), 3 << 1, 1);
    t.append(70, EventKind::CallPop, Rule::None, 0, 0, 1);
    t.append(100, EventKind::PhaseEnter, Rule::PhaseOrder, uint32_t(Phase::Poll));
    t.append(1000, EventKind::PoolFinished, Rule::PoolJobFinished, job, 0);
    t.append(1000, EventKind::IoReady, Rule::PoolCallbackInPoll, job, 0);
    t.append(1000, EventKind::CallPush, Rule::PoolCallbackInPoll, t.intern("done"), 5 << 1);
    t.append(1100, EventKind::CallPop, Rule::None);
    t.append(1100, EventKind::PhaseLeave, Rule::None, uint32_t(Phase::Poll));
    t.append(1200, EventKind::PhaseEnter, Rule::PhaseOrder, uint32_t(Phase::Check));
    t.append(1200, EventKind::Dequeue, Rule::ImmediatesRunInCheck, immediate, check);
    t.append(1200, EventKind::CallPush, Rule::ImmediatesRunInCheck, t.intern("later"), 2 << 1);
    t.append(1300, EventKind::CallPop, Rule::None);
    t.append(1300, EventKind::PhaseLeave, Rule::None, uint32_t(Phase::Check));
    t.append(1400, EventKind::ProcessExit, Rule::ExitEvent, 0);
    return t;
}

std::map<uint64_t, std::string> thread_names(const json& events) {
    std::map<uint64_t, std::string> names;
    for (const json& e : events) {
        if (e["ph"] == "M" && e["name"] == "thread_name") names[e["tid"].get<uint64_t>()] = e["args"]["name"];
    }
    return names;
}

// Every B has its E on the same track, in order (Perfetto drops unbalanced slices).
void check_slices_balanced(const json& events) {
    std::map<uint64_t, int> depth;
    for (const json& e : events) {
        if (e["ph"] == "B") depth[e["tid"].get<uint64_t>()]++;
        if (e["ph"] == "E") CHECK(--depth[e["tid"].get<uint64_t>()] >= 0);
    }
    for (const auto& [tid, d] : depth) CHECK(d == 0);
}

std::vector<json> records(const json& events, const std::string& ph, uint64_t id) {
    std::vector<json> out;
    for (const json& e : events) {
        if (e["ph"] == ph && e.contains("id") && e["id"].get<uint64_t>() == id) out.push_back(e);
    }
    return out;
}

}  // namespace

TEST_CASE("chrome: a track per isolate and per pool thread, named") {
    const json doc = chrome_of(two_isolates_and_a_pool_job());
    const json& events = doc["traceEvents"];
    const auto names = thread_names(events);
    CHECK(names.at(1) == "main thread (JavaScript)");
    CHECK(names.at(2) == "event loop phases");
    CHECK(names.at(3) == "isolate 1 (JavaScript)");
    CHECK(names.at(4) == "isolate 1 event loop phases");
    CHECK(names.at(100'000) == "libuv pool thread 0");
    check_slices_balanced(events);
}

TEST_CASE("chrome: callbacks are slices on their isolate's track, phases on the loop's") {
    const json events = chrome_of(two_isolates_and_a_pool_job())["traceEvents"];
    std::map<std::string, uint64_t> slice_tid;
    for (const json& e : events) {
        if (e["ph"] == "B") slice_tid[e["name"]] = e["tid"];
    }
    CHECK(slice_tid.at("runMain") == 1);
    CHECK(slice_tid.at("later") == 1);
    CHECK(slice_tid.at("onTick") == 3);
    CHECK(slice_tid.at("check") == 2);
    CHECK(slice_tid.at("poll") == 2);
    CHECK(slice_tid.at("pbkdf2") == 100'000);
}

TEST_CASE("chrome: flow arrows go from the enqueue to the run of the same callback") {
    const Trace t = two_isolates_and_a_pool_job();
    const json events = chrome_of(t)["traceEvents"];
    // The immediate (item 1): queued inside runMain at 20 ns, run in check at 1200 ns.
    const auto starts = records(events, "s", 1);
    const auto ends = records(events, "f", 1);
    REQUIRE(starts.size() == 1);
    REQUIRE(ends.size() == 1);
    CHECK(starts[0]["tid"] == 1);
    CHECK(starts[0]["ts"] == 0.020);
    CHECK(ends[0]["tid"] == 1);
    CHECK(ends[0]["ts"] == 1.2);
    CHECK(starts[0]["cat"] == ends[0]["cat"]);
    // The worker's nextTick (item 3) stays on the worker's track.
    REQUIRE(records(events, "s", 3).size() == 1);
    CHECK(records(events, "s", 3)[0]["tid"] == 3);
    CHECK(records(events, "f", 3)[0]["tid"] == 3);
    // The pool request (item 2): queued on the JS thread, taken by pool
    // thread 0, its completion delivered to the JS thread.
    REQUIRE(records(events, "s", 2).size() == 1);
    REQUIRE(records(events, "t", 2).size() == 1);
    REQUIRE(records(events, "f", 2).size() == 1);
    CHECK(records(events, "s", 2)[0]["tid"] == 1);
    CHECK(records(events, "t", 2)[0]["tid"] == 100'000);
    CHECK(records(events, "f", 2)[0]["tid"] == 1);
    CHECK(records(events, "f", 2)[0]["ts"] == 1.0);
}

TEST_CASE("chrome: counters follow the queue lengths and the pool") {
    const json events = chrome_of(two_isolates_and_a_pool_job())["traceEvents"];
    std::vector<uint64_t> immediates, main_ticks, worker_ticks, pool_running;
    for (const json& e : events) {
        if (e["ph"] != "C") continue;
        if (e["name"] == "queue lengths") {
            immediates.push_back(e["args"]["immediates"]);
            main_ticks.push_back(e["args"]["nextTick"]);
        }
        if (e["name"] == "queue lengths (isolate 1)") worker_ticks.push_back(e["args"]["nextTick"]);
        if (e["name"] == "thread pool") pool_running.push_back(e["args"]["running"]);
    }
    CHECK(immediates == std::vector<uint64_t>{1, 0});
    CHECK(main_ticks == std::vector<uint64_t>{0, 0});
    CHECK(worker_ticks == std::vector<uint64_t>{1, 0});
    CHECK(pool_running == std::vector<uint64_t>{0, 1, 0, 0});
}

TEST_CASE("chrome: a recorded program has one arrow per callback that ran") {
    const auto dir = std::filesystem::temp_directory_path() / ("looplab-test-chrome-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    looplab::node::RunConfig config;
    config.script_path = (dir / "order.js").string();
    std::ofstream(config.script_path) << R"(setTimeout(function timeout() { console.log('timeout'); }, 1);
setImmediate(function immediate() { console.log('immediate'); });
Promise.resolve().then(function then() { console.log('then'); });
process.nextTick(function tick() { console.log('tick'); });
)";
    looplab::node::BufferSink out;
    Trace t;
    looplab::node::run_program_recorded(config, out, t);
    // (timeout and immediate race in the main module; either order is fine here)
    REQUIRE(out.stdout_text.rfind("tick\nthen\n", 0) == 0);
    REQUIRE(out.stdout_text.size() == std::string("tick\nthen\ntimeout\nimmediate\n").size());
    size_t dequeues = 0;
    for (const Event& e : t.events()) dequeues += e.kind == EventKind::Dequeue;
    const json events = chrome_of(t)["traceEvents"];
    check_slices_balanced(events);
    size_t arrows = 0;
    for (const json& e : events) {
        if (e["ph"] != "f" || e["cat"] != "enqueue") continue;
        arrows++;
        CHECK(records(events, "s", e["id"]).size() == 1);
    }
    CHECK(dequeues == 4);
    CHECK(arrows == dequeues);
    std::set<std::string> callbacks;
    for (const json& e : events) {
        if (e["ph"] == "B" && e["cat"] == "js") callbacks.insert(e["name"]);
    }
    for (const char* name : {"timeout", "immediate", "then", "tick"}) CHECK(callbacks.count(name) == 1);
}
