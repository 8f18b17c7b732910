// The app's side of ui::Controller for the interactive window: it owns the
// current run (on its worker thread), the trace copied from it, the Seeker
// that folds that trace, the cursor (ui::Playback) and the ViewState at the
// cursor that the panels draw.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/engine_options.h"
#include "app/run_job.h"
#include "engine/trace/fold.h"
#include "engine/trace/trace.h"
#include "engine/trace/view_state.h"
#include "ui/controller.h"

namespace looplab::app {

class WindowController final : public ui::PlaybackController {
public:
    WindowController(EngineOptions options, std::vector<std::string> program_args)
        : options_(std::move(options)), args_(std::move(program_args)) {}

    void open_file(const std::string& path) override;
    void rerun() override;
    void quit() override { quit_ = true; }
    void stop() override;
    void select_isolate(int isolate) override;

    // Once per frame, with the wall time since the previous frame: pulls the
    // run's new events, advances play, re-folds the view if the cursor moved
    // and re-runs the program if its file changed on disk.
    void poll(double seconds);

    const trace::ViewState& view() const { return view_; }
    const trace::Trace* trace() const { return trace_.get(); }
    bool running() const { return job_ != nullptr && !job_->done(); }
    // While running: instructions simulated so far and wall seconds since the start.
    uint64_t run_steps() const { return job_ ? job_->steps() : 0; }
    double run_seconds() const { return run_seconds_; }
    bool stopping() const { return running() && job_->cancelled(); }
    const std::string& notice() const { return notice_; }
    const std::string& path() const { return path_; }
    bool quit_requested() const { return quit_; }
    // True while a replaced or current run has not returned yet.
    bool has_unfinished_runs() const;
    // Milliseconds the last re-fold of the view took (the scrubbing figure).
    double last_seek_ms() const { return last_seek_ms_; }
    void clear_last_seek() { last_seek_ms_ = 0; }
    void set_speed_index(int i) { playback_.set_speed_index(i); }

private:
    void start(const std::string& path, bool keep_cursor);
    void refold();
    void watch_file(double seconds);

    EngineOptions options_;
    std::vector<std::string> args_;
    std::string path_;
    std::unique_ptr<trace::Trace> trace_;
    std::unique_ptr<trace::Seeker> seeker_;  // over *trace_, once it holds the source files
    trace::ViewState view_;
    size_t view_cursor_ = SIZE_MAX;          // the cursor view_ was folded to
    std::string notice_;
    std::unique_ptr<RunJob> job_;
    // Runs replaced before they finished: cancelled, they end at their next
    // safe point and are joined here.
    std::vector<std::unique_ptr<RunJob>> retired_;
    bool quit_ = false;
    double last_seek_ms_ = 0;
    // The file's modification time at the last run, polled twice a second.
    std::filesystem::file_time_type mtime_{};
    double since_watch_ = 0;
    double run_seconds_ = 0;
    int selected_isolate_ = -1;  // the thread the stack and queues show, -1: each step's
};

}  // namespace looplab::app
