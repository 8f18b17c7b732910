// The window's layout without a window: where the tiles go for a screen and
// what they need, and how the source panel wraps long lines. (The real
// frame is checked by `looplab screenshot --check-fit`, tests/ui/fit_test.sh.)
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ui/layout.h"
#include "ui/source_wrap.h"

using namespace looplab::ui;

namespace {

bool inside(const Box& inner, const Box& outer) {
    return inner.x >= outer.x - 0.5f && inner.y >= outer.y - 0.5f && inner.right() <= outer.right() + 0.5f &&
           inner.bottom() <= outer.bottom() + 0.5f;
}

bool overlap(const Box& a, const Box& b) {
    if (a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0) return false;
    return a.x < b.right() - 0.5f && b.x < a.right() - 0.5f && a.y < b.bottom() - 0.5f && b.y < a.bottom() - 0.5f;
}

std::vector<Box> tiles_of(const TileLayout& l) {
    std::vector<Box> out{l.source, l.console, l.stack, l.queues, l.loop, l.narration, l.timeline};
    if (l.has_third) out.push_back(l.third);
    return out;
}

void check_tiles_apart(const TileLayout& l, const Box& area) {
    const std::vector<Box> tiles = tiles_of(l);
    for (size_t i = 0; i < tiles.size(); ++i) {
        CHECK(inside(tiles[i], area));
        for (size_t j = i + 1; j < tiles.size(); ++j) CHECK_FALSE(overlap(tiles[i], tiles[j]));
    }
}

// Roughly what the tiles need with 18 px type (the shell measures them from the fonts).
TileNeeds body_type_needs() {
    TileNeeds n;
    n.source_w = 700;
    n.stack = 250;
    n.queues = 360;
    n.loop = 230;
    n.narration = 170;
    n.timeline = 170;
    n.timeline_min = 117;
    return n;
}

std::string joined(const std::vector<HighlightedLine>& lines, const std::vector<SourceRow>& rows, uint32_t line) {
    std::string out;
    for (const SourceRow& r : rows) {
        if (r.line == line) out += lines[line].text.substr(r.begin, r.end - r.begin);
    }
    return out;
}

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

}  // namespace

TEST_CASE("layout: a tall screen keeps the timeline along the bottom and every need met") {
    const Box area{6, 100, 1900, 970};
    TileNeeds needs = body_type_needs();
    needs.third = 230;
    const TileLayout l = lay_out_tiles(area, 6, needs);
    CHECK_FALSE(l.timeline_under_source);
    CHECK(l.has_third);
    CHECK(l.timeline.w == doctest::Approx(area.w));
    CHECK(l.stack.h >= needs.stack);
    CHECK(l.queues.h >= needs.queues);
    CHECK(l.loop.h >= needs.loop);
    CHECK(l.narration.h >= needs.narration);
    CHECK(l.third.h >= needs.third);
    CHECK(l.timeline.h >= needs.timeline);
    check_tiles_apart(l, area);
    // The columns end where the timeline begins.
    CHECK(l.queues.bottom() == doctest::Approx(l.timeline.y - 6));
    CHECK(l.third.bottom() == doctest::Approx(l.timeline.y - 6));
}

TEST_CASE("layout: a 720-line screen moves the timeline under the source, the other columns take the height") {
    const Box area{6, 93, 1268, 621};
    TileNeeds needs = body_type_needs();
    needs.third = 200;
    const TileLayout l = lay_out_tiles(area, 6, needs);
    CHECK(l.timeline_under_source);
    CHECK(l.timeline.x == doctest::Approx(l.source.x));
    CHECK(l.timeline.w == doctest::Approx(l.source.w));
    CHECK(l.queues.bottom() == doctest::Approx(area.bottom()));
    CHECK(l.has_third);
    CHECK(l.stack.h >= needs.stack);
    CHECK(l.queues.h >= needs.queues);
    CHECK(l.loop.h >= needs.loop);
    CHECK(l.narration.h >= needs.narration);
    CHECK(l.third.h >= needs.third);
    check_tiles_apart(l, area);
}

