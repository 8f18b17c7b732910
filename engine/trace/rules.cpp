#include "engine/trace/rules.h"

#include <array>

namespace looplab::trace {
namespace {

struct RuleInfo {
    std::string_view name;
    std::string_view text;
};

// Indexed by Rule. Each sentence is what the narration panel says when an
// event carrying the rule is the current step.
constexpr std::array<RuleInfo, kRuleCount> kRules{{
    {"none", ""},
    {"main_script_runs_first",
     "Node runs the whole main script synchronously before the event loop starts."},
    {"sync_code_runs_to_completion",
     "JavaScript runs to completion: no callback can interrupt code that is already running."},
    {"next_tick_queued",
     "process.nextTick adds the callback to the nextTick queue, which runs as soon as the current "
     "operation finishes."},
    {"next_tick_before_promises",
     "The nextTick queue is drained completely before any promise callback runs."},
    {"promise_job_queued",
     "Settling a promise queues its reactions (then/catch/finally, await resumptions) on the "
     "microtask queue."},
    {"microtasks_after_ticks",
     "After the nextTick queue is empty, V8 drains the promise microtask queue; ticks queued by "
     "microtasks run after it."},
    {"checkpoint_after_callback",
     "After every callback from the event loop, Node drains the nextTick queue and then the "
     "microtask queue before running the next callback."},
    {"timer_queued",
     "setTimeout/setInterval schedule the callback for the timers phase once the delay has "
     "elapsed (at the earliest)."},
    {"timer_due",
     "In the timers phase, every timer whose time has come runs, earliest due time first, ties in "
     "creation order."},
    {"timer_not_yet_due",
     "A timer runs only in a timers phase at or after its due time; a delay is a minimum, not a "
     "promise."},
    {"interval_rearmed",
     "An interval is re-armed after its callback, counting from the time its callback started."},
    {"timer_cleared", "clearTimeout/clearInterval removes the timer; its callback never runs."},
    {"timer_delay_clamped",
     "A delay below 1 ms (or above 2147483647 ms) becomes 1 ms, so setTimeout(f, 0) means 1 ms."},
    {"immediate_queued", "setImmediate queues the callback for the next check phase."},
    {"immediates_run_in_check",
     "The check phase runs the immediates that were queued when it started, in order."},
    {"immediate_added_during_check",
     "An immediate queued while the check phase runs waits for the next loop iteration."},
    {"immediate_cleared", "clearImmediate removes the immediate; its callback never runs."},
    {"timers_before_loop",
     "libuv runs due timers once before entering the loop (uv_run in UV_RUN_DEFAULT mode)."},
    {"phase_order",
     "Each loop iteration visits the phases in order: pending, idle, prepare, poll, check, close "
     "callbacks, then timers."},
    {"poll_blocks_until_timer",
     "With nothing else to do, the poll phase waits for I/O until the nearest timer is due."},
    {"poll_does_not_block",
     "Poll does not wait when immediates or pending callbacks are queued: it returns at once."},
    {"loop_alive_while_refed",
     "The loop keeps going while referenced handles (timers, immediates, servers...) are active."},
    {"unref_does_not_keep_alive",
     "An unref'd timer or handle still runs if the loop is alive, but does not keep the loop "
     "alive by itself."},
    {"before_exit_can_restart",
     "When the loop runs out of work Node emits 'beforeExit'; if a listener schedules work, the "
     "loop starts again."},
    {"exit_event",
     "Node emits 'exit' once the process is about to end; only synchronous code runs in its "
     "listeners."},
    {"process_exit_stops_now",
     "process.exit() ends the process right away: queued callbacks and timers never run."},
    {"uncaught_exception",
     "An exception nobody catches ends the process with exit code 1 unless an 'uncaughtException' "
     "listener handles it."},
    {"unhandled_rejection",
     "A promise rejected without a handler by the end of the microtask checkpoint is an "
     "unhandled rejection: Node 20 throws it as an uncaught exception."},
    {"race_timeout_vs_immediate",
     "setTimeout(f, 0) versus setImmediate from the main module is a race in real Node: it "
     "depends on whether 1 ms has passed when the loop starts, so either may run first."},
    {"console_is_synchronous",
     "console.log writes synchronously to a file or terminal: the text appears before the next "
     "statement runs."},
    {"callback_runs", "The loop calls the callback; the call stack was empty before it."},
    {"limit_reached", "A resource limit of the simulation ended the run."},
    {"loop_time_cached",
     "The loop reads the clock once per iteration (uv_update_time); timers compare against that "
     "cached time."},
    {"pool_job_queued",
     "fs, crypto.pbkdf2/scrypt/randomBytes, zlib and dns.lookup hand their work to libuv's "
     "thread pool: the request joins the pool's FIFO work queue and JavaScript carries on."},
    {"pool_job_waits_for_thread",
     "Every pool thread is busy (UV_THREADPOOL_SIZE, default 4): the request waits in the queue "
     "until a thread finishes its current job."},
    {"pool_job_started", "A free pool thread takes the oldest waiting request and does the work off the main thread."},
    {"pool_job_finished",
     "The pool thread finished; the result waits in the completion queue until the loop reaches "
     "the poll phase."},
    {"pool_callback_in_poll",
     "The poll phase delivers finished pool work: its JavaScript callback runs on the main thread."},
    {"poll_waits_for_io",
     "With nothing else to do, the poll phase waits until I/O completes (a pool job or a socket) "
     "or the nearest timer is due."},
    {"socket_ready_in_poll",
     "Sockets never use the thread pool: the OS reports them ready (epoll) and their callbacks run "
     "in the poll phase."},
    {"sync_call_blocks_loop",
     "A *Sync call does the work on the main thread: nothing else (timers, callbacks) can run "
     "until it returns."},
    {"close_callbacks_phase",
     "A closed handle's callback (a socket's or server's 'close') runs in the close-callbacks "
     "phase, after check."},
    {"listening_server_keeps_loop_alive",
     "A listening server or an open socket is a referenced handle: the loop keeps waiting for "
     "connections until it is closed or unref'ed."},
    {"message_posted",
     "postMessage copies the value (structured clone, or JSON for child process IPC) and returns at "
     "once: the receiver gets its copy later, on its own thread."},
    {"message_delivered",
     "A message from another thread, port or process is delivered in the receiver's poll phase, "
     "one 'message' callback per message, in the order they were sent."},
}};

}  // namespace

std::string_view rule_text(Rule rule) {
    const auto i = static_cast<size_t>(rule);
    return i < kRules.size() ? kRules[i].text : std::string_view();
}

std::string_view rule_name(Rule rule) {
    const auto i = static_cast<size_t>(rule);
    return i < kRules.size() ? kRules[i].name : std::string_view("unknown");
}

}  // namespace looplab::trace
