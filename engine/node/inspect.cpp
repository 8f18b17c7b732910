// util.inspect's recursion: formatValue, formatRaw, formatProperty and
// getConstructorName of Node v20's lib/internal/util/inspect.js. The
// per-kind pieces live in inspect_kinds.cpp, the line layout in
// inspect_layout.cpp, strings and numbers in inspect_primitives.cpp.
#include "engine/node/inspect.h"

#include <algorithm>
#include <functional>

#include "engine/js/promise.h"
#include "engine/js/proxy.h"
#include "engine/node/inspect_internal.h"

namespace looplab::node {

namespace inspect_detail {

using namespace js;

namespace {

// Node has no explicit limit; V8's stack overflows somewhere past a few
// thousand nested objects and inspect prints "Inspection interrupted".
constexpr int kMaxNesting = 1000;

Value key_of(Isolate& isolate, std::string_view name) { return isolate.intern(name); }

bool is_index_key(Value key) {
    uint32_t index;
    return key.is_string() && is_array_index(key.as_string()->view(), &index);
}

// Node's getKeys: Object.keys plus the enumerable symbols (all own keys
// with showHidden).
std::vector<Value> get_keys(Context& ctx, JsObject* value) {
    return own_property_keys(ctx.isolate, value, KeyFilter::All, !ctx.options.show_hidden);
}

// getOwnNonIndexProperties(value, filter) for arrays and typed arrays.
std::vector<Value> get_non_index_keys(Context& ctx, JsObject* value) {
    std::vector<Value> keys;
    if (ctx.options.show_hidden && value->cls == ObjectClass::Array) keys.push_back(key_of(ctx.isolate, "length"));
    for (Value key : get_keys(ctx, value)) {
        if (!is_index_key(key)) keys.push_back(key);
    }
    return keys;
}

// value[Symbol.toStringTag], listed only when it is not an own enumerable
// property (which would print twice otherwise).
std::string get_tag(Context& ctx, JsObject* value) {
    Value tag_key = Value::symbol(ctx.isolate.symbols().to_string_tag);
    Value tag = get(ctx.isolate, Value::object(value), tag_key);
    if (!tag.is_string() || tag.as_string()->byte_length() == 0) return "";
    OwnProperty own = get_own_property(ctx.isolate, value, tag_key);
    bool listed = ctx.options.show_hidden ? own.found : (own.found && (own.flags & kEnumerable));
    return listed ? "" : tag.as_string()->str();
}

std::string get_ctx_style(Context& ctx, JsObject* value, const std::optional<std::string>& constructor,
                          std::string_view tag) {
    std::string fallback;
    if (!constructor) {
        fallback = internal_class_name(ctx.isolate, value);
        if (fallback == tag) fallback = "Object";
    }
    return get_prefix(constructor, tag, fallback);
}

bool is_instance(Isolate& isolate, JsObject* object, Value constructor) {
    try {
        return instance_of(isolate, Value::object(object), constructor);
    } catch (const JsException&) {
        return false;
    }
}

// The object Node passes as `options` to custom inspect functions
// (getUserOptions): the context's options plus a colourless stylize.
Value user_options_object(Context& ctx) {
    Isolate& isolate = ctx.isolate;
    const InspectOptions& o = ctx.options;
    JsObject* obj = isolate.new_object();
    auto put = [&](std::string_view name, Value v) { create_data_property(isolate, obj, isolate.intern(name), v); };
    auto number_or_infinity = [](double d) { return Value::number(d); };
    put("stylize", Value::object(isolate.new_native_function(
                       "stylizeNoColor",
                       [](Isolate& iso, const CallArgs& call) { return to_string_value(iso, call.arg(0)); }, 2)));
    put("showHidden", Value::boolean(o.show_hidden));
    put("depth", number_or_infinity(o.depth));
    put("colors", Value::boolean(o.colors));
    put("customInspect", Value::boolean(o.custom_inspect));
    put("showProxy", Value::boolean(o.show_proxy));
    put("maxArrayLength", number_or_infinity(o.max_array_length));
    put("maxStringLength", number_or_infinity(o.max_string_length));
    put("breakLength", number_or_infinity(o.break_length));
    put("compact", o.compact_all ? Value::boolean(true)
                   : o.compact == 0 ? Value::boolean(false)
                                    : Value::number(o.compact));
    put("sorted", Value::boolean(o.sorted));
    switch (o.getters) {
        case InspectOptions::Getters::None: put("getters", Value::boolean(false)); break;
        case InspectOptions::Getters::All: put("getters", Value::boolean(true)); break;
        case InspectOptions::Getters::GetOnly: put("getters", isolate.intern("get")); break;
        case InspectOptions::Getters::SetOnly: put("getters", isolate.intern("set")); break;
    }
    put("numericSeparator", Value::boolean(o.numeric_separator));
    // ...ctx.userOptions: the caller's extra keys win, as the spread does.
    if (o.user_options.is_object()) {
        for (Value key : own_property_keys(isolate, o.user_options.as_object(), KeyFilter::All, true)) {
            create_data_property(isolate, obj, key, get(isolate, o.user_options, key));
        }
    }
    return Value::object(obj);
}

bool is_inspect_itself(Value fn) {
    return is_callable(fn) && static_cast<JsFunction*>(fn.as_object())->native == &inspect_native;
}

// formatValue's hook for value[util.inspect.custom]. Returns nullopt when
// the value has no usable custom inspect function.
std::optional<std::string> try_custom_inspect(Context& ctx, JsObject* value, double recurse_times) {
    Isolate& isolate = ctx.isolate;
    Value self = Value::object(value);
    Value custom = get(isolate, self, Value::symbol(isolate.symbols().inspect_custom));
    if (!is_callable(custom) || is_inspect_itself(custom)) return std::nullopt;
    // Filter out prototype objects using the circular check.
    Value ctor = get(isolate, self, "constructor");
    if (to_boolean(ctor) && get(isolate, ctor, "prototype").same_bits(self)) return std::nullopt;

    double depth = ctx.options.depth - recurse_times;
    Value args[3] = {Value::number(depth), user_options_object(ctx),
                     Value::object(new_inspect_function(isolate))};
    Value ret = isolate.call(custom, self, args);
    if (ret.same_bits(self)) return std::nullopt;  // returned `this`: format it normally
    if (!ret.is_string()) return format_value(ctx, ret, recurse_times);
    return replace_all(ret.as_string()->str(), "\n", "\n" + repeat_spaces(ctx.indentation_lvl));
}

using Formatter = std::function<std::vector<std::string>(double recurse_times)>;

// What the kind dispatch of formatRaw decides: either the final text (an
// early return in Node) or the pieces to lay out.
struct RawPlan {
    std::optional<std::string> done;
    std::string base;
    std::string brace_open = "{";
    std::string brace_close = "}";
    EntryType type = EntryType::Object;
    std::vector<Value> keys;
    Formatter formatter = [](double) { return std::vector<std::string>{}; };
};

// The iterable kinds: arrays, Set, Map, typed arrays.
bool plan_iterable(Context& ctx, JsObject* value, const std::optional<std::string>& constructor,
                   const std::string& tag, RawPlan& plan) {
    switch (value->cls) {
        case ObjectClass::Array: {
            auto* array = static_cast<JsArray*>(value);
            size_t length = array->elements.size();
            std::string prefix = (constructor != std::optional<std::string>("Array") || !tag.empty())
                                     ? get_prefix(constructor, tag, "Array", "(" + std::to_string(length) + ")")
                                     : "";
            plan.keys = get_non_index_keys(ctx, value);
            plan.brace_open = prefix + "[";
            plan.brace_close = "]";
            if (length == 0 && plan.keys.empty()) plan.done = plan.brace_open + "]";
            plan.type = EntryType::ArrayExtras;
            plan.formatter = [&ctx, array](double rt) { return format_array(ctx, array, rt); };
            return true;
        }
        case ObjectClass::Set: {
            auto values = set_contents(ctx.isolate, value);
            std::string prefix = get_prefix(constructor, tag, "Set", "(" + std::to_string(values.size()) + ")");
            plan.keys = get_keys(ctx, value);
            if (values.empty() && plan.keys.empty()) plan.done = prefix + "{}";
            plan.brace_open = prefix + "{";
            plan.formatter = [&ctx, values](double rt) { return format_set(ctx, values, rt); };
            return true;
        }
        case ObjectClass::Map: {
            auto entries = map_contents(ctx.isolate, value);
            std::string prefix = get_prefix(constructor, tag, "Map", "(" + std::to_string(entries.size()) + ")");
            plan.keys = get_keys(ctx, value);
            if (entries.empty() && plan.keys.empty()) plan.done = prefix + "{}";
            plan.brace_open = prefix + "{";
            plan.formatter = [&ctx, entries](double rt) { return format_map(ctx, entries, rt); };
            return true;
        }
        case ObjectClass::TypedArray: {
            auto* typed = static_cast<JsTypedArray*>(value);
            plan.keys = get_non_index_keys(ctx, value);
            std::string fallback = constructor ? "" : typed_array_name(typed->kind);
            std::string prefix =
                get_prefix(constructor, tag, fallback, "(" + std::to_string(typed->length) + ")");
            plan.brace_open = prefix + "[";
            plan.brace_close = "]";
            if (typed->length == 0 && plan.keys.empty() && !ctx.options.show_hidden) plan.done = plan.brace_open + "]";
            plan.formatter = [&ctx, typed](double) { return format_typed_array(ctx, typed); };
            plan.type = EntryType::ArrayExtras;
            return true;
        }
        default: {
            std::string type = collection_iterator_type(ctx.isolate, value);
            if (type.empty()) return false;
            // getIteratorBraces, then formatIterator renames key/value ones.
            std::string brand = tag;
            if (brand != type + " Iterator") {
                if (!brand.empty()) brand += "] [";
                brand += type + (iterator_is_key_value(value) ? " Entries" : " Iterator");
            } else if (iterator_is_key_value(value)) {
                brand = type + " Entries";
            }
            plan.keys = get_keys(ctx, value);
            plan.brace_open = "[" + brand + "] {";
            plan.formatter = [&ctx, value](double rt) { return format_collection_iterator(ctx, value, rt); };
            return true;
        }
    }
}

std::string regexp_to_string(Isolate& isolate, JsObject* regexp) {
    Value self = Value::object(regexp);
    return "/" + to_string(isolate, get(isolate, self, "source")) + "/" + to_string(isolate, get(isolate, self, "flags"));
}

// The non-iterable kinds, in Node's order of checks.
void plan_other(Context& ctx, JsObject* value, const std::optional<std::string>& constructor,
                const std::string& tag, double recurse_times, bool typed_array, RawPlan& plan) {
    Isolate& isolate = ctx.isolate;
    plan.keys = get_keys(ctx, value);
    bool no_keys = plan.keys.empty();
    if (value->cls == ObjectClass::Function) {
        plan.base = get_function_base(ctx, static_cast<JsFunction*>(value), constructor, tag);
        if (no_keys) plan.done = plan.base;
    } else if (constructor == std::optional<std::string>("Object")) {
        if (value->cls == ObjectClass::Arguments) {
            plan.brace_open = "[Arguments] {";
        } else if (!tag.empty()) {
            plan.brace_open = get_prefix(constructor, tag, "Object") + "{";
        }
        if (no_keys) plan.done = plan.brace_open + "}";
    } else if (value->cls == ObjectClass::RegExp) {
        plan.base = regexp_to_string(isolate, value);
        std::string prefix = get_prefix(constructor, tag, "RegExp");
        if (prefix != "RegExp ") plan.base = prefix + plan.base;
        if (no_keys || ctx.depth_exceeded(recurse_times)) plan.done = plan.base;
    } else if (value->cls == ObjectClass::Date) {
        plan.base = format_date(isolate, value);
        std::string prefix = get_prefix(constructor, tag, "Date");
        if (prefix != "Date ") plan.base = prefix + plan.base;
        if (no_keys) plan.done = plan.base;
    } else if (is_error_object(isolate, value)) {
        plan.base = format_error(ctx, value, constructor, tag, plan.keys);
        if (plan.keys.empty()) plan.done = plan.base;
    } else if (value->cls == ObjectClass::ArrayBuffer) {
        auto* buffer = static_cast<JsArrayBuffer*>(value);
        std::string prefix = get_prefix(constructor, tag, buffer->shared ? "SharedArrayBuffer" : "ArrayBuffer");
        if (!typed_array) {
            plan.formatter = [&ctx, buffer](double) { return format_array_buffer(ctx, buffer); };
        } else if (no_keys) {
            plan.done = prefix + "{ byteLength: " + format_number(static_cast<double>(buffer->data.size())) + " }";
            return;
        }
        plan.brace_open = prefix + "{";
        plan.keys.insert(plan.keys.begin(), isolate.intern("byteLength"));
    } else if (value->cls == ObjectClass::DataView) {
        plan.brace_open = get_prefix(constructor, tag, "DataView") + "{";
        plan.keys.insert(plan.keys.begin(),
                         {isolate.intern("byteLength"), isolate.intern("byteOffset"), isolate.intern("buffer")});
    } else if (value->cls == ObjectClass::Promise) {
        plan.brace_open = get_prefix(constructor, tag, "Promise") + "{";
        plan.formatter = [&ctx, value](double rt) { return format_promise(ctx, value, rt); };
    } else if (value->cls == ObjectClass::WeakSet || value->cls == ObjectClass::WeakMap) {
        const char* name = value->cls == ObjectClass::WeakSet ? "WeakSet" : "WeakMap";
        plan.brace_open = get_prefix(constructor, tag, name) + "{";
        // showHidden would preview the entries; the engine keeps none to show.
        plan.formatter = [](double) { return std::vector<std::string>{"<items unknown>"}; };
    } else if (value->cls == ObjectClass::Number || value->cls == ObjectClass::String ||
               value->cls == ObjectClass::Boolean || value->cls == ObjectClass::BigInt ||
               value->cls == ObjectClass::Symbol) {
        plan.base = get_boxed_base(ctx, value, plan.keys, constructor, tag);
        if (plan.keys.empty()) plan.done = plan.base;
    } else {
        std::string style = get_ctx_style(ctx, value, constructor, tag);
        if (no_keys) {
            plan.done = style + "{}";
            return;
        }
        plan.brace_open = style + "{";
    }
}

std::string format_raw(Context& ctx, JsObject* value, double recurse_times, bool typed_array) {
    std::optional<std::string> constructor = get_constructor_name(ctx, value, recurse_times);
    std::string tag = get_tag(ctx, value);

    RawPlan plan;
    if (!plan_iterable(ctx, value, constructor, tag, plan)) {
        plan_other(ctx, value, constructor, tag, recurse_times, typed_array, plan);
    }
    if (plan.done) return *plan.done;

    if (ctx.depth_exceeded(recurse_times)) {
        std::string name = get_ctx_style(ctx, value, constructor, tag);
        name.pop_back();  // the trailing space
        return constructor ? "[" + name + "]" : name;
    }
    if (ctx.nesting >= kMaxNesting) {
        std::string name = get_ctx_style(ctx, value, constructor, tag);
        name.pop_back();
        return "[" + name + ": Inspection interrupted prematurely. Maximum call stack size exceeded.]";
    }
    recurse_times += 1;
    ctx.seen.push_back(value);
    ctx.current_depth = recurse_times;
    ++ctx.nesting;
    std::vector<std::string> output = plan.formatter(recurse_times);
    for (Value key : plan.keys) output.push_back(format_property(ctx, value, recurse_times, key, plan.type));
    --ctx.nesting;

    if (int index = ctx.circular_index(value); index != 0) {
        std::string reference = "<ref *" + std::to_string(index) + ">";
        if (!ctx.options.compact_all) {
            plan.base = plan.base.empty() ? reference : reference + " " + plan.base;
        } else {
            plan.brace_open = reference + " " + plan.brace_open;
        }
    }
    ctx.seen.pop_back();

    if (ctx.options.sorted) {
        // Sort the properties only; array entries keep their order.
        size_t from = plan.type == EntryType::Object ? 0 : output.size() - plan.keys.size();
        std::sort(output.begin() + static_cast<std::ptrdiff_t>(from), output.end());
    }
    return reduce_to_single_string(ctx, std::move(output), plan.base, plan.brace_open, plan.brace_close, plan.type,
                                   recurse_times, value);
}

std::string property_name(Context& ctx, Value key, bool enumerable) {
    if (key.is_symbol()) return "[" + escape_without_quotes(symbol_to_string(key.as_symbol())) + "]";
    std::string text = to_string(ctx.isolate, key);
    if (text == "__proto__") return "['__proto__']";
    if (!enumerable) return "[" + escape_without_quotes(text) + "]";
    if (is_identifier_key(text)) return text;
    return quote_js_string(text);
}

bool wants_getter_value(const InspectOptions& options, bool has_setter) {
    switch (options.getters) {
        case InspectOptions::Getters::None: return false;
        case InspectOptions::Getters::All: return true;
        case InspectOptions::Getters::GetOnly: return !has_setter;
        case InspectOptions::Getters::SetOnly: return has_setter;
    }
    return false;
}

// `[Getter: 1]`, `[Getter] { a: 1 }` when the getters option asks for values.
std::string format_getter_value(Context& ctx, JsObject* original, const Descriptor& desc, const std::string& label,
                                double recurse_times) {
    try {
        Value v = ctx.isolate.call(desc.getter, Value::object(original), {});
        ctx.indentation_lvl += 2;
        std::string str;
        if (v.is_null()) {
            str = "[" + label + ": null]";
        } else if (v.is_object()) {
            str = "[" + label + "] " + format_value(ctx, v, recurse_times);
        } else {
            str = "[" + label + ": " + format_primitive(ctx, v) + "]";
        }
        ctx.indentation_lvl -= 2;
        return str;
    } catch (const JsException& e) {
        std::string message = to_string(ctx.isolate, get(ctx.isolate, e.value, "message"));
        return "[" + label + ": <Inspection threw (" + message + ")>]";
    }
}

}  // namespace

int Context::circular_index(JsObject* o) const {
    for (const auto& [object, index] : circular) {
        if (object == o) return index;
    }
    return 0;
}

bool has_in_chain(JsObject* o, JsObject* proto) {
    for (JsObject* p = o; p != nullptr; p = p->proto) {
        if (p == proto) return true;
    }
    return false;
}

std::string get_prefix(const std::optional<std::string>& constructor, std::string_view tag, std::string_view fallback,
                       std::string_view size) {
    std::string fb(fallback), sz(size), tg(tag);
    if (!constructor) {
        if (!tag.empty() && fallback != tag) return "[" + fb + sz + ": null prototype] [" + tg + "] ";
        return "[" + fb + sz + ": null prototype] ";
    }
    if (!tag.empty() && *constructor != tag) return *constructor + sz + " [" + tg + "] ";
    return *constructor + sz + " ";
}

std::string internal_class_name(Isolate& isolate, JsObject* o) {
    switch (o->cls) {
        case ObjectClass::Array: return "Array";
        case ObjectClass::Function: return "Function";
        case ObjectClass::Error: return "Error";
        case ObjectClass::Boolean: return "Boolean";
        case ObjectClass::Number: return "Number";
        case ObjectClass::String: return "String";
        case ObjectClass::Symbol: return "Symbol";
        case ObjectClass::BigInt: return "BigInt";
        case ObjectClass::Date: return "Date";
        case ObjectClass::RegExp: return "RegExp";
        case ObjectClass::Map: return "Map";
        case ObjectClass::Set: return "Set";
        case ObjectClass::WeakMap: return "WeakMap";
        case ObjectClass::WeakSet: return "WeakSet";
        case ObjectClass::Promise: return "Promise";
        case ObjectClass::ArrayBuffer:
            return static_cast<JsArrayBuffer*>(o)->shared ? "SharedArrayBuffer" : "ArrayBuffer";
        case ObjectClass::TypedArray: return typed_array_name(static_cast<JsTypedArray*>(o)->kind);
        case ObjectClass::DataView: return "DataView";
        default: return "Object";
    }
}

// Node's getConstructorName: the name of the first `constructor` up the
// prototype chain that the object is an instance of; nullopt for
// null-prototype objects.
std::optional<std::string> get_constructor_name(Context& ctx, JsObject* obj, double recurse_times) {
    Isolate& isolate = ctx.isolate;
    const Realm& realm = isolate.realm();
    JsObject* first_proto = nullptr;
    bool first_proto_known = false;
    Value constructor_key = isolate.intern("constructor");
    for (JsObject* o = obj; o != nullptr;) {
        // Object.prototype and Function.prototype answer even when their
        // `constructor` was tampered with (Node's wellKnownPrototypes).
        if (o == realm.object_prototype && has_in_chain(obj->proto, o)) return "Object";
        if (o == realm.function_prototype && has_in_chain(obj->proto, o)) return "Function";
        OwnProperty own = get_own_property(isolate, o, constructor_key);
        if (own.found && !(own.flags & kAccessor) && is_callable(own.value)) {
            Value name = get(isolate, own.value, "name");
            bool empty = name.is_string() && name.as_string()->byte_length() == 0;
            if (!empty && is_instance(isolate, obj, own.value)) return to_string(isolate, name);
        }
        o = o->proto;
        if (!first_proto_known) {
            first_proto = o;
            first_proto_known = true;
        }
    }
    if (first_proto == nullptr) return std::nullopt;

    std::string res = internal_class_name(isolate, obj);
    if (ctx.depth_exceeded(recurse_times)) return res + " <Complex prototype>";
    std::optional<std::string> proto_constr = get_constructor_name(ctx, first_proto, recurse_times + 1);
    if (!proto_constr) {
        InspectOptions options = ctx.options;
        options.custom_inspect = false;
        options.depth = -1;
        return res + " <" + inspect(isolate, Value::object(first_proto), options) + ">";
    }
    return res + " <" + *proto_constr + ">";
}

// formatProxy: `Proxy [ target, handler ]` (showProxy).
std::string format_proxy(Context& ctx, JsObject* proxy, double recurse_times) {
    if (ctx.depth_exceeded(recurse_times)) return "Proxy [Array]";
    recurse_times += 1;
    ctx.indentation_lvl += 2;
    std::vector<std::string> parts = {
        format_value(ctx, Value::object(proxy_target(proxy)), recurse_times),
        format_value(ctx, static_cast<JsFunction*>(proxy)->native_data2, recurse_times),
    };
    ctx.indentation_lvl -= 2;
    return reduce_to_single_string(ctx, std::move(parts), "", "Proxy [", "]", EntryType::ArrayExtras, recurse_times,
                                   nullptr);
}

std::string format_value(Context& ctx, Value value, double recurse_times, bool typed_array) {
    if (!value.is_object()) return format_primitive(ctx, value);
    JsObject* object = value.as_object();

    // Node looks through a proxy without running any trap: it prints the
    // target (or both halves with showProxy).
    if (is_proxy(object) && ctx.options.show_proxy && !proxy_is_revoked(object)) {
        return format_proxy(ctx, object, recurse_times);
    }
    while (is_proxy(object)) {
        if (proxy_is_revoked(object)) return "<Revoked Proxy>";
        object = proxy_target(object);
        value = Value::object(object);
    }

    // Buffers print through Buffer.prototype[util.inspect.custom] in Node;
    // the engine formats them directly so Buffer needs no JS-visible hook.
    if (object->cls == ObjectClass::TypedArray && is_buffer(ctx.isolate, object)) {
        return format_buffer(ctx, static_cast<JsTypedArray*>(object));
    }
    if (ctx.options.custom_inspect) {
        if (auto custom = try_custom_inspect(ctx, object, recurse_times)) return *custom;
    }
    if (std::find(ctx.seen.begin(), ctx.seen.end(), object) != ctx.seen.end()) {
        int index = ctx.circular_index(object);
        if (index == 0) {
            index = static_cast<int>(ctx.circular.size()) + 1;
            ctx.circular.emplace_back(object, index);
        }
        return "[Circular *" + std::to_string(index) + "]";
    }
    return format_raw(ctx, object, recurse_times, typed_array);
}

std::string format_property(Context& ctx, JsObject* object, double recurse_times, Value key, EntryType type) {
    Descriptor desc;
    OwnProperty own = get_own_property(ctx.isolate, object, key);
    if (own.found) {
        desc.enumerable = (own.flags & kEnumerable) != 0;
        if (own.flags & kAccessor) {
            JsAccessor* accessor = as_accessor(own.value);
            desc.is_accessor = true;
            desc.getter = accessor->getter;
            desc.setter = accessor->setter;
        } else {
            desc.value = own.value;
        }
    } else {
        // Inherited keys Node lists on purpose (byteLength, cause): their
        // value. An ArrayBuffer's size is read directly, as a primordial would.
        if (object->cls == ObjectClass::ArrayBuffer && key.is_string() && key.as_string()->view() == "byteLength") {
            desc.value = Value::number(static_cast<double>(static_cast<JsArrayBuffer*>(object)->data.size()));
        } else {
            desc.value = get(ctx.isolate, Value::object(object), key);
        }
    }
    return format_property_with(ctx, object, recurse_times, key, type, desc);
}

std::string format_property_with(Context& ctx, JsObject* object, double recurse_times, Value key, EntryType type,
                                 const Descriptor& desc) {
    std::string str;
    std::string extra = " ";
    if (!desc.is_accessor && !desc.value.is_undefined()) {
        int diff = (!ctx.options.compact_all || type != EntryType::Object) ? 2 : 3;
        ctx.indentation_lvl += diff;
        str = format_value(ctx, desc.value, recurse_times);
        if (diff == 3 && ctx.options.break_length < static_cast<double>(string_width(str))) {
            extra = "\n" + repeat_spaces(ctx.indentation_lvl);
        }
        ctx.indentation_lvl -= diff;
    } else if (desc.is_accessor && !desc.getter.is_undefined()) {
        std::string label = desc.setter.is_undefined() ? "Getter" : "Getter/Setter";
        str = wants_getter_value(ctx.options, !desc.setter.is_undefined())
                  ? format_getter_value(ctx, object, desc, label, recurse_times)
                  : "[" + label + "]";
    } else if (desc.is_accessor && !desc.setter.is_undefined()) {
        str = "[Setter]";
    } else {
        str = "undefined";
    }
    if (type == EntryType::Array) return str;
    return property_name(ctx, key, desc.enumerable) + ":" + extra + str;
}

}  // namespace inspect_detail

using namespace inspect_detail;

std::string inspect(js::Isolate& isolate, js::Value value, const InspectOptions& options) {
    Context ctx{isolate, options};
    return format_value(ctx, value, 0);
}

}  // namespace looplab::node
