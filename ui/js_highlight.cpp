#include "ui/js_highlight.h"

#include <array>
#include <cctype>

namespace looplab::ui {
namespace {

constexpr int kTabWidth = 4;

constexpr std::array kKeywords = {
    "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
    "delete", "do", "else", "export", "extends", "finally", "for", "function", "if", "import",
    "in", "instanceof", "let", "new", "of", "return", "static", "super", "switch", "throw",
    "try", "typeof", "var", "void", "while", "with", "yield", "get", "set"};
constexpr std::array kLiterals = {"true", "false", "null", "undefined", "this", "NaN", "Infinity"};

template <size_t N>
bool contains(const std::array<const char*, N>& words, std::string_view w) {
    for (const char* k : words) {
        if (w == k) return true;
    }
    return false;
}

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }
bool ident_char(char c) { return ident_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

std::string expand_tabs(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (char c : line) {
        if (c == '\t') {
            out.append(kTabWidth - out.size() % kTabWidth, ' ');
        } else if (c != '\r') {
            out.push_back(c);
        }
    }
    return out;
}

// What an unfinished construct on the previous line leaves open.
enum class Carry : uint8_t { None, BlockComment, Template };

class LineLexer {
public:
    LineLexer(const std::string& text, Carry carry) : s_(text), carry_(carry) {}

    std::vector<Span> run() {
        if (carry_ == Carry::BlockComment) block_comment(0);
        if (carry_ == Carry::Template) quoted(0, '`');
        while (i_ < s_.size()) step();
        return std::move(spans_);
    }
    Carry carry() const { return carry_; }

private:
    void emit(SyntaxKind kind, size_t begin, size_t end) {
        if (end > begin) spans_.push_back(Span{kind, uint32_t(begin), uint32_t(end)});
    }

    void block_comment(size_t begin) {
        const size_t close = s_.find("*/", i_);
        carry_ = close == std::string::npos ? Carry::BlockComment : Carry::None;
        i_ = close == std::string::npos ? s_.size() : close + 2;
        emit(SyntaxKind::Comment, begin, i_);
    }

    // Strings end at their quote; template strings may span lines. ${...}
    // inside a template stays string-coloured: fine for reading.
    void quoted(size_t begin, char quote) {
        while (i_ < s_.size() && s_[i_] != quote) i_ += s_[i_] == '\\' ? 2 : 1;
        const bool closed = i_ < s_.size();
        i_ = closed ? i_ + 1 : s_.size();
        carry_ = (quote == '`' && !closed) ? Carry::Template : Carry::None;
        emit(SyntaxKind::String, begin, i_);
    }

    void step() {
        const size_t begin = i_;
        const char c = s_[i_];
        if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '/') {
            i_ = s_.size();
            emit(SyntaxKind::Comment, begin, i_);
        } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '*') {
            i_ += 2;
            block_comment(begin);
        } else if (c == '"' || c == '\'' || c == '`') {
            ++i_;
            quoted(begin, c);
        } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                   (c == '.' && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))) {
            while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' ||
                                      s_[i_] == '_'))
                ++i_;
            emit(SyntaxKind::Number, begin, i_);
        } else if (ident_start(c)) {
            while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
            emit(classify(begin), begin, i_);
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
            emit(SyntaxKind::Plain, begin, i_);
        } else {
            ++i_;
            emit(SyntaxKind::Punct, begin, i_);
        }
    }

    SyntaxKind classify(size_t begin) const {
        const std::string_view word(s_.data() + begin, i_ - begin);
        const bool after_dot = begin > 0 && s_[begin - 1] == '.';
        if (!after_dot && contains(kKeywords, word)) return SyntaxKind::Keyword;
        if (!after_dot && contains(kLiterals, word)) return SyntaxKind::Literal;
        size_t j = i_;
        while (j < s_.size() && s_[j] == ' ') ++j;
        if (j < s_.size() && s_[j] == '(') return SyntaxKind::Function;
        return SyntaxKind::Plain;
    }

    const std::string& s_;
    Carry carry_;
    size_t i_ = 0;
    std::vector<Span> spans_;
};

}  // namespace

std::vector<HighlightedLine> highlight_js(std::string_view source) {
    std::vector<HighlightedLine> lines;
    Carry carry = Carry::None;
    size_t start = 0;
    while (start <= source.size()) {
        size_t end = source.find('\n', start);
        if (end == std::string_view::npos) end = source.size();
        HighlightedLine line;
        line.text = expand_tabs(source.substr(start, end - start));
        LineLexer lexer(line.text, carry);
        line.spans = lexer.run();
        carry = lexer.carry();
        lines.push_back(std::move(line));
        if (end == source.size()) break;
        start = end + 1;
    }
    // A trailing newline does not make an extra, empty line.
    if (lines.size() > 1 && lines.back().text.empty() && !source.empty() && source.back() == '\n')
        lines.pop_back();
    return lines;
}

}  // namespace looplab::ui
