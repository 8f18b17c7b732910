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
    });
}

NetIo::~NetIo() { process_.isolate().heap().remove_root_source(root_handle_); }

void NetIo::schedule(uint64_t at_ns, std::string_view label, std::function<void(NodeProcess&)> event,
                     std::vector<js::Value> roots) {
    Event e;
    e.run = std::move(event);
    e.roots = std::move(roots);
    if (process_.tracing()) {
        trace::Item item;
        item.queue = trace::QueueKind::Pending;
        item.label = process_.intern(label);
        item.seq = next_seq_;
        e.item = process_.trace()->add_item(item);
    }
    events_.emplace(std::make_pair(at_ns, next_seq_++), std::move(e));
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

}  // namespace looplab::node
