#include "app/window_controller.h"

#include <algorithm>
#include <chrono>
#include <system_error>

#include "app/console_capture.h"
#include "app/script_path.h"

namespace looplab::app {
namespace {

constexpr double kWatchSeconds = 0.5;

std::filesystem::file_time_type modified(const std::string& path) {
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(path, ec);
    return ec ? std::filesystem::file_time_type{} : t;
}

}  // namespace

void WindowController::open_file(const std::string& path) {
    const auto resolved = resolve_script(path);
    if (!resolved) {
        notice_ = "Cannot find module '" + path + "'";
        return;
    }
    start(*resolved, false);
}

// F5 re-simulates and comes back to the same step, as a reload on save does:
// after editing a line, the learner sees its effect at the same point.
void WindowController::rerun() {
    if (!path_.empty()) start(path_, true);
}

void WindowController::start(const std::string& path, bool keep_cursor) {
    notice_.clear();
    const size_t cursor = playback_.cursor();
    const bool was_live = playback_.live();
    if (job_ && !job_->done()) {
        job_->cancel();  // its trace is about to be dropped: stop working on it
        retired_.push_back(std::move(job_));
    }
    run_seconds_ = 0;
    path_ = path;
    mtime_ = modified(path);
    // The Seeker refers to the trace: drop it first.
    seeker_.reset();
    trace_ = std::make_unique<trace::Trace>();
    walked_ = trace_.get();
    playback_.reset(true);
    if (keep_cursor && !was_live) playback_.restore_cursor(cursor);
    view_ = trace::ViewState{};
    view_.file_path = path;
    view_.source = read_source(path);
    view_cursor_ = SIZE_MAX;
    job_ = std::make_unique<RunJob>(options_.to_run_config(path, args_));
}

void WindowController::stop() {
    if (running()) job_->cancel();
}

void WindowController::select_isolate(int isolate) {
    selected_isolate_ = isolate;
    view_cursor_ = SIZE_MAX;  // re-fold at the next poll
}

void WindowController::poll(double seconds) {
    if (running()) run_seconds_ += seconds;
    if (job_ && job_->pull_into(*trace_) == RunJob::Pulled::Replaced) {
        // Every id changed: a new trace object, so the fold, the step index
        // and the timeline (which key their caches on it) start over.
        trace_ = std::make_unique<trace::Trace>(std::move(*trace_));
        walked_ = trace_.get();
        seeker_.reset();
        view_cursor_ = SIZE_MAX;
    }
    std::erase_if(retired_, [](const std::unique_ptr<RunJob>& j) { return j->done(); });
    if (trace_) {
        playback_.update(*trace_);
        playback_.tick(seconds);
        refold();
    }
    watch_file(seconds);
}

void WindowController::refold() {
    // The fold needs the source files, which the engine records first.
    if (!seeker_ && !trace_->files().empty()) seeker_ = std::make_unique<trace::Seeker>(*trace_);
    if (!seeker_ || playback_.cursor() == view_cursor_) return;
    const auto t0 = std::chrono::steady_clock::now();
    view_ = seeker_->seek(playback_.cursor());
    if (selected_isolate_ >= 0) trace::focus_isolate(view_, uint32_t(selected_isolate_));
    last_seek_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    view_cursor_ = playback_.cursor();
}

// A file edited in another window re-runs by itself, back at the same step.
void WindowController::watch_file(double seconds) {
    since_watch_ += seconds;
    if (path_.empty() || since_watch_ < kWatchSeconds) return;
    since_watch_ = 0;
    const auto now = modified(path_);
    if (now != std::filesystem::file_time_type{} && now != mtime_) start(path_, true);
}

bool WindowController::has_unfinished_runs() const {
    return (job_ && !job_->done()) ||
           std::any_of(retired_.begin(), retired_.end(), [](const auto& j) { return !j->done(); });
}

}  // namespace looplab::app
