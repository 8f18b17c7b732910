// The event loop: libuv 1.46's uv_run (src/unix/core.c) in UV_RUN_DEFAULT
// mode and Node's SpinEventLoop around it ('beforeExit'). One named call
// per phase; each records PhaseEnter/PhaseLeave.
#pragma once

#include <cstdint>

#include "engine/trace/event.h"

namespace looplab::node {

class NodeProcess;

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

    void enter(trace::Phase phase);
    void leave(trace::Phase phase);

    NodeProcess& process_;
    uint32_t iteration_ = 0;
    trace::Phase phase_ = trace::Phase::Main;
};

}  // namespace looplab::node
