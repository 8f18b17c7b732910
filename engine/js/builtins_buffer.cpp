// Node's Buffer: a Uint8Array whose prototype is Buffer.prototype, with the
// encodings and the read/write helpers scenarios use (lib/buffer.js).
//
// Buffer.allocUnsafe returns zeroed memory: determinism over speed.
#include <cmath>
#include <cstring>

#include "engine/js/buffer.h"
#include "engine/js/builtins.h"
#include "engine/js/builtins_b_common.h"
#include "engine/js/error.h"
#include "engine/js/typed_array_internal.h"

namespace looplab::js {

using namespace builtins_detail;

namespace {

// ---------------------------------------------------------------- Node errors

// An error as lib/internal/errors.js makes it: `code` own and enumerable,
// and the stack header "RangeError [ERR_X]: message".
[[noreturn]] void throw_node_error(Isolate& isolate, ErrorType type, const char* code, const std::string& message) {
    Value error = make_error(isolate, type, message);
    std::string stack = to_string(isolate, get(isolate, error, "stack"));
    size_t colon = stack.find(':');
    if (colon != std::string::npos) stack.insert(colon, std::string(" [") + code + "]");
    define_own_property(isolate, error.as_object(), isolate.intern("stack"), isolate.new_string(stack), kHiddenFlags);
    create_data_property(isolate, error.as_object(), isolate.intern("code"), isolate.intern(code));
    isolate.throw_value(error);
}

[[noreturn]] void throw_out_of_range(Isolate& isolate, const char* what, const std::string& range, Value received) {
    throw_node_error(isolate, ErrorType::RangeError, "ERR_OUT_OF_RANGE",
                     std::string("The value of \"") + what + "\" is out of range. It must be " + range +
                         ". Received " + to_string(isolate, received));
}

std::string received_description(Isolate& isolate, Value v) {
    if (v.is_nullish()) return std::string("Received ") + (v.is_null() ? "null" : "undefined");
    if (v.is_object()) return is_callable(v) ? "Received function" : "Received an instance of Object";
    std::string type = type_of(v);
    std::string shown = v.is_string() ? "'" + to_string(isolate, v) + "'" : to_string(isolate, v);
    return "Received type " + type + " (" + shown + ")";
}

// ---------------------------------------------------------------- encodings

constexpr const char* kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr const char* kBase64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}

// Node's decoder accepts both alphabets, skips other characters and stops at '='.
std::vector<uint8_t> decode_base64(std::string_view text) {
    std::vector<uint8_t> out;
    uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=') break;
        int v = base64_value(c);
        if (v < 0) continue;
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<uint8_t>(acc >> bits));
        }
    }
    return out;
}

std::string encode_base64(std::span<const uint8_t> bytes, bool url) {
    const char* alphabet = url ? kBase64Url : kBase64;
    std::string out;
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        uint32_t n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        for (int shift = 18; shift >= 0; shift -= 6) out += alphabet[(n >> shift) & 63];
    }
    size_t rest = bytes.size() - i;
    if (rest > 0) {
        uint32_t n = bytes[i] << 16;
        if (rest == 2) n |= bytes[i + 1] << 8;
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        if (rest == 2) out += alphabet[(n >> 6) & 63];
        if (!url) out += rest == 2 ? "=" : "==";
    }
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// WTF-8 lone surrogates (ED A0..BF xx) become U+FFFD, as V8's UTF-8 encoder does.
std::vector<uint8_t> encode_utf8(std::string_view text) {
    std::vector<uint8_t> out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<uint8_t>(text[i]);
        if (c == 0xED && i + 2 < text.size() && static_cast<uint8_t>(text[i + 1]) >= 0xA0) {
            out.insert(out.end(), {0xEF, 0xBF, 0xBD});
            i += 2;
            continue;
        }
        out.push_back(c);
    }
    return out;
}

