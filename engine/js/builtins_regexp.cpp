// RegExp constructor and prototype (ECMAScript 22.2), over the std::regex
// translation in regexp_compile.cpp.
//
// Simplifications, documented in docs: RegExp.prototype.exec is always the
// built-in one inside replace/match/split (a user-overridden `exec` is not
// called), @@split and @@matchAll do not consult Symbol.species, and the d
// flag is accepted but `indices` is not produced.
#include <cmath>

#include "engine/js/builtins.h"
#include "engine/js/builtins_b_common.h"
#include "engine/js/regexp.h"

namespace looplab::js {

using namespace builtins_detail;

namespace {

std::wstring to_units(JsString* s) {
    std::wstring units;
    if (s->is_ascii()) {
        const std::string& text = s->str();
        units.assign(text.begin(), text.end());
        return units;
    }
    std::u16string u = s->utf16();
    units.assign(u.begin(), u.end());
    return units;
}

const std::wstring& subject_units(JsRegExp* rx, JsString* s) {
    if (rx->cached_units.size() != s->length() || rx->cached_subject != s->str()) {
        rx->cached_subject = s->str();
        rx->cached_units = to_units(s);
    }
    return rx->cached_units;
}

std::u16string units_to_u16(const std::wstring& units, size_t from, size_t to) {
    std::u16string out;
    out.reserve(to - from);
    for (size_t i = from; i < to; ++i) out += static_cast<char16_t>(units[i]);
    return out;
}

Value slice_value(Isolate& isolate, JsString* s, const std::wstring& units, size_t from, size_t to) {
    if (s->is_ascii()) return isolate.new_string(s->str().substr(from, to - from));
    return isolate.new_string(utf16_to_utf8(units_to_u16(units, from, to)));
}

JsRegExp* this_regexp(Isolate& isolate, Value v, const char* method) {
    if (!is_regexp_object(v)) {
        isolate.throw_type_error(std::string("Method RegExp.prototype.") + method +
                                 " called on incompatible receiver " + describe_receiver(isolate, v));
    }
    return static_cast<JsRegExp*>(v.as_object());
}

double get_last_index(Isolate& isolate, JsRegExp* rx) {
    double d = to_integer_or_infinity(isolate, get(isolate, Value::object(rx), "lastIndex"));
    return d < 0 ? 0 : d;
}

void set_last_index(Isolate& isolate, JsRegExp* rx, double value) {
    set(isolate, Value::object(rx), isolate.intern("lastIndex"), Value::number(value), /*strict=*/true);
}

// 22.2.7.3 AdvanceStringIndex
size_t advance_string_index(const std::wstring& units, size_t index, bool unicode) {
    if (!unicode || index + 1 >= units.size()) return index + 1;
    wchar_t c = units[index];
    if (c >= 0xD800 && c <= 0xDBFF && units[index + 1] >= 0xDC00 && units[index + 1] <= 0xDFFF) return index + 2;
    return index + 1;
}

// 22.2.7.2 RegExpBuiltinExec, without building the result array.
bool builtin_exec_raw(Isolate& isolate, JsRegExp* rx, const std::wstring& units, RegexMatch* match) {
    // 4. Let lastIndex be ℝ(? ToLength(? Get(R, "lastIndex"))).
    double last_index = get_last_index(isolate, rx);
    bool global_or_sticky = rx->global || rx->sticky;
    // 8. If global is false and sticky is false, set lastIndex to 0.
    if (!global_or_sticky) last_index = 0;
    // 13.a. If lastIndex > length, then set lastIndex to 0 (if global or sticky) and return null.
    if (last_index > static_cast<double>(units.size()) ||
        !regexp_search(isolate, rx, units, static_cast<size_t>(last_index), rx->sticky, match)) {
        if (global_or_sticky) set_last_index(isolate, rx, 0);
        return false;
    }
    // 15-16. If global or sticky, Set(R, "lastIndex", e).
    if (global_or_sticky) set_last_index(isolate, rx, static_cast<double>(match->end()));
    return true;
}

std::vector<Value> capture_values(Isolate& isolate, JsString* s, const std::wstring& units, const RegexMatch& m) {
    std::vector<Value> captures;
    for (size_t g = 1; g < m.groups.size(); ++g) {
        auto [a, b] = m.groups[g];
        captures.push_back(a < 0 ? Value::undefined()
                                 : slice_value(isolate, s, units, static_cast<size_t>(a), static_cast<size_t>(b)));
    }
    return captures;
}

// The `groups` object: null prototype, one property per named group.
Value named_groups(Isolate& isolate, JsRegExp* rx, const std::vector<Value>& captures) {
    if (!rx->has_named_groups) return Value::undefined();
    JsObject* groups = isolate.new_object_with_proto(nullptr);
    for (size_t g = 1; g < rx->group_names.size(); ++g) {
        if (!rx->group_names[g].empty()) {
            create_data_property(isolate, groups, isolate.intern(rx->group_names[g]), captures[g - 1]);
        }
    }
    return Value::object(groups);
}

// 22.2.7.2 RegExpBuiltinExec steps 19-35: the match array.
Value build_match_array(Isolate& isolate, JsRegExp* rx, JsString* s, const std::wstring& units,
                        const RegexMatch& m) {
    std::vector<Value> items{slice_value(isolate, s, units, m.start(), m.end())};
    std::vector<Value> captures = capture_values(isolate, s, units, m);
    items.insert(items.end(), captures.begin(), captures.end());
    JsArray* a = isolate.new_array_from(items);
    create_data_property(isolate, a, isolate.intern("index"), Value::number(static_cast<double>(m.start())));
    create_data_property(isolate, a, isolate.intern("input"), Value::string(s));
    create_data_property(isolate, a, isolate.intern("groups"), named_groups(isolate, rx, captures));
    return Value::object(a);
}

Value regexp_exec_value(Isolate& isolate, JsRegExp* rx, JsString* s) {
    const std::wstring& units = subject_units(rx, s);
    RegexMatch m;
    if (!builtin_exec_raw(isolate, rx, units, &m)) return Value::null();
    return build_match_array(isolate, rx, s, units, m);
}

JsString* to_js_string(Isolate& isolate, Value v) { return to_string_value(isolate, v).as_string(); }

// ---------------------------------------------------------------- constructor

// 22.2.4.1 RegExp ( pattern, flags )
Value regexp_constructor(Isolate& isolate, const CallArgs& call) {
    Value pattern = call.arg(0);
    Value flags = call.arg(1);
    // 2-4. Called as a function with a RegExp and no flags: return it if its constructor is RegExp.
    if (!call.is_construct() && is_regexp_object(pattern) && flags.is_undefined()) {
        Value ctor = get(isolate, pattern, "constructor");
        if (ctor.is_object() && ctor.as_object() == call.callee) return pattern;
    }
    std::string p, f;
    if (is_regexp_object(pattern)) {
        auto* source = static_cast<JsRegExp*>(pattern.as_object());
        p = utf16_to_utf8(source->source);
        f = flags.is_undefined() ? source->flags : to_string(isolate, flags);
    } else {
        p = pattern.is_undefined() ? "" : to_string(isolate, pattern);
        f = flags.is_undefined() ? "" : to_string(isolate, flags);
    }
    Value rx = new_regexp(isolate, p, f);
    if (call.is_construct()) {
        rx.as_object()->proto =
            get_prototype_from_constructor(isolate, call.new_target, isolate.realm().regexp_prototype);
    }
    return rx;
}

// ---------------------------------------------------------------- prototype

Value regexp_exec(Isolate& isolate, const CallArgs& call) {
    JsRegExp* rx = this_regexp(isolate, call.this_value, "exec");
    return regexp_exec_value(isolate, rx, to_js_string(isolate, call.arg(0)));
}

Value regexp_test(Isolate& isolate, const CallArgs& call) {
    JsRegExp* rx = this_regexp(isolate, call.this_value, "test");
    JsString* s = to_js_string(isolate, call.arg(0));
    RegexMatch m;
    return Value::boolean(builtin_exec_raw(isolate, rx, subject_units(rx, s), &m));
}

// 22.2.6.13.1 EscapeRegExpPattern
std::string escape_source(const std::u16string& source) {
    if (source.empty()) return "(?:)";
    std::u16string out;
    bool in_class = false;
    for (size_t i = 0; i < source.size(); ++i) {
        char16_t c = source[i];
        if (c == '\\' && i + 1 < source.size()) {
            out += c;
            out += source[++i];
            continue;
        }
        if (c == '[') in_class = true;
        if (c == ']') in_class = false;
        if (c == '/' && !in_class) {
            out += u"\\/";
        } else if (c == '\n') {
            out += u"\\n";
        } else if (c == '\r') {
            out += u"\\r";
        } else if (c == 0x2028) {
            out += u"\\u2028";
        } else if (c == 0x2029) {
            out += u"\\u2029";
        } else {
            out += c;
        }
    }
    return utf16_to_utf8(out);
}

Value regexp_source(Isolate& isolate, const CallArgs& call) {
    if (call.this_value.is_object() && call.this_value.as_object() == isolate.realm().regexp_prototype) {
        return isolate.intern("(?:)");
    }
    return isolate.new_string(escape_source(this_regexp(isolate, call.this_value, "source")->source));
}

Value regexp_flags(Isolate& isolate, const CallArgs& call) {
    if (is_regexp_object(call.this_value)) {
        return isolate.intern(static_cast<JsRegExp*>(call.this_value.as_object())->flags);
    }
    if (!call.this_value.is_object()) isolate.throw_type_error("RegExp.prototype.flags getter called on non-object");
    // 22.2.6.4 for generic objects: read each flag property in order.
    static constexpr std::pair<const char*, char> kFlagProps[] = {
        {"hasIndices", 'd'}, {"global", 'g'}, {"ignoreCase", 'i'}, {"multiline", 'm'},
        {"dotAll", 's'},     {"unicode", 'u'}, {"sticky", 'y'}};
    std::string out;
    for (auto [name, letter] : kFlagProps) {
        if (to_boolean(get(isolate, call.this_value, name))) out += letter;
    }
    return isolate.new_string(out);
}

template <bool JsRegExp::*Flag>
Value regexp_flag_getter(Isolate& isolate, const CallArgs& call) {
    if (is_regexp_object(call.this_value)) return Value::boolean(static_cast<JsRegExp*>(call.this_value.as_object())->*Flag);
    if (call.this_value.is_object() && call.this_value.as_object() == isolate.realm().regexp_prototype) {
        return Value::undefined();
    }
    isolate.throw_type_error("RegExp.prototype flag getter called on an incompatible receiver");
}

// 22.2.6.17 RegExp.prototype.toString ( )
Value regexp_to_string(Isolate& isolate, const CallArgs& call) {
    if (!call.this_value.is_object()) isolate.throw_type_error("RegExp.prototype.toString requires that 'this' be an Object");
    std::string source = to_string(isolate, get(isolate, call.this_value, "source"));
    std::string flags = to_string(isolate, get(isolate, call.this_value, "flags"));
    return isolate.new_string("/" + source + "/" + flags);
}

// 22.2.6.8 RegExp.prototype [ @@match ] ( string )
Value regexp_symbol_match(Isolate& isolate, const CallArgs& call) {
    JsRegExp* rx = this_regexp(isolate, call.this_value, "[Symbol.match]");
    JsString* s = to_js_string(isolate, call.arg(0));
    if (!rx->global) return regexp_exec_value(isolate, rx, s);
    set_last_index(isolate, rx, 0);
    const std::wstring units = subject_units(rx, s);
    std::vector<Value> matches;
    RegexMatch m;
    while (builtin_exec_raw(isolate, rx, units, &m)) {
        matches.push_back(slice_value(isolate, s, units, m.start(), m.end()));
        if (m.start() == m.end()) {
            set_last_index(isolate, rx, static_cast<double>(advance_string_index(units, m.end(), rx->unicode)));
        }
    }
    if (matches.empty()) return Value::null();
    return Value::object(isolate.new_array_from(matches));
}

// 22.2.6.12 RegExp.prototype [ @@search ] ( string )
Value regexp_symbol_search(Isolate& isolate, const CallArgs& call) {
    JsRegExp* rx = this_regexp(isolate, call.this_value, "[Symbol.search]");
    JsString* s = to_js_string(isolate, call.arg(0));
    Value previous = get(isolate, Value::object(rx), "lastIndex");
    if (!same_value(previous, Value::number(0))) set_last_index(isolate, rx, 0);
    RegexMatch m;
    bool found = builtin_exec_raw(isolate, rx, subject_units(rx, s), &m);
    Value current = get(isolate, Value::object(rx), "lastIndex");
    if (!same_value(current, previous)) set(isolate, Value::object(rx), isolate.intern("lastIndex"), previous, true);
    return Value::number(found ? static_cast<double>(m.start()) : -1);
}

// 22.2.6.11 RegExp.prototype [ @@replace ] ( string, replaceValue )
Value regexp_symbol_replace(Isolate& isolate, const CallArgs& call) {
    JsRegExp* rx = this_regexp(isolate, call.this_value, "[Symbol.replace]");
    JsString* s = to_js_string(isolate, call.arg(0));
    Value replace_value = call.arg(1);
    bool functional = is_callable(replace_value);
    std::u16string replacement_template;
    if (!functional) replacement_template = to_js_string(isolate, replace_value)->utf16();
    if (rx->global) set_last_index(isolate, rx, 0);
    const std::wstring units = subject_units(rx, s);
    // 11-12. Collect every match first; replacer functions run afterwards.
    std::vector<RegexMatch> results;
    RegexMatch m;
    while (builtin_exec_raw(isolate, rx, units, &m)) {
        results.push_back(m);
        if (!rx->global) break;
        if (m.start() == m.end()) {
            set_last_index(isolate, rx, static_cast<double>(advance_string_index(units, m.end(), rx->unicode)));
        }
    }
    std::u16string str = units_to_u16(units, 0, units.size());
    std::u16string accumulated;
    size_t next_source_position = 0;
    for (const RegexMatch& r : results) {
        std::vector<Value> captures = capture_values(isolate, s, units, r);
        Value named = named_groups(isolate, rx, captures);
        std::u16string_view matched = std::u16string_view(str).substr(r.start(), r.end() - r.start());
        std::u16string replacement;
        if (functional) {
            std::vector<Value> args{slice_value(isolate, s, units, r.start(), r.end())};
            args.insert(args.end(), captures.begin(), captures.end());
            args.push_back(Value::number(static_cast<double>(r.start())));
            args.push_back(Value::string(s));
            if (!named.is_undefined()) args.push_back(named);
            replacement = to_js_string(isolate, isolate.call(replace_value, Value::undefined(), args))->utf16();
        } else {
            replacement = get_substitution(isolate, matched, str, r.start(), captures, named, replacement_template);
        }
        if (r.start() >= next_source_position) {
            accumulated.append(str, next_source_position, r.start() - next_source_position);
            accumulated += replacement;
            next_source_position = r.end();
        }
    }
    if (next_source_position >= str.size() && results.empty()) return Value::string(s);
    accumulated.append(str, std::min(next_source_position, str.size()));
    return isolate.new_string(utf16_to_utf8(accumulated));
}

// 22.2.6.14 RegExp.prototype [ @@split ] ( string, limit ), with a search
// from q standing in for the spec's sticky splitter at each q (the leftmost
// match found from q is the sticky match at its start).
Value regexp_symbol_split(Isolate& isolate, const CallArgs& call) {
    JsRegExp* rx = this_regexp(isolate, call.this_value, "[Symbol.split]");
    JsString* s = to_js_string(isolate, call.arg(0));
    uint32_t lim = call.arg(1).is_undefined() ? 0xFFFFFFFFu : to_uint32(isolate, call.arg(1));
    std::vector<Value> parts;
    if (lim == 0) return Value::object(isolate.new_array());
    const std::wstring units = subject_units(rx, s);
    size_t size = units.size();
    RegexMatch m;
    if (size == 0) {
        if (regexp_search(isolate, rx, units, 0, true, &m)) return Value::object(isolate.new_array());
        Value whole = Value::string(s);
        return Value::object(isolate.new_array_from(std::span<const Value>(&whole, 1)));
    }
    size_t p = 0, q = 0;
    while (q < size) {
        if (!regexp_search(isolate, rx, units, q, false, &m) || m.start() >= size) break;
        q = m.start();
        size_t e = std::min(m.end(), size);
        if (e == p) {
            q = advance_string_index(units, q, rx->unicode);
            continue;
        }
        parts.push_back(slice_value(isolate, s, units, p, q));
        if (parts.size() == lim) return Value::object(isolate.new_array_from(parts));
        p = e;
        for (Value capture : capture_values(isolate, s, units, m)) {
            parts.push_back(capture);
            if (parts.size() == lim) return Value::object(isolate.new_array_from(parts));
        }
        q = p;
    }
    parts.push_back(slice_value(isolate, s, units, p, size));
    return Value::object(isolate.new_array_from(parts));
}

// %RegExpStringIteratorPrototype% (22.2.9): the iterator matchAll returns.
struct JsRegExpStringIterator final : JsObject {
    explicit JsRegExpStringIterator(JsObject* proto) : JsObject(proto, ObjectClass::Iterator) {}
    JsRegExp* matcher = nullptr;
    JsString* string = nullptr;
    bool done = false;
    void trace(Tracer& t) override {
        JsObject::trace(t);
        t.mark(matcher);
        t.mark(string);
    }
};

// 22.2.9.2.1 %RegExpStringIteratorPrototype%.next ( )
Value regexp_string_iterator_next(Isolate& isolate, const CallArgs& call) {
    if (!call.this_value.is_object() || call.this_value.as_object()->cls != ObjectClass::Iterator) {
        isolate.throw_type_error("next method called on incompatible receiver");
    }
    auto* it = static_cast<JsRegExpStringIterator*>(call.this_value.as_object());
    if (it->done) return create_iter_result(isolate, Value::undefined(), true);
    JsRegExp* rx = it->matcher;
    const std::wstring& units = subject_units(rx, it->string);
    RegexMatch m;
    if (!builtin_exec_raw(isolate, rx, units, &m)) {
        it->done = true;
        return create_iter_result(isolate, Value::undefined(), true);
    }
    Value match = build_match_array(isolate, rx, it->string, units, m);
    if (!rx->global) {
        it->done = true;
    } else if (m.start() == m.end()) {
        set_last_index(isolate, rx, static_cast<double>(advance_string_index(units, m.end(), rx->unicode)));
    }
    return create_iter_result(isolate, match, false);
}

// 22.2.6.9 RegExp.prototype [ @@matchAll ] ( string )
Value regexp_symbol_match_all(Isolate& isolate, const CallArgs& call) {
    JsRegExp* rx = this_regexp(isolate, call.this_value, "[Symbol.matchAll]");
    JsString* s = to_js_string(isolate, call.arg(0));
    auto* matcher = static_cast<JsRegExp*>(new_regexp(isolate, utf16_to_utf8(rx->source), rx->flags).as_object());
    set_last_index(isolate, matcher, get_last_index(isolate, rx));
    // The iterator prototype is kept in RegExp.prototype's internal slot (the realm has no field for it).
    auto* it = isolate.heap().make<JsRegExpStringIterator>(isolate.realm().regexp_prototype->internal.as_object());
    it->matcher = matcher;
    it->string = s;
    return Value::object(it);
}

void install_flag_getters(Isolate& isolate, JsObject* proto) {
    isolate.define_getter(proto, "dotAll", regexp_flag_getter<&JsRegExp::dot_all>);
    isolate.define_getter(proto, "flags", regexp_flags);
    isolate.define_getter(proto, "global", regexp_flag_getter<&JsRegExp::global>);
    isolate.define_getter(proto, "hasIndices", regexp_flag_getter<&JsRegExp::has_indices>);
    isolate.define_getter(proto, "ignoreCase", regexp_flag_getter<&JsRegExp::ignore_case>);
    isolate.define_getter(proto, "multiline", regexp_flag_getter<&JsRegExp::multiline>);
    isolate.define_getter(proto, "source", regexp_source);
    isolate.define_getter(proto, "sticky", regexp_flag_getter<&JsRegExp::sticky>);
    isolate.define_getter(proto, "unicode", regexp_flag_getter<&JsRegExp::unicode>);
}

}  // namespace

JsSymbol* regexp_well_known_symbol(Isolate& isolate, std::string_view name) {
    Value symbol_ctor = get(isolate, Value::object(isolate.realm().global), "Symbol");
    if (symbol_ctor.is_object()) {
        Value existing = get(isolate, symbol_ctor, name);
        if (existing.is_symbol()) return existing.as_symbol();
    }
    JsSymbol* symbol = isolate.heap().make<JsSymbol>("Symbol." + std::string(name));
    // Defined on Symbol (non-writable, non-enumerable, non-configurable),
    // which also keeps it alive; without a Symbol global the RegExp
    // prototype's method keys keep it alive.
    if (symbol_ctor.is_object()) define_own_property(isolate, symbol_ctor.as_object(), isolate.intern(name), Value::symbol(symbol), 0);
    return symbol;
}

std::u16string get_substitution(Isolate& isolate, std::u16string_view matched, std::u16string_view str,
                                size_t position, const std::vector<Value>& captures, Value named,
                                std::u16string_view replacement) {
    std::u16string result;
    size_t tail_pos = std::min(position + matched.size(), str.size());
    size_t m = captures.size();
    for (size_t i = 0; i < replacement.size(); ++i) {
        char16_t c = replacement[i];
        if (c != '$' || i + 1 >= replacement.size()) {
            result += c;
            continue;
        }
        char16_t next = replacement[i + 1];
        if (next == '$') {
            result += u'$';
            ++i;
        } else if (next == '&') {
            result += matched;
            ++i;
        } else if (next == '`') {
            result += str.substr(0, position);
            ++i;
        } else if (next == '\'') {
            result += str.substr(tail_pos);
            ++i;
        } else if (next >= '0' && next <= '9') {
            // $nn when it names an existing group, else $n, else literal.
            size_t digit1 = next - '0';
            size_t index = 0, consumed = 0;
            if (i + 2 < replacement.size() && replacement[i + 2] >= '0' && replacement[i + 2] <= '9') {
                size_t two = digit1 * 10 + (replacement[i + 2] - '0');
                if (two >= 1 && two <= m) index = two, consumed = 2;
            }
            if (consumed == 0 && digit1 >= 1 && digit1 <= m) index = digit1, consumed = 1;
            if (consumed == 0) {
                result += c;
                continue;
            }
            Value capture = captures[index - 1];
            if (!capture.is_undefined()) result += capture.as_string()->utf16();
            i += consumed;
        } else if (next == '<' && !named.is_undefined()) {
            size_t close = replacement.find(u'>', i + 2);
            if (close == std::u16string_view::npos) {
                result += c;
                continue;
            }
            std::string name = utf16_to_utf8(replacement.substr(i + 2, close - i - 2));
            Value capture = get(isolate, named, isolate.intern(name));
            if (!capture.is_undefined()) result += to_js_string(isolate, capture)->utf16();
            i = close;
        } else {
            result += c;
        }
    }
    return result;
}

void install_regexp_builtins(Isolate& isolate) {
    Realm& realm = isolate.realm();
    JsObject* proto = isolate.new_object();
    realm.regexp_prototype = proto;
    JsFunction* ctor = make_constructor(isolate, "RegExp", regexp_constructor, 2, proto);
    (void)ctor;
    isolate.define_method(proto, "exec", regexp_exec, 1);
    isolate.define_method(proto, "test", regexp_test, 1);
    isolate.define_method(proto, "toString", regexp_to_string, 0);
    install_flag_getters(isolate, proto);
    JsSymbol* match = regexp_well_known_symbol(isolate, "match");
    JsSymbol* match_all = regexp_well_known_symbol(isolate, "matchAll");
    JsSymbol* replace = regexp_well_known_symbol(isolate, "replace");
    JsSymbol* search = regexp_well_known_symbol(isolate, "search");
    JsSymbol* split = regexp_well_known_symbol(isolate, "split");
    define_symbol_method(isolate, proto, match, "[Symbol.match]", regexp_symbol_match, 1);
    define_symbol_method(isolate, proto, match_all, "[Symbol.matchAll]", regexp_symbol_match_all, 1);
    define_symbol_method(isolate, proto, replace, "[Symbol.replace]", regexp_symbol_replace, 2);
    define_symbol_method(isolate, proto, search, "[Symbol.search]", regexp_symbol_search, 1);
    define_symbol_method(isolate, proto, split, "[Symbol.split]", regexp_symbol_split, 2);

    JsObject* iterator_proto = isolate.new_object_with_proto(realm.iterator_prototype ? realm.iterator_prototype
                                                                                       : realm.object_prototype);
    isolate.define_method(iterator_proto, "next", regexp_string_iterator_next, 0);
    define_to_string_tag(isolate, iterator_proto, "RegExp String Iterator");
    proto->internal = Value::object(iterator_proto);
}

}  // namespace looplab::js
