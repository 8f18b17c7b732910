#include "app/engine_options.h"

namespace looplab::app {

void add_engine_options(CLI::App& cmd, EngineOptions& o) {
    const char* group = "Engine limits";
    cmd.add_option("--max-steps", o.max_steps, "Stop after N bytecode steps (default 5000000000)")
        ->check(CLI::PositiveNumber)
        ->group(group);
    cmd.add_option("--max-heap-mb", o.max_heap_mb, "JavaScript heap limit in MiB (default 1024)")
        ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 20))
        ->group(group);
    cmd.add_option("--stack-depth", o.stack_depth, "Maximum JavaScript call depth (default 10000)")
        ->check(CLI::Range(uint32_t{1}, uint32_t{1'000'000}))
        ->group(group);
    cmd.add_option("--seed", o.seed, "Seed for every random stream (default 1)")->group(group);
    cmd.add_option("--cost-model", o.cost_model, "Virtual-time cost model file (default: built-in costs)")
        ->check(CLI::ExistingFile)
        ->group(group);
    // Parallelism hook (docs/parallelism.md).
    cmd.add_option("--host-threads", o.host_threads, "Host threads running isolates (default: host cores; never changes output)")
        ->check(CLI::Range(uint32_t{0}, uint32_t{256}))
        ->group(group);
    cmd.add_option("--cores", o.cores, "Virtual CPU cores: os.cpus().length (default 4)")
        ->check(CLI::Range(uint32_t{1}, uint32_t{256}))
        ->group(group);
}

node::RunConfig EngineOptions::to_run_config(const std::string& script, std::vector<std::string> args) const {
    node::RunConfig config;
    config.script_path = script;
    config.args = std::move(args);
    if (max_steps) config.limits.max_steps = *max_steps;
    if (max_heap_mb) config.limits.max_heap_bytes = *max_heap_mb << 20;
    if (stack_depth) config.limits.max_call_depth = *stack_depth;
    config.seed = seed;
    config.cost_model_file = cost_model;
    config.host_threads = host_threads;
    config.cores = cores;
    return config;
}

}  // namespace looplab::app
