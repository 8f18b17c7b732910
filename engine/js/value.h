// A JavaScript value in 64 bits, NaN-boxed.
//
// Numbers are stored as their IEEE-754 bits. Every other value lives in the
// negative quiet-NaN space: the top 16 bits are 0xFFF8 | tag, and the low 48
// bits carry a pointer or a small payload. A real NaN is canonicalised to
// 0x7FF8... so it never collides with a tag. Cheap to copy, compare, hash.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

namespace looplab::js {

struct GcCell;
struct JsString;
struct JsSymbol;
struct JsObject;
struct JsBigInt;

class Value {
public:
    // Three tag bits fit between the quiet-NaN prefix and the payload, so the
    // immediates (undefined, null, booleans, empty) share one tag.
    enum class Tag : uint64_t {
        Special = 1,
        String = 2,
        Symbol = 3,
        Object = 4,
        BigInt = 5,
    };
    // Payloads of Tag::Special. Empty is internal: array holes, let/const
    // before initialisation (TDZ), "no value".
    enum Special : uint64_t { kUndefined = 0, kNull = 1, kFalse = 2, kTrue = 3, kEmpty = 4 };

    constexpr Value() : bits_(tagged(Tag::Special, kUndefined)) {}

    static constexpr Value undefined() { return Value(tagged(Tag::Special, kUndefined)); }
    static constexpr Value null() { return Value(tagged(Tag::Special, kNull)); }
    static constexpr Value empty() { return Value(tagged(Tag::Special, kEmpty)); }
    static constexpr Value boolean(bool b) { return Value(tagged(Tag::Special, b ? kTrue : kFalse)); }
    static Value number(double d) {
        if (std::isnan(d)) return Value(kCanonicalNaN);
        return Value(std::bit_cast<uint64_t>(d));
    }
    static Value string(JsString* s) { return Value(tagged(Tag::String, ptr_bits(s))); }
    static Value symbol(JsSymbol* s) { return Value(tagged(Tag::Symbol, ptr_bits(s))); }
    static Value object(JsObject* o) { return Value(tagged(Tag::Object, ptr_bits(o))); }
    static Value bigint(JsBigInt* b) { return Value(tagged(Tag::BigInt, ptr_bits(b))); }

    bool is_number() const { return (bits_ & kTagMask) != kBoxBase || bits_ == kCanonicalNaN; }
    bool is_undefined() const { return bits_ == tagged(Tag::Special, kUndefined); }
    bool is_null() const { return bits_ == tagged(Tag::Special, kNull); }
    bool is_nullish() const { return is_undefined() || is_null(); }
    bool is_empty() const { return bits_ == tagged(Tag::Special, kEmpty); }
    bool is_bool() const {
        return bits_ == tagged(Tag::Special, kTrue) || bits_ == tagged(Tag::Special, kFalse);
    }
    bool is_string() const { return has_tag(Tag::String); }
    bool is_symbol() const { return has_tag(Tag::Symbol); }
    bool is_object() const { return has_tag(Tag::Object); }
    bool is_bigint() const { return has_tag(Tag::BigInt); }
    bool is_cell() const { return is_string() || is_symbol() || is_object() || is_bigint(); }

    double as_number() const { return std::bit_cast<double>(bits_); }
    bool as_bool() const { return bits_ == tagged(Tag::Special, kTrue); }
    JsString* as_string() const { return reinterpret_cast<JsString*>(bits_ & kPayloadMask); }
    JsSymbol* as_symbol() const { return reinterpret_cast<JsSymbol*>(bits_ & kPayloadMask); }
    JsObject* as_object() const { return reinterpret_cast<JsObject*>(bits_ & kPayloadMask); }
    JsBigInt* as_bigint() const { return reinterpret_cast<JsBigInt*>(bits_ & kPayloadMask); }
    GcCell* as_cell() const { return reinterpret_cast<GcCell*>(bits_ & kPayloadMask); }

    uint64_t raw_bits() const { return bits_; }
    // Identity of the 64 bits: same number bits, same pointer. Not JS equality.
    bool same_bits(Value other) const { return bits_ == other.bits_; }

private:
    static constexpr uint64_t kBoxBase = 0xFFF8'0000'0000'0000ULL;
    static constexpr uint64_t kTagMask = 0xFFF8'0000'0000'0000ULL;
    static constexpr uint64_t kPayloadMask = 0x0000'FFFF'FFFF'FFFFULL;
    static constexpr uint64_t kTagShift = 48;
    static constexpr uint64_t kCanonicalNaN = 0x7FF8'0000'0000'0000ULL;

    constexpr explicit Value(uint64_t bits) : bits_(bits) {}
    static constexpr uint64_t tagged(Tag tag, uint64_t payload) {
        return kBoxBase | (static_cast<uint64_t>(tag) << kTagShift) | payload;
    }
    static uint64_t ptr_bits(const void* p) { return reinterpret_cast<uint64_t>(p) & kPayloadMask; }
    bool has_tag(Tag tag) const { return (bits_ & ~kPayloadMask) == tagged(tag, 0); }

    uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace looplab::js
