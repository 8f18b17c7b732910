// Turns the program's output stream into the console lines a ViewState holds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/node/runtime.h"
#include "engine/trace/view_state.h"

namespace looplab::app {

class ConsoleCapture {
public:
    // A runaway `while (true) console.log(i++)` must not eat the machine's
    // memory through the viewer: past this many lines the console says it
    // stopped recording (`looplab run` still prints everything).
    static constexpr size_t kMaxLines = 200'000;

    // Writes without a trailing newline stay open and later writes to the same
    // stream continue them, as a terminal shows `process.stdout.write` pieces.
    void append(node::Stream stream, std::string_view bytes);

    const std::vector<trace::ConsoleLine>& lines() const { return lines_; }

private:
    void push(trace::ConsoleStream stream, std::string_view text);

    std::vector<trace::ConsoleLine> lines_;
    bool last_open_ = false;
    bool truncated_ = false;
};

// The file's text for the source panel (capped at a few MiB); empty if it
// cannot be read.
std::string read_source(const std::string& path);

}  // namespace looplab::app
