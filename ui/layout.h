// Where the window's tiles go. A pure function of the panel area and what
// each tile needs (heights in pixels, measured from the fonts by the shell),
// so the layout can be checked without a window (tests/ui/test_layout.cpp).
//
// Wide: source over console | stack over queues | loop over narration over
// a third tile (pool or processes), with the timeline along the bottom.
// When the columns would be too short for their tiles (a 720-line projector,
// big presentation type), the timeline moves under the source column and the
// other two columns take the whole height.
#pragma once

namespace looplab::ui {

struct Box {
    float x = 0, y = 0, w = 0, h = 0;
    float bottom() const { return y + h; }
    float right() const { return x + w; }
};

// Heights are whole tiles (header band included).
struct TileNeeds {
    float source_w = 0;  // the width the source's longest line wants
    float stack = 0, queues = 0;
    float loop = 0, narration = 0;
    float third = 0;     // 0: the program needs no third tile
    float timeline = 0;  // every lane
    float timeline_min = 0;
    float timeline_share = 0.3f;  // of the area's height, at most, in the wide layout
    float source_min = 0;         // source + console below this cannot share their column with the timeline
};

struct TileLayout {
    Box source, console, stack, queues, loop, narration, third, timeline;
    bool has_third = false;
    bool timeline_under_source = false;
};

TileLayout lay_out_tiles(Box area, float gap, const TileNeeds& needs);

// Splits `total` among tiles stacked with `gap` between them: each gets its
// need, and what is left over goes by weight; when the needs do not fit,
// each gets a share in proportion to its need.
void split_column(float total, float gap, const float* needs, const float* weights, float* out, int n);

}  // namespace looplab::ui
