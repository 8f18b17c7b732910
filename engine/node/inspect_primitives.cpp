// Primitives in util.inspect: strEscape's quoting rules, formatNumber,
// formatBigInt, formatPrimitive (with Node's long-string splitting), and the
// string measures the layout needs (UTF-16 length, terminal width).
#include <cmath>

#include "engine/js/string.h"
#include "engine/node/inspect_internal.h"

namespace looplab::node {

namespace inspect_detail {

using namespace js;

namespace {

// Node's `meta` table: how each code unit below 0xA0 is escaped ("" = kept).
std::string meta_escape(char16_t unit) {
    static const char* const kNamed[] = {"\\b", "\\t", "\\n", "\\x0B", "\\f", "\\r"};
    if (unit >= 8 && unit <= 13) return kNamed[unit - 8];
    if (unit < 0x20 || (unit >= 0x7F && unit <= 0x9F)) {
        static const char kHex[] = "0123456789ABCDEF";
        return std::string("\\x") + kHex[(unit >> 4) & 0xF] + kHex[unit & 0xF];
    }
    if (unit == '\'') return "\\'";
    if (unit == '\\') return "\\\\";
    return "";
}

std::string lower_hex(uint32_t v) {
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    do {
        out.insert(out.begin(), kHex[v & 0xF]);
        v >>= 4;
    } while (v != 0);
    return out;
}

bool is_high_surrogate(char16_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low_surrogate(char16_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

// Escapes control characters, the backslash, lone surrogates and (when
// escape_single_quote) the single quote; the rest passes through.
std::string escape_units(const std::u16string& units, bool escape_single_quote) {
    std::u16string kept;
    std::string out;
    auto flush = [&] {
        out += utf16_to_utf8(kept);
        kept.clear();
    };
    for (size_t i = 0; i < units.size(); ++i) {
        char16_t u = units[i];
        bool escaped = u == '\\' || u < 0x20 || (u > 0x7E && u < 0xA0) || (u == '\'' && escape_single_quote);
        if (escaped) {
            flush();
            out += meta_escape(u);
        } else if (is_high_surrogate(u) && i + 1 < units.size() && is_low_surrogate(units[i + 1])) {
            kept += u;
            kept += units[++i];
        } else if (is_high_surrogate(u) || is_low_surrogate(u)) {
            flush();
            out += "\\u" + lower_hex(u);
        } else {
            kept += u;
        }
    }
    flush();
    return out;
}

bool is_wide_code_point(uint32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
           (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
           (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

// Node's isZeroWidthCodePoint.
bool is_zero_width_code_point(uint32_t cp) {
    return cp <= 0x1F || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x300 && cp <= 0x36F) ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

// Splits after every "\n" as /(?<=\n)/ does (no empty piece at the end).
std::vector<std::string> split_after_newlines(const std::string& text) {
    std::vector<std::string> pieces;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        size_t end = nl == std::string::npos ? text.size() : nl + 1;
        pieces.push_back(text.substr(start, end - start));
        start = end;
    }
    if (pieces.empty()) pieces.emplace_back();
    return pieces;
}

std::string format_string(Context& ctx, const JsString* s) {
    std::string value = s->str();
    std::string trailer;
    double length = static_cast<double>(s->length());
    if (length > ctx.options.max_string_length) {
        auto keep = static_cast<size_t>(ctx.options.max_string_length);
        double remaining = length - static_cast<double>(keep);
        value = s->substring(0, keep);
        trailer = "... " + number_to_string(remaining) + " more character" + (remaining > 1 ? "s" : "");
        length = static_cast<double>(keep);
    }
    constexpr double kMinLineLength = 16;
    if (!ctx.options.compact_all && length > kMinLineLength &&
        length > ctx.options.break_length - ctx.indentation_lvl - 4) {
        std::string joined;
        std::string separator = " +\n" + repeat_spaces(ctx.indentation_lvl + 2);
        bool first = true;
        for (const std::string& line : split_after_newlines(value)) {
            if (!first) joined += separator;
            joined += quote_js_string(line);
            first = false;
        }
        return joined + trailer;
    }
    return quote_js_string(value) + trailer;
}

}  // namespace

std::string escape_without_quotes(std::string_view utf8) { return escape_units(utf8_to_utf16(utf8), true); }

bool is_identifier_key(std::string_view key) {
    if (key.empty()) return false;
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (!alpha(key[0])) return false;
    for (char c : key.substr(1)) {
        if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
    }
    return true;
}

size_t js_length(std::string_view utf8) {
    size_t n = 0;
    for (unsigned char c : utf8) {
        if ((c & 0xC0) == 0x80) continue;  // continuation byte
        n += c >= 0xF0 ? 2 : 1;           // 4-byte sequences are surrogate pairs
    }
    return n;
}

size_t string_width(std::string_view utf8) {
    size_t width = 0;
    for (size_t i = 0; i < utf8.size();) {
        auto c = static_cast<unsigned char>(utf8[i]);
        uint32_t cp;
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (len == 1) {
            cp = c;
        } else {
            cp = c & (0xFF >> (len + 1));
            for (size_t k = 1; k < len && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
        }
        i += len;
        if (is_zero_width_code_point(cp)) continue;
        width += is_wide_code_point(cp) ? 2 : 1;
    }
    return width;
}

std::string repeat_spaces(int n) { return n > 0 ? std::string(static_cast<size_t>(n), ' ') : std::string(); }

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
    std::string out;
    size_t pos = 0;
    while (true) {
        size_t hit = text.find(from, pos);
        if (hit == std::string_view::npos) break;
        out.append(text.substr(pos, hit - pos));
        out.append(to);
        pos = hit + from.size();
    }
    out.append(text.substr(pos));
    return out;
}

std::string remaining_text(double remaining) {
    return "... " + number_to_string(remaining) + " more item" + (remaining > 1 ? "s" : "");
}

std::string symbol_to_string(JsSymbol* symbol) { return "Symbol(" + symbol->description + ")"; }

std::string format_bigint_text(const std::string& decimal) { return decimal + "n"; }

std::string format_primitive(Context& ctx, Value value) {
    if (value.is_string()) return format_string(ctx, value.as_string());
    if (value.is_number()) return format_number(value.as_number());
    if (value.is_bigint()) return format_bigint_text(value.as_bigint()->decimal);
    if (value.is_bool()) return value.as_bool() ? "true" : "false";
    if (value.is_null()) return "null";
    if (value.is_symbol()) return symbol_to_string(value.as_symbol());
    return "undefined";
}

}  // namespace inspect_detail

std::string quote_js_string(std::string_view utf8) {
    // Single quotes unless the text contains one; then double quotes, then
    // backticks (when neither ` nor ${ occur), escaping ' only as a last resort.
    bool has_single = utf8.find('\'') != std::string_view::npos;
    char quote = '\'';
    if (has_single) {
        if (utf8.find('"') == std::string_view::npos) {
            quote = '"';
        } else if (utf8.find('`') == std::string_view::npos && utf8.find("${") == std::string_view::npos) {
            quote = '`';
        }
    }
    std::string body = inspect_detail::escape_units(js::utf8_to_utf16(utf8), quote == '\'');
    return quote + body + quote;
}

std::string format_number(double d) {
    if (d == 0 && std::signbit(d)) return "-0";
    return js::number_to_string(d);
}

}  // namespace looplab::node
