// The app's side of ui::Controller for the interactive window: it owns the
// current run (on its worker thread) and the ViewState the panels draw.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/engine_options.h"
#include "app/run_job.h"
#include "engine/trace/view_state.h"
#include "ui/controller.h"

namespace looplab::app {

class WindowController final : public ui::Controller {
public:
    WindowController(EngineOptions options, std::vector<std::string> program_args)
        : options_(std::move(options)), args_(std::move(program_args)) {}

    void open_file(const std::string& path) override;
    void rerun() override;
    void quit() override { quit_ = true; }

    // Once per frame: pulls the running program's progress into view().
    void poll();

    const trace::ViewState& view() const { return view_; }
    bool running() const { return job_ != nullptr && !view_.finished; }
    const std::string& notice() const { return notice_; }
    bool quit_requested() const { return quit_; }
    // True while a replaced or current run has not returned yet.
    bool has_unfinished_runs() const;

private:
    void start(const std::string& path);

    EngineOptions options_;
    std::vector<std::string> args_;
    trace::ViewState view_;
    std::string notice_;
    std::unique_ptr<RunJob> job_;
    // Runs replaced before they finished: the engine has no cancel yet, so
    // they finish (at worst at their step limit) and are joined here.
    std::vector<std::unique_ptr<RunJob>> retired_;
    bool quit_ = false;
};

}  // namespace looplab::app
