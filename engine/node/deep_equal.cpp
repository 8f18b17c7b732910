#include "engine/node/deep_equal.h"

#include <utility>
#include <vector>

#include "engine/js/collections.h"
#include "engine/js/operations.h"

namespace looplab::node {

namespace {

using namespace js;

// Pairs being compared further up; a pair met again is assumed equal, as
// Node's memos do for cycles.
using Memo = std::vector<std::pair<JsObject*, JsObject*>>;

bool deep_equal(Isolate& isolate, Value a, Value b, Memo& memo);

std::vector<Value> enumerable_keys(Isolate& isolate, JsObject* o) {
    std::vector<Value> keys = own_property_keys(isolate, o, KeyFilter::All, true);
    return keys;
}

bool keys_equal(Isolate& isolate, JsObject* a, JsObject* b, Memo& memo) {
    std::vector<Value> ka = enumerable_keys(isolate, a);
    std::vector<Value> kb = enumerable_keys(isolate, b);
    if (ka.size() != kb.size()) return false;
    for (Value key : ka) {
        OwnProperty other = get_own_property(isolate, b, key);
        if (!other.found || !(other.flags & kEnumerable)) return false;
    }
    for (Value key : ka) {
        if (!deep_equal(isolate, get(isolate, Value::object(a), key), get(isolate, Value::object(b), key), memo)) {
            return false;
        }
    }
    return true;
}

std::vector<JsMap::Entry> live_entries(JsObject* o) {
    std::vector<JsMap::Entry> out;
    for (const auto& e : static_cast<JsMap*>(o)->entries) {
        if (e.live) out.push_back(e);
    }
    return out;
}

// Sets and maps: every entry of `a` must have a distinct deep-equal partner in `b`.
bool collections_equal(Isolate& isolate, JsObject* a, JsObject* b, bool compare_values, Memo& memo) {
    std::vector<JsMap::Entry> ea = live_entries(a);
    std::vector<JsMap::Entry> eb = live_entries(b);
    if (ea.size() != eb.size()) return false;
    std::vector<bool> used(eb.size(), false);
    for (const auto& x : ea) {
        bool found = false;
        for (size_t j = 0; j < eb.size() && !found; ++j) {
            if (used[j]) continue;
            Memo probe = memo;  // a failed probe must not leave assumptions behind
            if (deep_equal(isolate, x.key, eb[j].key, probe) &&
                (!compare_values || deep_equal(isolate, x.value, eb[j].value, probe))) {
                used[j] = true;
                found = true;
            }
        }
        if (!found) return false;
    }
    return true;
}

bool same_kind_contents(Isolate& isolate, JsObject* a, JsObject* b, Memo& memo) {
    switch (a->cls) {
        case ObjectClass::Array: {
            auto& xa = static_cast<JsArray*>(a)->elements;
            auto& xb = static_cast<JsArray*>(b)->elements;
            if (xa.size() != xb.size()) return false;
            for (size_t i = 0; i < xa.size(); ++i) {
                if (xa[i].is_empty() != xb[i].is_empty()) return false;
            }
            return true;  // the elements are compared as keys below
        }
        case ObjectClass::Date:
        case ObjectClass::Number:
        case ObjectClass::String:
        case ObjectClass::Boolean:
        case ObjectClass::BigInt:
        case ObjectClass::Symbol:
            return same_value(a->internal, b->internal) || strictly_equal(a->internal, b->internal);
        case ObjectClass::RegExp:
            return to_string(isolate, get(isolate, Value::object(a), "source")) ==
                       to_string(isolate, get(isolate, Value::object(b), "source")) &&
                   to_string(isolate, get(isolate, Value::object(a), "flags")) ==
                       to_string(isolate, get(isolate, Value::object(b), "flags"));
        case ObjectClass::Error:
            return strictly_equal(get(isolate, Value::object(a), "message"), get(isolate, Value::object(b), "message")) &&
                   strictly_equal(get(isolate, Value::object(a), "name"), get(isolate, Value::object(b), "name"));
        case ObjectClass::Map:
            return collections_equal(isolate, a, b, true, memo);
        case ObjectClass::Set:
            return collections_equal(isolate, a, b, false, memo);
        case ObjectClass::TypedArray: {
            auto* ta = static_cast<JsTypedArray*>(a);
            auto* tb = static_cast<JsTypedArray*>(b);
            if (ta->kind != tb->kind || ta->length != tb->length) return false;
            for (size_t i = 0; i < ta->length; ++i) {
                if (!same_value(Value::number(ta->load(i)), Value::number(tb->load(i)))) return false;
            }
            return true;
        }
        case ObjectClass::ArrayBuffer:
            return static_cast<JsArrayBuffer*>(a)->data == static_cast<JsArrayBuffer*>(b)->data;
        case ObjectClass::WeakMap:
        case ObjectClass::WeakSet:
        case ObjectClass::Promise:
            return false;  // only identical ones are equal (checked earlier)
        default:
            return true;
    }
}

bool deep_equal(Isolate& isolate, Value a, Value b, Memo& memo) {
    if (!a.is_object() || !b.is_object()) return same_value(a, b);
    JsObject* oa = a.as_object();
    JsObject* ob = b.as_object();
    if (oa == ob) return true;
    if (oa->proto != ob->proto || oa->cls != ob->cls) return false;
    for (const auto& [x, y] : memo) {
        if (x == oa && y == ob) return true;
    }
    memo.emplace_back(oa, ob);
    bool equal = same_kind_contents(isolate, oa, ob, memo) &&
                 (oa->cls == ObjectClass::TypedArray ? true : keys_equal(isolate, oa, ob, memo));
    memo.pop_back();
    return equal;
}

}  // namespace

bool is_deep_strict_equal(Isolate& isolate, Value a, Value b) {
    Memo memo;
    return deep_equal(isolate, a, b, memo);
}

}  // namespace looplab::node
