// `looplab trace [OPTIONS] FILE [ARGS...] [--format text|json|chrome] [-o OUT]`:
// run a program headless with its trace recorded, then write the trace.
// The program's stderr still reaches stderr as it is written; its stdout
// too, unless the trace itself goes to stdout (then only the trace does).
// Options may come before or after FILE (the determinism tests write
// `looplab trace x.js --format json -o A`).
#include <cerrno>
#include <cstdio>
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
};

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
    const int code = node::run_program_recorded(options.engine.to_run_config(script, std::move(rest)), sink,
                                                recorded, record)
                         .exit_code;

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
    add_engine_options(*cmd, options->engine);
    cmd->positionals_at_end(false);
    cmd->allow_extras();
    cmd->footer("Arguments after FILE are passed to the program as process.argv.slice(2). Options must come "
                "before FILE. The exit code is the program's.");
    return Command{cmd, [cmd, options] { return run(*cmd, *options); }};
}

}  // namespace looplab::app
