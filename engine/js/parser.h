// The parser: JavaScript source (a CommonJS script, as node compiles it) to
// the AST of ast.h. It reports the first SyntaxError the way V8 does: the
// same message text and the position of the token node's caret points at.
#pragma once

#include <string_view>

#include "engine/js/ast.h"

namespace looplab::js {

struct ParseOptions {
    // Node compiles a CommonJS file as the body of a function, so `return`
    // and `new.target` are legal at its top level. False parses a plain
    // script, where both are SyntaxErrors.
    bool commonjs = true;
};

// Deepest nesting of statements and expressions the parser follows before it
// reports V8's "RangeError: Maximum call stack size exceeded" instead of
// risking the C++ stack. V8 itself gives up somewhere between 1,500 and
// 2,000 nested parentheses.
inline constexpr int kMaxNestingDepth = 1000;

// Never throws: on failure ok is false, root is null and error says why.
ParsedProgram parse_program(std::string_view source, const ParseOptions& options = {});

}  // namespace looplab::js
