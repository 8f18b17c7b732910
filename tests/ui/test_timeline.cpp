// The timeline's model: slices from the append-only trace, built
// incrementally (feeding the trace in pieces gives the same slices).
#include <doctest/doctest.h>

#include "engine/node/process_run.h"
#include "ui/panel_timeline.h"

using namespace looplab;

namespace {

trace::Trace record(const char* name) {
    node::RunConfig config;
    config.script_path = std::string(LOOPLAB_SOURCE_DIR) + "/assets/scenarios/" + name;
    node::BufferSink sink;
    trace::Trace t;
    node::run_program_recorded(config, sink, t);
    return t;
}

}  // namespace

TEST_CASE("hello.js: three callbacks on the main thread, coloured by where they came from") {
    const trace::Trace t = record("hello.js");
    ui::TimelineModel model;
    model.update(t);
    REQUIRE(model.lanes().size() == 1);
    const ui::Lane& main = model.lanes()[0];
    CHECK(main.name == "main thread");
    REQUIRE(main.callbacks.slices.size() == 3);
    CHECK(main.callbacks.slices[0].kind == ui::SliceKind::Main);
    CHECK(main.callbacks.slices[1].kind == ui::SliceKind::Microtask);
    CHECK(main.callbacks.slices[2].kind == ui::SliceKind::Timer);
    for (const ui::Slice& s : main.callbacks.slices) {
        CHECK(s.t1 != UINT64_MAX);
        CHECK(s.t0 <= s.t1);
    }
    // Phase bands are sorted and never overlap.
    const auto& bands = main.phases.slices;
    REQUIRE(bands.size() >= 7);
    for (size_t i = 1; i < bands.size(); ++i) CHECK(bands[i - 1].t1 <= bands[i].t0);
}

TEST_CASE("the model is the same whether the trace arrives at once or in pieces") {
    const trace::Trace whole = record("timers-vs-immediate.js");
    ui::TimelineModel once;
    once.update(whole);

    trace::Trace growing;
    for (const std::string& s : std::vector<std::string>(whole.strings().begin() + 1, whole.strings().end()))
        growing.intern(s);
    for (size_t i = 1; i < whole.items().size(); ++i) growing.add_item(whole.item(i));
    for (const auto& f : whole.files()) growing.add_file(f.path, f.text);
    ui::TimelineModel pieces;
    uint64_t now = 0;
    for (size_t i = 0; i < whole.size(); ++i) {
        const trace::Event& e = whole.events()[i];
        now = trace::advance_time(now, e);
        if (e.kind != trace::EventKind::TimeJump)
            growing.append(now, e.kind, static_cast<trace::Rule>(e.rule), e.a, e.b, e.isolate);
        if (i % 7 == 0) pieces.update(growing);
    }
    pieces.update(growing);
    REQUIRE(pieces.lanes().size() == once.lanes().size());
    for (size_t l = 0; l < once.lanes().size(); ++l) {
        const auto& a = once.lanes()[l].callbacks.slices;
        const auto& b = pieces.lanes()[l].callbacks.slices;
        REQUIRE(a.size() == b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].t0 == b[i].t0);
            CHECK(a[i].t1 == b[i].t1);
            CHECK(a[i].kind == b[i].kind);
        }
        CHECK(once.lanes()[l].phases.slices.size() == pieces.lanes()[l].phases.slices.size());
    }
}
