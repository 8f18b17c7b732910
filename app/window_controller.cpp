#include "app/window_controller.h"

#include <algorithm>

#include "app/console_capture.h"
#include "app/script_path.h"

namespace looplab::app {

void WindowController::open_file(const std::string& path) {
    const auto resolved = resolve_script(path);
    if (!resolved) {
        notice_ = "Cannot find module '" + path + "'";
        return;
    }
    start(*resolved);
}

void WindowController::rerun() {
    if (!view_.file_path.empty()) start(view_.file_path);
}

void WindowController::start(const std::string& path) {
    notice_.clear();
    if (job_ && !job_->done()) retired_.push_back(std::move(job_));
    view_ = trace::ViewState{};
    view_.file_path = path;
    view_.source = read_source(path);
    job_ = std::make_unique<RunJob>(options_.to_run_config(path, args_));
}

void WindowController::poll() {
    if (job_) job_->sync_into(view_);
    std::erase_if(retired_, [](const std::unique_ptr<RunJob>& j) { return j->done(); });
}

bool WindowController::has_unfinished_runs() const {
    return (job_ && !job_->done()) ||
           std::any_of(retired_.begin(), retired_.end(), [](const auto& j) { return !j->done(); });
}

}  // namespace looplab::app
