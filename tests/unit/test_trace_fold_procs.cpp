// Which process each thread belongs to: the trace's isolate table as the
// engine records it (a worker thread, a forked child, cluster workers), the
// fold's view of it (processes, one thread pool per process, seek == fold
// from zero) and the exports that name threads from it.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/node/process_run.h"
#include "engine/trace/exporters.h"
#include "engine/trace/fold.h"
#include "tests/unit/recorded_run.h"

using namespace looplab;
using namespace looplab::trace;
using nlohmann::json;

namespace {

std::string write_file(const std::string& name, const std::string& text) {
    return test::write_program("procs", name, text);
}

using Recorded = test::RecordedRun;

void record(Recorded& r, const std::string& path, uint32_t host_threads = 2) {
    node::RunConfig config;
    config.script_path = path;
    config.host_threads = host_threads;
    test::record(r, config);
}

const IsolateInfo& entry(const Trace& t, uint32_t id) {
    const IsolateInfo* info = t.isolate_info(id);
    REQUIRE(info != nullptr);
    return *info;
}

// A worker thread that hashes on the pool, and a forked child that hashes
// on its own pool and answers over IPC.
std::string worker_and_fork_program() {
    const std::string child = write_file("child.js", R"JS(
const crypto = require('crypto');
crypto.pbkdf2('a', 'b', 1000, 16, 'sha256', () => {
  process.send({ pid: process.pid });
  process.disconnect();
});
)JS");
    return write_file("parent.js", R"JS(
const { Worker } = require('worker_threads');
const { fork } = require('child_process');
const crypto = require('crypto');
const w = new Worker(`
  const crypto = require('crypto');
  crypto.pbkdf2('a', 'b', 1000, 16, 'sha256', () => {
    require('worker_threads').parentPort.postMessage(process.pid);
  });
`, { eval: true });
w.once('message', (pid) => { console.log('worker pid', pid === process.pid); w.terminate(); });
const c = fork(')JS" + child + R"JS(');
c.on('message', (m) => console.log('child pid', m.pid === c.pid, m.pid !== process.pid));
crypto.pbkdf2('a', 'b', 1000, 16, 'sha256', () => console.log('main hashed'));
)JS");
}

std::string cluster_program(int workers) {
    return write_file("cluster" + std::to_string(workers) + ".js", R"JS(
const cluster = require('cluster');
if (cluster.isPrimary) {
  let left = )JS" + std::to_string(workers) + R"JS(;
  for (let i = 0; i < left; i++) cluster.fork();
  cluster.on('message', (w, m) => { if (--left === 0) for (const id in cluster.workers) cluster.workers[id].kill(); });
} else {
  process.send({ id: cluster.worker.id, pid: process.pid });
}
)JS");
}

size_t process_count(const ViewState& v) { return v.processes.size(); }

bool same_pool(const PoolView& a, const PoolView& b) {
    auto same = [](const auto& x, const auto& y) {
        if (x.size() != y.size()) return false;
        for (size_t i = 0; i < x.size(); i++) {
            if (x[i].item != y[i].item || x[i].started_ns != y[i].started_ns) return false;
        }
        return true;
    };
    return a.size == b.size && same(a.threads, b.threads) && same(a.waiting, b.waiting) &&
           same(a.completed, b.completed);
}

// The process parts of two folds agree: the same processes, the same pools,
// the same isolate names and processes.
void check_same_processes(const ViewState& a, const ViewState& b) {
    REQUIRE(a.processes.size() == b.processes.size());
    CHECK(a.pool_process == b.pool_process);
    CHECK(same_pool(a.pool, b.pool));
    for (uint32_t p = 0; p < a.processes.size(); p++) {
        CHECK(a.processes[p].pid == b.processes[p].pid);
        CHECK(a.processes[p].name == b.processes[p].name);
        CHECK(same_pool(process_pool(a, p), process_pool(b, p)));
    }
    REQUIRE(a.isolates.size() == b.isolates.size());
    for (size_t i = 0; i < a.isolates.size(); i++) {
        CHECK(a.isolates[i].name == b.isolates[i].name);
        CHECK(a.isolates[i].process == b.isolates[i].process);
    }
}

}  // namespace

TEST_CASE("isolate table: a single-isolate run lists its main thread") {
    Recorded r;
    record(r, write_file("hello.js", "console.log(process.pid);\n"));
    REQUIRE(r.trace.isolate_table().size() == 1);
    const IsolateInfo& main = entry(r.trace, 0);
    CHECK(main.kind == IsolateKind::Main);
    CHECK(main.name == "main");
    CHECK(r.out.stdout_text == std::to_string(main.pid) + "\n");
}

