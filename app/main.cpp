// looplab: the command line. Each subcommand lives in its own cmd_*.cpp; this
// file only builds the parser and dispatches (see commands.h to add one).
#include <cstdio>
#include <vector>

#include "app/commands.h"

namespace {

using looplab::app::Command;

std::vector<Command> commands(CLI::App& app) {
    return {
        looplab::app::add_window_command(app),  // the default: must come first
        looplab::app::add_run_command(app),
        looplab::app::add_screenshot_command(app),
        looplab::app::add_trace_command(app),
    };
}

// Like node: bad usage is one line on stderr and exit code 9.
int usage_error(const CLI::ParseError& e) {
    std::fprintf(stderr, "looplab: %s (see looplab --help)\n", e.what());
    return looplab::app::kExitBadUsage;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"looplab: run Node.js programs in a deterministic simulation of the Node runtime and watch "
                 "the event loop work.",
                 "looplab"};
    app.set_version_flag("-v,--version", "looplab " LOOPLAB_VERSION);
    app.require_subcommand(0, 1);
    const std::vector<Command> all = commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return usage_error(e);
    }
    for (const Command& c : all) {
        if (c.subcommand != nullptr && c.subcommand->parsed()) return c.run();
    }
    return all.front().run();
}
