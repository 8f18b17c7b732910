// Number formatting that must match V8 digit for digit: toFixed,
// toExponential, toPrecision (ECMAScript 21.1.3) and the en-US
// toLocaleString that node's ICU produces with default options.
#pragma once

#include <optional>
#include <string>

namespace looplab::js {

// Callers check the digit ranges (RangeErrors) and pass finite or
// non-finite doubles; non-finite values format as Number::toString does.
std::string number_to_fixed(double x, int fraction_digits);
std::string number_to_exponential(double x, std::optional<int> fraction_digits);
std::string number_to_precision(double x, int precision);
std::string number_to_locale_string(double x);

}  // namespace looplab::js
