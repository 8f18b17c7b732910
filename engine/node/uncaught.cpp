#include "engine/node/uncaught.h"

#include "engine/js/operations.h"
#include "engine/js/string.h"
#include "engine/node/inspect.h"
#include "engine/node/process.h"
#include "engine/node/timers.h"

namespace looplab::node {

using js::Value;

const char* const kMainModuleLoaderFrames =
    "    at wrapSafe (node:internal/modules/cjs/loader:1464:18)\n"
    "    at Module._compile (node:internal/modules/cjs/loader:1495:20)\n"
    "    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)\n"
    "    at Module.load (node:internal/modules/cjs/loader:1266:32)\n"
    "    at Module._load (node:internal/modules/cjs/loader:1091:12)\n"
    "    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n"
    "    at node:internal/main/run_main_module:28:49\n";

void set_uncaught_decoration(js::Isolate& isolate, js::JsObject* error, std::string arrow, std::string stack_suffix) {
    if (isolate.host_data == nullptr) return;  // a bare isolate (unit tests) prints no uncaught report
    process_of(isolate).error_arrows[error] = {std::move(arrow), std::move(stack_suffix)};
}

std::string node_banner() { return "\nNode.js " + std::string(kNodeVersion) + "\n"; }

std::string error_arrow(const std::string& file, uint32_t line, uint32_t column, const std::string& source_line,
                        uint32_t length) {
    std::string out = file + ":" + std::to_string(line) + "\n" + source_line + "\n";
    // GetErrorSource: tabs stay tabs so the caret lines up; columns count
    // UTF-16 units, which we walk as code points of the UTF-8 line.
    uint32_t col = 1;
    for (size_t i = 0; i < source_line.size() && col < column;) {
        const unsigned char c = static_cast<unsigned char>(source_line[i]);
        const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        out.push_back(c == '\t' ? '\t' : ' ');
        col += n == 4 ? 2 : 1;
        i += n;
    }
    out += std::string(std::max<uint32_t>(length, 1), '^');
    return out + "\n";
}

namespace {

// "    at f (/abs/file.js:3:9)" or "    at /abs/file.js:3:9" -> file, line, column.
bool first_frame_position(const std::string& stack, std::string* file, uint32_t* line, uint32_t* column) {
    size_t at = stack.find("\n    at ");
    if (at == std::string::npos) return false;
    const size_t end = stack.find('\n', at + 1);
    std::string frame = stack.substr(at + 8, end == std::string::npos ? std::string::npos : end - at - 8);
    if (!frame.empty() && frame.back() == ')') {
        const size_t open = frame.rfind('(');
        if (open == std::string::npos) return false;
        frame = frame.substr(open + 1, frame.size() - open - 2);
    }
    const size_t c2 = frame.rfind(':');
    if (c2 == std::string::npos) return false;
    const size_t c1 = frame.rfind(':', c2 - 1);
    if (c1 == std::string::npos) return false;
    *file = frame.substr(0, c1);
    *line = uint32_t(std::strtoul(frame.c_str() + c1 + 1, nullptr, 10));
    *column = uint32_t(std::strtoul(frame.c_str() + c2 + 1, nullptr, 10));
    return *line > 0;
}

std::string line_of(const std::string& text, uint32_t line) {
    size_t start = 0;
    for (uint32_t l = 1; l < line; l++) {
        start = text.find('\n', start);
        if (start == std::string::npos) return {};
        start++;
    }
    const size_t end = text.find('\n', start);
    std::string s = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!s.empty() && s.back() == '\r') s.pop_back();
    return s;
}

}  // namespace

std::string format_uncaught(NodeProcess& p, Value error, bool from_promise, const js::ThrowPosition& thrown_at) {
    js::Isolate& isolate = p.isolate();
    const bool is_error = error.is_object() && error.as_object()->cls == js::ObjectClass::Error;
    std::string arrow;
    if (auto it = p.error_arrows.find(error.is_object() ? error.as_object() : nullptr); it != p.error_arrows.end()) {
        arrow = it->second.arrow;  // thrown by Node's internals, or a syntax error in a required file
        if (!it->second.stack_suffix.empty()) {
            const Value stack = js::get(isolate, error, "stack");
            if (stack.is_string()) {
                js::set(isolate, error, "stack", isolate.new_string(stack.as_string()->str() + it->second.stack_suffix));
            }
        }
    } else if (from_promise) {
        const std::string name = is_error ? js::to_string(isolate, js::get(isolate, error, "name")) : "";
        Value stack = is_error ? js::get(isolate, error, "stack") : Value::undefined();
        std::string file;
        uint32_t line = 0, column = 0;
        if (name == "UnhandledPromiseRejection") {
            arrow = "node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n";
        } else if (stack.is_string() && first_frame_position(stack.as_string()->str(), &file, &line, &column)) {
            const std::string* source = p.source_of(file);
            if (source != nullptr) arrow = error_arrow(file, line, column, line_of(*source, line));
        }
    } else if (thrown_at.valid) {
        arrow = error_arrow(thrown_at.filename, thrown_at.line, thrown_at.column, thrown_at.source_line);
    }

    if (is_error) return arrow + "\n" + inspect(isolate, error) + "\n";
    if (error.is_object()) return "\n" + arrow + inspect(isolate, error) + "\n";
    const std::string text = error.is_symbol() ? std::string() : js::to_string(isolate, error);
    return "\n" + arrow + text + "\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n";
}

std::string format_main_syntax_error(const std::string& file, const js::CompileError& error) {
    return error_arrow(file, error.line, error.column, error.source_line, error.length) + "\n" + error.name + ": " +
           error.message + "\n" + kMainModuleLoaderFrames;
}

// NodeProcess::handle_uncaught lives here with the printing it drives.
void NodeProcess::handle_uncaught(Value error, bool from_promise) {
    const js::ThrowPosition thrown_at = isolate_->interpreter().last_throw_position();
    record(trace::EventKind::Uncaught, from_promise ? trace::Rule::UnhandledRejection : trace::Rule::UncaughtException,
           intern(error.is_object() && error.as_object()->cls == js::ObjectClass::Error
                      ? js::to_string(*isolate_, js::get(*isolate_, error, "message"))
                      : "uncaught value"),
           from_promise ? 1 : 0);
    // process._fatalException -> onGlobalUncaughtException
    if (listener_count("uncaughtException") > 0) {
        Value args[] = {error, isolate_->intern(from_promise ? "unhandledRejection" : "uncaughtException")};
        try {
            emit("uncaughtException", args);
        } catch (const js::JsException& e) {
            // An exception inside the handler is fatal (exit code 7).
            write(Stream::Stderr, format_uncaught(*this, e.value, false, isolate_->interpreter().last_throw_position()) +
                                      node_banner());
            throw ProcessExit{7};
        }
        // "If we handled an error, then make sure any ticks get processed by
        // ensuring that the next Immediate cycle isn't empty."
        immediates_->queue_noop();
        return;
    }
    if (!exiting) {
        exiting = true;
        set_exit_code(1);
        record(trace::EventKind::Emit, trace::Rule::ExitEvent, intern("exit"));
        Value code = Value::number(1);
        try {
            emit("exit", std::span<const Value>(&code, 1));
        } catch (const js::JsException&) {
            // "Nothing to be done about it at this point."
        }
    }
    write(Stream::Stderr, format_uncaught(*this, error, from_promise, thrown_at) + node_banner());
    throw ProcessExit{exit_code_or(1)};
}

}  // namespace looplab::node
