// Shared state and helpers of the inspect_*.cpp files (Node's `ctx` object
// and the functions that one file calls in another). Not for other callers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/js/operations.h"
#include "engine/node/inspect.h"

namespace looplab::node::inspect_detail {

using js::Isolate;
using js::JsObject;
using js::Value;

// The three shapes of entry lists (Node's kObjectType, kArrayType,
// kArrayExtrasType): object properties print "key: value", array elements
// print the value only, and array "extras" group like arrays.
enum class EntryType : uint8_t { Object, Array, ArrayExtras };

// Node's `ctx`: the options plus the traversal state.
struct Context {
    Context(Isolate& iso, InspectOptions opts) : isolate(iso), options(std::move(opts)) {}

    Isolate& isolate;
    InspectOptions options;
    int indentation_lvl = 0;
    double current_depth = 0;
    std::vector<JsObject*> seen;  // the objects being formatted, outermost first
    // Objects found to be circular, numbered in discovery order (Node's ctx.circular).
    std::vector<std::pair<JsObject*, int>> circular;
    // Bounds recursion on the C++ stack; Node relies on V8's stack limit and
    // prints "Inspection interrupted prematurely" past it.
    int nesting = 0;

    bool depth_exceeded(double recurse_times) const { return recurse_times > options.depth; }
    int circular_index(JsObject* o) const;
};

// A property as Object.getOwnPropertyDescriptor reports it (getters not called).
struct Descriptor {
    Value value;
    Value getter;
    Value setter;
    bool is_accessor = false;
    bool enumerable = true;
};

// ---- inspect.cpp: the recursion ----
std::string format_value(Context& ctx, Value value, double recurse_times, bool typed_array = false);
std::string format_property(Context& ctx, JsObject* object, double recurse_times, Value key, EntryType type);
std::string format_property_with(Context& ctx, JsObject* object, double recurse_times, Value key,
                                 EntryType type, const Descriptor& desc);
std::optional<std::string> get_constructor_name(Context& ctx, JsObject* obj, double recurse_times);
std::string get_prefix(const std::optional<std::string>& constructor, std::string_view tag,
                       std::string_view fallback, std::string_view size = "");
// V8's internal class name for an object ("Object", "Array", "Map", ...).
std::string internal_class_name(Isolate& isolate, JsObject* o);

// ---- inspect_primitives.cpp ----
std::string format_primitive(Context& ctx, Value value);
std::string format_bigint_text(const std::string& decimal);
std::string symbol_to_string(js::JsSymbol* symbol);
// Escapes as Node's strEscapeSequencesReplacer (control characters, ', \,
// lone surrogates) without adding quotes.
std::string escape_without_quotes(std::string_view utf8);
bool is_identifier_key(std::string_view key);  // /^[a-zA-Z_][a-zA-Z_0-9]*$/
// JavaScript's `.length`: UTF-16 code units of UTF-8 text.
size_t js_length(std::string_view utf8);
// Node's getStringWidth (terminal columns; wide CJK counts 2).
size_t string_width(std::string_view utf8);
std::string repeat_spaces(int n);
std::string replace_all(std::string_view text, std::string_view from, std::string_view to);
// "... 3 more items"
std::string remaining_text(double remaining);

// ---- inspect_layout.cpp ----
std::string reduce_to_single_string(Context& ctx, std::vector<std::string> output, const std::string& base,
                                    const std::string& brace_open, const std::string& brace_close,
                                    EntryType type, double recurse_times, JsObject* value);

// ---- inspect_kinds.cpp: the per-kind pieces of formatRaw ----
std::vector<std::string> format_array(Context& ctx, js::JsArray* array, double recurse_times);
std::vector<std::string> format_typed_array(Context& ctx, js::JsTypedArray* typed);
std::vector<std::string> format_array_buffer(Context& ctx, js::JsArrayBuffer* buffer);
std::vector<std::string> format_set(Context& ctx, const std::vector<Value>& values, double recurse_times);
std::vector<std::string> format_map(Context& ctx, const std::vector<std::pair<Value, Value>>& entries,
                                    double recurse_times);
std::vector<std::string> format_promise(Context& ctx, JsObject* promise, double recurse_times);
// A Map or Set iterator's remaining entries (Node's formatIterator).
std::vector<std::string> format_collection_iterator(Context& ctx, JsObject* iterator, double recurse_times);
// entries() iterators preview [key, value] pairs, which Node brands "Entries".
bool iterator_is_key_value(JsObject* iterator);
// The Map or Set a collection iterator walks, as "Map"/"Set"; "" otherwise.
std::string collection_iterator_type(Isolate& isolate, JsObject* o);
std::string format_error(Context& ctx, JsObject* err, const std::optional<std::string>& constructor,
                         std::string_view tag, std::vector<Value>& keys);
std::string get_function_base(Context& ctx, js::JsFunction* fn, const std::optional<std::string>& constructor,
                              std::string_view tag);
std::string get_boxed_base(Context& ctx, JsObject* value, std::vector<Value>& keys,
                           const std::optional<std::string>& constructor, std::string_view tag);
std::string format_date(Isolate& isolate, JsObject* date);
std::string format_buffer(Context& ctx, js::JsTypedArray* buffer);
std::string typed_array_name(js::TypedArrayKind kind);
bool is_error_object(Isolate& isolate, JsObject* o);
bool is_buffer(Isolate& isolate, JsObject* o);
bool has_in_chain(JsObject* o, JsObject* proto);
// Map/Set contents in insertion order.
std::vector<std::pair<Value, Value>> map_contents(Isolate& isolate, JsObject* map);
std::vector<Value> set_contents(Isolate& isolate, JsObject* set);

}  // namespace looplab::node::inspect_detail
