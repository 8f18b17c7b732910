// The per-kind pieces of util.inspect's formatRaw: arrays (holes and
// "more items"), typed arrays and Buffer, ArrayBuffer, Set and Map,
// Promise, errors (stack, cause), functions and classes, boxed primitives
// and dates, each after the Node v20 function of the same name.
#include <cmath>
#include <cstdio>

#include "engine/js/collections.h"
#include "engine/js/promise.h"
#include "engine/js/string.h"
#include "engine/node/inspect_internal.h"

namespace looplab::node::inspect_detail {

using namespace js;

namespace {

std::string empty_items(double count) {
    return "<" + number_to_string(count) + " empty item" + (count > 1 ? "s" : "") + ">";
}

// formatSpecialArray: the array has holes (and maybe extra keys); walk its
// own keys and print each gap as "<n empty items>".
std::vector<std::string> format_special_array(Context& ctx, JsArray* array, double recurse_times, size_t max_length,
                                              std::vector<std::string> output, size_t i) {
    Isolate& isolate = ctx.isolate;
    std::vector<Value> keys = own_property_keys(isolate, array, KeyFilter::StringsOnly, true);
    size_t index = i;
    for (; i < keys.size() && output.size() < max_length; ++i) {
        uint32_t key_index;
        if (!is_array_index(keys[i].as_string()->view(), &key_index)) break;
        if (key_index != index) {
            output.push_back(empty_items(static_cast<double>(key_index - index)));
            index = key_index;
            if (output.size() == max_length) break;
        }
        output.push_back(format_property(ctx, array, recurse_times, keys[i], EntryType::Array));
        ++index;
    }
    double remaining = static_cast<double>(array->elements.size()) - static_cast<double>(index);
    if (output.size() != max_length) {
        if (remaining > 0) output.push_back(empty_items(remaining));
    } else if (remaining > 0) {
        output.push_back(remaining_text(remaining));
    }
    return output;
}

size_t capped_length(const Context& ctx, size_t length) {
    double cap = std::max(0.0, ctx.options.max_array_length);
    return static_cast<double>(length) < cap ? length : static_cast<size_t>(cap);
}

bool is_bigint_kind(TypedArrayKind kind) {
    return kind == TypedArrayKind::BigInt64 || kind == TypedArrayKind::BigUint64;
}

std::string hex_bytes(const uint8_t* data, size_t count) {
    std::string out;
    char buf[4];
    for (size_t i = 0; i < count; ++i) {
        std::snprintf(buf, sizeof buf, "%02x", data[i]);
        if (i != 0) out += ' ';
        out += buf;
    }
    return out;
}

std::string error_to_string(Isolate& isolate, JsObject* err) {
    // Error.prototype.toString: "name: message" with the empty cases folded.
    Value self = Value::object(err);
    Value name_v = get(isolate, self, "name");
    Value message_v = get(isolate, self, "message");
    std::string name = name_v.is_undefined() ? "Error" : to_string(isolate, name_v);
    std::string message = message_v.is_undefined() ? "" : to_string(isolate, message_v);
    if (name.empty()) return message;
    if (message.empty()) return name;
    return name + ": " + message;
}

std::string get_stack_string(Isolate& isolate, JsObject* err) {
    Value stack = get(isolate, Value::object(err), "stack");
    return to_boolean(stack) ? to_string(isolate, stack) : error_to_string(isolate, err);
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (true) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) {
            lines.push_back(text.substr(start));
            return lines;
        }
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
}

// identicalSequenceRange: the longest run (> 3) of frames shared with the cause.
std::pair<size_t, size_t> identical_sequence_range(const std::vector<std::string>& a,
                                                   const std::vector<std::string>& b) {
    for (size_t i = 0; i + 3 < a.size(); ++i) {
        auto it = std::find(b.begin(), b.end(), a[i]);
        if (it == b.end()) continue;
        size_t pos = static_cast<size_t>(it - b.begin());
        size_t rest = b.size() - pos;
        if (rest <= 3) continue;
        size_t len = 1;
        size_t max_len = std::min(a.size() - i, rest);
        while (max_len > len && a[i + len] == b[pos + len]) ++len;
        if (len > 3) return {len, i};
    }
    return {0, 0};
}

// getStackFrames: the frame lines, with frames repeated from `cause`
// folded into "... n lines matching cause stack trace ...".
std::vector<std::string> get_stack_frames(Isolate& isolate, JsObject* err, const std::string& frames_text) {
    std::vector<std::string> frames = split_lines(frames_text);
    Value cause;
    try {
        cause = get(isolate, Value::object(err), "cause");
    } catch (const JsException&) {
        return frames;  // a throwing `cause` getter is ignored
    }
    if (!cause.is_object() || !is_error_object(isolate, cause.as_object())) return frames;
    std::string cause_stack = get_stack_string(isolate, cause.as_object());
    size_t cause_start = cause_stack.find("\n    at");
    if (cause_start == std::string::npos) return frames;
    std::vector<std::string> cause_frames = split_lines(cause_stack.substr(cause_start + 1));
    auto [len, offset] = identical_sequence_range(frames, cause_frames);
    if (len > 0) {
        size_t skipped = len - 2;
        std::string msg = "    ... " + std::to_string(skipped) + " lines matching cause stack trace ...";
        auto first = frames.begin() + static_cast<std::ptrdiff_t>(offset + 1);
        frames.erase(first, first + static_cast<std::ptrdiff_t>(skipped));
        frames.insert(frames.begin() + static_cast<std::ptrdiff_t>(offset + 1), msg);
    }
    return frames;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The error name a null-prototype error's stack starts with (Node's two
// regular expressions in improveStack).
std::string null_proto_error_name(const std::string& stack) {
    auto is_name_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ' ' ||
               c == '[' || c == ']' || c == '(' || c == ')' || c == '-';
    };
    // /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/ (greedy, backtracking to a match)
    if (!stack.empty() && stack[0] >= 'A' && stack[0] <= 'Z') {
        size_t end = 1;
        while (end < stack.size() && is_name_char(stack[end])) ++end;
        for (size_t e = end; e >= 2; --e) {
            std::string_view rest(stack.data() + e, stack.size() - e);
            if (starts_with(rest, ":") || starts_with(rest, "\n    at")) return stack.substr(0, e);
        }
    }
    // /^([a-z_A-Z0-9-]*Error)$/
    bool simple = ends_with(stack, "Error");
    for (char c : stack) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) simple = false;
    }
    return simple ? stack : "";
}

