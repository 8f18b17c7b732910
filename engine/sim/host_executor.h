// Real host threads for the simulated thread pool (DESIGN.md principle 5).
// The executor only runs opaque C++ work (PBKDF2, zlib, a file read); it
// never sees a JS value and never decides anything the trace shows. The
// virtual schedule (which pool thread, when it starts and ends) is computed
// on the loop thread from the cost model; the loop thread waits for a host
// result only when virtual time reaches the job's completion, so host speed
// and host thread count never change a byte of output.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace looplab::sim {

// One unit of host work and its completion flag.
class HostTask {
public:
    explicit HostTask(std::function<void()> work) : work_(std::move(work)) {}
    // Blocks the calling thread until the work has run; rethrows what it threw.
    void wait();
    bool done() const;

private:
    friend class HostExecutor;
    void run();

    std::function<void()> work_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    bool done_ = false;
    std::exception_ptr error_;
};

// A FIFO of host work served by up to `max_threads` host threads, started
// lazily (a scenario that never uses the pool starts none).
class HostExecutor {
public:
    explicit HostExecutor(unsigned max_threads);
    ~HostExecutor();  // finishes queued work, then joins every thread
    HostExecutor(const HostExecutor&) = delete;
    HostExecutor& operator=(const HostExecutor&) = delete;

    std::shared_ptr<HostTask> submit(std::function<void()> work);
    unsigned max_threads() const { return max_threads_; }
    // How many host threads a pool of `pool_size` virtual threads should use:
    // one each, but never more than the host has cores (and at least 2, so
    // parallelism is observable on small machines).
    static unsigned threads_for(unsigned pool_size);

private:
    void worker();

    const unsigned max_threads_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::shared_ptr<HostTask>> queue_;
    std::vector<std::thread> threads_;
    unsigned idle_ = 0;
    bool stopping_ = false;
};

}  // namespace looplab::sim
