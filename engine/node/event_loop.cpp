// The event loop. run_iteration reads like libuv 1.46's uv_run
// (src/unix/core.c); spin() is Node's SpinEventLoop (src/api/embed_helpers.cc).
#include "engine/node/event_loop.h"

#include <algorithm>
#include <limits>
#include <string>

#include "engine/node/process.h"

namespace looplab::node {

using trace::EventKind;
using trace::Phase;
using trace::Rule;

// SpinEventLoop:
//   do {
//     uv_run(env->event_loop(), UV_RUN_DEFAULT);
//     more = uv_loop_alive(env->event_loop());
//     if (more && !env->is_stopping()) continue;
//     EmitProcessBeforeExit(env);
//     more = uv_loop_alive(env->event_loop());
//   } while (more == true && !env->is_stopping());
void EventLoop::spin() {
    bool more = false;
    do {
        uv_run();
        more = alive();
        if (more) continue;
        process_.record(EventKind::Emit, Rule::BeforeExitCanRestart, process_.intern("beforeExit"));
        js::Value code = js::Value::number(process_.exit_code_or(0));
        process_.callback_scope([&] { process_.emit("beforeExit", std::span<const js::Value>(&code, 1)); });
        more = alive();
    } while (more);
}

// uv_run(loop, UV_RUN_DEFAULT)
void EventLoop::uv_run() {
    bool r = alive();
    if (!r) process_.update_loop_time();
    // "Maintain backwards compatibility by processing timers before entering
    // the while loop for UV_RUN_DEFAULT."
    if (r) {
        process_.update_loop_time();
        run_timers();
    }
    while (r) {
        run_iteration();
        r = alive();
    }
}

// One turn of uv_run's while loop. libuv 1.46:
//   uv__run_pending(loop); uv__run_idle(loop); uv__run_prepare(loop);
//   timeout = uv__backend_timeout(loop);
//   uv__io_poll(loop, timeout);
//   for (r = 0; r < 8 && !uv__queue_empty(&loop->pending_queue); r++) uv__run_pending(loop);
//   uv__run_check(loop); uv__run_closing_handles(loop);
//   uv__update_time(loop); uv__run_timers(loop);
void EventLoop::run_iteration() {
    iteration_++;
    process_.charge(process_.costs().loop_iteration_ns);
    process_.record(EventKind::LoopIteration, Rule::PhaseOrder, iteration_);
    run_pending();
    run_idle();
    run_prepare();
    run_poll(backend_timeout());
    // (no pending callbacks exist yet for up to 8 re-runs: no I/O handles)
    run_check();
    run_closing_handles();
    process_.update_loop_time();
    run_timers();
}

// uv__loop_alive: referenced active handles, active requests, closing handles.
bool EventLoop::alive() const {
    const Timers& timers = process_.timers();
    if ((timers.handle_active() && timers.handle_refed()) || process_.immediates().idle_active()) return true;
    for (const auto& source : io_sources_) {
        if (source->active()) return true;
    }
    return false;
}

std::optional<uint64_t> EventLoop::next_io_ns() const {
    std::optional<uint64_t> next;
    for (const auto& source : io_sources_) {
        const std::optional<uint64_t> t = source->next_ready_ns();
        if (t && (!next || *t < *next)) next = t;
    }
    return next;
}

// What epoll_wait returned: every source delivers what is ready now, in
// registration order (the pool's async handle was registered first).
void EventLoop::deliver_io() {
    const uint64_t now = process_.now_ns();
    for (size_t i = 0; i < io_sources_.size(); i++) io_sources_[i]->deliver(now);
}

// uv__backend_timeout: 0 when poll must not block, else the time until the
// nearest timer (-1: no timer, block for I/O forever).
int64_t EventLoop::backend_timeout() const {
    const bool has_active_handles = alive();
    if (!has_active_handles || process_.immediates().idle_active()) return 0;
    for (const auto& source : io_sources_) {
        if (source->has_closing()) return 0;
    }
    const Timers& timers = process_.timers();
    if (!timers.handle_active()) return -1;
    const uint64_t now = process_.loop_time_ms();
    const uint64_t due = timers.handle_due_ms();
    return due <= now ? 0 : int64_t(due - now);
}

void EventLoop::enter(Phase phase) {
    phase_ = phase;
    process_.record(EventKind::PhaseEnter, Rule::PhaseOrder, uint32_t(phase));
}

void EventLoop::leave(Phase phase) {
    process_.record(EventKind::PhaseLeave, Rule::None, uint32_t(phase));
    phase_ = Phase::None;
}

void EventLoop::run_timers() {
    enter(Phase::Timers);
    if (iteration_ == 0 && process_.immediates().count() > 0 && process_.timers().has_main_script_1ms_timer()) {
        race_pending = true;
    }
    process_.timers().run_due();
    leave(Phase::Timers);
}

void EventLoop::run_pending() {
    enter(Phase::Pending);
    leave(Phase::Pending);
}

void EventLoop::run_idle() {
    // Node's idle handle has an empty callback: it exists only so that poll
    // does not block while immediates wait.
    enter(Phase::Idle);
    leave(Phase::Idle);
}

void EventLoop::run_prepare() {
    enter(Phase::Prepare);
    leave(Phase::Prepare);
}

// uv__io_poll: waiting is time passing until the nearest timer is due or
// an I/O source (thread pool completion, socket) becomes ready, whichever
// comes first; then the ready I/O callbacks run.
void EventLoop::run_poll(int64_t timeout_ms) {
    enter(Phase::Poll);
    const std::optional<uint64_t> io = next_io_ns();
    const uint64_t start = process_.now_ns();
    const bool io_first =
        io && (timeout_ms < 0 || *io <= start + uint64_t(timeout_ms < 0 ? 0 : timeout_ms) * sim::kNsPerMs);
    if (timeout_ms != 0 && io_first) {
        const uint64_t wake = std::max(start, *io);
        for (const auto& source : io_sources_) source->catch_up(wake);
        process_.advance_clock_to(wake);
        process_.record(EventKind::ClockAdvance, Rule::PollWaitsForIo, uint32_t((wake - start) / sim::kNsPerMs));
        deliver_io();
    } else if (timeout_ms == 0) {
        for (const auto& source : io_sources_) source->catch_up(start);
        deliver_io();
    } else if (timeout_ms > 0) {
        // epoll_wait(timeout) starts at the current (not the cached) time.
        const uint64_t wake = process_.now_ns() + uint64_t(timeout_ms) * sim::kNsPerMs;
        for (const auto& source : io_sources_) source->catch_up(wake);
        process_.advance_clock_to(wake);
        process_.record(EventKind::ClockAdvance, Rule::PollBlocksUntilTimer, uint32_t(timeout_ms));
        deliver_io();
    } else if (timeout_ms < 0) {
        // Nothing could ever wake the loop: alive() says a referenced handle
        // exists, so this cannot happen without I/O; never hang.
        std::string message = "the event loop would block forever (no timers and no I/O)";
        for (const auto& source : io_sources_) {
            if (const std::string_view hint = source->blocked_hint(); !hint.empty()) message += "; " + std::string(hint);
        }
        throw js::LimitExceeded{message};
    }
    leave(Phase::Poll);
}

void EventLoop::run_check() {
    enter(Phase::Check);
    process_.immediates().run_check();
    leave(Phase::Check);
}

void EventLoop::run_closing_handles() {
    enter(Phase::Close);
    for (size_t i = 0; i < io_sources_.size(); i++) io_sources_[i]->run_closing();
    leave(Phase::Close);
}

void EventLoop::note_callback_ran(uint32_t item) {
    if (!race_pending) return;
    race_pending = false;
    process_.record(EventKind::Race, Rule::RaceTimeoutVsImmediate, item);
}

}  // namespace looplab::node
