// A small JavaScript colouriser for the source panel. It is not a parser: it
// splits each line into spans of keywords, literals, strings, numbers,
// comments and called names, carrying block comments and template strings
// across lines. Good enough to read code; the engine's lexer stays the truth.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace looplab::ui {

enum class SyntaxKind : uint8_t { Plain, Keyword, Literal, String, Number, Comment, Function, Punct };

struct Span {
    SyntaxKind kind = SyntaxKind::Plain;
    uint32_t begin = 0;  // byte offsets into the line's text
    uint32_t end = 0;
};

struct HighlightedLine {
    std::string text;  // tabs expanded to spaces
    std::vector<Span> spans;
};

std::vector<HighlightedLine> highlight_js(std::string_view source);

}  // namespace looplab::ui
