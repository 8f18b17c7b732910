#include "engine/node/jslib.h"

#include <algorithm>

#include "engine/js/operations.h"
#include "engine/js/vm.h"
#include "engine/node/module_loader.h"
#include "engine/node/process.h"

namespace looplab::node {

using js::CallArgs;
using js::Isolate;
using js::JsObject;
using js::Value;

namespace {

const std::string kWrapperParams[] = {"exports", "require", "module", "binding"};

JsLibrary& library_of(Isolate& isolate) { return process_of(isolate).modules->library(); }

// Node loads its own modules from a startup snapshot: their set-up is not
// part of what a program does. While a library module's body runs, the
// trace observer is detached, so require('stream') records no internal
// calls; calls made later into library code are recorded as usual.
class ObserverPause {
public:
    explicit ObserverPause(js::Interpreter& vm) : vm_(vm), saved_(vm.observer()) { vm_.set_observer(nullptr); }
    ~ObserverPause() { vm_.set_observer(saved_); }
    ObserverPause(const ObserverPause&) = delete;
    ObserverPause& operator=(const ObserverPause&) = delete;

private:
    js::Interpreter& vm_;
    js::VmObserver* saved_;
};

// The `require` library code receives.
Value library_require_native(Isolate& isolate, const CallArgs& call) {
    const Value id = call.arg(0);
    if (!id.is_string()) isolate.throw_error(js::ErrorType::TypeError, "looplab: library require needs a name");
    return library_of(isolate).require(id.as_string()->str());
}

}  // namespace

const JsLibrarySource* find_js_library_source(std::string_view name) {
    const auto sources = js_library_sources();
    auto it = std::lower_bound(sources.begin(), sources.end(), name,
                               [](const JsLibrarySource& s, std::string_view n) { return s.name < n; });
    return it != sources.end() && it->name == name ? &*it : nullptr;
}

Value require_public_library_module(Isolate& isolate, std::string_view name) {
    // A table entry without its source would otherwise loop back here
    // through the loader's built-in look-up.
    if (find_js_library_source(name) == nullptr) {
        isolate.throw_error(js::ErrorType::Error,
                            "looplab: library module node:" + std::string(name) + " is not built into this engine");
    }
    return library_of(isolate).require(name);
}

Value JsLibrary::require(std::string_view name) {
    if (name.starts_with("node:")) name.remove_prefix(5);
    if (auto it = modules_.find(name); it != modules_.end()) {
        return js::get(process_.isolate(), Value::object(it->second), "exports");
    }
    if (const JsLibrarySource* source = find_js_library_source(name)) return load(*source);
    // Any other built-in (events, fs, ...): the loader builds and caches it.
    return process_.modules->require(nullptr, "node:" + std::string(name));
}

Value JsLibrary::load(const JsLibrarySource& source) {
    Isolate& isolate = process_.isolate();
    const std::string filename = "node:" + std::string(source.name);
    js::CompileError error;
    js::JsFunction* fn = js::compile_function_from_source(isolate, source.source, filename, kWrapperParams, &error);
    if (fn == nullptr) {
        isolate.throw_error(js::ErrorType::Error, "looplab: library module " + filename + ":" +
                                                      std::to_string(error.line) + " does not compile: " + error.message);
    }
    JsObject* module = isolate.new_object();
    const Value exports = Value::object(isolate.new_object());
    js::create_data_property(isolate, module, isolate.intern("exports"), exports);
    js::create_data_property(isolate, module, isolate.intern("id"), isolate.new_string(filename));
    // Cached before it runs, so two library modules may require each other
    // (the later one sees the partial exports, as CommonJS cycles do).
    const std::string name(source.name);
    modules_[name] = module;
    const Value args[] = {exports, Value::object(isolate.new_native_function("require", library_require_native, 1)),
                          Value::object(module), Value::object(binding())};
    try {
        ObserverPause quiet(isolate.interpreter());
        isolate.call(Value::object(fn), exports, args);
    } catch (...) {
        modules_.erase(name);
        throw;
    }
    return js::get(isolate, Value::object(module), "exports");
}

JsObject* JsLibrary::binding() {
    if (binding_ == nullptr) {
        Isolate& isolate = process_.isolate();
        binding_ = isolate.new_object_with_proto(nullptr);
        install_js_library_binding(isolate, binding_);
    }
    return binding_;
}

void JsLibrary::trace_roots(js::Tracer& tracer) const {
    for (const auto& [name, module] : modules_) tracer.mark(module);
    tracer.mark(binding_);
}

}  // namespace looplab::node