// WHATWG UTF-8 decode: each maximal invalid subpart becomes one U+FFFD.
std::string decode_utf8(std::span<const uint8_t> bytes) {
    std::string out;
    out.reserve(bytes.size());
    size_t i = 0;
    while (i < bytes.size()) {
        uint8_t c = bytes[i];
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        int need = 0;
        uint8_t lower = 0x80, upper = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) need = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0) lower = 0xA0;
            if (c == 0xED) upper = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0) lower = 0x90;
            if (c == 0xF4) upper = 0x8F;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        size_t j = i + 1;
        int got = 0;
        while (got < need && j < bytes.size()) {
            uint8_t b = bytes[j];
            if (b < lower || b > upper) break;
            lower = 0x80;
            upper = 0xBF;
            ++j;
            ++got;
        }
        if (got == need) {
            out.append(reinterpret_cast<const char*>(bytes.data() + i), j - i);
        } else {
            out += "\xEF\xBF\xBD";
        }
        i = j;
    }
    return out;
}

// ---------------------------------------------------------------- helpers

JsTypedArray* this_buffer_view(Isolate& isolate, Value v, const char* method) { return this_typed_array(isolate, v, method); }

std::span<uint8_t> mutable_bytes(JsTypedArray* a) { return {typed_array_data(a), a->length * a->element_size()}; }

BufferEncoding encoding_arg(Isolate& isolate, Value v, BufferEncoding fallback = BufferEncoding::Utf8) {
    if (v.is_undefined() || v.is_null()) return fallback;
    std::string name = to_string(isolate, v);
    BufferEncoding e;
    if (!parse_buffer_encoding(name, &e)) throw_node_error(isolate, ErrorType::TypeError, "ERR_UNKNOWN_ENCODING", "Unknown encoding: " + name);
    return e;
}

Value make_buffer(Isolate& isolate, std::vector<uint8_t> bytes) { return Value::object(new_buffer(isolate, std::move(bytes))); }

size_t checked_size(Isolate& isolate, Value v) {
    if (!v.is_number()) {
        throw_node_error(isolate, ErrorType::TypeError, "ERR_INVALID_ARG_TYPE",
                         "The \"size\" argument must be of type number. " + received_description(isolate, v));
    }
    double d = v.as_number();
    if (!(d >= 0 && d <= 4294967296.0)) throw_out_of_range(isolate, "size", ">= 0 && <= 4294967296", v);
    return static_cast<size_t>(d);
}

void fill_bytes(Isolate& isolate, std::span<uint8_t> target, Value fill, BufferEncoding encoding) {
    if (target.empty()) return;
    if (fill.is_number()) {
        std::memset(target.data(), static_cast<int>(to_uint32(fill.as_number()) & 255), target.size());
        return;
    }
    std::vector<uint8_t> pattern;
    if (fill.is_object() && fill.as_object()->cls == ObjectClass::TypedArray) {
        auto bytes = buffer_bytes(static_cast<JsTypedArray*>(fill.as_object()));
        pattern.assign(bytes.begin(), bytes.end());
    } else {
        pattern = encode_string(to_string(isolate, fill), encoding);
    }
    if (pattern.empty()) {
        std::memset(target.data(), 0, target.size());
        return;
    }
    for (size_t i = 0; i < target.size(); ++i) target[i] = pattern[i % pattern.size()];
}

// ---------------------------------------------------------------- statics

Value buffer_from_value(Isolate& isolate, Value value, Value encoding_or_offset, Value length) {
    if (value.is_string()) {
        return make_buffer(isolate, encode_string(value.as_string()->view(), encoding_arg(isolate, encoding_or_offset)));
    }
    if (value.is_object()) {
        JsObject* o = value.as_object();
        if (o->cls == ObjectClass::ArrayBuffer) {
            // A view sharing the memory.
            auto* ab = static_cast<JsArrayBuffer*>(o);
            double offset = encoding_or_offset.is_undefined() ? 0 : to_integer_or_infinity(isolate, encoding_or_offset);
            double max = static_cast<double>(ab->data.size()) - offset;
            if (offset < 0 || max < 0) throw_node_error(isolate, ErrorType::RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", "\"offset\" is outside of buffer bounds");
            double len = length.is_undefined() ? max : to_integer_or_infinity(isolate, length);
            if (len > max) throw_node_error(isolate, ErrorType::RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", "\"length\" is outside of buffer bounds");
            return Value::object(isolate.heap().make<JsTypedArray>(isolate.realm().buffer_prototype, TypedArrayKind::Uint8, ab,
                                                                   static_cast<size_t>(offset), static_cast<size_t>(std::max(len, 0.0))));
        }
        if (o->cls == ObjectClass::TypedArray) {
            auto* src = static_cast<JsTypedArray*>(o);
            std::vector<uint8_t> bytes(src->length);
            for (size_t i = 0; i < src->length; ++i) bytes[i] = static_cast<uint8_t>(to_uint32(src->load(i)) & 255);
            return make_buffer(isolate, std::move(bytes));
        }
        Value len_value = get(isolate, value, "length");
        if (!len_value.is_undefined() || o->cls == ObjectClass::Array) {
            uint64_t len = length_of_array_like(isolate, o);
            std::vector<uint8_t> bytes(len);
            for (uint64_t i = 0; i < len; ++i) {
                bytes[i] = static_cast<uint8_t>(to_uint32(isolate, get(isolate, value, Value::number(static_cast<double>(i)))) & 255);
            }
            return make_buffer(isolate, std::move(bytes));
        }
        // {type: 'Buffer', data: [...]} (what toJSON produced).
        Value data = get(isolate, value, "data");
        if (is_array(data) && to_string(isolate, get(isolate, value, "type")) == "Buffer") {
            return buffer_from_value(isolate, data, Value::undefined(), Value::undefined());
        }
    }
    throw_node_error(isolate, ErrorType::TypeError, "ERR_INVALID_ARG_TYPE",
                     "The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an "
                     "Array-like Object. " + received_description(isolate, value));
}

