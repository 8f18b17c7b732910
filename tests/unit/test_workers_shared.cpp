// Worker threads' data paths without a runtime: structured clone with
// transfer lists (bytes move, the sender's buffer and views detach),
// SharedArrayBuffer by reference across two heaps, Atomics on one isolate,
// and the World's turn order for shared-memory operations.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "engine/js/builtins.h"
#include "engine/js/operations.h"
#include "engine/node/structured_clone.h"
#include "engine/sim/world.h"

using namespace looplab;
using namespace looplab::js;

namespace {

struct NoHost final : HostHooks {
    void enqueue_promise_job(Isolate&, PromiseJob) override {}
    void promise_rejection_tracker(Isolate&, JsObject*, RejectionOperation) override {}
    double now_ms(Isolate&) override { return 0; }
};

struct Heap1 {
    Isolate isolate;
    NoHost host;
    Heap1() {
        isolate.host = &host;
        install_builtins(isolate);
    }
    Value construct(const char* ctor, std::initializer_list<Value> args) {
        std::vector<Value> list(args);
        Value c = get(isolate, Value::object(isolate.realm().global), ctor);
        return isolate.construct(c, list, c);
    }
    Value atomics(const char* method, std::initializer_list<Value> args) {
        std::vector<Value> list(args);
        return call_method(isolate, get(isolate, Value::object(isolate.realm().global), "Atomics"), method, list);
    }
};

JsArrayBuffer* buffer_of(Value v) { return static_cast<JsArrayBuffer*>(v.as_object()); }
JsTypedArray* typed(Value v) { return static_cast<JsTypedArray*>(v.as_object()); }

}  // namespace

TEST_CASE("structured clone: a transferred ArrayBuffer moves its bytes and detaches the sender's views") {
    Heap1 a, b;
    Value ab = a.construct("ArrayBuffer", {Value::number(8)});
    Value view = a.construct("Uint8Array", {ab});
    for (size_t i = 0; i < 8; i++) typed(view)->store(i, double(i + 1));
    const uint8_t* bytes_before = buffer_of(ab)->data.data();
    node::TransferList transfer;
    transfer.buffers.push_back(buffer_of(ab));
    node::CloneNode tree = node::serialize_value(a.isolate, view, transfer);
    CHECK(buffer_of(ab)->detached);
    CHECK(buffer_of(ab)->data.size() == 0);
    CHECK(typed(view)->length == 0);
    Value copy = node::deserialize_value(b.isolate, tree);
    (void)copy;
    Value moved = node::deserialize_value(b.isolate, tree, {});
    JsTypedArray* out = typed(moved);
    REQUIRE(out->length == 8);
    CHECK(out->load(7) == 8);
    // Same bytes, not a copy: the vector's storage travelled.
    CHECK(out->buffer->data.data() == bytes_before);
}

TEST_CASE("structured clone: a transfer tree consumed twice gives an error, not a view past its buffer") {
    Heap1 a, b;
    Value ab = a.construct("ArrayBuffer", {Value::number(8)});
    Value view = a.construct("Float64Array", {ab});
    node::TransferList transfer;
    transfer.buffers.push_back(buffer_of(ab));
    node::CloneNode tree = node::serialize_value(a.isolate, view, transfer);
    CHECK(typed(node::deserialize_value(b.isolate, tree, {}))->length == 1);
    std::string message;
    try {
        node::deserialize_value(b.isolate, tree, {});
    } catch (const JsException& e) {
        message = to_string(b.isolate, get(b.isolate, e.value, "message"));
    }
    CHECK(message == "Unable to deserialize cloned data.");
}

TEST_CASE("structured clone: a detached buffer cannot be cloned, only transferred (as an empty one)") {
    Heap1 a, b;
    Value ab = a.construct("ArrayBuffer", {Value::number(4)});
    node::TransferList transfer;
    transfer.buffers.push_back(buffer_of(ab));
    node::serialize_value(a.isolate, ab, transfer);
    REQUIRE(buffer_of(ab)->detached);
    std::string name;
    try {
        node::serialize_value(a.isolate, ab);
    } catch (const JsException& e) {
        name = to_string(a.isolate, get(a.isolate, e.value, "name"));
    }
    CHECK(name == "DataCloneError");
    node::CloneNode again = node::serialize_value(a.isolate, ab, transfer);
    CHECK(buffer_of(node::deserialize_value(b.isolate, again, {}))->data.size() == 0);
}

