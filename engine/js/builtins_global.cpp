// Global functions of ECMAScript not owned by another group (19.2):
// globalThis, the URI functions (19.2.6), and the HTML/Node global
// structuredClone (plain objects, arrays, Date, RegExp, Map, Set, Error,
// ArrayBuffer, typed arrays, primitive wrappers; cycles and shared
// references preserved).
//
// structuredClone's DataCloneError is an Error named "DataCloneError" with
// code 25; Node throws a DOMException, which looplab does not model.
#include <unordered_map>

#include "engine/js/builtins.h"
#include "engine/js/builtins_b_common.h"
#include "engine/js/regexp.h"
#include "engine/js/typed_array_internal.h"

namespace looplab::js {

using namespace builtins_detail;

namespace {

// ---------------------------------------------------------------- URI functions

constexpr const char* kUriReserved = ";/?:@&=+$,";
constexpr const char* kUriUnescapedMarks = "-_.!~*'()";

bool is_alnum(char16_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool in_set(char16_t c, const char* set) {
    for (const char* p = set; *p; ++p) {
        if (c == static_cast<char16_t>(*p)) return true;
    }
    return false;
}

[[noreturn]] void uri_error(Isolate& isolate) { isolate.throw_error(ErrorType::URIError, "URI malformed"); }

// 19.2.6.5 Encode ( string, extraUnescaped )
Value encode(Isolate& isolate, Value arg, bool keep_reserved) {
    std::u16string s = to_string_value(isolate, arg).as_string()->utf16();
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (size_t k = 0; k < s.size(); ++k) {
        char16_t c = s[k];
        if (is_alnum(c) || in_set(c, kUriUnescapedMarks) || (keep_reserved && (in_set(c, kUriReserved) || c == '#'))) {
            out += static_cast<char>(c);
            continue;
        }
        uint32_t cp = c;
        if (c >= 0xDC00 && c <= 0xDFFF) uri_error(isolate);
        if (c >= 0xD800 && c <= 0xDBFF) {
            if (k + 1 >= s.size() || s[k + 1] < 0xDC00 || s[k + 1] > 0xDFFF) uri_error(isolate);
            cp = 0x10000 + ((c - 0xD800) << 10) + (s[++k] - 0xDC00);
        }
        std::string utf8;
        append_code_point(utf8, cp);
        for (unsigned char byte : utf8) {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 15];
        }
    }
    return isolate.new_string(std::move(out));
}

int hex_digit(char16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int read_escape(Isolate& isolate, const std::u16string& s, size_t k) {
    if (k + 2 >= s.size() || s[k] != '%') uri_error(isolate);
    int hi = hex_digit(s[k + 1]), lo = hex_digit(s[k + 2]);
    if (hi < 0 || lo < 0) uri_error(isolate);
    return hi * 16 + lo;
}

// 19.2.6.6 Decode ( string, preserveEscapeSet )
Value decode(Isolate& isolate, Value arg, bool preserve_reserved) {
    std::u16string s = to_string_value(isolate, arg).as_string()->utf16();
    std::u16string out;
    for (size_t k = 0; k < s.size(); ++k) {
        if (s[k] != '%') {
            out += s[k];
            continue;
        }
        size_t start = k;
        if (k + 2 >= s.size()) uri_error(isolate);
        int b = read_escape(isolate, s, k);
        k += 2;
        if (b < 0x80) {
            char16_t c = static_cast<char16_t>(b);
            if (preserve_reserved && (in_set(c, kUriReserved) || c == '#')) {
                out.append(s, start, 3);
            } else {
                out += c;
            }
            continue;
        }
        int n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0) uri_error(isolate);
        std::string bytes(1, static_cast<char>(b));
        for (int j = 1; j < n; ++j) {
            ++k;
            int cont = read_escape(isolate, s, k);
            if ((cont & 0xC0) != 0x80) uri_error(isolate);
            bytes += static_cast<char>(cont);
            k += 2;
        }
        // Reject overlong forms and surrogates: the round trip must be exact.
        std::u16string decoded = utf8_to_utf16(bytes);
        std::string back = utf16_to_utf8(decoded);
        if (back != bytes || decoded.empty() || (decoded.size() == 1 && decoded[0] >= 0xD800 && decoded[0] <= 0xDFFF)) {
            uri_error(isolate);
        }
        out += decoded;
    }
    return isolate.new_string(utf16_to_utf8(out));
}

Value encode_uri_component(Isolate& isolate, const CallArgs& call) { return encode(isolate, call.arg(0), false); }
Value encode_uri(Isolate& isolate, const CallArgs& call) { return encode(isolate, call.arg(0), true); }
Value decode_uri_component(Isolate& isolate, const CallArgs& call) { return decode(isolate, call.arg(0), false); }
Value decode_uri(Isolate& isolate, const CallArgs& call) { return decode(isolate, call.arg(0), true); }

// ---------------------------------------------------------------- structuredClone

class Cloner {
public:
    explicit Cloner(Isolate& isolate) : isolate_(isolate) {}