Value buffer_from(Isolate& isolate, const CallArgs& call) {
    return buffer_from_value(isolate, call.arg(0), call.arg(1), call.arg(2));
}

// new Buffer(x) / Buffer(x): deprecated in Node, still works like from/alloc.
Value buffer_function(Isolate& isolate, const CallArgs& call) {
    if (call.arg(0).is_number()) return make_buffer(isolate, std::vector<uint8_t>(checked_size(isolate, call.arg(0))));
    return buffer_from_value(isolate, call.arg(0), call.arg(1), call.arg(2));
}

Value buffer_alloc(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* b = new_buffer(isolate, std::vector<uint8_t>(checked_size(isolate, call.arg(0))));
    if (!call.arg(1).is_undefined()) fill_bytes(isolate, mutable_bytes(b), call.arg(1), encoding_arg(isolate, call.arg(2)));
    return Value::object(b);
}

Value buffer_alloc_unsafe(Isolate& isolate, const CallArgs& call) {
    return make_buffer(isolate, std::vector<uint8_t>(checked_size(isolate, call.arg(0))));
}

Value buffer_byte_length(Isolate& isolate, const CallArgs& call) {
    Value v = call.arg(0);
    if (v.is_object() && (v.as_object()->cls == ObjectClass::TypedArray)) {
        return Value::number(static_cast<double>(buffer_bytes(static_cast<JsTypedArray*>(v.as_object())).size()));
    }
    if (v.is_object() && v.as_object()->cls == ObjectClass::ArrayBuffer) {
        return Value::number(static_cast<double>(static_cast<JsArrayBuffer*>(v.as_object())->data.size()));
    }
    if (!v.is_string()) {
        throw_node_error(isolate, ErrorType::TypeError, "ERR_INVALID_ARG_TYPE",
                         "The \"string\" argument must be of type string or an instance of Buffer or ArrayBuffer. " +
                             received_description(isolate, v));
    }
    return Value::number(static_cast<double>(encode_string(v.as_string()->view(), encoding_arg(isolate, call.arg(1))).size()));
}

Value buffer_is_buffer(Isolate& isolate, const CallArgs& call) { return Value::boolean(is_buffer(isolate, call.arg(0))); }

Value buffer_is_encoding(Isolate& isolate, const CallArgs& call) {
    BufferEncoding e;
    return Value::boolean(call.arg(0).is_string() && parse_buffer_encoding(to_string(isolate, call.arg(0)), &e));
}

std::span<const uint8_t> bytes_arg(Isolate& isolate, Value v, const char* name) {
    if (!v.is_object() || v.as_object()->cls != ObjectClass::TypedArray) {
        throw_node_error(isolate, ErrorType::TypeError, "ERR_INVALID_ARG_TYPE",
                         std::string("The \"") + name + "\" argument must be an instance of Buffer or Uint8Array. " +
                             received_description(isolate, v));
    }
    return buffer_bytes(static_cast<JsTypedArray*>(v.as_object()));
}

