// Structured clone between heaps. Mirrors engine/js/builtins_global.cpp's
// same-heap Cloner, split in two halves with an isolate-free tree between.
#include "engine/node/structured_clone.h"

#include <unordered_map>

#include "engine/js/bigint.h"
#include "engine/js/operations.h"
#include "engine/js/regexp.h"
#include "engine/js/string.h"
#include "engine/js/typed_array_internal.h"

namespace looplab::node {

namespace {

using namespace js;
using Kind = CloneNode::Kind;

constexpr int kMaxDepth = 2000;

class Serializer {
public:
    Serializer(Isolate& isolate, const TransferList& transfer) : isolate_(isolate), transfer_(transfer) {}

    // The value, then the transferred buffers' bytes moved into their nodes
    // (only now: a typed array met after its buffer still needs its length).
    CloneNode root(Value v) {
        check_transfer_list();
        CloneNode n = node(v);
        std::vector<std::vector<uint8_t>> moved;
        for (JsArrayBuffer* b : transfer_.buffers) moved.push_back(detach_array_buffer(isolate_, b));
        move_transferred(n, moved);
        return n;
    }

    CloneNode node(Value v) {
        CloneNode n;
        if (v.is_undefined()) return n;
        if (v.is_null()) return n.kind = Kind::Null, n;
        if (v.is_bool()) return n.kind = Kind::Bool, n.number = v.as_bool() ? 1 : 0, n;
        if (v.is_number()) return n.kind = Kind::Number, n.number = v.as_number(), n;
        if (v.is_string()) return n.kind = Kind::String, n.text = std::string(v.as_string()->view()), n;
        if (v.is_bigint()) return n.kind = Kind::BigInt, n.text = v.as_bigint()->decimal, n;
        if (v.is_symbol()) fail("Symbol(" + v.as_symbol()->description + ")");
        JsObject* o = v.as_object();
        if (auto it = memo_.find(o); it != memo_.end()) return n.kind = Kind::Ref, n.id = it->second, n;
        if (++depth_ > kMaxDepth) isolate_.throw_range_error("Maximum call stack size exceeded");
        n.id = uint32_t(memo_.size());
        memo_[o] = n.id;
        object(o, n);
        --depth_;
        return n;
    }

private:
    [[noreturn]] void fail(const std::string& what) { throw_data_clone_error(what + " could not be cloned."); }

    // Node's DOMException: name DataCloneError, code 25.
    [[noreturn]] void throw_data_clone_error(const std::string& message) {
        Value error = isolate_.new_error(ErrorType::Error, message);
        define_own_property(isolate_, error.as_object(), isolate_.intern("name"), isolate_.intern("DataCloneError"),
                            kHiddenFlags);
        define_own_property(isolate_, error.as_object(), isolate_.intern("code"), Value::number(25), kHiddenFlags);
        isolate_.throw_value(error);
    }

    void check_transfer_list() {
        const auto& buffers = transfer_.buffers;
        for (size_t i = 0; i < buffers.size(); i++) {
            for (size_t j = 0; j < i; j++) {
                if (buffers[i] == buffers[j]) throw_data_clone_error("Transfer list contains duplicate ArrayBuffer");
            }
        }
    }

    int transfer_index(JsArrayBuffer* b) const {
        for (size_t i = 0; i < transfer_.buffers.size(); i++) {
            if (transfer_.buffers[i] == b) return int(i);
        }
        return -1;
    }

    // Transferred ArrayBuffer nodes carry their index in the transfer list in `length`.
    static void move_transferred(CloneNode& n, std::vector<std::vector<uint8_t>>& moved) {
        if (n.kind == Kind::ArrayBuffer && n.transferred) n.bytes = std::move(moved[n.length]);
        for (auto& [key, v] : n.props) move_transferred(v, moved);
        for (CloneNode& item : n.items) move_transferred(item, moved);
    }

