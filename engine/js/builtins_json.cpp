// JSON (ECMAScript 25.5): parse with V8's error messages (node 20 wording,
// positions in UTF-16 code units) and stringify with V8's escaping and its
// multi-line "Converting circular structure to JSON" message.
#include <cmath>
#include <cstdlib>

#include "engine/js/builtins.h"
#include "engine/js/operations.h"

namespace looplab::js {

namespace {

// ================================================================ parse

// V8's JsonParser, over either ASCII bytes or UTF-16 code units so that
// error positions are UTF-16 indices, as node reports them.
template <typename Char>
class JsonParser {
public:
    JsonParser(Isolate& isolate, std::basic_string_view<Char> text) : isolate_(isolate), text_(text) {}

    Value parse() {
        skip_whitespace();
        Value v = parse_value(0);
        skip_whitespace();
        if (!at_end()) fail("Unexpected non-whitespace character after JSON at position " + std::to_string(pos_));
        return v;
    }

private:
    static constexpr size_t kMaxDepth = 10'000;  // a bound instead of a C++ stack overflow
    // Sources shorter than this are quoted whole in "Unexpected token" messages.
    static constexpr size_t kMinSourceLengthForContext = 21;
    static constexpr size_t kContextCharacters = 10;

    bool at_end() const { return pos_ >= text_.size(); }
    Char peek() const { return text_[pos_]; }

    void skip_whitespace() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
    }

    std::string slice(size_t from, size_t to) const {
        if constexpr (sizeof(Char) == 1) {
            return std::string(text_.substr(from, to - from));
        } else {
            return utf16_to_utf8(text_.substr(from, to - from));
        }
    }

    [[noreturn]] void fail(const std::string& message) { isolate_.throw_error(ErrorType::SyntaxError, message); }
    [[noreturn]] void fail_at(const char* what, size_t pos) {
        fail(std::string(what) + " in JSON at position " + std::to_string(pos));
    }

    bool is_special_source() const {
        std::string all = slice(0, text_.size());
        return all == "undefined" || all == "NaN" || all == "Infinity" || all == "[object Object]";
    }

    // V8's ReportUnexpectedToken without a specific message.
    [[noreturn]] void unexpected(size_t pos) {
        if (pos >= text_.size()) fail("Unexpected end of JSON input");
        Char c = text_[pos];
        if ((c >= '0' && c <= '9') || c == '-') fail_at("Unexpected number", pos);
        if (c == '"') fail_at("Unexpected string", pos);
        if (is_special_source()) fail("\"" + slice(0, text_.size()) + "\" is not valid JSON");
        std::string token = slice(pos, pos + 1);
        size_t length = text_.size();
        if (length < kMinSourceLengthForContext) {
            fail("Unexpected token '" + token + "', \"" + slice(0, length) + "\" is not valid JSON");
        }
        std::string context;
        if (pos < kContextCharacters) {
            context = "\"" + slice(0, pos + kContextCharacters) + "\"...";
        } else if (pos < length - kContextCharacters) {
            context = "...\"" + slice(pos - kContextCharacters, pos + kContextCharacters) + "\"...";
        } else {
            context = "...\"" + slice(pos - kContextCharacters, length) + "\"";
        }
        fail("Unexpected token '" + token + "', " + context + " is not valid JSON");
    }

    Value parse_value(size_t depth) {
        if (depth > kMaxDepth) isolate_.throw_range_error("Maximum call stack size exceeded");
        if (at_end()) unexpected(pos_);
        switch (peek()) {
            case '"': return parse_string_value();
            case '{': return parse_object(depth);
            case '[': return parse_array(depth);
            case 't': return parse_literal("true", Value::boolean(true));
            case 'f': return parse_literal("false", Value::boolean(false));
            case 'n': return parse_literal("null", Value::null());
            default:
                if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parse_number();
                unexpected(pos_);
        }
    }

    Value parse_literal(const char* word, Value result) {
        for (const char* w = word; *w != 0; ++w, ++pos_) {
            if (at_end() || peek() != static_cast<Char>(*w)) unexpected(pos_);
        }
        return result;
    }

    bool digit_here() const { return !at_end() && peek() >= '0' && peek() <= '9'; }

