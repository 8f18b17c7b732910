// Simulated processes and virtual cores, end to end through run_program:
// exec/spawn of anything but node refuse clearly, a fork loop ends at the isolate limit, busy
// workers beyond the core count take proportionally longer in virtual time,
// and --cores reaches os.cpus().
#include <unistd.h>  // getpid: CTest runs test cases as parallel processes
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/node/process_run.h"
#include "engine/trace/exporters.h"

using namespace looplab;

namespace {

std::string write_scenario(const std::string& name, const std::string& source) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("looplab-proc-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::create_directories(dir);
    const auto path = dir / "main.js";
    std::ofstream(path) << source;
    return path.string();
}

struct Result {
    node::BufferSink out;
    int code = 0;
};

Result run(const std::string& path, uint32_t cores = 4, uint32_t host_threads = 2) {
    node::RunConfig config;
    config.script_path = path;
    config.cores = cores;
    config.host_threads = host_threads;
    Result r;
    r.code = node::run_program(config, r.out).exit_code;
    return r;
}

// `workers` busy workers; prints the virtual ms from the first start to the
// last finish.
std::string busy_workers_program(int workers) {
    return R"JS(
const { Worker } = require('worker_threads');
const n = )JS" + std::to_string(workers) + R"JS(;
const code = `
const { parentPort } = require('worker_threads');
const t0 = performance.now();
let x = 0;
for (let i = 0; i < 2000000; i++) x = (x + i * 7) % 1000003;
parentPort.postMessage({ t0, t1: performance.now(), x });
`;
const spans = [];
for (let i = 0; i < n; i++) {
  new Worker(code, { eval: true }).on('message', (m) => {
    spans.push(m);
    if (spans.length === n) {
      const start = Math.min(...spans.map((s) => s.t0));
      const end = Math.max(...spans.map((s) => s.t1));
      console.log(Math.round(end - start));
    }
  });
}
)JS";
}

}  // namespace

TEST_CASE("child_process: exec and spawn refuse: looplab never starts a real process") {
    const std::string path = write_scenario("refuse", R"JS(
const cp = require('child_process');
for (const name of ['exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync']) {
  try { cp[name]('ls'); console.log(name, 'ran'); } catch (e) { console.log(name, e.code, e.message); }
}
)JS");
    Result r = run(path);
    CHECK(r.code == 0);
    CHECK(r.out.stdout_text.find("ran") == std::string::npos);
    CHECK(r.out.stdout_text.find("spawnSync ERR_LOOPLAB_NO_REAL_PROCESS child_process.spawnSync(\"ls\") is not "
                                 "available: looplab never starts a real process") != std::string::npos);
}

TEST_CASE("child_process: exec needs no shell, and the synchronous variants refuse even for node") {
    const std::string path = write_scenario("refuse-node", R"JS(
const cp = require('child_process');
const attempts = [
  ['exec', 'node child.js | grep x'], ['exec', 'node child.js > out.txt'], ['exec', 'FOO=1 && node child.js'],
  ['execSync', 'node child.js'], ['spawnSync', 'node'], ['spawn', 'node', ['-p', '1']],
];
for (const [name, ...args] of attempts) {
  try { cp[name](...args); console.log(name, 'ran'); } catch (e) { console.log(name, e.code); }
}
)JS");
    Result r = run(path);
    CHECK(r.code == 0);
    CHECK(r.out.stdout_text ==
          "exec ERR_LOOPLAB_NO_REAL_PROCESS\nexec ERR_LOOPLAB_NO_REAL_PROCESS\nexec ERR_LOOPLAB_NO_REAL_PROCESS\n"
          "execSync ERR_LOOPLAB_NO_REAL_PROCESS\nspawnSync ERR_LOOPLAB_NO_REAL_PROCESS\n"
          "spawn ERR_LOOPLAB_NO_REAL_PROCESS\n");
}

TEST_CASE("child_process: a fork loop ends at the process limit with a clear message") {
    const std::string path = write_scenario("forkbomb", R"JS(
const { fork } = require('child_process');
fork(__filename);
fork(__filename);
)JS");
    Result r = run(path, 4, 2);
    CHECK(r.out.stderr_text.find("process and isolate limit of 64 reached (a fork loop?)") != std::string::npos);
}

