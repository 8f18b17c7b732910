// The `zlib` module's one-shot API: gzip/gunzip, deflate/inflate,
// deflateRaw/inflateRaw, unzip, each async (on the thread pool) and Sync,
// through the system zlib. Decompressed bytes are exact; compressed bytes
// can differ from node's bundled zlib (Chromium's fork) on some inputs
// (docs/io.md), so scenarios should print sizes as comparisons.
#include <zlib.h>

#include <memory>

#include "engine/js/operations.h"
#include "engine/node/library_delegate.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"
#include "engine/node/threadpool_support.h"

namespace looplab::node {
namespace {

using namespace js;
namespace ms = module_support;

enum class Mode : int { Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip };

struct ZJob {
    std::string input;
    std::string output;
    int level = Z_DEFAULT_COMPRESSION;
    int status = Z_OK;  // zlib's error, Z_OK on success
    std::string message;
};

// The failing stream's message as node reports it (zlib's msg, or the
// description node substitutes).
const char* default_message(int status) {
    switch (status) {
    case Z_BUF_ERROR: return "unexpected end of file";
    case Z_DATA_ERROR: return "invalid data";
    case Z_MEM_ERROR: return "out of memory";
    default: return "zlib error";
    }
}

const char* code_name(int status) {
    switch (status) {
    case Z_NEED_DICT: return "Z_NEED_DICT";
    case Z_STREAM_ERROR: return "Z_STREAM_ERROR";
    case Z_DATA_ERROR: return "Z_DATA_ERROR";
    case Z_MEM_ERROR: return "Z_MEM_ERROR";
    case Z_BUF_ERROR: return "Z_BUF_ERROR";
    default: return "Z_UNKNOWN";
    }
}

void compress(ZJob& job, int window_bits) {
    z_stream s{};
    deflateInit2(&s, job.level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
    s.next_in = reinterpret_cast<Bytef*>(job.input.data());
    s.avail_in = uInt(job.input.size());
    job.output.resize(deflateBound(&s, uLong(job.input.size())) + 16);
    s.next_out = reinterpret_cast<Bytef*>(job.output.data());
    s.avail_out = uInt(job.output.size());
    deflate(&s, Z_FINISH);
    job.output.resize(s.total_out);
    deflateEnd(&s);
}

void decompress(ZJob& job, int window_bits) {
    z_stream s{};
    inflateInit2(&s, window_bits);
    s.next_in = reinterpret_cast<Bytef*>(job.input.data());
    s.avail_in = uInt(job.input.size());
    char chunk[16384];
    int r = Z_OK;
    while (r == Z_OK) {
        s.next_out = reinterpret_cast<Bytef*>(chunk);
        s.avail_out = sizeof chunk;
        r = inflate(&s, Z_NO_FLUSH);
        job.output.append(chunk, sizeof chunk - s.avail_out);
        if (job.output.size() > (256u << 20)) {
            r = Z_MEM_ERROR;
            break;
        }
        if (r == Z_BUF_ERROR && s.avail_in == 0) break;
    }
    if (r == Z_STREAM_END) {
        job.status = Z_OK;
    } else {
        job.status = r == Z_OK ? Z_BUF_ERROR : r;
        job.message = s.msg != nullptr ? s.msg : default_message(job.status);
    }
    inflateEnd(&s);
}

void run_mode(ZJob& job, Mode mode) {
    switch (mode) {
    case Mode::Deflate: compress(job, 15); break;
    case Mode::Gzip: compress(job, 31); break;
    case Mode::DeflateRaw: compress(job, -15); break;
    case Mode::Inflate: decompress(job, 15); break;
    case Mode::Gunzip: decompress(job, 31); break;
    case Mode::InflateRaw: decompress(job, -15); break;
    case Mode::Unzip: decompress(job, 47); break;  // zlib or gzip header, detected
    }
}

constexpr const char* kNames[] = {"deflate", "inflate", "gzip", "gunzip", "deflateRaw", "inflateRaw", "unzip"};

Value zlib_op(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const int raw = int(call.callee->native_data.as_number());
    const Mode mode = Mode(raw & 15);
    const bool sync = (raw & 16) != 0;
    Value buffer = call.arg(0);
    if (!buffer.is_string() && !is_bytes_like(buffer)) {
        ms::throw_invalid_arg_type(isolate, "buffer", "string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer",
                                   buffer);
    }
    auto job = std::make_shared<ZJob>();
    job->input = bytes_arg(isolate, buffer, "buffer");
    Value options = call.arg(1);
    Value cb = Value::undefined();
    if (!sync) {
        cb = is_callable(options) ? options : callback_arg(isolate, call, 2);
    }
    if (options.is_object() && !is_callable(options)) {
        Value level = get(isolate, options, "level");
        if (level.is_number()) job->level = int(level.as_number());
    }
    AsyncOp op;
    op.name = std::string("zlib.") + kNames[int(mode)];
    op.cost_ns = p.costs().zlib_byte_ns * job->input.size();
    op.run = [job, mode] { run_mode(*job, mode); };
    op.finish = [job](Isolate& iso, Value* error, Value* value) {
        if (job->status == Z_OK) {
            *value = new_buffer_value(iso, job->output);
            return;
        }
        Value e = iso.new_error(ErrorType::Error, job->message);
        create_data_property(iso, e.as_object(), iso.intern("errno"), Value::number(job->status));
        create_data_property(iso, e.as_object(), iso.intern("code"), iso.intern(code_name(job->status)));
        *error = e;
    };
    if (sync) return run_sync(p, std::move(op));
    queue_with_callback(p, std::move(op), cb);
    return Value::undefined();
}

}  // namespace

Value create_zlib_module(Isolate& isolate) {
    JsObject* zlib = isolate.new_object();
    for (int m = 0; m < 7; m++) {
        ms::export_function(isolate, zlib, kNames[m], zlib_op, 3)->native_data = Value::number(m);
        ms::export_function(isolate, zlib, std::string(kNames[m]) + "Sync", zlib_op, 2)->native_data =
            Value::number(m | 16);
    }
    JsObject* constants = isolate.new_object();
    for (auto [k, v] : {std::pair{"Z_NO_FLUSH", Z_NO_FLUSH}, {"Z_FINISH", Z_FINISH}, {"Z_OK", Z_OK},
                        {"Z_STREAM_END", Z_STREAM_END}, {"Z_DATA_ERROR", Z_DATA_ERROR}, {"Z_BUF_ERROR", Z_BUF_ERROR},
                        {"Z_BEST_SPEED", Z_BEST_SPEED}, {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
                        {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION}}) {
        ms::export_value(isolate, constants, k, Value::number(v));
    }
    ms::export_value(isolate, zlib, "constants", Value::object(constants));
    // The stream classes are JavaScript (lib/internal/zlib_streams.js).
    for (const char* name : {"Gzip", "Gunzip", "Deflate", "Inflate", "DeflateRaw", "InflateRaw", "Unzip"}) {
        export_library_function(isolate, zlib, name, "internal/zlib_streams", 1);
        export_library_function(isolate, zlib, std::string("create") + name, "internal/zlib_streams", 1);
    }
    return Value::object(zlib);
}

}  // namespace looplab::node
