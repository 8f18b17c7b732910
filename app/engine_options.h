// The flags every subcommand that runs a program shares: limits, seed and
// cost model, mapped onto the engine's RunConfig.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "engine/node/runtime.h"

namespace looplab::app {

struct EngineOptions {
    std::optional<uint64_t> max_steps;
    std::optional<uint64_t> max_heap_mb;
    std::optional<uint32_t> stack_depth;
    uint64_t seed = 1;
    std::string cost_model;
    uint32_t host_threads = 0;  // parallelism hook: 0 = host core count
    uint32_t cores = 4;
    std::string load;  // --load RATE[:DURATION] (docs/cli.md)

    node::RunConfig to_run_config(const std::string& script, std::vector<std::string> args) const;
};

// Adds --max-steps, --max-heap-mb, --stack-depth, --seed and --cost-model to
// `cmd`, writing into `options` (which must outlive the parse).
void add_engine_options(CLI::App& cmd, EngineOptions& options);

// Parses --load's "RATE[:SECONDS]"; returns the error text, or "" when valid.
std::string parse_load(const std::string& text, node::LoadConfig* out);

}  // namespace looplab::app
