#include "app/console_capture.h"

#include <fstream>
#include <iterator>

namespace looplab::app {
namespace {
constexpr size_t kMaxSourceBytes = 4u << 20;
}

void ConsoleCapture::push(trace::ConsoleStream stream, std::string_view text) {
    if (truncated_) return;
    if (lines_.size() >= kMaxLines) {
        truncated_ = true;
        lines_.push_back(trace::ConsoleLine{trace::ConsoleStream::Stderr, 0,
                                            "[looplab: the viewer stopped recording output after " +
                                                std::to_string(kMaxLines) + " lines]"});
        return;
    }
    lines_.push_back(trace::ConsoleLine{stream, 0, std::string(text)});
}

void ConsoleCapture::append(node::Stream stream, std::string_view bytes) {
    const auto s = stream == node::Stream::Stdout ? trace::ConsoleStream::Stdout : trace::ConsoleStream::Stderr;
    while (!bytes.empty()) {
        const size_t nl = bytes.find('\n');
        const std::string_view piece = bytes.substr(0, nl);
        if (last_open_ && !lines_.empty() && lines_.back().stream == s && !truncated_) {
            lines_.back().text.append(piece);
        } else {
            push(s, piece);
        }
        last_open_ = nl == std::string_view::npos;
        bytes = nl == std::string_view::npos ? std::string_view{} : bytes.substr(nl + 1);
    }
}

std::string read_source(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::string text;
    text.resize(kMaxSourceBytes);
    in.read(text.data(), std::streamsize(text.size()));
    text.resize(size_t(in.gcount()));
    return text;
}

}  // namespace looplab::app