    void props(JsObject* o, CloneNode& n) {
        for (Value key : own_property_keys(isolate_, o, KeyFilter::StringsOnly, true)) {
            uint32_t index;
            if (o->cls == ObjectClass::Array && is_array_index(key.as_string()->view(), &index)) continue;
            n.props.emplace_back(std::string(key.as_string()->view()), node(get(isolate_, Value::object(o), key)));
        }
    }

    void object(JsObject* o, CloneNode& n) {
        switch (o->cls) {
            case ObjectClass::Function: fail(to_string(isolate_, Value::object(o)));
            case ObjectClass::Array: {
                auto* a = static_cast<JsArray*>(o);
                n.kind = Kind::Array;
                n.number = double(a->elements.size());
                for (Value e : a->elements) n.items.push_back(e.is_empty() ? CloneNode{} : node(e));
                props(o, n);
                return;
            }
            case ObjectClass::Date: n.kind = Kind::Date, n.number = o->internal.as_number(); return;
            case ObjectClass::RegExp: {
                auto* rx = static_cast<JsRegExp*>(o);
                n.kind = Kind::RegExp;
                n.text = utf16_to_utf8(rx->source);
                n.flags = std::string(rx->flags);
                return;
            }
            case ObjectClass::Map:
            case ObjectClass::Set: {
                n.kind = o->cls == ObjectClass::Map ? Kind::Map : Kind::Set;
                for (Value entry : iterate_to_vector(isolate_, Value::object(o))) {
                    if (n.kind == Kind::Map) {
                        n.items.push_back(node(get(isolate_, entry, Value::number(0))));
                        n.items.push_back(node(get(isolate_, entry, Value::number(1))));
                    } else {
                        n.items.push_back(node(entry));
                    }
                }
                return;
            }
            case ObjectClass::Error: {
                n.kind = Kind::Error;
                n.text = to_string(isolate_, get(isolate_, Value::object(o), "name"));
                for (const char* key : {"message", "stack"}) {
                    OwnProperty own = get_own_property(isolate_, o, isolate_.intern(key));
                    CloneNode item;
                    if (own.found) item = node(to_string_value(isolate_, get(isolate_, Value::object(o), key)));
                    n.items.push_back(std::move(item));
                }
                return;
            }
            case ObjectClass::ArrayBuffer: {
                auto* b = static_cast<JsArrayBuffer*>(o);
                if (b->shared) {
                    n.kind = Kind::SharedArrayBuffer;
                    n.shared = b->data.shared_block();
                    return;
                }
                n.kind = Kind::ArrayBuffer;
                if (const int index = transfer_index(b); index >= 0) {
                    n.transferred = true;  // a detached one transfers as an empty buffer
                    n.length = size_t(index);
                } else if (b->detached) {
                    throw_data_clone_error("An ArrayBuffer is detached and could not be cloned.");
                } else {
                    n.bytes = b->data.to_vector();
                }
                return;
            }
            case ObjectClass::TypedArray: {
                auto* t = static_cast<JsTypedArray*>(o);
                n.kind = Kind::TypedArray;
                n.typed_kind = uint8_t(t->kind);
                n.byte_offset = t->byte_offset;
                n.length = t->length;
                n.items.push_back(node(Value::object(t->buffer)));
                return;
            }
            case ObjectClass::Object:
                for (const auto& [port, state] : transfer_.ports) {
                    if (port == o) return n.kind = Kind::Port, n.port = state, void();
                }
                n.kind = Kind::Object, props(o, n);
                return;
            case ObjectClass::Arguments: n.kind = Kind::Object, props(o, n); return;
            default: fail("#<" + std::string(o->cls == ObjectClass::Promise ? "Promise" : "Object") + ">");
        }
    }

    Isolate& isolate_;
    const TransferList& transfer_;
    std::unordered_map<JsObject*, uint32_t> memo_;  // look-up only, never iterated
    int depth_ = 0;
};

class Deserializer {
public:
    // `owned`: the tree is this receiver's to consume (transferred bytes move out).
    Deserializer(Isolate& isolate, bool owned, const PortFactory& make_port)
        : isolate_(isolate), owned_(owned), make_port_(make_port) {}

