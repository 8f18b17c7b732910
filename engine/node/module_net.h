// The simulated network's side of the event loop: socket events (a
// connection accepted, data arriving, the peer closing, a DNS answer) are
// scheduled at virtual times and delivered by the poll phase, never through
// the thread pool (DESIGN.md principle 7: no real sockets, ever). Closed
// handles' callbacks wait for the close-callbacks phase.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "engine/js/isolate.h"
#include "engine/node/event_loop.h"

namespace looplab::node {

class NodeProcess;

class NetIo final : public IoSource {
public:
    static NetIo& of(NodeProcess& process);
    explicit NetIo(NodeProcess& process);
    ~NetIo() override;
    NetIo(const NetIo&) = delete;
    NetIo& operator=(const NetIo&) = delete;

    // Delivers `event` in the poll phase at virtual time `at_ns` (ties in
    // scheduling order). `roots` stay alive until it ran. The returned token
    // lets cancel() take it back before it runs.
    using Token = std::pair<uint64_t, uint64_t>;
    Token schedule(uint64_t at_ns, std::string_view label, std::function<void(NodeProcess&)> event,
                   std::vector<js::Value> roots = {});
    void cancel(Token token) { events_.erase(token); }
    // A referenced handle (a listening server, an open socket) keeps the
    // loop alive even with no event scheduled.
    void ref_handle() { refed_handles_++; }
    void unref_handle() {
        if (refed_handles_ > 0) refed_handles_--;
    }

    // A handle's close callback (uv_close): runs in the close-callbacks
    // phase of the current loop iteration, after check.
    void queue_close(std::string_view label, std::function<void(NodeProcess&)> callback,
                     std::vector<js::Value> roots = {});

    bool active() const override { return !events_.empty() || !closing_.empty() || refed_handles_ > 0; }
    std::optional<uint64_t> next_ready_ns() const override;
    void deliver(uint64_t now_ns) override;
    void run_closing() override;
    bool has_closing() const override { return !closing_.empty(); }

private:
    // A queue item for the trace, labelled as the UI shows it (tracing only).
    uint32_t trace_item(trace::QueueKind queue, std::string_view label, uint64_t seq);
    struct Event {
        uint32_t item = 0;
        std::function<void(NodeProcess&)> run;
        std::vector<js::Value> roots;
    };
    NodeProcess& process_;
    std::map<std::pair<uint64_t, uint64_t>, Event> events_;  // (time, seq)
    std::vector<Event> running_;
    std::vector<Event> closing_;  // in uv_close order
    uint64_t next_seq_ = 1;
    uint32_t refed_handles_ = 0;
    size_t root_handle_ = 0;
};

}  // namespace looplab::node
