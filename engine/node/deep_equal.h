// Node's isDeepStrictEqual (lib/internal/util/comparisons.js), shared by
// util.isDeepStrictEqual and assert.deepStrictEqual.
#pragma once

#include "engine/js/isolate.h"

namespace looplab::node {

// Strict mode: Object.is for primitives, identical prototypes, same own
// enumerable keys; Map/Set contents compared without order; cycles allowed.
bool is_deep_strict_equal(js::Isolate& isolate, js::Value a, js::Value b);

}  // namespace looplab::node
