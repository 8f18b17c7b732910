// String constructor, String.prototype and string iterators (ECMAScript 22.1).
//
// Indices are UTF-16 code units throughout (string_units.h). Simplified on
// purpose, and documented: toUpperCase/toLowerCase map ASCII,
// Latin-1, Latin Extended-A, Greek and Cyrillic, and localeCompare
// approximates ICU's root collation (letters by base letter, then accents,
// then lower case before upper case). normalize() uses ICU's normalizer.
#include <unicode/unorm2.h>

#include <cmath>

#include "engine/js/builtins.h"
#include "engine/js/builtins_b_common.h"
#include "engine/js/regexp.h"
#include "engine/js/string_units.h"

namespace looplab::js {

using namespace builtins_detail;

namespace {

// V8's String::kMaxLength.
constexpr double kMaxStringLength = 536870888;

JsString* this_string(Isolate& isolate, const CallArgs& call, const char* method) {
    Value v = call.this_value;
    if (v.is_string()) return v.as_string();
    if (v.is_nullish()) {
        isolate.throw_type_error(std::string("String.prototype.") + method + " called on null or undefined");
    }
    return to_string_value(isolate, v).as_string();
}

JsString* arg_string(Isolate& isolate, const CallArgs& call, size_t i) {
    return to_string_value(isolate, call.arg(i)).as_string();
}

Value make_string(Isolate& isolate, std::string text) { return isolate.new_string(std::move(text)); }

Value from_u16(Isolate& isolate, const std::u16string& units) { return isolate.new_string(utf16_to_utf8(units)); }

bool is_js_space(char16_t c) {
    return c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x20 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// GetMethod(v, @@name) for objects; primitives fall through to the string algorithm.
Value get_symbol_method(Isolate& isolate, Value v, const char* name) {
    if (!v.is_object()) return Value::undefined();
    Value method = get(isolate, v, Value::symbol(regexp_well_known_symbol(isolate, name)));
    if (method.is_nullish()) return Value::undefined();
    if (!is_callable(method)) isolate.throw_type_error("Symbol method is not a function");
    return method;
}

// 7.2.8 IsRegExp
bool is_regexp(Isolate& isolate, Value v) {
    if (!v.is_object()) return false;
    Value matcher = get(isolate, v, Value::symbol(regexp_well_known_symbol(isolate, "match")));
    if (!matcher.is_undefined()) return to_boolean(matcher);
    return is_regexp_object(v);
}

// ---------------------------------------------------------------- constructor

// 22.1.1.1 String ( value )
Value string_constructor(Isolate& isolate, const CallArgs& call) {
    Value s;
    if (call.size() == 0) {
        s = isolate.intern("");
    } else if (!call.is_construct() && call.arg(0).is_symbol()) {
        // SymbolDescriptiveString
        s = isolate.new_string("Symbol(" + call.arg(0).as_symbol()->description + ")");
    } else {
        s = to_string_value(isolate, call.arg(0));
    }
    if (!call.is_construct()) return s;
    JsObject* proto = get_prototype_from_constructor(isolate, call.new_target, isolate.realm().string_prototype);
    JsObject* wrapper = isolate.heap().make<JsObject>(proto, ObjectClass::String);
    wrapper->internal = s;
    return Value::object(wrapper);
}

// 22.1.2.1 String.fromCharCode ( ...codeUnits )
Value string_from_char_code(Isolate& isolate, const CallArgs& call) {
    std::u16string units;
    for (Value v : call.args) units += static_cast<char16_t>(to_uint32(isolate, v) & 0xFFFF);
    return from_u16(isolate, units);
}

// 22.1.2.2 String.fromCodePoint ( ...codePoints )
Value string_from_code_point(Isolate& isolate, const CallArgs& call) {
    std::string out;
    for (Value v : call.args) {
        double d = to_number(isolate, v);
        if (d != std::trunc(d) || d < 0 || d > 0x10FFFF || std::isnan(d)) {
            isolate.throw_range_error("Invalid code point " + to_string(isolate, v));
        }
        append_code_point(out, static_cast<uint32_t>(d));
    }
    return make_string(isolate, std::move(out));
}

// 22.1.2.4 String.raw ( template, ...substitutions )
Value string_raw(Isolate& isolate, const CallArgs& call) {
    JsObject* cooked = to_object(isolate, call.arg(0));
    Value raw = Value::object(to_object(isolate, get(isolate, Value::object(cooked), "raw")));
    uint64_t literal_count = length_of_array_like(isolate, raw.as_object());
    std::string out;
    for (uint64_t i = 0; i < literal_count; ++i) {
        out += to_string(isolate, get(isolate, raw, Value::number(static_cast<double>(i))));
        if (i + 1 < literal_count && i + 1 < call.size()) out += to_string(isolate, call.arg(i + 1));
    }
    return make_string(isolate, std::move(out));
}

// ---------------------------------------------------------------- access

Value string_at(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "at"));
    double rel = to_integer_or_infinity(isolate, call.arg(0));
    double k = rel >= 0 ? rel : static_cast<double>(s.size()) + rel;
    if (k < 0 || k >= static_cast<double>(s.size())) return Value::undefined();
    return make_string(isolate, s.slice(static_cast<size_t>(k), static_cast<size_t>(k) + 1));
}

Value string_char_at(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "charAt"));
    double pos = to_integer_or_infinity(isolate, call.arg(0));
    if (pos < 0 || pos >= static_cast<double>(s.size())) return isolate.intern("");
    return make_string(isolate, s.slice(static_cast<size_t>(pos), static_cast<size_t>(pos) + 1));
}

