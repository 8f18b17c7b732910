#include "ui/layout.h"

#include <algorithm>
#include <cmath>

namespace looplab::ui {
namespace {

// The source column's share of the width: wide enough for the program's
// longest line where it can be, never so wide that the other columns
// crowd (long lines wrap in the source panel).
constexpr float kSourceMinShare = 0.34f, kSourceMaxShare = 0.44f;
// The stack/queues column's share of what the source leaves.
constexpr float kMiddleShare = 0.46f;
// Source over console, within the source column.
constexpr float kSourceShare = 0.64f;
// In the compact layout the timeline under the source column takes at most this share of it.
constexpr float kCompactTimelineShare = 0.40f;

float column_need(const float* needs, int n, float gap) {
    float sum = 0;
    int count = 0;
    for (int i = 0; i < n; ++i) {
        if (needs[i] <= 0) continue;
        sum += needs[i];
        ++count;
    }
    return sum + gap * float(std::max(0, count - 1));
}

// Stacks the tiles of one column at x, from y down, with the heights split_column gave.
void stack_tiles(float x, float y, float w, float gap, const float* heights, Box* const* boxes, int n) {
    for (int i = 0; i < n; ++i) {
        *boxes[i] = Box{x, y, w, heights[i]};
        if (heights[i] > 0) y += heights[i] + gap;
    }
}

}  // namespace

void split_column(float total, float gap, const float* needs, const float* weights, float* out, int n) {
    int count = 0;
    float need = 0, weight = 0;
    for (int i = 0; i < n; ++i) {
        if (needs[i] <= 0) continue;
        ++count;
        need += needs[i];
        weight += weights[i];
    }
    const float room = total - gap * float(std::max(0, count - 1));
    float used = 0;
    int last = -1;
    for (int i = 0; i < n; ++i) {
        out[i] = 0;
        if (needs[i] <= 0) continue;
        if (need <= room) {
            out[i] = needs[i] + (weight > 0 ? (room - need) * weights[i] / weight : 0);
        } else {
            out[i] = room * needs[i] / need;
        }
        out[i] = std::floor(out[i]);
        used += out[i];
        last = i;
    }
    if (last >= 0) out[last] += room - used;  // rounding: the column ends exactly at its bottom
}

TileLayout lay_out_tiles(Box area, float gap, const TileNeeds& needs) {
    TileLayout out;
    const float col_a = std::round(std::clamp(needs.source_w, area.w * kSourceMinShare, area.w * kSourceMaxShare));
    const float rest = area.w - col_a - 2 * gap;
    const float col_b = std::round(rest * kMiddleShare);
    const float col_c = rest - col_b;
    const float xa = area.x, xb = xa + col_a + gap, xc = xb + col_b + gap;

    const float middle_needs[2] = {needs.stack, needs.queues};
    const float right_needs[3] = {needs.loop, needs.narration, needs.third};
    const float middle = column_need(middle_needs, 2, gap);
    const float right = column_need(right_needs, 3, gap);
    const float right_without_third = column_need(right_needs, 2, gap);

    // Wide: the timeline along the bottom, as tall as its lanes want within its share.
    const float wide_timeline = std::round(
        std::clamp(needs.timeline, needs.timeline_min, std::max(needs.timeline_min, area.h * needs.timeline_share)));
    const float wide_cols = area.h - wide_timeline - gap;
    const bool wide = middle <= wide_cols && right <= wide_cols;
    // Compact: the timeline under the source column; the columns beside it get the whole height.
    const float cols_h = wide ? wide_cols : area.h;
    out.timeline_under_source = !wide;
    out.has_third = needs.third > 0 && (wide || right <= cols_h || right_without_third > cols_h);
    // Without room for all three, the loop and the narration come first.
    if (needs.third > 0 && !out.has_third) out.has_third = false;

    if (wide) {
        out.timeline = Box{area.x, area.y + cols_h + gap, area.w, wide_timeline};
        const float a_needs[2] = {1, 1}, a_weights[2] = {kSourceShare, 1 - kSourceShare};
        float a[2];
        split_column(cols_h, gap, a_needs, a_weights, a, 2);
        Box* a_boxes[2] = {&out.source, &out.console};
        stack_tiles(xa, area.y, col_a, gap, a, a_boxes, 2);
    } else {
        const float timeline_h = std::round(std::clamp(
            needs.timeline, needs.timeline_min, std::max(needs.timeline_min, area.h * kCompactTimelineShare)));
        const float above = area.h - timeline_h - gap;
        out.timeline = Box{xa, area.y + above + gap, col_a, timeline_h};
        const float a_needs[2] = {1, 1}, a_weights[2] = {kSourceShare, 1 - kSourceShare};
        float a[2];
        split_column(above, gap, a_needs, a_weights, a, 2);
        Box* a_boxes[2] = {&out.source, &out.console};
        stack_tiles(xa, area.y, col_a, gap, a, a_boxes, 2);
    }

    // The stack takes what the queues leave: a deep stack is worth the room.
    const float b_weights[2] = {0.7f, 0.3f};
    float b[2];
    split_column(cols_h, gap, middle_needs, b_weights, b, 2);
    Box* b_boxes[2] = {&out.stack, &out.queues};
    stack_tiles(xb, area.y, col_b, gap, b, b_boxes, 2);

    // The wheel grows with spare room; the narration's sentence needs a little.
    const float c_needs[3] = {needs.loop, needs.narration, out.has_third ? needs.third : 0};
    const float c_weights[3] = {0.55f, 0.25f, 0.2f};
    float c[3];
    split_column(cols_h, gap, c_needs, c_weights, c, 3);
    Box* c_boxes[3] = {&out.loop, &out.narration, &out.third};
    stack_tiles(xc, area.y, col_c, gap, c, c_boxes, 3);
    return out;
}

}  // namespace looplab::ui
