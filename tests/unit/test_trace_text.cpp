// The narrated text export: one column per thread when a trace holds
// several isolates, and each thread's phase kept apart.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "engine/trace/exporters.h"
#include "engine/trace/trace.h"

using namespace looplab::trace;

namespace {

std::string narrate(const Trace& t) {
    std::ostringstream out;
    write_text(t, out);
    return out.str();
}

}  // namespace

TEST_CASE("text export: a single-isolate trace has no thread column") {
    Trace t;
    t.append(0, EventKind::PhaseEnter, Rule::MainScriptRunsFirst, uint32_t(Phase::Main), 0, 0);
    const std::string text = narrate(t);
    CHECK(text.find("phase     what happened") != std::string::npos);
    CHECK(text.find("thread") == std::string::npos);
}

TEST_CASE("text export: several isolates name their thread and keep their own phase") {
    Trace t;
    t.append(0, EventKind::PhaseEnter, Rule::None, uint32_t(Phase::Poll), 0, 0);
    t.append(10, EventKind::PhaseEnter, Rule::None, uint32_t(Phase::Main), 0, 1);
    t.append(20, EventKind::LoopIteration, Rule::None, 3, 0, 0);
    const std::string text = narrate(t);
    CHECK(text.find("thread     phase     what happened") != std::string::npos);
    CHECK(text.find("main       poll      enter the poll phase") != std::string::npos);
    CHECK(text.find("isolate 1  main      enter the main phase") != std::string::npos);
    // The worker's main phase did not change the main thread's poll phase.
    CHECK(text.find("main       poll      --- loop iteration 3 ---") != std::string::npos);
}
