#include "engine/js/lexer.h"

#include "engine/js/string.h"

#include <cmath>
#include <cstdlib>

namespace looplab::js {

namespace {

constexpr const char* kInvalidToken = "Invalid or unexpected token";

bool is_ascii_name_start(uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_';
}
bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
int digit_value(uint32_t c) {
    if (c >= '0' && c <= '9') return int(c - '0');
    if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
    return 99;
}

// Decodes the UTF-8 sequence at s[i]; returns its length (1 for invalid bytes).
uint32_t decode_utf8(std::string_view s, uint32_t i, uint32_t& cp) {
    auto b = uint8_t(s[i]);
    auto cont = [&](uint32_t k) { return i + k < s.size() ? uint8_t(s[i + k]) & 0x3F : 0; };
    if (b < 0x80) { cp = b; return 1; }
    if ((b >> 5) == 6 && i + 1 < s.size()) { cp = ((b & 0x1Fu) << 6) | cont(1); return 2; }
    if ((b >> 4) == 14 && i + 2 < s.size()) { cp = ((b & 0x0Fu) << 12) | (cont(1) << 6) | cont(2); return 3; }
    if ((b >> 3) == 30 && i + 3 < s.size()) {
        cp = ((b & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
        return 4;
    }
    cp = 0xFFFD;
    return 1;
}

// Unicode space separators (Zs) and the BOM; V8 treats them as whitespace.
bool is_unicode_space(uint32_t cp) {
    return cp == 0xA0 || cp == 0xFEFF || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Non-ASCII identifier characters: we accept every code point that is not
// whitespace or a line terminator instead of carrying the ID_Start tables;
// programs that rely on the difference are already invalid JavaScript.
bool is_unicode_name_char(uint32_t cp) {
    return cp >= 0x80 && !is_unicode_space(cp) && cp != 0x2028 && cp != 0x2029 && cp != 0xFFFD;
}

// Converts digits in `base` to decimal digits (BigInt literals keep decimal text).
std::string to_decimal(const std::string& digits, int base) {
    if (base == 10) return digits;
    std::string dec = "0";  // little-endian decimal digits
    for (char ch : digits) {
        int carry = digit_value(uint8_t(ch));
        for (char& d : dec) {
            int v = (d - '0') * base + carry;
            d = char('0' + v % 10);
            carry = v / 10;
        }
        while (carry) { dec.push_back(char('0' + carry % 10)); carry /= 10; }
    }
    while (dec.size() > 1 && dec.back() == '0') dec.pop_back();
    return std::string(dec.rbegin(), dec.rend());
}

double digits_value(const std::string& digits, int base) {
    double v = 0;
    for (char ch : digits) v = v * base + digit_value(uint8_t(ch));
    return v;
}

}  // namespace


std::string_view tok_text(Tok kind) {
    switch (kind) {
        case Tok::LBrace: return "{";
        case Tok::RBrace: return "}";
        case Tok::LParen: return "(";
        case Tok::RParen: return ")";
        case Tok::LBracket: return "[";
        case Tok::RBracket: return "]";
        case Tok::Semicolon: return ";";
        case Tok::Comma: return ",";
        case Tok::Colon: return ":";
        case Tok::Question: return "?";
        case Tok::QuestionDot: return "?.";
        case Tok::Dot: return ".";
        case Tok::Ellipsis: return "...";
        case Tok::Arrow: return "=>";
        case Tok::Lt: return "<";
        case Tok::Gt: return ">";
        case Tok::LtEq: return "<=";
        case Tok::GtEq: return ">=";
        case Tok::Eq: return "==";
        case Tok::NotEq: return "!=";
        case Tok::StrictEq: return "===";
        case Tok::StrictNotEq: return "!==";
        case Tok::Plus: return "+";
        case Tok::Minus: return "-";
        case Tok::Star: return "*";
        case Tok::Slash: return "/";
        case Tok::Percent: return "%";
        case Tok::StarStar: return "**";
        case Tok::PlusPlus: return "++";
        case Tok::MinusMinus: return "--";
        case Tok::Shl: return "<<";
        case Tok::Shr: return ">>";
        case Tok::UShr: return ">>>";
        case Tok::Amp: return "&";
        case Tok::Pipe: return "|";
        case Tok::Caret: return "^";
        case Tok::Bang: return "!";
        case Tok::Tilde: return "~";
        case Tok::AmpAmp: return "&&";
        case Tok::PipePipe: return "||";
        case Tok::QuestionQuestion: return "??";
        case Tok::Assign: return "=";
        case Tok::PlusAssign: return "+=";
        case Tok::MinusAssign: return "-=";
        case Tok::StarAssign: return "*=";
        case Tok::SlashAssign: return "/=";
        case Tok::PercentAssign: return "%=";
        case Tok::StarStarAssign: return "**=";
        case Tok::ShlAssign: return "<<=";
        case Tok::ShrAssign: return ">>=";
        case Tok::UShrAssign: return ">>>=";
        case Tok::AmpAssign: return "&=";
        case Tok::PipeAssign: return "|=";
        case Tok::CaretAssign: return "^=";
        case Tok::AmpAmpAssign: return "&&=";
        case Tok::PipePipeAssign: return "||=";
        case Tok::QuestionQuestionAssign: return "?\?=";
        default: return "";
    }
}

Lexer::Lexer(std::string_view source) : src_(source) { skip_hashbang(); }

uint32_t Lexer::peek_char(uint32_t ahead) const {
    uint32_t i = offset_ + ahead;
    return i < src_.size() ? uint8_t(src_[i]) : 0;
}

uint32_t Lexer::line_terminator_length(uint32_t i) const {
    if (i >= src_.size()) return 0;
    char c = src_[i];
    if (c == '\n') return 1;
    if (c == '\r') return (i + 1 < src_.size() && src_[i + 1] == '\n') ? 2 : 1;
    if (uint8_t(c) == 0xE2 && i + 2 < src_.size() && uint8_t(src_[i + 1]) == 0x80 &&
        (uint8_t(src_[i + 2]) == 0xA8 || uint8_t(src_[i + 2]) == 0xA9))
        return 3;  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
    return 0;
}

uint32_t Lexer::whitespace_length(uint32_t i) const {
    if (i >= src_.size()) return 0;
    char c = src_[i];
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f') return 1;
    if (uint8_t(c) < 0x80) return 0;
    uint32_t cp = 0;
    uint32_t len = decode_utf8(src_, i, cp);
    return is_unicode_space(cp) ? len : 0;
}

void Lexer::new_line(uint32_t terminator_length) {
    offset_ += terminator_length;
    ++line_;
    line_start_ = offset_;
}

// Node strips a leading "#!" line before compiling.
void Lexer::skip_hashbang() {
    if (src_.size() >= 2 && src_[0] == '#' && src_[1] == '!') {
        while (!at_end() && line_terminator_length(offset_) == 0) ++offset_;
    }
}

bool Lexer::skip_trivia(Token& tok) {
    while (!at_end()) {
        if (uint32_t n = whitespace_length(offset_)) { offset_ += n; continue; }
        if (uint32_t n = line_terminator_length(offset_)) {
            new_line(n);
            tok.newline_before = true;
            continue;
        }
        if (peek_char() == '/' && peek_char(1) == '/') {
            while (!at_end() && line_terminator_length(offset_) == 0) ++offset_;
            continue;
        }
        if (peek_char() == '/' && peek_char(1) == '*') {
            uint32_t start = offset_;
            offset_ += 2;
            for (;;) {
                if (at_end()) {
                    fail(tok, kInvalidToken, start, offset_ - start);
                    return false;
                }
                if (peek_char() == '*' && peek_char(1) == '/') { offset_ += 2; break; }
                if (uint32_t n = line_terminator_length(offset_)) {
                    new_line(n);
                    tok.newline_before = true;
                } else {
                    ++offset_;
                }
            }
            continue;
        }
        break;
    }
    return true;
}

void Lexer::fail(Token& tok, std::string message, uint32_t at, uint32_t length) {
    tok.kind = Tok::Invalid;
    tok.error_message = std::move(message);
    tok.error_pos = pos_at(at);
    tok.error_length = length;
}

Token Lexer::next() {
    Token tok;
    if (!skip_trivia(tok)) {
        tok.pos = tok.error_pos;
        finish(tok);
        return tok;
    }
    tok.pos = pos_at(offset_);
    if (at_end()) {
        tok.kind = Tok::Eof;
        finish(tok);
        return tok;
    }
    uint32_t c = peek_char();
    if (is_ascii_name_start(c) || c == '\\' || c >= 0x80) {
        scan_name(tok);
    } else if (is_digit(c) || (c == '.' && is_digit(peek_char(1)))) {
        scan_number(tok);
    } else if (c == '"' || c == '\'') {
        scan_string(tok, char(c));
    } else if (c == '`') {
        ++offset_;
        scan_template_chars(tok);
    } else if (c == '#') {
        ++offset_;
        bool escaped = false;
        if (!scan_name_part(tok.value, true, escaped)) {
            fail(tok, kInvalidToken, tok.pos.offset);
        } else {
            while (scan_name_part(tok.value, false, escaped)) {}
            tok.kind = Tok::PrivateName;
        }
    } else {
        scan_punctuator(tok);
    }
    finish(tok);
    return tok;
}

// Reads one identifier character (escape or literal) into out; false when
// the character at the cursor cannot continue (or start) a name.
bool Lexer::scan_name_part(std::string& out, bool first, bool& escaped) {
    uint32_t c = peek_char();
    if (is_ascii_name_start(c) || (!first && is_digit(c))) {
        out.push_back(char(c));
        ++offset_;
        return true;
    }
    if (c == '\\') {
        if (peek_char(1) != 'u') return false;
        LexerState saved = save_state();
        offset_ += 2;
        uint32_t cp = 0;
        bool ok = scan_unicode_escape(cp) &&
                  (cp < 0x80 ? (is_ascii_name_start(cp) || (!first && is_digit(cp))) : is_unicode_name_char(cp));
        if (!ok) { restore_state(saved); return false; }
        append_code_point(out, cp);
        escaped = true;
        return true;
    }
    if (c >= 0x80) {
        uint32_t cp = 0;
        uint32_t len = decode_utf8(src_, offset_, cp);
        if (!is_unicode_name_char(cp)) return false;
        out.append(src_.substr(offset_, len));
        offset_ += len;
        return true;
    }
    return false;
}

void Lexer::scan_name(Token& tok) {
    tok.kind = Tok::Name;
    bool escaped = false;
    if (!scan_name_part(tok.value, true, escaped)) {
        uint32_t cp = 0;
        uint32_t len = decode_utf8(src_, offset_, cp);
        fail(tok, kInvalidToken, offset_, len);
        offset_ += len;
        return;
    }
    while (scan_name_part(tok.value, false, escaped)) {}
    if (peek_char() == '\\') {  // a backslash that is not a valid \u escape
        fail(tok, "Invalid Unicode escape sequence", offset_);
        ++offset_;
        return;
    }
    tok.escaped = escaped;
}

// Scans digits of `base` with optional '_' separators, reporting V8's
// separator errors. Stops at the first non-digit.
bool Lexer::scan_digits(Token& tok, std::string& digits, int base, bool allow_separators) {
    bool last_was_separator = false;
    for (;;) {
        uint32_t c = peek_char();
        if (c == '_' && allow_separators) {
            if (last_was_separator) {
                fail(tok, "Only one underscore is allowed as numeric separator", offset_);
                return false;
            }
            if (digits.empty()) break;
            last_was_separator = true;
            ++offset_;
            continue;
        }
        if (digit_value(c) >= base) break;
        digits.push_back(char(c));
        last_was_separator = false;
        ++offset_;
    }
    if (last_was_separator) {  // V8 points at the character after the '_'
        fail(tok, "Numeric separators are not allowed at the end of numeric literals", offset_);
        return false;
    }
    return true;
}

void Lexer::scan_number(Token& tok) {
    uint32_t start = offset_;
    tok.kind = Tok::Number;
    auto invalid_here = [&] { fail(tok, kInvalidToken, start, std::max<uint32_t>(1, offset_ - start)); };
    std::string digits;
    int base = 10;
    uint32_t c1 = peek_char(1) | 0x20;
    if (peek_char() == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) {
        base = c1 == 'x' ? 16 : c1 == 'o' ? 8 : 2;
        offset_ += 2;
        if (!scan_digits(tok, digits, base, true)) return;
        if (digits.empty()) { invalid_here(); return; }
        tok.num = digits_value(digits, base);
    } else if (peek_char() == '0' && is_digit(peek_char(1))) {
        // Legacy octal (017) or a decimal with a leading zero (09): sloppy mode only.
        ++offset_;
        scan_digits(tok, digits, 10, false);
        bool octal = digits.find_first_of("89") == std::string::npos;
        tok.legacy_octal = true;  // the parser rejects it in strict code
        tok.num = octal ? digits_value(digits, 8) : std::strtod(digits.c_str(), nullptr);
        if (!octal && peek_char() == '.') {
            std::string text = digits + '.';
            ++offset_;
            scan_digits(tok, text, 10, false);
            tok.num = std::strtod(text.c_str(), nullptr);
        }
        if (is_ascii_name_start(peek_char()) || is_digit(peek_char())) invalid_here();
        return;
    } else {
        if (peek_char() == '0' && peek_char(1) == '_') {
            fail(tok, "Numeric separator can not be used after leading 0.", offset_ + 1);
            return;
        }
        std::string text;
        if (!scan_digits(tok, text, 10, true)) return;
        bool is_integer = true;
        if (peek_char() == '.') {
            is_integer = false;
            text.push_back('.');
            ++offset_;
            if (peek_char() == '_') {
                fail(tok, "Numeric separators are not allowed at the end of numeric literals", offset_);
                return;
            }
            if (!scan_digits(tok, text, 10, true)) return;
        }
        if ((peek_char() | 0x20) == 'e') {
            is_integer = false;
            text.push_back('e');
            ++offset_;
            if (peek_char() == '+' || peek_char() == '-') text.push_back(char(peek_char())), ++offset_;
            std::string exp;
            if (!scan_digits(tok, exp, 10, true)) return;
            if (exp.empty()) { invalid_here(); return; }
            text += exp;
        }
        if (peek_char() == 'n' && is_integer) {
            digits = text;
        } else {
            // strtod rounds correctly, which a hand-written accumulator would not.
            tok.num = std::strtod(text.c_str(), nullptr);
        }
    }
    if (peek_char() == 'n') {
        if (base == 10 && digits.empty()) { invalid_here(); return; }
        ++offset_;
        tok.kind = Tok::BigInt;
        tok.value = to_decimal(digits, base);
    }
    uint32_t next = peek_char();
    if (is_ascii_name_start(next) || is_digit(next) || next == '\\') invalid_here();
}

bool Lexer::scan_hex(uint32_t count, uint32_t& value) {
    value = 0;
    for (uint32_t i = 0; i < count; ++i) {
        int d = digit_value(peek_char());
        if (d >= 16) return false;
        value = value * 16 + uint32_t(d);
        ++offset_;
    }
    return true;
}

bool Lexer::scan_unicode_escape(uint32_t& cp) {
    if (peek_char() == '{') {
        ++offset_;
        cp = 0;
        uint32_t count = 0;
        while (digit_value(peek_char()) < 16) {
            cp = cp * 16 + uint32_t(digit_value(peek_char()));
            if (cp > 0x10FFFF) return false;
            ++offset_;
            ++count;
        }
        if (count == 0 || peek_char() != '}') return false;
        ++offset_;
        return true;
    }
    return scan_hex(4, cp);
}

bool Lexer::scan_escape(std::string& out, bool in_template, bool& octal, std::string& message) {
    uint32_t c = peek_char();
    if (uint32_t n = line_terminator_length(offset_)) {  // line continuation
        new_line(n);
        return true;
    }
    ++offset_;
    switch (c) {
        case 'n': out.push_back('\n'); return true;
        case 't': out.push_back('\t'); return true;
        case 'r': out.push_back('\r'); return true;
        case 'b': out.push_back('\b'); return true;
        case 'f': out.push_back('\f'); return true;
        case 'v': out.push_back('\v'); return true;
        case 'x': {
            uint32_t v = 0;
            if (!scan_hex(2, v)) { message = "Invalid hexadecimal escape sequence"; return false; }
            append_code_point(out, v);
            return true;
        }
        case 'u': {
            uint32_t start = offset_;
            uint32_t cp = 0;
            if (!scan_unicode_escape(cp)) {
                bool too_big = peek_char(0) != '}' && src_[start] == '{' && digit_value(peek_char()) < 16;
                message = too_big ? "Undefined Unicode code-point" : "Invalid Unicode escape sequence";
                return false;
            }
            append_code_point(out, cp);
            return true;
        }
        default: break;
    }
    if (c >= '0' && c <= '7') {
        if (c == '0' && !is_digit(peek_char())) { out.push_back('\0'); return true; }
        if (in_template) { message = "Octal escape sequences are not allowed in template strings"; return false; }
        // Legacy octal escape: up to three digits, value at most 0377.
        uint32_t v = c - '0';
        if (peek_char() >= '0' && peek_char() <= '7') {
            v = v * 8 + (peek_char() - '0'), ++offset_;
            if (c <= '3' && peek_char() >= '0' && peek_char() <= '7') v = v * 8 + (peek_char() - '0'), ++offset_;
        }
        octal = true;
        append_code_point(out, v);
        return true;
    }
    if (c == '8' || c == '9') {
        if (in_template) { message = "\\8 and \\9 are not allowed in template strings."; return false; }
        octal = true;
        out.push_back(char(c));
        return true;
    }
    // Any other character stands for itself; copy a whole UTF-8 sequence.
    uint32_t cp = 0;
    uint32_t len = decode_utf8(src_, offset_ - 1, cp);
    out.append(src_.substr(offset_ - 1, len));
    offset_ += len - 1;
    return true;
}

void Lexer::scan_string(Token& tok, char quote) {
    uint32_t start = offset_;
    tok.kind = Tok::String;
    ++offset_;
    for (;;) {
        if (at_end() || src_[offset_] == '\n' || src_[offset_] == '\r') {
            fail(tok, kInvalidToken, start, offset_ - start);
            return;
        }
        char c = src_[offset_];
        if (c == quote) { ++offset_; return; }
        if (c == '\\') {
            uint32_t escape_start = offset_;
            ++offset_;
            std::string message;
            if (!scan_escape(tok.value, false, tok.legacy_octal, message)) {
                // V8 underlines from the backslash through the character that broke the escape.
                fail(tok, message, escape_start, offset_ - escape_start + 1);
                return;
            }
            continue;
        }
        tok.value.push_back(c);  // U+2028/2029 are allowed inside strings
        ++offset_;
    }
}

// Scans from just after '`' or '}' up to and including '`' or '${'.
// Raw text keeps escapes as written but normalizes CRLF and CR to LF.
void Lexer::scan_template_chars(Token& tok) {
    tok.kind = Tok::Template;
    for (;;) {
        if (at_end()) {
            fail(tok, "Unexpected end of input", offset_, 0);
            return;
        }
        char c = src_[offset_];
        if (c == '`') { ++offset_; tok.template_tail = true; return; }
        if (c == '$' && peek_char(1) == '{') { offset_ += 2; return; }
        if (c == '\\') {
            uint32_t escape_start = offset_;
            ++offset_;
            std::string message;
            bool octal = false;
            uint32_t line_before = line_;
            if (!scan_escape(tok.value, true, octal, message)) {
                // Valid only in a tagged template (cooked value undefined); the parser decides.
                if (!tok.cooked_invalid) {
                    tok.cooked_invalid = true;
                    tok.error_message = message;
                    tok.error_pos = pos_at(escape_start);
                }
            }
            std::string_view raw = src_.substr(escape_start, offset_ - escape_start);
            if (line_ != line_before) {  // a line continuation: normalize its terminator
                tok.raw += '\\';
                tok.raw += '\n';
            } else {
                tok.raw.append(raw);
            }
            continue;
        }
        if (uint32_t n = line_terminator_length(offset_)) {
            bool is_cr = c == '\r';
            tok.value += is_cr ? std::string("\n") : std::string(src_.substr(offset_, n));
            tok.raw += is_cr ? std::string("\n") : std::string(src_.substr(offset_, n));
            new_line(n);
            continue;
        }
        tok.value.push_back(c);
        tok.raw.push_back(c);
        ++offset_;
    }
}

Token Lexer::scan_template_continuation(const Token& rbrace) {
    offset_ = rbrace.end.offset;
    line_ = rbrace.end.line;
    line_start_ = rbrace.end.offset - (rbrace.end.column - 1);
    Token tok;
    tok.pos = rbrace.pos;
    scan_template_chars(tok);
    finish(tok);
    return tok;
}

Token Lexer::rescan_regexp(const Token& slash) {
    offset_ = slash.pos.offset + 1;
    line_ = slash.pos.line;
    line_start_ = slash.pos.offset - (slash.pos.column - 1);
    Token tok;
    tok.pos = slash.pos;
    tok.newline_before = slash.newline_before;
    tok.kind = Tok::RegExp;
    bool in_class = false;
    for (;;) {
        if (at_end() || line_terminator_length(offset_)) {
            fail(tok, "Invalid regular expression: missing /", slash.pos.offset);
            finish(tok);
            return tok;
        }
        char c = src_[offset_];
        if (c == '\\') {
            tok.value.push_back(c);
            ++offset_;
            if (at_end() || line_terminator_length(offset_)) continue;  // reported above
        } else if (c == '[') {
            in_class = true;
        } else if (c == ']') {
            in_class = false;
        } else if (c == '/' && !in_class) {
            ++offset_;
            break;
        }
        tok.value.push_back(src_[offset_]);
        ++offset_;
    }
    bool escaped = false;
    while (scan_name_part(tok.raw, false, escaped)) {}
    bool valid = !escaped;
    for (size_t i = 0; i < tok.raw.size() && valid; ++i) {
        valid = std::string_view("dgimsuyv").find(tok.raw[i]) != std::string_view::npos &&
                tok.raw.find(tok.raw[i], i + 1) == std::string::npos;
    }
    if (tok.raw.find('u') != std::string::npos && tok.raw.find('v') != std::string::npos) valid = false;
    if (!valid) fail(tok, "Invalid regular expression flags", slash.pos.offset);
    finish(tok);
    return tok;
}

namespace {

struct PunctEntry {
    std::string_view text;
    Tok kind;
};

// Longest first, so the first match is the maximal munch.
constexpr PunctEntry kPunctuators[] = {
    {">>>=", Tok::UShrAssign}, {"...", Tok::Ellipsis}, {"===", Tok::StrictEq}, {"!==", Tok::StrictNotEq},
    {"**=", Tok::StarStarAssign}, {"<<=", Tok::ShlAssign}, {">>=", Tok::ShrAssign}, {">>>", Tok::UShr},
    {"&&=", Tok::AmpAmpAssign}, {"||=", Tok::PipePipeAssign}, {"?\?=", Tok::QuestionQuestionAssign},
    {"=>", Tok::Arrow}, {"==", Tok::Eq}, {"!=", Tok::NotEq}, {"<=", Tok::LtEq}, {">=", Tok::GtEq},
    {"+=", Tok::PlusAssign}, {"-=", Tok::MinusAssign}, {"*=", Tok::StarAssign}, {"/=", Tok::SlashAssign},
    {"%=", Tok::PercentAssign}, {"&=", Tok::AmpAssign}, {"|=", Tok::PipeAssign}, {"^=", Tok::CaretAssign},
    {"**", Tok::StarStar}, {"++", Tok::PlusPlus}, {"--", Tok::MinusMinus}, {"<<", Tok::Shl},
    {">>", Tok::Shr}, {"&&", Tok::AmpAmp}, {"||", Tok::PipePipe}, {"??", Tok::QuestionQuestion},
    {"{", Tok::LBrace}, {"}", Tok::RBrace}, {"(", Tok::LParen}, {")", Tok::RParen},
    {"[", Tok::LBracket}, {"]", Tok::RBracket}, {";", Tok::Semicolon}, {",", Tok::Comma},
    {":", Tok::Colon}, {"?", Tok::Question}, {".", Tok::Dot}, {"<", Tok::Lt}, {">", Tok::Gt},
    {"=", Tok::Assign}, {"+", Tok::Plus}, {"-", Tok::Minus}, {"*", Tok::Star}, {"/", Tok::Slash},
    {"%", Tok::Percent}, {"&", Tok::Amp}, {"|", Tok::Pipe}, {"^", Tok::Caret}, {"!", Tok::Bang},
    {"~", Tok::Tilde},
};

}  // namespace

void Lexer::scan_punctuator(Token& tok) {
    std::string_view rest = src_.substr(offset_);
    // `a?.5:b` is a conditional, not an optional chain: ?. never precedes a digit.
    if (rest.size() >= 2 && rest[0] == '?' && rest[1] == '.' && !(rest.size() >= 3 && is_digit(uint8_t(rest[2])))) {
        tok.kind = Tok::QuestionDot;
        offset_ += 2;
        return;
    }
    for (const PunctEntry& p : kPunctuators) {
        if (rest.substr(0, p.text.size()) == p.text) {
            tok.kind = p.kind;
            offset_ += uint32_t(p.text.size());
            return;
        }
    }
    fail(tok, kInvalidToken, offset_);
    ++offset_;
}

}  // namespace looplab::js
