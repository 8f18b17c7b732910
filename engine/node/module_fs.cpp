// The `fs` module and `fs/promises` over the file sandbox
// (engine/sim/file_sandbox.h). Every operation exists in three shapes, as
// in Node: fs.x(..., callback) on the thread pool, fs.xSync(...) on the
// loop thread (blocking it for the operation's cost), fs.promises.x(...)
// on the pool. One native per operation; the shape is the function's
// native_data (kCallback, kSync, kPromise).
//
// Sandbox changes (writes, unlinks, mkdirs) are applied when the call is
// made, on the loop thread, so the overlay's history is deterministic;
// reading a file's bytes from disk happens on a pool thread.
#include <cerrno>
#include <memory>

#include "engine/js/buffer.h"
#include "engine/js/operations.h"
#include "engine/node/fs_internal.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"
#include "engine/node/threadpool_support.h"
#include "engine/sim/file_sandbox.h"

namespace looplab::node {

js::Value create_fs_promises_module(js::Isolate& isolate);

namespace {

using namespace js;
namespace ms = module_support;
using sim::FileSandbox;

using Shape = FsShape;
constexpr Shape kCallback = kFsCallback;
constexpr Shape kSync = kFsSync;
constexpr Shape kPromise = kFsPromise;

FileSandbox& sandbox(NodeProcess& p) { return fs_state(p).sandbox; }

Shape shape_of(const CallArgs& call) { return Shape(int(call.callee->native_data.as_number())); }

}  // namespace

FsState& fs_state(NodeProcess& p) {
    if (!p.fs_state) p.fs_state = std::make_shared<FsState>(p.main_dir, p.main_dir);
    return *static_cast<FsState*>(p.fs_state.get());
}

// path: string or Buffer (URL objects: their pathname).
std::string fs_path_arg(Isolate& isolate, Value v, std::string_view name) {
    if (v.is_string()) return v.as_string()->str();
    if (is_bytes_like(v)) return bytes_arg(isolate, v, name);
    if (v.is_object()) {
        Value href = get(isolate, v, "href");
        Value pathname = get(isolate, v, "pathname");
        if (href.is_string() && pathname.is_string()) return pathname.as_string()->str();
    }
    ms::throw_invalid_arg_type(isolate, name, "string or an instance of Buffer or URL", v);
}

double fs_now_ms(NodeProcess& p) { return sim::kEpochMs + double(p.now_ns() / sim::kNsPerMs); }

// Dispatches an operation in the shape the native was created for. For the
// callback shape, the callback is the last argument.
Value fs_dispatch(Isolate& isolate, const CallArgs& call, AsyncOp op) {
    NodeProcess& p = process_of(isolate);
    switch (shape_of(call)) {
    case kSync: return run_sync(p, std::move(op));
    case kPromise: return queue_with_promise(p, std::move(op));
    case kCallback: break;
    }
    Value cb = call.size() ? call.args[call.size() - 1] : Value::undefined();
    if (!is_callable(cb)) ms::throw_invalid_arg_type(isolate, "cb", "function", cb);
    queue_with_callback(p, std::move(op), cb);
    return Value::undefined();
}

uint64_t fs_syscall_cost(NodeProcess& p, int syscalls, uint64_t bytes) {
    return uint64_t(syscalls) * p.costs().fs_syscall_ns + bytes * p.costs().fs_byte_ns;
}

namespace {

std::string path_arg(Isolate& isolate, Value v, std::string_view name = "path") { return fs_path_arg(isolate, v, name); }

// The encoding of an options argument: 'utf8' or { encoding: 'utf8' }.
std::string encoding_option(Isolate& isolate, Value options) {
    if (options.is_string()) return options.as_string()->str();
    if (options.is_object() && !is_callable(options)) {
        Value e = get(isolate, options, "encoding");
        if (e.is_string()) return e.as_string()->str();
    }
    return {};
}

bool bool_option(Isolate& isolate, Value options, std::string_view key) {
    return options.is_object() && !is_callable(options) && to_boolean(get(isolate, options, key));
}

double now_ms(NodeProcess& p) { return fs_now_ms(p); }

Value dispatch(Isolate& isolate, const CallArgs& call, AsyncOp op) { return fs_dispatch(isolate, call, std::move(op)); }

// An operation whose whole effect happened on the loop thread: its result
// is an error (err != 0) or `make` called at delivery.
AsyncOp settled(std::string name, uint64_t cost, int err, std::string syscall, std::string path, std::string dest,
                std::function<Value(Isolate&)> make) {
    AsyncOp op;
    op.name = std::move(name);
    op.cost_ns = cost;
    op.run = [] {};
    op.finish = [=](Isolate& isolate, Value* error, Value* value) {
        if (err != 0) *error = make_uv_error(isolate, err, syscall, path, dest);
        else *value = make ? make(isolate) : Value::undefined();
    };
    return op;
}

// ---- Stats and Dirent ----

Value new_date(Isolate& isolate, double ms) {
    Value ctor = get(isolate, Value::object(isolate.realm().global), "Date");
    Value arg = Value::number(ms);
    return isolate.construct(ctor, std::span<const Value>(&arg, 1), ctor);
}

Value stats_is(Isolate& isolate, const CallArgs& call, uint32_t type) {
    const uint32_t mode = to_uint32(isolate, get(isolate, call.this_value, "mode"));
    return Value::boolean((mode & 0170000) == type);
}
Value stats_is_file(Isolate& i, const CallArgs& c) { return stats_is(i, c, 0100000); }
Value stats_is_directory(Isolate& i, const CallArgs& c) { return stats_is(i, c, 040000); }
Value stats_is_symlink(Isolate& i, const CallArgs& c) { return stats_is(i, c, 0120000); }
Value stats_false(Isolate&, const CallArgs&) { return Value::boolean(false); }

Value stats_ctor(Isolate&, const CallArgs&) { return Value::undefined(); }

// Stats.prototype, built once per isolate and kept on the fs module's
// statSync function (native_data is one Value per function, so the
// prototype hangs off a property of the constructor).
JsObject* stats_prototype(Isolate& isolate, std::string_view class_name) {
    JsFunction* ctor = isolate.new_native_function(class_name, stats_ctor, 0, true);
    JsObject* proto = isolate.new_object();
    isolate.define_value(proto, "constructor", Value::object(ctor));
    isolate.define_value(ctor, "prototype", Value::object(proto));
    if (class_name == "Stats") {
        isolate.define_method(proto, "isFile", stats_is_file, 0);
        isolate.define_method(proto, "isDirectory", stats_is_directory, 0);
        isolate.define_method(proto, "isSymbolicLink", stats_is_symlink, 0);
    }
    for (const char* m : {"isFIFO", "isSocket", "isCharacterDevice", "isBlockDevice"}) {
        isolate.define_method(proto, m, stats_false, 0);
    }
    return proto;
}

// Stats.prototype and Dirent.prototype of this isolate: made once with the
// module and kept in every fs native's native_data2 (the module cache
// roots them).
struct Protos {
    JsObject* stats;
    JsObject* dirent;
};

Protos protos_of(Isolate& isolate, const CallArgs& call) {
    Value holder = call.callee->native_data2;
    return Protos{get(isolate, holder, "stats").as_object(), get(isolate, holder, "dirent").as_object()};
}

Value make_stats(Isolate& isolate, JsObject* proto, const sim::FileStat& st) {
    JsObject* s = isolate.new_object_with_proto(proto);
    auto put = [&](std::string_view k, Value v) { create_data_property(isolate, s, isolate.intern(k), v); };
    const double blocks = double((st.size + 4095) / 4096 * 8);
    put("dev", Value::number(2049));
    put("mode", Value::number(st.mode));
    put("nlink", Value::number(st.is_dir ? 2 : 1));
    put("uid", Value::number(1000));
    put("gid", Value::number(1000));
    put("rdev", Value::number(0));
    put("blksize", Value::number(4096));
    put("ino", Value::number(double(st.ino)));
    put("size", Value::number(double(st.size)));
    put("blocks", Value::number(blocks));
    for (const char* k : {"atimeMs", "mtimeMs", "ctimeMs", "birthtimeMs"}) put(k, Value::number(st.mtime_ms));
    for (const char* k : {"atime", "mtime", "ctime", "birthtime"}) put(k, new_date(isolate, st.mtime_ms));
    return Value::object(s);
}

Value dirent_is_file(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(!to_boolean(get(isolate, call.this_value, "\x01is_dir")));
}
Value dirent_is_directory(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(to_boolean(get(isolate, call.this_value, "\x01is_dir")));
}

Value make_dirent(Isolate& isolate, JsObject* proto, const sim::DirEntry& e, const std::string& dir) {
    JsObject* d = isolate.new_object_with_proto(proto);
    create_data_property(isolate, d, isolate.intern("name"), isolate.new_string(e.name));
    create_data_property(isolate, d, isolate.intern("path"), isolate.new_string(dir));
    isolate.define_value(d, "\x01is_dir", Value::boolean(e.is_dir));
    return Value::object(d);
}

// ---- the operations ----

uint64_t syscall_cost(NodeProcess& p, int syscalls, uint64_t bytes = 0) { return fs_syscall_cost(p, syscalls, bytes); }

Value fs_read_file(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const std::string path = path_arg(isolate, call.arg(0));
    const std::string encoding = encoding_option(isolate, call.arg(1));
    BufferEncoding enc = BufferEncoding::Utf8;
    if (!encoding.empty() && !parse_buffer_encoding(encoding, &enc)) {
        ms::throw_node_error(isolate, ErrorType::TypeError, "ERR_INVALID_ARG_VALUE",
                             "The argument 'encoding' is invalid encoding. Received '" + encoding + "'");
    }
    sim::FileContent content;
    const int err = sandbox(p).read(sandbox(p).absolute(path), &content);
    // open, fstat, read, close
    AsyncOp op;
    op.name = "fs.readFile";
    op.cost_ns = syscall_cost(p, 4, content.size);
    auto bytes = std::make_shared<std::string>();
    auto read_err = std::make_shared<int>(err);
    if (err == 0 && content.bytes) {
        op.run = [bytes, src = content.bytes] { *bytes = *src; };
    } else if (err == 0) {
        op.run = [bytes, read_err, host = content.host_path] { *read_err = FileSandbox::read_host_file(host, bytes.get()); };
    } else {
        op.run = [] {};
    }
    op.finish = [=](Isolate& iso, Value* error, Value* value) {
        if (*read_err != 0) {
            *error = make_uv_error(iso, *read_err, "open", path);
        } else if (encoding.empty()) {
            *value = new_buffer_value(iso, *bytes);
        } else {
            *value = iso.new_string(decode_bytes(std::span<const uint8_t>(
                                                     reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size()),
                                                 enc));
        }
    };
    return dispatch(isolate, call, std::move(op));
}

Value write_common(Isolate& isolate, const CallArgs& call, bool append) {
    NodeProcess& p = process_of(isolate);
    const std::string path = path_arg(isolate, call.arg(0), "file");
    Value options = call.arg(2);
    std::string encoding = encoding_option(isolate, options);
    if (encoding.empty()) encoding = "utf8";
    Value data = call.arg(1);
    if (!data.is_string() && !is_bytes_like(data)) {
        ms::throw_invalid_arg_type(isolate, "data", "string or an instance of Buffer, TypedArray, or DataView", data);
    }
    std::string bytes = bytes_arg(isolate, data, "data", encoding);
    bool do_append = append;
    if (options.is_object() && !is_callable(options)) {
        Value flag = get(isolate, options, "flag");
        if (flag.is_string() && flag.as_string()->str().starts_with("a")) do_append = true;
    }
    const uint64_t size = bytes.size();
    const int err = sandbox(p).write(sandbox(p).absolute(path), std::move(bytes), do_append, now_ms(p));
    return dispatch(isolate, call,
                    settled(append ? "fs.appendFile" : "fs.writeFile", syscall_cost(p, 3, size), err, "open", path, {},
                            nullptr));
}

Value fs_write_file(Isolate& isolate, const CallArgs& call) { return write_common(isolate, call, false); }
Value fs_append_file(Isolate& isolate, const CallArgs& call) { return write_common(isolate, call, true); }

Value stat_common(Isolate& isolate, const CallArgs& call, const char* syscall) {
    NodeProcess& p = process_of(isolate);
    const std::string path = path_arg(isolate, call.arg(0));
    sim::FileStat st;
    const int err = sandbox(p).stat(sandbox(p).absolute(path), &st);
    // statSync(path, { throwIfNoEntry: false }) returns undefined for ENOENT.
    if (err == ENOENT && shape_of(call) == kSync && call.arg(1).is_object() &&
        !to_boolean(get(isolate, call.arg(1), "throwIfNoEntry")) &&
        !get(isolate, call.arg(1), "throwIfNoEntry").is_undefined()) {
        return Value::undefined();
    }
    return dispatch(isolate, call,
                    settled(std::string("fs.") + syscall, syscall_cost(p, 1), err, syscall, path, {},
                            [st, proto = protos_of(isolate, call).stats](Isolate& iso) {
                                return make_stats(iso, proto, st);
                            }));
}

Value fs_stat(Isolate& isolate, const CallArgs& call) { return stat_common(isolate, call, "stat"); }
Value fs_lstat(Isolate& isolate, const CallArgs& call) { return stat_common(isolate, call, "lstat"); }

Value fs_readdir(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const std::string path = path_arg(isolate, call.arg(0));
    const bool with_types = bool_option(isolate, call.arg(1), "withFileTypes");
    const std::string abs = sandbox(p).absolute(path);
    std::vector<sim::DirEntry> entries;
    const int err = sandbox(p).readdir(abs, &entries);
    return dispatch(isolate, call,
                    settled("fs.readdir", syscall_cost(p, 2 + int(entries.size() / 32)), err, "scandir", path, {},
                            [entries, with_types, path, proto = protos_of(isolate, call).dirent](Isolate& iso) {
                                JsArray* out = iso.new_array(0);
                                for (const sim::DirEntry& e : entries) {
                                    out->elements.push_back(with_types ? make_dirent(iso, proto, e, path)
                                                                       : iso.new_string(e.name));
                                }
                                return Value::object(out);
                            }));
}

Value fs_unlink(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const std::string path = path_arg(isolate, call.arg(0));
    const int err = sandbox(p).unlink(sandbox(p).absolute(path));
    return dispatch(isolate, call, settled("fs.unlink", syscall_cost(p, 1), err, "unlink", path, {}, nullptr));
}

Value fs_mkdir(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const std::string path = path_arg(isolate, call.arg(0));
    const bool recursive = bool_option(isolate, call.arg(1), "recursive");
    const std::string abs = sandbox(p).absolute(path);
    sim::FileStat st;
    const bool existed = sandbox(p).stat(abs, &st) == 0;
    const int err = sandbox(p).mkdir(abs, recursive, now_ms(p));
    // mkdir({recursive: true}) returns the first directory it created.
    const bool created = !existed && err == 0 && recursive;
    return dispatch(isolate, call,
                    settled("fs.mkdir", syscall_cost(p, 1), err, "mkdir", path, {}, [created, abs](Isolate& iso) {
                        return created ? iso.new_string(abs) : Value::undefined();
                    }));
}

Value fs_rmdir(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const std::string path = path_arg(isolate, call.arg(0));
    const int err = sandbox(p).rmdir(sandbox(p).absolute(path));
    return dispatch(isolate, call, settled("fs.rmdir", syscall_cost(p, 1), err, "rmdir", path, {}, nullptr));
}

Value fs_rm(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const std::string path = path_arg(isolate, call.arg(0));
    const bool recursive = bool_option(isolate, call.arg(1), "recursive");
    const bool force = bool_option(isolate, call.arg(1), "force");
    const int err = sandbox(p).rm(sandbox(p).absolute(path), recursive, force);
    if (err == EISDIR) {
        // Node validates before touching anything: ERR_FS_EISDIR.
        Value e = ms::make_node_error(isolate, ErrorType::Error, "ERR_FS_EISDIR",
                                      "Path is a directory: rm returned EISDIR (is a directory) " + path);
        if (shape_of(call) == kSync) isolate.throw_value(e);
    }
    return dispatch(isolate, call,
                    settled("fs.rm", syscall_cost(p, 2), err, err == ENOENT ? "lstat" : "rm", path, {}, nullptr));
}

Value fs_rename(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const std::string from = path_arg(isolate, call.arg(0), "oldPath");
    const std::string to = path_arg(isolate, call.arg(1), "newPath");
    const int err = sandbox(p).rename(sandbox(p).absolute(from), sandbox(p).absolute(to), now_ms(p));
    return dispatch(isolate, call, settled("fs.rename", syscall_cost(p, 1), err, "rename", from, to, nullptr));
}

Value fs_access(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const std::string path = path_arg(isolate, call.arg(0));
    const int err = sandbox(p).access(sandbox(p).absolute(path));
    return dispatch(isolate, call, settled("fs.access", syscall_cost(p, 1), err, "access", path, {}, nullptr));
}

Value fs_exists_sync(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    Value v = call.arg(0);
    if (!v.is_string() && !is_bytes_like(v)) return Value::boolean(false);
    p.charge(p.costs().fs_syscall_ns);
    sim::FileStat st;
    return Value::boolean(sandbox(p).stat(sandbox(p).absolute(path_arg(isolate, v)), &st) == 0);
}

// fs.exists(path, callback(exists)): the deprecated form without an error.
Value fs_exists(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    Value cb = callback_arg(isolate, call, 1);
    sim::FileStat st;
    const bool exists = call.arg(0).is_string() &&
                        sandbox(p).stat(sandbox(p).absolute(call.arg(0).as_string()->str()), &st) == 0;
    PoolWork work;
    work.name = "fs.exists";
    work.cost_ns = syscall_cost(p, 1);
    work.run = [] {};
    work.roots = {cb};
    work.complete = [cb, exists](NodeProcess& process) { run_node_callback(process, cb, {Value::boolean(exists)}); };
    ThreadPool::of(p).submit(std::move(work));
    return Value::undefined();
}

struct Operation {
    std::string_view name;
    NativeFn fn;
    int length;
};

constexpr Operation kOperations[] = {
    {"access", fs_access, 2},   {"appendFile", fs_append_file, 3}, {"lstat", fs_lstat, 2},
    {"mkdir", fs_mkdir, 2},     {"readFile", fs_read_file, 2},     {"readdir", fs_readdir, 2},
    {"rename", fs_rename, 2},   {"rm", fs_rm, 2},                  {"rmdir", fs_rmdir, 2},
    {"stat", fs_stat, 2},       {"unlink", fs_unlink, 1},          {"writeFile", fs_write_file, 3},
};

JsObject* make_promises(Isolate& isolate, Value protos) {
    JsObject* promises = isolate.new_object();
    for (const Operation& op : kOperations) {
        JsFunction* f = ms::export_function(isolate, promises, op.name, op.fn, op.length);
        f->native_data = Value::number(kPromise);
        f->native_data2 = protos;
    }
    return promises;
}

Value make_protos(Isolate& isolate) {
    JsObject* holder = isolate.new_object_with_proto(nullptr);
    JsObject* stats = stats_prototype(isolate, "Stats");
    JsObject* dirent = stats_prototype(isolate, "Dirent");
    isolate.define_method(dirent, "isFile", dirent_is_file, 0);
    isolate.define_method(dirent, "isDirectory", dirent_is_directory, 0);
    isolate.define_method(dirent, "isSymbolicLink", stats_false, 0);
    create_data_property(isolate, holder, isolate.intern("stats"), Value::object(stats));
    create_data_property(isolate, holder, isolate.intern("dirent"), Value::object(dirent));
    return Value::object(holder);
}

}  // namespace

Value create_fs_module(Isolate& isolate) {
    JsObject* fs = isolate.new_object();
    const Value protos = make_protos(isolate);
    for (const Operation& op : kOperations) {
        JsFunction* f = ms::export_function(isolate, fs, op.name, op.fn, op.length + 1);
        f->native_data = Value::number(kCallback);
        f->native_data2 = protos;
        JsFunction* sync = ms::export_function(isolate, fs, std::string(op.name) + "Sync", op.fn, op.length);
        sync->native_data = Value::number(kSync);
        sync->native_data2 = protos;
    }
    ms::export_function(isolate, fs, "exists", fs_exists, 2);
    ms::export_function(isolate, fs, "existsSync", fs_exists_sync, 1);
    JsObject* constants = isolate.new_object();
    for (auto [k, v] : {std::pair{"F_OK", 0}, {"R_OK", 4}, {"W_OK", 2}, {"X_OK", 1}}) {
        ms::export_value(isolate, constants, k, Value::number(v));
        ms::export_value(isolate, fs, k, Value::number(v));
    }
    ms::export_value(isolate, fs, "constants", Value::object(constants));
    install_fs_fd_functions(isolate, fs, protos);
    install_fs_streams(isolate, fs);
    ms::export_value(isolate, fs, "promises", Value::object(make_promises(isolate, protos)));
    return Value::object(fs);
}

// require('fs/promises') is the very object fs.promises holds.
Value create_fs_promises_module(Isolate& isolate) {
    NodeProcess& p = process_of(isolate);
    return get(isolate, p.modules->require(nullptr, "fs"), "promises");
}

}  // namespace looplab::node
