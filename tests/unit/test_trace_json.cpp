// The JSON export read back: every row's absolute time equals the time the
// deltas (and TimeJumps) give, across digit-count changes and large jumps.
#include <doctest/doctest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/trace/exporters.h"
#include "engine/trace/trace.h"

using namespace looplab::trace;

TEST_CASE("json: t_ns is the absolute time of every event that is not a time_jump") {
    Trace t;
    uint64_t now = 0;
    uint64_t s = 7;
    for (int i = 0; i < 20'000; i++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        // Mostly small steps (carries through 9s), sometimes 10^9..10^10 (a
        // fresh format), rarely past 2^32 (a TimeJump).
        const uint64_t step = s % 100 == 0 ? s % 10'000'000'000ULL : s % 100 == 1 ? 5'000'000'000ULL + s % 99 : s % 1200;
        now += step;
        t.append(now, EventKind::Step, Rule::None, uint32_t(s % 1000), uint32_t(i), uint16_t(s % 3));
    }
    std::ostringstream out;
    write_json(t, out);
    const nlohmann::json doc = nlohmann::json::parse(out.str());
    const std::vector<uint64_t> times = event_times(t);
    const auto& rows = doc["events"];
    size_t row = 0;
    for (size_t i = 0; i < t.size(); i++) {
        const Event& e = t.events()[i];
        if (e.kind == EventKind::TimeJump) continue;
        REQUIRE(row < rows.size());
        CHECK(rows[row][0].get<uint64_t>() == times[i]);
        CHECK(rows[row][1] == "step");
        CHECK(rows[row][3].get<uint64_t>() == e.isolate);
        CHECK(rows[row][4].get<uint64_t>() == e.a);
        CHECK(rows[row][5].get<uint64_t>() == e.b);
        row++;
    }
    CHECK(row == rows.size());
    CHECK(row == 20'000);
}
