// JavaScript strings and symbols.
//
// A JsString holds UTF-8 text. JavaScript measures and indexes strings in
// UTF-16 code units, so non-ASCII strings convert on demand (ASCII strings,
// the common case, index bytes directly). Concatenation builds a rope that is
// flattened the first time its text is read, so `s += x` in a loop stays
// linear. Unpaired surrogates are stored as WTF-8.
#pragma once

#include <string>
#include <string_view>

#include "engine/js/heap.h"

namespace looplab::js {

struct JsString final : GcCell {
    explicit JsString(std::string text);
    JsString(JsString* left, JsString* right);  // a rope node

    // The UTF-8 text; flattens a rope first.
    const std::string& str() const;
    std::string_view view() const { return str(); }
    bool is_ascii() const { return ascii_; }
    size_t byte_length() const { return byte_length_; }
    // Length in UTF-16 code units, as `s.length` reports it.
    size_t length() const;
    // The UTF-16 code unit at index i (caller checks i < length()).
    char16_t code_unit(size_t i) const;
    std::u16string utf16() const;
    // Substring in UTF-16 code unit indices [from, to).
    std::string substring(size_t from, size_t to) const;

    bool interned = false;
    uint32_t hash() const;

    void trace(Tracer& tracer) override;
    // A rope node owns only its two links; its text is owned once flattened.
    size_t byte_size() const override { return sizeof(JsString) + text_.size(); }

private:
    void flatten() const;

    mutable std::string text_;
    mutable JsString* left_ = nullptr;  // non-null while this is an unflattened rope
    mutable JsString* right_ = nullptr;
    mutable size_t utf16_length_ = SIZE_MAX;
    mutable uint32_t hash_ = 0;
    size_t byte_length_ = 0;
    bool ascii_ = true;
};

struct JsSymbol final : GcCell {
    explicit JsSymbol(std::string desc, bool has_desc = true)
        : GcCell(CellKind::Symbol), description(std::move(desc)), has_description(has_desc) {}
    std::string description;
    bool has_description;
    bool registered = false;  // Symbol.for
    void trace(Tracer&) override {}
    size_t byte_size() const override { return sizeof(JsSymbol) + description.size(); }
};

// A BigInt, kept as its canonical decimal text ("-123"); arithmetic lives in
// the BigInt built-ins.
struct JsBigInt final : GcCell {
    explicit JsBigInt(std::string text) : GcCell(CellKind::BigInt), decimal(std::move(text)) {}
    std::string decimal;
    void trace(Tracer&) override {}
    size_t byte_size() const override { return sizeof(JsBigInt) + decimal.size(); }
};

// UTF-8 <-> UTF-16 conversions (WTF-8 for lone surrogates).
std::u16string utf8_to_utf16(std::string_view text);
std::string utf16_to_utf8(std::u16string_view text);
void append_code_point(std::string& out, uint32_t cp);

// ECMAScript Number::toString(10): shortest round-trip digits, exponent
// notation outside [1e-7, 1e21).
std::string number_to_string(double d);
// Number.prototype.toString(radix) for radix 2..36.
std::string number_to_radix_string(double d, int radix);
// StringToNumber: whitespace trimmed, hex/octal/binary prefixes, Infinity; NaN on failure.
double string_to_number(std::string_view text);
// Is the text a canonical array index ("0", "17", not "01" or "-1")?
bool is_array_index(std::string_view text, uint32_t* index_out);

}  // namespace looplab::js