    Value value(const CloneNode& n) {
        switch (n.kind) {
            case Kind::Undefined: return Value::undefined();
            case Kind::Null: return Value::null();
            case Kind::Bool: return Value::boolean(n.number != 0);
            case Kind::Number: return Value::number(n.number);
            case Kind::String: return isolate_.new_string(n.text);
            case Kind::BigInt: {
                if (!n.text.empty() && n.text[0] == '-') {
                    return bigint_negate(isolate_, bigint_from_literal(isolate_, n.text.substr(1)));
                }
                return bigint_from_literal(isolate_, n.text);
            }
            case Kind::Ref: return n.id < objects_.size() ? Value::object(objects_[n.id]) : Value::undefined();
            default: return object(n);
        }
    }

private:
    JsObject* remember(const CloneNode& n, JsObject* o) {
        if (objects_.size() <= n.id) objects_.resize(n.id + 1, nullptr);
        objects_[n.id] = o;
        return o;
    }

    void props(const CloneNode& n, JsObject* o) {
        for (const auto& [key, v] : n.props) create_data_property(isolate_, o, isolate_.intern(key), value(v));
    }

    // A view must lie inside its buffer (as V8's deserializer checks): a
    // tree whose transferred bytes were already consumed rebuilds an empty
    // buffer, and a view past its end would read freed memory.
    static bool view_fits(const JsTypedArray& t) {
        const size_t size = t.buffer->data.size();
        return t.byte_offset <= size && t.length <= (size - t.byte_offset) / t.element_size();
    }

    Value construct_global(const char* name) {
        Value ctor = get(isolate_, Value::object(isolate_.realm().global), name);
        return isolate_.construct(ctor, {}, ctor);
    }

    Value object(const CloneNode& n) {
        Realm& realm = isolate_.realm();
        switch (n.kind) {
            case Kind::Array: {
                JsArray* a = isolate_.new_array(n.items.size());
                remember(n, a);
                for (size_t i = 0; i < n.items.size(); i++) a->elements[i] = value(n.items[i]);
                props(n, a);
                return Value::object(a);
            }
            case Kind::Date: {
                JsObject* d = remember(n, isolate_.heap().make<JsObject>(realm.date_prototype, ObjectClass::Date));
                d->internal = Value::number(n.number);
                return Value::object(d);
            }
            case Kind::RegExp: {
                Value rx = new_regexp(isolate_, n.text, n.flags);
                remember(n, rx.as_object());
                return rx;
            }
            case Kind::Map:
            case Kind::Set: {
                Value c = construct_global(n.kind == Kind::Map ? "Map" : "Set");
                remember(n, c.as_object());
                if (n.kind == Kind::Map) {
                    for (size_t i = 0; i + 1 < n.items.size(); i += 2) {
                        Value pair[2] = {value(n.items[i]), value(n.items[i + 1])};
                        call_method(isolate_, c, "set", pair);
                    }
                } else {
                    for (const CloneNode& item : n.items) {
                        Value v = value(item);
                        call_method(isolate_, c, "add", std::span<const Value>(&v, 1));
                    }
                }
                return c;
            }
            case Kind::Error: {
                ErrorType type = ErrorType::Error;
                static constexpr std::pair<const char*, ErrorType> kTypes[] = {
                    {"EvalError", ErrorType::EvalError}, {"RangeError", ErrorType::RangeError},
                    {"ReferenceError", ErrorType::ReferenceError}, {"SyntaxError", ErrorType::SyntaxError},
                    {"TypeError", ErrorType::TypeError}, {"URIError", ErrorType::URIError}};
                for (auto [name, t] : kTypes) {
                    if (n.text == name) type = t;
                }
                JsObject* e = remember(
                    n, isolate_.heap().make<JsObject>(realm.error_prototypes[static_cast<int>(type)], ObjectClass::Error));
                const char* keys[] = {"message", "stack"};
                for (size_t i = 0; i < 2 && i < n.items.size(); i++) {
                    if (n.items[i].kind == Kind::Undefined) continue;
                    define_own_property(isolate_, e, isolate_.intern(keys[i]), value(n.items[i]), kHiddenFlags);
                }
                return Value::object(e);
            }
            case Kind::ArrayBuffer: {
                JsArrayBuffer* b = new_array_buffer(isolate_, 0);
                if (owned_ && n.transferred) {
                    b->data = std::move(const_cast<CloneNode&>(n).bytes);
                } else {
                    b->data = n.bytes;
                }
                isolate_.heap().note_growth(b->data.size());
                return Value::object(remember(n, b));
            }
            case Kind::SharedArrayBuffer: {
                JsArrayBuffer* b = new_array_buffer(isolate_, 0, true);
                if (n.shared) b->data.share(n.shared);
                return Value::object(remember(n, b));
            }
            case Kind::Port: {
                Value port = make_port_ && n.port ? make_port_(n.port) : Value::undefined();
                if (port.is_object()) remember(n, port.as_object());
                return port;
            }
            case Kind::TypedArray: {
                Value buffer = n.items.empty() ? Value::undefined() : value(n.items[0]);
                if (!buffer.is_object() || buffer.as_object()->cls != ObjectClass::ArrayBuffer) return Value::undefined();
                auto* b = static_cast<JsArrayBuffer*>(buffer.as_object());
                auto* t = isolate_.heap().make<JsTypedArray>(realm.typed_array_prototypes[n.typed_kind],
                                                             TypedArrayKind(n.typed_kind), b, n.byte_offset,
                                                             n.length);
                if (!view_fits(*t)) isolate_.throw_error(ErrorType::Error, "Unable to deserialize cloned data.");
                return Value::object(remember(n, t));
            }
            default: {
                JsObject* o = remember(n, isolate_.new_object());
                props(n, o);
                return Value::object(o);
            }
        }
    }

