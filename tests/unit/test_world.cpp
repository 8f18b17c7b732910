// The World's conservative scheduler (engine/sim/world.h): messages come out
// in (arrival, sender, sequence) order, safe time never lets an isolate see
// past what others could still send, and the host-thread count changes
// nothing that an isolate observes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/sim/world.h"

using namespace looplab::sim;

namespace {

Message msg(uint32_t from, uint32_t to, uint64_t sent, uint64_t latency, uint32_t tag) {
    Message m;
    m.sender = from;
    m.receiver = to;
    m.sent_ns = sent;
    m.arrival_ns = sent + latency;
    m.kind = tag;
    return m;
}

// Three senders each post 50 messages to isolate 0 at their own pace on
// their own threads; isolate 0 records what it sees at each step.
std::string run_ping(uint32_t host_threads) {
    WorldConfig config;
    config.host_threads = host_threads;
    config.window_ns = 100;
    World world(config);
    const uint32_t sink = *world.add_isolate(0);
    std::vector<uint32_t> senders;
    for (int i = 0; i < 3; i++) senders.push_back(*world.add_isolate(0));
    world.adopt_current_thread(sink);
    for (uint32_t s : senders) {
        world.start_thread(s, [&world, s, sink] {
            uint64_t now = 0;
            for (uint32_t k = 0; k < 50; k++) {
                now += 37 * s + 11 * (k % 3);
                world.barrier(s, now);
                world.post(msg(s, sink, now, 100 + s, k));
            }
            world.finish(s, now);
        });
    }
    std::string seen;
    uint64_t now = 0;
    for (int step = 0; step < 1000; step++) {
        auto next = world.next_arrival(sink, now, kNever);
        if (!next) break;
        now = std::max(now, *next);
        world.barrier(sink, now);
        for (const Message& m : world.take_arrived(sink, now)) {
            seen += std::to_string(m.arrival_ns) + ":" + std::to_string(m.sender) + ":" + std::to_string(m.kind) + " ";
        }
        now += 5;  // handling costs time
    }
    world.finish(sink, now);
    world.release_current_thread(sink);
    world.join_all();
    return seen;
}

}  // namespace

TEST_CASE("world: messages arrive in (time, sender, seq) order whatever the host threads") {
    const std::string one = run_ping(1);
    CHECK(one.size() > 100);
    CHECK(one == run_ping(2));
    CHECK(one == run_ping(8));
}

TEST_CASE("world: a waiting isolate's safe time is bounded by the others' clocks") {
    WorldConfig config;
    config.window_ns = 10;
    World world(config);
    const uint32_t a = *world.add_isolate(0);
    const uint32_t b = *world.add_isolate(500);
    world.adopt_current_thread(a);
    // b is running at 500: nothing from b can arrive before 510.
    CHECK(world.barrier(a, 505) >= 510);
    world.finish(b, 500);
    // Nothing can arrive any more: a may run on until its next time-slice boundary.
    CHECK(world.barrier(a, 1'000'000) == 1'999'999);
    world.finish(a, 1'000'000);
    world.release_current_thread(a);
}

namespace {

// `isolates` CPU-bound isolates, each needing `work_ns` of CPU in steps of
// 50 ns, on `cores` virtual cores with 1 µs slices. Returns each one's
// finishing clock, then the slices it was denied.
std::vector<uint64_t> run_busy(uint32_t isolates, uint32_t cores, uint32_t host_threads, uint64_t work_ns) {
    WorldConfig config;
    config.host_threads = host_threads;
    config.cores = cores;
    config.window_ns = 100;
    config.interrupt_latency_ns = 200;
    config.time_slice_ns = 1'000;
    World world(config);
    std::vector<uint32_t> ids;
    for (uint32_t i = 0; i < isolates; i++) ids.push_back(*world.add_isolate(0));
    std::vector<uint64_t> ends(isolates, 0);
    for (uint32_t i = 0; i < isolates; i++) {
        world.start_thread(ids[i], [&world, &ends, i, id = ids[i], work_ns] {
            uint64_t now = 0, safe = 0, done = 0;
            while (done < work_ns) {
                now += 50;
                done += 50;
                if (now > safe) {
                    now = world.time_slice(id, now);
                    safe = world.barrier(id, now);
                }
            }
            ends[i] = now;
            world.finish(id, now);
        });
    }
    world.join_all();
    for (uint32_t id : ids) ends.push_back(world.slices(id).second);
    return ends;
}

}  // namespace

TEST_CASE("world: virtual cores time-slice busy isolates round robin") {
    // Two busy isolates on two cores never wait for a core.
    const std::vector<uint64_t> two = run_busy(2, 2, 2, 100'000);
    CHECK(two[0] == 100'000);
    CHECK(two[1] == 100'000);
    CHECK(two[2] + two[3] == 0);
    // Four on two cores share them: each runs every other slice, so each
    // takes about twice as long, and they are treated alike.
    const std::vector<uint64_t> four = run_busy(4, 2, 2, 100'000);
    for (int i = 0; i < 4; i++) {
        CHECK(four[i] >= 195'000);
        CHECK(four[i] <= 205'000);
        CHECK(four[4 + i] >= 95);
    }
}

TEST_CASE("world: time slicing never depends on the host thread count") {
    const std::vector<uint64_t> one = run_busy(6, 4, 1, 40'000);
    CHECK(one == run_busy(6, 4, 2, 40'000));
    CHECK(one == run_busy(6, 4, 8, 40'000));
    // Six isolates on four cores: a third of the slices are lost in total.
    uint64_t denied = 0;
    for (int i = 6; i < 12; i++) denied += one[i];
    CHECK(denied >= 70);
}