int compare_bytes(std::span<const uint8_t> a, std::span<const uint8_t> b) {
    int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
    if (c != 0) return c < 0 ? -1 : 1;
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    return 0;
}

Value buffer_compare(Isolate& isolate, const CallArgs& call) {
    return Value::number(compare_bytes(bytes_arg(isolate, call.arg(0), "buf1"), bytes_arg(isolate, call.arg(1), "buf2")));
}

Value buffer_concat(Isolate& isolate, const CallArgs& call) {
    Value list = call.arg(0);
    if (!is_array(list)) {
        throw_node_error(isolate, ErrorType::TypeError, "ERR_INVALID_ARG_TYPE",
                         "The \"list\" argument must be an instance of Array. " + received_description(isolate, list));
    }
    std::vector<uint8_t> bytes;
    auto* array = static_cast<JsArray*>(list.as_object());
    for (size_t i = 0; i < array->elements.size(); ++i) {
        std::string name = "list[" + std::to_string(i) + "]";
        auto part = bytes_arg(isolate, array->elements[i], name.c_str());
        bytes.insert(bytes.end(), part.begin(), part.end());
    }
    if (!call.arg(1).is_undefined()) bytes.resize(static_cast<size_t>(std::max(0.0, to_integer_or_infinity(isolate, call.arg(1)))), 0);
    return make_buffer(isolate, std::move(bytes));
}

// ---------------------------------------------------------------- prototype

Value buf_to_string(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* b = this_buffer_view(isolate, call.this_value, "toString");
    auto bytes = buffer_bytes(b);
    double len = static_cast<double>(bytes.size());
    double start = call.arg(1).is_undefined() ? 0 : std::clamp(to_integer_or_infinity(isolate, call.arg(1)), 0.0, len);
    double end = call.arg(2).is_undefined() ? len : std::clamp(to_integer_or_infinity(isolate, call.arg(2)), 0.0, len);
    if (end <= start) return isolate.intern("");
    auto slice = bytes.subspan(static_cast<size_t>(start), static_cast<size_t>(end - start));
    return isolate.new_string(decode_bytes(slice, encoding_arg(isolate, call.arg(0))));
}

Value buf_equals(Isolate& isolate, const CallArgs& call) {
    auto a = buffer_bytes(this_buffer_view(isolate, call.this_value, "equals"));
    return Value::boolean(compare_bytes(a, bytes_arg(isolate, call.arg(0), "otherBuffer")) == 0);
}

Value buf_compare(Isolate& isolate, const CallArgs& call) {
    auto a = buffer_bytes(this_buffer_view(isolate, call.this_value, "compare"));
    return Value::number(compare_bytes(a, bytes_arg(isolate, call.arg(0), "target")));
}

Value buf_to_json(Isolate& isolate, const CallArgs& call) {
    auto bytes = buffer_bytes(this_buffer_view(isolate, call.this_value, "toJSON"));
    std::vector<Value> data;
    for (uint8_t byte : bytes) data.push_back(Value::number(byte));
    JsObject* o = isolate.new_object();
    create_data_property(isolate, o, isolate.intern("type"), isolate.intern("Buffer"));
    create_data_property(isolate, o, isolate.intern("data"), Value::object(isolate.new_array_from(data)));
    return Value::object(o);
}

// buf.slice / buf.subarray: views on the same memory.
Value buf_subarray(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* b = this_buffer_view(isolate, call.this_value, "subarray");
    double len = static_cast<double>(b->length);
    double from = relative_index(isolate, call.arg(0), len, 0);
    double to = relative_index(isolate, call.arg(1), len, len);
    size_t count = to > from ? static_cast<size_t>(to - from) : 0;
    return Value::object(isolate.heap().make<JsTypedArray>(b->proto, TypedArrayKind::Uint8, b->buffer,
                                                           b->byte_offset + static_cast<size_t>(from), count));
}

