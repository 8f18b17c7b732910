// The lexer: turns JavaScript source bytes (UTF-8) into tokens on demand.
//
// The lexer is pulled by the parser one token at a time and never buffers
// ahead, so the parser can re-scan from a known position when only it knows
// what comes next: a '/' at the start of an expression is a regular
// expression (rescan_regexp), and the text after the '}' that closes a
// template substitution is template characters (scan_template_continuation).
// Lookahead is save_state() / next() / restore_state().
//
// Strings, template cooked values and identifiers are cooked to UTF-8. A lone
// surrogate (from "\uD800" written without its partner) cannot be UTF-8, so it
// is encoded as WTF-8: the 3-byte form of the code unit. A high and a low
// surrogate escape in a row are joined into the one 4-byte code point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/js/ast.h"

namespace looplab::js {

enum class Tok : uint8_t {
    Eof,
    Name,         // identifier or keyword (value = cooked name; escaped if it used \u escapes)
    PrivateName,  // #name (value = name without '#')
    Number,       // num
    BigInt,       // value = decimal digits
    String,       // value = cooked
    Template,     // value = cooked, raw = raw; template_tail when it ends with '`'
    RegExp,       // value = pattern, raw = flags
    Invalid,      // a character or literal that cannot start a token; error_message says why
    // punctuators
    LBrace, RBrace, LParen, RParen, LBracket, RBracket,
    Semicolon, Comma, Colon, Question, QuestionDot, Dot, Ellipsis, Arrow,
    Lt, Gt, LtEq, GtEq, Eq, NotEq, StrictEq, StrictNotEq,
    Plus, Minus, Star, Slash, Percent, StarStar, PlusPlus, MinusMinus,
    Shl, Shr, UShr, Amp, Pipe, Caret, Bang, Tilde, AmpAmp, PipePipe, QuestionQuestion,
    Assign, PlusAssign, MinusAssign, StarAssign, SlashAssign, PercentAssign, StarStarAssign,
    ShlAssign, ShrAssign, UShrAssign, AmpAssign, PipeAssign, CaretAssign,
    AmpAmpAssign, PipePipeAssign, QuestionQuestionAssign,
};

// The source text of a punctuator token, e.g. "=>" for Tok::Arrow.
std::string_view tok_text(Tok kind);

struct Token {
    Tok kind = Tok::Eof;
    SourcePos pos;               // first byte of the token
    SourcePos end;               // just past the token
    bool newline_before = false; // a line terminator between the previous token and this one
    bool escaped = false;        // Name: contained a \u escape (so it is never a keyword)
    bool template_tail = false;  // Template: ended with '`' rather than '${'
    bool cooked_invalid = false; // Template: an escape was invalid (allowed only when tagged)
    bool legacy_octal = false;   // String: a legacy octal escape; Number: a 0-prefixed literal (017, 09)
    double num = 0;
    std::string value;
    std::string raw;
    std::string error_message;   // Invalid: V8's message; error_pos/length say where
    SourcePos error_pos;
    uint32_t error_length = 1;

    bool is(Tok k) const { return kind == k; }
    // A keyword or contextual word written without escapes.
    bool is_word(std::string_view w) const { return kind == Tok::Name && !escaped && value == w; }
};

struct LexerState {
    uint32_t offset = 0;
    uint32_t line = 1;
    uint32_t line_start = 0;
};

class Lexer {
public:
    explicit Lexer(std::string_view source);

    // Scans the next token; a '/' is always a division operator here.
    Token next();
    // Re-scans `slash` (a '/' or '/=' token just returned) as a regular expression literal.
    Token rescan_regexp(const Token& slash);
    // Scans template characters after the '}' that closed a substitution.
    Token scan_template_continuation(const Token& rbrace);

    LexerState save_state() const { return {offset_, line_, line_start_}; }
    void restore_state(const LexerState& s) { offset_ = s.offset; line_ = s.line; line_start_ = s.line_start; }
    SourcePos position() const { return pos_at(offset_); }
    std::string_view source() const { return src_; }

private:
    SourcePos pos_at(uint32_t offset) const { return {offset, line_, offset - line_start_ + 1}; }
    uint32_t peek_char(uint32_t ahead = 0) const;  // byte, or 0 past the end
    bool at_end() const { return offset_ >= src_.size(); }
    // Length in bytes of a line terminator at offset (LF, CR, CRLF, LS, PS), or 0.
    uint32_t line_terminator_length(uint32_t offset) const;
    uint32_t whitespace_length(uint32_t offset) const;
    void new_line(uint32_t terminator_length);
    bool skip_trivia(Token& tok);  // false when a comment is unterminated
    void skip_hashbang();

    void scan_name(Token& tok);
    bool scan_name_part(std::string& out, bool first, bool& escaped);
    void scan_number(Token& tok);
    bool scan_digits(Token& tok, std::string& digits, int base, bool allow_separators);
    void scan_string(Token& tok, char quote);
    void scan_template_chars(Token& tok);
    void scan_punctuator(Token& tok);
    // Decodes one escape after a backslash into out. Returns false with a
    // V8 message when it is invalid; in_template forbids legacy octal.
    bool scan_escape(std::string& out, bool in_template, bool& octal, std::string& message);
    bool scan_hex(uint32_t count, uint32_t& value);
    bool scan_unicode_escape(uint32_t& cp);  // after "\u"

    void fail(Token& tok, std::string message, uint32_t at, uint32_t length = 1);
    void finish(Token& tok) { tok.end = pos_at(offset_); }

    std::string_view src_;
    uint32_t offset_ = 0;
    uint32_t line_ = 1;
    uint32_t line_start_ = 0;
};

// append_code_point (UTF-8/WTF-8 with surrogate joining) lives in string.h.

}  // namespace looplab::js
