// Algorithms from fdlibm / FreeBSD msun (Copyright (C) 1993 by Sun
// Microsystems, Inc. Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice is preserved.)
#include "engine/js/builtins_math_ieee754.h"

#include <bit>
#include <cstdint>

namespace looplab::js::ieee754 {

namespace {

uint32_t high_word(double x) { return static_cast<uint32_t>(std::bit_cast<uint64_t>(x) >> 32); }
uint32_t low_word(double x) { return static_cast<uint32_t>(std::bit_cast<uint64_t>(x)); }
double from_words(uint32_t high, uint32_t low) {
    return std::bit_cast<double>((static_cast<uint64_t>(high) << 32) | low);
}

}  // namespace

// s_cbrt.c: a 5-bit estimate from the exponent, a polynomial to 23 bits,
// rounding away from zero, then one Newton step to 53 bits (< 0.667 ulp).
double cbrt(double x) {
    constexpr uint32_t B1 = 715094163;  // (1023 - 1023/3 - 0.03306235651) * 2^20
    constexpr uint32_t B2 = 696219795;  // (1023 - 1023/3 - 54/3 - 0.03306235651) * 2^20
    constexpr double P0 = 1.87595182427177009643;
    constexpr double P1 = -1.88497979543377169875;
    constexpr double P2 = 1.621429720105354466140;
    constexpr double P3 = -0.758397934778766047437;
    constexpr double P4 = 0.145996192886612446982;

    uint32_t hx = high_word(x);
    uint32_t low = low_word(x);
    uint32_t sign = hx & 0x80000000u;
    hx ^= sign;
    if (hx >= 0x7ff00000u) return x + x;  // NaN, Infinity
    double t;
    if (hx < 0x00100000u) {  // zero or subnormal
        if ((hx | low) == 0) return x;
        t = from_words(0x43500000u, 0) * x;  // scale by 2^54
        t = from_words(sign | ((high_word(t) & 0x7fffffffu) / 3 + B2), 0);
    } else {
        t = from_words(sign | (hx / 3 + B1), 0);
    }

    double r = (t * t) * (t / x);
    t = t * ((P0 + r * (P1 + r * P2)) + ((r * r) * r) * (P3 + r * P4));

    uint64_t bits = std::bit_cast<uint64_t>(t);
    bits = (bits + 0x80000000u) & 0xffffffffc0000000ULL;
    t = std::bit_cast<double>(bits);

    double s = t * t;  // exact
    r = x / s;
    double w = t + t;  // exact
    r = (r - t) / (w + r);
    return t + t * r;
}

}  // namespace looplab::js::ieee754
