// BigInt arithmetic (ECMAScript 6.1.6.2) on sign + magnitude in base 2^32.
// Schoolbook algorithms: BigInts in teaching scenarios are small, and
// every operation is bounded by kMaxBits.
#include "engine/js/bigint.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/js/string.h"

namespace looplab::js {

namespace {

// V8 allows 2^30 bits; looplab keeps BigInts far smaller so a stray `2n ** 10000000n` ends clearly.
constexpr size_t kMaxBits = 1u << 20;

struct BigNum {
    bool negative = false;
    std::vector<uint32_t> mag;  // little-endian limbs, no leading zero limbs; zero is empty

    bool is_zero() const { return mag.empty(); }
    void trim() {
        while (!mag.empty() && mag.back() == 0) mag.pop_back();
        if (mag.empty()) negative = false;
    }
};

int compare_mag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

std::vector<uint32_t> add_mag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    std::vector<uint32_t> out(std::max(a.size(), b.size()) + 1, 0);
    uint64_t carry = 0;
    for (size_t i = 0; i < out.size(); ++i) {
        uint64_t sum = carry + (i < a.size() ? a[i] : 0) + (i < b.size() ? b[i] : 0);
        out[i] = static_cast<uint32_t>(sum);
        carry = sum >> 32;
    }
    return out;
}

// a - b with |a| >= |b|.
std::vector<uint32_t> sub_mag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    std::vector<uint32_t> out(a.size(), 0);
    int64_t borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int64_t diff = static_cast<int64_t>(a[i]) - borrow - (i < b.size() ? b[i] : 0);
        borrow = diff < 0 ? 1 : 0;
        out[i] = static_cast<uint32_t>(diff + (borrow << 32));
    }
    return out;
}

std::vector<uint32_t> mul_mag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    if (a.empty() || b.empty()) return {};
    std::vector<uint32_t> out(a.size() + b.size(), 0);
    for (size_t i = 0; i < a.size(); ++i) {
        uint64_t carry = 0;
        for (size_t j = 0; j < b.size(); ++j) {
            uint64_t cur = out[i + j] + static_cast<uint64_t>(a[i]) * b[j] + carry;
            out[i + j] = static_cast<uint32_t>(cur);
            carry = cur >> 32;
        }
        out[i + b.size()] += static_cast<uint32_t>(carry);
    }
    return out;
}

// Divides by a small divisor in place; returns the remainder.
uint32_t divmod_small(std::vector<uint32_t>& a, uint32_t divisor) {
    uint64_t rem = 0;
    for (size_t i = a.size(); i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        a[i] = static_cast<uint32_t>(cur / divisor);
        rem = cur % divisor;
    }
    while (!a.empty() && a.back() == 0) a.pop_back();
    return static_cast<uint32_t>(rem);
}

size_t bit_length(const std::vector<uint32_t>& a) {
    if (a.empty()) return 0;
    return (a.size() - 1) * 32 + (32 - static_cast<size_t>(__builtin_clz(a.back())));
}

bool test_bit(const std::vector<uint32_t>& a, size_t bit) {
    return bit / 32 < a.size() && ((a[bit / 32] >> (bit % 32)) & 1);
}

// Shift-subtract long division of magnitudes: quotient and remainder.
void divmod_mag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, std::vector<uint32_t>* q,
                std::vector<uint32_t>* r) {
    if (b.size() == 1) {
        *q = a;
        uint32_t rem = divmod_small(*q, b[0]);
        *r = rem ? std::vector<uint32_t>{rem} : std::vector<uint32_t>{};
        return;
    }
    q->assign(a.size(), 0);
    r->clear();
    for (size_t bit = bit_length(a); bit-- > 0;) {
        // r = r * 2 + bit
        uint32_t carry = test_bit(a, bit) ? 1 : 0;
        for (auto& limb : *r) {
            uint32_t next = limb >> 31;
            limb = (limb << 1) | carry;
            carry = next;
        }
        if (carry) r->push_back(carry);
        if (compare_mag(*r, b) >= 0) {
            *r = sub_mag(*r, b);
            while (!r->empty() && r->back() == 0) r->pop_back();
            (*q)[bit / 32] |= 1u << (bit % 32);
        }
    }
    while (!q->empty() && q->back() == 0) q->pop_back();
}

