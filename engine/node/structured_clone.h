// The HTML structured clone algorithm across isolates: a value of one heap
// becomes an isolate-free tree (serialize) that another heap rebuilds
// (deserialize). Used by worker postMessage, workerData and the 'advanced'
// serialization of child_process IPC. Objects, arrays, Map, Set, Date,
// RegExp, errors, BigInt, ArrayBuffer and typed arrays; cycles and shared
// references survive. Functions and symbols throw DataCloneError.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/js/isolate.h"
#include "engine/trace/event.h"

namespace looplab::node {

struct CloneNode {
    enum class Kind : uint8_t {
        Undefined, Null, Bool, Number, String, BigInt, Object, Array, Date, RegExp, Map, Set, Error,
        ArrayBuffer, TypedArray, Ref, SharedArrayBuffer, Port,
    };
    Kind kind = Kind::Undefined;
    double number = 0;       // Number, Bool (0/1), Date (time value), Array (length)
    std::string text;        // String, BigInt (decimal), RegExp source, Error name
    std::string flags;       // RegExp flags
    uint32_t id = 0;         // objects: their number in serialization order; Ref: the target
    std::vector<std::pair<std::string, CloneNode>> props;  // own enumerable string keys
    std::vector<CloneNode> items;  // Array elements, Map k,v,k,v..., Set items, TypedArray: [buffer]
    std::vector<uint8_t> bytes;    // ArrayBuffer contents (moved, not copied, when transferred)
    uint8_t typed_kind = 0;
    size_t byte_offset = 0, length = 0;
    std::shared_ptr<js::SharedBytes> shared;  // SharedArrayBuffer: the block itself, by reference
    std::shared_ptr<void> port;               // Port: the transferred port's state (message_port.h)
    bool transferred = false;                 // ArrayBuffer in the transfer list
};

// What postMessage's transfer list moves instead of copying.
struct TransferList {
    std::vector<js::JsArrayBuffer*> buffers;  // detached in the sender once serialized
    // MessagePort objects and what the runtime carries for each.
    std::vector<std::pair<js::JsObject*, std::shared_ptr<void>>> ports;
};

// Throws a DataCloneError (a JS exception) for what cannot be cloned.
// Buffers in `transfer` move into the tree and are detached in `isolate`.
CloneNode serialize_value(js::Isolate& isolate, js::Value value, const TransferList& transfer = {});
// Rebuilds the value as its receiver: `make_port` turns a transferred port
// back into an object of the receiving isolate, and the bytes of transferred
// buffers move out of `node`, so a tree is consumed once when it carries
// transfers. No default for `make_port`: with one, a call on a non-const
// tree that meant to copy would silently consume it instead.
using PortFactory = std::function<js::Value(const std::shared_ptr<void>& port)>;
js::Value deserialize_value(js::Isolate& isolate, CloneNode& node, const PortFactory& make_port);
// Rebuilds a copy and leaves `node` intact (transferred bytes are copied).
js::Value deserialize_value(js::Isolate& isolate, const CloneNode& node);
// Bytes a message costs on the wire (for the cost model).
size_t clone_size(const CloneNode& node);
// The top-level type of a message, for the trace's message events.
trace::MessagePayload payload_type(const CloneNode& node);

}  // namespace looplab::node
