// Library modules written in JavaScript (engine/node/lib/*.js, see
// docs/jslib.md). Node implements much of its library in JavaScript over
// native bindings; looplab does the same for stream, readline and friends.
// The sources are embedded at build time (lib/embed_sources.cmake), each
// compiled on first require as the function
//     (exports, require, module, binding)
// under the file name "node:<name>", which makes its frames internal (dimmed
// call stack, no traced steps) and its stack lines read like Node's
// ("node:internal/streams/readable:12:3").
#pragma once

#include <algorithm>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "engine/js/isolate.h"

namespace looplab::node {

class NodeProcess;

struct JsLibrarySource {
    std::string_view name;    // "stream", "internal/streams/readable"
    std::string_view source;  // the file's text
};

// Every embedded source, sorted by name (generated at build time).
std::span<const JsLibrarySource> js_library_sources();
// The embedded source of a library module, or null.
const JsLibrarySource* find_js_library_source(std::string_view name);
// Modules under "internal/" are reachable only from library code.
inline bool is_internal_library_module(std::string_view name) { return name.starts_with("internal/"); }

// One isolate's loaded library modules. Each module runs once per isolate;
// later requires return its module.exports.
class JsLibrary {
public:
    explicit JsLibrary(NodeProcess& process) : process_(process) {}

    // require(name) as library code sees it: a library module (public or
    // internal) or any built-in module. Never a user file.
    js::Value require(std::string_view name);
    // How many library modules this isolate has run (each runs once).
    size_t modules_loaded() const { return modules_.size(); }

    void trace_roots(js::Tracer& tracer) const;

private:
    js::Value load(const JsLibrarySource& source);
    js::JsObject* binding();

    NodeProcess& process_;
    std::map<std::string, js::JsObject*, std::less<>> modules_;  // name -> module object
    js::JsObject* binding_ = nullptr;
};

// Fills the `binding` object library modules receive: the natives they
// need and user code never sees (jslib_binding.cpp).
void install_js_library_binding(js::Isolate& isolate, js::JsObject* binding);

// The ModuleFactory of a public library module, for modules.cpp's table:
//     {"stream", create_js_library_module<"stream">},
template <size_t N>
struct LibraryName {
    constexpr LibraryName(const char (&text)[N]) { std::copy_n(text, N, chars); }
    constexpr std::string_view view() const { return {chars, N - 1}; }
    char chars[N];
};
js::Value require_public_library_module(js::Isolate& isolate, std::string_view name);
template <LibraryName Name>
js::Value create_js_library_module(js::Isolate& isolate) {
    return require_public_library_module(isolate, Name.view());
}

}  // namespace looplab::node