Value string_char_code_at(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "charCodeAt"));
    double pos = to_integer_or_infinity(isolate, call.arg(0));
    if (pos < 0 || pos >= static_cast<double>(s.size())) return Value::number(NAN);
    return Value::number(s[static_cast<size_t>(pos)]);
}

// 11.1.4 CodePointAt
uint32_t code_point_at(const Units& s, size_t i, size_t* unit_count) {
    char16_t first = s[i];
    *unit_count = 1;
    if (first < 0xD800 || first > 0xDBFF || i + 1 >= s.size()) return first;
    char16_t second = s[i + 1];
    if (second < 0xDC00 || second > 0xDFFF) return first;
    *unit_count = 2;
    return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
}

Value string_code_point_at(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "codePointAt"));
    double pos = to_integer_or_infinity(isolate, call.arg(0));
    if (pos < 0 || pos >= static_cast<double>(s.size())) return Value::undefined();
    size_t count;
    return Value::number(code_point_at(s, static_cast<size_t>(pos), &count));
}

Value string_concat(Isolate& isolate, const CallArgs& call) {
    Value result = Value::string(this_string(isolate, call, "concat"));
    for (Value v : call.args) result = isolate.concat(result, to_string_value(isolate, v));
    return result;
}

// ---------------------------------------------------------------- search

void reject_regexp_argument(Isolate& isolate, Value v, const char* method) {
    if (is_regexp(isolate, v)) {
        isolate.throw_type_error(std::string("First argument to String.prototype.") + method +
                                 " must not be a regular expression");
    }
}

size_t clamp_position(Isolate& isolate, Value v, size_t len, size_t fallback) {
    if (v.is_undefined()) return fallback;
    double d = to_integer_or_infinity(isolate, v);
    return d < 0 ? 0 : d > static_cast<double>(len) ? len : static_cast<size_t>(d);
}

Value string_includes(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "includes"));
    reject_regexp_argument(isolate, call.arg(0), "includes");
    Units search(arg_string(isolate, call, 0));
    size_t start = clamp_position(isolate, call.arg(1), s.size(), 0);
    return Value::boolean(s.find(search, start) != std::string::npos);
}

