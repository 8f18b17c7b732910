// Running a program with its trace recorded, for `looplab trace`, the UI
// and the tests. `run_program` (runtime.h) is the same run without a trace.
#pragma once

#include "engine/node/runtime.h"
#include "engine/trace/trace.h"

namespace looplab::node {

struct RecordOptions {
    // Statement steps and JS call frames (the VM observer). Off: only the
    // runtime's own events (queues, phases, callbacks, console), which is
    // much smaller for long loops.
    bool record_steps = true;
};

// Runs the program like run_program and appends every event to `trace`
// (which should be empty). Output still goes to `out` as it is written.
RunResult run_program_recorded(const RunConfig& config, OutputSink& out, trace::Trace& trace,
                               RecordOptions options = {});

class NodeProcess;
// After the loop has died: emits 'exit' once (unless process.exit already
// did) and returns the process's exit code. Shared by the main thread and
// worker threads.
int emit_process_exit(NodeProcess& p);

// An OutputSink that keeps everything (tests, the UI's recorder).
class BufferSink final : public OutputSink {
public:
    void write(Stream stream, std::string_view bytes) override {
        (stream == Stream::Stdout ? stdout_text : stderr_text).append(bytes);
    }
    std::string stdout_text;
    std::string stderr_text;
};

}  // namespace looplab::node