// improveStack: make the first line name the constructor when a subclass
// did not set its own name ("MyError: x" rather than "Error: x").
std::string improve_stack(std::string stack, const std::optional<std::string>& constructor, const std::string& name,
                          std::string_view tag) {
    size_t len = name.size();
    bool looks_normal = ends_with(name, "Error") && starts_with(stack, name) &&
                        (stack.size() == len || stack[len] == ':' || stack[len] == '\n');
    if (constructor && !looks_normal) return stack;
    std::string fallback = "Error";
    if (!constructor) {
        fallback = null_proto_error_name(stack);
        len = fallback.size();
        if (fallback.empty()) fallback = "Error";
    }
    std::string prefix = get_prefix(constructor, tag, fallback);
    prefix.pop_back();
    if (name == prefix) return stack;
    if (prefix.find(name) != std::string::npos) {
        if (len == 0) return prefix + ": " + stack;
        return prefix + stack.substr(len);
    }
    return prefix + " [" + name + "]" + stack.substr(std::min(len, stack.size()));
}

// removeDuplicateErrorKeys: name/message/stack already shown by the stack.
void remove_duplicate_error_keys(Context& ctx, std::vector<Value>& keys, JsObject* err, const std::string& stack) {
    if (ctx.options.show_hidden || keys.empty()) return;
    for (const char* name : {"name", "message", "stack"}) {
        for (auto it = keys.begin(); it != keys.end(); ++it) {
            if (!it->is_string() || it->as_string()->view() != name) continue;
            std::string text = to_string(ctx.isolate, get(ctx.isolate, Value::object(err), name));
            if (stack.find(text) != std::string::npos) keys.erase(it);
            break;
        }
    }
}

bool has_key(const std::vector<Value>& keys, std::string_view name) {
    for (Value k : keys) {
        if (k.is_string() && k.as_string()->view() == name) return true;
    }
    return false;
}

