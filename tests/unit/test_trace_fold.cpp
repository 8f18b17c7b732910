// The ViewState fold: seeking through checkpoints must give exactly the
// state that folding from the first event gives, for any cursor.
#include <doctest/doctest.h>

#include <sstream>

#include "engine/trace/exporters.h"
#include "engine/trace/fold.h"
#include "engine/trace/trace.h"

using namespace looplab::trace;

namespace {

bool same_queue(const std::deque<QueueEntry>& a, const std::deque<QueueEntry>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++) {
        if (a[i].item != b[i].item || a[i].label != b[i].label || a[i].line != b[i].line || a[i].due_ms != b[i].due_ms) {
            return false;
        }
    }
    return true;
}

bool same_view(const ViewState& a, const ViewState& b) {
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
    const char* words[] = {"a", "b\n", "c\nd", "\n", "tick", "x\ny\n"};
    for (size_t i = 0; i < events; i++) {
        now += next() % 5000;
        if (next() % 97 == 0) now += 5'000'000'000ULL;  // forces a TimeJump
        switch (next() % 9) {
        case 0:
            t.append(now, EventKind::CallPush, Rule::CallbackRuns, t.intern("f" + std::to_string(next() % 7)),
                     uint32_t(next() % 50) << 1 | uint32_t(next() % 2));
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
        case 8: t.append(now, EventKind::LoopIteration, Rule::PhaseOrder, uint32_t(i)); break;
        }
    }
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
