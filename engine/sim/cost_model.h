// How much virtual time each kind of work costs. The defaults are rough
// measurements of node 20 on a laptop-class x86-64 core (see
// docs/cost-model.md for where each number comes from); a scenario can
// override any of them with `--cost-model FILE` (a JSON object whose keys
// are the field names below).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace looplab::sim {

struct CostModel {
    // One bytecode instruction of the interpreter.
    uint64_t instruction_ns = 2;
    // One call of a host (C++) function that the runtime implements
    // (Date.now, console.log's formatting, setTimeout...).
    uint64_t builtin_call_ns = 40;
    // Dispatching one callback from C++ into JS (a timer, an immediate, a
    // nextTick, a promise job): the MakeCallback / microtask overhead.
    uint64_t callback_dispatch_ns = 150;
    // One turn of uv_run's while loop, apart from the phases' own work.
    uint64_t loop_iteration_ns = 1'000;
    // Starting a timer (setTimeout / setInterval / refresh).
    uint64_t timer_start_ns = 200;
    // Writing one chunk to stdout or stderr (console.log, process.stdout.write).
    uint64_t console_write_ns = 2'000;
    // Compiling and loading one CommonJS module (require of a .js file).
    uint64_t module_load_ns = 50'000;

    // ---- I/O: thread pool work, file system, network (docs/cost-model.md) ----
    // Handing a request to a pool thread and waking the loop for its
    // completion (uv_queue_work, the async handle): added to every pool job.
    uint64_t pool_dispatch_ns = 20'000;
    // One PBKDF2 iteration for one block of output (HMAC-SHA-256 on one core).
    uint64_t pbkdf2_iteration_ns = 400;
    // One unit of scrypt's work (N * r * p), memory-bound.
    uint64_t scrypt_unit_ns = 400;
    // Hashing, random bytes, compression: per input byte.
    uint64_t hash_byte_ns = 2;
    uint64_t random_byte_ns = 4;
    uint64_t zlib_byte_ns = 10;
    // One file-system syscall (open, stat, readdir, unlink...) and each byte read or written.
    uint64_t fs_syscall_ns = 15'000;
    uint64_t fs_byte_ns = 1;
    // dns.lookup of a name in the simulated host table (getaddrinfo on a pool
    // thread) and dns.resolve4 (a query to the simulated DNS server).
    uint64_t dns_lookup_ns = 300'000;
    uint64_t dns_resolve_ns = 2'000'000;
    // One hop over the simulated network (connect, a write reaching the peer).
    // 0 on the loopback: the kernel completes a connect or a write inside the
    // syscall, so the peer is ready at the next poll, as in node on Linux.
    // Raise it (--cost-model) to show a slower network.
    uint64_t net_hop_ns = 0;
    // Per byte carried over the loopback.
    uint64_t net_byte_ns = 1;

    // ---- worker threads (docs/parallelism.md) ----
    // new Worker() until the worker's script starts (a new isolate and loop).
    uint64_t worker_startup_ns = 10'000'000;
    // One postMessage between threads of a process (a MessagePort hop, the
    // receiver's async wake-up); also worker stdout/stderr and exit notices.
    uint64_t worker_message_ns = 50'000;
    // Per serialized byte of a postMessage (structured clone), charged to the sender.
    uint64_t worker_message_byte_ns = 1;

    // ---- processes (docs/parallelism.md) ----
    // child_process.fork() until the child's main script starts (node's own boot).
    uint64_t fork_ns = 40'000'000;
    // One IPC message between processes (a pipe write, the other process's
    // epoll wake-up): dearer than a postMessage between threads.
    uint64_t ipc_hop_ns = 120'000;
    // Per serialized byte of an IPC message (encode, pipe copy, decode).
    uint64_t ipc_byte_ns = 4;

    // Reads a JSON override file: unknown keys and non-integer values are
    // errors (a typo must not silently keep the default). Returns the error
    // message, or nothing on success.
    std::optional<std::string> load_overrides(const std::string& path);
    // The model as a JSON object (docs, `looplab trace` headers).
    std::string to_json() const;
};

}  // namespace looplab::sim