Value string_starts_with(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "startsWith"));
    reject_regexp_argument(isolate, call.arg(0), "startsWith");
    Units search(arg_string(isolate, call, 0));
    size_t start = clamp_position(isolate, call.arg(1), s.size(), 0);
    if (start + search.size() > s.size()) return Value::boolean(false);
    for (size_t i = 0; i < search.size(); ++i) {
        if (s[start + i] != search[i]) return Value::boolean(false);
    }
    return Value::boolean(true);
}

Value string_ends_with(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "endsWith"));
    reject_regexp_argument(isolate, call.arg(0), "endsWith");
    Units search(arg_string(isolate, call, 0));
    size_t end = clamp_position(isolate, call.arg(1), s.size(), s.size());
    if (search.size() > end) return Value::boolean(false);
    size_t start = end - search.size();
    for (size_t i = 0; i < search.size(); ++i) {
        if (s[start + i] != search[i]) return Value::boolean(false);
    }
    return Value::boolean(true);
}

Value string_index_of(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "indexOf"));
    Units search(arg_string(isolate, call, 0));
    size_t start = clamp_position(isolate, call.arg(1), s.size(), 0);
    size_t found = s.find(search, start);
    return Value::number(found == std::string::npos ? -1 : static_cast<double>(found));
}

Value string_last_index_of(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "lastIndexOf"));
    Units search(arg_string(isolate, call, 0));
    double num_pos = to_number(isolate, call.arg(1));
    size_t start = std::isnan(num_pos) ? s.size() : clamp_position(isolate, Value::number(num_pos), s.size(), s.size());
    size_t found = s.rfind(search, start);
    return Value::number(found == std::string::npos ? -1 : static_cast<double>(found));
}

// ---------------------------------------------------------------- locale compare

// Folds Latin-1 letters to their base letter for the primary comparison.
char16_t base_letter(char16_t c, int* accent) {
    static const char* kLatin1Base =  // U+00C0..U+00FF
        "AAAAAAACEEEEIIII"
        "DNOOOOO*OUUUUYTs"
        "aaaaaaaceeeeiiii"
        "dnooooo/ouuuuyty";
    *accent = 0;
    if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) {
        *accent = c == 0xC6 || c == 0xE6 || c == 0xDF ? 0 : 1;
        return static_cast<char16_t>(kLatin1Base[c - 0xC0]);
    }
    return c;
}

// Primary weight class: whitespace/punctuation < digits < letters (ICU root order).
int char_class(char16_t lower) {
    if (lower >= '0' && lower <= '9') return 2;
    if ((lower >= 'a' && lower <= 'z') || lower >= 0xC0) return 3;
    return 1;
}

int compare_collation(const Units& a, const Units& b) {
    // Level 1: base letters, case-insensitive; level 2: accents; level 3: lower before upper.
    int secondary = 0, tertiary = 0;
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        int accent_a, accent_b;
        char16_t ca = base_letter(a[i], &accent_a), cb = base_letter(b[i], &accent_b);
        char16_t la = (ca >= 'A' && ca <= 'Z') ? ca + 32 : ca;
        char16_t lb = (cb >= 'A' && cb <= 'Z') ? cb + 32 : cb;
        if (la != lb) {
            int class_a = char_class(la), class_b = char_class(lb);
            if (class_a != class_b) return class_a < class_b ? -1 : 1;
            return la < lb ? -1 : 1;
        }
        if (secondary == 0 && accent_a != accent_b) secondary = accent_a < accent_b ? -1 : 1;
        if (tertiary == 0 && ca != cb) tertiary = (ca >= 'a' && ca <= 'z') ? -1 : 1;
    }
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    return secondary != 0 ? secondary : tertiary;
}

Value string_locale_compare(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "localeCompare"));
    Units that(arg_string(isolate, call, 0));
    return Value::number(compare_collation(s, that));
}

// ---------------------------------------------------------------- regexp delegates

