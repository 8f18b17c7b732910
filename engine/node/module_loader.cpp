#include "engine/node/module_loader.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/js/error.h"
#include "engine/js/operations.h"
#include "engine/node/module_support.h"
#include "engine/node/modules.h"
#include "engine/node/process.h"
#include "engine/node/timers_api.h"
#include "engine/node/uncaught.h"

namespace looplab::node {

namespace fs = std::filesystem;
using js::CallArgs;
using js::Isolate;
using js::JsObject;
using js::Value;

namespace {

const std::string kWrapperParams[] = {"exports", "require", "module", "__filename", "__dirname"};

std::string dirname_of(const std::string& path) {
    const size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string normalize(const std::string& path) { return fs::path(path).lexically_normal().string(); }

ModuleLoader& loader_of(Isolate& isolate) { return *process_of(isolate).modules; }

JsObject* module_of_require(const CallArgs& call) { return call.callee->native_data.as_object(); }

std::string specifier_arg(Isolate& isolate, const CallArgs& call) {
    Value id = call.arg(0);
    if (!id.is_string()) module_support::throw_invalid_arg_type(isolate, "id", "string", id);
    std::string s = id.as_string()->str();
    if (s.empty()) {
        module_support::throw_node_error(isolate, js::ErrorType::TypeError, "ERR_INVALID_ARG_VALUE",
                                         "The argument 'id' must be a non-empty string. Received ''");
    }
    return s;
}

Value require_native(Isolate& isolate, const CallArgs& call) {
    return loader_of(isolate).require(module_of_require(call), specifier_arg(isolate, call));
}

Value require_resolve_native(Isolate& isolate, const CallArgs& call) {
    return isolate.new_string(loader_of(isolate).resolve(module_of_require(call), specifier_arg(isolate, call)));
}

// Built-ins this runtime owns; the rest come from modules.cpp's table.
ModuleFactory own_builtin(std::string_view name) {
    if (name == "timers") return create_timers_module;
    if (name == "timers/promises") return create_timers_promises_module;
    return nullptr;
}

}  // namespace

ModuleLoader::ModuleLoader(NodeProcess& process, std::string sandbox_root)
    : process_(process), root_(normalize(sandbox_root)), library_(process) {}

void ModuleLoader::trace_roots(js::Tracer& tracer) const {
    for (const auto& [name, module] : cache_) tracer.mark(module);
    for (const auto& [name, exports] : builtins_) tracer.mark(exports);
    tracer.mark(main_);
    library_.trace_roots(tracer);
}

bool ModuleLoader::is_file_in_sandbox(const std::string& path) const {
    const std::string p = normalize(path);
    if (p != root_ && p.rfind(root_ + "/", 0) != 0) return false;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return false;
    // A symlink inside the folder must not lead outside it.
    const std::string real = fs::weakly_canonical(p, ec).string();
    const std::string real_root = fs::weakly_canonical(root_, ec).string();
    return real == real_root || real.rfind(real_root + "/", 0) == 0;
}

bool ModuleLoader::read_in_sandbox(const std::string& path, std::string* text) const {
    if (!is_file_in_sandbox(path)) return false;
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *text = ss.str();
    return true;
}

// Module._findPath for one candidate: the file, then .js/.json, then a
// folder's package.json "main" or index.js/index.json.
std::string ModuleLoader::try_extensions(const std::string& base) const {
    for (const char* ext : {"", ".js", ".json", ".node"}) {
        if (is_file_in_sandbox(base + ext)) return normalize(base + ext);
    }
    std::string pkg;
    if (read_in_sandbox(base + "/package.json", &pkg)) {
        const size_t key = pkg.find("\"main\"");
        if (key != std::string::npos) {
            const size_t q1 = pkg.find('"', pkg.find(':', key) + 1);
            const size_t q2 = q1 == std::string::npos ? q1 : pkg.find('"', q1 + 1);
            if (q2 != std::string::npos) {
                const std::string main = normalize(base + "/" + pkg.substr(q1 + 1, q2 - q1 - 1));
                for (const char* ext : {"", ".js", ".json", "/index.js", "/index.json"}) {
                    if (is_file_in_sandbox(main + ext)) return normalize(main + ext);
                }
            }
        }
    }
    for (const char* index : {"/index.js", "/index.json"}) {
        if (is_file_in_sandbox(base + index)) return normalize(base + index);
    }
    return {};
}

void ModuleLoader::throw_not_found(JsObject* parent, const std::string& specifier) {
    Isolate& isolate = process_.isolate();
    std::string message = "Cannot find module '" + specifier + "'";
    std::vector<Value> stack;
    if (parent != nullptr) message += "\nRequire stack:";
    for (JsObject* m = parent; m != nullptr;) {
        const std::string filename = js::to_string(isolate, js::get(isolate, Value::object(m), "filename"));
        message += "\n- " + filename;
        stack.push_back(isolate.new_string(filename));
        Value up = js::get(isolate, Value::object(m), "parent");
        m = up.is_object() ? up.as_object() : nullptr;
    }
    Value error = js::make_error(isolate, js::ErrorType::Error, message);
    js::create_data_property(isolate, error.as_object(), isolate.intern("code"), isolate.intern("MODULE_NOT_FOUND"));
    js::create_data_property(isolate, error.as_object(), isolate.intern("requireStack"),
                             Value::object(isolate.new_array_from(stack)));
    process_.error_arrows[error.as_object()] = {"node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n", ""};
    isolate.throw_value(error);
}

std::string ModuleLoader::resolve(JsObject* parent, const std::string& specifier) {
    Isolate& isolate = process_.isolate();
    const std::string parent_file =
        parent ? js::to_string(isolate, js::get(isolate, Value::object(parent), "filename")) : root_ + "/x.js";
    const std::string parent_dir = dirname_of(parent_file);
    std::string found;
    if (specifier.rfind("./", 0) == 0 || specifier.rfind("../", 0) == 0 || specifier == "." || specifier == ".." ||
        specifier[0] == '/') {
        found = try_extensions(specifier[0] == '/' ? normalize(specifier) : normalize(parent_dir + "/" + specifier));
    } else {
        // node_modules folders from the parent's folder up to the sandbox root.
        for (std::string dir = parent_dir;; dir = dirname_of(dir)) {
            found = try_extensions(dir + "/node_modules/" + specifier);
            if (!found.empty() || dir == root_ || dir.size() <= root_.size()) break;
        }
    }
    if (found.empty()) throw_not_found(parent, specifier);
    return found;
}

Value ModuleLoader::require(JsObject* parent, const std::string& specifier) {
    Isolate& isolate = process_.isolate();
    // Built-ins: 'node:x' always means the built-in; a bare 'x' does too when one exists.
    const bool prefixed = specifier.rfind("node:", 0) == 0;
    const std::string name = prefixed ? specifier.substr(5) : specifier;
    if (auto it = builtins_.find(name); it != builtins_.end()) return it->second;
    ModuleFactory factory = own_builtin(name);
    if (factory == nullptr) factory = find_builtin_module(name);
    if (factory != nullptr) {
        const Value exports = factory(isolate);
        builtins_[name] = exports;
        return exports;
    }
    if (prefixed) {
        Value error = module_support::make_node_error(isolate, js::ErrorType::Error, "ERR_UNKNOWN_BUILTIN_MODULE",
                                                      "No such built-in module: " + specifier);
        process_.error_arrows[error.as_object()] = {
            "node:internal/modules/cjs/loader:1031\n      throw new ERR_UNKNOWN_BUILTIN_MODULE(request);\n      ^\n", ""};
        isolate.throw_value(error);
    }
    const std::string filename = resolve(parent, specifier);
    if (auto it = cache_.find(filename); it != cache_.end()) {
        return js::get(isolate, Value::object(it->second), "exports");
    }
    JsObject* module = new_module(filename, parent);
    cache_[filename] = module;
    try {
        if (filename.size() > 5 && filename.compare(filename.size() - 5, 5, ".json") == 0) load_json(module, filename);
        else load_js(module, filename);
    } catch (...) {
        cache_.erase(filename);  // Node deletes a module that threw from the cache
        throw;
    }
    js::set(isolate, Value::object(module), "loaded", Value::boolean(true));
    return js::get(isolate, Value::object(module), "exports");
}

JsObject* ModuleLoader::new_module(const std::string& filename, JsObject* parent) {
    Isolate& isolate = process_.isolate();
    JsObject* m = isolate.new_object();
    auto prop = [&](std::string_view k, Value v) { js::create_data_property(isolate, m, isolate.intern(k), v); };
    prop("id", parent == nullptr ? isolate.intern(".") : isolate.new_string(filename));
    prop("path", isolate.new_string(dirname_of(filename)));
    prop("exports", Value::object(isolate.new_object()));
    prop("filename", isolate.new_string(filename));
    prop("loaded", Value::boolean(false));
    prop("children", Value::object(isolate.new_array(0)));
    prop("paths", Value::object(isolate.new_array(0)));
    js::define_own_property(isolate, m, isolate.intern("parent"),
                            parent ? Value::object(parent) : Value::undefined(), js::kWritable | js::kConfigurable);
    if (parent != nullptr) {
        Value children = js::get(isolate, Value::object(parent), "children");
        if (children.is_object() && children.as_object()->is_array()) {
            static_cast<js::JsArray*>(children.as_object())->elements.push_back(Value::object(m));
        }
    }
    return m;
}

js::JsFunction* ModuleLoader::make_require(JsObject* module) {
    Isolate& isolate = process_.isolate();
    js::JsFunction* require = isolate.new_native_function("require", require_native, 1);
    require->native_data = Value::object(module);
    js::JsFunction* resolve = isolate.define_method(require, "resolve", require_resolve_native, 1);
    resolve->native_data = Value::object(module);
    js::create_data_property(isolate, require, isolate.intern("main"),
                             main_ ? Value::object(main_) : Value::object(module));
    JsObject* cache = isolate.new_object_with_proto(nullptr);
    for (const auto& [name, m] : cache_) js::create_data_property(isolate, cache, isolate.new_string(name), Value::object(m));
    js::create_data_property(isolate, require, isolate.intern("cache"), Value::object(cache));
    return require;
}

void ModuleLoader::load_js(JsObject* module, const std::string& filename) {
    Isolate& isolate = process_.isolate();
    std::string source;
    if (!read_in_sandbox(filename, &source)) throw_not_found(nullptr, filename);
    process_.charge(process_.costs().module_load_ns);
    process_.sources[filename] = source;
    js::CompileError error;
    js::JsFunction* fn = js::compile_function_from_source(isolate, source, filename, kWrapperParams, &error);
    if (fn == nullptr) {
        Value e = js::make_error(isolate, error.name == "SyntaxError" ? js::ErrorType::SyntaxError : js::ErrorType::Error,
                                 error.message);
        process_.error_arrows[e.as_object()] = {
            error_arrow(filename, error.line, error.column, error.source_line, error.length), ""};
        isolate.throw_value(e);
    }
    const Value exports = js::get(isolate, Value::object(module), "exports");
    const Value args[] = {exports, Value::object(make_require(module)), Value::object(module),
                          isolate.new_string(filename), isolate.new_string(dirname_of(filename))};
    isolate.call(Value::object(fn), exports, args);
}

void ModuleLoader::load_json(JsObject* module, const std::string& filename) {
    Isolate& isolate = process_.isolate();
    std::string source;
    if (!read_in_sandbox(filename, &source)) throw_not_found(nullptr, filename);
    const Value json = js::get(isolate, Value::object(isolate.realm().global), "JSON");
    const Value text = isolate.new_string(source);
    try {
        js::set(isolate, Value::object(module), "exports", js::call_method(isolate, json, "parse", std::span(&text, 1)));
    } catch (const js::JsException& e) {
        if (e.value.is_object()) {
            const std::string msg = js::to_string(isolate, js::get(isolate, e.value, "message"));
            js::set(isolate, e.value, "message", isolate.new_string(filename + ": " + msg));
        }
        throw;
    }
}

bool ModuleLoader::run_main(const std::string& path, const std::string& source, js::CompileError* syntax_error) {
    Isolate& isolate = process_.isolate();
    process_.sources[path] = source;
    js::JsFunction* fn = js::compile_function_from_source(isolate, source, path, kWrapperParams, syntax_error);
    if (fn == nullptr) return false;
    JsObject* module = new_module(path, nullptr);
    main_ = module;
    cache_[path] = module;
    const Value exports = js::get(isolate, Value::object(module), "exports");
    const Value args[] = {exports, Value::object(make_require(module)), Value::object(module), isolate.new_string(path),
                          isolate.new_string(dirname_of(path))};
    isolate.call(Value::object(fn), exports, args);
    js::set(isolate, Value::object(module), "loaded", Value::boolean(true));
    return true;
}

}  // namespace looplab::node
