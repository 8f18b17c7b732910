#include "engine/trace/export_buffer.h"

#include <cstdio>

namespace looplab::trace {

void append_json_quoted(std::string& out, std::string_view text) {
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
}

ExportBuffer& ExportBuffer::micros(uint64_t ns) {
    *this << ns / 1000 << '.';
    const auto frac = unsigned(ns % 1000);
    buf_.push_back(char('0' + frac / 100));
    buf_.push_back(char('0' + frac / 10 % 10));
    buf_.push_back(char('0' + frac % 10));
    return *this;
}

}  // namespace looplab::trace
