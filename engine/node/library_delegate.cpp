#include "engine/node/library_delegate.h"

#include <string>
#include <vector>

#include "engine/js/operations.h"
#include "engine/node/jslib.h"
#include "engine/node/module_loader.h"
#include "engine/node/process.h"

namespace looplab::node {
namespace {

using js::CallArgs;
using js::Isolate;
using js::Value;

// native_data: the library module's name; native_data2: the export's name.
Value forward_to_library(Isolate& isolate, const CallArgs& call) {
    const std::string module = call.callee->native_data.as_string()->str();
    const Value exports = process_of(isolate).modules->library().require(module);
    const Value target = js::get(isolate, exports, call.callee->native_data2);
    if (!js::is_callable(target)) {
        isolate.throw_type_error("looplab: " + module + " has no function " + js::to_string(isolate, call.callee->native_data2));
    }
    if (call.is_construct()) return isolate.construct(target, call.args, target);
    return isolate.call(target, call.this_value, call.args);
}

}  // namespace

void export_library_function(Isolate& isolate, js::JsObject* target, std::string_view name,
                             std::string_view library_module, int length) {
    // A class (an upper-case name) can be called with `new`.
    const bool is_class = !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
    js::JsFunction* fn = isolate.new_native_function(name, forward_to_library, length, is_class);
    js::create_data_property(isolate, target, isolate.intern(name), Value::object(fn));
    fn->native_data = isolate.intern(library_module);
    fn->native_data2 = isolate.intern(name);
}

}  // namespace looplab::node
