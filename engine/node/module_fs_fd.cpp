// File descriptors: fs.open, fs.read, fs.write, fs.close, fs.fstat (and
// their Sync forms), the calls fs.ReadStream and fs.WriteStream make. Each
// callback form is one thread-pool request, as in libuv, so a stream's
// reads appear in the pool lanes chunk by chunk.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <fstream>
#include <memory>

#include "engine/js/buffer.h"
#include "engine/js/operations.h"
#include "engine/node/fs_internal.h"
#include "engine/node/inspect.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"

namespace looplab::node {

namespace {

using namespace js;
namespace ms = module_support;

// The access an open() flag string asks for ('r', 'r+', 'w', 'wx', 'a', ...).
struct OpenMode {
    bool read = false;
    bool write = false;
    bool truncate = false;
    bool append = false;
    bool exclusive = false;
};

bool parse_flags(std::string_view flags, OpenMode* mode) {
    static constexpr std::pair<std::string_view, OpenMode> kFlags[] = {
        {"r", {true, false, false, false, false}},    {"rs", {true, false, false, false, false}},
        {"sr", {true, false, false, false, false}},   {"r+", {true, true, false, false, false}},
        {"rs+", {true, true, false, false, false}},   {"sr+", {true, true, false, false, false}},
        {"w", {false, true, true, false, false}},     {"wx", {false, true, true, false, true}},
        {"xw", {false, true, true, false, true}},     {"w+", {true, true, true, false, false}},
        {"wx+", {true, true, true, false, true}},     {"xw+", {true, true, true, false, true}},
        {"a", {false, true, false, true, false}},     {"ax", {false, true, false, true, true}},
        {"xa", {false, true, false, true, true}},     {"as", {false, true, false, true, false}},
        {"sa", {false, true, false, true, false}},    {"a+", {true, true, false, true, false}},
        {"ax+", {true, true, false, true, true}},     {"xa+", {true, true, false, true, true}},
        {"as+", {true, true, false, true, false}},    {"sa+", {true, true, false, true, false}},
    };
    for (const auto& [name, m] : kFlags) {
        if (name == flags) {
            *mode = m;
            return true;
        }
    }
    return false;
}

OpenMode flags_arg(Isolate& isolate, Value v) {
    OpenMode mode;
    if (v.is_undefined() || v.is_null() || is_callable(v)) return OpenMode{true, false, false, false, false};
    const std::string flags = v.is_string() ? v.as_string()->str() : std::string();
    if (!parse_flags(flags, &mode)) {
        ms::throw_node_error(isolate, ErrorType::TypeError, "ERR_INVALID_ARG_VALUE",
                             "The argument 'flags' is invalid. Received " + inspect(isolate, v));
    }
    return mode;
}

int lowest_free_fd(const FsState& state) {
    int fd = 3;  // 0, 1 and 2 are stdio
    for (const auto& [used, file] : state.files) {
        if (used != fd) break;
        ++fd;
    }
    return fd;
}

// Creates or truncates the file on the loop thread (the overlay), then
// records the descriptor. Returns 0 or a positive errno.
int open_file(NodeProcess& p, const std::string& abs, const OpenMode& mode, int* fd) {
    FsState& state = fs_state(p);
    if (state.files.size() >= FsState::kMaxOpenFiles) return EMFILE;
    OpenFile file;
    file.path = abs;
    file.readable = mode.read;
    file.writable = mode.write;
    sim::FileStat st;
    const bool exists = state.sandbox.stat(abs, &st) == 0;
    if (mode.exclusive && exists) return EEXIST;
    if (mode.write && exists && st.is_dir) return EISDIR;
    if (mode.write && (mode.truncate || !exists)) {
        if (const int err = state.sandbox.write(abs, std::string(), false, fs_now_ms(p))) return err;
    }
    if (mode.read || mode.write) {
        const int err = state.sandbox.read(abs, &file.content);
        if (err == EISDIR && !mode.write) file.is_dir = true;
        else if (err != 0) return err;
    }
    *fd = lowest_free_fd(state);
    state.files[*fd] = std::move(file);
    return 0;
}

Value fs_open(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const std::string path = fs_path_arg(isolate, call.arg(0));
    const OpenMode mode = flags_arg(isolate, call.arg(1));
    int fd = -1;
    const int err = open_file(p, fs_state(p).sandbox.absolute(path), mode, &fd);
    AsyncOp op;
    op.name = "fs.open";
    op.cost_ns = fs_syscall_cost(p, 1);
    op.run = [] {};
    op.finish = [=](Isolate& iso, Value* error, Value* value) {
        if (err != 0) *error = make_uv_error(iso, err, "open", path);
        else *value = Value::number(fd);
    };
    return fs_dispatch(isolate, call, std::move(op));
}

OpenFile* file_of(NodeProcess& p, Isolate& isolate, Value fd_value, int* fd) {
    if (!fd_value.is_number() || std::trunc(fd_value.as_number()) != fd_value.as_number()) {
        ms::throw_invalid_arg_type(isolate, "fd", "of type number", fd_value);
    }
    *fd = int(fd_value.as_number());
    auto it = fs_state(p).files.find(*fd);
    return it == fs_state(p).files.end() ? nullptr : &it->second;
}

// Reads [position, position + length) of the file an OpenFile snapshot
// names; runs on a pool thread for host files.
int read_range(const sim::FileContent& content, uint64_t position, uint64_t length, std::string* out) {
    if (content.bytes) {
        const std::string& all = *content.bytes;
        if (position < all.size()) *out = all.substr(position, length);
        return 0;
    }
    std::ifstream in(content.host_path, std::ios::binary);
    if (!in) return EIO;
    in.seekg(std::streamoff(position));
    out->resize(length);
    in.read(out->data(), std::streamsize(length));
    out->resize(size_t(in.gcount()));
    return 0;
}

// fs.read(fd, buffer, offset, length, position, callback(err, bytesRead, buffer))
Value fs_read(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    int fd = -1;
    OpenFile* file = file_of(p, isolate, call.arg(0), &fd);
    Value buffer = call.arg(1);
    if (!is_bytes_like(buffer)) {
        ms::throw_invalid_arg_type(isolate, "buffer", "an instance of Buffer, TypedArray, or DataView", buffer);
    }
    auto* view = static_cast<JsTypedArray*>(buffer.as_object());
    const uint64_t capacity = buffer_bytes(view).size();
    const uint64_t offset = call.arg(2).is_number() ? uint64_t(std::max(0.0, call.arg(2).as_number())) : 0;
    const uint64_t length = call.arg(3).is_number() ? uint64_t(std::max(0.0, call.arg(3).as_number())) : capacity - offset;
    if (offset > capacity || length > capacity - offset) {
        ms::throw_node_error(isolate, ErrorType::RangeError, "ERR_OUT_OF_RANGE",
                             "The value of \"length\" is out of range. It must be <= " +
                                 std::to_string(capacity - std::min(offset, capacity)) + ". Received " +
                                 std::to_string(length));
    }
    const Value position_arg = call.arg(4);
    const bool explicit_position = position_arg.is_number() && position_arg.as_number() >= 0;
    int err = file == nullptr ? EBADF : (file->is_dir ? EISDIR : (!file->readable ? EBADF : 0));
    uint64_t position = 0;
    if (err == 0) {
        position = explicit_position ? uint64_t(position_arg.as_number()) : file->position;
        // A read without a position advances the descriptor's offset now, on
        // the loop thread, so later reads see it in call order.
        if (!explicit_position) file->position += std::min(length, file->content.size - std::min(position, file->content.size));
    }
    auto bytes = std::make_shared<std::string>();
    auto read_err = std::make_shared<int>(err);
    AsyncOp op;
    op.name = "fs.read";
    op.cost_ns = fs_syscall_cost(p, 1, length);
    if (err == 0) {
        op.run = [bytes, read_err, content = file->content, position, length] {
            *read_err = read_range(content, position, length, bytes.get());
        };
    } else {
        op.run = [] {};
    }
    op.finish = [=](Isolate& iso, Value* error, Value* value) {
        if (*read_err != 0) {
            *error = make_uv_error(iso, *read_err, "read");
            return;
        }
        auto* target = static_cast<JsTypedArray*>(buffer.as_object());
        std::span<const uint8_t> dest = buffer_bytes(target);
        std::copy(bytes->begin(), bytes->end(), const_cast<uint8_t*>(dest.data()) + offset);
        *value = Value::number(double(bytes->size()));
    };
    // The callback receives (err, bytesRead, buffer): the buffer rides along
    // as the result's second value.
    if (call.arg(5).is_object() && is_callable(call.arg(5))) {
        const Value cb = call.arg(5);
        AsyncOp with_buffer = std::move(op);
        auto finish = with_buffer.finish;
        PoolWork work;
        work.name = with_buffer.name;
        work.cost_ns = with_buffer.cost_ns;
        work.run = std::move(with_buffer.run);
        work.roots = {cb, buffer};
        work.callback = cb;
        work.complete = [finish, cb, buffer](NodeProcess& process) {
            Value error = Value::undefined();
            Value n = Value::undefined();
            finish(process.isolate(), &error, &n);
            if (!error.is_undefined()) run_node_callback(process, cb, {error});
            else run_node_callback(process, cb, {Value::null(), n, buffer});
        };
        ThreadPool::of(p).submit(std::move(work));
        return Value::undefined();
    }
    return fs_dispatch(isolate, call, std::move(op));
}

// fs.write(fd, buffer|string, ...) appends to the overlay file at once.
Value fs_write(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    int fd = -1;
    OpenFile* file = file_of(p, isolate, call.arg(0), &fd);
    Value data = call.arg(1);
    std::string bytes;
    if (data.is_string()) {
        const Value enc = call.arg(3);
        bytes = bytes_arg(isolate, data, "buffer", enc.is_string() ? enc.as_string()->str() : "utf8");
    } else if (is_bytes_like(data)) {
        bytes = bytes_arg(isolate, data, "buffer");
        const uint64_t offset = call.arg(2).is_number() ? uint64_t(std::max(0.0, call.arg(2).as_number())) : 0;
        const uint64_t length =
            call.arg(3).is_number() ? uint64_t(std::max(0.0, call.arg(3).as_number())) : bytes.size() - std::min<uint64_t>(offset, bytes.size());
        bytes = bytes.substr(std::min<uint64_t>(offset, bytes.size()), length);
    } else {
        ms::throw_invalid_arg_type(isolate, "buffer", "of type string or an instance of Buffer, TypedArray, or DataView",
                                   data);
    }
    int err = file == nullptr || !file->writable ? EBADF : 0;
    const double size = double(bytes.size());
    if (err == 0) err = fs_state(p).sandbox.write(file->path, bytes, true, fs_now_ms(p));
    AsyncOp op;
    op.name = "fs.write";
    op.cost_ns = fs_syscall_cost(p, 1, bytes.size());
    op.run = [] {};
    op.finish = [=](Isolate& iso, Value* error, Value* value) {
        if (err != 0) *error = make_uv_error(iso, err, "write");
        else *value = Value::number(size);
    };
    return fs_dispatch(isolate, call, std::move(op));
}

Value fs_close(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    int fd = -1;
    const int err = file_of(p, isolate, call.arg(0), &fd) == nullptr ? EBADF : 0;
    if (err == 0) fs_state(p).files.erase(fd);
    AsyncOp op;
    op.name = "fs.close";
    op.cost_ns = fs_syscall_cost(p, 1);
    op.run = [] {};
    op.finish = [=](Isolate& iso, Value* error, Value*) {
        if (err != 0) *error = make_uv_error(iso, err, "close");
    };
    return fs_dispatch(isolate, call, std::move(op));
}

struct FdOperation {
    std::string_view name;
    NativeFn fn;
    int length;
};

constexpr FdOperation kFdOperations[] = {
    {"close", fs_close, 1},
    {"open", fs_open, 3},
    {"read", fs_read, 5},
    {"write", fs_write, 4},
};

}  // namespace

void install_fs_fd_functions(Isolate& isolate, JsObject* fs, Value protos) {
    for (const FdOperation& op : kFdOperations) {
        JsFunction* f = ms::export_function(isolate, fs, op.name, op.fn, op.length + 1);
        f->native_data = Value::number(kFsCallback);
        f->native_data2 = protos;
        JsFunction* sync = ms::export_function(isolate, fs, std::string(op.name) + "Sync", op.fn, op.length);
        sync->native_data = Value::number(kFsSync);
        sync->native_data2 = protos;
    }
}

}  // namespace looplab::node