// match / matchAll / search: delegate to the argument's @@method, or build a RegExp.
Value delegate_to_regexp(Isolate& isolate, const CallArgs& call, const char* method_name, const char* symbol_name,
                         const char* flags) {
    if (call.this_value.is_nullish()) {
        isolate.throw_type_error(std::string("String.prototype.") + method_name + " called on null or undefined");
    }
    Value regexp = call.arg(0);
    if (!regexp.is_nullish()) {
        Value method = get_symbol_method(isolate, regexp, symbol_name);
        if (!method.is_undefined()) {
            Value args[1] = {call.this_value};
            return isolate.call(method, regexp, args);
        }
    }
    Value s = to_string_value(isolate, call.this_value);
    Value rx = new_regexp(isolate, regexp.is_undefined() ? "" : to_string(isolate, regexp), flags);
    Value method = get(isolate, rx, Value::symbol(regexp_well_known_symbol(isolate, symbol_name)));
    return isolate.call(method, rx, std::span<const Value>(&s, 1));
}

Value string_match(Isolate& isolate, const CallArgs& call) { return delegate_to_regexp(isolate, call, "match", "match", ""); }
Value string_search(Isolate& isolate, const CallArgs& call) { return delegate_to_regexp(isolate, call, "search", "search", ""); }

Value string_match_all(Isolate& isolate, const CallArgs& call) {
    Value regexp = call.arg(0);
    if (!regexp.is_nullish() && is_regexp(isolate, regexp)) {
        std::string flags = to_string(isolate, get(isolate, regexp, "flags"));
        if (flags.find('g') == std::string::npos) {
            isolate.throw_type_error("String.prototype.matchAll called with a non-global RegExp argument");
        }
    }
    return delegate_to_regexp(isolate, call, "matchAll", "matchAll", "g");
}

// 22.1.3.19 String.prototype.replace / 22.1.3.20 replaceAll with a string pattern.
Value replace_string(Isolate& isolate, const CallArgs& call, bool all) {
    Value search_value = call.arg(0);
    Value replace_value = call.arg(1);
    const char* name = all ? "replaceAll" : "replace";
    if (call.this_value.is_nullish()) {
        isolate.throw_type_error(std::string("String.prototype.") + name + " called on null or undefined");
    }
    if (!search_value.is_nullish()) {
        if (all && is_regexp(isolate, search_value)) {
            std::string flags = to_string(isolate, get(isolate, search_value, "flags"));
            if (flags.find('g') == std::string::npos) {
                isolate.throw_type_error("String.prototype.replaceAll called with a non-global RegExp argument");
            }
        }
        Value replacer = get_symbol_method(isolate, search_value, "replace");
        if (!replacer.is_undefined()) {
            Value args[2] = {call.this_value, replace_value};
            return isolate.call(replacer, search_value, args);
        }
    }
    JsString* string = to_string_value(isolate, call.this_value).as_string();
    JsString* search_string = to_string_value(isolate, search_value).as_string();
    bool functional = is_callable(replace_value);
    std::u16string replace_template;
    if (!functional) replace_template = to_string_value(isolate, replace_value).as_string()->utf16();
    Units s(string), search(search_string);
    // Every match position (replaceAll advances by max(1, searchLength)).
    std::vector<size_t> positions;
    size_t advance = std::max<size_t>(1, search.size());
    for (size_t pos = s.find(search, 0); pos != std::string::npos;
         pos = pos + advance > s.size() ? std::string::npos : s.find(search, pos + advance)) {
        positions.push_back(pos);
        if (!all) break;
    }
    if (positions.empty()) return Value::string(string);
    std::u16string str = s.u16();
    std::u16string matched = search.u16();
    std::u16string result;
    size_t end_of_last_match = 0;
    for (size_t p : positions) {
        result.append(str, end_of_last_match, p - end_of_last_match);
        if (functional) {
            Value args[3] = {Value::string(search_string), Value::number(static_cast<double>(p)), Value::string(string)};
            result += to_string_value(isolate, isolate.call(replace_value, Value::undefined(), args)).as_string()->utf16();
        } else {
            result += get_substitution(isolate, matched, str, p, {}, Value::undefined(), replace_template);
        }
        end_of_last_match = p + search.size();
    }
    if (end_of_last_match < str.size()) result.append(str, end_of_last_match);
    return from_u16(isolate, result);
}