std::string get_class_base(Context& ctx, JsFunction* fn, const std::optional<std::string>& constructor,
                           std::string_view tag) {
    Isolate& isolate = ctx.isolate;
    Value self = Value::object(fn);
    std::string name = "(anonymous)";
    if (has_own_property(isolate, fn, isolate.intern("name"))) {
        Value n = get(isolate, self, "name");
        if (to_boolean(n)) name = to_string(isolate, n);
    }
    std::string base = "class " + name;
    if (constructor && *constructor != "Function") base += " [" + *constructor + "]";
    if (!tag.empty() && constructor != std::optional<std::string>(std::string(tag))) base += " [" + std::string(tag) + "]";
    if (constructor) {
        if (fn->proto != nullptr) {
            Value super_name = get(isolate, Value::object(fn->proto), "name");
            if (to_boolean(super_name)) base += " extends " + to_string(isolate, super_name);
        }
    } else {
        base += " extends [null prototype]";
    }
    return "[" + base + "]";
}

// ISO 8601 text of a time value (Date.prototype.toISOString).
std::string iso_date(double t) {
    auto ms_in_day = static_cast<int64_t>(std::fmod(t, 86400000.0));
    auto days = static_cast<int64_t>(std::floor(t / 86400000.0));
    if (ms_in_day < 0) ms_in_day += 86400000;
    // Civil-from-days (Howard Hinnant's algorithm).
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t day = doy - (153 * mp + 2) / 5 + 1;
    int64_t month = mp < 10 ? mp + 3 : mp - 9;
    int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buf[128];
    if (year >= 0 && year <= 9999) {
        std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(year));
    } else {
        std::snprintf(buf, sizeof buf, "%c%06lld", year < 0 ? '-' : '+', static_cast<long long>(std::llabs(year)));
    }
    std::string out = buf;
    std::snprintf(buf, sizeof buf, "-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ", static_cast<long long>(month),
                  static_cast<long long>(day), static_cast<long long>(ms_in_day / 3600000),
                  static_cast<long long>(ms_in_day / 60000 % 60), static_cast<long long>(ms_in_day / 1000 % 60),
                  static_cast<long long>(ms_in_day % 1000));
    return out + buf;
}

}  // namespace

bool is_error_object(Isolate& isolate, JsObject* o) {
    JsObject* error_prototype = isolate.realm().error_prototypes[0];
    return o->cls == ObjectClass::Error || (error_prototype != nullptr && has_in_chain(o->proto, error_prototype));
}

bool is_buffer(Isolate& isolate, JsObject* o) {
    JsObject* buffer_prototype = isolate.realm().buffer_prototype;
    return buffer_prototype != nullptr && has_in_chain(o->proto, buffer_prototype);
}

std::string typed_array_name(TypedArrayKind kind) {
    switch (kind) {
        case TypedArrayKind::Int8: return "Int8Array";
        case TypedArrayKind::Uint8: return "Uint8Array";
        case TypedArrayKind::Uint8Clamped: return "Uint8ClampedArray";
        case TypedArrayKind::Int16: return "Int16Array";
        case TypedArrayKind::Uint16: return "Uint16Array";
        case TypedArrayKind::Int32: return "Int32Array";
        case TypedArrayKind::Uint32: return "Uint32Array";
        case TypedArrayKind::Float32: return "Float32Array";
        case TypedArrayKind::Float64: return "Float64Array";
        case TypedArrayKind::BigInt64: return "BigInt64Array";
        case TypedArrayKind::BigUint64: return "BigUint64Array";
    }
    return "TypedArray";
}

std::vector<std::string> format_array(Context& ctx, JsArray* array, double recurse_times) {
    size_t value_length = array->elements.size();
    size_t len = capped_length(ctx, value_length);
    std::vector<std::string> output;
    for (size_t i = 0; i < len; ++i) {
        if (i >= array->elements.size() || array->elements[i].is_empty()) {
            return format_special_array(ctx, array, recurse_times, len, std::move(output), i);
        }
        Value key = ctx.isolate.intern(std::to_string(i));
        output.push_back(format_property(ctx, array, recurse_times, key, EntryType::Array));
    }
    if (value_length > len) output.push_back(remaining_text(static_cast<double>(value_length - len)));
    return output;
}