    Value clone(Value v) {
        if (v.is_symbol()) fail("Symbol(" + v.as_symbol()->description + ")");
        if (!v.is_object()) return v;
        JsObject* o = v.as_object();
        auto found = memo_.find(o);
        if (found != memo_.end()) return Value::object(found->second);
        if (++depth_ > kMaxDepth) isolate_.throw_range_error("Maximum call stack size exceeded");
        Value result = clone_object(o);
        --depth_;
        return result;
    }

private:
    static constexpr int kMaxDepth = 5000;

    [[noreturn]] void fail(const std::string& what) {
        Value error = isolate_.new_error(ErrorType::Error, what + " could not be cloned.");
        JsObject* e = error.as_object();
        define_own_property(isolate_, e, isolate_.intern("name"), isolate_.intern("DataCloneError"), kHiddenFlags);
        define_own_property(isolate_, e, isolate_.intern("code"), Value::number(25), kHiddenFlags);
        // The stack was formatted with the prototype's name; redo its header.
        std::string stack = to_string(isolate_, get(isolate_, error, "stack"));
        if (stack.rfind("Error", 0) == 0) stack = "DataCloneError" + stack.substr(5);
        define_own_property(isolate_, e, isolate_.intern("stack"), isolate_.new_string(stack), kHiddenFlags);
        isolate_.throw_value(error);
    }

    JsObject* remember(JsObject* source, JsObject* copy) {
        memo_[source] = copy;
        return copy;
    }

    Value construct_global(const char* name, std::span<const Value> args) {
        Value ctor = get(isolate_, Value::object(isolate_.realm().global), name);
        return isolate_.construct(ctor, args, ctor);
    }

    Value clone_object(JsObject* o) {
        Realm& realm = isolate_.realm();
        switch (o->cls) {
            case ObjectClass::Function:
                // Node names the function by its source text (Function.prototype.toString).
                fail(to_string(isolate_, Value::object(o)));
            case ObjectClass::Array: return clone_array(static_cast<JsArray*>(o));
            case ObjectClass::Date: {
                JsObject* copy = remember(o, isolate_.heap().make<JsObject>(realm.date_prototype, ObjectClass::Date));
                copy->internal = o->internal;
                return Value::object(copy);
            }
            case ObjectClass::RegExp: {
                auto* rx = static_cast<JsRegExp*>(o);
                Value copy = new_regexp(isolate_, utf16_to_utf8(rx->source), rx->flags);
                remember(o, copy.as_object());
                return copy;
            }
            case ObjectClass::Boolean:
            case ObjectClass::Number:
            case ObjectClass::String: {
                JsObject* copy = remember(o, to_object(isolate_, o->internal));
                return Value::object(copy);
            }
            case ObjectClass::Map: return clone_collection(o, "Map", true);
            case ObjectClass::Set: return clone_collection(o, "Set", false);
            case ObjectClass::Error: return clone_error(o);
            case ObjectClass::ArrayBuffer: {
                auto* source = static_cast<JsArrayBuffer*>(o);
                JsArrayBuffer* copy = new_array_buffer(isolate_, source->shared ? 0 : source->data.size(), source->shared);
                if (source->shared) {
                    copy->data.share(source->data.shared_block());  // a SharedArrayBuffer clones by reference
                } else {
                    copy->data = source->data.to_vector();
                }
                return Value::object(remember(o, copy));
            }
            case ObjectClass::TypedArray: {
                auto* source = static_cast<JsTypedArray*>(o);
                Value buffer = clone(Value::object(source->buffer));
                JsTypedArray* copy = isolate_.heap().make<JsTypedArray>(
                    realm.typed_array_prototypes[static_cast<int>(source->kind)], source->kind,
                    static_cast<JsArrayBuffer*>(buffer.as_object()), source->byte_offset, source->length);
                return Value::object(remember(o, copy));
            }
            case ObjectClass::Object:
            case ObjectClass::Arguments: return clone_plain(o, isolate_.new_object());
            default: fail("#<" + std::string(o->cls == ObjectClass::Promise ? "Promise" : "Object") + ">");
        }
    }

