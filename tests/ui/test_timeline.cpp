// The timeline's model: slices from the append-only trace, built
// incrementally (feeding the trace in pieces gives the same slices).
#include <doctest/doctest.h>
#include <unistd.h>  // getpid: CTest runs test cases as parallel processes

#include <algorithm>
#include <filesystem>
#include <fstream>

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

trace::Trace record_source(const std::string& source) {
    const auto dir = std::filesystem::temp_directory_path() / ("looplab-test-timeline-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    node::RunConfig config;
    config.script_path = (dir / "nested.js").string();
    std::ofstream(config.script_path) << source;
    node::BufferSink sink;
    trace::Trace t;
    node::run_program_recorded(config, sink, t);
    return t;
}

bool inside(const ui::Slice& inner, const ui::Slice& outer) { return outer.t0 <= inner.t0 && inner.t1 <= outer.t1; }

}  // namespace

TEST_CASE("calls inside a callback are nested slices, one row per depth, each inside its caller") {
    const trace::Trace t = record_source(
        "function inner() { return 1; }\n"
        "function outer() { return inner() + inner(); }\n"
        "setTimeout(function tick() { outer(); }, 0);\n");
    ui::TimelineModel model;
    model.update(t);
    REQUIRE(!model.lanes().empty());
    const ui::Lane& main = model.lanes()[0];
    const auto tick = std::find_if(main.callbacks.slices.begin(), main.callbacks.slices.end(),
                                   [&](const ui::Slice& s) { return t.str(s.label) == "tick"; });
    REQUIRE(tick != main.callbacks.slices.end());
    CHECK(tick->kind == ui::SliceKind::Timer);
    REQUIRE(main.nested.size() >= 2);
    const auto& depth1 = main.nested[0].slices;
    const auto outer = std::find_if(depth1.begin(), depth1.end(),
                                    [&](const ui::Slice& s) { return t.str(s.label) == "outer"; });
    REQUIRE(outer != depth1.end());
    CHECK(outer->kind == ui::SliceKind::Call);
    CHECK(inside(*outer, *tick));
    size_t inners = 0;
    for (const ui::Slice& s : main.nested[1].slices) {
        if (t.str(s.label) != "inner" || !inside(s, *outer)) continue;
        ++inners;
        CHECK(s.line == 1);
    }
    CHECK(inners == 2);
    // Every row stays sorted and non-overlapping, so drawing can binary-search it.
    for (const ui::Row& row : main.nested) {
        for (size_t i = 1; i < row.slices.size(); ++i) CHECK(row.slices[i - 1].t1 <= row.slices[i].t0);
    }
}

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
        REQUIRE(once.lanes()[l].nested.size() == pieces.lanes()[l].nested.size());
        for (size_t d = 0; d < once.lanes()[l].nested.size(); ++d) {
            const auto& x = once.lanes()[l].nested[d].slices;
            const auto& y = pieces.lanes()[l].nested[d].slices;
            REQUIRE(x.size() == y.size());
            for (size_t i = 0; i < x.size(); ++i) CHECK((x[i].t0 == y[i].t0 && x[i].t1 == y[i].t1));
        }
    }
}