TEST_CASE("isolate table: a worker thread shares its parent's process, a forked child has its own") {
    Recorded r;
    record(r, worker_and_fork_program());
    CHECK(r.code == 0);
    CHECK(r.out.stdout_text.find("worker pid true") != std::string::npos);
    CHECK(r.out.stdout_text.find("child pid true true") != std::string::npos);
    REQUIRE(r.trace.isolate_table().size() == 3);
    const IsolateInfo& main = entry(r.trace, 0);
    const IsolateInfo& worker = entry(r.trace, 1);
    const IsolateInfo& child = entry(r.trace, 2);
    CHECK(worker.kind == IsolateKind::WorkerThread);
    CHECK(worker.name == "worker 1");
    CHECK(worker.pid == main.pid);
    CHECK(worker.parent == 0);
    CHECK(child.kind == IsolateKind::ChildProcess);
    CHECK(child.pid != main.pid);
    CHECK(child.name == "child " + std::to_string(child.pid));
    CHECK(child.parent == 0);
    // Each starts after the moment it was created, when its first event is.
    uint64_t now = 0;
    std::map<uint32_t, uint64_t> first_event;
    for (const Event& e : r.trace.events()) {
        now = advance_time(now, e);
        first_event.emplace(e.isolate, now);
    }
    CHECK(worker.start_ns > 0);
    CHECK(first_event.at(1) >= worker.start_ns);
    CHECK(first_event.at(2) >= child.start_ns);
}

TEST_CASE("isolate table: cluster workers are named by their cluster id, each its own process") {
    Recorded r;
    record(r, cluster_program(3));
    CHECK(r.code == 0);
    REQUIRE(r.trace.isolate_table().size() == 4);
    std::set<int32_t> pids{entry(r.trace, 0).pid};
    for (uint32_t id = 1; id <= 3; id++) {
        const IsolateInfo& w = entry(r.trace, id);
        CHECK(w.kind == IsolateKind::ClusterWorker);
        CHECK(w.name == "cluster worker " + std::to_string(id));
        CHECK(w.parent == 0);
        pids.insert(w.pid);
    }
    CHECK(pids.size() == 4);
}

TEST_CASE("isolate table: the same program gives the same table whatever the host threads") {
    const std::string path = worker_and_fork_program();
    Recorded one, two;
    record(one, path, 1);
    record(two, path, 2);
    REQUIRE(one.trace.isolate_table().size() == two.trace.isolate_table().size());
    for (size_t i = 0; i < one.trace.isolate_table().size(); i++) {
        const IsolateInfo& a = one.trace.isolate_table()[i];
        const IsolateInfo& b = two.trace.isolate_table()[i];
        CHECK(a.id == b.id);
        CHECK(a.pid == b.pid);
        CHECK(a.name == b.name);
        CHECK(a.start_ns == b.start_ns);
    }
}

TEST_CASE("fold: processes from the table, a pool per process, the focused isolate's pool in ViewState::pool") {
    Recorded r;
    record(r, worker_and_fork_program());
    const ViewState end = fold_to(r.trace, r.trace.size());
    REQUIRE(process_count(end) == 2);
    CHECK(end.processes[0].pid == entry(r.trace, 0).pid);
    CHECK(end.processes[1].pid == entry(r.trace, 2).pid);
    CHECK(end.processes[1].name == entry(r.trace, 2).name);
    CHECK(end.processes[1].parent_process == 0);
    CHECK(end.isolates[1].process == 0);  // the worker thread
    CHECK(end.isolates[1].name == "worker 1");
    CHECK(end.isolates[2].process == 1);  // the child
    CHECK(end.isolates[2].kind == IsolateKind::ChildProcess);
    // Both processes used their own pool: the root's by the main thread and
    // the worker (4 threads), the child's by itself.
    CHECK(process_pool(end, 0).size == 4);
    CHECK(process_pool(end, 1).size == 4);
    // Focusing an isolate brings its process's pool into ViewState::pool.
    ViewState v = end;
    focus_isolate(v, 2);
    CHECK(v.pool_process == 1);
    CHECK(same_pool(v.pool, process_pool(end, 1)));
    focus_isolate(v, 1);
    CHECK(v.pool_process == 0);
    CHECK(same_pool(v.pool, process_pool(end, 0)));
}

TEST_CASE("fold: a pool job queued in the child is in the child's pool, not the root's") {
    Recorded r;
    record(r, worker_and_fork_program());
    // The cursor just after the child queues its pbkdf2.
    size_t cursor = 0;
    for (size_t i = 0; i < r.trace.size(); i++) {
        const Event e = r.trace.events()[i];
        if (e.kind == EventKind::PoolQueued && e.isolate == 2) {
            cursor = i + 1;
            break;
        }
    }
    REQUIRE(cursor > 0);
    const ViewState v = fold_to(r.trace, cursor);
    const PoolView& child = process_pool(v, 1);
    const auto holds = [](const PoolView& p, uint32_t item) {
        for (const PoolJob& j : p.waiting) {
            if (j.item == item) return true;
        }
        for (const PoolJob& j : p.threads) {
            if (j.item == item) return true;
        }
        return false;
    };
    const uint32_t item = r.trace.events()[cursor - 1].a;
    CHECK(holds(child, item));
    CHECK_FALSE(holds(process_pool(v, 0), item));
}

