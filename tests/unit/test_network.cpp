// The simulated loopback (engine/sim/network.h): ports, refusals, FIFO
// pipes with latency, half-close and close.
#include <doctest/doctest.h>

#include "engine/sim/network.h"

using namespace looplab::sim;

namespace {

constexpr NetTiming kTiming{1'000, 10};

std::string received_bytes(Network& net, EndpointId id, uint64_t now) {
    std::string out;
    for (const Segment& s : net.receive(id, now)) out += s.fin ? std::string("<FIN>") : s.bytes;
    return out;
}

}  // namespace

TEST_CASE("network: listen(0) hands out ephemeral ports in order; a taken port is EADDRINUSE") {
    Network net(kTiming);
    const auto a = net.listen(0);
    const auto b = net.listen(0);
    CHECK(a.status == NetStatus::Ok);
    CHECK(a.port == Network::kFirstEphemeralPort);
    CHECK(b.port == Network::kFirstEphemeralPort + 1);
    CHECK(net.listen(a.port).status == NetStatus::AddrInUse);
    const auto fixed = net.listen(8080);
    CHECK(fixed.status == NetStatus::Ok);
    CHECK(net.first_listening_port() == std::optional<uint16_t>(8080));
    net.unlisten(fixed.id);
    CHECK(net.first_listening_port() == std::optional<uint16_t>(a.port));
    CHECK(net.listen(8080).status == NetStatus::Ok);
}

TEST_CASE("network: connecting where nothing listens is refused") {
    Network net(kTiming);
    CHECK(net.connect(9, 0).status == NetStatus::ConnRefused);
    const auto l = net.listen(9);
    net.unlisten(l.id);
    CHECK(net.connect(9, 0).status == NetStatus::ConnRefused);
}

TEST_CASE("network: a connection pairs two endpoints whose ports mirror each other") {
    Network net(kTiming);
    const auto l = net.listen(3000);
    const auto c = net.connect(3000, 500);
    REQUIRE(c.status == NetStatus::Ok);
    CHECK(c.listener == l.id);
    CHECK(c.established_ns == 1'500);
    const auto client = net.info(c.client);
    const auto server = net.info(c.server);
    CHECK(client.remote_port == 3000);
    CHECK(server.local_port == 3000);
    CHECK(server.remote_port == client.local_port);
    CHECK(client.peer == c.server);
    CHECK(server.peer == c.client);
    // The client's port is taken: listening on it fails until it closes.
    CHECK(net.listen(client.local_port).status == NetStatus::AddrInUse);
    net.close(c.client, 2'000);
    net.close(c.server, 2'000);
    CHECK(net.listen(client.local_port).status == NetStatus::Ok);
    CHECK(net.open_endpoints() == 0);
}

TEST_CASE("network: bytes arrive after latency plus per-byte cost, in order, and only once") {
    Network net(kTiming);
    net.listen(80);
    const auto c = net.connect(80, 0);
    const auto big = net.send(c.client, std::string(100, 'x'), 2'000);  // 2000 + 1000 + 1000
    const auto small = net.send(c.client, "y", 2'001);                  // would be 3011: waits for the first
    CHECK(big == std::optional<uint64_t>(4'000));
    CHECK(small == std::optional<uint64_t>(4'000));
    CHECK(received_bytes(net, c.server, 3'999).empty());
    CHECK(received_bytes(net, c.server, 4'000) == std::string(100, 'x') + "y");
    CHECK(received_bytes(net, c.server, 9'000).empty());
    // The other direction is independent.
    CHECK(net.send(c.server, "ok", 5'000) == std::optional<uint64_t>(6'020));
    CHECK(received_bytes(net, c.client, 6'020) == "ok");
}

TEST_CASE("network: half-close delivers the end after the data and stops further sends") {
    Network net(kTiming);
    net.listen(80);
    const auto c = net.connect(80, 0);
    net.send(c.client, "last", 2'000);
    CHECK(net.shutdown(c.client, 2'000).has_value());
    CHECK_FALSE(net.send(c.client, "late", 2'100).has_value());
    CHECK(received_bytes(net, c.server, 10'000) == "last<FIN>");
    // The server can still answer the half-closed client.
    CHECK(net.send(c.server, "reply", 10'000).has_value());
    CHECK(received_bytes(net, c.client, 20'000) == "reply");
}

TEST_CASE("network: closing sends the end once and drops what the closed side had not read") {
    Network net(kTiming);
    net.listen(80);
    const auto c = net.connect(80, 0);
    net.send(c.server, "unread", 2'000);
    CHECK(net.close(c.client, 2'000).has_value());
    CHECK_FALSE(net.info(c.client).open);
    CHECK(received_bytes(net, c.server, 10'000) == "<FIN>");
    CHECK(received_bytes(net, c.client, 10'000).empty());
    // A shut-down endpoint sends no second end when it closes.
    CHECK(net.shutdown(c.server, 10'000).has_value());
    CHECK_FALSE(net.close(c.server, 10'000).has_value());
    CHECK(net.open_endpoints() == 0);
}
