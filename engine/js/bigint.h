// BigInt arithmetic for the VM and the built-ins. JsBigInt stores canonical
// decimal text; these functions compute on binary magnitudes (base 2^32,
// schoolbook algorithms) and return new BigInt values.
#pragma once

#include <string_view>

#include "engine/js/isolate.h"

namespace looplab::js {

enum class BigIntOp : uint8_t {
    Add, Sub, Mul, Div, Mod, Exp,
    BitAnd, BitOr, BitXor, Shl, Shr,  // >>> throws TypeError for BigInts (the VM's check)
};

// A BigInt literal's digits without the trailing `n`: "123", "0x1F", "0o17", "0b101".
Value bigint_from_literal(Isolate& isolate, std::string_view digits);
// `a op b` for two BigInts; a BigInt mixed with anything else throws
// "TypeError: Cannot mix BigInt and other types, use explicit conversions".
Value bigint_binary(Isolate& isolate, BigIntOp op, Value a, Value b);
Value bigint_negate(Isolate& isolate, Value a);
Value bigint_bitwise_not(Isolate& isolate, Value a);  // ~a
Value bigint_increment(Isolate& isolate, Value a, int delta);  // a + 1n / a - 1n for ++ and --
// -1, 0 or 1. Comparing with a Number is allowed in JS (1n < 1.5); NaN
// compares as "undefined", reported by returning 2.
int bigint_compare(Value a, Value b);
int bigint_compare_number(Value a, double b);
bool bigint_is_zero(Value a);
// BigInt(number) and Number(bigint).
Value bigint_from_number(Isolate& isolate, double d);  // throws RangeError for non-integers
double bigint_to_number(Value a);
// StringToBigInt; returns false (and leaves *out) when the text is not a BigInt.
bool string_to_bigint(Isolate& isolate, std::string_view text, Value* out);
std::string bigint_to_string(Value a, int radix = 10);

}  // namespace looplab::js
