// Printing an uncaught exception the way Node 20 prints it on stderr
// (src/node_errors.cc: GetErrorSource, ReportFatalException).
#pragma once

#include <string>

#include "engine/js/isolate.h"
#include "engine/js/vm.h"

namespace looplab::node {

class NodeProcess;

// "file:LINE\n<source line>\n<spaces>^\n": where the exception was thrown.
// `length` carets (syntax errors underline their token).
std::string error_arrow(const std::string& file, uint32_t line, uint32_t column, const std::string& source_line,
                        uint32_t length = 1);

// The whole report for `error` (without the "Node.js v20" banner).
// `thrown_at` is the VM's throw position; promise rejections locate Error
// objects by their stack's first frame instead, as Node does.
std::string format_uncaught(NodeProcess& p, js::Value error, bool from_promise, const js::ThrowPosition& thrown_at);

// The report for a syntax error in the main script.
std::string format_main_syntax_error(const std::string& file, const js::CompileError& error);

// For errors thrown from inside Node's own JavaScript (events.js's
// `throw er; // Unhandled 'error' event`): if `error` ends the process as an
// uncaught exception, print `arrow` instead of the throw position and
// append `stack_suffix` to its stack first (Node's kEnhanceStackBeforeInspector,
// e.g. "\nEmitted 'error' event at:\n    at ..."). Harmless if the error is caught.
void set_uncaught_decoration(js::Isolate& isolate, js::JsObject* error, std::string arrow, std::string stack_suffix);

// "\nNode.js v20.x.y\n"
std::string node_banner();

// Node's internal frames below a main-module frame (the CJS loader), which
// follow a syntax error's header.
extern const char* const kMainModuleLoaderFrames;

}  // namespace looplab::node
