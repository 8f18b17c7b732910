// Token motions derived from two folds of a trace: forward steps move work
// from where it was queued to where it runs; backward steps play the same
// motions in reverse.
#include <doctest/doctest.h>

#include "engine/trace/fold.h"
#include "engine/trace/trace.h"
#include "ui/animation.h"

// The unit-test target links the engine only (no ImGui, no GL); the
// derivation has no ImGui either, so its one source file is compiled here.
#include "ui/animation.cpp"  // NOLINT(bugprone-suspicious-include)

using namespace looplab;
using trace::EventKind;
using trace::QueueKind;
using trace::Rule;
using ui::Motion;
using ui::Place;

namespace {

// setTimeout(t, 5); process.nextTick(tick); then tick runs, then the timer
// is cleared. Cursor after each event: 1 enqueue timer, 2 enqueue tick,
// 3 dequeue tick, 4 cancel timer.
struct Program {
    trace::Trace trace;
    uint32_t timer = 0;
    uint32_t tick = 0;

    Program() {
        trace.add_file("main.js", "");
        timer = trace.add_item({QueueKind::Timers, trace.intern("t"), 1, 5, 1});
        tick = trace.add_item({QueueKind::NextTick, trace.intern("tick"), 2, 0, 1});
        trace.append(0, EventKind::Enqueue, Rule::TimerQueued, timer, uint32_t(QueueKind::Timers));
        trace.append(10, EventKind::Enqueue, Rule::NextTickQueued, tick, uint32_t(QueueKind::NextTick));
        trace.append(20, EventKind::Dequeue, Rule::NextTickBeforePromises, tick, uint32_t(QueueKind::NextTick));
        trace.append(30, EventKind::Cancel, Rule::TimerCleared, timer, uint32_t(QueueKind::Timers));
    }
    trace::ViewState at(size_t cursor) const { return trace::fold_to(trace, cursor); }
};

bool same(const Motion& m, uint32_t item, Place from, Place to) {
    return m.item == item && m.from == from && m.to == to;
}

}  // namespace

TEST_CASE("animation: enqueue flies from the running code to its queue, and back when stepping back") {
    const Program p;
    const auto forward = ui::derive_motions(p.at(1), p.at(2));
    REQUIRE(forward.size() == 1);
    CHECK(same(forward[0], p.tick, Place::stack(), Place::queue(QueueKind::NextTick)));
    CHECK(trace::item_label(p.trace, forward[0].item) == "tick");
    CHECK(trace::item_line(p.trace, forward[0].item) == 2);

    const auto backward = ui::derive_motions(p.at(2), p.at(1));
    REQUIRE(backward.size() == 1);
    CHECK(same(backward[0], p.tick, Place::queue(QueueKind::NextTick), Place::stack()));
}

TEST_CASE("animation: dequeue flies from the queue to the call stack; backward from the stack to the queue") {
    const Program p;
    const auto forward = ui::derive_motions(p.at(2), p.at(3));
    REQUIRE(forward.size() == 1);
    CHECK(same(forward[0], p.tick, Place::queue(QueueKind::NextTick), Place::stack()));

    const auto backward = ui::derive_motions(p.at(3), p.at(2));
    REQUIRE(backward.size() == 1);
    CHECK(same(backward[0], p.tick, Place::stack(), Place::queue(QueueKind::NextTick)));
}

TEST_CASE("animation: a cleared timer fades out, and fades back in when stepping back") {
    const Program p;
    const auto forward = ui::derive_motions(p.at(3), p.at(4));
    REQUIRE(forward.size() == 1);
    CHECK(same(forward[0], p.timer, Place::queue(QueueKind::Timers), Place{}));

    const auto backward = ui::derive_motions(p.at(4), p.at(3));
    REQUIRE(backward.size() == 1);
    CHECK(same(backward[0], p.timer, Place{}, Place::queue(QueueKind::Timers)));
}

TEST_CASE("animation: a multi-event step compares only its two ends; no step, no motion") {
    const Program p;
    const auto forward = ui::derive_motions(p.at(0), p.at(3));
    // tick was queued and ran inside the step: it is in no queue at either
    // end, so it does not fly.
    REQUIRE(forward.size() == 1);
    CHECK(same(forward[0], p.timer, Place::stack(), Place::queue(QueueKind::Timers)));

    CHECK(ui::derive_motions(p.at(2), p.at(2)).empty());
}

TEST_CASE("animation: every backward step is the forward step reversed") {
    const Program p;
    for (size_t c = 0; c < p.trace.size(); ++c) {
        const auto forward = ui::derive_motions(p.at(c), p.at(c + 1));
        const auto backward = ui::derive_motions(p.at(c + 1), p.at(c));
        REQUIRE(forward.size() == backward.size());
        for (size_t i = 0; i < forward.size(); ++i) {
            CHECK(forward[i].item == backward[i].item);
            CHECK(forward[i].from == backward[i].to);
            CHECK(forward[i].to == backward[i].from);
        }
    }
}

TEST_CASE("animation: pool work moves waiting -> lane -> poll queue -> stack") {
    trace::ViewState queued;
    queued.cursor = 1;
    queued.pool.size = 1;
    queued.pool.threads.resize(1);
    queued.pool.waiting.push_back({7, 0, 0});

    trace::ViewState started = queued;
    started.cursor = 2;
    started.pool.waiting.clear();
    started.pool.threads[0] = {7, 100, 500};

    trace::ViewState finished = started;
    finished.cursor = 3;
    finished.pool.threads[0] = {};
    finished.pool.completed.push_back({7, 100, 500});

    trace::ViewState delivered = finished;
    delivered.cursor = 4;
    delivered.pool.completed.clear();

    auto one = [](const trace::ViewState& a, const trace::ViewState& b) {
        const auto m = ui::derive_motions(a, b);
        REQUIRE(m.size() == 1);
        return m[0];
    };
    CHECK(same(one(queued, started), 7, Place::pool_waiting(), Place::pool_thread(0)));
    CHECK(same(one(started, finished), 7, Place::pool_thread(0), Place::poll_queue()));
    CHECK(same(one(finished, delivered), 7, Place::poll_queue(), Place::stack()));
    CHECK(same(one(finished, started), 7, Place::poll_queue(), Place::pool_thread(0)));
    CHECK(same(one(delivered, finished), 7, Place::stack(), Place::poll_queue()));
}

TEST_CASE("animation: showing another thread's queues moves no token") {
    trace::ViewState main_thread;
    main_thread.cursor = 1;
    main_thread.queues[size_t(QueueKind::NextTick)].push_back({3, 0});
    trace::ViewState worker = main_thread;
    worker.cursor = 2;
    worker.isolate = 1;
    worker.queues[size_t(QueueKind::NextTick)].clear();
    CHECK(ui::derive_motions(main_thread, worker).empty());
    CHECK(ui::derive_motions(worker, main_thread).empty());
}