BigNum parse_decimal(std::string_view text) {
    BigNum n;
    size_t i = 0;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        n.negative = text[0] == '-';
        i = 1;
    }
    for (; i < text.size(); ++i) {
        uint64_t carry = static_cast<uint64_t>(text[i] - '0');
        for (auto& limb : n.mag) {
            uint64_t cur = static_cast<uint64_t>(limb) * 10 + carry;
            limb = static_cast<uint32_t>(cur);
            carry = cur >> 32;
        }
        if (carry) n.mag.push_back(static_cast<uint32_t>(carry));
    }
    n.trim();
    return n;
}

BigNum from_value(Value v) { return parse_decimal(v.as_bigint()->decimal); }

std::string to_radix(const BigNum& n, int radix) {
    if (n.is_zero()) return "0";
    static const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::vector<uint32_t> mag = n.mag;
    std::string out;
    while (!mag.empty()) out += digits[divmod_small(mag, static_cast<uint32_t>(radix))];
    if (n.negative) out += '-';
    std::reverse(out.begin(), out.end());
    return out;
}

Value make(Isolate& isolate, BigNum n) {
    n.trim();
    if (bit_length(n.mag) > kMaxBits) isolate.throw_range_error("Maximum BigInt size exceeded");
    return Value::bigint(isolate.heap().make<JsBigInt>(to_radix(n, 10)));
}

BigNum add(const BigNum& a, const BigNum& b) {
    BigNum out;
    if (a.negative == b.negative) {
        out.mag = add_mag(a.mag, b.mag);
        out.negative = a.negative;
    } else if (compare_mag(a.mag, b.mag) >= 0) {
        out.mag = sub_mag(a.mag, b.mag);
        out.negative = a.negative;
    } else {
        out.mag = sub_mag(b.mag, a.mag);
        out.negative = b.negative;
    }
    out.trim();
    return out;
}

BigNum negated(BigNum a) {
    if (!a.is_zero()) a.negative = !a.negative;
    return a;
}

// Two's complement limbs of `a` sign-extended to `limbs` limbs.
std::vector<uint32_t> twos_complement(const BigNum& a, size_t limbs) {
    std::vector<uint32_t> out(limbs, 0);
    for (size_t i = 0; i < a.mag.size() && i < limbs; ++i) out[i] = a.mag[i];
    if (!a.negative) return out;
    uint64_t carry = 1;
    for (auto& limb : out) {
        uint64_t cur = static_cast<uint64_t>(~limb) + carry;
        limb = static_cast<uint32_t>(cur);
        carry = cur >> 32;
    }
    return out;
}

BigNum from_twos_complement(std::vector<uint32_t> limbs) {
    BigNum out;
    out.negative = !limbs.empty() && (limbs.back() >> 31);
    if (out.negative) {
        uint64_t carry = 1;
        for (auto& limb : limbs) {
            uint64_t cur = static_cast<uint64_t>(~limb) + carry;
            limb = static_cast<uint32_t>(cur);
            carry = cur >> 32;
        }
    }
    out.mag = std::move(limbs);
    out.trim();
    return out;
}

BigNum bitwise(const BigNum& a, const BigNum& b, BigIntOp op) {
    size_t limbs = std::max(a.mag.size(), b.mag.size()) + 1;
    std::vector<uint32_t> x = twos_complement(a, limbs), y = twos_complement(b, limbs);
    for (size_t i = 0; i < limbs; ++i) {
        x[i] = op == BigIntOp::BitAnd ? (x[i] & y[i]) : op == BigIntOp::BitOr ? (x[i] | y[i]) : (x[i] ^ y[i]);
    }
    return from_twos_complement(std::move(x));
}

BigNum shift_left(Isolate& isolate, const BigNum& a, double bits);

BigNum shift_right(Isolate& isolate, const BigNum& a, double bits) {
    if (bits < 0) return shift_left(isolate, a, -bits);
    // Floor division by 2^bits: negative values round toward -infinity.
    size_t total = static_cast<size_t>(std::min(bits, 1e12));
    if (total >= bit_length(a.mag)) return a.negative ? BigNum{true, {1}} : BigNum{};
    BigNum out;
    out.negative = a.negative;
    size_t limb_shift = total / 32, bit_shift = total % 32;
    bool lost_bits = false;
    for (size_t i = 0; i < limb_shift; ++i) lost_bits |= a.mag[i] != 0;
    if (bit_shift) lost_bits |= (a.mag[limb_shift] & ((1u << bit_shift) - 1)) != 0;
    for (size_t i = limb_shift; i < a.mag.size(); ++i) {
        uint64_t cur = a.mag[i] >> bit_shift;
        if (bit_shift && i + 1 < a.mag.size()) cur |= static_cast<uint64_t>(a.mag[i + 1]) << (32 - bit_shift);
        out.mag.push_back(static_cast<uint32_t>(cur));
    }
    out.trim();
    if (a.negative && lost_bits) out = add(out, BigNum{true, {1}});
    return out;
}

