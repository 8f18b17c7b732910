#include "engine/sim/host_executor.h"

#include <algorithm>

namespace looplab::sim {

void HostTask::run() {
    std::exception_ptr error;
    try {
        work_();
    } catch (...) {
        error = std::current_exception();
    }
    work_ = nullptr;  // release captured buffers on the host thread
    {
        std::lock_guard lock(mutex_);
        done_ = true;
        error_ = error;
    }
    cv_.notify_all();
}

void HostTask::wait() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [this] { return done_; });
    if (error_) std::rethrow_exception(error_);
}

bool HostTask::done() const {
    std::lock_guard lock(mutex_);
    return done_;
}

HostExecutor::HostExecutor(unsigned max_threads) : max_threads_(std::max(1u, max_threads)) {}

HostExecutor::~HostExecutor() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
}

unsigned HostExecutor::threads_for(unsigned pool_size) {
    const unsigned cores = std::max(2u, std::thread::hardware_concurrency());
    return std::max(1u, std::min(pool_size, cores));
}

std::shared_ptr<HostTask> HostExecutor::submit(std::function<void()> work) {
    auto task = std::make_shared<HostTask>(std::move(work));
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(task);
        // Start another thread only when none is waiting for work.
        if (idle_ == 0 && threads_.size() < max_threads_) threads_.emplace_back([this] { worker(); });
    }
    cv_.notify_one();
    return task;
}

void HostExecutor::worker() {
    for (;;) {
        std::shared_ptr<HostTask> task;
        {
            std::unique_lock lock(mutex_);
            idle_++;
            cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            idle_--;
            // Drain the queue even when stopping: a waiter may still need it.
            if (queue_.empty()) return;
            task = std::move(queue_.front());
            queue_.pop_front();
        }
        task->run();
    }
}

}  // namespace looplab::sim
