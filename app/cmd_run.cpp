// `looplab run [OPTIONS] FILE [ARGS...]`: run a program headless, like
// `node FILE ARGS...`. Output goes straight to the file descriptors in the
// order the program wrote it, and looplab exits with the program's code.
#include <cerrno>
#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/commands.h"
#include "app/engine_options.h"
#include "app/script_path.h"

namespace looplab::app {
namespace {

// Unbuffered: each write reaches its descriptor before the next one starts,
// so interleaved stdout and stderr keep the program's order in a terminal.
class FdSink final : public node::OutputSink {
public:
    void write(node::Stream stream, std::string_view bytes) override {
        const int fd = stream == node::Stream::Stdout ? STDOUT_FILENO : STDERR_FILENO;
        while (!bytes.empty()) {
            const ssize_t n = ::write(fd, bytes.data(), bytes.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return;  // a closed pipe: Node drops the output too
            bytes.remove_prefix(size_t(n));
        }
    }
};

struct RunOptions {
    EngineOptions engine;
};

int run(CLI::App& cmd, const RunOptions& options) {
    // prefix_command() leaves the script and everything after it untouched.
    std::vector<std::string> rest = cmd.remaining();
    if (rest.empty()) {
        std::fprintf(stderr, "looplab: run: missing FILE (usage: looplab run [OPTIONS] FILE [ARGS...])\n");
        return kExitBadUsage;
    }
    if (rest.front().size() > 1 && rest.front()[0] == '-') {
        std::fprintf(stderr, "looplab: bad option: %s\n", rest.front().c_str());
        return kExitBadUsage;
    }
    const std::string script = rest.front();
    if (!resolve_script(script)) return report_missing_script(script);
    rest.erase(rest.begin());
    FdSink sink;
    try {
        return node::run_program(options.engine.to_run_config(script, std::move(rest)), sink).exit_code;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "looplab: internal error: %s\n", e.what());
        return kExitInternalError;
    }
}

}  // namespace

Command add_run_command(CLI::App& app) {
    auto options = std::make_shared<RunOptions>();
    CLI::App* cmd = app.add_subcommand("run", "Run FILE headless like `node FILE ARGS...` and exit with its code");
    cmd->prefix_command();  // FILE and everything after it belong to the program, even --flags
    add_engine_options(*cmd, options->engine);
    cmd->footer("Everything after FILE is passed to the program as process.argv.slice(2).");
    return Command{cmd, [cmd, options] { return run(*cmd, *options); }};
}

}  // namespace looplab::app
