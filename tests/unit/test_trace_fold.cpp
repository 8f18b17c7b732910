// The ViewState fold: seeking through checkpoints must give exactly the
// state that folding from the first event gives, for any cursor.
#include <doctest/doctest.h>

#include <unistd.h>  // getpid: CTest runs test cases as parallel processes

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/node/process_run.h"
#include "engine/trace/exporters.h"
#include "engine/trace/fold.h"
#include "engine/trace/trace.h"

using namespace looplab::trace;

namespace {

bool same_queue(const EntryQueue& a, const EntryQueue& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++) {
        if (a[i].item != b[i].item || a[i].due_ms != b[i].due_ms) {
            return false;
        }
    }
    return true;
}

bool same_jobs(const auto& a, const auto& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++) {
        if (a[i].item != b[i].item || a[i].started_ns != b[i].started_ns ||
            a[i].finish_ns != b[i].finish_ns) {
            return false;
        }
    }
    return true;
}

bool same_isolates(const ViewState& a, const ViewState& b) {
    if (a.isolate != b.isolate || a.isolates.size() != b.isolates.size()) return false;
    for (size_t i = 0; i < a.isolates.size(); i++) {
        const IsolateStatus &x = a.isolates[i], &y = b.isolates[i];
        if (x.seen != y.seen || x.exited != y.exited || x.last_event != y.last_event) return false;
        if (i == a.isolate) continue;
        const ParkedIsolate &p = a.parked[i], &q = b.parked[i];
        if (p.stack.size() != q.stack.size() || p.phase != q.phase || p.loop_iteration != q.loop_iteration) return false;
        for (size_t k = 0; k < kQueueCount; k++) {
            if (!same_queue(p.queues[k], q.queues[k])) return false;
        }
    }
    return true;
}

bool same_extras(const ViewState& a, const ViewState& b) {
    return a.pool.size == b.pool.size && same_jobs(a.pool.threads, b.pool.threads) &&
           same_jobs(a.pool.waiting, b.pool.waiting) && same_jobs(a.pool.completed, b.pool.completed) &&
           a.last_dequeued.event == b.last_dequeued.event && a.last_dequeued.entry.item == b.last_dequeued.entry.item &&
           same_isolates(a, b);
}

bool same_view(const ViewState& a, const ViewState& b) {
    if (!same_extras(a, b)) return false;
    if (a.cursor != b.cursor || a.time_ns != b.time_ns || a.current_line != b.current_line ||
        a.current_column != b.current_column || a.phase != b.phase || a.loop_iteration != b.loop_iteration ||
        a.rule != b.rule || a.finished != b.finished || a.exit_code != b.exit_code || a.race != b.race ||
        a.unrefed_handles != b.unrefed_handles || a.open_line != b.open_line || a.uncaught != b.uncaught) {
        return false;
    }
    if (a.stack.size() != b.stack.size() || a.console.size() != b.console.size()) return false;
    for (size_t i = 0; i < a.stack.size(); i++) {
        if (a.stack[i].name != b.stack[i].name || a.stack[i].line != b.stack[i].line ||
            a.stack[i].internal != b.stack[i].internal) {
            return false;
        }
    }
    for (size_t i = 0; i < a.console.size(); i++) {
        if (a.console[i].text != b.console[i].text || a.console[i].stream != b.console[i].stream) return false;
    }
    for (size_t q = 0; q < kQueueCount; q++) {
        if (!same_queue(a.queues[q], b.queues[q])) return false;
    }
    return true;
}

