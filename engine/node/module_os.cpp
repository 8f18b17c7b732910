// The `os` module of a simulated Linux x64 machine. Nothing here reads the
// host: every answer is a documented constant, so runs are reproducible.
// The core count is the run's configuration (`--cores N`, RunConfig::cores;
// DESIGN.md "Virtual cores"), the same number the world's scheduler slices.
#include <string>

#include "engine/node/module_support.h"
#include "engine/node/process.h"

namespace looplab::node {

namespace {

using namespace js;
using module_support::export_function;
using module_support::export_value;

// Only for a cpus function that lost its native data (never in practice).
constexpr int kDefaultCoreCount = 4;
constexpr double kTotalMemBytes = 8.0 * 1024 * 1024 * 1024;  // 8 GiB
constexpr double kFreeMemBytes = 6.0 * 1024 * 1024 * 1024;   // 6 GiB
constexpr double kUptimeSeconds = 3600;                       // the simulated machine booted an hour ago
constexpr const char* kCpuModel = "looplab virtual CPU";
constexpr double kCpuSpeedMHz = 3000;

Value str(Isolate& isolate, std::string_view s) { return isolate.new_string(std::string(s)); }

// The core count lives on the module's cpus function (native_data) so the
// natives need no global state.
int core_count(const CallArgs& call) {
    Value n = call.callee->native_data;
    return n.is_number() ? static_cast<int>(n.as_number()) : kDefaultCoreCount;
}

Value os_cpus(Isolate& isolate, const CallArgs& call) {
    int n = core_count(call);
    JsArray* cpus = isolate.new_array(0);
    for (int i = 0; i < n; ++i) {
        JsObject* cpu = isolate.new_object();
        create_data_property(isolate, cpu, isolate.intern("model"), str(isolate, kCpuModel));
        create_data_property(isolate, cpu, isolate.intern("speed"), Value::number(kCpuSpeedMHz));
        JsObject* times = isolate.new_object();
        for (const char* key : {"user", "nice", "sys", "idle", "irq"}) {
            create_data_property(isolate, times, isolate.intern(key), Value::number(0));
        }
        create_data_property(isolate, cpu, isolate.intern("times"), Value::object(times));
        cpus->elements.push_back(Value::object(cpu));
    }
    return Value::object(cpus);
}

Value os_available_parallelism(Isolate&, const CallArgs& call) { return Value::number(core_count(call)); }
Value os_arch(Isolate& isolate, const CallArgs&) { return isolate.intern("x64"); }
Value os_platform(Isolate& isolate, const CallArgs&) { return isolate.intern("linux"); }
Value os_type(Isolate& isolate, const CallArgs&) { return isolate.intern("Linux"); }
Value os_release(Isolate& isolate, const CallArgs&) { return isolate.intern("6.1.0-looplab"); }
Value os_version(Isolate& isolate, const CallArgs&) { return isolate.intern("#1 SMP looplab"); }
Value os_machine(Isolate& isolate, const CallArgs&) { return isolate.intern("x86_64"); }
Value os_endianness(Isolate& isolate, const CallArgs&) { return isolate.intern("LE"); }
Value os_hostname(Isolate& isolate, const CallArgs&) { return isolate.intern("looplab"); }
Value os_homedir(Isolate& isolate, const CallArgs&) { return isolate.intern("/home/looplab"); }
Value os_tmpdir(Isolate& isolate, const CallArgs&) { return isolate.intern("/tmp"); }
Value os_totalmem(Isolate&, const CallArgs&) { return Value::number(kTotalMemBytes); }
Value os_freemem(Isolate&, const CallArgs&) { return Value::number(kFreeMemBytes); }
Value os_uptime(Isolate&, const CallArgs&) { return Value::number(kUptimeSeconds); }
Value os_get_priority(Isolate&, const CallArgs&) { return Value::number(0); }
Value os_set_priority(Isolate&, const CallArgs&) { return Value::undefined(); }

Value os_loadavg(Isolate& isolate, const CallArgs&) {
    Value zeros[3] = {Value::number(0), Value::number(0), Value::number(0)};
    return Value::object(isolate.new_array_from(zeros));
}

Value os_network_interfaces(Isolate& isolate, const CallArgs&) { return Value::object(isolate.new_object()); }

Value os_user_info(Isolate& isolate, const CallArgs&) {
    JsObject* info = isolate.new_object_with_proto(nullptr);
    create_data_property(isolate, info, isolate.intern("uid"), Value::number(1000));
    create_data_property(isolate, info, isolate.intern("gid"), Value::number(1000));
    create_data_property(isolate, info, isolate.intern("username"), isolate.intern("looplab"));
    create_data_property(isolate, info, isolate.intern("homedir"), isolate.intern("/home/looplab"));
    create_data_property(isolate, info, isolate.intern("shell"), isolate.intern("/bin/bash"));
    return Value::object(info);
}

}  // namespace

// require('os') for a machine with `core_count` virtual cores.
Value create_os_module_with(Isolate& isolate, int core_count) {
    JsObject* os = isolate.new_object();
    export_function(isolate, os, "arch", os_arch, 0);
    export_function(isolate, os, "availableParallelism", os_available_parallelism, 0)->native_data =
        Value::number(core_count);
    export_function(isolate, os, "cpus", os_cpus, 0)->native_data = Value::number(core_count);
    export_function(isolate, os, "endianness", os_endianness, 0);
    export_function(isolate, os, "freemem", os_freemem, 0);
    export_function(isolate, os, "getPriority", os_get_priority, 0);
    export_function(isolate, os, "homedir", os_homedir, 0);
    export_function(isolate, os, "hostname", os_hostname, 0);
    export_function(isolate, os, "loadavg", os_loadavg, 0);
    export_function(isolate, os, "networkInterfaces", os_network_interfaces, 0);
    export_function(isolate, os, "platform", os_platform, 0);
    export_function(isolate, os, "release", os_release, 0);
    export_function(isolate, os, "setPriority", os_set_priority, 2);
    export_function(isolate, os, "tmpdir", os_tmpdir, 0);
    export_function(isolate, os, "totalmem", os_totalmem, 0);
    export_function(isolate, os, "type", os_type, 0);
    export_function(isolate, os, "userInfo", os_user_info, 0);
    export_function(isolate, os, "uptime", os_uptime, 0);
    export_function(isolate, os, "version", os_version, 0);
    export_function(isolate, os, "machine", os_machine, 0);
    export_value(isolate, os, "constants", Value::object(isolate.new_object()));
    export_value(isolate, os, "EOL", isolate.intern("\n"));
    export_value(isolate, os, "devNull", isolate.intern("/dev/null"));
    return Value::object(os);
}

Value create_os_module(Isolate& isolate) {
    const uint32_t cores = process_of(isolate).config().cores;
    return create_os_module_with(isolate, cores == 0 ? kDefaultCoreCount : int(cores));
}

}  // namespace looplab::node
