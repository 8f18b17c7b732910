// Callback order around uncaught exceptions handled by an
// 'uncaughtException' listener, and around the 'exit' event (docs/loop.md).
// Expected outputs recorded from node v20.
#include <doctest/doctest.h>

#include "engine/trace/fold.h"
#include "tests/unit/recorded_run.h"

using namespace looplab;

namespace {

std::unique_ptr<test::RecordedRun> run(const std::string& source) { return test::record_source("test-uncaught", source); }

}  // namespace

TEST_CASE("uncaught: a handled exception queues a noop immediate") {
    auto r = run(R"(
process.on('uncaughtException', () => console.log('caught'));
setTimeout(() => { throw new Error('x'); }, 1);
)");
    CHECK(r->out.stdout_text == "caught\n");
    bool saw_immediate = false;
    trace::Seeker seeker(r->trace, 64);
    for (size_t i = 0; i < r->trace.size(); i++) {
        if (!seeker.seek(i).queue(trace::QueueKind::Immediates).empty()) saw_immediate = true;
    }
    CHECK(saw_immediate);
}

TEST_CASE("uncaught: ticks after a throwing tick wait for the check phase, not for the next timer") {
    auto r = run(R"(
process.on('uncaughtException', (e) => console.log('caught', e.message));
process.nextTick(() => { throw new Error('tick1'); });
process.nextTick(() => console.log('tick2'));
Promise.resolve().then(() => console.log('promise'));
setTimeout(() => console.log('timeout 50'), 50);
)");
    CHECK(r->out.stdout_text == "caught tick1\ntick2\npromise\ntimeout 50\n");
}

TEST_CASE("uncaught: a throwing immediate lets its batch go on before the ticks") {
    auto r = run(R"(
process.on('uncaughtException', (e) => console.log('caught', e.message));
setImmediate(() => { process.nextTick(() => console.log('tick in im1')); throw new Error('im1'); });
setImmediate(() => { console.log('im2'); process.nextTick(() => console.log('tick in im2')); });
setImmediate(() => console.log('im3'));
)");
    CHECK(r->out.stdout_text == "caught im1\nim2\ntick in im1\ntick in im2\nim3\n");
}

TEST_CASE("exit: microtasks of 'exit' listeners run, ticks do not, exitCode still counts") {
    auto r = run(R"(
process.on('exit', () => {
  process.nextTick(() => console.log('tick'));
  Promise.resolve().then(() => { console.log('micro'); process.exitCode = 4; });
});
)");
    CHECK(r->out.stdout_text == "micro\n");
    CHECK(r->code == 4);
}
