// What the front end draws: a fold of the trace up to a cursor. Panels read
// it through const references and never reach into the interpreter.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace looplab::trace {

enum class ConsoleStream : uint8_t { Stdout, Stderr };

struct ConsoleLine {
    ConsoleStream stream = ConsoleStream::Stdout;
    uint32_t isolate = 0;
    std::string text;  // one line, without its newline
};

struct ViewState {
    std::string file_path;
    std::string source;
    uint32_t current_line = 0;  // 1-based line executing at the cursor, 0 if none
    std::vector<ConsoleLine> console;
    bool finished = false;
    int exit_code = 0;
};

}  // namespace looplab::trace