// buf.write(string[, offset[, length]][, encoding])
Value buf_write(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* b = this_buffer_view(isolate, call.this_value, "write");
    Value offset_v = call.arg(1), length_v = call.arg(2), encoding_v = call.arg(3);
    if (offset_v.is_string()) {
        encoding_v = offset_v;
        offset_v = length_v = Value::undefined();
    } else if (length_v.is_string()) {
        encoding_v = length_v;
        length_v = Value::undefined();
    }
    size_t offset = offset_v.is_undefined() ? 0 : static_cast<size_t>(std::max(0.0, to_integer_or_infinity(isolate, offset_v)));
    if (offset > b->length) throw_out_of_range(isolate, "offset", ">= 0 && <= " + std::to_string(b->length), offset_v);
    size_t room = b->length - offset;
    size_t length = length_v.is_undefined() ? room : std::min(room, static_cast<size_t>(std::max(0.0, to_integer_or_infinity(isolate, length_v))));
    BufferEncoding encoding = encoding_arg(isolate, encoding_v);
    std::vector<uint8_t> bytes = encode_string(to_string(isolate, call.arg(0)), encoding);
    size_t count = std::min(length, bytes.size());
    if (encoding == BufferEncoding::Utf8 && count < bytes.size()) {
        while (count > 0 && (bytes[count] & 0xC0) == 0x80) --count;  // never split a character
    }
    std::memcpy(typed_array_data(b) + offset, bytes.data(), count);
    return Value::number(static_cast<double>(count));
}

Value buf_fill(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* b = this_buffer_view(isolate, call.this_value, "fill");
    Value offset_v = call.arg(1), end_v = call.arg(2), encoding_v = call.arg(3);
    if (offset_v.is_string()) {
        encoding_v = offset_v;
        offset_v = end_v = Value::undefined();
    } else if (end_v.is_string()) {
        encoding_v = end_v;
        end_v = Value::undefined();
    }
    double len = static_cast<double>(b->length);
    double offset = offset_v.is_undefined() ? 0 : to_integer_or_infinity(isolate, offset_v);
    double end = end_v.is_undefined() ? len : to_integer_or_infinity(isolate, end_v);
    if (offset < 0 || offset > len) throw_out_of_range(isolate, "offset", ">= 0 && <= " + number_to_string(len), offset_v);
    if (end < 0 || end > len) throw_out_of_range(isolate, "end", ">= 0 && <= " + number_to_string(len), end_v);
    if (end > offset) {
        fill_bytes(isolate, mutable_bytes(b).subspan(static_cast<size_t>(offset), static_cast<size_t>(end - offset)),
                   call.arg(0), encoding_arg(isolate, encoding_v));
    }
    return call.this_value;
}

// indexOf / lastIndexOf / includes with a string, Buffer or byte value.
Value buf_search(Isolate& isolate, const CallArgs& call, int mode) {  // 0 indexOf, 1 includes, 2 lastIndexOf
    auto hay = buffer_bytes(this_buffer_view(isolate, call.this_value, "indexOf"));
    Value needle_v = call.arg(0);
    std::vector<uint8_t> needle;
    Value encoding_v = call.arg(2);
    Value offset_v = call.arg(1);
    if (offset_v.is_string()) {
        encoding_v = offset_v;
        offset_v = Value::undefined();
    }
    if (needle_v.is_number()) {
        needle.push_back(static_cast<uint8_t>(to_uint32(needle_v.as_number()) & 255));
    } else if (needle_v.is_string()) {
        needle = encode_string(needle_v.as_string()->view(), encoding_arg(isolate, encoding_v));
    } else {
        auto bytes = bytes_arg(isolate, needle_v, "value");
        needle.assign(bytes.begin(), bytes.end());
    }
    double len = static_cast<double>(hay.size());
    double from = offset_v.is_undefined() ? (mode == 2 ? len : 0) : to_integer_or_infinity(isolate, offset_v);
    if (from < 0) from = std::max(0.0, from + len);
    long found = -1;
    if (mode == 2) {
        for (double i = std::min(from, len - static_cast<double>(needle.size())); i >= 0; --i) {
            if (std::memcmp(hay.data() + static_cast<size_t>(i), needle.data(), needle.size()) == 0) {
                found = static_cast<long>(i);
                break;
            }
        }
    } else if (from <= len) {
        auto it = std::search(hay.begin() + static_cast<long>(from), hay.end(), needle.begin(), needle.end());
        if (it != hay.end() || needle.empty()) found = it - hay.begin();
    }
    if (mode == 1) return Value::boolean(found >= 0);
    return Value::number(static_cast<double>(found));
}
Value buf_index_of(Isolate& isolate, const CallArgs& call) { return buf_search(isolate, call, 0); }
Value buf_includes(Isolate& isolate, const CallArgs& call) { return buf_search(isolate, call, 1); }
Value buf_last_index_of(Isolate& isolate, const CallArgs& call) { return buf_search(isolate, call, 2); }