TEST_CASE("os: --cores sets os.cpus().length and os.availableParallelism()") {
    const std::string path = write_scenario("cores", R"JS(
const os = require('os');
console.log(os.cpus().length, os.availableParallelism());
)JS");
    CHECK(run(path, 6).out.stdout_text == "6 6\n");
    CHECK(run(path, 1).out.stdout_text == "1 1\n");
}

TEST_CASE("virtual cores: eight busy workers on four cores take about twice as long as four") {
    const std::string four = write_scenario("busy4", busy_workers_program(4));
    const std::string eight = write_scenario("busy8", busy_workers_program(8));
    const Result r4 = run(four, 4, 2);
    const Result r8 = run(eight, 4, 2);
    REQUIRE(r4.code == 0);
    REQUIRE(r8.code == 0);
    const double t4 = std::stod(r4.out.stdout_text);
    const double t8 = std::stod(r8.out.stdout_text);
    MESSAGE("four workers: " << t4 << " virtual ms, eight: " << t8);
    CHECK(t4 > 5);
    CHECK(t8 / t4 > 1.8);
    CHECK(t8 / t4 < 2.2);
    // On eight cores nobody waits for a core.
    const double t8_wide = std::stod(run(eight, 8, 2).out.stdout_text);
    CHECK(t8_wide / t4 < 1.1);
    // The host thread count changes nothing.
    CHECK(run(eight, 4, 1).out.stdout_text == r8.out.stdout_text);
}

namespace {

// The JSON trace of a conformance program recorded with `host_threads`.
std::string trace_json(const std::string& program, uint32_t host_threads) {
    node::RunConfig config;
    config.script_path = std::string(LOOPLAB_SOURCE_DIR) + "/tests/conformance/par/" + program;
    config.host_threads = host_threads;
    node::BufferSink out;
    trace::Trace trace;
    node::run_program_recorded(config, out, trace);
    std::ostringstream json;
    trace::write_json(trace, json);
    return out.stdout_text + json.str();
}

}  // namespace

TEST_CASE("processes: traces are byte-identical with 1, 2 and 8 host threads") {
    for (const char* program : {"child-fork-basic.js", "child-kill.js", "cluster-events.js", "cores-oversubscribed.js"}) {
        CAPTURE(program);
        const std::string one = trace_json(program, 1);
        CHECK(one.size() > 1000);
        CHECK(one == trace_json(program, 2));
        CHECK(one == trace_json(program, 8));
    }
}

TEST_CASE("child_process: kill() stops a child that waits on a timer after the interrupt latency") {
    const std::string dir = std::filesystem::path(write_scenario("kill-timer", "")).parent_path().string();
    std::ofstream(dir + "/spin.js") << "process.send('ready');\nsetInterval(() => {}, 1000);\n";
    std::ofstream(dir + "/main.js") << R"JS(
const { fork } = require('child_process');
const child = fork(__dirname + '/spin.js');
let killedAt = 0;
child.on('message', () => { killedAt = performance.now(); child.kill(); });
child.on('exit', (code, signal) => {
  const ms = performance.now() - killedAt;
  console.log(code, signal, ms > 1 && ms < 5 ? 'about 1 ms' : 'took ' + ms + ' ms');
});
)JS";
    CHECK(run(dir + "/main.js").out.stdout_text == "null SIGTERM about 1 ms\n");
}

TEST_CASE("processes: when every process waits forever the run ends with one clear message") {
    const std::string dir = std::filesystem::path(write_scenario("stuck", "")).parent_path().string();
    std::ofstream(dir + "/child.js") << "process.on('message', () => {});\nconsole.log('child waits');\n";
    std::ofstream(dir + "/main.js") << "require('child_process').fork(__dirname + '/child.js');\n";
    for (uint32_t threads : {1u, 2u, 8u}) {
        CAPTURE(threads);
        Result r = run(dir + "/main.js", 4, threads);
        CHECK(r.code == 120);
        CHECK(r.out.stdout_text == "child waits\n");
        CHECK(r.out.stderr_text == "looplab: the event loop would block forever (no timers and no I/O)\n");
    }
}
