#include "engine/js/string.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace looplab::js {

namespace {

bool all_ascii(std::string_view s) {
    for (unsigned char c : s) {
        if (c >= 0x80) return false;
    }
    return true;
}

}  // namespace

JsString::JsString(std::string text)
    : GcCell(CellKind::String), text_(std::move(text)), byte_length_(text_.size()),
      ascii_(all_ascii(text_)) {
    if (ascii_) utf16_length_ = byte_length_;
}

JsString::JsString(JsString* left, JsString* right)
    : GcCell(CellKind::String), left_(left), right_(right),
      byte_length_(left->byte_length_ + right->byte_length_),
      ascii_(left->ascii_ && right->ascii_) {
    if (ascii_) utf16_length_ = byte_length_;
}

void JsString::flatten() const {
    // Iterative in-order walk: a rope of a million appends must not recurse.
    std::string out;
    out.reserve(byte_length_);
    std::vector<const JsString*> stack{this};
    while (!stack.empty()) {
        const JsString* s = stack.back();
        stack.pop_back();
        if (s->left_ == nullptr) {
            out += s->text_;
        } else if (s != this && s->text_.size() == s->byte_length_ && !s->text_.empty()) {
            out += s->text_;
        } else {
            stack.push_back(s->right_);
            stack.push_back(s->left_);
        }
    }
    text_ = std::move(out);
    left_ = nullptr;
    right_ = nullptr;
}

const std::string& JsString::str() const {
    if (left_ != nullptr) flatten();
    return text_;
}

size_t JsString::length() const {
    if (utf16_length_ == SIZE_MAX) utf16_length_ = utf8_to_utf16(str()).size();
    return utf16_length_;
}

char16_t JsString::code_unit(size_t i) const {
    if (ascii_) return static_cast<char16_t>(str()[i]);
    return utf16()[i];
}

std::u16string JsString::utf16() const { return utf8_to_utf16(str()); }

std::string JsString::substring(size_t from, size_t to) const {
    if (to <= from) return {};
    if (ascii_) return str().substr(from, to - from);
    std::u16string u = utf16();
    return utf16_to_utf8(std::u16string_view(u).substr(from, to - from));
}

uint32_t JsString::hash() const {
    if (hash_ == 0) {
        uint32_t h = 2166136261u;  // FNV-1a: stable across runs and hosts
        for (unsigned char c : str()) h = (h ^ c) * 16777619u;
        hash_ = h == 0 ? 1 : h;
    }
    return hash_;
}

void JsString::trace(Tracer& tracer) {
    if (left_ != nullptr) {
        tracer.mark(left_);
        tracer.mark(right_);
    }
}

void append_code_point(std::string& out, uint32_t cp) {
    // A low surrogate right after a WTF-8 high surrogate joins it into one
    // supplementary code point, so "\uD83D\uDE00" reads as a single emoji.
    if (cp >= 0xDC00 && cp <= 0xDFFF && out.size() >= 3) {
        auto b0 = static_cast<uint8_t>(out[out.size() - 3]);
        auto b1 = static_cast<uint8_t>(out[out.size() - 2]);
        if (b0 == 0xED && b1 >= 0xA0 && b1 <= 0xAF) {
            uint32_t hi = 0xD000u | ((b1 & 0x3Fu) << 6) | (static_cast<uint8_t>(out.back()) & 0x3Fu);
            out.resize(out.size() - 3);
            cp = 0x10000 + ((hi - 0xD800) << 10) + (cp - 0xDC00);
        }
    }
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::u16string utf8_to_utf16(std::string_view s) {
    std::u16string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = s[i];
        uint32_t cp;
        int extra;
        if (c < 0x80) { cp = c; extra = 0; }
        else if ((c >> 5) == 6) { cp = c & 0x1F; extra = 1; }
        else if ((c >> 4) == 14) { cp = c & 0x0F; extra = 2; }
        else if ((c >> 3) == 30) { cp = c & 0x07; extra = 3; }
        else { out += u'\uFFFD'; ++i; continue; }
        if (i + extra >= s.size() && extra > 0) {  // truncated sequence
            out += u'\uFFFD';
            break;
        }
        for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += 1 + extra;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out += static_cast<char16_t>(0xD800 + (cp >> 10));
            out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
        } else {
            out += static_cast<char16_t>(cp);
        }
    }
    return out;
}

