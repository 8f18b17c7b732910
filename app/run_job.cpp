#include "app/run_job.h"

#include "app/exit_codes.h"

#include <algorithm>
#include <exception>
#include <functional>

namespace looplab::app {
namespace {

class SharedSink final : public node::OutputSink {
public:
    using Append = std::function<void(node::Stream, std::string_view)>;
    explicit SharedSink(Append append) : append_(std::move(append)) {}
    void write(node::Stream stream, std::string_view bytes) override { append_(stream, bytes); }

private:
    Append append_;
};

}  // namespace

RunJob::RunJob(node::RunConfig config) : shared_(std::make_shared<Shared>()) {
    thread_ = std::thread([shared = shared_, config = std::move(config)] {
        SharedSink sink([&shared](node::Stream stream, std::string_view bytes) {
            std::lock_guard lock(shared->mutex);
            shared->console.append(stream, bytes);
            ++shared->version;
        });
        int code = kExitInternalError;
        try {
            code = node::run_program(config, sink).exit_code;
        } catch (const std::exception& e) {
            sink.write(node::Stream::Stderr, std::string("looplab: internal error: ") + e.what() + "\n");
        }
        std::lock_guard lock(shared->mutex);
        shared->exit_code = code;
        ++shared->version;
        shared->done.store(true, std::memory_order_release);
    });
}

RunJob::~RunJob() {
    if (!thread_.joinable()) return;
    if (done()) {
        thread_.join();
    } else {
        thread_.detach();
    }
}

bool RunJob::sync_into(trace::ViewState& view) {
    std::lock_guard lock(shared_->mutex);
    if (shared_->version == seen_version_) return false;
    seen_version_ = shared_->version;
    // Lines only grow at the end, and only the last one can get longer.
    const auto& lines = shared_->console.lines();
    const size_t from = view.console.empty() ? 0 : std::min(view.console.size() - 1, lines.size());
    view.console.resize(from);
    view.console.insert(view.console.end(), lines.begin() + std::ptrdiff_t(from), lines.end());
    view.finished = shared_->done.load(std::memory_order_acquire);
    view.exit_code = shared_->exit_code;
    return true;
}

}  // namespace looplab::app
