// The exporters' output buffer: text is assembled in one block and handed
// to the stream in large writes, because per-value ostream insertion
// dominated the export of long traces.
#pragma once

#include <charconv>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace looplab::trace {

// Appends `text` as a JSON string literal: quotes, backslashes and control
// characters escaped, bytes >= 0x80 passed through (the text is UTF-8).
void append_json_quoted(std::string& out, std::string_view text);

class ExportBuffer {
public:
    explicit ExportBuffer(std::ostream& out) : out_(out) { buf_.reserve(kFlushBytes + 4096); }
    ~ExportBuffer() { flush(); }
    ExportBuffer(const ExportBuffer&) = delete;
    ExportBuffer& operator=(const ExportBuffer&) = delete;

    ExportBuffer& operator<<(std::string_view text) {
        buf_.append(text);
        return *this;
    }
    ExportBuffer& operator<<(char c) {
        buf_.push_back(c);
        return *this;
    }
    ExportBuffer& operator<<(uint64_t v) {
        char digits[24];
        buf_.append(digits, std::to_chars(digits, digits + sizeof digits, v).ptr);
        return *this;
    }
    ExportBuffer& operator<<(int64_t v) {
        char digits[24];
        buf_.append(digits, std::to_chars(digits, digits + sizeof digits, v).ptr);
        return *this;
    }
    // A JSON string literal, quotes included (json_quote's rules).
    ExportBuffer& quoted(std::string_view text) {
        append_json_quoted(buf_, text);
        return *this;
    }
    // Microseconds with nanosecond precision ("12.345"), without float noise.
    ExportBuffer& micros(uint64_t ns);
    // Call between records: writes out the block once it is large.
    void maybe_flush() {
        if (buf_.size() >= kFlushBytes) flush();
    }
    void flush() {
        out_.write(buf_.data(), std::streamsize(buf_.size()));
        buf_.clear();
    }

private:
    static constexpr size_t kFlushBytes = size_t(1) << 20;
    std::ostream& out_;
    std::string buf_;
};

}  // namespace looplab::trace