// buf.copy(target[, targetStart[, sourceStart[, sourceEnd]]])
Value buf_copy(Isolate& isolate, const CallArgs& call) {
    auto source = buffer_bytes(this_buffer_view(isolate, call.this_value, "copy"));
    Value target_v = call.arg(0);
    bytes_arg(isolate, target_v, "target");
    auto* target = static_cast<JsTypedArray*>(target_v.as_object());
    auto dest = mutable_bytes(target);
    auto arg_or = [&](size_t i, double fallback) {
        return call.arg(i).is_undefined() ? fallback : std::max(0.0, to_integer_or_infinity(isolate, call.arg(i)));
    };
    double target_start = arg_or(1, 0), source_start = arg_or(2, 0);
    double source_end = std::min(arg_or(3, static_cast<double>(source.size())), static_cast<double>(source.size()));
    if (target_start >= static_cast<double>(dest.size()) || source_start >= source_end) return Value::number(0);
    size_t count = static_cast<size_t>(std::min(source_end - source_start, static_cast<double>(dest.size()) - target_start));
    std::memmove(dest.data() + static_cast<size_t>(target_start), source.data() + static_cast<size_t>(source_start), count);
    return Value::number(static_cast<double>(count));
}

// ---- readUInt8 ... writeDoubleBE: native_data encodes (kind, little-endian).

struct NumberAccess {
    const char* read_name;
    const char* write_name;
    TypedArrayKind kind;
    bool little;
    const char* alias_read;  // the lower-case "Uint" alias Node also exports, or null
    const char* alias_write;
};

constexpr NumberAccess kAccessors[] = {
    {"readUInt8", "writeUInt8", TypedArrayKind::Uint8, true, "readUint8", "writeUint8"},
    {"readInt8", "writeInt8", TypedArrayKind::Int8, true, nullptr, nullptr},
    {"readUInt16LE", "writeUInt16LE", TypedArrayKind::Uint16, true, "readUint16LE", "writeUint16LE"},
    {"readUInt16BE", "writeUInt16BE", TypedArrayKind::Uint16, false, "readUint16BE", "writeUint16BE"},
    {"readInt16LE", "writeInt16LE", TypedArrayKind::Int16, true, nullptr, nullptr},
    {"readInt16BE", "writeInt16BE", TypedArrayKind::Int16, false, nullptr, nullptr},
    {"readUInt32LE", "writeUInt32LE", TypedArrayKind::Uint32, true, "readUint32LE", "writeUint32LE"},
    {"readUInt32BE", "writeUInt32BE", TypedArrayKind::Uint32, false, "readUint32BE", "writeUint32BE"},
    {"readInt32LE", "writeInt32LE", TypedArrayKind::Int32, true, nullptr, nullptr},
    {"readInt32BE", "writeInt32BE", TypedArrayKind::Int32, false, nullptr, nullptr},
    {"readFloatLE", "writeFloatLE", TypedArrayKind::Float32, true, nullptr, nullptr},
    {"readFloatBE", "writeFloatBE", TypedArrayKind::Float32, false, nullptr, nullptr},
    {"readDoubleLE", "writeDoubleLE", TypedArrayKind::Float64, true, nullptr, nullptr},
    {"readDoubleBE", "writeDoubleBE", TypedArrayKind::Float64, false, nullptr, nullptr},
};

size_t kind_size(TypedArrayKind kind) {
    JsTypedArray probe(nullptr, kind, nullptr, 0, 0);
    return probe.element_size();
}