// A long, plausible trace from a seeded generator: frames nest, items are
// enqueued before they are dequeued, console writes split lines.
Trace synthetic_trace(uint64_t seed, size_t events) {
    Trace t;
    t.add_file("/scenario/main.js", "console.log(1)\n");
    uint64_t s = seed;
    auto next = [&] {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    };
    uint64_t now = 0;
    int depth = 0;
    std::vector<std::pair<uint32_t, uint32_t>> waiting;  // (item, queue)
    std::vector<uint32_t> pool_waiting, pool_done;
    std::vector<uint32_t> pool_threads(4, 0);
    const char* words[] = {"a", "b\n", "c\nd", "\n", "tick", "x\ny\n"};
    for (size_t i = 0; i < events; i++) {
        now += next() % 5000;
        if (next() % 97 == 0) now += 5'000'000'000ULL;  // forces a TimeJump
        const auto isolate = uint16_t(next() % 8 == 0 ? 1 + next() % 2 : 0);  // mostly the main thread
        switch (next() % 12) {
        case 0:
            t.append(now, EventKind::CallPush, Rule::CallbackRuns, t.intern("f" + std::to_string(next() % 7)),
                     uint32_t(next() % 50) << 1 | uint32_t(next() % 2), isolate);
            depth++;
            break;
        case 1:
            if (depth > 0) {
                t.append(now, EventKind::CallPop, Rule::None);
                depth--;
            }
            break;
        case 2: {
            const auto q = uint32_t(next() % kQueueCount);
            Item item;
            item.queue = static_cast<QueueKind>(q);
            item.label = t.intern("cb" + std::to_string(next() % 5));
            item.line = uint32_t(next() % 40);
            item.due_ms = next() % 100;
            const uint32_t id = t.add_item(item);
            t.append(now, EventKind::Enqueue, Rule::TimerQueued, id, q);
            waiting.emplace_back(id, q);
            break;
        }
        case 3:
            if (!waiting.empty()) {
                const size_t k = next() % waiting.size();
                t.append(now, next() % 4 ? EventKind::Dequeue : EventKind::Cancel, Rule::TimerDue, waiting[k].first,
                         waiting[k].second);
                waiting.erase(waiting.begin() + ptrdiff_t(k));
            }
            break;
        case 4:
            t.append(now, EventKind::ConsoleWrite, Rule::ConsoleIsSynchronous, t.intern(words[next() % 6]),
                     uint32_t(next() % 2));
            break;
        case 5: t.append(now, EventKind::PhaseEnter, Rule::PhaseOrder, uint32_t(next() % kPhaseCount)); break;
        case 6: t.append(now, EventKind::PhaseLeave, Rule::None, 0); break;
        case 7: t.append(now, EventKind::Step, Rule::None, uint32_t(next() % 30), uint32_t(next() % 20)); break;
        case 8: t.append(now, EventKind::LoopIteration, Rule::PhaseOrder, uint32_t(i), 0, isolate); break;
        case 9: {
            Item item;
            item.queue = QueueKind::Pending;
            item.label = t.intern("pbkdf2");
            const uint32_t id = t.add_item(item);
            t.append(now, EventKind::PoolQueued, Rule::PoolJobQueued, id, 4);
            pool_waiting.push_back(id);
            break;
        }
        case 10: {
            const auto thread = uint32_t(next() % 4);
            if (pool_waiting.empty()) break;
            if (pool_threads[thread] != 0) {
                t.append(now, EventKind::PoolFinished, Rule::PoolJobFinished, pool_threads[thread], thread);
                pool_done.push_back(pool_threads[thread]);
            }
            pool_threads[thread] = pool_waiting.front();
            pool_waiting.erase(pool_waiting.begin());
            t.append(now, EventKind::PoolStarted, Rule::PoolJobStarted, pool_threads[thread], thread);
            break;
        }
        case 11:
            if (!pool_done.empty()) {
                t.append(now, EventKind::IoReady, Rule::PoolCallbackInPoll, pool_done.front(), 0);
                pool_done.erase(pool_done.begin());
            }
            break;
        }
    }
    t.append(now, EventKind::ProcessExit, Rule::ExitEvent, 0, 0, 2);  // a worker thread ends first
    t.append(now, EventKind::ProcessExit, Rule::ExitEvent, 3);
    return t;
}

}  // namespace

TEST_CASE("trace events are 16 bytes") { CHECK(sizeof(Event) == 16); }

