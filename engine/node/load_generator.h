// `--load RATE[:DURATION]` (docs/cli.md): a built-in client that opens RATE
// connections per second to the first listening port, from the moment the
// program's first server starts listening, for DURATION seconds. On an
// http server each connection sends `GET / HTTP/1.1` (Connection: close)
// and reads the response; on a plain net server it sends one line and
// half-closes. When every load connection has ended, the listeners are
// unref'ed (as server.unref() would) so the run ends once the program has
// nothing else to do. It lives outside the program: its connects are poll
// events with no JavaScript, and its summary goes to stderr.
#pragma once

#include <cstdint>

namespace looplab::node {

class NodeProcess;

struct LoadConfig {
    uint32_t rate = 0;               // connections per second; 0 = no load
    uint64_t duration_ms = 1'000;    // how long new connections are opened
};

// Arms the generator: it starts with the first listen() of the run.
void install_load_generator(NodeProcess& p, const LoadConfig& config);

}  // namespace looplab::node