Value buf_number_access(Isolate& isolate, const CallArgs& call, bool is_write) {
    JsTypedArray* b = this_buffer_view(isolate, call.this_value, is_write ? "write" : "read");
    int code = static_cast<int>(call.callee->native_data.as_number());
    auto kind = static_cast<TypedArrayKind>(code >> 1);
    bool little = code & 1;
    size_t size = kind_size(kind);
    Value offset_v = call.arg(is_write ? 1 : 0);
    double offset = offset_v.is_undefined() ? 0 : to_number(isolate, offset_v);
    if (!offset_v.is_undefined() && !offset_v.is_number()) {
        throw_node_error(isolate, ErrorType::TypeError, "ERR_INVALID_ARG_TYPE",
                         "The \"offset\" argument must be of type number. " + received_description(isolate, offset_v));
    }
    double max = static_cast<double>(b->length) - static_cast<double>(size);
    if (max < 0) throw_node_error(isolate, ErrorType::RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", "Attempt to access memory outside buffer bounds");
    if (offset != std::floor(offset)) throw_out_of_range(isolate, "offset", "an integer", offset_v);
    if (offset < 0 || offset > max) throw_out_of_range(isolate, "offset", ">= 0 and <= " + number_to_string(max), offset_v);
    uint8_t* p = typed_array_data(b) + static_cast<size_t>(offset);
    JsArrayBuffer scratch(nullptr);
    scratch.data.assign(8, 0);
    JsTypedArray cell(nullptr, kind, &scratch, 0, 1);
    if (is_write) {
        store_number(&cell, 0, to_number(isolate, call.arg(0)));
        if (!little) std::reverse(scratch.data.begin(), scratch.data.begin() + static_cast<long>(size));
        std::memcpy(p, scratch.data.data(), size);
        return Value::number(offset + static_cast<double>(size));
    }
    std::memcpy(scratch.data.data(), p, size);
    if (!little) std::reverse(scratch.data.begin(), scratch.data.begin() + static_cast<long>(size));
    return Value::number(cell.load(0));
}
Value buf_read(Isolate& isolate, const CallArgs& call) { return buf_number_access(isolate, call, false); }
Value buf_write_number(Isolate& isolate, const CallArgs& call) { return buf_number_access(isolate, call, true); }

void install_number_accessors(Isolate& isolate, JsObject* proto) {
    for (const NumberAccess& a : kAccessors) {
        Value code = Value::number((static_cast<int>(a.kind) << 1) | (a.little ? 1 : 0));
        JsFunction* read = isolate.define_method(proto, a.read_name, buf_read, 0);
        read->native_data = code;
        JsFunction* write = isolate.define_method(proto, a.write_name, buf_write_number, 1);
        write->native_data = code;
        if (a.alias_read) {
            isolate.define_value(proto, a.alias_read, Value::object(read));
            isolate.define_value(proto, a.alias_write, Value::object(write));
        }
    }
}

}  // namespace

// ---------------------------------------------------------------- buffer.h

bool parse_buffer_encoding(std::string_view name, BufferEncoding* out) {
    std::string lower;
    for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (lower == "utf8" || lower == "utf-8") *out = BufferEncoding::Utf8;
    else if (lower == "hex") *out = BufferEncoding::Hex;
    else if (lower == "base64") *out = BufferEncoding::Base64;
    else if (lower == "base64url") *out = BufferEncoding::Base64Url;
    else if (lower == "latin1" || lower == "binary") *out = BufferEncoding::Latin1;
    else if (lower == "ascii") *out = BufferEncoding::Ascii;
    else if (lower == "utf16le" || lower == "utf-16le" || lower == "ucs2" || lower == "ucs-2") *out = BufferEncoding::Utf16le;
    else return false;
    return true;
}

std::vector<uint8_t> encode_string(std::string_view utf8, BufferEncoding encoding) {
    switch (encoding) {
        case BufferEncoding::Utf8: return encode_utf8(utf8);
        case BufferEncoding::Hex: {
            // Node stops at the first pair that is not two hex digits.
            std::vector<uint8_t> out;
            for (size_t i = 0; i + 1 < utf8.size(); i += 2) {
                int hi = hex_value(utf8[i]), lo = hex_value(utf8[i + 1]);
                if (hi < 0 || lo < 0) break;
                out.push_back(static_cast<uint8_t>(hi * 16 + lo));
            }
            return out;
        }
        case BufferEncoding::Base64:
        case BufferEncoding::Base64Url: return decode_base64(utf8);
        case BufferEncoding::Latin1:
        case BufferEncoding::Ascii: {
            std::vector<uint8_t> out;
            for (char16_t unit : utf8_to_utf16(utf8)) out.push_back(static_cast<uint8_t>(unit & 0xFF));
            return out;
        }
        case BufferEncoding::Utf16le: {
            std::vector<uint8_t> out;
            for (char16_t unit : utf8_to_utf16(utf8)) {
                out.push_back(static_cast<uint8_t>(unit & 0xFF));
                out.push_back(static_cast<uint8_t>(unit >> 8));
            }
            return out;
        }
    }
    return {};
}

