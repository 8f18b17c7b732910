// The event loop: libuv 1.46's uv_run (src/unix/core.c) in UV_RUN_DEFAULT
// mode and Node's SpinEventLoop around it ('beforeExit'). One named call
// per phase; each records PhaseEnter/PhaseLeave.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/trace/event.h"

namespace looplab::node {

class NodeProcess;

// Something the poll phase waits on: the thread pool's completion queue,
// the simulated network's sockets. The loop owns its sources; modules find
// theirs with EventLoop::find_io_source<T>().
class IoSource {
public:
    virtual ~IoSource() = default;
    // Keeps the loop alive (active requests, referenced I/O handles).
    virtual bool active() const = 0;
    // The earliest virtual time (ns) at which poll has something to deliver.
    virtual std::optional<uint64_t> next_ready_ns() const = 0;
    // Records what happened off the loop thread up to `ns` (pool threads
    // starting and finishing work) before the loop's clock moves there.
    virtual void catch_up(uint64_t ns) { (void)ns; }
    // Runs, in the poll phase, the callbacks of everything ready at `now_ns`.
    virtual void deliver(uint64_t now_ns) = 0;
    // Runs, in the close-callbacks phase, the callbacks of handles closed so far.
    virtual void run_closing() {}
    // Handles closed and waiting for the close phase (poll must not block).
    virtual bool has_closing() const { return false; }
    // Why nothing can wake it while it keeps the loop alive (a limit message).
    virtual std::string_view blocked_hint() const { return {}; }
};

class EventLoop {
public:
    explicit EventLoop(NodeProcess& process) : process_(process) {}

    // SpinEventLoop: uv_run until the loop dies, emit 'beforeExit', repeat
    // while a listener made it alive again.
    void spin();
    uint32_t iteration() const { return iteration_; }
    trace::Phase phase() const { return phase_; }
    // Set while the first timers/check phases may show the
    // setTimeout(0)-vs-setImmediate race of the main module.
    bool race_pending = false;
    // Marks the first callback of the race once (a Race event).
    void note_callback_ran(uint32_t item);

    void add_io_source(std::unique_ptr<IoSource> source) { io_sources_.push_back(std::move(source)); }
    template <typename T>
    T* find_io_source() const {
        for (const auto& s : io_sources_) {
            if (auto* t = dynamic_cast<T*>(s.get())) return t;
        }
        return nullptr;
    }

private:
    void uv_run();
    void run_iteration();
    bool alive() const;
    int64_t backend_timeout() const;

    // The phases, in uv_run order.
    void run_timers();
    void run_pending();
    void run_idle();
    void run_prepare();
    void run_poll(int64_t timeout_ms);
    void run_check();
    void run_closing_handles();

    std::optional<uint64_t> next_io_ns() const;
    void deliver_io();

    void enter(trace::Phase phase);
    void leave(trace::Phase phase);

    NodeProcess& process_;
    uint32_t iteration_ = 0;
    trace::Phase phase_ = trace::Phase::Main;
    std::vector<std::unique_ptr<IoSource>> io_sources_;  // registration order
};

}  // namespace looplab::node