std::vector<std::string> format_typed_array(Context& ctx, JsTypedArray* typed) {
    size_t max_length = capped_length(ctx, typed->length);
    std::vector<std::string> output;
    bool bigint = is_bigint_kind(typed->kind);
    for (size_t i = 0; i < max_length; ++i) {
        double v = typed->load(i);
        // TODO(bigint): load() returns a double, exact only below 2^53.
        output.push_back(bigint ? format_bigint_text(number_to_string(v)) : format_number(v));
    }
    if (typed->length > max_length) output.push_back(remaining_text(static_cast<double>(typed->length - max_length)));
    return output;
}

std::vector<std::string> format_array_buffer(Context& ctx, JsArrayBuffer* buffer) {
    // Its bytes were transferred away: Node cannot view it and says so.
    if (buffer->detached) return {"(detached)"};
    size_t shown = capped_length(ctx, buffer->data.size());
    std::string str = hex_bytes(buffer->data.data(), shown);
    size_t remaining = buffer->data.size() - shown;
    if (remaining > 0) str += " ... " + std::to_string(remaining) + " more byte" + (remaining > 1 ? "s" : "");
    return {"[Uint8Contents]: <" + str + ">"};
}

// Buffer.prototype[util.inspect.custom] of lib/buffer.js: at most
// INSPECT_MAX_BYTES (50) bytes, then the extra properties.
std::string format_buffer(Context& ctx, JsTypedArray* buffer) {
    constexpr size_t kInspectMaxBytes = 50;
    size_t shown = std::min(kInspectMaxBytes, buffer->length);
    std::string str = hex_bytes(buffer->buffer->data.data() + buffer->byte_offset, shown);
    if (buffer->length > kInspectMaxBytes) {
        size_t remaining = buffer->length - kInspectMaxBytes;
        str += " ... " + std::to_string(remaining) + " more byte" + (remaining > 1 ? "s" : "");
    }
    // Extra own properties print as `{ x: 1 }` would, inline.
    std::vector<std::string> extras;
    Context inner{ctx.isolate, ctx.options};
    inner.options.compact_all = true;
    inner.options.break_length = InspectOptions::kInfinity;
    for (Value key : own_property_keys(ctx.isolate, buffer, KeyFilter::All, !ctx.options.show_hidden)) {
        uint32_t index;
        if (key.is_string() && is_array_index(key.as_string()->view(), &index)) continue;
        extras.push_back(format_property(inner, buffer, 1, key, EntryType::Object));
    }
    for (size_t i = 0; i < extras.size(); ++i) str += (i == 0 && buffer->length == 0 ? "" : ", ") + extras[i];
    std::string name = "Buffer";
    Value ctor = get(ctx.isolate, Value::object(buffer), "constructor");
    if (ctor.is_object()) name = to_string(ctx.isolate, get(ctx.isolate, ctor, "name"));
    return "<" + name + " " + str + ">";
}

std::vector<std::string> format_set(Context& ctx, const std::vector<Value>& values, double recurse_times) {
    size_t max_length = capped_length(ctx, values.size());
    std::vector<std::string> output;
    ctx.indentation_lvl += 2;
    for (size_t i = 0; i < max_length; ++i) output.push_back(format_value(ctx, values[i], recurse_times));
    if (values.size() > max_length) output.push_back(remaining_text(static_cast<double>(values.size() - max_length)));
    ctx.indentation_lvl -= 2;
    return output;
}

std::vector<std::string> format_map(Context& ctx, const std::vector<std::pair<Value, Value>>& entries,
                                    double recurse_times) {
    size_t max_length = capped_length(ctx, entries.size());
    std::vector<std::string> output;
    ctx.indentation_lvl += 2;
    for (size_t i = 0; i < max_length; ++i) {
        std::string key = format_value(ctx, entries[i].first, recurse_times);
        output.push_back(key + " => " + format_value(ctx, entries[i].second, recurse_times));
    }
    if (entries.size() > max_length) output.push_back(remaining_text(static_cast<double>(entries.size() - max_length)));
    ctx.indentation_lvl -= 2;
    return output;
}

