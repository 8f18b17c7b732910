#include "engine/js/builtins.h"
#include "engine/js/proxy.h"

namespace looplab::js {

void install_builtins(Isolate& isolate) {
    Realm& realm = isolate.realm();
    // The two prototypes everything else hangs from must exist before any
    // native function can be created.
    realm.object_prototype = isolate.new_object_with_proto(nullptr);
    JsFunction* function_prototype =
        isolate.heap().make<JsFunction>(realm.object_prototype, FunctionKind::Native);
    function_prototype->native = [](Isolate&, const CallArgs&) { return Value::undefined(); };
    realm.function_prototype = function_prototype;
    realm.global = isolate.new_object();

    install_object_builtins(isolate);
    install_proxy_builtins(isolate);
    install_symbol_builtins(isolate);
    install_iterator_builtins(isolate);
    install_array_builtins(isolate);
    install_error_builtins(isolate);
    install_number_builtins(isolate);
    install_string_builtins(isolate);
    install_bigint_builtins(isolate);
    install_collection_builtins(isolate);
    install_json_builtins(isolate);
    install_regexp_builtins(isolate);
    install_date_builtins(isolate);
    install_typed_array_builtins(isolate);
    install_atomics_builtins(isolate);
    install_promise_builtins(isolate);
    install_global_functions(isolate);
}

}  // namespace looplab::js
