#include "app/run_job.h"

#include <exception>

#include "app/exit_codes.h"
#include "engine/node/process_run.h"

namespace looplab::app {

void TraceTail::append_to(trace::Trace& to) const {
    // Interning in the same order gives the same ids: the engine's strings
    // are unique, so none of these is found already.
    for (const std::string& s : strings) to.intern(s);
    for (const trace::Item& item : items) to.add_item(item);
    for (const trace::SourceFile& f : files) to.add_file(f.path, f.text);
    // Trace::append re-derives the deltas and writes its own TimeJumps where
    // a gap needs one, exactly where the engine's trace has them.
    for (const Timed& t : events) {
        if (t.event.kind == trace::EventKind::TimeJump) continue;
        to.append(t.now_ns, t.event.kind, static_cast<trace::Rule>(t.event.rule), t.event.a, t.event.b,
                  t.event.isolate);
    }
}

void TailCutter::cut(const trace::Trace& from, TraceTail& out) {
    for (; strings_ < from.strings().size(); ++strings_) out.strings.push_back(from.strings()[strings_]);
    for (; items_ < from.items().size(); ++items_) out.items.push_back(from.items()[items_]);
    for (; files_ < from.files().size(); ++files_) out.files.push_back(from.files()[files_]);
    const auto& events = from.events();
    out.events.reserve(out.events.size() + (events.size() - events_));
    for (; events_ < events.size(); ++events_) {
        now_ns_ = trace::advance_time(now_ns_, events[events_]);
        out.events.push_back({now_ns_, events[events_]});
    }
}

namespace {

// Publishes the trace's tail whenever the engine writes output: the engine
// is inside the write call, so its trace is not changing while we read it.
class PublishingSink final : public node::OutputSink {
public:
    PublishingSink(const trace::Trace& recorded, std::mutex& mutex, TraceTail& pending)
        : recorded_(recorded), mutex_(mutex), pending_(pending) {}
    void write(node::Stream, std::string_view) override { publish(); }
    void publish() {
        TraceTail tail;
        cutter_.cut(recorded_, tail);
        if (tail.empty()) return;
        std::lock_guard lock(mutex_);
        if (pending_.empty()) {
            pending_ = std::move(tail);
            return;
        }
        pending_.strings.insert(pending_.strings.end(), tail.strings.begin(), tail.strings.end());
        pending_.items.insert(pending_.items.end(), tail.items.begin(), tail.items.end());
        pending_.files.insert(pending_.files.end(), tail.files.begin(), tail.files.end());
        pending_.events.insert(pending_.events.end(), tail.events.begin(), tail.events.end());
    }

private:
    const trace::Trace& recorded_;
    std::mutex& mutex_;
    TraceTail& pending_;
    TailCutter cutter_;
};

// Worker and child traces are merged into the main one at the end of a
// run (engine/node/worker.cpp merge_traces), so their events mark a trace
// whose published tails no longer line up with it.
bool has_other_isolates(const trace::Trace& t) {
    for (const trace::Event& e : t.events()) {
        if (e.isolate != 0) return true;
    }
    return false;
}

}  // namespace

RunJob::RunJob(node::RunConfig config) : shared_(std::make_shared<Shared>()) {
    // The thread shares ownership of `control`, so it outlives a detached run.
    config.limits.control = &shared_->control;
    thread_ = std::thread([shared = shared_, config = std::move(config)] {
        trace::Trace recorded;
        PublishingSink sink(recorded, shared->mutex, shared->pending);
        int code = kExitInternalError;
        try {
            code = node::run_program_recorded(config, sink, recorded).exit_code;
        } catch (const std::exception& e) {
            recorded.append(recorded.end_time_ns(), trace::EventKind::Limit, trace::Rule::LimitReached,
                            recorded.intern(std::string("looplab: internal error: ") + e.what()));
        }
        if (has_other_isolates(recorded)) {
            TraceTail whole;
            TailCutter().cut(recorded, whole);
            whole.replaces = true;
            std::lock_guard lock(shared->mutex);
            shared->pending = std::move(whole);
        } else {
            sink.publish();
        }
        std::lock_guard lock(shared->mutex);
        shared->meta = recorded.meta();
        shared->exit_code = code;
        shared->done.store(true, std::memory_order_release);
    });
}

RunJob::~RunJob() {
    if (!thread_.joinable()) return;
    if (done()) {
        thread_.join();
    } else {
        // Never wait on the UI thread: the engine may be inside a long native
        // call; it stops at its next safe point on its own.
        cancel();
        thread_.detach();
    }
}

int RunJob::exit_code() const {
    std::lock_guard lock(shared_->mutex);
    return shared_->exit_code;
}

RunJob::Pulled RunJob::pull_into(trace::Trace& trace) {
    TraceTail tail;
    {
        std::lock_guard lock(shared_->mutex);
        std::swap(tail, shared_->pending);
    }
    if (tail.replaces) trace = trace::Trace();
    {
        std::lock_guard lock(shared_->mutex);
        if (done()) trace.meta() = shared_->meta;
    }
    if (tail.empty()) return Pulled::Nothing;
    tail.append_to(trace);
    return tail.replaces ? Pulled::Replaced : Pulled::Appended;
}

}  // namespace looplab::app
