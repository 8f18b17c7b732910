// The `process` global: an EventEmitter with Node's properties and
// methods. Values that would leak the host (pid, env, paths) are fixed and
// documented in docs/trace-format.md#process.
#include <cmath>

#include "engine/js/error.h"
#include "engine/js/operations.h"
#include "engine/js/string.h"
#include "engine/node/events.h"
#include "engine/node/inspect.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"
#include "engine/node/process_events.h"

namespace looplab::node {

using js::CallArgs;
using js::Isolate;
using js::JsObject;
using js::Value;
namespace ms = module_support;

namespace {

// The environment a scenario sees: never the host's (a shared scenario
// must not read the user's variables). RunConfig cannot add to it yet.
constexpr std::pair<std::string_view, std::string_view> kFixedEnv[] = {
    {"HOME", "/home/learner"}, {"LANG", "C.UTF-8"},      {"PATH", "/usr/local/bin:/usr/bin:/bin"},
    {"SHELL", "/bin/bash"},    {"TERM", "xterm-256color"}, {"USER", "learner"},
};

Value next_tick(Isolate& isolate, const CallArgs& call) {
    Value callback = call.arg(0);
    if (!js::is_callable(callback)) ms::throw_invalid_arg_type(isolate, "callback", "function", callback);
    // task_queues.js nextTick: "if (process._exiting) return;"
    if (process_of(isolate).exiting) return Value::undefined();
    std::vector<Value> args;
    for (size_t i = 1; i < call.size(); i++) args.push_back(call.args[i]);
    process_of(isolate).tasks().queue_tick(callback, std::move(args));
    return Value::undefined();
}

Value process_exit(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    if (!call.arg(0).is_undefined()) js::set(isolate, Value::object(p.process_object), "exitCode", call.arg(0));
    const int code = p.exit_code_or(0);
    if (!p.exiting) {
        p.exiting = true;
        Value arg = Value::number(code);
        p.record(trace::EventKind::Emit, trace::Rule::ExitEvent, p.intern("exit"));
        p.emit("exit", std::span<const Value>(&arg, 1));
    }
    throw ProcessExit{p.exit_code_or(0)};
}

Value process_cwd(Isolate& isolate, const CallArgs&) { return isolate.new_string(process_of(isolate).main_dir); }

Value process_hrtime(Isolate& isolate, const CallArgs& call) {
    const uint64_t ns = process_of(isolate).now_ns();
    double sec = double(ns / 1'000'000'000ULL);
    double nsec = double(ns % 1'000'000'000ULL);
    Value prev = call.arg(0);
    if (prev.is_object() && prev.as_object()->is_array()) {
        auto* a = static_cast<js::JsArray*>(prev.as_object());
        if (a->elements.size() >= 2) {
            sec -= js::to_number(isolate, a->elements[0]);
            nsec -= js::to_number(isolate, a->elements[1]);
            if (nsec < 0) {
                sec -= 1;
                nsec += 1e9;
            }
        }
    }
    Value parts[] = {Value::number(sec), Value::number(nsec)};
    return Value::object(isolate.new_array_from(parts));
}

Value process_hrtime_bigint(Isolate& isolate, const CallArgs&) {
    const uint64_t ns = process_of(isolate).now_ns();
    return Value::bigint(isolate.heap().make<js::JsBigInt>(std::to_string(ns)));
}

Value process_uptime(Isolate& isolate, const CallArgs&) {
    return Value::number(double(process_of(isolate).now_ns()) / 1e9);
}

// A model, not a measurement: a fixed process overhead plus the JS heap.
Value process_memory_usage(Isolate& isolate, const CallArgs&) {
    const double heap = double(isolate.heap().stats().live_bytes);
    JsObject* o = isolate.new_object();
    const double heap_total = std::ceil((heap + 4 * 1048576.0) / 262144.0) * 262144.0;
    js::create_data_property(isolate, o, isolate.intern("rss"), Value::number(40 * 1048576.0 + heap_total));
    js::create_data_property(isolate, o, isolate.intern("heapTotal"), Value::number(heap_total));
    js::create_data_property(isolate, o, isolate.intern("heapUsed"), Value::number(heap));
    js::create_data_property(isolate, o, isolate.intern("external"), Value::number(1048576.0));
    js::create_data_property(isolate, o, isolate.intern("arrayBuffers"), Value::number(10515.0));
    return Value::object(o);
}

Value process_memory_usage_rss(Isolate& isolate, const CallArgs&) {
    const double heap = double(isolate.heap().stats().live_bytes);
    return Value::number(44 * 1048576.0 + std::ceil(heap / 262144.0) * 262144.0);
}

Value process_emit_warning(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    Value warning = call.arg(0);
    std::string type = "Warning";
    std::string code;
    Value opt = call.arg(1);
    if (opt.is_object() && !opt.as_object()->is_callable()) {
        Value t = js::get(isolate, opt, "type");
        if (t.is_string()) type = t.as_string()->str();
        Value c = js::get(isolate, opt, "code");
        if (c.is_string()) code = c.as_string()->str();
    } else if (opt.is_string()) {
        type = opt.as_string()->str();
        if (call.arg(2).is_string()) code = call.arg(2).as_string()->str();
    }
    if (warning.is_object() && warning.as_object()->cls == js::ObjectClass::Error) {
        type = js::to_string(isolate, js::get(isolate, warning, "name"));
        warning = js::get(isolate, warning, "message");
    } else if (!warning.is_string()) {
        ms::throw_invalid_arg_type(isolate, "warning", "string or an instance of Error", warning);
    }
    p.emit_warning(js::to_string(isolate, warning), type, code);
    return Value::undefined();
}

// process.stdout.write(chunk[, encoding][, callback])
Value stream_write(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const Stream stream = call.callee->native_data.is_number() && call.callee->native_data.as_number() == 2
                              ? Stream::Stderr
                              : Stream::Stdout;
    Value chunk = call.arg(0);
    if (chunk.is_string()) {
        p.write(stream, chunk.as_string()->str());
    } else if (chunk.is_object() && chunk.as_object()->cls == js::ObjectClass::TypedArray) {
        auto* ta = static_cast<js::JsTypedArray*>(chunk.as_object());
        const auto* data = reinterpret_cast<const char*>(ta->buffer->data.data()) + ta->byte_offset;
        p.write(stream, std::string_view(data, ta->length * ta->element_size()));
    } else {
        ms::throw_invalid_arg_type(isolate, "chunk", "string or an instance of Buffer or Uint8Array", chunk);
    }
    Value cb = js::is_callable(call.arg(1)) ? call.arg(1) : call.arg(2);
    if (js::is_callable(cb)) p.tasks().queue_tick(cb, {});
    return Value::boolean(true);
}

JsObject* make_stream(NodeProcess& p, int fd) {
    Isolate& isolate = p.isolate();
    JsObject* s = isolate.new_object();
    js::JsFunction* write = isolate.define_method(s, "write", stream_write, 1);
    write->native_data = Value::number(fd);
    isolate.define_value(s, "fd", Value::number(fd), js::kDefaultFlags);
    isolate.define_value(s, "writable", Value::boolean(true), js::kDefaultFlags);
    return s;
}

JsObject* string_map(Isolate& isolate, std::span<const std::pair<std::string_view, std::string_view>> entries) {
    JsObject* o = isolate.new_object();
    for (const auto& [k, v] : entries) {
        js::create_data_property(isolate, o, isolate.intern(k), isolate.new_string(std::string(v)));
    }
    return o;
}

}  // namespace

int NodeProcess::exit_code_or(int fallback) {
    if (process_object == nullptr) return fallback;
    Value code = js::get(*isolate_, Value::object(process_object), "exitCode");
    if (code.is_undefined() || code.is_null()) return fallback;
    const double d = js::to_number(*isolate_, code);
    return std::isfinite(d) ? int(int32_t(js::to_int32(d))) : fallback;
}

void NodeProcess::set_exit_code(int code) {
    js::set(*isolate_, Value::object(process_object), "exitCode", Value::number(code));
}

void NodeProcess::emit_warning(std::string message, std::string type, std::string code) {
    // Node builds the warning now and writes it from a nextTick
    // (process.nextTick(doEmitWarning, warning)); its default 'warning'
    // listener prints "(node:PID) [CODE] Type: message".
    std::string text = "(node:" + std::to_string(kPid) + ") " + (code.empty() ? "" : "[" + code + "] ") + type + ": " +
                       message + "\n";
    if (!warned_once && type != "DeprecationWarning") {
        text += "(Use `node --trace-warnings ...` to show where the warning was created)\n";
        warned_once = true;
    } else if (!warned_once) {
        text += "(Use `node --trace-deprecation ...` to show where the warning was created)\n";
        warned_once = true;
    }
    Value error = js::make_error(*isolate_, js::ErrorType::Error, message);
    js::define_own_property(*isolate_, error.as_object(), isolate_->intern("name"), isolate_->new_string(type),
                            js::kWritable | js::kConfigurable);
    if (!code.empty()) {
        js::create_data_property(*isolate_, error.as_object(), isolate_->intern("code"), isolate_->new_string(code));
    }
    js::JsFunction* emitter = isolate_->new_native_function(
        "emitWarning",
        [](Isolate& isolate, const CallArgs& call) -> Value {
            NodeProcess& p = process_of(isolate);
            Value warning = call.callee->native_data;
            p.emit("warning", std::span<const Value>(&warning, 1));
            p.write(Stream::Stderr, call.callee->native_data2.as_string()->str());
            return Value::undefined();
        },
        0);
    emitter->native_data = error;
    emitter->native_data2 = isolate_->new_string(text);
    tasks_->queue_tick(Value::object(emitter), {});
}

void install_process_object(NodeProcess& p) {
    Isolate& isolate = p.isolate();
    JsObject* proto = install_event_emitter_methods(p);
    JsObject* process = isolate.new_object_with_proto(proto);
    p.process_object = process;
    init_event_emitter(isolate, Value::object(process));
    auto data = [&](std::string_view name, Value v) {
        js::create_data_property(isolate, process, isolate.intern(name), v);
    };
    auto str = [&](std::string_view s) { return isolate.new_string(std::string(s)); };

    data("version", str(kNodeVersion));
    const std::pair<std::string_view, std::string_view> versions[] = {
        {"node", kNodeVersion.substr(1)}, {"acorn", "8.16.0"},   {"ada", "2.9.2"},
        {"ares", "1.34.6"},               {"brotli", "1.1.0"},   {"cjs_module_lexer", "2.2.0"},
        {"cldr", "48.0"},                 {"icu", "78.2"},       {"llhttp", "9.3.1"},
        {"modules", "115"},               {"napi", "9"},         {"nghttp2", "1.61.0"},
        {"openssl", "3.0.19"},            {"simdutf", "6.4.2"},  {"tz", "2025c"},
        {"undici", "6.24.1"},             {"unicode", "17.0"},   {"uv", "1.46.0"},
        {"uvwasi", "0.0.23"},             {"v8", "11.3.244.8-node.38"}, {"zlib", "1.3.1-e00f703"},
    };
    data("versions", Value::object(string_map(isolate, versions)));
    data("arch", str("x64"));
    data("platform", str("linux"));
    const std::pair<std::string_view, std::string_view> release[] = {{"name", "node"}, {"lts", "Iron"}};
    data("release", Value::object(string_map(isolate, release)));
    data("title", str("node"));
    std::vector<Value> argv{str(kExecPath), str(p.main_path)};
    for (const std::string& a : p.config().args) argv.push_back(str(a));
    data("argv", Value::object(isolate.new_array_from(argv)));
    data("execArgv", Value::object(isolate.new_array(0)));
    data("argv0", str("node"));
    data("execPath", str(kExecPath));
    data("env", Value::object(string_map(isolate, kFixedEnv)));
    data("pid", Value::number(kPid));
    data("ppid", Value::number(kPid - 1));
    data("exitCode", Value::undefined());
    data("stdout", Value::object(make_stream(p, 1)));
    data("stderr", Value::object(make_stream(p, 2)));

    isolate.define_method(process, "nextTick", next_tick, 1);
    isolate.define_method(process, "exit", process_exit, 1);
    isolate.define_method(process, "reallyExit", process_exit, 1);
    isolate.define_method(process, "cwd", process_cwd, 0);
    js::JsFunction* hrtime = isolate.define_method(process, "hrtime", process_hrtime, 1);
    isolate.define_method(hrtime, "bigint", process_hrtime_bigint, 0);
    isolate.define_method(process, "uptime", process_uptime, 0);
    js::JsFunction* mem = isolate.define_method(process, "memoryUsage", process_memory_usage, 0);
    isolate.define_method(mem, "rss", process_memory_usage_rss, 0);
    isolate.define_method(process, "emitWarning", process_emit_warning, 3);

    JsObject* global = isolate.realm().global;
    isolate.define_value(global, "process", Value::object(process), js::kHiddenFlags);
    isolate.define_value(global, "global", Value::object(global), js::kHiddenFlags);
}

}  // namespace looplab::node
