// The `console` global as lib/internal/console/constructor.js (Node v20)
// behaves when stdout and stderr are files or pipes: synchronous writes,
// group indentation, counters and timers on the virtual clock.
#include <cmath>
#include <map>

#include "engine/js/operations.h"
#include "engine/js/string.h"
#include "engine/node/inspect.h"
#include "engine/node/process.h"

namespace looplab::node {

using js::CallArgs;
using js::Isolate;
using js::JsObject;
using js::Value;

namespace {

// Per-process console state, kept on the console object's native data
// would need a cell; one small struct per NodeProcess is simpler.
struct ConsoleState {
    std::string group_indent;
    std::map<std::string, uint64_t> counts;    // ordered: deterministic if ever listed
    std::map<std::string, uint64_t> timers_ns;
};

ConsoleState& state_of(Isolate& isolate) {
    static_assert(sizeof(void*) == 8);
    NodeProcess& p = process_of(isolate);
    return *static_cast<ConsoleState*>(p.console_state.get());
}

void print(Isolate& isolate, Stream stream, std::string text) {
    ConsoleState& s = state_of(isolate);
    if (!s.group_indent.empty()) {
        std::string indented = s.group_indent;
        for (char c : text) {
            indented.push_back(c);
            if (c == '\n') indented += s.group_indent;
        }
        text = std::move(indented);
    }
    text.push_back('\n');
    process_of(isolate).write(stream, text);
}

Value log_to(Isolate& isolate, const CallArgs& call, Stream stream) {
    print(isolate, stream, format_log_args(isolate, call.args));
    return Value::undefined();
}

Value console_log(Isolate& isolate, const CallArgs& call) { return log_to(isolate, call, Stream::Stdout); }
Value console_error(Isolate& isolate, const CallArgs& call) { return log_to(isolate, call, Stream::Stderr); }

std::string label_of(Isolate& isolate, const CallArgs& call) {
    return call.arg(0).is_undefined() ? "default" : js::to_string(isolate, call.arg(0));
}

Value console_dir(Isolate& isolate, const CallArgs& call) {
    InspectOptions base;
    base.custom_inspect = false;
    InspectOptions options = inspect_options_from_js(isolate, call.arg(1), base);
    print(isolate, Stream::Stdout, inspect(isolate, call.arg(0), options));
    return Value::undefined();
}

Value console_assert(Isolate& isolate, const CallArgs& call) {
    if (js::to_boolean(call.arg(0))) return Value::undefined();
    std::vector<Value> args(call.args.begin() + (call.size() > 0 ? 1 : 0), call.args.end());
    if (args.empty()) {
        args.push_back(isolate.intern("Assertion failed"));
    } else {
        args[0] = isolate.new_string("Assertion failed: " + js::to_string(isolate, args[0]));
    }
    print(isolate, Stream::Stderr, format_log_args(isolate, args));
    return Value::undefined();
}

Value console_count(Isolate& isolate, const CallArgs& call) {
    const std::string label = label_of(isolate, call);
    const uint64_t n = ++state_of(isolate).counts[label];
    print(isolate, Stream::Stdout, label + ": " + std::to_string(n));
    return Value::undefined();
}

Value console_count_reset(Isolate& isolate, const CallArgs& call) {
    const std::string label = label_of(isolate, call);
    auto& counts = state_of(isolate).counts;
    auto it = counts.find(label);
    if (it == counts.end()) {
        process_of(isolate).emit_warning("Count for '" + label + "' does not exist");
    } else {
        it->second = 0;
    }
    return Value::undefined();
}

// formatTime(ms) from lib/internal/util/debuglog.js.
std::string format_time(double ms) {
    constexpr double kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute;
    double hours = 0, minutes = 0, seconds = 0;
    if (ms >= kSecond) {
        if (ms >= kMinute) {
            if (ms >= kHour) {
                hours = std::floor(ms / kHour);
                ms = std::fmod(ms, kHour);
            }
            minutes = std::floor(ms / kMinute);
            ms = std::fmod(ms, kMinute);
        }
        seconds = ms / kSecond;
    }
    char buf[64];
    if (hours != 0 || minutes != 0) {
        std::snprintf(buf, sizeof buf, "%.3f", seconds);
        std::string fixed = buf;
        const auto dot = fixed.find('.');
        std::string sec = fixed.substr(0, dot), frac = fixed.substr(dot + 1);
        if (sec.size() < 2) sec = "0" + sec;
        std::string res;
        if (hours != 0) {
            std::string m = std::to_string(int64_t(minutes));
            if (m.size() < 2) m = "0" + m;
            res = std::to_string(int64_t(hours)) + ":" + m;
        } else {
            res = std::to_string(int64_t(minutes));
        }
        return res + ":" + sec + "." + frac + " (" + (hours != 0 ? "h:m" : "") + "m:ss.mmm)";
    }
    if (seconds != 0) {
        std::snprintf(buf, sizeof buf, "%.3fs", seconds);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.3f", ms);
    return js::number_to_string(std::strtod(buf, nullptr)) + "ms";
}

Value console_time(Isolate& isolate, const CallArgs& call) {
    const std::string label = label_of(isolate, call);
    auto& timers = state_of(isolate).timers_ns;
    if (timers.count(label)) {
        process_of(isolate).emit_warning("Label '" + label + "' already exists for console.time()");
        return Value::undefined();
    }
    timers[label] = process_of(isolate).now_ns();
    return Value::undefined();
}

Value time_log_impl(Isolate& isolate, const CallArgs& call, const char* name, bool end) {
    const std::string label = label_of(isolate, call);
    auto& timers = state_of(isolate).timers_ns;
    auto it = timers.find(label);
    if (it == timers.end()) {
        process_of(isolate).emit_warning("No such label '" + label + "' for console." + name + "()");
        return Value::undefined();
    }
    const double ms = double(process_of(isolate).now_ns() - it->second) / 1e6;
    std::string text = label + ": " + format_time(ms);
    if (!end && call.size() > 1) text += " " + format_log_args(isolate, call.args.subspan(1));
    if (end) timers.erase(it);
    print(isolate, Stream::Stdout, text);
    return Value::undefined();
}

Value console_time_end(Isolate& isolate, const CallArgs& call) { return time_log_impl(isolate, call, "timeEnd", true); }
Value console_time_log(Isolate& isolate, const CallArgs& call) { return time_log_impl(isolate, call, "timeLog", false); }

Value console_group(Isolate& isolate, const CallArgs& call) {
    if (call.size() > 0) print(isolate, Stream::Stdout, format_log_args(isolate, call.args));
    state_of(isolate).group_indent += "  ";
    return Value::undefined();
}

Value console_group_end(Isolate& isolate, const CallArgs&) {
    std::string& indent = state_of(isolate).group_indent;
    if (indent.size() >= 2) indent.resize(indent.size() - 2);
    return Value::undefined();
}

Value console_trace(Isolate& isolate, const CallArgs& call) {
    std::string text = "Trace";
    if (call.size() > 0) text += ": " + format_log_args(isolate, call.args);
    const std::string stack = isolate.capture_stack_trace(0);
    if (!stack.empty()) text += "\n" + stack;
    print(isolate, Stream::Stderr, text);
    return Value::undefined();
}

// ---- console.table (lib/internal/cli_table.js) ----

size_t display_width(const std::string& s) {
    size_t w = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) w++;
    }
    return w;
}

std::string render_row(const std::vector<std::string>& row, const std::vector<size_t>& widths) {
    std::string out = "│ ";
    for (size_t i = 0; i < row.size(); i++) {
        out += row[i] + std::string(widths[i] - display_width(row[i]), ' ');
        if (i + 1 != row.size()) out += " │ ";
    }
    return out + " │";
}

std::string render_table(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& columns) {
    std::vector<size_t> widths;
    size_t rows = 0;
    for (size_t i = 0; i < head.size(); i++) {
        size_t w = display_width(head[i]);
        for (const std::string& cell : columns[i]) w = std::max(w, display_width(cell));
        widths.push_back(w);
        rows = std::max(rows, columns[i].size());
    }
    auto divider = [&](const char* l, const char* m, const char* r) {
        std::string out = l;
        for (size_t i = 0; i < widths.size(); i++) {
            for (size_t k = 0; k < widths[i] + 2; k++) out += "─";
            out += i + 1 == widths.size() ? r : m;
        }
        return out + "\n";
    };
    std::string out = divider("┌", "┬", "┐") + render_row(head, widths) + "\n" + divider("├", "┼", "┤");
    for (size_t r = 0; r < rows; r++) {
        std::vector<std::string> row;
        for (const auto& col : columns) row.push_back(r < col.size() ? col[r] : "");
        out += render_row(row, widths) + "\n";
    }
    return out + divider("└", "┴", "┘").substr(0, divider("└", "┴", "┘").size() - 1);
}

std::string table_cell(Isolate& isolate, Value v) {
    InspectOptions o;
    const bool plain_object = v.is_object() && !v.as_object()->is_array() && !v.as_object()->is_callable();
    o.depth = plain_object && js::own_property_keys(isolate, v.as_object(), js::KeyFilter::StringsOnly, true).size() > 2
                  ? -1
                  : 0;
    o.max_array_length = 3;
    o.break_length = InspectOptions::kInfinity;
    return inspect(isolate, v, o);
}

std::vector<std::string> index_column(size_t rows) {
    std::vector<std::string> index;
    for (size_t i = 0; i < rows; i++) index.push_back(std::to_string(i));
    return index;
}

// A Map prints (iteration index) | Key | Values; a Set (iteration index) | Values.
Value table_of_collection(Isolate& isolate, Value data) {
    bool is_map = data.as_object()->cls == js::ObjectClass::Map;
    std::vector<std::string> keys, values;
    for (Value entry : js::iterate_to_vector(isolate, data)) {
        if (is_map) {
            keys.push_back(table_cell(isolate, js::get(isolate, entry, Value::number(0))));
            values.push_back(table_cell(isolate, js::get(isolate, entry, Value::number(1))));
        } else {
            values.push_back(table_cell(isolate, entry));
        }
    }
    std::vector<std::string> head{"(iteration index)"};
    std::vector<std::vector<std::string>> columns{index_column(values.size())};
    if (is_map) {
        head.push_back("Key");
        columns.push_back(keys);
    }
    head.push_back("Values");
    columns.push_back(values);
    print(isolate, Stream::Stdout, render_table(head, columns));
    return Value::undefined();
}

Value console_table(Isolate& isolate, const CallArgs& call) {
    Value data = call.arg(0);
    if (!data.is_object()) return log_to(isolate, call, Stream::Stdout);
    JsObject* obj = data.as_object();
    if (obj->cls == js::ObjectClass::Map || obj->cls == js::ObjectClass::Set) return table_of_collection(isolate, data);
    // The optional column filter: exactly these columns, in this order.
    std::vector<Value> properties;
    bool filtered = call.arg(1).is_object() && call.arg(1).as_object()->is_array();
    if (filtered) properties = js::iterate_to_vector(isolate, call.arg(1));
    std::vector<std::string> index;
    std::vector<std::string> keys;  // column names in first-seen order
    std::vector<std::vector<std::pair<size_t, std::string>>> cells;  // per column: (row, text)
    std::vector<std::pair<size_t, std::string>> values;
    bool has_values = false;
    size_t row = 0;
    for (Value key : js::own_property_keys(isolate, obj, js::KeyFilter::StringsOnly, true)) {
        index.push_back(js::to_string(isolate, key));
        Value item = js::get(isolate, data, key);
        if (filtered || (item.is_object() && !item.as_object()->is_callable())) {
            std::vector<Value> item_keys =
                filtered ? properties : js::own_property_keys(isolate, item.as_object(), js::KeyFilter::StringsOnly, true);
            for (Value k : item_keys) {
                const std::string name = js::to_string(isolate, k);
                size_t col = 0;
                while (col < keys.size() && keys[col] != name) col++;
                if (col == keys.size()) {
                    keys.push_back(name);
                    cells.emplace_back();
                }
                bool present = item.is_object() && js::has_own_property(isolate, item.as_object(), isolate.to_property_key(k));
                if (present) cells[col].emplace_back(row, table_cell(isolate, js::get(isolate, item, isolate.to_property_key(k))));
            }
        } else {
            has_values = true;
            values.emplace_back(row, table_cell(isolate, item));
        }
        row++;
    }
    std::vector<std::string> head{"(index)"};
    std::vector<std::vector<std::string>> columns{index};
    auto column = [&](const std::vector<std::pair<size_t, std::string>>& sparse) {
        std::vector<std::string> col(row);
        for (const auto& [r, text] : sparse) col[r] = text;
        return col;
    };
    for (size_t i = 0; i < keys.size(); i++) {
        head.push_back(keys[i]);
        columns.push_back(column(cells[i]));
    }
    if (has_values) {
        head.push_back("Values");
        columns.push_back(column(values));
    }
    print(isolate, Stream::Stdout, render_table(head, columns));
    return Value::undefined();
}

}  // namespace