TEST_CASE("seek(N) equals the fold from zero for random N") {
    const Trace t = synthetic_trace(42, 20'000);
    Seeker seeker(t, 512);
    uint64_t s = 7;
    for (int i = 0; i < 60; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        const size_t cursor = size_t(s >> 33) % (t.size() + 1);
        const ViewState sought = seeker.seek(cursor);
        const ViewState folded = fold_to(t, cursor);
        CHECK(sought.cursor == cursor);
        CHECK(same_view(sought, folded));
    }
    // Backwards and to both ends.
    CHECK(same_view(seeker.seek(0), fold_to(t, 0)));
    CHECK(same_view(seeker.seek(t.size()), fold_to(t, t.size())));
    CHECK(same_view(seeker.seek(1), fold_to(t, 1)));
    CHECK(seeker.seek(t.size()).finished);
}

TEST_CASE("absolute time survives gaps larger than the 32-bit delta") {
    Trace t;
    t.append(10, EventKind::Step, Rule::None, 1, 1);
    t.append(10 + 9'000'000'000ULL, EventKind::Step, Rule::None, 2, 1);
    const auto times = event_times(t);
    CHECK(times.back() == 10 + 9'000'000'000ULL);
    CHECK(fold_to(t, t.size()).time_ns == 10 + 9'000'000'000ULL);
}

TEST_CASE("console writes fold into lines, partial writes continue a line") {
    Trace t;
    t.append(0, EventKind::ConsoleWrite, Rule::None, t.intern("ab"), 0);
    t.append(1, EventKind::ConsoleWrite, Rule::None, t.intern("c\nd\n"), 0);
    t.append(2, EventKind::ConsoleWrite, Rule::None, t.intern("err\n"), 1);
    const ViewState v = fold_to(t, t.size());
    REQUIRE(v.console.size() == 3);
    CHECK(v.console[0].text == "abc");
    CHECK(v.console[1].text == "d");
    CHECK(v.console[2].text == "err");
    CHECK(v.console[2].stream == ConsoleStream::Stderr);
}

TEST_CASE("timers show in due order, ties by creation") {
    Trace t;
    auto add = [&](uint64_t due) {
        Item item;
        item.queue = QueueKind::Timers;
        item.due_ms = due;
        const uint32_t id = t.add_item(item);
        t.append(0, EventKind::Enqueue, Rule::TimerQueued, id, uint32_t(QueueKind::Timers));
        return id;
    };
    const uint32_t a = add(10), b = add(5), c = add(10);
    const ViewState v = fold_to(t, t.size());
    const auto& q = v.queue(QueueKind::Timers);
    REQUIRE(q.size() == 3);
    CHECK(q[0].item == b);
    CHECK(q[1].item == a);
    CHECK(q[2].item == c);
}

TEST_CASE("exporters are deterministic and well-formed") {
    const Trace t = synthetic_trace(9, 2'000);
    std::ostringstream a, b, chrome, text;
    write_json(t, a);
    write_json(t, b);
    CHECK(a.str() == b.str());
    write_chrome(t, chrome);
    CHECK(chrome.str().find("\"traceEvents\"") != std::string::npos);
    write_text(t, text);
    CHECK(text.str().find("process exits with code 3") != std::string::npos);
}

namespace {

std::unique_ptr<Trace> record(const std::string& name, const std::string& source) {
    const auto dir = std::filesystem::temp_directory_path() / ("looplab-test-fold-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    looplab::node::RunConfig config;
    config.script_path = (dir / name).string();
    std::ofstream(config.script_path) << source;
    looplab::node::BufferSink out;
    auto t = std::make_unique<Trace>();
    looplab::node::run_program_recorded(config, out, *t);
    return t;
}

// The cursor just after the n-th (1-based) event of `kind` for `item` (0: any item).
size_t after(const Trace& t, EventKind kind, size_t n, uint32_t item = 0) {
    for (size_t i = 0; i < t.size(); i++) {
        const Event& e = t.events()[i];
        if (e.kind == kind && (item == 0 || e.a == item) && --n == 0) return i + 1;
    }
    FAIL("no such event");
    return 0;
}

size_t busy(const PoolView& pool) {
    return size_t(std::count_if(pool.threads.begin(), pool.threads.end(), [](const PoolJob& j) { return j.item; }));
}

}  // namespace

TEST_CASE("pool: five pbkdf2 calls on four threads, the fifth waits for the first to finish") {
    const auto t = record("pool.js", R"(const crypto = require('crypto');
for (let i = 1; i <= 5; i++) {
  crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', () => console.log('hash ' + i));
}
)");
    const size_t queued = after(*t, EventKind::PoolQueued, 5);
    const uint32_t fifth = t->events()[queued - 1].a;
    const uint32_t first = t->events()[after(*t, EventKind::PoolQueued, 1) - 1].a;

    const ViewState all_queued = fold_to(*t, queued);
    CHECK(all_queued.pool.size == 4);
    CHECK(busy(all_queued.pool) == 4);
    REQUIRE(all_queued.pool.waiting.size() == 1);
    CHECK(all_queued.pool.waiting.front().item == fifth);
    CHECK(entry_label(*t, all_queued.pool.waiting.front()) == "crypto.pbkdf2");
    // Running jobs know their expected end, so the lane can draw progress.
    for (const PoolJob& job : all_queued.pool.threads) CHECK(job.finish_ns > job.started_ns);
    CHECK(all_queued.pool.threads[0].item == first);

    const size_t fifth_starts = after(*t, EventKind::PoolStarted, 1, fifth);
    const ViewState started = fold_to(*t, fifth_starts);
    CHECK(started.pool.waiting.empty());
    CHECK(busy(started.pool) == 4);
    REQUIRE(started.pool.completed.size() >= 1);
    CHECK(started.pool.completed.front().item == first);
    const auto lane = std::find_if(started.pool.threads.begin(), started.pool.threads.end(),
                                   [&](const PoolJob& j) { return j.item == fifth; });
    REQUIRE(lane != started.pool.threads.end());
    CHECK(lane->started_ns == started.time_ns);
    CHECK(lane->started_ns >= started.pool.completed.front().finish_ns);
    // The same work costs the same virtual time on any thread.
    const PoolJob& done_first = started.pool.completed.front();
    CHECK(lane->finish_ns - lane->started_ns == done_first.finish_ns - done_first.started_ns);

    // poll delivers the first completion: it leaves "done", and is the last dequeued.
    const ViewState delivered = fold_to(*t, after(*t, EventKind::IoReady, 1, first));
    CHECK(std::none_of(delivered.pool.completed.begin(), delivered.pool.completed.end(),
                       [&](const PoolJob& j) { return j.item == first; }));
    CHECK(delivered.last_dequeued.from_pool);
    CHECK(delivered.last_dequeued.entry.item == first);

    const ViewState end = fold_to(*t, t->size());
    CHECK(end.finished);
    CHECK(busy(end.pool) == 0);
    CHECK(end.pool.waiting.empty());
    CHECK(end.pool.completed.empty());

    Seeker seeker(*t, 64);
    for (size_t c = 0; c <= t->size(); c += 7) CHECK(same_view(seeker.seek(c), fold_to(*t, c)));
}

TEST_CASE("the RACE badge lasts while the racing callback runs, not after it") {
    const auto t = record("race.js", "setTimeout(() => console.log('timeout'), 0);\n"
                                     "setImmediate(() => console.log('immediate'));\n");
    const size_t race = after(*t, EventKind::Race, 1);
    CHECK(fold_to(*t, race).race);
    const size_t printed = after(*t, EventKind::ConsoleWrite, 1);
    CHECK(fold_to(*t, printed).race);
    // The callback returns, then the loop moves on: no badge any more.
    size_t popped = printed;
    while (t->events()[popped].kind != EventKind::CallPop) popped++;
    CHECK_FALSE(fold_to(*t, t->size()).race);
    bool lingering = false;
    for (size_t c = popped + 2; c <= t->size(); c++) lingering = lingering || fold_to(*t, c).race;
    CHECK_FALSE(lingering);
}

TEST_CASE("each isolate keeps its own stack and queues; the fold follows the event's isolate") {
    Trace t;
    t.add_file("/scenario/main.js", "");
    const uint32_t tick = t.add_item({QueueKind::NextTick, t.intern("tick"), 3, 0, 1});
    t.append(0, EventKind::CallPush, Rule::None, t.intern("main"), 1 << 1);
    t.append(1, EventKind::Enqueue, Rule::NextTickQueued, tick, uint32_t(QueueKind::NextTick));
    t.append(2, EventKind::CallPush, Rule::None, t.intern("workerMain"), 5 << 1, 1);
    t.append(3, EventKind::Step, Rule::None, 6, 1, 1);
    const ViewState in_worker = fold_to(t, t.size());
    CHECK(in_worker.isolate == 1);
    REQUIRE(in_worker.stack.size() == 1);
    CHECK(in_worker.stack[0].name == "workerMain");
    CHECK(in_worker.current_line == 6);
    CHECK(in_worker.queue(QueueKind::NextTick).empty());
    REQUIRE(in_worker.isolates.size() == 2);
    const IsolateRuntime main_thread = isolate_runtime(in_worker, 0);
    REQUIRE(main_thread.stack != nullptr);
    REQUIRE(main_thread.stack->size() == 1);
    CHECK(main_thread.stack->back().name == "main");
    CHECK(isolate_runtime(in_worker, 1).stack->back().name == "workerMain");
    CHECK(isolate_runtime(in_worker, 1).line == 6);

    ViewState main_again = in_worker;
    focus_isolate(main_again, 0);
    REQUIRE(main_again.stack.size() == 1);
    CHECK(main_again.stack[0].name == "main");
    CHECK(main_again.queue(QueueKind::NextTick).size() == 1);
    focus_isolate(main_again, 1);
    CHECK(main_again.stack[0].name == "workerMain");

    // A worker's exit ends that thread only; the main thread's ends the process.
    t.append(4, EventKind::ProcessExit, Rule::ExitEvent, 0, 0, 1);
    const ViewState worker_gone = fold_to(t, t.size());
    CHECK(worker_gone.isolates[1].exited);
    CHECK_FALSE(worker_gone.finished);
    t.append(5, EventKind::ProcessExit, Rule::ExitEvent, 2, 0, 0);
    const ViewState done = fold_to(t, t.size());
    CHECK(done.finished);
    CHECK(done.exit_code == 2);
    CHECK(done.isolate == 0);
}

TEST_CASE("a message is an arrow from its sender to its receiver until it is delivered") {
    Trace t;
    t.add_file("/scenario/main.js", "");
    const uint32_t to_worker = pack_message({1, MessagePayload::Object, MessageRoute::Worker});
    const uint32_t from_main = pack_message({0, MessagePayload::Object, MessageRoute::Worker});
    t.append(0, EventKind::MessagePost, Rule::None, to_worker, 20, 0);
    const ViewState posted = fold_to(t, t.size());
    REQUIRE(posted.messages.size() == 1);
    CHECK(posted.messages[0].from == 0);
    CHECK(posted.messages[0].to == 1);
    CHECK(posted.messages[0].label == "object");
    t.append(5, EventKind::MessageDeliver, Rule::None, from_main, 20, 1);
    CHECK(fold_to(t, t.size()).messages.empty());
    CHECK(fold_to(t, 1).messages.size() == 1);  // stepping back brings it back
}

TEST_CASE("a burst of timers out of due order: every view shows them in firing order, seek equals fold") {
    const auto t = record("timers-burst.js", R"(let fired = 0;
for (let i = 0; i < 600; i++) {
  setTimeout(() => { fired++; if (i % 7 === 0) setTimeout(() => fired++, (i * 13) % 5); }, (i * 37) % 23);
}
)");
    REQUIRE(t->size() > 2000);
    const auto in_firing_order = [](const ViewState& v) {
        const auto& q = v.queue(QueueKind::Timers);
        return std::is_sorted(q.begin(), q.end(), [](const QueueEntry& x, const QueueEntry& y) {
            return x.due_ms != y.due_ms ? x.due_ms < y.due_ms : x.item < y.item;
        });
    };
    ViewState stepped = initial_view(*t);
    size_t biggest = 0;
    while (stepped.cursor < t->size()) {
        apply_next(*t, stepped);
        biggest = std::max(biggest, stepped.queue(QueueKind::Timers).size());
        if (stepped.cursor % 97 == 0) REQUIRE(in_firing_order(stepped));
    }
    CHECK(biggest >= 600);
    Seeker seeker(*t, 256);
    for (size_t cursor = 0; cursor <= t->size(); cursor += 211) {
        const ViewState sought = seeker.seek(cursor);
        CHECK(in_firing_order(sought));
        CHECK(same_view(sought, fold_to(*t, cursor)));
    }
}
