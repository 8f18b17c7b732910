// `looplab trace [OPTIONS] FILE [ARGS...] [--format text|json|chrome] [-o OUT]`:
// run a program headless with its trace recorded, then write the trace.
// The program's stderr still reaches stderr as it is written; its stdout
// too, unless the trace itself goes to stdout (then only the trace does).
// Options may come before or after FILE (the determinism tests write
// `looplab trace x.js --format json -o A`).
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/commands.h"
#include "app/engine_options.h"
#include "app/script_path.h"
#include "engine/node/process_run.h"
#include "engine/trace/exporters.h"
#include "engine/trace/fold.h"

namespace looplab::app {
namespace {

// Program output goes to the descriptors unless the trace is written to
// stdout, where the program's stdout would interleave with it.
class TraceRunSink final : public node::OutputSink {
public:
    explicit TraceRunSink(bool quiet_stdout) : quiet_stdout_(quiet_stdout) {}
    void write(node::Stream stream, std::string_view bytes) override {
        if (stream == node::Stream::Stdout && quiet_stdout_) return;
        const int fd = stream == node::Stream::Stdout ? STDOUT_FILENO : STDERR_FILENO;
        while (!bytes.empty()) {
            const ssize_t n = ::write(fd, bytes.data(), bytes.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return;
            bytes.remove_prefix(size_t(n));
        }
    }

private:
    bool quiet_stdout_;
};

struct TraceOptions {
    EngineOptions engine;
    std::string format = "text";
    std::string output;  // empty or "-": stdout
    bool no_steps = false;
    bool stats = false;
    uint64_t max_trace_events = node::Limits{}.max_trace_events;
};

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// --stats: the trace's size and what seeking in it costs, on stderr (the
// numbers bench/run-eventloop.sh prints and docs/perf.md records). Seeks go
// to 1000 scattered steps in a fixed order, after one seek to the end has
// built the Seeker's checkpoints, as the UI's scrubbing does.
void print_stats(const trace::Trace& t) {
    const trace::Trace::MemoryUse use = t.memory_use();
    const double events = double(std::max<size_t>(t.size(), 1));
    std::fprintf(stderr,
                 "trace: %zu events, %.1f MB: events %.1f MB (%.1f B/event), event tables %.3f MB, strings %.3f MB, "
                 "items %.3f MB, files %.3f MB, isolates %.3f MB; %.2f bytes/event in all "
                 "(event vector reserved: %.1f MB)\n",
                 t.size(), double(use.total()) / 1e6, double(use.events) / 1e6, double(use.events) / events,
                 double(use.event_tables) / 1e6, double(use.strings) / 1e6, double(use.items) / 1e6,
                 double(use.files) / 1e6, double(use.isolates) / 1e6, double(use.total()) / events,
                 double(use.reserved) / 1e6);
    trace::Seeker seeker(t);
    auto start = std::chrono::steady_clock::now();
    seeker.seek(t.size());
    const double index_ms = ms_since(start);
    constexpr size_t kSeeks = 1000;
    std::vector<double> times;
    uint64_t state = 0x9E3779B97F4A7C15ULL;
    for (size_t i = 0; i < kSeeks; i++) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        start = std::chrono::steady_clock::now();
        const trace::ViewState view = seeker.seek(size_t(state % (t.size() + 1)));
        times.push_back(ms_since(start));
        if (view.cursor > t.size()) std::abort();  // keeps the seek from being optimized away
    }
    double total_ms = 0;
    for (const double ms : times) total_ms += ms;
    std::sort(times.begin(), times.end());
    std::fprintf(stderr,
                 "seek: first (checkpoints to the end) %.1f ms; %zu scattered seeks: mean %.3f, p50 %.3f, p95 %.3f, "
                 "max %.3f ms\n",
                 index_ms, kSeeks, total_ms / kSeeks, times[kSeeks / 2], times[kSeeks * 95 / 100], times.back());
    std::fprintf(stderr, "checkpoints: %zu (every %zu events), %.1f MB\n", seeker.checkpoint_count(),
                 seeker.interval(), double(seeker.checkpoint_bytes()) / 1e6);
}

int run(CLI::App& cmd, const TraceOptions& options) {
    std::vector<std::string> rest = cmd.remaining();
    if (rest.empty()) {
        std::fprintf(stderr, "looplab: trace: missing FILE (usage: looplab trace [OPTIONS] FILE [ARGS...])\n");
        return kExitBadUsage;
    }
    const std::string script = rest.front();
    if (!resolve_script(script)) return report_missing_script(script);
    rest.erase(rest.begin());

    const bool to_stdout = options.output.empty() || options.output == "-";
    TraceRunSink sink(to_stdout);
    trace::Trace recorded;
    node::RecordOptions record;
    record.record_steps = !options.no_steps;
    node::RunConfig config = options.engine.to_run_config(script, std::move(rest));
    config.limits.max_trace_events = options.max_trace_events;
    const int code = node::run_program_recorded(config, sink, recorded, record).exit_code;
    if (recorded.dropped() > 0) {
        std::fprintf(stderr, "looplab: trace: %zu events past the trace limit were not recorded\n", recorded.dropped());
    }
    if (options.stats) print_stats(recorded);

    std::ofstream file;
    if (!to_stdout) {
        file.open(options.output, std::ios::binary | std::ios::trunc);
        if (!file) {
            std::fprintf(stderr, "looplab: trace: cannot write %s\n", options.output.c_str());
            return 1;
        }
    }
    std::ostream& out = to_stdout ? std::cout : file;
    if (options.format == "json") trace::write_json(recorded, out);
    else if (options.format == "chrome") trace::write_chrome(recorded, out);
    else trace::write_text(recorded, out);
    out.flush();
    return code;
}

}  // namespace

Command add_trace_command(CLI::App& app) {
    auto options = std::make_shared<TraceOptions>();
    CLI::App* cmd = app.add_subcommand(
        "trace", "Run FILE headless and write its event-loop trace (narrated text, JSON, or Chrome/Perfetto)");
    cmd->add_option("--format", options->format, "text (narrated, default), json (raw events) or chrome (Perfetto)")
        ->check(CLI::IsMember({"text", "json", "chrome"}));
    cmd->add_option("-o,--output", options->output, "Write the trace to OUT instead of stdout");
    cmd->add_flag("--no-steps", options->no_steps, "Leave out statement steps and JS call frames (smaller traces)");
    cmd->add_option("--max-trace-events", options->max_trace_events,
                    "End the run (exit code 120) once the trace holds N events, 12 bytes each (default 20000000)")
        ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 32));
    cmd->add_flag("--stats", options->stats, "Print the trace's size in memory and seek times to stderr");
    add_engine_options(*cmd, options->engine);
    cmd->positionals_at_end(false);
    cmd->allow_extras();
    cmd->footer("Arguments after FILE are passed to the program as process.argv.slice(2). Options must come "
                "before FILE. The exit code is the program's.");
    return Command{cmd, [cmd, options] { return run(*cmd, *options); }};
}

}  // namespace looplab::app
