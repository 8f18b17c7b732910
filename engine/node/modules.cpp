#include "engine/node/modules.h"

#include <algorithm>
#include <iterator>

#include "engine/node/jslib.h"

namespace looplab::node {

// Each module_*.cpp defines its create function.
js::Value create_assert_module(js::Isolate& isolate);
js::Value create_child_process_module(js::Isolate& isolate);  // process_ipc.h
js::Value create_cluster_module(js::Isolate& isolate);
js::Value create_crypto_module(js::Isolate& isolate);
js::Value create_dns_module(js::Isolate& isolate);
js::Value create_events_module(js::Isolate& isolate);
js::Value create_fs_module(js::Isolate& isolate);
js::Value create_fs_promises_module(js::Isolate& isolate);
js::Value create_os_module(js::Isolate& isolate);
js::Value create_path_module(js::Isolate& isolate);
js::Value create_util_module(js::Isolate& isolate);
js::Value create_worker_threads_module(js::Isolate& isolate);  // parallelism hook
js::Value create_zlib_module(js::Isolate& isolate);

namespace {

// Sorted by name: find_builtin_module binary-searches it.
constexpr BuiltinModule kModules[] = {
    {"assert", create_assert_module},
    {"child_process", create_child_process_module},
    {"cluster", create_cluster_module},
    {"crypto", create_crypto_module},
    {"dns", create_dns_module},
    {"events", create_events_module},
    {"fs", create_fs_module},
    {"fs/promises", create_fs_promises_module},
    {"http", create_js_library_module<"http">},
    {"net", create_js_library_module<"net">},
    {"os", create_os_module},
    {"path", create_path_module},
    {"readline", create_js_library_module<"readline">},
    {"readline/promises", create_js_library_module<"readline/promises">},
    {"stream", create_js_library_module<"stream">},
    {"stream/promises", create_js_library_module<"stream/promises">},
    {"string_decoder", create_js_library_module<"string_decoder">},
    {"url", create_js_library_module<"url">},
    {"util", create_util_module},
    {"worker_threads", create_worker_threads_module},
    {"zlib", create_zlib_module},
};

constexpr bool sorted_by_name() {
    for (size_t i = 1; i < std::size(kModules); ++i) {
        if (!(kModules[i - 1].name < kModules[i].name)) return false;
    }
    return true;
}
static_assert(sorted_by_name(), "keep kModules sorted by name");

}  // namespace

ModuleFactory find_builtin_module(std::string_view name) {
    if (name.starts_with("node:")) name.remove_prefix(5);
    static_assert(std::size(kModules) > 0);
    auto it = std::lower_bound(std::begin(kModules), std::end(kModules), name,
                               [](const BuiltinModule& m, std::string_view n) { return m.name < n; });
    if (it == std::end(kModules) || it->name != name) return nullptr;
    return it->create;
}

}  // namespace looplab::node