std::string utf16_to_utf8(std::u16string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        uint32_t cu = s[i];
        if (cu >= 0xD800 && cu <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 &&
            s[i + 1] <= 0xDFFF) {
            uint32_t cp = 0x10000 + ((cu - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            append_code_point(out, cp);
            ++i;
        } else {
            append_code_point(out, cu);  // lone surrogates become WTF-8
        }
    }
    return out;
}

std::string number_to_string(double d) {
    if (std::isnan(d)) return "NaN";
    if (d == 0) return "0";
    if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
    std::string sign = d < 0 ? "-" : "";
    double a = std::fabs(d);
    // Shortest round-trip digits in scientific form: d.ddddde±x
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    size_t e_pos = sci.find('e');
    std::string mantissa = sci.substr(0, e_pos);
    int exponent = std::atoi(sci.c_str() + e_pos + 1);
    std::string digits;
    for (char c : mantissa) {
        if (c != '.') digits += c;
    }
    int k = static_cast<int>(digits.size());
    int n = exponent + 1;  // position of the decimal point, per the spec's n
    std::string out;
    if (k <= n && n <= 21) {
        out = digits + std::string(n - k, '0');
    } else if (0 < n && n <= 21) {
        out = digits.substr(0, n) + "." + digits.substr(n);
    } else if (-6 < n && n <= 0) {
        out = "0." + std::string(-n, '0') + digits;
    } else {
        int e = n - 1;
        std::string exp = (e >= 0 ? "+" : "-") + std::to_string(std::abs(e));
        out = k == 1 ? digits + "e" + exp : digits.substr(0, 1) + "." + digits.substr(1) + "e" + exp;
    }
    return sign + out;
}

std::string number_to_radix_string(double d, int radix) {
    if (radix == 10) return number_to_string(d);
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
    static const char* kDigits = "0123456789abcdefghijklmnopqrstuvwxyz";
    bool negative = d < 0;
    double a = std::fabs(d);
    double int_part = std::floor(a);
    double frac = a - int_part;
    std::string int_digits;
    if (int_part == 0) int_digits = "0";
    while (int_part >= 1) {
        double q = std::floor(int_part / radix);
        int digit = static_cast<int>(int_part - q * radix);
        int_digits.insert(int_digits.begin(), kDigits[digit]);
        int_part = q;
    }
    std::string out = (negative ? "-" : "") + int_digits;
    if (frac > 0) {
        out += '.';
        // Enough digits to distinguish the value, as V8 does (bounded at 52).
        for (int i = 0; i < 52 && frac > 0; ++i) {
            frac *= radix;
            int digit = static_cast<int>(frac);
            out += kDigits[digit];
            frac -= digit;
        }
    }
    return out;
}

namespace {

bool is_js_whitespace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim_js(std::string_view s) {
    // ASCII whitespace plus NBSP (C2 A0), BOM (EF BB BF) and line separators.
    auto strip_front = [&]() {
        while (!s.empty()) {
            if (is_js_whitespace(s[0])) { s.remove_prefix(1); continue; }
            if (s.size() >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) { s.remove_prefix(2); continue; }
            if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") { s.remove_prefix(3); continue; }
            if (s.size() >= 3 && s.substr(0, 2) == "\xE2\x80" && ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9)) { s.remove_prefix(3); continue; }
            break;
        }
    };
    auto strip_back = [&]() {
        while (!s.empty()) {
            if (is_js_whitespace(s.back())) { s.remove_suffix(1); continue; }
            if (s.size() >= 2 && (unsigned char)s[s.size() - 2] == 0xC2 && (unsigned char)s.back() == 0xA0) { s.remove_suffix(2); continue; }
            if (s.size() >= 3 && s.substr(s.size() - 3) == "\xEF\xBB\xBF") { s.remove_suffix(3); continue; }
            break;
        }
    };
    strip_front();
    strip_back();
    return s;
}

double parse_radix_integer(std::string_view digits, int radix) {
    if (digits.empty()) return NAN;
    double value = 0;
    for (char c : digits) {
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
        else return NAN;
        if (d >= radix) return NAN;
        value = value * radix + d;
    }
    return value;
}

}  // namespace

double string_to_number(std::string_view text) {
    std::string_view s = trim_js(text);
    if (s.empty()) return 0;
    if (s.size() > 2 && s[0] == '0') {
        char p = s[1];
        if (p == 'x' || p == 'X') return parse_radix_integer(s.substr(2), 16);
        if (p == 'o' || p == 'O') return parse_radix_integer(s.substr(2), 8);
        if (p == 'b' || p == 'B') return parse_radix_integer(s.substr(2), 2);
    }
    std::string_view body = s;
    bool negative = false;
    if (body[0] == '+' || body[0] == '-') {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    if (body == "Infinity") return negative ? -INFINITY : INFINITY;
    // Only decimal literal characters are allowed (strtod would accept "inf", "0x1p3").
    bool seen_digit = false;
    for (char c : body) {
        if (c >= '0' && c <= '9') seen_digit = true;
        else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') return NAN;
    }
    if (!seen_digit) return NAN;
    std::string owned(s);
    char* end = nullptr;
    double value = std::strtod(owned.c_str(), &end);
    if (end != owned.c_str() + owned.size()) return NAN;
    return value;
}

bool is_array_index(std::string_view text, uint32_t* index_out) {
    if (text.empty() || text.size() > 10) return false;
    if (text.size() > 1 && text[0] == '0') return false;
    uint64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    if (v >= 4294967295ULL) return false;
    if (index_out) *index_out = static_cast<uint32_t>(v);
    return true;
}

}  // namespace looplab::js
