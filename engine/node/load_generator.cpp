#include "engine/node/load_generator.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include "engine/node/binding_tcp.h"
#include "engine/node/module_net.h"
#include "engine/node/process.h"

namespace looplab::node {
namespace {

using sim::EndpointId;

// A connection still open this long after the last one was opened is
// closed by the generator, so a server that never answers cannot keep the
// run alive forever.
constexpr uint64_t kGraceNs = 1'000'000'000;
// Past this, --load is refused before the run (a limit, not a model).
constexpr uint64_t kMaxConnections = 100'000;

class LoadGenerator final : public NativePeer {
public:
    explicit LoadGenerator(LoadConfig config) : config_(config) {
        total_ = std::min<uint64_t>(kMaxConnections, uint64_t(config.rate) * config.duration_ms / 1000);
        if (total_ == 0) total_ = 1;
    }

    void start(NodeProcess& p, uint16_t) {
        NetIo& io = NetIo::of(p);
        const uint64_t start = p.now_ns();
        const uint64_t gap = 1'000'000'000ULL / config_.rate;
        for (uint64_t i = 0; i < total_; i++) {
            io.schedule(start + i * gap, "load connect", [this](NodeProcess& q) { open_one(q); });
        }
        deadline_ = io.schedule(start + (total_ - 1) * gap + kGraceNs, "load deadline",
                                [this](NodeProcess& q) { give_up(q); });
    }

    void on_connect(NodeProcess& p, EndpointId id, int status) override {
        if (status != 0) {
            refused_++;
            connection_done(p);
            return;
        }
        Conn& c = open_[id];
        TcpHost& tcp = TcpHost::of(p);
        const uint16_t port = tcp.network().info(id).remote_port;
        if (tcp.listener_is_http(port)) {
            tcp.write(id, "GET / HTTP/1.1\r\nHost: localhost:" + std::to_string(port) +
                              "\r\nConnection: close\r\n\r\n");
        } else {
            tcp.write(id, "hello from looplab --load\n");
            tcp.shutdown(id, js::Value::undefined());
        }
        c.sent_ns = p.now_ns();
    }

    void on_data(NodeProcess& p, EndpointId id, std::string_view bytes) override {
        auto it = open_.find(id);
        if (it == open_.end()) return;
        if (it->second.response.empty()) latencies_.push_back(p.now_ns() - it->second.sent_ns);
        if (it->second.response.size() < 64) it->second.response.append(bytes.substr(0, 64));
    }

    void on_end(NodeProcess& p, EndpointId id) override {
        auto it = open_.find(id);
        if (it == open_.end()) return;
        count_status(it->second.response);
        open_.erase(it);
        TcpHost::of(p).close(id, js::Value::undefined());
        answered_++;
        connection_done(p);
    }

private:
    struct Conn {
        uint64_t sent_ns = 0;
        std::string response;  // its first bytes: the status line
    };

    void open_one(NodeProcess& p) {
        TcpHost& tcp = TcpHost::of(p);
        const std::optional<uint16_t> port = tcp.network().first_listening_port();
        if (!port) {
            refused_++;
            connection_done(p);
            return;
        }
        tcp.connect(js::Value::undefined(), this, *port);
    }

    void give_up(NodeProcess& p) {
        TcpHost& tcp = TcpHost::of(p);
        for (const auto& [id, c] : open_) {
            tcp.close(id, js::Value::undefined());
            unanswered_++;
        }
        open_.clear();
        finish(p);
    }

    void connection_done(NodeProcess& p) {
        if (answered_ + refused_ + unanswered_ < total_) return;
        NetIo::of(p).cancel(deadline_);
        finish(p);
    }

    void count_status(const std::string& response) {
        // "HTTP/1.1 200 OK": the status is the second word.
        if (response.rfind("HTTP/", 0) != 0 || response.size() < 12) return;
        statuses_[response.substr(9, 3)]++;
    }

    void finish(NodeProcess& p) {
        if (finished_) return;
        finished_ = true;
        TcpHost::of(p).unref_listeners();
        p.write(Stream::Stderr, summary());
    }

    std::string summary() {
        std::string s = "looplab --load: " + std::to_string(total_) + " connections, " +
                        std::to_string(answered_) + " answered";
        for (const auto& [status, n] : statuses_) s += ", " + std::to_string(n) + " x " + status;
        if (refused_ > 0) s += ", " + std::to_string(refused_) + " refused";
        if (unanswered_ > 0) s += ", " + std::to_string(unanswered_) + " closed unanswered";
        if (!latencies_.empty()) {
            std::sort(latencies_.begin(), latencies_.end());
            s += "; first byte after p50 " + ms(latencies_[latencies_.size() / 2]) + ", max " +
                 ms(latencies_.back());
        }
        return s + "\n";
    }

    // Below a millisecond in whole microseconds, else in tenths of a millisecond.
    static std::string ms(uint64_t ns) {
        if (ns < 1'000'000) return std::to_string((ns + 500) / 1000) + " us";
        const uint64_t tenths = (ns + 50'000) / 100'000;
        return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " ms";
    }

    LoadConfig config_;
    uint64_t total_ = 0;
    uint64_t answered_ = 0;
    uint64_t refused_ = 0;
    uint64_t unanswered_ = 0;
    bool finished_ = false;
    NetIo::Token deadline_{};
    std::map<EndpointId, Conn> open_;
    std::map<std::string, uint64_t> statuses_;
    std::vector<uint64_t> latencies_;
};

}  // namespace

void install_load_generator(NodeProcess& p, const LoadConfig& config) {
    if (config.rate == 0) return;
    auto generator = std::make_unique<LoadGenerator>(config);
    LoadGenerator* g = generator.get();
    TcpHost::of(p).keep_peer(std::move(generator));
    TcpHost::of(p).on_first_listen = [g](NodeProcess& q, uint16_t port) { g->start(q, port); };
}

}  // namespace looplab::node
