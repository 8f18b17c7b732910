// Messages between isolates end to end through run_program_recorded: every
// postMessage is a message_post event in its sender and a message_deliver
// event in its receiver with the other end, the payload's type and size;
// worker costs come from the cost model (--cost-model reaches workers).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/node/process_run.h"
#include "engine/sim/cost_model.h"
#include "engine/trace/message_text.h"
#include "engine/trace/rules.h"
#include "tests/unit/recorded_run.h"

using namespace looplab;
using trace::EventKind;

namespace {

std::string write_file(const std::string& name, const std::string& text) {
    return test::write_program("workers", name, text);
}

using Recorded = test::RecordedRun;

void record(Recorded& r, const std::string& path, const std::string& cost_model = {}) {
    node::RunConfig config;
    config.script_path = path;
    config.host_threads = 2;
    config.cost_model_file = cost_model;
    test::record(r, config);
}

}  // namespace

TEST_CASE("message events: a worker round trip is two posts and two deliveries with both ends") {
    const std::string path = write_file("roundtrip.js", R"JS(
const { Worker } = require('worker_threads');
const w = new Worker(`
const { parentPort } = require('worker_threads');
parentPort.once('message', (m) => parentPort.postMessage([m, m]));
`, { eval: true });
w.postMessage('hello');
w.once('message', (m) => { console.log(m.length); w.terminate(); });
)JS");
    Recorded r;
    record(r, path);
    CHECK(r.out.stdout_text == "2\n");
    const auto posts = r.of_kind(EventKind::MessagePost);
    const auto deliveries = r.of_kind(EventKind::MessageDeliver);
    REQUIRE(posts.size() == 2);
    REQUIRE(deliveries.size() == 2);
    // Main -> worker 1: a string.
    const trace::MessageInfo to_worker = trace::unpack_message(posts[0].a);
    CHECK(posts[0].isolate == 0);
    CHECK(to_worker.peer == 1);
    CHECK(to_worker.payload == trace::MessagePayload::String);
    CHECK(to_worker.route == trace::MessageRoute::Worker);
    CHECK(posts[0].b > 5);
    CHECK(trace::Rule(posts[0].rule) == trace::Rule::MessagePosted);
    CHECK(trace::message_summary(posts[0]) == "message (string, " + std::to_string(posts[0].b) + " bytes) to isolate 1");
    // The worker receives it, then answers with an Array.
    CHECK(deliveries[0].isolate == 1);
    CHECK(trace::unpack_message(deliveries[0].a).peer == 0);
    CHECK(deliveries[0].b == posts[0].b);
    CHECK(trace::Rule(deliveries[0].rule) == trace::Rule::MessageDelivered);
    CHECK(posts[1].isolate == 1);
    CHECK(trace::unpack_message(posts[1].a).payload == trace::MessagePayload::Array);
    CHECK(deliveries[1].isolate == 0);
    CHECK(trace::message_summary(deliveries[1]).find("message (Array, ") == 0);
    CHECK(trace::message_summary(deliveries[1]).find("from isolate 1") != std::string::npos);
}

TEST_CASE("message events: MessagePort messages in one thread name the route and the payload") {
    const std::string path = write_file("port.js", R"JS(
const { port1, port2 } = new MessageChannel();
port2.on('message', () => port2.close());
port1.postMessage(new ArrayBuffer(16));
)JS");
    Recorded r;
    record(r, path);
    const auto posts = r.of_kind(EventKind::MessagePost);
    const auto deliveries = r.of_kind(EventKind::MessageDeliver);
    REQUIRE(posts.size() == 1);
    REQUIRE(deliveries.size() == 1);
    const trace::MessageInfo info = trace::unpack_message(deliveries[0].a);
    CHECK(info.peer == 0);
    CHECK(info.route == trace::MessageRoute::Port);
    CHECK(info.payload == trace::MessagePayload::ArrayBuffer);
    CHECK(deliveries[0].b >= 16);
    CHECK(trace::message_summary(posts[0]).find("over a MessagePort") != std::string::npos);
}

TEST_CASE("message events: child process IPC uses the same events, json by default") {
    const std::string child = write_file("child.js", "process.on('message', (m) => { process.send({ n: m.n + 1 }); process.disconnect(); });\n");
    const std::string path = write_file("parent.js", "const { fork } = require('child_process');\n"
                                                     "const c = fork(" + std::string("'") + child + "');\n"
                                                     "c.on('message', (m) => console.log(m.n));\nc.send({ n: 1 });\n");
    Recorded r;
    record(r, path);
    CHECK(r.out.stdout_text == "2\n");
    const auto posts = r.of_kind(EventKind::MessagePost);
    REQUIRE(posts.size() >= 2);
    const trace::MessageInfo info = trace::unpack_message(posts[0].a);
    CHECK(info.route == trace::MessageRoute::Ipc);
    CHECK(info.payload == trace::MessagePayload::Json);
    CHECK(r.of_kind(EventKind::MessageDeliver).size() == posts.size());
}

TEST_CASE("cost model: worker start-up and per-byte serialization come from --cost-model") {
    const std::string path = write_file("startup.js", R"JS(
const { Worker } = require('worker_threads');
const t0 = performance.now();
const w = new Worker(`require('worker_threads').parentPort.postMessage('x'.repeat(100000));`, { eval: true });
w.once('message', () => console.log(Math.round(performance.now() - t0)));
)JS");
    Recorded defaults;
    record(defaults, path);
    const std::string costs = write_file("costs.json", R"({"worker_startup_ns": 30000000, "worker_message_byte_ns": 100})");
    Recorded slow;
    record(slow, path, costs);
    REQUIRE(defaults.code == 0);
    REQUIRE(slow.code == 0);
    const int fast_ms = std::stoi(defaults.out.stdout_text);
    const int slow_ms = std::stoi(slow.out.stdout_text);
    // 10 ms start-up + ~0.1 ms to serialize, then 30 ms + ~10 ms.
    CHECK(fast_ms >= 10);
    CHECK(fast_ms < 15);
    CHECK(slow_ms >= 39);
    CHECK(slow_ms < 45);
}

TEST_CASE("cost model: the worker keys are known to the override file") {
    sim::CostModel model;
    const std::string ok = write_file("ok.json", R"({"worker_message_ns": 70000})");
    CHECK_FALSE(model.load_overrides(ok).has_value());
    CHECK(model.worker_message_ns == 70000);
    CHECK(model.to_json().find("\"worker_startup_ns\"") != std::string::npos);
    const std::string typo = write_file("typo.json", R"({"worker_start_ns": 1})");
    CHECK(model.load_overrides(typo).has_value());
}
