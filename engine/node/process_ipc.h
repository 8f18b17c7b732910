// Forked child processes: child_process.fork() and cluster.fork() start a
// new simulated process, an isolate in the World (engine/sim/world.h) with
// its own pid, process object, event loop and thread pool, on its own host
// thread. Parent and child talk over an IPC channel: messages serialized as
// JSON or with the structured clone ("advanced"), carried by the World with
// the cost model's IPC latency. See docs/parallelism.md.
//
// A child's stdout and stderr are the parent's (fork's default stdio is
// inherited): its writes travel to the world's root isolate, which writes
// them to the run's console in virtual-time order. A spawned child's are
// pipes (ChildStdio::Pipe) that its parent reads as child.stdout/stderr.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/node/structured_clone.h"
#include "engine/sim/world.h"

namespace looplab::js {
class Isolate;
struct JsObject;
}  // namespace looplab::js

namespace looplab::node {

class NodeProcess;

// What crosses the world between processes (sim::Message::kind), numbered
// apart from the worker messages (worker.h LinkMessage) so that
// IsolateLink::dispatch hands them to dispatch_process_message.
inline constexpr uint32_t kFirstProcessMessage = 100;
enum class IpcKind : uint32_t {
    Message = kFirstProcessMessage,  // child.send / process.send
    Internal,                        // cluster's own protocol ('internalMessage')
    Disconnect,                      // the other end closed the channel
    Exit,                            // child -> parent: the child ended
    Kill,                            // parent -> child: a signal (an interrupt)
    Stdout,                          // child -> parent: bytes on a piped stdout (spawn's stdio 'pipe')
    Stderr,                          // child -> parent: bytes on a piped stderr
    StdioEnd,                        // child -> parent: the child's pipes reached EOF
};

// Where a child's stdout or stderr goes: the parent's own stream (fork's
// default), a pipe the parent reads as child.stdout (spawn's default), or
// nowhere.
enum class ChildStdio : uint8_t { Inherit, Pipe, Ignore };

// The pid of the world's root process; children count up from it in the
// order they are forked.
inline constexpr int kRootPid = 4242;

struct ForkSpec {
    std::string filename;  // absolute path of the module to run
    std::string source;
    std::vector<std::string> args;                            // process.argv.slice(2)
    std::vector<std::pair<std::string, std::string>> env;     // the child's process.env
    bool advanced = false;                                    // serialization: 'advanced'
    bool ipc = true;                                          // an IPC channel (fork; spawn with 'ipc')
    ChildStdio stdout_mode = ChildStdio::Inherit;
    ChildStdio stderr_mode = ChildStdio::Inherit;
};

struct ForkedChild {
    uint32_t id = 0;  // the child's isolate id in the world
    int pid = 0;
};

// Starts `spec` as a new process whose parent is `parent`. Throws
// js::LimitExceeded past the world's isolate limit.
ForkedChild fork_process(NodeProcess& parent, ForkSpec spec);

// Sends one IPC message from `from` to isolate `to`: the sender pays for
// serializing `bytes`, the message arrives one IPC hop (plus the bytes)
// later, and a channel never reorders.
void ipc_post(NodeProcess& from, uint32_t to, IpcKind kind, std::shared_ptr<const void> payload, size_t bytes,
              bool interrupt = false);

// IsolateLink::dispatch's hook for kinds >= kFirstProcessMessage: hands the
// message to the JS side of the receiving process.
void dispatch_process_message(NodeProcess& p, const sim::Message& m);

// The natives both ends of a channel use (post, disconnect, kill, ref and
// Node's error constructors); the JS of kIpcSendSource calls them.
js::JsObject* new_ipc_binding(js::Isolate& isolate);
// `ipcSend(target, to, advanced, message, handle, options, callback)`: the
// argument handling of Node's target.send, as JS source to prepend.
extern const std::string_view kIpcSendSource;

// A message's payload: the serialized value and how to read it.
struct IpcPayload {
    bool json = false;  // value is a string to JSON.parse
    CloneNode value;
};

struct ExitPayload {
    int code = 0;
    std::string signal;  // empty: exited normally
};

}  // namespace looplab::node
