// libuv's thread pool (src/threadpool.c) for one simulated process: a FIFO
// work queue, pool threads that take requests in order, and a completion
// queue that the loop drains in the poll phase (DESIGN.md "Thread pool").
//
// Two schedules run side by side and never influence each other:
// - the virtual one, decided on the loop thread when a request is queued:
//   the request starts on the lowest-numbered idle pool thread (or waits
//   for the first thread to free up), runs for its cost-model duration and
//   completes at a virtual time; this is what the trace and the program see;
// - the host one: the real work (PBKDF2, deflate, a file read) runs at once
//   on a sim::HostExecutor thread. The loop thread waits for the host result
//   only when virtual time reaches the request's completion.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "engine/js/isolate.h"
#include "engine/node/event_loop.h"
#include "engine/sim/host_executor.h"

namespace looplab::node {

class NodeProcess;

// What a module hands the pool (uv_queue_work's work_cb and after_work_cb).
struct PoolWork {
    std::string name;                             // the trace label: "pbkdf2", "fs.readFile"
    uint64_t cost_ns = 0;                         // virtual time on a pool thread (the cost model)
    std::function<void()> run;                    // on a host thread: touches no JS value
    std::function<void(NodeProcess&)> complete;   // on the loop thread, in poll: calls into JS
    std::vector<js::Value> roots;                 // JS values `complete` uses, kept alive until it ran
    js::Value callback = js::Value::undefined();  // the user's callback, if any: its line labels the job
};

class ThreadPool final : public IoSource {
public:
    static constexpr unsigned kDefaultSize = 4;   // libuv's default
    static constexpr unsigned kMaxSize = 1024;    // MAX_THREADPOOL_SIZE
    static constexpr size_t kMaxRequests = 100'000;  // looplab's limit on requests in flight

    // The process's pool, created at first use with the size that
    // process.env.UV_THREADPOOL_SIZE has then (as libuv's init_once reads it).
    static ThreadPool& of(NodeProcess& process);
    // libuv's parse: atoi, 0 -> 1, above the maximum -> the maximum; unset -> 4.
    static unsigned parse_size(const std::optional<std::string>& env_value);

    ThreadPool(NodeProcess& process, unsigned size);
    ~ThreadPool() override;
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    unsigned size() const { return unsigned(thread_free_at_.size()); }
    // uv_queue_work: returns the request's trace item (0 when not tracing).
    uint32_t submit(PoolWork work);
    size_t in_flight() const { return requests_.size(); }

    // ---- IoSource ----
    bool active() const override { return !requests_.empty(); }
    std::optional<uint64_t> next_ready_ns() const override;
    void catch_up(uint64_t ns) override;
    void deliver(uint64_t now_ns) override;

private:
    struct Request {
        uint32_t item = 0;
        uint32_t thread = 0;
        uint64_t start_ns = 0;
        uint64_t finish_ns = 0;
        std::shared_ptr<sim::HostTask> host;
        std::function<void(NodeProcess&)> complete;
        std::vector<js::Value> roots;
    };
    // A pool-thread transition the trace has not shown yet: (time, kind,
    // request sequence number). A finish sorts before a start at the same
    // time: the thread frees up first, then takes the next request.
    enum TransitionKind : uint8_t { kFinish = 0, kStart = 1 };
    using Transition = std::tuple<uint64_t, uint8_t, uint64_t>;

    void trace_roots(js::Tracer& tracer) const;

    NodeProcess& process_;
    sim::HostExecutor executor_;
    std::vector<uint64_t> thread_free_at_;       // virtual time each pool thread becomes idle
    std::map<uint64_t, Request> requests_;       // by sequence number (submission order)
    std::set<std::pair<uint64_t, uint64_t>> completions_;  // (finish time, sequence)
    std::set<Transition> unrecorded_;
    std::vector<Request> delivering_;            // rooted while their callbacks run
    uint64_t next_seq_ = 1;
    size_t root_handle_ = 0;
};

}  // namespace looplab::node