void install_console(NodeProcess& p) {
    Isolate& isolate = p.isolate();
    p.console_state = std::shared_ptr<void>(new ConsoleState(), [](void* s) { delete static_cast<ConsoleState*>(s); });
    JsObject* console = isolate.new_object();
    isolate.define_method(console, "log", console_log, 0);
    isolate.define_method(console, "info", console_log, 0);
    isolate.define_method(console, "debug", console_log, 0);
    isolate.define_method(console, "warn", console_error, 0);
    isolate.define_method(console, "error", console_error, 0);
    isolate.define_method(console, "dir", console_dir, 0);
    isolate.define_method(console, "assert", console_assert, 0);
    isolate.define_method(console, "count", console_count, 0);
    isolate.define_method(console, "countReset", console_count_reset, 0);
    isolate.define_method(console, "time", console_time, 0);
    isolate.define_method(console, "timeEnd", console_time_end, 0);
    isolate.define_method(console, "timeLog", console_time_log, 0);
    isolate.define_method(console, "group", console_group, 0);
    isolate.define_method(console, "groupCollapsed", console_group, 0);
    isolate.define_method(console, "groupEnd", console_group_end, 0);
    isolate.define_method(console, "trace", console_trace, 0);
    isolate.define_method(console, "table", console_table, 1);
    isolate.define_value(isolate.realm().global, "console", Value::object(console), js::kHiddenFlags);
}

}  // namespace looplab::node