std::string collection_iterator_type(Isolate& isolate, JsObject* o) {
    if (o->cls != ObjectClass::Iterator) return "";
    const Realm& realm = isolate.realm();
    if (has_in_chain(o->proto, realm.map_iterator_prototype) && dynamic_cast<js::JsMapIterator*>(o)) return "Map";
    if (has_in_chain(o->proto, realm.set_iterator_prototype) && dynamic_cast<js::JsMapIterator*>(o)) return "Set";
    return "";
}

// V8's previewEntries: entries() iterators of both Map and Set preview pairs.
bool iterator_is_key_value(JsObject* iterator) {
    return static_cast<js::JsMapIterator*>(iterator)->kind == js::CollectionIterationKind::Entries;
}

std::vector<std::string> format_collection_iterator(Context& ctx, JsObject* iterator, double recurse_times) {
    auto* it = static_cast<js::JsMapIterator*>(iterator);
    std::vector<std::pair<Value, Value>> remaining;
    if (it->map != nullptr) {
        for (size_t i = it->position; i < it->map->entries.size(); ++i) {
            const js::JsMap::Entry& e = it->map->entries[i];
            if (e.live) remaining.emplace_back(e.key, e.value);
        }
    }
    bool key_value = iterator_is_key_value(iterator);
    bool is_set = it->map != nullptr && it->map->cls == ObjectClass::Set;
    size_t max_length = capped_length(ctx, remaining.size());
    std::vector<std::string> output;
    ctx.indentation_lvl += 2;
    for (size_t i = 0; i < max_length; ++i) {
        const auto& [key, value] = remaining[i];
        if (!key_value) {
            bool keys_only = it->kind == js::CollectionIterationKind::Keys || is_set;
            output.push_back(format_value(ctx, keys_only ? key : value, recurse_times));
            continue;
        }
        // formatMapIterInner: each pair as a two-element array.
        std::vector<std::string> pair = {format_value(ctx, key, recurse_times), format_value(ctx, value, recurse_times)};
        output.push_back(reduce_to_single_string(ctx, std::move(pair), "", "[", "]", EntryType::ArrayExtras,
                                                 recurse_times, nullptr));
    }
    ctx.indentation_lvl -= 2;
    if (remaining.size() > max_length) output.push_back(remaining_text(static_cast<double>(remaining.size() - max_length)));
    return output;
}

std::vector<std::string> format_promise(Context& ctx, JsObject* promise, double recurse_times) {
    PromiseState state = promise_state(promise);
    if (state == PromiseState::Pending) return {"<pending>"};
    ctx.indentation_lvl += 2;
    std::string str = format_value(ctx, promise_result(promise), recurse_times);
    ctx.indentation_lvl -= 2;
    return {state == PromiseState::Rejected ? "<rejected> " + str : str};
}

std::string format_error(Context& ctx, JsObject* err, const std::optional<std::string>& constructor,
                         std::string_view tag, std::vector<Value>& keys) {
    Isolate& isolate = ctx.isolate;
    Value self = Value::object(err);
    Value name_v = get(isolate, self, "name");
    std::string name = name_v.is_nullish() ? "Error" : to_string(isolate, name_v);
    std::string stack = get_stack_string(isolate, err);

    remove_duplicate_error_keys(ctx, keys, err, stack);
    if (has_property(isolate, err, isolate.intern("cause")) && !has_key(keys, "cause")) {
        keys.push_back(isolate.intern("cause"));
    }
    // Errors aggregated into an AggregateError.
    if (is_array(get(isolate, self, "errors")) && !has_key(keys, "errors")) keys.push_back(isolate.intern("errors"));

    stack = improve_stack(stack, constructor, name, tag);

    // Ignore the message if the stack contains it. (`pos` is -1 when the
    // message is empty or starts the stack, as Node's `|| -1` makes it.)
    Value message_v = get(isolate, self, "message");
    std::string message = to_boolean(message_v) ? to_string(isolate, message_v) : "";
    size_t search_from = 0;
    if (!message.empty()) {
        size_t pos = stack.find(message);
        if (pos != std::string::npos && pos != 0) search_from = pos + message.size();
        else if (pos == 0) search_from = 0;
    }
    size_t stack_start = stack.find("\n    at", search_from);
    if (stack_start == std::string::npos) {
        stack = "[" + stack + "]";
    } else {
        std::string new_stack = stack.substr(0, stack_start);
        std::vector<std::string> lines = get_stack_frames(isolate, err, stack.substr(stack_start + 1));
        for (const std::string& line : lines) new_stack += "\n" + line;
        stack = new_stack;
    }
    // The message and the stack have to be indented as well.
    if (ctx.indentation_lvl != 0) stack = replace_all(stack, "\n", "\n" + repeat_spaces(ctx.indentation_lvl));
    return stack;
}

