// CommonJS: require(), the module wrapper, the module cache, Node's
// resolution of relative paths and node_modules, and its "Cannot find
// module" errors. Files are read only inside the scenario's folder (the
// sandbox root); anything outside does not exist for the program.
#pragma once

#include <map>
#include <string>

#include "engine/js/isolate.h"
#include "engine/js/vm.h"
#include "engine/node/jslib.h"

namespace looplab::node {

class NodeProcess;

class ModuleLoader {
public:
    ModuleLoader(NodeProcess& process, std::string sandbox_root);

    // Compiles and runs the main module. A syntax error fills *syntax_error
    // and returns false; a runtime exception propagates as js::JsException.
    bool run_main(const std::string& path, const std::string& source, js::CompileError* syntax_error);

    // require(specifier) on behalf of `parent` (a module object).
    js::Value require(js::JsObject* parent, const std::string& specifier);
    // require.resolve
    std::string resolve(js::JsObject* parent, const std::string& specifier);

    // The library modules written in JavaScript (jslib.h).
    JsLibrary& library() { return library_; }

    void trace_roots(js::Tracer& tracer) const;

private:
    js::JsObject* new_module(const std::string& filename, js::JsObject* parent);
    js::JsFunction* make_require(js::JsObject* module);
    // Runs a file's code as module `module` (wrapper call).
    void load_js(js::JsObject* module, const std::string& filename);
    void load_json(js::JsObject* module, const std::string& filename);
    bool read_in_sandbox(const std::string& path, std::string* text) const;
    bool is_file_in_sandbox(const std::string& path) const;
    std::string try_extensions(const std::string& base) const;
    [[noreturn]] void throw_not_found(js::JsObject* parent, const std::string& specifier);

    NodeProcess& process_;
    std::string root_;
    std::map<std::string, js::JsObject*> cache_;  // filename -> module (Module._cache)
    std::map<std::string, js::Value> builtins_;   // name -> exports
    js::JsObject* main_ = nullptr;
    JsLibrary library_;
};

}  // namespace looplab::node
