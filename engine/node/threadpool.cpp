#include "engine/node/threadpool.h"

#include <algorithm>
#include <cstdlib>

#include "engine/js/operations.h"
#include "engine/node/process.h"

namespace looplab::node {

using trace::EventKind;
using trace::Rule;

ThreadPool& ThreadPool::of(NodeProcess& process) {
    if (ThreadPool* pool = process.loop().find_io_source<ThreadPool>()) return *pool;
    std::optional<std::string> env_value;
    if (process.process_object != nullptr) {
        js::Isolate& isolate = process.isolate();
        js::Value env = js::get(isolate, js::Value::object(process.process_object), "env");
        if (env.is_object()) {
            js::Value v = js::get(isolate, env, "UV_THREADPOOL_SIZE");
            if (!v.is_undefined()) env_value = js::to_string(isolate, v);
        }
    }
    auto pool = std::make_unique<ThreadPool>(process, parse_size(env_value));
    ThreadPool& ref = *pool;
    process.loop().add_io_source(std::move(pool));
    return ref;
}

unsigned ThreadPool::parse_size(const std::optional<std::string>& env_value) {
    if (!env_value) return kDefaultSize;
    // threadpool.c: nthreads = atoi(val); if (nthreads == 0) nthreads = 1;
    // if (nthreads > MAX_THREADPOOL_SIZE) nthreads = MAX_THREADPOOL_SIZE.
    // nthreads is unsigned, so a negative value wraps to the maximum.
    const long long n = std::atoll(env_value->c_str());
    if (n == 0) return 1;
    if (n < 0 || n > kMaxSize) return kMaxSize;
    return unsigned(n);
}

ThreadPool::ThreadPool(NodeProcess& process, unsigned size)
    : process_(process), executor_(sim::HostExecutor::threads_for(size)), thread_free_at_(size, 0) {
    root_handle_ = process_.isolate().heap().add_root_source([this](js::Tracer& t) { trace_roots(t); });
}

ThreadPool::~ThreadPool() { process_.isolate().heap().remove_root_source(root_handle_); }

void ThreadPool::trace_roots(js::Tracer& tracer) const {
    for (const auto& [seq, r] : requests_) {
        for (js::Value v : r.roots) tracer.mark(v);
    }
    for (const Request& r : delivering_) {
        for (js::Value v : r.roots) tracer.mark(v);
    }
}

uint32_t ThreadPool::submit(PoolWork work) {
    if (requests_.size() >= kMaxRequests) {
        throw js::LimitExceeded{"thread pool limit of " + std::to_string(kMaxRequests) +
                                " requests in flight reached"};
    }
    const uint64_t now = process_.now_ns();
    catch_up(now);
    const uint64_t seq = next_seq_++;

    // The FIFO queue in virtual time: requests are queued in time order, so
    // giving each one the earliest free thread at submission is exactly the
    // order in which libuv's workers would take them. Ties: lowest thread.
    uint32_t thread = 0;
    for (uint32_t t = 1; t < thread_free_at_.size(); t++) {
        const uint64_t best = std::max(thread_free_at_[thread], now);
        if (std::max(thread_free_at_[t], now) < best) thread = t;
    }
    Request r;
    r.thread = thread;
    r.start_ns = std::max(now, thread_free_at_[thread]);
    r.finish_ns = r.start_ns + process_.costs().pool_dispatch_ns + work.cost_ns;
    thread_free_at_[thread] = r.finish_ns;
    r.complete = std::move(work.complete);
    r.roots = std::move(work.roots);
    r.host = executor_.submit(std::move(work.run));

    if (process_.tracing()) {
        trace::Item item;
        item.queue = trace::QueueKind::Pending;
        item.label = process_.intern(work.name);
        item.line = process_.describe(work.callback).line;
        item.seq = seq;
        r.item = process_.trace()->add_item(item);
        const bool waits = r.start_ns > now;
        process_.record(EventKind::PoolQueued, waits ? Rule::PoolJobWaitsForThread : Rule::PoolJobQueued, r.item,
                        size());
        unrecorded_.insert({r.start_ns, kStart, seq});
        unrecorded_.insert({r.finish_ns, kFinish, seq});
    }
    completions_.insert({r.finish_ns, seq});
    const uint32_t item = r.item;
    requests_.emplace(seq, std::move(r));
    catch_up(now);
    return item;
}

std::optional<uint64_t> ThreadPool::next_ready_ns() const {
    if (completions_.empty()) return std::nullopt;
    return completions_.begin()->first;
}

// Pool threads started and finished work while the loop thread did
// something else; the trace shows each transition at its own virtual time
// (the trace clamps a time already passed to its last event).
void ThreadPool::catch_up(uint64_t ns) {
    trace::Trace* trace = process_.trace();
    while (!unrecorded_.empty() && std::get<0>(*unrecorded_.begin()) <= ns) {
        const auto [time, kind, seq] = *unrecorded_.begin();
        unrecorded_.erase(unrecorded_.begin());
        auto it = requests_.find(seq);
        if (trace == nullptr || it == requests_.end()) continue;
        const Request& r = it->second;
        const bool started = kind == kStart;
        trace->append(time, started ? EventKind::PoolStarted : EventKind::PoolFinished,
                      started ? Rule::PoolJobStarted : Rule::PoolJobFinished, r.item, r.thread,
                      uint16_t(process_.isolate().id));
    }
}

// uv__work_done: takes every completion queued so far, then runs their
// callbacks in completion order. Completions that arrive while those
// callbacks run wait for the next poll.
void ThreadPool::deliver(uint64_t now_ns) {
    catch_up(now_ns);
    std::vector<uint64_t> ready;
    while (!completions_.empty() && completions_.begin()->first <= now_ns) {
        ready.push_back(completions_.begin()->second);
        completions_.erase(completions_.begin());
    }
    for (uint64_t seq : ready) {
        auto it = requests_.find(seq);
        delivering_.push_back(std::move(it->second));
        requests_.erase(it);
        Request& r = delivering_.back();
        // The virtual completion time has come: the host result must exist now.
        r.host->wait();
        process_.record(EventKind::IoReady, Rule::PoolCallbackInPoll, r.item, 0);
        try {
            r.complete(process_);
        } catch (...) {
            delivering_.pop_back();
            throw;
        }
        delivering_.pop_back();
    }
}

}  // namespace looplab::node
