#include "app/engine_options.h"

#include <cstdlib>

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
    cmd.add_option("--load", o.load,
                   "Built-in client: RATE connections/s to the first listening port for SECONDS (default 1), "
                   "e.g. 200:2")
        ->check([](const std::string& text) {
            node::LoadConfig unused;
            return parse_load(text, &unused);
        })
        ->group(group);
}

std::string parse_load(const std::string& text, node::LoadConfig* out) {
    const size_t colon = text.find(':');
    const std::string rate = text.substr(0, colon);
    const std::string seconds = colon == std::string::npos ? "1" : text.substr(colon + 1);
    char* end = nullptr;
    const unsigned long r = std::strtoul(rate.c_str(), &end, 10);
    if (rate.empty() || *end != '\0' || r == 0 || r > 100'000) {
        return "RATE must be a whole number of connections per second from 1 to 100000";
    }
    const double s = std::strtod(seconds.c_str(), &end);
    if (seconds.empty() || *end != '\0' || !(s > 0) || s > 3600) {
        return "SECONDS must be a number above 0 and at most 3600";
    }
    out->rate = uint32_t(r);
    out->duration_ms = uint64_t(s * 1000 + 0.5);
    return "";
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
    if (!load.empty()) parse_load(load, &config.load);
    return config;
}

}  // namespace looplab::app
