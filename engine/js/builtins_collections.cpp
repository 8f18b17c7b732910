// Map, Set, WeakMap, WeakSet (ECMAScript 24.1-24.4) and WeakRef (26.1).
// Storage and ordering rules are described in collections.h.
#include <algorithm>
#include <cmath>

#include "engine/js/builtins.h"
#include "engine/js/collections.h"
#include "engine/js/operations.h"

namespace looplab::js {

// ---------------------------------------------------------------- storage

namespace {

// SameValueZero identity of a key: either 64 bits or a text.
bool key_uses_text(Value key) { return key.is_string() || key.is_bigint(); }

uint64_t key_bits(Value key) {
    if (key.is_number() && key.as_number() == 0) return Value::number(0).raw_bits();  // -0 is +0
    return key.raw_bits();
}

std::string key_text(Value key) {
    if (key.is_string()) return "s" + key.as_string()->str();
    return "n" + key.as_bigint()->decimal;
}

}  // namespace

JsMap::~JsMap() {
    for (JsMapIterator* it : iterators) it->map = nullptr;
}

long JsMap::find(Value key) const {
    if (key_uses_text(key)) {
        auto it = text_index_.find(key_text(key));
        return it == text_index_.end() ? -1 : static_cast<long>(it->second);
    }
    auto it = bits_index_.find(key_bits(key));
    return it == bits_index_.end() ? -1 : static_cast<long>(it->second);
}

void JsMap::index_entry(Value key, size_t position) {
    if (key_uses_text(key)) {
        text_index_[key_text(key)] = static_cast<uint32_t>(position);
    } else {
        bits_index_[key_bits(key)] = static_cast<uint32_t>(position);
    }
}

void JsMap::unindex_entry(Value key) {
    if (key_uses_text(key)) {
        text_index_.erase(key_text(key));
    } else {
        bits_index_.erase(key_bits(key));
    }
}

void JsMap::set(Value key, Value value) {
    long found = find(key);
    if (found >= 0) {
        entries[found].value = value;
        return;
    }
    if (key.is_number() && key.as_number() == 0) key = Value::number(0);  // 24.1.3.9 step 5
    entries.push_back(Entry{key, value, true});
    index_entry(key, entries.size() - 1);
    ++live_count;
}

bool JsMap::remove(Value key) {
    long found = find(key);
    if (found < 0) return false;
    unindex_entry(key);
    entries[found] = Entry{Value::undefined(), Value::undefined(), false};
    --live_count;
    compact_if_sparse();
    return true;
}

void JsMap::clear() {
    entries.clear();
    bits_index_.clear();
    text_index_.clear();
    live_count = 0;
    // An iterator past the old entries resumes at whatever is added next,
    // exactly as it would after the spec's clear (which only empties keys).
    for (JsMapIterator* it : iterators) it->position = 0;
}

void JsMap::compact_if_sparse() {
    if (entries.size() < 32 || live_count * 2 > entries.size()) return;
    // new position of old index i = number of live entries before i
    std::vector<uint32_t> live_before(entries.size() + 1, 0);
    for (size_t i = 0; i < entries.size(); ++i) live_before[i + 1] = live_before[i] + (entries[i].live ? 1 : 0);
    for (JsMapIterator* it : iterators) it->position = live_before[std::min(it->position, entries.size())];
    std::vector<Entry> kept;
    kept.reserve(live_count);
    for (const Entry& e : entries) {
        if (e.live) kept.push_back(e);
    }
    entries = std::move(kept);
    bits_index_.clear();
    text_index_.clear();
    for (size_t i = 0; i < entries.size(); ++i) index_entry(entries[i].key, i);
}

void JsMap::trace(Tracer& tracer) {
    JsObject::trace(tracer);
    for (const Entry& e : entries) {
        tracer.mark(e.key);
        tracer.mark(e.value);
    }
}

JsMapIterator::JsMapIterator(JsObject* prototype, JsMap* target, CollectionIterationKind k)
    : JsObject(prototype, ObjectClass::Iterator), map(target), kind(k) {
    map->iterators.push_back(this);
}

JsMapIterator::~JsMapIterator() { detach(); }

void JsMapIterator::detach() {
    if (map == nullptr) return;
    auto& list = map->iterators;
    list.erase(std::remove(list.begin(), list.end(), this), list.end());
    map = nullptr;
}

std::vector<std::pair<Value, Value>> map_entries(JsObject* object) {
    std::vector<std::pair<Value, Value>> out;
    if (object->cls != ObjectClass::Map && object->cls != ObjectClass::WeakMap) return out;
    for (const auto& e : static_cast<JsMap*>(object)->entries) {
        if (e.live) out.emplace_back(e.key, e.value);
    }
    return out;
}

std::vector<Value> set_values(JsObject* object) {
    std::vector<Value> out;
    if (object->cls != ObjectClass::Set && object->cls != ObjectClass::WeakSet) return out;
    for (const auto& e : static_cast<JsMap*>(object)->entries) {
        if (e.live) out.push_back(e.key);
    }
    return out;
}

// ---------------------------------------------------------------- built-ins

namespace {

std::string describe_receiver(Isolate& isolate, Value v) {
    if (v.is_object()) {
        Value ctor = get(isolate, v, "constructor");
        if (is_callable(ctor)) {
            auto* f = static_cast<JsFunction*>(ctor.as_object());
            if (f->name != nullptr && f->name->byte_length() > 0) return "#<" + f->name->str() + ">";
        }
        return "#<Object>";
    }
    if (v.is_symbol()) return "Symbol(" + v.as_symbol()->description + ")";
    return to_string(isolate, v);
}

JsMap* this_collection(Isolate& isolate, const CallArgs& call, ObjectClass cls, const char* method) {
    Value v = call.this_value;
    if (!v.is_object() || v.as_object()->cls != cls) {
        isolate.throw_type_error(std::string("Method ") + method + " called on incompatible receiver " +
                                 describe_receiver(isolate, v));
    }
    return static_cast<JsMap*>(v.as_object());
}

#define THIS_MAP(name) this_collection(isolate, call, ObjectClass::Map, "Map.prototype." name)
#define THIS_SET(name) this_collection(isolate, call, ObjectClass::Set, "Set.prototype." name)
#define THIS_WEAKMAP(name) this_collection(isolate, call, ObjectClass::WeakMap, "WeakMap.prototype." name)
#define THIS_WEAKSET(name) this_collection(isolate, call, ObjectClass::WeakSet, "WeakSet.prototype." name)

// CanBeHeldWeakly (9.13): objects and symbols that Symbol.for did not create.
bool can_be_held_weakly(Value v) {
    return v.is_object() || (v.is_symbol() && !v.as_symbol()->registered);
}

void require_callable(Isolate& isolate, Value v) {
    if (!is_callable(v)) isolate.throw_type_error(describe_receiver(isolate, v) + " is not a function");
}

JsMap* construct_collection(Isolate& isolate, const CallArgs& call, ObjectClass cls, const char* name,
                            JsObject* fallback_proto) {
    if (!call.is_construct()) isolate.throw_type_error(std::string("Constructor ") + name + " requires 'new'");
    JsObject* proto = get_prototype_from_constructor(isolate, call.new_target, fallback_proto);
    return isolate.heap().make<JsMap>(proto, cls);
}

// Feeds an iterable into a new Map/WeakMap through its (possibly
// user-replaced) "set" method, as 24.1.1.2 AddEntriesFromIterable does.
void add_entries_from_iterable(Isolate& isolate, JsMap* map, Value iterable, NativeFn builtin_adder) {
    if (iterable.is_nullish()) return;
    Value adder = get(isolate, Value::object(map), "set");
    require_callable(isolate, adder);
    bool direct = static_cast<JsFunction*>(adder.as_object())->native == builtin_adder &&
                  map->cls == ObjectClass::Map;
    for (Value item : iterate_to_vector(isolate, iterable)) {
        if (!item.is_object()) {
            isolate.throw_type_error("Iterator value " + describe_receiver(isolate, item) + " is not an entry object");
        }
        Value k = get(isolate, item, Value::number(0));
        Value v = get(isolate, item, Value::number(1));
        if (direct) {
            map->set(k, v);
        } else {
            Value args[2] = {k, v};
            isolate.call(adder, Value::object(map), args);
        }
    }
}

void add_values_from_iterable(Isolate& isolate, JsMap* set, Value iterable, NativeFn builtin_adder) {
    if (iterable.is_nullish()) return;
    Value adder = get(isolate, Value::object(set), "add");
    require_callable(isolate, adder);
    bool direct = static_cast<JsFunction*>(adder.as_object())->native == builtin_adder &&
                  set->cls == ObjectClass::Set;
    for (Value item : iterate_to_vector(isolate, iterable)) {
        if (direct) {
            set->set(item, item);
        } else {
            isolate.call(adder, Value::object(set), std::span<const Value>(&item, 1));
        }
    }
}

// ---- Map

Value map_set(Isolate& isolate, const CallArgs& call) {
    THIS_MAP("set")->set(call.arg(0), call.arg(1));
    return call.this_value;
}

Value map_constructor(Isolate& isolate, const CallArgs& call) {
    JsMap* map = construct_collection(isolate, call, ObjectClass::Map, "Map", isolate.realm().map_prototype);
    add_entries_from_iterable(isolate, map, call.arg(0), map_set);
    return Value::object(map);
}

Value map_get(Isolate& isolate, const CallArgs& call) {
    JsMap* map = THIS_MAP("get");
    long i = map->find(call.arg(0));
    return i < 0 ? Value::undefined() : map->entries[i].value;
}

Value map_has(Isolate& isolate, const CallArgs& call) { return Value::boolean(THIS_MAP("has")->find(call.arg(0)) >= 0); }
Value map_delete(Isolate& isolate, const CallArgs& call) { return Value::boolean(THIS_MAP("delete")->remove(call.arg(0))); }
Value map_clear(Isolate& isolate, const CallArgs& call) {
    THIS_MAP("clear")->clear();
    return Value::undefined();
}
Value map_size(Isolate& isolate, const CallArgs& call) {
    return Value::number(static_cast<double>(THIS_MAP("size")->size()));
}

// Walks entries in order with a registered cursor, so callbacks may add and
// delete entries while the walk goes on (24.1.3.5 step 5-6).
void for_each_entry(Isolate& isolate, JsMap* map, const CallArgs& call, bool is_set) {
    Value callback = call.arg(0);
    require_callable(isolate, callback);
    JsMapIterator* cursor = isolate.heap().make<JsMapIterator>(nullptr, map, CollectionIterationKind::Entries);
    try {
        while (cursor->map != nullptr && cursor->position < map->entries.size()) {
            JsMap::Entry e = map->entries[cursor->position++];
            if (!e.live) continue;
            Value args[3] = {is_set ? e.key : e.value, e.key, Value::object(map)};
            isolate.call(callback, call.arg(1), args);
        }
    } catch (...) {
        cursor->detach();
        throw;
    }
    cursor->detach();
}

Value map_for_each(Isolate& isolate, const CallArgs& call) {
    for_each_entry(isolate, THIS_MAP("forEach"), call, false);
    return Value::undefined();
}

Value new_collection_iterator(Isolate& isolate, JsMap* map, CollectionIterationKind kind) {
    JsObject* proto = map->cls == ObjectClass::Map ? isolate.realm().map_iterator_prototype
                                                   : isolate.realm().set_iterator_prototype;
    return Value::object(isolate.heap().make<JsMapIterator>(proto, map, kind));
}

Value map_keys(Isolate& isolate, const CallArgs& call) {
    return new_collection_iterator(isolate, THIS_MAP("keys"), CollectionIterationKind::Keys);
}
Value map_values(Isolate& isolate, const CallArgs& call) {
    return new_collection_iterator(isolate, THIS_MAP("values"), CollectionIterationKind::Values);
}
Value map_entries_method(Isolate& isolate, const CallArgs& call) {
    return new_collection_iterator(isolate, THIS_MAP("entries"), CollectionIterationKind::Entries);
}

// ---- Set

Value set_add(Isolate& isolate, const CallArgs& call) {
    THIS_SET("add")->set(call.arg(0), call.arg(0));
    return call.this_value;
}

Value set_constructor(Isolate& isolate, const CallArgs& call) {
    JsMap* set = construct_collection(isolate, call, ObjectClass::Set, "Set", isolate.realm().set_prototype);
    add_values_from_iterable(isolate, set, call.arg(0), set_add);
    return Value::object(set);
}

Value set_has(Isolate& isolate, const CallArgs& call) { return Value::boolean(THIS_SET("has")->find(call.arg(0)) >= 0); }
Value set_delete(Isolate& isolate, const CallArgs& call) { return Value::boolean(THIS_SET("delete")->remove(call.arg(0))); }
Value set_clear(Isolate& isolate, const CallArgs& call) {
    THIS_SET("clear")->clear();
    return Value::undefined();
}
Value set_size(Isolate& isolate, const CallArgs& call) {
    return Value::number(static_cast<double>(THIS_SET("size")->size()));
}
Value set_for_each(Isolate& isolate, const CallArgs& call) {
    for_each_entry(isolate, THIS_SET("forEach"), call, true);
    return Value::undefined();
}
Value set_values_method(Isolate& isolate, const CallArgs& call) {
    return new_collection_iterator(isolate, THIS_SET("values"), CollectionIterationKind::Values);
}
Value set_entries_method(Isolate& isolate, const CallArgs& call) {
    return new_collection_iterator(isolate, THIS_SET("entries"), CollectionIterationKind::Entries);
}

// ---- iterators (24.1.5, 24.2.5)

Value collection_iterator_next(Isolate& isolate, const CallArgs& call) {
    Value self = call.this_value;
    bool is_ours = self.is_object() && self.as_object()->cls == ObjectClass::Iterator &&
                   (self.as_object()->proto == isolate.realm().map_iterator_prototype ||
                    self.as_object()->proto == isolate.realm().set_iterator_prototype);
    if (!is_ours) {
        isolate.throw_type_error("next method called on incompatible receiver " + describe_receiver(isolate, self));
    }
    auto* it = static_cast<JsMapIterator*>(self.as_object());
    while (it->map != nullptr && it->position < it->map->entries.size()) {
        JsMap::Entry e = it->map->entries[it->position++];
        if (!e.live) continue;
        switch (it->kind) {
            case CollectionIterationKind::Keys: return create_iter_result(isolate, e.key, false);
            case CollectionIterationKind::Values: return create_iter_result(isolate, e.value, false);
            case CollectionIterationKind::Entries: {
                Value pair[2] = {e.key, e.value};
                return create_iter_result(isolate, Value::object(isolate.new_array_from(pair)), false);
            }
        }
    }
    it->detach();
    return create_iter_result(isolate, Value::undefined(), true);
}

// ---- WeakMap / WeakSet

Value weakmap_set(Isolate& isolate, const CallArgs& call) {
    JsMap* map = THIS_WEAKMAP("set");
    if (!can_be_held_weakly(call.arg(0))) isolate.throw_type_error("Invalid value used as weak map key");
    map->set(call.arg(0), call.arg(1));
    return call.this_value;
}

Value weakmap_constructor(Isolate& isolate, const CallArgs& call) {
    JsMap* map = construct_collection(isolate, call, ObjectClass::WeakMap, "WeakMap", isolate.realm().weakmap_prototype);
    add_entries_from_iterable(isolate, map, call.arg(0), weakmap_set);
    return Value::object(map);
}

Value weakmap_get(Isolate& isolate, const CallArgs& call) {
    JsMap* map = THIS_WEAKMAP("get");
    long i = map->find(call.arg(0));
    return i < 0 ? Value::undefined() : map->entries[i].value;
}
Value weakmap_has(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(THIS_WEAKMAP("has")->find(call.arg(0)) >= 0);
}
Value weakmap_delete(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(THIS_WEAKMAP("delete")->remove(call.arg(0)));
}

Value weakset_add(Isolate& isolate, const CallArgs& call) {
    JsMap* set = THIS_WEAKSET("add");
    if (!can_be_held_weakly(call.arg(0))) isolate.throw_type_error("Invalid value used in weak set");
    set->set(call.arg(0), call.arg(0));
    return call.this_value;
}

Value weakset_constructor(Isolate& isolate, const CallArgs& call) {
    JsMap* set = construct_collection(isolate, call, ObjectClass::WeakSet, "WeakSet", isolate.realm().weakset_prototype);
    add_values_from_iterable(isolate, set, call.arg(0), weakset_add);
    return Value::object(set);
}
Value weakset_has(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(THIS_WEAKSET("has")->find(call.arg(0)) >= 0);
}
Value weakset_delete(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(THIS_WEAKSET("delete")->remove(call.arg(0)));
}

// ---- WeakRef: holds its target strongly (see collections.h).

Value weakref_constructor(Isolate& isolate, const CallArgs& call) {
    if (!call.is_construct()) isolate.throw_type_error("Constructor WeakRef requires 'new'");
    if (!can_be_held_weakly(call.arg(0))) isolate.throw_type_error("WeakRef: invalid target");
    JsObject* proto = get_prototype_from_constructor(isolate, call.new_target,
                                                     call.callee->native_data.as_object());
    JsObject* ref = isolate.new_object_with_proto(proto);
    ref->internal = call.arg(0);
    return Value::object(ref);
}

Value weakref_deref(Isolate& isolate, const CallArgs& call) {
    Value self = call.this_value;
    if (!self.is_object() || self.as_object()->proto == nullptr || !can_be_held_weakly(self.as_object()->internal)) {
        isolate.throw_type_error("Method WeakRef.prototype.deref called on incompatible receiver " +
                                 describe_receiver(isolate, self));
    }
    return self.as_object()->internal;
}

// ---- installation helpers

void define_tag(Isolate& isolate, JsObject* proto, std::string_view tag) {
    define_own_property(isolate, proto, Value::symbol(isolate.symbols().to_string_tag), isolate.intern(tag),
                        kConfigurable);
}

void define_symbol_value(Isolate& isolate, JsObject* target, JsSymbol* symbol, Value value) {
    define_own_property(isolate, target, Value::symbol(symbol), value, kHiddenFlags);
}

JsFunction* define_constructor(Isolate& isolate, std::string_view name, NativeFn fn, int length, JsObject* proto) {
    JsFunction* ctor = isolate.new_native_function(name, fn, length, true);
    isolate.define_value(ctor, "prototype", Value::object(proto), 0);
    isolate.define_value(proto, "constructor", Value::object(ctor));
    isolate.define_value(isolate.realm().global, name, Value::object(ctor));
    return ctor;
}

Value species_getter(Isolate&, const CallArgs& call) { return call.this_value; }

void define_species(Isolate& isolate, JsFunction* ctor) {
    JsAccessor* accessor = isolate.heap().make<JsAccessor>();
    accessor->getter = Value::object(isolate.new_native_function("get [Symbol.species]", species_getter, 0));
    define_own_property(isolate, ctor, Value::symbol(isolate.symbols().species), accessor_value(accessor),
                        kConfigurable | kAccessor);
}

void install_map(Isolate& isolate) {
    Realm& realm = isolate.realm();
    JsObject* proto = isolate.new_object();
    realm.map_prototype = proto;
    define_species(isolate, define_constructor(isolate, "Map", map_constructor, 0, proto));
    isolate.define_method(proto, "get", map_get, 1);
    isolate.define_method(proto, "set", map_set, 2);
    isolate.define_method(proto, "has", map_has, 1);
    isolate.define_method(proto, "delete", map_delete, 1);
    isolate.define_method(proto, "clear", map_clear, 0);
    JsFunction* entries = isolate.define_method(proto, "entries", map_entries_method, 0);
    isolate.define_method(proto, "forEach", map_for_each, 1);
    isolate.define_method(proto, "keys", map_keys, 0);
    isolate.define_getter(proto, "size", map_size);
    isolate.define_method(proto, "values", map_values, 0);
    define_symbol_value(isolate, proto, isolate.symbols().iterator, Value::object(entries));
    define_tag(isolate, proto, "Map");

    realm.map_iterator_prototype = isolate.new_object_with_proto(realm.iterator_prototype);
    isolate.define_method(realm.map_iterator_prototype, "next", collection_iterator_next, 0);
    define_tag(isolate, realm.map_iterator_prototype, "Map Iterator");
}

void install_set(Isolate& isolate) {
    Realm& realm = isolate.realm();
    JsObject* proto = isolate.new_object();
    realm.set_prototype = proto;
    define_species(isolate, define_constructor(isolate, "Set", set_constructor, 0, proto));
    isolate.define_method(proto, "has", set_has, 1);
    isolate.define_method(proto, "add", set_add, 1);
    isolate.define_method(proto, "delete", set_delete, 1);
    isolate.define_method(proto, "clear", set_clear, 0);
    isolate.define_method(proto, "entries", set_entries_method, 0);
    isolate.define_method(proto, "forEach", set_for_each, 1);
    isolate.define_getter(proto, "size", set_size);
    JsFunction* values = isolate.define_method(proto, "values", set_values_method, 0);
    isolate.define_value(proto, "keys", Value::object(values));
    define_symbol_value(isolate, proto, isolate.symbols().iterator, Value::object(values));
    define_tag(isolate, proto, "Set");

    realm.set_iterator_prototype = isolate.new_object_with_proto(realm.iterator_prototype);
    isolate.define_method(realm.set_iterator_prototype, "next", collection_iterator_next, 0);
    define_tag(isolate, realm.set_iterator_prototype, "Set Iterator");
}

void install_weak_collections(Isolate& isolate) {
    Realm& realm = isolate.realm();
    realm.weakmap_prototype = isolate.new_object();
    define_constructor(isolate, "WeakMap", weakmap_constructor, 0, realm.weakmap_prototype);
    isolate.define_method(realm.weakmap_prototype, "delete", weakmap_delete, 1);
    isolate.define_method(realm.weakmap_prototype, "get", weakmap_get, 1);
    isolate.define_method(realm.weakmap_prototype, "set", weakmap_set, 2);
    isolate.define_method(realm.weakmap_prototype, "has", weakmap_has, 1);
    define_tag(isolate, realm.weakmap_prototype, "WeakMap");

    realm.weakset_prototype = isolate.new_object();
    define_constructor(isolate, "WeakSet", weakset_constructor, 0, realm.weakset_prototype);
    isolate.define_method(realm.weakset_prototype, "delete", weakset_delete, 1);
    isolate.define_method(realm.weakset_prototype, "has", weakset_has, 1);
    isolate.define_method(realm.weakset_prototype, "add", weakset_add, 1);
    define_tag(isolate, realm.weakset_prototype, "WeakSet");

    JsObject* weakref_proto = isolate.new_object();
    JsFunction* weakref = define_constructor(isolate, "WeakRef", weakref_constructor, 1, weakref_proto);
    weakref->native_data = Value::object(weakref_proto);
    isolate.define_method(weakref_proto, "deref", weakref_deref, 0);
    define_tag(isolate, weakref_proto, "WeakRef");
}

}  // namespace

void install_collection_builtins(Isolate& isolate) {
    install_map(isolate);
    install_set(isolate);
    install_weak_collections(isolate);
}

}  // namespace looplab::js
