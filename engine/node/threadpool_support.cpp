#include "engine/node/threadpool_support.h"

#include <cerrno>

#include "engine/js/buffer.h"
#include "engine/js/object.h"
#include "engine/js/operations.h"
#include "engine/js/promise.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"

namespace looplab::node {

using js::Value;

namespace {

struct UvError {
    int err;
    std::string_view code;
    std::string_view description;
};

// libuv's uv-common.c UV_ERRNO_MAP, the entries looplab can produce.
constexpr UvError kUvErrors[] = {
    {EPERM, "EPERM", "operation not permitted"},
    {ENOENT, "ENOENT", "no such file or directory"},
    {EBADF, "EBADF", "bad file descriptor"},
    {EACCES, "EACCES", "permission denied"},
    {EEXIST, "EEXIST", "file already exists"},
    {ENOTDIR, "ENOTDIR", "not a directory"},
    {EISDIR, "EISDIR", "illegal operation on a directory"},
    {EINVAL, "EINVAL", "invalid argument"},
    {EMFILE, "EMFILE", "too many open files"},
    {EFBIG, "EFBIG", "file too large"},
    {ENOSPC, "ENOSPC", "no space left on device"},
    {ENOTEMPTY, "ENOTEMPTY", "directory not empty"},
    {EADDRINUSE, "EADDRINUSE", "address already in use"},
    {ECONNREFUSED, "ECONNREFUSED", "connection refused"},
    {ECONNRESET, "ECONNRESET", "connection reset by peer"},
    {EPIPE, "EPIPE", "broken pipe"},
};

const UvError* find(int err) {
    for (const UvError& e : kUvErrors) {
        if (e.err == err) return &e;
    }
    return nullptr;
}

}  // namespace

std::string_view uv_code(int err) {
    const UvError* e = find(err);
    return e ? e->code : "EIO";
}

std::string_view uv_description(int err) {
    const UvError* e = find(err);
    return e ? e->description : "i/o error";
}

Value make_uv_error(js::Isolate& isolate, int err, std::string_view syscall, std::string_view path,
                    std::string_view dest) {
    std::string message = std::string(uv_code(err)) + ": " + std::string(uv_description(err)) + ", " +
                          std::string(syscall);
    if (!path.empty()) message += " '" + std::string(path) + "'";
    if (!dest.empty()) message += " -> '" + std::string(dest) + "'";
    Value error = isolate.new_error(js::ErrorType::Error, message);
    js::JsObject* e = error.as_object();
    js::create_data_property(isolate, e, isolate.intern("errno"), Value::number(-err));
    js::create_data_property(isolate, e, isolate.intern("code"), isolate.intern(uv_code(err)));
    js::create_data_property(isolate, e, isolate.intern("syscall"), isolate.intern(syscall));
    if (!path.empty()) js::create_data_property(isolate, e, isolate.intern("path"), isolate.new_string(std::string(path)));
    if (!dest.empty()) js::create_data_property(isolate, e, isolate.intern("dest"), isolate.new_string(std::string(dest)));
    return error;
}

void run_node_callback(NodeProcess& p, Value fn, std::vector<Value> args) {
    p.callback_scope([&] { p.call_callback(fn, Value::undefined(), args, trace::Rule::PoolCallbackInPoll); });
}

void settle_promise(NodeProcess& p, js::JsObject* promise, bool fulfilled, Value value) {
    js::Isolate& isolate = p.isolate();
    p.callback_scope([&] {
        if (fulfilled) js::resolve_promise(isolate, promise, value);
        else js::reject_promise(isolate, promise, value);
    });
}

bool is_bytes_like(Value v) {
    return v.is_object() && (v.as_object()->cls == js::ObjectClass::TypedArray);
}

std::string bytes_arg(js::Isolate& isolate, Value v, std::string_view name, std::string_view encoding) {
    if (v.is_string()) {
        js::BufferEncoding enc = js::BufferEncoding::Utf8;
        js::parse_buffer_encoding(encoding, &enc);
        std::vector<uint8_t> bytes = js::encode_string(v.as_string()->str(), enc);
        return std::string(bytes.begin(), bytes.end());
    }
    if (is_bytes_like(v)) {
        std::span<const uint8_t> bytes = js::buffer_bytes(static_cast<js::JsTypedArray*>(v.as_object()));
        return std::string(bytes.begin(), bytes.end());
    }
    module_support::throw_invalid_arg_type(isolate, name, "string or an instance of Buffer, TypedArray, or DataView", v);
}

Value new_buffer_value(js::Isolate& isolate, std::string_view bytes) {
    return Value::object(js::new_buffer(isolate, std::vector<uint8_t>(bytes.begin(), bytes.end())));
}

Value callback_arg(js::Isolate& isolate, const js::CallArgs& call, size_t index) {
    Value cb = call.arg(index);
    if (!js::is_callable(cb)) module_support::throw_invalid_arg_type(isolate, "cb", "function", cb);
    return cb;
}

void queue_with_callback(NodeProcess& p, AsyncOp op, Value callback) {
    PoolWork work;
    work.name = op.name;
    work.cost_ns = op.cost_ns;
    work.run = std::move(op.run);
    work.roots = {callback};
    work.callback = callback;
    work.complete = [finish = std::move(op.finish), callback](NodeProcess& process) {
        js::Isolate& isolate = process.isolate();
        Value error = Value::undefined();
        Value value = Value::undefined();
        finish(isolate, &error, &value);
        if (!error.is_undefined()) run_node_callback(process, callback, {error});
        else run_node_callback(process, callback, {Value::null(), value});
    };
    ThreadPool::of(p).submit(std::move(work));
}

Value queue_with_promise(NodeProcess& p, AsyncOp op) {
    js::JsObject* promise = js::new_promise(p.isolate());
    PoolWork work;
    work.name = op.name;
    work.cost_ns = op.cost_ns;
    work.run = std::move(op.run);
    work.roots = {Value::object(promise)};
    work.complete = [finish = std::move(op.finish), promise](NodeProcess& process) {
        js::Isolate& isolate = process.isolate();
        Value error = Value::undefined();
        Value value = Value::undefined();
        finish(isolate, &error, &value);
        if (!error.is_undefined()) settle_promise(process, promise, false, error);
        else settle_promise(process, promise, true, value);
    };
    ThreadPool::of(p).submit(std::move(work));
    return Value::object(promise);
}

Value run_sync(NodeProcess& p, AsyncOp op) {
    p.record(trace::EventKind::Emit, trace::Rule::SyncCallBlocksLoop, p.intern(op.name));
    p.charge(op.cost_ns);
    if (op.run) op.run();
    Value error = Value::undefined();
    Value value = Value::undefined();
    op.finish(p.isolate(), &error, &value);
    if (!error.is_undefined()) p.isolate().throw_value(error);
    return value;
}

}  // namespace looplab::node
