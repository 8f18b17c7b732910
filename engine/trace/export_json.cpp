#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>

#include "engine/trace/export_buffer.h"
#include "engine/trace/exporters.h"

namespace looplab::trace {
namespace {

void append_uint(std::string& out, uint64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// Output is assembled in one std::string and handed to the stream in large
// blocks: per-value ostream insertion dominated `looplab trace --format json`.
constexpr size_t kFlushBytes = size_t(1) << 20;

void flush_if_full(std::string& buf, std::ostream& out) {
    if (buf.size() >= kFlushBytes) {
        out.write(buf.data(), std::streamsize(buf.size()));
        buf.clear();
    }
}

}  // namespace

std::string json_quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    append_json_quoted(out, text);
    return out;
}

void write_json(const Trace& trace, std::ostream& out) {
    const TraceMeta& m = trace.meta();
    std::string buf;
    buf.reserve(kFlushBytes + 4096);
    buf += "{\"format\":\"looplab-trace\",\"version\":1,\n\"meta\":{\"script\":";
    append_json_quoted(buf, m.script_path);
    buf += ",\"node_version\":";
    append_json_quoted(buf, m.node_version);
    buf += ",\"seed\":";
    append_uint(buf, m.seed);
    buf += ",\"steps_recorded\":";
    buf += m.steps_recorded ? "true" : "false";
    buf += ",\"cost_model\":";
    buf += m.cost_model_json.empty() ? std::string_view("{}") : std::string_view(m.cost_model_json);
    buf += "},\n";
    buf += "\"queues\":[";
    for (size_t i = 0; i < kQueueCount; i++) {
        if (i) buf += ',';
        append_json_quoted(buf, kQueueNames[i]);
    }
    buf += "],\n\"phases\":[";
    for (size_t i = 0; i < kPhaseCount; i++) {
        if (i) buf += ',';
        append_json_quoted(buf, kPhaseNames[i]);
    }
    buf += "],\n\"rules\":[";
    for (size_t i = 0; i < kRuleCount; i++) {
        if (i) buf += ',';
        append_json_quoted(buf, rule_name(static_cast<Rule>(i)));
    }
    buf += "],\n\"strings\":[";
    const auto& strings = trace.strings();
    for (size_t i = 0; i < strings.size(); i++) {
        if (i) buf += ",\n";
        append_json_quoted(buf, strings[i]);
        flush_if_full(buf, out);
    }
    buf += "],\n\"items\":[";
    const auto& items = trace.items();
    for (size_t i = 0; i < items.size(); i++) {
        const Item& it = items[i];
        if (i) buf += ",\n";
        buf += '[';
        append_uint(buf, unsigned(it.queue));
        buf += ',';
        append_uint(buf, it.label);
        buf += ',';
        append_uint(buf, it.line);
        buf += ',';
        append_uint(buf, it.due_ms);
        buf += ',';
        append_uint(buf, it.seq);
        buf += ']';
        flush_if_full(buf, out);
    }
    buf += "],\n\"item_columns\":[\"queue\",\"label\",\"line\",\"due_ms\",\"seq\"],\n";
    buf += "\"event_columns\":[\"t_ns\",\"kind\",\"rule\",\"isolate\",\"a\",\"b\"],\n\"events\":[";
    // The event rows are the bulk of the file: write them through a raw
    // pointer into a fixed block (one row is under 100 bytes).
    out.write(buf.data(), std::streamsize(buf.size()));
    buf.clear();
    constexpr size_t kBlock = size_t(1) << 20;
    constexpr size_t kRowMax = 128;
    std::unique_ptr<char[]> block(new char[kBlock]);
    char* const begin = block.get();
    char* const limit = begin + kBlock - kRowMax;
    char* p = begin;
    const auto put = [&p](std::string_view s) {
        std::memcpy(p, s.data(), s.size());
        p += s.size();
    };
    const auto num = [&p](uint64_t v) {
        if (v < 10) *p++ = char('0' + v);  // most rule/isolate/a/b columns
        else p = std::to_chars(p, p + 24, v).ptr;
    };
    uint64_t now = 0;
    uint64_t last_now = 0;
    char now_txt[24] = {'0'};
    size_t now_len = 1;
    bool first = true;
    for (const Event& e : trace.events()) {
        now = advance_time(now, e);
        if (e.kind == EventKind::TimeJump) continue;  // the absolute t_ns column already says it
        if (first) {
            *p++ = '\n';
        } else {
            *p++ = ',';
            *p++ = '\n';
        }
        *p++ = '[';
        if (now != last_now) {  // many events share a time: format it once
            last_now = now;
            now_len = size_t(std::to_chars(now_txt, now_txt + sizeof now_txt, now).ptr - now_txt);
        }
        std::memcpy(p, now_txt, now_len);
        p += now_len;
        *p++ = ',';
        *p++ = '"';
        put(event_kind_name(e.kind));
        *p++ = '"';
        *p++ = ',';
        num(e.rule);
        *p++ = ',';
        num(e.isolate);
        *p++ = ',';
        num(e.a);
        *p++ = ',';
        num(e.b);
        *p++ = ']';
        first = false;
        if (p >= limit) {
            out.write(begin, p - begin);
            p = begin;
        }
    }
    out.write(begin, p - begin);
    buf += "]}\n";
    out.write(buf.data(), std::streamsize(buf.size()));
}

}  // namespace looplab::trace