TEST_CASE("structured clone: payload types for the trace's message events") {
    Heap1 a;
    CHECK(node::payload_type(node::serialize_value(a.isolate, a.isolate.new_string("x"))) ==
          trace::MessagePayload::String);
    CHECK(node::payload_type(node::serialize_value(a.isolate, a.construct("Map", {}))) == trace::MessagePayload::Map);
    CHECK(node::payload_type(node::serialize_value(a.isolate, a.construct("Uint8Array", {Value::number(2)}))) ==
          trace::MessagePayload::TypedArray);
    CHECK(node::payload_type(node::serialize_value(a.isolate, Value::null())) == trace::MessagePayload::Null);
}

TEST_CASE("structured clone: a typed array met after its transferred buffer keeps its length") {
    Heap1 a, b;
    Value ab = a.construct("ArrayBuffer", {Value::number(4)});
    Value view = a.construct("Uint16Array", {ab, Value::number(2), Value::number(1)});
    Value pair = Value::object(a.isolate.new_array_from(std::vector<Value>{ab, view}));
    node::TransferList transfer;
    transfer.buffers.push_back(buffer_of(ab));
    node::CloneNode tree = node::serialize_value(a.isolate, pair, transfer);
    Value out = node::deserialize_value(b.isolate, tree, {});
    JsTypedArray* t = typed(get(b.isolate, out, Value::number(1)));
    CHECK(t->length == 1);
    CHECK(t->byte_offset == 2);
    CHECK(t->buffer == buffer_of(get(b.isolate, out, Value::number(0))));
}

TEST_CASE("structured clone: duplicate transfers throw DataCloneError and detach nothing") {
    Heap1 a;
    Value ab = a.construct("ArrayBuffer", {Value::number(4)});
    node::TransferList transfer;
    transfer.buffers = {buffer_of(ab), buffer_of(ab)};
    std::string name;
    try {
        node::serialize_value(a.isolate, ab, transfer);
    } catch (const JsException& e) {
        name = to_string(a.isolate, get(a.isolate, e.value, "name"));
    }
    CHECK(name == "DataCloneError");
    CHECK(buffer_of(ab)->data.size() == 4);
}

TEST_CASE("SharedArrayBuffer: cloned by reference, two heaps see one block") {
    Heap1 a, b;
    Value sab = a.construct("SharedArrayBuffer", {Value::number(8)});
    node::CloneNode tree = node::serialize_value(a.isolate, sab);
    Value other = node::deserialize_value(b.isolate, tree);
    REQUIRE(buffer_of(other)->shared);
    Value ia = a.construct("Int32Array", {sab});
    Value ib = b.construct("Int32Array", {other});
    a.atomics("store", {ia, Value::number(1), Value::number(41)});
    b.atomics("add", {ib, Value::number(1), Value::number(1)});
    CHECK(a.atomics("load", {ia, Value::number(1)}).as_number() == 42);
    CHECK(buffer_of(sab)->data.shared_block() == buffer_of(other)->data.shared_block());
}

TEST_CASE("Atomics: read-modify-write results in the element's width") {
    Heap1 a;
    Value u8 = a.construct("Uint8Array", {Value::number(2)});
    CHECK(a.atomics("add", {u8, Value::number(0), Value::number(300)}).as_number() == 0);
    CHECK(a.atomics("load", {u8, Value::number(0)}).as_number() == 44);
    CHECK(a.atomics("sub", {u8, Value::number(1), Value::number(1)}).as_number() == 0);
    CHECK(a.atomics("load", {u8, Value::number(1)}).as_number() == 255);
    Value i8 = a.construct("Int8Array", {Value::number(1)});
    a.atomics("store", {i8, Value::number(0), Value::number(-1)});
    CHECK(a.atomics("compareExchange", {i8, Value::number(0), Value::number(-1), Value::number(5)}).as_number() == -1);
    CHECK(a.atomics("load", {i8, Value::number(0)}).as_number() == 5);
}

TEST_CASE("world: shared-memory turns follow virtual time whatever the host threads") {
    for (uint32_t host_threads : {1u, 2u, 8u}) {
        sim::WorldConfig config;
        config.host_threads = host_threads;
        config.window_ns = 100;
        sim::World world(config);
        std::vector<uint32_t> ids;
        for (int i = 0; i < 3; i++) ids.push_back(*world.add_isolate(0));
        std::vector<std::pair<uint64_t, uint32_t>> order;  // written only in turn
        for (uint32_t id : ids) {
            world.start_thread(id, [&world, &order, id] {
                uint64_t now = 0;
                for (int k = 0; k < 20; k++) {
                    now += 10 + 7 * id;
                    world.take_turn(id, now);
                    order.emplace_back(now, id);
                }
                world.finish(id, now);
            });
        }
        world.join_all();
        REQUIRE(order.size() == 60);
        for (size_t i = 1; i < order.size(); i++) CHECK(order[i - 1] <= order[i]);
    }
}
