// Writing a trace out: narrated text for people, JSON for tools and the
// determinism tests, Chrome's Trace Event Format for Perfetto /
// chrome://tracing. Formats are specified in docs/trace-format.md.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "engine/trace/trace.h"

namespace looplab::trace {

void write_json(const Trace& trace, std::ostream& out);
void write_chrome(const Trace& trace, std::ostream& out);
void write_text(const Trace& trace, std::ostream& out);

// JSON string literal for `text` (quotes included); bytes >= 0x80 pass
// through (the text is UTF-8), control characters are escaped.
std::string json_quote(std::string_view text);

}  // namespace looplab::trace
