// One run of a program on its own host thread, so a runaway scenario never
// freezes the window. The UI thread polls it once per frame.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "app/console_capture.h"
#include "engine/node/runtime.h"
#include "engine/trace/view_state.h"

namespace looplab::app {

class RunJob {
public:
    explicit RunJob(node::RunConfig config);
    // Joins a finished run; detaches one still going (it ends at its step
    // limit on its own and owns everything it touches).
    ~RunJob();
    RunJob(const RunJob&) = delete;
    RunJob& operator=(const RunJob&) = delete;

    bool done() const { return shared_->done.load(std::memory_order_acquire); }

    // Brings `view`'s console, `finished` and `exit_code` up to date with the
    // run; returns true if anything changed since the previous call.
    bool sync_into(trace::ViewState& view);

private:
    // Everything the engine thread writes, behind one mutex.
    struct Shared {
        std::mutex mutex;
        ConsoleCapture console;
        uint64_t version = 0;
        int exit_code = 0;
        std::atomic<bool> done{false};
    };

    std::shared_ptr<Shared> shared_;
    uint64_t seen_version_ = UINT64_MAX;
    std::thread thread_;
};

}  // namespace looplab::app