Value string_replace(Isolate& isolate, const CallArgs& call) { return replace_string(isolate, call, false); }
Value string_replace_all(Isolate& isolate, const CallArgs& call) { return replace_string(isolate, call, true); }

// 22.1.3.23 String.prototype.split ( separator, limit )
Value string_split(Isolate& isolate, const CallArgs& call) {
    if (call.this_value.is_nullish()) isolate.throw_type_error("String.prototype.split called on null or undefined");
    Value separator = call.arg(0);
    if (!separator.is_nullish()) {
        Value splitter = get_symbol_method(isolate, separator, "split");
        if (!splitter.is_undefined()) {
            Value args[2] = {call.this_value, call.arg(1)};
            return isolate.call(splitter, separator, args);
        }
    }
    JsString* string = to_string_value(isolate, call.this_value).as_string();
    uint32_t lim = call.arg(1).is_undefined() ? 0xFFFFFFFFu : to_uint32(isolate, call.arg(1));
    JsString* r = to_string_value(isolate, separator).as_string();
    if (lim == 0) return Value::object(isolate.new_array());
    if (separator.is_undefined()) {
        Value whole = Value::string(string);
        return Value::object(isolate.new_array_from(std::span<const Value>(&whole, 1)));
    }
    Units s(string), sep(r);
    std::vector<Value> parts;
    if (sep.size() == 0) {
        for (size_t i = 0; i < s.size() && parts.size() < lim; ++i) parts.push_back(make_string(isolate, s.slice(i, i + 1)));
        return Value::object(isolate.new_array_from(parts));
    }
    if (s.size() == 0) {
        Value whole = Value::string(string);
        return Value::object(isolate.new_array_from(std::span<const Value>(&whole, 1)));
    }
    size_t p = 0;
    for (size_t q = s.find(sep, 0); q != std::string::npos; q = s.find(sep, p)) {
        parts.push_back(make_string(isolate, s.slice(p, q)));
        if (parts.size() == lim) return Value::object(isolate.new_array_from(parts));
        p = q + sep.size();
    }
    parts.push_back(make_string(isolate, s.slice(p, s.size())));
    return Value::object(isolate.new_array_from(parts));
}

// ---------------------------------------------------------------- slicing

Value string_slice(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "slice"));
    double len = static_cast<double>(s.size());
    double from = relative_index(isolate, call.arg(0), len, 0);
    double to = relative_index(isolate, call.arg(1), len, len);
    if (from >= to) return isolate.intern("");
    return make_string(isolate, s.slice(static_cast<size_t>(from), static_cast<size_t>(to)));
}

Value string_substring(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "substring"));
    size_t start = clamp_position(isolate, call.arg(0), s.size(), 0);
    size_t end = clamp_position(isolate, call.arg(1), s.size(), s.size());
    if (start > end) std::swap(start, end);
    return make_string(isolate, s.slice(start, end));
}

// B.2.2.1 String.prototype.substr ( start, length )
Value string_substr(Isolate& isolate, const CallArgs& call) {
    Units s(this_string(isolate, call, "substr"));
    double size = static_cast<double>(s.size());
    double start = relative_index(isolate, call.arg(0), size, 0);
    double length = call.arg(1).is_undefined() ? size : to_integer_or_infinity(isolate, call.arg(1));
    double end = std::min(start + std::max(length, 0.0), size);
    if (start >= end) return isolate.intern("");
    return make_string(isolate, s.slice(static_cast<size_t>(start), static_cast<size_t>(end)));
}