BigNum shift_left(Isolate& isolate, const BigNum& a, double bits) {
    if (bits < 0) return shift_right(isolate, a, -bits);
    if (a.is_zero()) return a;
    if (bits + static_cast<double>(bit_length(a.mag)) > kMaxBits) isolate.throw_range_error("Maximum BigInt size exceeded");
    size_t total = static_cast<size_t>(bits);
    BigNum out;
    out.negative = a.negative;
    out.mag.assign(total / 32, 0);
    uint32_t carry = 0;
    size_t bit_shift = total % 32;
    for (uint32_t limb : a.mag) {
        out.mag.push_back(bit_shift ? (limb << bit_shift) | carry : limb);
        carry = bit_shift ? limb >> (32 - bit_shift) : 0;
    }
    if (carry) out.mag.push_back(carry);
    out.trim();
    return out;
}

BigNum power(Isolate& isolate, BigNum base, const BigNum& exponent) {
    if (exponent.negative) isolate.throw_range_error("Exponent must be non-negative");
    BigNum result{false, {1}};
    if (exponent.is_zero()) return result;
    if (base.is_zero()) return base;
    if (bit_length(base.mag) > 1 && bit_length(exponent.mag) > 32) isolate.throw_range_error("Maximum BigInt size exceeded");
    for (size_t bit = 0, n = bit_length(exponent.mag); bit < n; ++bit) {
        if (test_bit(exponent.mag, bit)) {
            result.mag = mul_mag(result.mag, base.mag);
            result.negative = result.negative != base.negative;
            result.trim();
            if (bit_length(result.mag) > kMaxBits) isolate.throw_range_error("Maximum BigInt size exceeded");
        }
        if (bit + 1 < n) {
            base.mag = mul_mag(base.mag, base.mag);
            base.negative = false;
            base.trim();
            if (bit_length(base.mag) > kMaxBits) isolate.throw_range_error("Maximum BigInt size exceeded");
        }
    }
    return result;
}

double to_shift_count(const BigNum& b) {
    double d = 0;
    for (size_t i = b.mag.size(); i-- > 0;) d = d * 4294967296.0 + b.mag[i];
    return b.negative ? -d : d;
}

}  // namespace

Value bigint_binary(Isolate& isolate, BigIntOp op, Value av, Value bv) {
    if (!av.is_bigint() || !bv.is_bigint()) {
        isolate.throw_type_error("Cannot mix BigInt and other types, use explicit conversions");
    }
    BigNum a = from_value(av), b = from_value(bv);
    switch (op) {
        case BigIntOp::Add: return make(isolate, add(a, b));
        case BigIntOp::Sub: return make(isolate, add(a, negated(b)));
        case BigIntOp::Mul: {
            BigNum out{a.negative != b.negative, mul_mag(a.mag, b.mag)};
            return make(isolate, out);
        }
        case BigIntOp::Div:
        case BigIntOp::Mod: {
            if (b.is_zero()) isolate.throw_range_error("Division by zero");
            BigNum q, r;
            divmod_mag(a.mag, b.mag, &q.mag, &r.mag);
            // Truncating division; the remainder takes the dividend's sign.
            q.negative = a.negative != b.negative;
            r.negative = a.negative;
            return make(isolate, op == BigIntOp::Div ? q : r);
        }
        case BigIntOp::Exp: return make(isolate, power(isolate, a, b));
        case BigIntOp::BitAnd:
        case BigIntOp::BitOr:
        case BigIntOp::BitXor: return make(isolate, bitwise(a, b, op));
        case BigIntOp::Shl: return make(isolate, shift_left(isolate, a, to_shift_count(b)));
        case BigIntOp::Shr: return make(isolate, shift_right(isolate, a, to_shift_count(b)));
    }
    return av;
}

Value bigint_negate(Isolate& isolate, Value a) { return make(isolate, negated(from_value(a))); }

