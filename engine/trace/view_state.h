// What the front end draws: a fold of the trace up to a cursor. Panels read
// it through const references and never reach into the interpreter.
// fold.h builds it (fold_to, Seeker).
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "engine/trace/chunked_seq.h"
#include "engine/trace/event.h"
#include "engine/trace/isolate_table.h"
#include "engine/trace/rules.h"
#include "engine/trace/trace.h"

namespace looplab::trace {

enum class ConsoleStream : uint8_t { Stdout, Stderr };

struct ConsoleLine {
    ConsoleStream stream = ConsoleStream::Stdout;
    uint32_t isolate = 0;
    std::string text;  // one line, without its newline
};

// One JavaScript (or internal Node) frame on the call stack.
struct StackFrame {
    std::string name;       // "processTicksAndRejections", "Timeout._onTimeout", "<anonymous>"
    uint32_t line = 0;      // 1-based line of the function, 0 for internal frames
    bool internal = false;  // Node's own frame: the UI dims it
};

// One waiting callback in a queue, front first. Only ids: the label and
// line live in the trace's item table (entry_label, entry_line), so copying
// a checkpoint with 100,000 pending timers copies no strings.
struct QueueEntry {
    uint32_t item = 0;     // Trace item id (stable across the fold: animation key)
    uint64_t due_ms = 0;   // timers only: due time in loop ms (the heap's sort key, kept at hand)
};

// A queue at the cursor, front first (the timers heap in firing order), and
// the console's lines: shared copy-on-write chunks, so a Seeker checkpoint
// copies a pointer per 256 entries however long the queue or the console.
using EntryQueue = ChunkedSeq<QueueEntry>;

// One request in libuv's thread pool (PoolQueued/PoolStarted/PoolFinished).
// Its label ("pbkdf2", "fs.readFile") and line: entry_label, entry_line.
struct PoolJob {
    uint32_t item = 0;        // Trace item id (animation key), 0 = an idle thread
    uint64_t started_ns = 0;  // when a pool thread took it (0 while waiting)
    uint64_t finish_ns = 0;   // when it will finish, 0 if the trace does not say (progress bar)
};

// The thread pool at the cursor. size == 0: the program has not used it.
struct PoolView {
    uint32_t size = 0;               // pool threads (PoolQueued's b)
    std::vector<PoolJob> threads;    // one per pool thread; item == 0 when idle
    std::deque<PoolJob> waiting;     // queued, no free thread yet (FIFO)
    std::deque<PoolJob> completed;   // done, waiting for the poll phase to deliver it (IoReady)
};

// One JavaScript thread (isolate: the main thread, a worker thread) as the
// processes panel summarises it, with its stack and phase (isolate_runtime).
// Always current, for every isolate seen.
struct IsolateStatus {
    bool seen = false;          // the trace has an event of this isolate at or before the cursor
    // From the trace's isolate table (isolate_table.h), filled when the
    // isolate is first seen:
    uint32_t process = 0;       // index into ViewState::processes
    IsolateKind kind = IsolateKind::Main;
    std::string name;           // "main", "worker 1", "child 4243", "cluster worker 2"
    uint32_t parent = 0;        // the isolate that created it
    bool exited = false;        // its ProcessExit was applied
    int exit_code = 0;
    Rule rule = Rule::None;     // the rule of its last event (a synchronous call blocks: SyncCallBlocksLoop)
    size_t last_event = 0;      // index + 1 of its last event
};

// The runtime state of one isolate that is not the focused one (see
// ViewState::isolate). Swapped with ViewState's own fields on a change of
// focus, so the common single-isolate fold copies nothing.
struct ParkedIsolate {
    std::vector<StackFrame> stack;
    std::array<EntryQueue, kQueueCount> queues;
    Phase phase = Phase::None;
    uint32_t loop_iteration = 0;
    uint32_t current_line = 0, current_column = 0, current_file = 0;
};

// One simulated process (the root, a forked child, a cluster worker) as
// the isolate table describes it; a process's worker threads share it.
struct ProcessView {
    int32_t pid = 0;              // process.pid; 0: the trace has no isolate table
    std::string name;             // its main thread's name: "main", "child 4243", "cluster worker 2"
    uint32_t main_isolate = 0;    // the isolate of its main thread
    uint32_t parent_process = 0;  // index of the process that forked it (itself for the root)
    IsolateKind kind = IsolateKind::Main;
    // The process's thread pool, parked here while the focused isolate
    // belongs to another process (ViewState::pool holds the focused one's).
    PoolView pool;
};

// What left a queue last (Dequeue, or IoReady for a pool completion): the
// narration says "X just left the Y queue" and the animation knows where it
// went.
struct Dequeued {
    QueueEntry entry;
    QueueKind queue = QueueKind::NextTick;
    bool from_pool = false;   // a pool completion delivered by poll (IoReady)
    size_t event = 0;         // index + 1 of the event that took it out, 0 = nothing yet
    uint32_t isolate = 0;
};

// A message between two isolates (MessagePost -> MessageDeliver): the
// processes panel draws it as an arrow from the sender's row to the
// receiver's while it is in flight.
struct MessageArrow {
    uint16_t from = 0, to = 0;  // isolates
    std::string label;          // its payload type: "object", "number"
    size_t posted = 0;          // index + 1 of its MessagePost
};

struct ViewState {
    std::string file_path;
    std::string source;
    uint32_t current_line = 0;  // 1-based line executing at the cursor, 0 if none
    ChunkedLog<ConsoleLine> console;
    bool finished = false;
    int exit_code = 0;

