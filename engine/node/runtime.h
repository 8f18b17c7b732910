// The headless entry point: run one Node.js program the way `node FILE ARGS`
// would, in the deterministic engine, and report what it printed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/node/load_generator.h"

namespace looplab::js {
struct RunControl;
}

namespace looplab::node {

enum class Stream : uint8_t { Stdout, Stderr };

// Receives the program's output as it is written, in order.
class OutputSink {
public:
    virtual ~OutputSink() = default;
    virtual void write(Stream stream, std::string_view bytes) = 0;
};

// Every resource a scenario can exhaust has a limit here; reaching one ends
// the run with a clear message on stderr, never a crash or a hang.
struct Limits {
    uint64_t max_steps = 5'000'000'000ULL;          // bytecode instructions
    uint64_t max_virtual_ns = 3600ULL * 1'000'000'000ULL;  // one virtual hour
    uint64_t max_heap_bytes = 1ULL << 30;             // 1 GiB of JS heap
    uint32_t max_call_depth = 10'000;                 // JS frames -> RangeError
    uint32_t max_queue_length = 10'000'000;           // any one queue
    uint64_t max_trace_events = 20'000'000;           // a recorded trace, per isolate (16 bytes each)
    js::RunControl* control = nullptr;                // a watcher's stop flag (the window), not owned
};

struct RunConfig {
    std::string script_path;        // as given on the command line
    std::vector<std::string> args;  // process.argv.slice(2)
    Limits limits;
    uint64_t seed = 1;              // every random stream derives from it
    std::string cost_model_file;    // empty: the documented defaults
    // Parallelism hook (engine/sim/world.h): host threads that run isolates
    // (0: the host's core count; never changes the output) and the virtual
    // core count os.cpus() reports.
    uint32_t host_threads = 0;
    uint32_t cores = 4;
    LoadConfig load;                // --load: the built-in client (off by default)
};

struct RunResult {
    int exit_code = 0;
};

// Runs the program to completion (or to a limit) and returns its exit code.
RunResult run_program(const RunConfig& config, OutputSink& out);

}  // namespace looplab::node