// ---------------------------------------------------------------- padding, repeat, trim

Value pad(Isolate& isolate, const CallArgs& call, bool at_start) {
    JsString* string = this_string(isolate, call, at_start ? "padStart" : "padEnd");
    double max_length = to_integer_or_infinity(isolate, call.arg(0));
    Units s(string);
    if (max_length <= static_cast<double>(s.size())) return Value::string(string);
    std::u16string filler = call.arg(1).is_undefined() ? u" " : arg_string(isolate, call, 1)->utf16();
    if (filler.empty()) return Value::string(string);
    if (max_length > kMaxStringLength) isolate.throw_range_error("Invalid string length");
    size_t fill_len = static_cast<size_t>(max_length) - s.size();
    std::u16string fill;
    while (fill.size() < fill_len) fill += filler;
    fill.resize(fill_len);
    std::u16string own = s.u16();
    return from_u16(isolate, at_start ? fill + own : own + fill);
}

Value string_pad_start(Isolate& isolate, const CallArgs& call) { return pad(isolate, call, true); }
Value string_pad_end(Isolate& isolate, const CallArgs& call) { return pad(isolate, call, false); }

Value string_repeat(Isolate& isolate, const CallArgs& call) {
    JsString* s = this_string(isolate, call, "repeat");
    double n = to_integer_or_infinity(isolate, call.arg(0));
    if (n < 0 || std::isinf(n)) isolate.throw_range_error("Invalid count value: " + to_string(isolate, call.arg(0)));
    if (n == 0 || s->byte_length() == 0) return isolate.intern("");
    if (static_cast<double>(s->length()) * n > kMaxStringLength) isolate.throw_range_error("Invalid string length");
    std::string out;
    out.reserve(s->byte_length() * static_cast<size_t>(n));
    for (size_t i = 0; i < static_cast<size_t>(n); ++i) out += s->str();
    return make_string(isolate, std::move(out));
}

Value trim(Isolate& isolate, const CallArgs& call, bool start, bool end, const char* name) {
    JsString* string = this_string(isolate, call, name);
    Units s(string);
    size_t from = 0, to = s.size();
    if (start) {
        while (from < to && is_js_space(s[from])) ++from;
    }
    if (end) {
        while (to > from && is_js_space(s[to - 1])) --to;
    }
    if (from == 0 && to == s.size()) return Value::string(string);
    return make_string(isolate, s.slice(from, to));
}

Value string_trim(Isolate& isolate, const CallArgs& call) { return trim(isolate, call, true, true, "trim"); }
Value string_trim_start(Isolate& isolate, const CallArgs& call) { return trim(isolate, call, true, false, "trimStart"); }
Value string_trim_end(Isolate& isolate, const CallArgs& call) { return trim(isolate, call, false, true, "trimEnd"); }

// ICU's normalizer (the library V8 itself uses) does the Unicode work.
Value string_normalize(Isolate& isolate, const CallArgs& call) {
    JsString* s = this_string(isolate, call, "normalize");
    std::string form = call.arg(0).is_undefined() ? "NFC" : to_string(isolate, call.arg(0));
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* normalizer = nullptr;
    if (form == "NFC") normalizer = unorm2_getNFCInstance(&status);
    else if (form == "NFD") normalizer = unorm2_getNFDInstance(&status);
    else if (form == "NFKC") normalizer = unorm2_getNFKCInstance(&status);
    else if (form == "NFKD") normalizer = unorm2_getNFKDInstance(&status);
    else isolate.throw_range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.");
    if (s->is_ascii()) return Value::string(s);  // ASCII is invariant under every form
    std::u16string text = s->utf16();
    std::u16string out(text.size() * 3 + 16, u'\0');
    int32_t length = unorm2_normalize(normalizer, reinterpret_cast<const UChar*>(text.data()),
                                      static_cast<int32_t>(text.size()), reinterpret_cast<UChar*>(out.data()),
                                      static_cast<int32_t>(out.size()), &status);
    if (U_FAILURE(status)) return Value::string(s);
    out.resize(static_cast<size_t>(length));
    return isolate.new_string(utf16_to_utf8(out));
}