    Isolate& isolate_;
    const bool owned_;
    const PortFactory& make_port_;
    std::vector<JsObject*> objects_;  // by serialization number
};

}  // namespace

CloneNode serialize_value(Isolate& isolate, Value value, const TransferList& transfer) {
    return Serializer(isolate, transfer).root(value);
}

Value deserialize_value(Isolate& isolate, CloneNode& node, const PortFactory& make_port) {
    return Deserializer(isolate, true, make_port).value(node);
}

Value deserialize_value(Isolate& isolate, const CloneNode& node) {
    const PortFactory none;
    return Deserializer(isolate, false, none).value(node);
}

size_t clone_size(const CloneNode& node) {
    size_t n = 8 + node.text.size() + node.bytes.size();
    for (const auto& [key, v] : node.props) n += key.size() + clone_size(v);
    for (const CloneNode& item : node.items) n += clone_size(item);
    return n;
}

trace::MessagePayload payload_type(const CloneNode& node) {
    using P = trace::MessagePayload;
    switch (node.kind) {
        case Kind::Undefined: return P::Undefined;
        case Kind::Null: return P::Null;
        case Kind::Bool: return P::Boolean;
        case Kind::Number: return P::Number;
        case Kind::String: return P::String;
        case Kind::BigInt: return P::BigInt;
        case Kind::Array: return P::Array;
        case Kind::Date: return P::Date;
        case Kind::RegExp: return P::RegExp;
        case Kind::Map: return P::Map;
        case Kind::Set: return P::Set;
        case Kind::Error: return P::Error;
        case Kind::ArrayBuffer: return P::ArrayBuffer;
        case Kind::TypedArray: return P::TypedArray;
        case Kind::SharedArrayBuffer: return P::SharedArrayBuffer;
        case Kind::Port: return P::MessagePort;
        case Kind::Object:
        case Kind::Ref: return P::Object;
    }
    return P::Object;
}

}  // namespace looplab::node
