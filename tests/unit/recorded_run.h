// What the run-level unit tests share: write a program into a folder of
// this test process's own (CTest runs test cases as parallel processes),
// run it recorded as `looplab trace` does, and look at what it printed and
// traced.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "engine/node/process_run.h"
#include "engine/trace/trace.h"

namespace looplab::test {

// Writes `text` as `name` in <tmp>/looplab-<folder>-<pid>/; returns its path.
inline std::string write_program(const std::string& folder, const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() / ("looplab-" + folder + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::ofstream(path) << text;
    return path.string();
}

struct RecordedRun {
    node::BufferSink out;
    trace::Trace trace;
    int code = 0;

    std::vector<trace::Event> of_kind(trace::EventKind kind) const {
        std::vector<trace::Event> found;
        for (const trace::Event& e : trace.events()) {
            if (e.kind == kind) found.push_back(e);
        }
        return found;
    }
};

// Runs `config` recorded into `run` (which must be fresh).
inline void record(RecordedRun& run, const node::RunConfig& config, node::RecordOptions options = {}) {
    run.code = node::run_program_recorded(config, run.out, run.trace, options).exit_code;
}

// Writes `source` as prog.js in `folder` and runs it recorded, defaults otherwise.
inline std::unique_ptr<RecordedRun> record_source(const std::string& folder, const std::string& source) {
    node::RunConfig config;
    config.script_path = write_program(folder, "prog.js", source);
    auto run = std::make_unique<RecordedRun>();
    record(*run, config);
    return run;
}

}  // namespace looplab::test
