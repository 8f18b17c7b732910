// net over the simulated loopback inside a whole run: socket events are
// poll-phase deliveries with their rule, close callbacks run in the close
// phase, a listening server keeps the loop alive, and --load drives a
// server to completion the same way every time.
#include <unistd.h>  // getpid: CTest runs test cases as parallel processes
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "engine/node/process_run.h"

using namespace looplab;

namespace {

std::string write_scenario(const std::string& name, const std::string& source) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("looplab-net-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::create_directories(dir);
    const auto path = dir / "main.js";
    std::ofstream(path) << source;
    return path.string();
}

struct Run {
    node::BufferSink out;
    trace::Trace trace;
    int code = 0;
};

void record(const std::string& path, Run& run, node::LoadConfig load = {}) {
    node::RunConfig config;
    config.script_path = path;
    config.load = load;
    run.code = node::run_program_recorded(config, run.out, run.trace, {.record_steps = false}).exit_code;
}

// The phase in which each event with `rule` happened.
std::vector<trace::Phase> phases_of(const trace::Trace& t, trace::Rule rule, trace::EventKind kind) {
    std::vector<trace::Phase> out;
    trace::Phase phase = trace::Phase::Main;
    for (const trace::Event& e : t.events()) {
        if (e.kind == trace::EventKind::PhaseEnter) phase = trace::Phase(e.a);
        if (e.kind == kind && e.rule == uint8_t(rule)) out.push_back(phase);
    }
    return out;
}

const char* kEcho = R"(const net = require('net');
const server = net.createServer((s) => s.pipe(s));
server.listen(0, () => {
  const c = net.connect(server.address().port, () => c.end('hi'));
  c.on('data', (d) => console.log('got', String(d)));
  c.on('close', () => server.close(() => console.log('closed')));
});
)";

}  // namespace

TEST_CASE("net run: socket events are delivered in poll, close callbacks in the close phase") {
    Run run;
    record(write_scenario("echo", kEcho), run);
    CHECK(run.code == 0);
    CHECK(run.out.stdout_text == "got hi\nclosed\n");
    const auto ready = phases_of(run.trace, trace::Rule::SocketReadyInPoll, trace::EventKind::IoReady);
    CHECK(ready.size() >= 4);  // connection, connect, data each way, ends
    for (trace::Phase p : ready) CHECK(p == trace::Phase::Poll);
    const auto closes = phases_of(run.trace, trace::Rule::CloseCallbacksPhase, trace::EventKind::Dequeue);
    CHECK(closes.size() == 3);  // the listener and both sockets
    for (trace::Phase p : closes) CHECK(p == trace::Phase::Close);
}

TEST_CASE("net run: a listening server that nobody calls ends with a clear limit, not a hang") {
    Run run;
    record(write_scenario("lonely", "require('net').createServer().listen(8080);\n"), run);
    CHECK(run.code == 120);
    CHECK(run.out.stderr_text.find("block forever") != std::string::npos);
}

TEST_CASE("--load drives an http server, unrefs it when done, and is deterministic") {
    const std::string path = write_scenario("load", R"(const http = require('http');
let n = 0;
http.createServer((req, res) => { n++; res.end(req.method + ' ' + req.url); }).listen(3000);
process.on('exit', () => console.log('served', n));
)");
    Run a;
    Run b;
    record(path, a, node::LoadConfig{50, 2000});
    record(path, b, node::LoadConfig{50, 2000});
    CHECK(a.code == 0);
    CHECK(a.out.stdout_text == "served 100\n");
    CHECK(a.out.stderr_text.find("100 connections, 100 answered, 100 x 200") != std::string::npos);
    CHECK(a.out.stderr_text == b.out.stderr_text);
    CHECK(a.trace.size() == b.trace.size());
}

TEST_CASE("--load on a plain net server sends a line and half-closes") {
    const std::string path = write_scenario("load-net", R"(const net = require('net');
let lines = '';
net.createServer((s) => { s.on('data', (d) => (lines += d)); s.on('end', () => s.end()); }).listen(4000);
process.on('exit', () => console.log(JSON.stringify(lines.split('\n')[0]), lines.split('\n').length - 1));
)");
    Run run;
    record(path, run, node::LoadConfig{3, 1000});
    CHECK(run.code == 0);
    CHECK(run.out.stdout_text == "\"hello from looplab --load\" 3\n");
}