    Value parse_number() {
        size_t start = pos_;
        if (peek() == '-') {
            ++pos_;
            if (!digit_here()) fail_at("No number after minus sign", pos_);
        }
        if (peek() == '0') {
            ++pos_;
            if (digit_here()) unexpected(pos_);
        } else {
            while (digit_here()) ++pos_;
        }
        if (!at_end() && peek() == '.') {
            ++pos_;
            if (!digit_here()) fail_at("Unterminated fractional number", pos_);
            while (digit_here()) ++pos_;
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            ++pos_;
            if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
            if (!digit_here()) fail_at("Exponent part is missing a number", pos_);
            while (digit_here()) ++pos_;
        }
        return Value::number(std::strtod(slice(start, pos_).c_str(), nullptr));
    }

    int hex_digit(size_t at) const {
        if (at >= text_.size()) return -1;
        Char c = text_[at];
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    // The text of a string token (pos_ at the opening quote), as UTF-8/WTF-8.
    std::string parse_string_text() {
        ++pos_;
        size_t run_start = pos_;
        // Fast path: no escapes, the raw slice is the value.
        while (!at_end() && peek() != '"' && peek() != '\\' && peek() >= 0x20) ++pos_;
        if (!at_end() && peek() == '"') {
            return slice(run_start, pos_++);
        }
        std::u16string units;
        auto flush = [&](size_t from, size_t to) {
            if constexpr (sizeof(Char) == 1) {
                units += utf8_to_utf16(std::string_view(text_.data() + from, to - from));
            } else {
                units.append(text_.data() + from, to - from);
            }
        };
        flush(run_start, pos_);
        for (;;) {
            if (at_end()) fail_at("Unterminated string", pos_);
            Char c = peek();
            if (c == '"') {
                ++pos_;
                return utf16_to_utf8(units);
            }
            if (c < 0x20) fail_at("Bad control character in string literal", pos_);
            if (c != '\\') {
                size_t from = pos_;
                while (!at_end() && peek() != '"' && peek() != '\\' && peek() >= 0x20) ++pos_;
                flush(from, pos_);
                continue;
            }
            ++pos_;
            if (at_end()) unexpected(pos_);
            switch (peek()) {
                case '"': units += u'"'; break;
                case '\\': units += u'\\'; break;
                case '/': units += u'/'; break;
                case 'b': units += u'\b'; break;
                case 'f': units += u'\f'; break;
                case 'n': units += u'\n'; break;
                case 'r': units += u'\r'; break;
                case 't': units += u'\t'; break;
                case 'u': {
                    char16_t unit = 0;
                    for (int i = 1; i <= 4; ++i) {
                        int h = hex_digit(pos_ + i);
                        if (h < 0) fail_at("Bad Unicode escape", pos_ + i);
                        unit = static_cast<char16_t>(unit * 16 + h);
                    }
                    units += unit;
                    pos_ += 4;
                    break;
                }
                default: fail_at("Bad escaped character", pos_);
            }
            ++pos_;
        }
    }

    Value parse_string_value() { return isolate_.new_string(parse_string_text()); }

    Value parse_array(size_t depth) {
        ++pos_;
        std::vector<Value> items;
        skip_whitespace();
        if (!at_end() && peek() == ']') {
            ++pos_;
            return Value::object(isolate_.new_array(0));
        }
        for (;;) {
            skip_whitespace();
            items.push_back(parse_value(depth + 1));
            skip_whitespace();
            if (!at_end() && peek() == ',') {
                ++pos_;
                continue;
            }
            if (!at_end() && peek() == ']') {
                ++pos_;
                return Value::object(isolate_.new_array_from(items));
            }
            fail_at("Expected ',' or ']' after array element", pos_);
        }
    }

    Value parse_key(const char* message_if_missing) {
        skip_whitespace();
        if (at_end() || peek() != '"') {
            if (message_if_missing == nullptr) unexpected(pos_);
            fail_at(message_if_missing, pos_);
        }
        return isolate_.intern(parse_string_text());
    }

    Value parse_object(size_t depth) {
        ++pos_;
        JsObject* object = isolate_.new_object();
        skip_whitespace();
        if (!at_end() && peek() == '}') {
            ++pos_;
            return Value::object(object);
        }
        bool first = true;
        for (;;) {
            Value key = parse_key(first ? "Expected property name or '}'" : "Expected double-quoted property name");
            skip_whitespace();
            if (at_end() || peek() != ':') {
                // Only the first property has a specific message in V8.
                if (first) fail_at("Expected ':' after property name", pos_);
                unexpected(pos_);
            }
            ++pos_;
            skip_whitespace();
            Value value = parse_value(depth + 1);
            define_own_property(isolate_, object, key, value, kDefaultFlags);
            first = false;
            skip_whitespace();
            if (!at_end() && peek() == ',') {
                ++pos_;
                continue;
            }
            if (!at_end() && peek() == '}') {
                ++pos_;
                return Value::object(object);
            }
            fail_at("Expected ',' or '}' after property value", pos_);
        }
    }

    Isolate& isolate_;
    std::basic_string_view<Char> text_;
    size_t pos_ = 0;
};

// InternalizeJSONProperty (25.5.1.1).
Value internalize(Isolate& isolate, Value holder, Value name, Value reviver, int depth) {
    if (depth > 10'000) isolate.throw_range_error("Maximum call stack size exceeded");
    Value val = get(isolate, holder, name);
    if (val.is_object()) {
        JsObject* o = val.as_object();
        std::vector<Value> keys;
        if (is_array_or_proxied_array(isolate, val)) {
            uint64_t len = length_of_array_like(isolate, o);
            for (uint64_t i = 0; i < len; ++i) keys.push_back(isolate.intern(std::to_string(i)));
        } else {
            keys = own_property_keys(isolate, o, KeyFilter::StringsOnly, true);
        }
        for (Value key : keys) {
            Value element = internalize(isolate, val, key, reviver, depth + 1);
            if (element.is_undefined()) {
                delete_property(isolate, o, key, false);
            } else {
                create_data_property(isolate, o, key, element);
            }
        }
    }
    Value args[2] = {name.is_string() ? name : to_string_value(isolate, name), val};
    return isolate.call(reviver, holder, args);
}

Value json_parse(Isolate& isolate, const CallArgs& call) {
    Value text = to_string_value(isolate, call.arg(0));
    JsString* s = text.as_string();
    Value result;
    if (s->is_ascii()) {
        result = JsonParser<char>(isolate, s->view()).parse();
    } else {
        std::u16string units = s->utf16();
        result = JsonParser<char16_t>(isolate, units).parse();
    }
    if (!is_callable(call.arg(1))) return result;
    JsObject* root = isolate.new_object();
    create_data_property(isolate, root, isolate.intern(""), result);
    return internalize(isolate, Value::object(root), isolate.intern(""), call.arg(1), 0);
}

// ================================================================ stringify

// QuoteJSONString (25.5.2.3) over WTF-8 text: lone surrogates become \udXXX.
void quote_json_string(std::string& out, std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    out += '"';
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = s[i];
        switch (c) {
            case '"': out += "\\\""; continue;
            case '\\': out += "\\\\"; continue;
            case '\b': out += "\\b"; continue;
            case '\f': out += "\\f"; continue;
            case '\n': out += "\\n"; continue;
            case '\r': out += "\\r"; continue;
            case '\t': out += "\\t"; continue;
            default: break;
        }
        if (c < 0x20) {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
            continue;
        }
        // WTF-8 surrogate: ED A0..BF xx.
        if (c == 0xED && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0) {
            uint32_t unit = 0xD000 | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                            (static_cast<unsigned char>(s[i + 2]) & 0x3F);
            // A high surrogate stored next to a low one is really a pair.
            if (unit < 0xDC00 && i + 5 < s.size() && static_cast<unsigned char>(s[i + 3]) == 0xED &&
                static_cast<unsigned char>(s[i + 4]) >= 0xB0) {
                uint32_t low = 0xD000 | ((static_cast<unsigned char>(s[i + 4]) & 0x3F) << 6) |
                               (static_cast<unsigned char>(s[i + 5]) & 0x3F);
                append_code_point(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                i += 5;
                continue;
            }
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(unit >> shift) & 15];
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    out += '"';
}

class JsonSerializer {
public:
    JsonSerializer(Isolate& isolate, Value replacer_fn, std::vector<Value> property_list, bool has_list,
                   std::string gap)
        : isolate_(isolate), replacer_(replacer_fn), property_list_(std::move(property_list)),
          has_property_list_(has_list), gap_(std::move(gap)) {}

    // Returns false when the top-level value serializes to undefined.
    bool serialize_top(Value value, std::string& out) {
        JsObject* wrapper = isolate_.new_object();
        create_data_property(isolate_, wrapper, isolate_.intern(""), value);
        return serialize_property(Value::object(wrapper), isolate_.intern(""), value, out);
    }

private:
    struct StackEntry {
        Value key;  // the key the object was reached by ("" for the root)
        JsObject* object;
    };

    // SerializeJSONProperty (25.5.2.2); value is Get(holder, key), already read.
    bool serialize_property(Value holder, Value key, Value value, std::string& out) {
        if (value.is_object() || value.is_bigint()) {
            Value to_json = get(isolate_, value, "toJSON");
            if (is_callable(to_json)) {
                Value k = key_as_string(key);
                value = isolate_.call(to_json, value, std::span<const Value>(&k, 1));
            }
        }
        if (!replacer_.is_undefined()) {
            Value args[2] = {key_as_string(key), value};
            value = isolate_.call(replacer_, holder, args);
        }
        if (value.is_object()) {
            JsObject* o = value.as_object();
            switch (o->cls) {
                case ObjectClass::Number: value = Value::number(to_number(isolate_, value)); break;
                case ObjectClass::String: value = to_string_value(isolate_, value); break;
                case ObjectClass::Boolean:
                case ObjectClass::BigInt: value = o->internal; break;
                default: break;
            }
        }
        if (value.is_null()) {
            out += "null";
        } else if (value.is_bool()) {
            out += value.as_bool() ? "true" : "false";
        } else if (value.is_string()) {
            quote_json_string(out, value.as_string()->view());
        } else if (value.is_number()) {
            double d = value.as_number();
            out += std::isfinite(d) ? number_to_string(d) : "null";
        } else if (value.is_bigint()) {
            isolate_.throw_type_error("Do not know how to serialize a BigInt");
        } else if (value.is_object() && !is_callable(value)) {
            enter(key, value.as_object());
            if (is_array_or_proxied_array(isolate_, value)) {
                serialize_array(value.as_object(), out);
            } else {
                serialize_object(value.as_object(), out);
            }
            stack_.pop_back();
        } else {
            return false;  // undefined, functions, symbols
        }
        return true;
    }

    Value key_as_string(Value key) {
        return key.is_string() ? key : to_string_value(isolate_, key);
    }

    void enter(Value key, JsObject* o) {
        for (size_t i = 0; i < stack_.size(); ++i) {
            if (stack_[i].object == o) throw_circular(i, key);
        }
        if (stack_.size() > 10'000) isolate_.throw_range_error("Maximum call stack size exceeded");
        stack_.push_back({key, o});
    }

    void newline_indent(std::string& out, size_t level) {
        out += '\n';
        for (size_t i = 0; i < level; ++i) out += gap_;
    }

    void serialize_object(JsObject* o, std::string& out) {
        size_t level = stack_.size();
        std::vector<Value> keys = has_property_list_ ? property_list_
                                                      : own_property_keys(isolate_, o, KeyFilter::StringsOnly, true);
        out += '{';
        bool any = false;
        for (Value key : keys) {
            size_t mark = out.size();
            if (any) out += ',';
            if (!gap_.empty()) newline_indent(out, level);
            quote_json_string(out, key.as_string()->view());
            out += gap_.empty() ? ":" : ": ";
            Value value = get(isolate_, Value::object(o), key);
            if (serialize_property(Value::object(o), key, value, out)) {
                any = true;
            } else {
                out.resize(mark);
            }
        }
        if (any && !gap_.empty()) newline_indent(out, level - 1);
        out += '}';
    }

    void serialize_array(JsObject* o, std::string& out) {
        size_t level = stack_.size();
        uint64_t len = length_of_array_like(isolate_, o);
        out += '[';
        for (uint64_t i = 0; i < len; ++i) {
            if (i > 0) out += ',';
            if (!gap_.empty()) newline_indent(out, level);
            Value key = Value::number(static_cast<double>(i));
            Value value;
            auto* dense = o->cls == ObjectClass::Array ? static_cast<JsArray*>(o) : nullptr;
            if (dense != nullptr && i < dense->elements.size() && !dense->elements[i].is_empty()) {
                value = dense->elements[i];
            } else {
                value = get(isolate_, Value::object(o), key);
            }
            if (!serialize_property(Value::object(o), key, value, out)) out += "null";
        }
        if (len > 0 && !gap_.empty()) newline_indent(out, level - 1);
        out += ']';
    }

    // The name V8 shows for an object: its constructor's name, or "Object".
    std::string constructor_name(JsObject* o) {
        Value ctor_key = isolate_.intern("constructor");
        for (JsObject* p = o; p != nullptr; p = p->proto) {
            const PropertySlot* slot = p->props.find(ctor_key);
            if (slot == nullptr) continue;
            if (!(slot->flags & kAccessor) && is_callable(slot->value)) {
                JsString* name = static_cast<JsFunction*>(slot->value.as_object())->name;
                if (name != nullptr && name->byte_length() > 0) return name->str();
            }
            break;
        }
        return "Object";
    }

    std::string describe_key(Value key) {
        if (key.is_number()) return "index " + number_to_string(key.as_number());
        return "property '" + key.as_string()->str() + "'";
    }

    std::string normal_line(const StackEntry& e) {
        return "\n    |     " + describe_key(e.key) + " -> object with constructor '" + constructor_name(e.object) + "'";
    }

    // V8's CircularStructureMessageBuilder: two lines after the start, an
    // ellipsis, and the last line before the closing key.
    [[noreturn]] void throw_circular(size_t start, Value closing_key) {
        constexpr size_t kPrefixCount = 2, kPostfixCount = 1;
        std::string message = "Converting circular structure to JSON\n    --> starting at object with constructor '" +
                              constructor_name(stack_[start].object) + "'";
        size_t size = stack_.size();
        size_t prefix_end = std::min(size, start + kPrefixCount + 1);
        for (size_t i = start + 1; i < prefix_end; ++i) message += normal_line(stack_[i]);
        if (size > prefix_end + kPostfixCount) message += "\n    |     ...";
        for (size_t i = std::max(prefix_end, size - kPostfixCount); i < size; ++i) message += normal_line(stack_[i]);
        message += "\n    --- " + describe_key(closing_key) + " closes the circle";
        isolate_.throw_type_error(message);
    }

    Isolate& isolate_;
    Value replacer_;
    std::vector<Value> property_list_;
    bool has_property_list_;
    std::string gap_;
    std::vector<StackEntry> stack_;
};

// The replacer array becomes a property list of unique string keys (25.5.2.1 step 4).
std::vector<Value> property_list_from(Isolate& isolate, JsObject* replacer) {
    std::vector<Value> list;
    uint64_t len = length_of_array_like(isolate, replacer);
    for (uint64_t i = 0; i < len; ++i) {
        Value v = get(isolate, Value::object(replacer), Value::number(static_cast<double>(i)));
        Value item;
        if (v.is_string() || v.is_number()) {
            item = isolate.to_property_key(v);
        } else if (v.is_object() && (v.as_object()->cls == ObjectClass::String || v.as_object()->cls == ObjectClass::Number)) {
            item = isolate.to_property_key(to_string_value(isolate, v));
        } else {
            continue;
        }
        bool seen = false;
        for (Value existing : list) seen = seen || existing.same_bits(item);
        if (!seen) list.push_back(item);
    }
    return list;
}

std::string gap_from(Isolate& isolate, Value space) {
    if (space.is_object()) {
        if (space.as_object()->cls == ObjectClass::Number) space = Value::number(to_number(isolate, space));
        else if (space.as_object()->cls == ObjectClass::String) space = to_string_value(isolate, space);
    }
    if (space.is_number()) {
        double n = std::min(10.0, to_integer_or_infinity(isolate, space));
        return n >= 1 ? std::string(static_cast<size_t>(n), ' ') : std::string();
    }
    if (space.is_string()) {
        JsString* s = space.as_string();
        return s->length() <= 10 ? s->str() : s->substring(0, 10);
    }
    return {};
}

Value json_stringify(Isolate& isolate, const CallArgs& call) {
    Value replacer = call.arg(1);
    Value replacer_fn;
    std::vector<Value> property_list;
    bool has_list = false;
    if (is_callable(replacer)) {
        replacer_fn = replacer;
    } else if (is_array(replacer)) {
        property_list = property_list_from(isolate, replacer.as_object());
        has_list = true;
    }
    JsonSerializer serializer(isolate, replacer_fn, std::move(property_list), has_list, gap_from(isolate, call.arg(2)));
    std::string out;
    if (!serializer.serialize_top(call.arg(0), out)) return Value::undefined();
    return isolate.new_string(std::move(out));
}

}  // namespace

void install_json_builtins(Isolate& isolate) {
    JsObject* json = isolate.new_object();
    isolate.define_method(json, "parse", json_parse, 2);
    isolate.define_method(json, "stringify", json_stringify, 3);
    define_own_property(isolate, json, Value::symbol(isolate.symbols().to_string_tag), isolate.intern("JSON"),
                        kConfigurable);
    isolate.define_value(isolate.realm().global, "JSON", Value::object(json));
}

}  // namespace looplab::js