TEST_CASE("layout: without room for a third tile the loop and narration keep theirs") {
    const Box area{6, 93, 1268, 500};
    TileNeeds needs = body_type_needs();
    needs.third = 300;
    const TileLayout l = lay_out_tiles(area, 6, needs);
    CHECK_FALSE(l.has_third);
    CHECK(l.loop.h >= needs.loop);
    CHECK(l.narration.h >= needs.narration);
    check_tiles_apart(l, area);
}

TEST_CASE("layout: the source column follows the longest line within its limits") {
    const Box area{0, 0, 1000, 800};
    TileNeeds needs = body_type_needs();
    needs.source_w = 10;
    CHECK(lay_out_tiles(area, 6, needs).source.w == doctest::Approx(340));
    needs.source_w = 400;
    CHECK(lay_out_tiles(area, 6, needs).source.w == doctest::Approx(400));
    needs.source_w = 5000;
    CHECK(lay_out_tiles(area, 6, needs).source.w == doctest::Approx(440));
}

TEST_CASE("split_column: needs first, the rest by weight, exactly the total") {
    const float needs[3] = {100, 50, 0};
    const float weights[3] = {1, 3, 1};
    float out[3];
    split_column(400, 10, needs, weights, out, 3);
    CHECK(out[2] == 0);  // a tile that needs nothing is left out, and so is its gap
    CHECK(out[0] + out[1] + 10 == doctest::Approx(400));
    CHECK(out[0] >= 100);
    CHECK(out[1] - 50 == doctest::Approx(3 * (out[0] - 100)).epsilon(0.02));
    split_column(100, 10, needs, weights, out, 3);  // too little: shares by need
    CHECK(out[0] + out[1] + 10 == doctest::Approx(100));
    CHECK(out[0] == doctest::Approx(2 * out[1]).epsilon(0.05));
}

TEST_CASE("wrap_source: rows fit the width, join back to the line, break after spaces") {
    const std::vector<HighlightedLine> lines = {
        {"short", {}},
        {"console.log('a rather long line that will not fit in forty columns at all', 12345);", {}},
        {"", {}},
        {std::string(95, 'x'), {}},
    };
    const std::vector<SourceRow> rows = wrap_source(lines, 40, 2);
    for (uint32_t line = 0; line < lines.size(); ++line) CHECK(joined(lines, rows, line) == lines[line].text);
    for (const SourceRow& r : rows) {
        const size_t n = code_points(std::string_view(lines[r.line].text).substr(r.begin, r.end - r.begin));
        CHECK(n <= (r.continuation ? 38u : 40u));
    }
    // One row for short and empty lines; the long one wraps after a space.
    CHECK(rows[0].line == 0);
    CHECK_FALSE(rows[1].continuation);
    CHECK(rows[2].continuation);
    CHECK(lines[1].text[rows[1].end - 1] == ' ');
    size_t empty_rows = 0, x_rows = 0;
    for (const SourceRow& r : rows) {
        empty_rows += r.line == 2;
        x_rows += r.line == 3;
    }
    CHECK(empty_rows == 1);
    CHECK(x_rows == 3);  // 40 + 38 + 17: no space, so at the width
}

TEST_CASE("wrap_source: never splits a UTF-8 character") {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "\u00E9\u2192";
    const std::vector<HighlightedLine> lines = {{text, {}}};
    const std::vector<SourceRow> rows = wrap_source(lines, 17, 2);
    CHECK(rows.size() > 1);
    for (const SourceRow& r : rows) {
        if (r.begin < text.size()) CHECK((static_cast<unsigned char>(text[r.begin]) & 0xC0) != 0x80);
    }
    CHECK(joined(lines, rows, 0) == text);
}
