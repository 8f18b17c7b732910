// One run of a program on its own host thread, so a runaway scenario never
// freezes the window. The engine records into its own Trace; at every point
// where it hands over output (and at the end) the new part of that trace is
// published, and the UI thread copies it into the trace it owns once per
// frame. Both traces are append-only, so the copy is only ever the tail.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/js/isolate.h"
#include "engine/node/runtime.h"
#include "engine/trace/trace.h"

namespace looplab::app {

// The tail of a trace: events with their absolute times and the side-table
// entries added since the previous tail.
struct TraceTail {
    struct Timed {
        uint64_t now_ns;
        trace::Event event;
    };
    std::vector<Timed> events;
    std::vector<std::string> strings;
    std::vector<trace::Item> items;
    std::vector<trace::SourceFile> files;
    // The whole trace rather than a tail: a run with worker threads or child
    // processes merges their traces into the main one when it ends, which
    // renumbers everything published so far.
    bool replaces = false;

    bool empty() const { return !replaces && events.empty() && strings.empty() && items.empty() && files.empty(); }
    // Appends this tail to `to`, which must hold exactly the earlier tails.
    void append_to(trace::Trace& to) const;
};

// Cuts successive tails off a trace that only its owner thread appends to.
class TailCutter {
public:
    // Moves everything added to `from` since the last call into `out`.
    void cut(const trace::Trace& from, TraceTail& out);

private:
    size_t events_ = 0, strings_ = 1, items_ = 1, files_ = 0;  // id 0 of strings and items is built in
    uint64_t now_ns_ = 0;
};

class RunJob {
public:
    explicit RunJob(node::RunConfig config);
    // Joins a finished run; stops and detaches one still going (it ends at
    // its next safe point and owns everything it touches).
    ~RunJob();
    RunJob(const RunJob&) = delete;
    RunJob& operator=(const RunJob&) = delete;

    bool done() const { return shared_->done.load(std::memory_order_acquire); }
    int exit_code() const;
    // Asks the engine to stop at its next safe point; the run then ends with
    // the limit message "the run was stopped". Safe from any thread.
    void cancel() { shared_->control.cancel.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return shared_->control.cancel.load(std::memory_order_relaxed); }
    // Bytecode instructions run so far (all isolates): the progress shown
    // while a silent program simulates.
    uint64_t steps() const { return shared_->control.steps.load(std::memory_order_relaxed); }

    // Appends what the engine published since the last call to `trace`, or
    // replaces its contents when the run ended with a merged trace.
    enum class Pulled { Nothing, Appended, Replaced };
    Pulled pull_into(trace::Trace& trace);

private:
    struct Shared {
        std::mutex mutex;
        TraceTail pending;  // published, not yet pulled
        trace::TraceMeta meta;
        int exit_code = 0;
        std::atomic<bool> done{false};
        js::RunControl control;  // the engine checks it at its safe points
    };

    std::shared_ptr<Shared> shared_;
    std::thread thread_;
};

}  // namespace looplab::app