    Value clone_array(JsArray* source) {
        JsArray* copy = isolate_.new_array(source->elements.size());
        remember(source, copy);
        for (size_t i = 0; i < source->elements.size(); ++i) {
            Value element = source->elements[i];
            copy->elements[i] = element.is_empty() ? element : clone(element);
        }
        copy_own_properties(source, copy);
        return Value::object(copy);
    }

    // Own enumerable string-keyed properties, read through getters as the HTML spec does.
    void copy_own_properties(JsObject* source, JsObject* copy) {
        for (Value key : own_property_keys(isolate_, source, KeyFilter::StringsOnly, true)) {
            uint32_t index;
            if (source->cls == ObjectClass::Array && is_array_index(key.as_string()->view(), &index)) continue;
            Value value = get(isolate_, Value::object(source), key);
            create_data_property(isolate_, copy, key, clone(value));
        }
    }

    Value clone_plain(JsObject* source, JsObject* copy) {
        remember(source, copy);
        copy_own_properties(source, copy);
        return Value::object(copy);
    }

    Value clone_collection(JsObject* source, const char* ctor, bool is_map) {
        Value copy = construct_global(ctor, {});
        remember(source, copy.as_object());
        std::vector<Value> entries = iterate_to_vector(isolate_, Value::object(source));
        for (Value entry : entries) {
            if (is_map) {
                Value pair[2] = {clone(get(isolate_, entry, Value::number(0))), clone(get(isolate_, entry, Value::number(1)))};
                call_method(isolate_, copy, "set", pair);
            } else {
                Value item = clone(entry);
                call_method(isolate_, copy, "add", std::span<const Value>(&item, 1));
            }
        }
        return copy;
    }

    Value clone_error(JsObject* source) {
        std::string name = to_string(isolate_, get(isolate_, Value::object(source), "name"));
        ErrorType type = ErrorType::Error;
        static constexpr std::pair<const char*, ErrorType> kTypes[] = {
            {"EvalError", ErrorType::EvalError}, {"RangeError", ErrorType::RangeError},
            {"ReferenceError", ErrorType::ReferenceError}, {"SyntaxError", ErrorType::SyntaxError},
            {"TypeError", ErrorType::TypeError}, {"URIError", ErrorType::URIError}};
        for (auto [n, t] : kTypes) {
            if (name == n) type = t;
        }
        JsObject* copy = isolate_.heap().make<JsObject>(isolate_.realm().error_prototypes[static_cast<int>(type)], ObjectClass::Error);
        remember(source, copy);
        for (const char* key : {"stack", "message", "cause"}) {
            OwnProperty own = get_own_property(isolate_, source, isolate_.intern(key));
            if (!own.found) continue;
            Value value = get(isolate_, Value::object(source), key);
            if (std::string_view(key) != "cause") value = to_string_value(isolate_, value);
            define_own_property(isolate_, copy, isolate_.intern(key), clone(value), kHiddenFlags);
        }
        return Value::object(copy);
    }

    Isolate& isolate_;
    // Look-up only (never iterated), so pointer keys cannot leak into output order.
    std::unordered_map<JsObject*, JsObject*> memo_;
    int depth_ = 0;
};

Value structured_clone(Isolate& isolate, const CallArgs& call) {
    if (call.size() == 0) {
        isolate.throw_type_error("The \"value\" argument must be specified");
    }
    return Cloner(isolate).clone(call.arg(0));
}

}  // namespace

void install_global_functions(Isolate& isolate) {
    JsObject* global = isolate.realm().global;
    isolate.define_value(global, "globalThis", Value::object(global), kWritable | kConfigurable);
    isolate.define_method(global, "encodeURIComponent", encode_uri_component, 1);
    isolate.define_method(global, "encodeURI", encode_uri, 1);
    isolate.define_method(global, "decodeURIComponent", decode_uri_component, 1);
    isolate.define_method(global, "decodeURI", decode_uri, 1);
    isolate.define_method(global, "structuredClone", structured_clone, 2);
}

}  // namespace looplab::js