std::string decode_bytes(std::span<const uint8_t> bytes, BufferEncoding encoding) {
    switch (encoding) {
        case BufferEncoding::Utf8: return decode_utf8(bytes);
        case BufferEncoding::Hex: {
            static const char* digits = "0123456789abcdef";
            std::string out;
            for (uint8_t b : bytes) {
                out += digits[b >> 4];
                out += digits[b & 15];
            }
            return out;
        }
        case BufferEncoding::Base64: return encode_base64(bytes, false);
        case BufferEncoding::Base64Url: return encode_base64(bytes, true);
        case BufferEncoding::Latin1:
        case BufferEncoding::Ascii: {
            std::string out;
            for (uint8_t b : bytes) append_code_point(out, encoding == BufferEncoding::Ascii ? (b & 0x7F) : b);
            return out;
        }
        case BufferEncoding::Utf16le: {
            std::u16string units;
            for (size_t i = 0; i + 1 < bytes.size(); i += 2) units += static_cast<char16_t>(bytes[i] | (bytes[i + 1] << 8));
            return utf16_to_utf8(units);
        }
    }
    return {};
}

JsTypedArray* new_buffer(Isolate& isolate, std::vector<uint8_t> bytes) {
    JsArrayBuffer* storage = new_array_buffer(isolate, 0);
    size_t length = bytes.size();
    isolate.heap().note_growth(length);
    storage->data = std::move(bytes);
    return isolate.heap().make<JsTypedArray>(isolate.realm().buffer_prototype, TypedArrayKind::Uint8, storage, 0, length);
}

std::span<const uint8_t> buffer_bytes(JsTypedArray* array) {
    return {array->buffer->data.data() + array->byte_offset, array->length * array->element_size()};
}

bool is_buffer(Isolate& isolate, Value v) {
    if (!v.is_object() || v.as_object()->cls != ObjectClass::TypedArray) return false;
    for (JsObject* p = v.as_object()->proto; p != nullptr; p = p->proto) {
        if (p == isolate.realm().buffer_prototype) return true;
    }
    return false;
}

void install_buffer_builtins(Isolate& isolate) {
    Realm& realm = isolate.realm();
    JsObject* proto = isolate.new_object_with_proto(realm.uint8array_prototype);
    realm.buffer_prototype = proto;
    JsFunction* ctor = make_constructor(isolate, "Buffer", buffer_function, 3, proto);
    ctor->proto = get(isolate, Value::object(realm.global), "Uint8Array").as_object();
    isolate.define_method(ctor, "from", buffer_from, 3);
    isolate.define_method(ctor, "alloc", buffer_alloc, 3);
    isolate.define_method(ctor, "allocUnsafe", buffer_alloc_unsafe, 1);
    isolate.define_method(ctor, "allocUnsafeSlow", buffer_alloc_unsafe, 1);
    isolate.define_method(ctor, "byteLength", buffer_byte_length, 2);
    isolate.define_method(ctor, "compare", buffer_compare, 2);
    isolate.define_method(ctor, "concat", buffer_concat, 2);
    isolate.define_method(ctor, "isBuffer", buffer_is_buffer, 1);
    isolate.define_method(ctor, "isEncoding", buffer_is_encoding, 1);
    isolate.define_value(ctor, "poolSize", Value::number(8192), kDefaultFlags);

    isolate.define_method(proto, "compare", buf_compare, 1);
    isolate.define_method(proto, "copy", buf_copy, 4);
    isolate.define_method(proto, "equals", buf_equals, 1);
    isolate.define_method(proto, "fill", buf_fill, 4);
    isolate.define_method(proto, "includes", buf_includes, 3);
    isolate.define_method(proto, "indexOf", buf_index_of, 3);
    isolate.define_method(proto, "lastIndexOf", buf_last_index_of, 3);
    isolate.define_method(proto, "slice", buf_subarray, 2);
    isolate.define_method(proto, "subarray", buf_subarray, 2);
    isolate.define_method(proto, "toJSON", buf_to_json, 0);
    isolate.define_method(proto, "toString", buf_to_string, 3);
    isolate.define_method(proto, "write", buf_write, 4);
    install_number_accessors(isolate, proto);
}

}  // namespace looplab::js
