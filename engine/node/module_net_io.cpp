#include "engine/node/module_net.h"

#include "engine/node/process.h"
#include "engine/node/threadpool.h"

namespace looplab::node {

NetIo& NetIo::of(NodeProcess& process) {
    if (NetIo* io = process.loop().find_io_source<NetIo>()) return *io;
    auto io = std::make_unique<NetIo>(process);
    NetIo& ref = *io;
    process.loop().add_io_source(std::move(io));
    return ref;
}

NetIo::NetIo(NodeProcess& process) : process_(process) {
    root_handle_ = process_.isolate().heap().add_root_source([this](js::Tracer& t) {
        for (const auto& [key, e] : events_) {
            for (js::Value v : e.roots) t.mark(v);
        }
        for (const Event& e : running_) {
            for (js::Value v : e.roots) t.mark(v);
        }
        for (const Event& e : closing_) {
            for (js::Value v : e.roots) t.mark(v);
        }
    });
}

NetIo::~NetIo() { process_.isolate().heap().remove_root_source(root_handle_); }

uint32_t NetIo::trace_item(trace::QueueKind queue, std::string_view label, uint64_t seq) {
    trace::Item item;
    item.queue = queue;
    item.label = process_.intern(label);
    item.seq = seq;
    return process_.trace()->add_item(item);
}

NetIo::Token NetIo::schedule(uint64_t at_ns, std::string_view label, std::function<void(NodeProcess&)> event,
                             std::vector<js::Value> roots) {
    Event e;
    e.run = std::move(event);
    e.roots = std::move(roots);
    if (process_.tracing()) e.item = trace_item(trace::QueueKind::Pending, label, next_seq_);
    const Token token{at_ns, next_seq_++};
    events_.emplace(token, std::move(e));
    return token;
}

std::optional<uint64_t> NetIo::next_ready_ns() const {
    if (events_.empty()) return std::nullopt;
    return events_.begin()->first.first;
}

// epoll reports every socket that is ready now; events scheduled by these
// callbacks for the same instant wait for the next poll.
void NetIo::deliver(uint64_t now_ns) {
    std::vector<std::pair<uint64_t, uint64_t>> ready;
    for (const auto& [key, e] : events_) {
        if (key.first > now_ns) break;
        ready.push_back(key);
    }
    for (const auto& key : ready) {
        auto it = events_.find(key);
        running_.push_back(std::move(it->second));
        events_.erase(it);
        Event& e = running_.back();
        process_.record(trace::EventKind::IoReady, trace::Rule::SocketReadyInPoll, e.item, 1);
        try {
            e.run(process_);
        } catch (...) {
            running_.pop_back();
            throw;
        }
        running_.pop_back();
    }
}

void NetIo::queue_close(std::string_view label, std::function<void(NodeProcess&)> callback,
                                std::vector<js::Value> roots) {
    Event e;
    e.run = std::move(callback);
    e.roots = std::move(roots);
    if (process_.tracing()) {
        e.item = trace_item(trace::QueueKind::Close, label, next_seq_++);
        process_.record(trace::EventKind::Enqueue, trace::Rule::CloseCallbacksPhase, e.item,
                        uint32_t(trace::QueueKind::Close));
    }
    closing_.push_back(std::move(e));
}

// uv__run_closing_handles: the handles closed until now, in closing order;
// a handle closed by one of these callbacks waits for the next iteration.
void NetIo::run_closing() {
    std::vector<Event> batch = std::move(closing_);
    closing_.clear();
    for (size_t i = 0; i < batch.size(); i++) {
        running_.push_back(std::move(batch[i]));
        Event& e = running_.back();
        process_.record(trace::EventKind::Dequeue, trace::Rule::CloseCallbacksPhase, e.item,
                        uint32_t(trace::QueueKind::Close));
        try {
            e.run(process_);
        } catch (...) {
            running_.pop_back();
            for (size_t j = i + 1; j < batch.size(); j++) closing_.push_back(std::move(batch[j]));
            throw;
        }
        running_.pop_back();
    }
}

}  // namespace looplab::node