    // ---- the runtime model at the cursor ----
    size_t cursor = 0;            // number of events applied
    uint64_t time_ns = 0;         // virtual time of the last applied event
    // The isolate whose state the fields below (current_*, stack, queues,
    // phase, loop_iteration) describe: the one the last event belongs to,
    // or the one focus_isolate() chose. Others wait in `parked`.
    uint32_t isolate = 0;
    uint32_t current_column = 0;  // 1-based, with current_line
    uint32_t current_file = 0;    // index into Trace::files() of the executing file (0 = main script)
    std::vector<StackFrame> stack;                         // bottom first
    std::array<EntryQueue, kQueueCount> queues;  // indexed by QueueKind
    Phase phase = Phase::None;
    uint32_t loop_iteration = 0;  // 0 = before the loop (main script)
    uint32_t unrefed_handles = 0;
    Rule rule = Rule::None;       // why the last event happened (narration)
    uint32_t last_event = 0;      // index + 1 of the last applied event, 0 if none
    bool race = false;            // the running callback won a race that real Node may lose
    uint32_t race_depth = 0;      // stack depth of the racing callback: the badge ends when it returns
    std::string uncaught;         // the uncaught error's first line, if the run died of one
    // Unterminated console line per stream (index into console, -1 if none).
    std::array<int32_t, 2> open_line{-1, -1};
    // The pool lanes panel (ui/panel_pool.*): folded from the Pool* and
    // IoReady events (PoolQueued: waiting; PoolStarted: threads[b];
    // PoolFinished: completed; IoReady: leaves completed). One pool per
    // process, shared by its worker threads.
    PoolView pool;
    // Every process seen, in order of their first event (index 0: the root,
    // from initial_view). `pool` above is processes[pool_process]'s pool:
    // the focused isolate's process (process_pool() reads any of them).
    std::vector<ProcessView> processes;
    uint32_t pool_process = 0;
    Dequeued last_dequeued;
    // Indexed by isolate id: every isolate's summary, and the parked state
    // of every isolate but the focused one (its slot is empty meanwhile).
    std::vector<IsolateStatus> isolates;
    std::vector<ParkedIsolate> parked;
    // Messages posted and not delivered yet, oldest first (bounded: the
    // engine's own in-flight limit bounds them).
    std::vector<MessageArrow> messages;

    const EntryQueue& queue(QueueKind q) const { return queues[static_cast<size_t>(q)]; }
};

// What a queued item's token shows, read from the trace it was folded from:
// its callback name ("" if the trace has no such item yet) and source line
// (0 if unknown).
std::string_view item_label(const Trace& trace, uint32_t item);
uint32_t item_line(const Trace& trace, uint32_t item);
inline std::string_view entry_label(const Trace& trace, const QueueEntry& e) { return item_label(trace, e.item); }
inline std::string_view entry_label(const Trace& trace, const PoolJob& job) { return item_label(trace, job.item); }
inline uint32_t entry_line(const Trace& trace, const QueueEntry& e) { return item_line(trace, e.item); }
inline uint32_t entry_line(const Trace& trace, const PoolJob& job) { return item_line(trace, job.item); }

}  // namespace looplab::trace
