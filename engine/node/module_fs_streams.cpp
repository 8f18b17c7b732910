// fs.createReadStream / fs.createWriteStream and the fs.ReadStream /
// fs.WriteStream classes live in the JavaScript library
// (engine/node/lib/internal/fs/streams.js); the fs module reaches them
// through these forwarders, loading the stream code only when first used.
#include "engine/js/operations.h"
#include "engine/node/fs_internal.h"
#include "engine/node/module_loader.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"

namespace looplab::node {

namespace {

using namespace js;

Value streams_module(Isolate& isolate) { return process_of(isolate).modules->library().require("internal/fs/streams"); }

// native_data: the export to call ("createReadStream").
Value forward_native(Isolate& isolate, const CallArgs& call) {
    const std::string name = call.callee->native_data.as_string()->str();
    return call_method(isolate, streams_module(isolate), name, call.args);
}

// native_data: the export to return ("ReadStream").
Value class_getter_native(Isolate& isolate, const CallArgs& call) {
    return get(isolate, streams_module(isolate), call.callee->native_data.as_string()->str());
}

}  // namespace

void install_fs_streams(Isolate& isolate, JsObject* fs) {
    for (const char* name : {"createReadStream", "createWriteStream"}) {
        JsFunction* f = module_support::export_function(isolate, fs, name, forward_native, 2);
        f->native_data = isolate.intern(name);
    }
    for (const char* name : {"ReadStream", "WriteStream"}) {
        JsFunction* getter = isolate.new_native_function("get", class_getter_native, 0);
        getter->native_data = isolate.intern(name);
        auto* accessor = isolate.heap().make<JsAccessor>();
        accessor->getter = Value::object(getter);
        define_own_property(isolate, fs, isolate.intern(name), accessor_value(accessor),
                            kEnumerable | kConfigurable | kAccessor);
    }
}

}  // namespace looplab::node
