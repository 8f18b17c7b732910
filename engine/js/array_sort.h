// V8's TimSort (third_party/v8/builtins/array-sort.tq), reproduced step for
// step so that the sequence of comparator calls, and therefore the result
// of an inconsistent comparator such as `(a, b) => a > b`, matches node.
#pragma once

#include <functional>
#include <vector>

#include "engine/js/value.h"

namespace looplab::js {

// compare(a, b) returns <0, 0 or >0 (NaN already mapped to 0). It may throw;
// the vector is then left in an unspecified order.
using SortCompare = std::function<double(Value, Value)>;
void timsort(std::vector<Value>& work, const SortCompare& compare);

}  // namespace looplab::js
