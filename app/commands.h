// The subcommands of the `looplab` executable.
//
// How to add one (e.g. `looplab trace FILE [--format text|json|chrome] [-o OUT]`):
//   1. Write app/cmd_trace.cpp with `Command add_trace_command(CLI::App& app)`.
//      It calls app.add_subcommand("trace", "..."), declares its options into
//      a heap-allocated options struct it captures, and returns a Command whose
//      `run` does the work and returns the process exit code. Use
//      add_engine_options() for the shared limit flags and resolve_script()
//      for node's "Cannot find module" behaviour.
//   2. Declare it below and append it to the list in main.cpp's commands().
//   3. Document it in docs/cli.md.
// CMake globs app/*.cpp, so no build change is needed.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "app/exit_codes.h"

namespace looplab::app {


struct Command {
    CLI::App* subcommand = nullptr;  // nullptr: the default command (no subcommand given)
    std::function<int()> run;
};

Command add_window_command(CLI::App& app);      // looplab [FILE]            (cmd_window.cpp)
Command add_run_command(CLI::App& app);         // looplab run FILE [ARGS]   (cmd_run.cpp)
Command add_screenshot_command(CLI::App& app);  // looplab screenshot FILE   (cmd_screenshot.cpp)
Command add_trace_command(CLI::App& app);       // looplab trace FILE [--format text|json|chrome] [-o OUT]  (cmd_trace.cpp)

}  // namespace looplab::app
