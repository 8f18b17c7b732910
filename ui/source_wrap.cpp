#include "ui/source_wrap.h"

#include <algorithm>

namespace looplab::ui {
namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A good place to end a row: just after a space, comma, semicolon or an
// opening bracket, so a word or a name is never split when it can be helped.
bool breaks_after(char c) { return c == ' ' || c == ',' || c == ';' || c == '(' || c == '{' || c == '['; }

// The byte offset `count` code points after `from`, or the text's end.
size_t advance(std::string_view text, size_t from, size_t count) {
    size_t i = from;
    while (i < text.size() && count > 0) {
        ++i;
        while (i < text.size() && continuation_byte(text[i])) ++i;
        --count;
    }
    return i;
}

}  // namespace

void wrap_line(std::string_view text, uint32_t n, size_t columns, size_t indent, std::vector<SourceRow>& rows) {
    columns = std::max<size_t>(columns, 8);
    indent = std::min(indent, columns / 2);
    {
        size_t begin = 0;
        bool first = true;
        do {
            const size_t width = first ? columns : columns - indent;
            size_t end = advance(text, begin, width);
            if (end < text.size()) {
                // Prefer a break in the last third of the row.
                const size_t earliest = advance(text, begin, width - width / 3);
                for (size_t i = end; i > earliest; --i) {
                    if (breaks_after(text[i - 1])) {
                        end = i;
                        break;
                    }
                }
            }
            rows.push_back(SourceRow{n, uint32_t(begin), uint32_t(end), !first});
            begin = end;
            first = false;
        } while (begin < text.size());
    }
}

std::vector<SourceRow> wrap_source(const std::vector<HighlightedLine>& lines, size_t columns, size_t indent) {
    std::vector<SourceRow> rows;
    rows.reserve(lines.size());
    for (size_t n = 0; n < lines.size(); ++n) wrap_line(lines[n].text, uint32_t(n), columns, indent, rows);
    return rows;
}

}  // namespace looplab::ui
