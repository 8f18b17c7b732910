// What the Seeker's checkpoints cost in memory. Queues and console lines
// are chunks shared between neighbouring checkpoints, so each chunk is
// counted once; the rest (stack, pool, isolate summaries) each checkpoint
// owns.
#include <set>

#include "engine/trace/fold.h"

namespace looplab::trace {
namespace {

// A std::string's heap block, if it has one (short strings live inside it).
size_t heap_of(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

class CheckpointBytes {
public:
    void add(const ViewState& s) {
        bytes_ += sizeof(ViewState) + heap_of(s.file_path) + heap_of(s.source) + heap_of(s.uncaught);
        add_runtime(s.stack, s.queues);
        for (const ParkedIsolate& p : s.parked) add_runtime(p.stack, p.queues);
        bytes_ += s.parked.capacity() * sizeof(ParkedIsolate) + s.isolates.capacity() * sizeof(IsolateStatus);
        add_pool(s.pool);
        for (const ProcessView& p : s.processes) add_pool(p.pool);
        bytes_ += s.processes.capacity() * sizeof(ProcessView) + s.messages.capacity() * sizeof(MessageArrow);
        s.console.for_each_chunk([&](const void* id, const std::vector<ConsoleLine>& lines) {
            if (!seen_.insert(id).second) return;
            bytes_ += lines.capacity() * sizeof(ConsoleLine);
            for (const ConsoleLine& line : lines) bytes_ += heap_of(line.text);
        });
    }
    size_t bytes() const { return bytes_; }

private:
    void add_runtime(const std::vector<StackFrame>& stack, const std::array<EntryQueue, kQueueCount>& queues) {
        bytes_ += stack.capacity() * sizeof(StackFrame);
        for (const StackFrame& f : stack) bytes_ += heap_of(f.name);
        for (const EntryQueue& q : queues) {
            q.for_each_chunk([&](const void* id, const std::vector<QueueEntry>& chunk) {
                if (seen_.insert(id).second) bytes_ += chunk.capacity() * sizeof(QueueEntry);
            });
        }
    }
    void add_pool(const PoolView& pool) {
        bytes_ += (pool.threads.capacity() + pool.waiting.size() + pool.completed.size()) * sizeof(PoolJob);
    }

    std::set<const void*> seen_;  // counted chunks (only looked up, never iterated)
    size_t bytes_ = 0;
};

}  // namespace

size_t Seeker::checkpoint_bytes() const {
    CheckpointBytes count;
    for (const ViewState& s : checkpoints_) count.add(s);
    return count.bytes();
}

}  // namespace looplab::trace