std::string get_function_base(Context& ctx, JsFunction* fn, const std::optional<std::string>& constructor,
                              std::string_view tag) {
    if (fn->is_class_constructor) return get_class_base(ctx, fn, constructor, tag);
    const Realm& realm = ctx.isolate.realm();
    std::string type = "Function";
    // The engine tells the function kinds apart by their intrinsic prototype.
    bool generator = fn->proto != nullptr && (fn->proto == realm.generator_function_prototype ||
                                              fn->proto == realm.async_generator_function_prototype);
    bool async = fn->proto != nullptr && (fn->proto == realm.async_function_prototype ||
                                          fn->proto == realm.async_generator_function_prototype);
    if (generator) type = "Generator" + type;
    if (async) type = "Async" + type;
    std::string base = "[" + type;
    if (!constructor) base += " (null prototype)";
    Value name = get(ctx.isolate, Value::object(fn), "name");
    if (name.is_string() && name.as_string()->byte_length() == 0) {
        base += " (anonymous)";
    } else {
        base += ": " + to_string(ctx.isolate, name);
    }
    base += "]";
    if (constructor && *constructor != type) base += " " + *constructor;
    if (!tag.empty() && constructor != std::optional<std::string>(std::string(tag))) base += " [" + std::string(tag) + "]";
    return base;
}

std::string get_boxed_base(Context& ctx, JsObject* value, std::vector<Value>& keys,
                           const std::optional<std::string>& constructor, std::string_view tag) {
    std::string type;
    switch (value->cls) {
        case ObjectClass::Number: type = "Number"; break;
        case ObjectClass::String: type = "String"; break;
        case ObjectClass::Boolean: type = "Boolean"; break;
        case ObjectClass::BigInt: type = "BigInt"; break;
        default: type = "Symbol"; break;
    }
    if (value->cls == ObjectClass::String && value->internal.is_string()) {
        // The index keys only repeat the string.
        size_t length = value->internal.as_string()->length();
        keys.erase(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(std::min(length, keys.size())));
    }
    std::string base = "[" + type;
    if (constructor != std::optional<std::string>(type)) {
        base += constructor ? " (" + *constructor + ")" : " (null prototype)";
    }
    Context plain{ctx.isolate, ctx.options};
    plain.indentation_lvl = ctx.indentation_lvl;
    base += ": " + format_primitive(plain, value->internal) + "]";
    if (!tag.empty() && constructor != std::optional<std::string>(std::string(tag))) base += " [" + std::string(tag) + "]";
    return base;
}

std::string format_date(Isolate& isolate, JsObject* date) {
    double t = date->internal.is_number() ? date->internal.as_number() : NAN;
    if (std::isnan(t)) return "Invalid Date";
    return iso_date(t);
}

std::vector<std::pair<Value, Value>> map_contents(Isolate& isolate, JsObject* map) {
    // The storage itself, in insertion order: Node reads entries through
    // primordials, so user overrides of Map.prototype are not consulted.
    std::vector<std::pair<Value, Value>> entries;
    for (const JsMap::Entry& entry : static_cast<JsMap*>(map)->entries) {
        if (entry.live) entries.emplace_back(entry.key, entry.value);
    }
    return entries;
}

std::vector<Value> set_contents(Isolate& isolate, JsObject* set) {
    std::vector<Value> values;
    for (const JsMap::Entry& entry : static_cast<JsMap*>(set)->entries) {
        if (entry.live) values.push_back(entry.key);
    }
    return values;
}

}  // namespace looplab::node::inspect_detail
