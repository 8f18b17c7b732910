// The event loop's ordering rules, checked by running small programs
// through the runtime (expected outputs recorded from node v20), and the
// determinism of the recorded trace.
#include <unistd.h>  // getpid: CTest runs test cases as parallel processes
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/node/process_run.h"
#include "engine/trace/exporters.h"
#include "engine/trace/fold.h"

using namespace looplab;

namespace {

struct Ran {
    node::BufferSink out;
    int code = 0;
    trace::Trace trace;
};

std::string write_program(const std::string& name, const std::string& source) {
    const auto dir = std::filesystem::temp_directory_path() / ("looplab-test-loop-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::ofstream(path) << source;
    return path.string();
}

std::unique_ptr<Ran> run(const std::string& source, node::RunConfig config = {}) {
    auto r = std::make_unique<Ran>();
    config.script_path = write_program("prog.js", source);
    r->code = node::run_program_recorded(config, r->out, r->trace).exit_code;
    return r;
}

}  // namespace

TEST_CASE("loop: nextTick before promises, both before timers and immediates") {
    auto r = run(R"(
setTimeout(() => console.log('timeout'), 5);
setImmediate(() => console.log('immediate'));
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('tick'));
console.log('sync');
)");
    CHECK(r->out.stdout_text == "sync\ntick\npromise\nimmediate\ntimeout\n");
    CHECK(r->code == 0);
}

TEST_CASE("loop: ticks queued by microtasks run after the microtask queue drains") {
    auto r = run(R"(
Promise.resolve().then(() => { console.log('p1'); process.nextTick(() => console.log('t2')); })
  .then(() => console.log('p2'));
process.nextTick(() => console.log('t1'));
)");
    CHECK(r->out.stdout_text == "t1\np1\np2\nt2\n");
}

TEST_CASE("loop: microtasks drain between timer callbacks and between immediates") {
    auto r = run(R"(
setTimeout(() => { console.log('t1'); Promise.resolve().then(() => console.log('m1')); }, 1);
setTimeout(() => { console.log('t2'); process.nextTick(() => console.log('n2')); }, 1);
setTimeout(() => {
  setImmediate(() => { console.log('i1'); process.nextTick(() => console.log('n3')); });
  setImmediate(() => console.log('i2'));
}, 2);
)");
    CHECK(r->out.stdout_text == "t1\nm1\nt2\nn2\ni1\nn3\ni2\n");
}

TEST_CASE("loop: inside an I/O-free timer, setImmediate beats setTimeout 0") {
    auto r = run(R"(
setTimeout(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
}, 1);
)");
    CHECK(r->out.stdout_text == "immediate\ntimeout\n");
}

TEST_CASE("loop: immediates added during check run in the next iteration") {
    auto r = run(R"(
setImmediate(() => { console.log('a'); setImmediate(() => console.log('c')); });
setImmediate(() => { console.log('b'); Promise.resolve().then(() => console.log('b-micro')); });
)");
    CHECK(r->out.stdout_text == "a\nb\nb-micro\nc\n");
}

TEST_CASE("loop: equal expiries run in creation order; intervals re-arm") {
    auto r = run(R"(
setTimeout(() => console.log('A10'), 10);
setTimeout(() => console.log('B5'), 5);
setTimeout(() => console.log('C10'), 10);
let n = 0;
const iv = setInterval(() => { console.log('iv', ++n); if (n === 3) clearInterval(iv); }, 4);
)");
    CHECK(r->out.stdout_text == "iv 1\nB5\niv 2\nA10\nC10\niv 3\n");
}

TEST_CASE("loop: a busy loop delays a due timer; Date.now reads the virtual clock") {
    auto r = run(R"(
const t0 = Date.now();
setTimeout(() => console.log('timer after', Date.now() - t0 >= 50), 10);
while (Date.now() - t0 < 50) {}
console.log('busy', Date.now() - t0);
)");
    CHECK(r->out.stdout_text == "busy 50\ntimer after true\n");
}

TEST_CASE("loop: beforeExit can restart the loop; exit gets the code") {
    auto r = run(R"(
let restarted = false;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code);
  if (!restarted) { restarted = true; setTimeout(() => console.log('again'), 1); }
});
process.on('exit', (code) => console.log('exit', code));
process.exitCode = 3;
)");
    CHECK(r->out.stdout_text == "beforeExit 3\nagain\nbeforeExit 3\nexit 3\n");
    CHECK(r->code == 3);
}

TEST_CASE("loop: unref'd timers do not keep the loop alive") {
    auto r = run(R"(
setTimeout(() => console.log('never'), 10).unref();
const t = setTimeout(() => console.log('kept'), 5);
console.log(t.hasRef());
)");
    CHECK(r->out.stdout_text == "true\nkept\n");  // node: the unref'd timer never fires
}

TEST_CASE("loop: an unhandled rejection ends the process with Node's report") {
    auto r = run("Promise.reject(42);\n");
    CHECK(r->code == 1);
    CHECK(r->out.stderr_text.find("The promise rejected with the reason \"42\".") != std::string::npos);
    CHECK(r->out.stderr_text.find("code: 'ERR_UNHANDLED_REJECTION'") != std::string::npos);
}

TEST_CASE("loop: process.exit stops at once and runs 'exit' listeners") {
    auto r = run(R"(
process.on('exit', (c) => console.log('exit', c));
setTimeout(() => console.log('never'), 1);
Promise.resolve().then(() => { console.log('micro'); process.exit(4); console.log('not here'); });
)");
    CHECK(r->out.stdout_text == "micro\nexit 4\n");
    CHECK(r->code == 4);
}

TEST_CASE("loop: the step limit ends a runaway loop with a clear message") {
    node::RunConfig config;
    config.limits.max_steps = 100'000;
    auto r = run("while (true) {}\n", config);
    CHECK(r->code == 120);
    CHECK(r->out.stderr_text == "looplab: step limit of 100000 reached (use --max-steps)\n");
}

TEST_CASE("trace: the same program gives a byte-identical trace") {
    const std::string program = R"(
setTimeout(() => console.log('t'), 3);
setImmediate(() => Promise.resolve().then(() => console.log('m')));
process.nextTick(() => console.log('n'));
)";
    auto a = run(program);
    auto b = run(program);
    std::ostringstream ja, jb;
    trace::write_json(a->trace, ja);
    trace::write_json(b->trace, jb);
    CHECK(ja.str() == jb.str());
    CHECK(a->trace.size() > 20);
}

TEST_CASE("trace: the fold at the end shows the exit and the console") {
    auto r = run("console.log('hi');\nsetTimeout(() => console.log('bye'), 2);\n");
    const trace::ViewState end = trace::fold_to(r->trace, r->trace.size());
    CHECK(end.finished);
    CHECK(end.exit_code == 0);
    REQUIRE(end.console.size() == 2);
    CHECK(end.console[1].text == "bye");
    CHECK(end.loop_iteration >= 1);
    for (const auto& q : end.queues) CHECK(q.empty());
    // Somewhere in the middle the timer waits in the timers queue.
    bool saw_timer = false;
    trace::Seeker seeker(r->trace, 64);
    for (size_t i = 0; i < r->trace.size(); i++) {
        if (!seeker.seek(i).queue(trace::QueueKind::Timers).empty()) saw_timer = true;
    }
    CHECK(saw_timer);
}