Value bigint_bitwise_not(Isolate& isolate, Value a) {
    // ~a = -a - 1
    return make(isolate, add(negated(from_value(a)), BigNum{true, {1}}));
}

Value bigint_increment(Isolate& isolate, Value a, int delta) {
    return make(isolate, add(from_value(a), BigNum{delta < 0, {1}}));
}

int bigint_compare(Value av, Value bv) {
    BigNum a = from_value(av), b = from_value(bv);
    if (a.negative != b.negative) return a.negative ? -1 : 1;
    int c = compare_mag(a.mag, b.mag);
    return a.negative ? -c : c;
}

int bigint_compare_number(Value a, double b) {
    if (std::isnan(b)) return 2;
    if (std::isinf(b)) return b > 0 ? -1 : 1;
    // Compare with floor(b); if equal, the fractional part decides.
    double fl = std::floor(b);
    std::string text = fl == 0 ? "0" : [&] {
        char buf[400];
        snprintf(buf, sizeof buf, "%.0f", fl);
        return std::string(buf);
    }();
    BigNum x = from_value(a), y = parse_decimal(text);
    int c;
    if (x.negative != y.negative) {
        c = x.negative ? -1 : 1;
    } else {
        c = compare_mag(x.mag, y.mag);
        if (x.negative) c = -c;
    }
    if (c == 0 && b != fl) return -1;
    return c;
}

bool bigint_is_zero(Value a) { return a.as_bigint()->decimal == "0"; }

Value bigint_from_number(Isolate& isolate, double d) {
    if (!std::isfinite(d) || d != std::trunc(d)) {
        isolate.throw_range_error("The number " + number_to_string(d) +
                                  " cannot be converted to a BigInt because it is not an integer");
    }
    char buf[400];
    snprintf(buf, sizeof buf, "%.0f", d);
    std::string text = buf;
    if (text == "-0") text = "0";
    return Value::bigint(isolate.heap().make<JsBigInt>(text));
}

double bigint_to_number(Value a) { return std::strtod(a.as_bigint()->decimal.c_str(), nullptr); }

bool string_to_bigint(Isolate& isolate, std::string_view text, Value* out) {
    // StringToBigInt: trimmed; decimal with optional sign, or 0x/0o/0b without a sign.
    size_t begin = 0, end = text.size();
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
    while (begin < end && space(text[begin])) ++begin;
    while (end > begin && space(text[end - 1])) --end;
    std::string_view t = text.substr(begin, end - begin);
    if (t.empty()) {
        *out = Value::bigint(isolate.heap().make<JsBigInt>("0"));
        return true;
    }
    int radix = 10;
    bool negative = false;
    if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X' || t[1] == 'o' || t[1] == 'O' || t[1] == 'b' || t[1] == 'B')) {
        radix = (t[1] == 'x' || t[1] == 'X') ? 16 : (t[1] == 'o' || t[1] == 'O') ? 8 : 2;
        t.remove_prefix(2);
    } else if (t[0] == '-' || t[0] == '+') {
        negative = t[0] == '-';
        t.remove_prefix(1);
        if (t.empty()) return false;
    }
    BigNum n;
    for (char c : t) {
        int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'z') ? c - 'a' + 10 : (c >= 'A' && c <= 'Z') ? c - 'A' + 10 : 99;
        if (digit >= radix) return false;
        uint64_t carry = static_cast<uint64_t>(digit);
        for (auto& limb : n.mag) {
            uint64_t cur = static_cast<uint64_t>(limb) * static_cast<uint64_t>(radix) + carry;
            limb = static_cast<uint32_t>(cur);
            carry = cur >> 32;
        }
        if (carry) n.mag.push_back(static_cast<uint32_t>(carry));
    }
    n.negative = negative;
    *out = make(isolate, n);
    return true;
}

Value bigint_from_literal(Isolate& isolate, std::string_view digits) {
    std::string cleaned;
    for (char c : digits) {
        if (c != '_') cleaned += c;  // numeric separators
    }
    Value out;
    if (!string_to_bigint(isolate, cleaned, &out)) {
        isolate.throw_error(ErrorType::SyntaxError, "Invalid BigInt literal " + std::string(digits) + "n");
    }
    return out;
}

std::string bigint_to_string(Value a, int radix) {
    if (radix == 10) return a.as_bigint()->decimal;
    return to_radix(from_value(a), radix);
}

}  // namespace looplab::js
