// Wrapping source lines for the source panel: a line longer than the panel
// is cut into rows that each fit, so the executing line is always whole on
// screen (a projector shows no horizontal scrollbar a class can follow).
// Rows all have one height, so the panel still draws only the visible ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ui/js_highlight.h"

namespace looplab::ui {

struct SourceRow {
    uint32_t line = 0;           // 0-based index of the source line
    uint32_t begin = 0, end = 0; // byte range of the line's text
    bool continuation = false;   // not the line's first row: the gutter shows a marker, not a number
};

// Cuts each line into rows of at most `columns` characters (UTF-8 code
// points; tabs are already spaces), after a space or punctuation where one
// falls in the last third of the row, else at the width. A continuation row
// holds `columns - indent` characters: it is drawn indented.
// One line's rows, appended to `out` (the console wraps its lines as they come).
void wrap_line(std::string_view text, uint32_t line, size_t columns, size_t indent, std::vector<SourceRow>& out);

std::vector<SourceRow> wrap_source(const std::vector<HighlightedLine>& lines, size_t columns, size_t indent);

}  // namespace looplab::ui
