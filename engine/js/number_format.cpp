#include "engine/js/number_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "engine/js/string.h"

namespace looplab::js {

namespace {

// A positive finite double as decimal digits: x = 0.d1d2d3... * 10^point.
struct Decimal {
    std::string digits;  // no leading or trailing zeros; empty for 0
    int point = 0;
};

Decimal from_scientific(std::string_view text) {
    // "d.ddde[+-]xx" as printf and to_chars write it.
    Decimal d;
    size_t e = text.find('e');
    for (size_t i = 0; i < e; ++i) {
        if (text[i] != '.') d.digits += text[i];
    }
    int exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
    d.point = exponent + 1;
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    if (d.digits.empty()) d.point = 0;
    return d;
}

// Every digit of the binary value (glibc's printf is exact), so rounding
// decisions see the true value: (1.005).toFixed(2) is "1.00".
Decimal exact_decimal(double x) {
    char buf[1200];
    std::snprintf(buf, sizeof buf, "%.800e", x);
    return from_scientific(buf);
}

// The shortest digits that round-trip, as Number::toString uses.
Decimal shortest_decimal(double x) {
    char buf[64];
    auto result = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    return from_scientific(std::string_view(buf, result.ptr - buf));
}

// Adds one unit in the last place of a digit string; returns true when the
// carry adds a digit in front ("99" -> "100").
bool increment(std::string& digits) {
    for (size_t i = digits.size(); i-- > 0;) {
        if (digits[i] != '9') {
            ++digits[i];
            return false;
        }
        digits[i] = '0';
    }
    digits.insert(digits.begin(), '1');
    return true;
}

// Rounds to n significant digits, ties away from zero: when two candidates
// are equally near, the spec picks the larger n.
Decimal round_significant(Decimal d, int n) {
    if (static_cast<int>(d.digits.size()) > n) {
        bool up = d.digits[n] >= '5';
        d.digits.resize(n);
        if (up && increment(d.digits)) {
            d.digits.pop_back();
            ++d.point;
        }
    }
    d.digits.resize(n, '0');
    return d;
}

std::string exponent_suffix(int exponent) {
    return std::string("e") + (exponent < 0 ? "-" : "+") + std::to_string(std::abs(exponent));
}

// d.ddd e±x from n significant digits.
std::string exponential_form(const std::string& digits, int exponent) {
    std::string out(1, digits[0]);
    if (digits.size() > 1) out += "." + digits.substr(1);
    return out + exponent_suffix(exponent);
}

// The digits of round(x * 10^f) for positive x.
std::string scaled_integer(double x, int f) {
    Decimal d = exact_decimal(x);
    int keep = d.point + f;
    if (d.digits.empty() || keep < 0) return "0";
    if (keep == 0) return d.digits[0] >= '5' ? "1" : "0";
    std::string n = d.digits.substr(0, std::min<size_t>(keep, d.digits.size()));
    n.resize(keep, '0');
    if (static_cast<int>(d.digits.size()) > keep && d.digits[keep] >= '5') increment(n);
    size_t first = n.find_first_not_of('0');
    return first == std::string::npos ? "0" : n.substr(first);
}

std::string group_thousands(const std::string& integer_digits) {
    std::string out;
    size_t n = integer_digits.size();
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += ',';
        out += integer_digits[i];
    }
    return out;
}

}  // namespace

std::string number_to_fixed(double x, int f) {
    if (std::isnan(x)) return "NaN";
    if (std::fabs(x) >= 1e21 || std::isinf(x)) return number_to_string(x);
    std::string sign = x < 0 ? "-" : "";
    std::string n = scaled_integer(std::fabs(x), f);
    if (f == 0) return sign + n;
    if (static_cast<int>(n.size()) <= f) n.insert(0, f + 1 - n.size(), '0');
    return sign + n.substr(0, n.size() - f) + "." + n.substr(n.size() - f);
}

std::string number_to_exponential(double x, std::optional<int> f) {
    if (!std::isfinite(x)) return number_to_string(x);
    std::string sign = x < 0 ? "-" : "";
    x = std::fabs(x);
    if (x == 0) {
        int n = f.value_or(0);
        return sign + exponential_form(std::string(n + 1, '0'), 0);
    }
    Decimal d = f ? round_significant(exact_decimal(x), *f + 1) : shortest_decimal(x);
    return sign + exponential_form(d.digits, d.point - 1);
}

std::string number_to_precision(double x, int p) {
    if (!std::isfinite(x)) return number_to_string(x);
    std::string sign = x < 0 ? "-" : "";
    x = std::fabs(x);
    Decimal d;
    if (x == 0) {
        d.digits = std::string(p, '0');
        d.point = 1;
    } else {
        d = round_significant(exact_decimal(x), p);
    }
    int e = d.point - 1;
    if (e < -6 || e >= p) return sign + exponential_form(d.digits, e);
    if (e >= 0) {
        std::string out = d.digits.substr(0, e + 1);
        if (p > e + 1) out += "." + d.digits.substr(e + 1);
        return sign + out;
    }
    return sign + "0." + std::string(-(e + 1), '0') + d.digits;
}

// ICU with en-US defaults: at most three fraction digits, rounding
// half-expand on the shortest decimal form, comma grouping.
std::string number_to_locale_string(double x) {
    if (std::isnan(x)) return "NaN";
    std::string sign = std::signbit(x) ? "-" : "";
    if (std::isinf(x)) return sign + "\xE2\x88\x9E";  // ∞
    x = std::fabs(x);
    if (x == 0) return sign + "0";
    Decimal d = shortest_decimal(x);
    // Keep point + 3 digits (the integer part and three fraction digits).
    int keep = d.point + 3;
    std::string n;  // round(x * 1000) as digits
    if (keep < 0) {
        n = "0";
    } else if (keep == 0) {
        n = d.digits[0] >= '5' ? "1" : "0";
    } else {
        n = d.digits.substr(0, std::min<size_t>(keep, d.digits.size()));
        n.resize(keep, '0');
        if (static_cast<int>(d.digits.size()) > keep && d.digits[keep] >= '5') increment(n);
    }
    if (n.size() < 4) n.insert(0, 4 - n.size(), '0');
    std::string integer = n.substr(0, n.size() - 3);
    std::string fraction = n.substr(n.size() - 3);
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    size_t first = integer.find_first_not_of('0');
    integer = first == std::string::npos ? "0" : integer.substr(first);
    return sign + group_thousands(integer) + (fraction.empty() ? "" : "." + fraction);
}

}  // namespace looplab::js