// ---------------------------------------------------------------- case mapping

uint32_t to_upper_code_point(uint32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (c == 0xB5) return 0x39C;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
    if (c == 0xFF) return 0x178;
    if (c >= 0x100 && c <= 0x17F) {
        bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (c == 0x131) return 'I';
        if (c == 0x17F) return 'S';
        if (odd_upper) return (c % 2 == 0) ? c - 1 : c;
        return (c % 2 == 1 && c != 0x138 && c != 0x149) ? c - 1 : c;
    }
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
    if (c == 0x3C2) return 0x3A3;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

uint32_t to_lower_code_point(uint32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c == 0x178) return 0xFF;
    if (c >= 0x100 && c <= 0x17F) {
        bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (c == 0x130) return 'i';
        if (odd_upper) return (c % 2 == 1) ? c + 1 : c;
        return (c % 2 == 0 && c != 0x138) ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

Value change_case(Isolate& isolate, const CallArgs& call, bool upper, const char* name) {
    JsString* string = this_string(isolate, call, name);
    const std::string& text = string->str();
    std::string out;
    out.reserve(text.size());
    if (string->is_ascii()) {
        for (char c : text) {
            if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
            if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
            out += c;
        }
        return make_string(isolate, std::move(out));
    }
    Units s(string);
    for (size_t i = 0; i < s.size();) {
        size_t count;
        uint32_t cp = code_point_at(s, i, &count);
        i += count;
        if (upper && cp == 0xDF) {  // ß upper-cases to "SS"
            out += "SS";
            continue;
        }
        if (!upper && cp == 0x130) {  // İ lower-cases to i + COMBINING DOT ABOVE (SpecialCasing.txt)
            out += "i\u0307";
            continue;
        }
        append_code_point(out, upper ? to_upper_code_point(cp) : to_lower_code_point(cp));
    }
    return make_string(isolate, std::move(out));
}

Value string_to_upper_case(Isolate& isolate, const CallArgs& call) { return change_case(isolate, call, true, "toUpperCase"); }
Value string_to_lower_case(Isolate& isolate, const CallArgs& call) { return change_case(isolate, call, false, "toLowerCase"); }

// ---------------------------------------------------------------- toString, iterator

Value this_string_value(Isolate& isolate, Value v, const char* method) {
    if (v.is_string()) return v;
    if (v.is_object() && v.as_object()->cls == ObjectClass::String) return v.as_object()->internal;
    isolate.throw_type_error(std::string("String.prototype.") + method + " requires that 'this' be a String");
}

Value string_to_string(Isolate& isolate, const CallArgs& call) { return this_string_value(isolate, call.this_value, "toString"); }
Value string_value_of(Isolate& isolate, const CallArgs& call) { return this_string_value(isolate, call.this_value, "valueOf"); }

// %StringIteratorPrototype% (22.1.5): yields code points.
struct JsStringIterator final : JsObject {
    explicit JsStringIterator(JsObject* proto, JsString* s) : JsObject(proto, ObjectClass::Iterator), string(s), units(s) {}
    JsString* string;
    Units units;
    size_t position = 0;
    bool done = false;
    void trace(Tracer& t) override {
        JsObject::trace(t);
        t.mark(string);
    }
};

Value string_iterator(Isolate& isolate, const CallArgs& call) {
    JsString* s = this_string(isolate, call, "[Symbol.iterator]");
    return Value::object(isolate.heap().make<JsStringIterator>(isolate.realm().string_iterator_prototype, s));
}

Value string_iterator_next(Isolate& isolate, const CallArgs& call) {
    Value self = call.this_value;
    if (!self.is_object() || self.as_object()->proto == nullptr || self.as_object()->cls != ObjectClass::Iterator ||
        dynamic_cast<JsStringIterator*>(self.as_object()) == nullptr) {
        isolate.throw_type_error("Method String Iterator.prototype.next called on incompatible receiver " +
                                 describe_receiver(isolate, self));
    }
    auto* it = static_cast<JsStringIterator*>(self.as_object());
    if (it->done || it->position >= it->units.size()) {
        it->done = true;
        return create_iter_result(isolate, Value::undefined(), true);
    }
    size_t count;
    code_point_at(it->units, it->position, &count);
    Value piece = make_string(isolate, it->units.slice(it->position, it->position + count));
    it->position += count;
    return create_iter_result(isolate, piece, false);
}

struct MethodSpec {
    const char* name;
    NativeFn fn;
    int length;
};

constexpr MethodSpec kPrototypeMethods[] = {
    {"at", string_at, 1},
    {"charAt", string_char_at, 1},
    {"charCodeAt", string_char_code_at, 1},
    {"codePointAt", string_code_point_at, 1},
    {"concat", string_concat, 1},
    {"endsWith", string_ends_with, 1},
    {"includes", string_includes, 1},
    {"indexOf", string_index_of, 1},
    {"lastIndexOf", string_last_index_of, 1},
    {"localeCompare", string_locale_compare, 1},
    {"match", string_match, 1},
    {"matchAll", string_match_all, 1},
    {"normalize", string_normalize, 0},
    {"padEnd", string_pad_end, 1},
    {"padStart", string_pad_start, 1},
    {"repeat", string_repeat, 1},
    {"replace", string_replace, 2},
    {"replaceAll", string_replace_all, 2},
    {"search", string_search, 1},
    {"slice", string_slice, 2},
    {"split", string_split, 2},
    {"startsWith", string_starts_with, 1},
    {"substr", string_substr, 2},
    {"substring", string_substring, 2},
    {"toLocaleLowerCase", string_to_lower_case, 0},
    {"toLocaleUpperCase", string_to_upper_case, 0},
    {"toLowerCase", string_to_lower_case, 0},
    {"toString", string_to_string, 0},
    {"toUpperCase", string_to_upper_case, 0},
    {"trim", string_trim, 0},
    {"trimEnd", string_trim_end, 0},
    {"trimStart", string_trim_start, 0},
    {"valueOf", string_value_of, 0},
};

}  // namespace

void install_string_builtins(Isolate& isolate) {
    Realm& realm = isolate.realm();
    // String.prototype is itself a String object whose value is "".
    JsObject* proto = isolate.heap().make<JsObject>(realm.object_prototype, ObjectClass::String);
    proto->internal = isolate.intern("");
    realm.string_prototype = proto;
    JsFunction* ctor = make_constructor(isolate, "String", string_constructor, 1, proto);
    isolate.define_method(ctor, "fromCharCode", string_from_char_code, 1);
    isolate.define_method(ctor, "fromCodePoint", string_from_code_point, 1);
    isolate.define_method(ctor, "raw", string_raw, 1);
    for (const MethodSpec& m : kPrototypeMethods) isolate.define_method(proto, m.name, m.fn, m.length);
    // Annex B aliases share the function objects, as in V8.
    isolate.define_value(proto, "trimLeft", get(isolate, Value::object(proto), "trimStart"));
    isolate.define_value(proto, "trimRight", get(isolate, Value::object(proto), "trimEnd"));
    define_symbol_method(isolate, proto, isolate.symbols().iterator, "[Symbol.iterator]", string_iterator, 0);

    JsObject* iterator_proto =
        isolate.new_object_with_proto(realm.iterator_prototype ? realm.iterator_prototype : realm.object_prototype);
    isolate.define_method(iterator_proto, "next", string_iterator_next, 0);
    define_to_string_tag(isolate, iterator_proto, "String Iterator");
    realm.string_iterator_prototype = iterator_proto;
}

}  // namespace looplab::js