TEST_CASE("fold: seek == fold from zero for the processes, at every cursor") {
    Recorded r;
    record(r, worker_and_fork_program());
    Seeker seeker(r.trace, 64);
    const size_t n = r.trace.size();
    const size_t stride = std::max<size_t>(1, n / 97);
    for (size_t cursor = 0; cursor <= n; cursor += stride) {
        CAPTURE(cursor);
        check_same_processes(seeker.seek(cursor), fold_to(r.trace, cursor));
    }
    check_same_processes(seeker.seek(n), fold_to(r.trace, n));
}

TEST_CASE("fold: without an isolate table every isolate is a thread of one process") {
    Trace t;
    t.append(0, EventKind::PhaseEnter, Rule::None, uint32_t(Phase::Main), 0, 0);
    t.append(10, EventKind::PhaseEnter, Rule::None, uint32_t(Phase::Main), 0, 1);
    const ViewState v = fold_to(t, t.size());
    REQUIRE(v.processes.size() == 1);
    CHECK(v.processes[0].pid == 0);
    CHECK(v.isolates[1].process == 0);
    CHECK(v.isolates[1].name == "isolate 1");
    CHECK(v.isolates[1].kind == IsolateKind::WorkerThread);
}

TEST_CASE("exports: JSON meta lists the isolates, text and Chrome name threads and processes") {
    Recorded r;
    record(r, worker_and_fork_program());
    const IsolateInfo& child = entry(r.trace, 2);

    std::ostringstream json_out;
    write_json(r.trace, json_out);
    const json doc = json::parse(json_out.str());
    const json& isolates = doc["meta"]["isolates"];
    REQUIRE(isolates.size() == 3);
    CHECK(isolates[0]["name"] == "main");
    CHECK(isolates[0]["kind"] == "main");
    CHECK(isolates[1]["kind"] == "worker_thread");
    CHECK(isolates[1]["pid"] == isolates[0]["pid"]);
    CHECK(isolates[2]["kind"] == "child_process");
    CHECK(isolates[2]["pid"] == child.pid);
    CHECK(isolates[2]["parent"] == 0);
    CHECK(isolates[2]["start_ns"] == child.start_ns);

    std::ostringstream text_out;
    write_text(r.trace, text_out);
    const std::string text = text_out.str();
    CHECK(text.find("\n" + std::string(13, ' ')) != std::string::npos);
    CHECK(text.find("  worker 1    ") != std::string::npos);
    CHECK(text.find("  " + child.name + "  ") != std::string::npos);
    CHECK(text.find("from " + child.name + " over the IPC channel") != std::string::npos);
    CHECK(text.find("isolate 1") == std::string::npos);

    std::ostringstream chrome_out;
    write_chrome(r.trace, chrome_out);
    const json events = json::parse(chrome_out.str())["traceEvents"];
    std::map<uint64_t, std::string> process_names;
    std::map<std::pair<uint64_t, uint64_t>, std::string> thread_names;
    std::set<std::pair<uint64_t, std::string>> pool_slices;  // (pid, job)
    const auto track = [](const json& e) { return std::pair{e["pid"].get<uint64_t>(), e["tid"].get<uint64_t>()}; };
    for (const json& e : events) {
        if (e["ph"] == "M" && e["name"] == "process_name") process_names[e["pid"].get<uint64_t>()] = e["args"]["name"];
        if (e["ph"] == "M" && e["name"] == "thread_name") thread_names[track(e)] = e["args"]["name"];
        if (e["ph"] == "B" && e["cat"] == "pool") pool_slices.insert({e["pid"].get<uint64_t>(), e["name"]});
    }
    const uint64_t root = uint64_t(entry(r.trace, 0).pid);
    const uint64_t child_pid = uint64_t(child.pid);
    REQUIRE(process_names.size() == 2);
    CHECK(process_names.at(root).rfind("node ", 0) == 0);
    CHECK(process_names.at(child_pid) == child.name + " (pid " + std::to_string(child.pid) + ")");
    CHECK(thread_names.at({root, 1}) == "main thread (JavaScript)");
    CHECK(thread_names.at({root, 3}) == "worker 1 (JavaScript)");
    CHECK(thread_names.at({child_pid, 5}) == child.name + " (JavaScript)");
    CHECK(thread_names.count({child_pid, 100'000}) == 1);  // the child's own pool thread
    CHECK(thread_names.count({root, 100'000}) == 1);
    // The pbkdf2 slices run on each process's own pool threads.
    CHECK(pool_slices.count({root, "crypto.pbkdf2"}) == 1);
    CHECK(pool_slices.count({child_pid, "crypto.pbkdf2"}) == 1);
    // Every slice opened is closed on the same track.
    std::map<std::pair<uint64_t, uint64_t>, int> depth;
    for (const json& e : events) {
        if (e["ph"] == "B") depth[track(e)]++;
        if (e["ph"] == "E") depth[track(e)]--;
    }
    for (const auto& [track, d] : depth) CHECK(d == 0);
}
