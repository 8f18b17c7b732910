#include <algorithm>
#include <array>
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

// The absolute time column in decimal, kept as digits: consecutive events
// are a few hundred ns apart, so adding the delta digit by digit is cheaper
// than formatting a 10-to-13-digit number for every row.
class DecimalClock {
public:
    DecimalClock() { set(0); }
    void advance_to(uint64_t now) {
        uint64_t carry = now - value_;
        if (carry >= 1'000'000'000) return set(now);
        value_ = now;
        for (size_t i = kEnd - 1; carry != 0; i--) {
            if (i < begin_) digits_[i] = '0', begin_ = i;
            uint64_t sum = uint64_t(digits_[i] - '0') + carry % 10;
            carry /= 10;
            if (sum >= 10) sum -= 10, carry++;
            digits_[i] = char('0' + sum);
        }
    }
    // Copies a fixed 24 bytes (no call to memcpy for a short, variable
    // length) and returns the position after the digits.
    char* write(char* p) const {
        std::memcpy(p, digits_ + begin_, 24);
        return p + (kEnd - begin_);
    }

private:
    void set(uint64_t now) {
        value_ = now;
        char text[24];
        const size_t len = size_t(std::to_chars(text, text + sizeof text, now).ptr - text);
        begin_ = kEnd - len;
        std::memcpy(digits_ + begin_, text, len);
    }
    static constexpr size_t kEnd = 24;  // digits end here; 24 spare bytes follow for write()
    char digits_[48] = {};
    size_t begin_ = kEnd;
    uint64_t value_ = 0;
};

// `,"kind",` for every kind, padded to 24 bytes for the same fixed copy.
struct KindText {
    char text[24] = {};
    size_t len = 0;
};

std::array<KindText, kEventKindCount> kind_texts() {
    std::array<KindText, kEventKindCount> texts;
    for (size_t k = 0; k < kEventKindCount; k++) {
        const std::string t = ",\"" + std::string(kEventKindNames[k]) + "\",";
        std::memcpy(texts[k].text, t.data(), t.size());
        texts[k].len = t.size();
    }
    return texts;
}

// The event rows are the bulk of the file: written through a raw pointer
// into a fixed block (one row is under 100 bytes).
void write_event_rows(const Trace& trace, std::ostream& out) {
    constexpr size_t kBlock = size_t(1) << 20;
    constexpr size_t kRowMax = 160;
    std::unique_ptr<char[]> block(new char[kBlock]);
    char* const begin = block.get();
    char* const limit = begin + kBlock - kRowMax;
    char* p = begin;
    const auto num = [&p](uint64_t v) {
        if (v < 10) *p++ = char('0' + v);  // most rule/isolate/a/b columns
        else p = std::to_chars(p, p + 24, v).ptr;
    };
    static const std::array<KindText, kEventKindCount> kinds = kind_texts();
    DecimalClock clock;
    uint64_t now = 0;
    const char* separator = "\n";
    for (const Event& e : trace.events()) {
        now = advance_time(now, e);
        if (e.kind == EventKind::TimeJump) continue;  // the absolute t_ns column already says it
        clock.advance_to(now);
        std::memcpy(p, separator, 2);
        p += separator[0] == '\n' ? 1 : 2;
        separator = ",\n";
        *p++ = '[';
        p = clock.write(p);
        const KindText& kind = kinds[size_t(e.kind)];
        std::memcpy(p, kind.text, sizeof kind.text);
        p += kind.len;
        num(e.rule);
        *p++ = ',';
        num(e.isolate);
        *p++ = ',';
        num(e.a);
        *p++ = ',';
        num(e.b);
        *p++ = ']';
        if (p >= limit) {
            out.write(begin, p - begin);
            p = begin;
        }
    }
    out.write(begin, p - begin);
}

// meta.isolates: the isolate table (docs/trace-format.md "Isolates").
void append_isolate_table(std::string& buf, const Trace& trace) {
    buf += ",\"isolates\":[";
    bool first = true;
    for (const IsolateInfo& info : trace.isolate_table()) {
        buf += first ? "\n" : ",\n";
        first = false;
        buf += "{\"id\":";
        append_uint(buf, info.id);
        buf += ",\"pid\":";
        append_uint(buf, uint64_t(std::max(0, info.pid)));
        buf += ",\"parent\":";
        append_uint(buf, info.parent);
        buf += ",\"kind\":";
        append_json_quoted(buf, isolate_kind_name(info.kind));
        buf += ",\"name\":";
        append_json_quoted(buf, info.name);
        buf += ",\"start_ns\":";
        append_uint(buf, info.start_ns);
        buf += '}';
    }
    buf += ']';
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
    append_isolate_table(buf, trace);
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
    out.write(buf.data(), std::streamsize(buf.size()));
    buf.clear();
    write_event_rows(trace, out);
    buf += "]}\n";
    out.write(buf.data(), std::streamsize(buf.size()));
}

}  // namespace looplab::trace
