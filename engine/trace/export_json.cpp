#include <cstdio>

#include "engine/trace/exporters.h"

namespace looplab::trace {

std::string json_quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.push_back('"');
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(static_cast<unsigned char>(c)));
                out += buf;
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
    return out;
}

void write_json(const Trace& trace, std::ostream& out) {
    const TraceMeta& m = trace.meta();
    out << "{\"format\":\"looplab-trace\",\"version\":1,\n\"meta\":{\"script\":" << json_quote(m.script_path)
        << ",\"node_version\":" << json_quote(m.node_version) << ",\"seed\":" << m.seed
        << ",\"steps_recorded\":" << (m.steps_recorded ? "true" : "false")
        << ",\"cost_model\":" << (m.cost_model_json.empty() ? "{}" : m.cost_model_json) << "},\n";
    out << "\"queues\":[";
    for (size_t i = 0; i < kQueueCount; i++) out << (i ? "," : "") << json_quote(kQueueNames[i]);
    out << "],\n\"phases\":[";
    for (size_t i = 0; i < kPhaseCount; i++) out << (i ? "," : "") << json_quote(kPhaseNames[i]);
    out << "],\n\"rules\":[";
    for (size_t i = 0; i < kRuleCount; i++) out << (i ? "," : "") << json_quote(rule_name(static_cast<Rule>(i)));
    out << "],\n\"strings\":[";
    const auto& strings = trace.strings();
    for (size_t i = 0; i < strings.size(); i++) out << (i ? ",\n" : "") << json_quote(strings[i]);
    out << "],\n\"items\":[";
    const auto& items = trace.items();
    for (size_t i = 0; i < items.size(); i++) {
        const Item& it = items[i];
        out << (i ? ",\n" : "") << '[' << unsigned(it.queue) << ',' << it.label << ',' << it.line << ','
            << it.due_ms << ',' << it.seq << ']';
    }
    out << "],\n\"item_columns\":[\"queue\",\"label\",\"line\",\"due_ms\",\"seq\"],\n";
    out << "\"event_columns\":[\"t_ns\",\"kind\",\"rule\",\"isolate\",\"a\",\"b\"],\n\"events\":[";
    uint64_t now = 0;
    bool first = true;
    for (const Event& e : trace.events()) {
        now = advance_time(now, e);
        if (e.kind == EventKind::TimeJump) continue;  // the absolute t_ns column already says it
        out << (first ? "\n" : ",\n") << '[' << now << ",\"" << event_kind_name(e.kind) << "\"," << unsigned(e.rule)
            << ',' << e.isolate << ',' << e.a << ',' << e.b << ']';
        first = false;
    }
    out << "]}\n";
}

}  // namespace looplab::trace
