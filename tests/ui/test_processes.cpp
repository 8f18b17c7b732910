// The Processes panel's model (process_graph): one node per simulated
// process with its own threads and pool, IPC messages in flight as links
// between processes, at several cursors of recorded runs.
#include <doctest/doctest.h>

#include <string>

#include "engine/node/process_run.h"
#include "engine/trace/fold.h"
#include "ui/process_graph.h"

using namespace looplab;

namespace {

trace::Trace record(const std::string& path) {
    node::RunConfig config;
    config.script_path = path;
    config.host_threads = 2;
    node::BufferSink sink;
    trace::Trace t;
    node::run_program_recorded(config, sink, t);
    return t;
}

std::string cluster_program() { return std::string(LOOPLAB_SOURCE_DIR) + "/tests/ui/cluster-workers.js"; }

// The first cursor at which `pred` holds for the graph, or 0.
template <typename Pred>
size_t first_cursor(const trace::Trace& t, Pred pred) {
    trace::Seeker seeker(t, 256);
    for (size_t c = 1; c <= t.size(); ++c) {
        if (pred(ui::process_graph(seeker.seek(c)))) return c;
    }
    return 0;
}

}  // namespace

TEST_CASE("process graph: a cluster primary and its workers are separate boxes with their own pools") {
    const trace::Trace t = record(cluster_program());
    const trace::ViewState end = trace::fold_to(t, t.size());
    const ui::ProcessGraph g = ui::process_graph(end);
    REQUIRE(g.processes.size() == 4);
    CHECK(g.processes[0].title == "cluster primary \u2014 pid " + std::to_string(g.processes[0].pid));
    for (size_t i = 1; i < 4; ++i) {
        CAPTURE(i);
        const ui::ProcessNode& w = g.processes[i];
        CHECK(w.title == "cluster worker " + std::to_string(i) + " \u2014 pid " + std::to_string(w.pid));
        CHECK(w.parent == 0);
        CHECK(w.pid != g.processes[0].pid);
        REQUIRE(w.threads.size() == 1);
        CHECK(w.threads[0].name == "main thread");
        CHECK(w.pool_size == 4);  // each worker hashed on its own pool
        CHECK(w.exited);
        CHECK(w.threads[0].state == ui::ThreadState::Exited);
    }
    CHECK(g.processes[0].pool_size == 0);  // the primary never used its pool
    CHECK(ui::process_graph_summary(g) == "4 processes, 4 JS threads");
}

TEST_CASE("process graph: a worker's hash keeps its own pool busy while the others' are idle") {
    const trace::Trace t = record(cluster_program());
    const size_t busy = first_cursor(t, [](const ui::ProcessGraph& g) {
        return g.processes.size() == 4 && g.processes[1].pool_busy == 1;
    });
    REQUIRE(busy > 0);
    const ui::ProcessGraph g = ui::process_graph(trace::fold_to(t, busy));
    CHECK(g.processes[0].pool_busy == 0);
    CHECK(g.processes[1].threads[0].state != ui::ThreadState::NotStarted);
}

TEST_CASE("process graph: an IPC message in flight is a link from the worker's box to the primary's") {
    const trace::Trace t = record(cluster_program());
    const size_t in_flight = first_cursor(t, [](const ui::ProcessGraph& g) {
        for (const ui::Link& l : g.links) {
            if (l.to_process == 0 && l.from_process != 0) return true;
        }
        return false;
    });
    REQUIRE(in_flight > 0);
    const ui::ProcessGraph g = ui::process_graph(trace::fold_to(t, in_flight));
    const ui::Link& link = g.links.front();
    CHECK(link.to_isolate == 0);
    CHECK(link.label.find("IPC ") == 0);
    const ui::ThreadNode& sender = g.processes[link.from_process].threads.front();
    CHECK(sender.isolate == link.from_isolate);
    CHECK(sender.sending == link.label + " \u2192 cluster primary");
}

TEST_CASE("process graph: worker threads are rows of their parent's box, a forked child is a box") {
    const std::string dir = std::string(LOOPLAB_SOURCE_DIR) + "/assets/scenarios/";
    const trace::Trace workers = record(dir + "worker-threads.js");
    const ui::ProcessGraph w = ui::process_graph(trace::fold_to(workers, workers.size()));
    REQUIRE(w.processes.size() == 1);
    REQUIRE(w.processes[0].threads.size() == 3);
    CHECK(w.processes[0].threads[1].name == "worker 1");
    CHECK(w.processes[0].threads[2].name == "worker 2");

    const trace::Trace child = record(dir + "child-process.js");
    const ui::ProcessGraph c = ui::process_graph(trace::fold_to(child, child.size()));
    REQUIRE(c.processes.size() == 2);
    CHECK(c.processes[0].title == "parent process " + std::to_string(c.processes[0].pid));
    CHECK(c.processes[1].title == "child process " + std::to_string(c.processes[1].pid));
    CHECK(ui::process_graph_summary(c) == "2 processes, 2 JS threads");
}
