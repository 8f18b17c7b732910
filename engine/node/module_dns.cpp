// The `dns` module against a simulated host table (docs/io.md):
// dns.lookup goes through the thread pool as getaddrinfo does in libuv;
// dns.resolve4/resolve6 are c-ares queries answered by the simulated
// network (poll phase, never the pool). No real resolver is ever asked.
#include <string>

#include "engine/js/operations.h"
#include "engine/node/module_net.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"
#include "engine/node/threadpool_support.h"

namespace looplab::node {
namespace {

using namespace js;
namespace ms = module_support;

struct Host {
    std::string_view name;
    std::string_view ipv4;
    std::string_view ipv6;
};

// The simulated hosts. localhost resolves as on a default Linux machine;
// the example names are reserved for documentation (RFC 2606/6761).
constexpr Host kHosts[] = {
    {"localhost", "127.0.0.1", "::1"},
    {"example.com", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"},
    {"www.example.com", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"},
    {"api.example.com", "10.0.0.2", ""},
    {"looplab.test", "10.0.0.1", ""},
};

const Host* find_host(std::string name) {
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    for (const Host& h : kHosts) {
        if (h.name == name) return &h;
    }
    return nullptr;
}

int ip_family(const std::string& s) {
    int dots = 0;
    bool digits = !s.empty();
    for (char c : s) {
        if (c == '.') dots++;
        else if (!std::isdigit(static_cast<unsigned char>(c))) digits = false;
    }
    if (digits && dots == 3) return 4;
    if (s.find(':') != std::string::npos) return 6;
    return 0;
}

// Node's dnsException: "getaddrinfo ENOTFOUND host", errno -3008 for lookup.
Value dns_error(Isolate& isolate, std::string_view syscall, const std::string& host, bool with_errno) {
    Value e = isolate.new_error(ErrorType::Error, std::string(syscall) + " ENOTFOUND " + host);
    JsObject* o = e.as_object();
    create_data_property(isolate, o, isolate.intern("errno"), with_errno ? Value::number(-3008) : Value::undefined());
    create_data_property(isolate, o, isolate.intern("code"), isolate.intern("ENOTFOUND"));
    create_data_property(isolate, o, isolate.intern("syscall"), isolate.intern(syscall));
    create_data_property(isolate, o, isolate.intern("hostname"), isolate.new_string(host));
    return e;
}

Value address_object(Isolate& isolate, std::string_view address, int family) {
    JsObject* o = isolate.new_object();
    create_data_property(isolate, o, isolate.intern("address"), isolate.new_string(std::string(address)));
    create_data_property(isolate, o, isolate.intern("family"), Value::number(family));
    return Value::object(o);
}

// dns.lookup(hostname[, options], callback)
Value dns_lookup(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    Value hv = call.arg(0);
    if (!hv.is_string()) ms::throw_invalid_arg_type(isolate, "hostname", "string", hv);
    const std::string host = hv.as_string()->str();
    Value options = call.arg(1);
    Value cb = is_callable(options) ? options : callback_arg(isolate, call, 2);
    int family = 0;
    bool all = false;
    if (options.is_number()) family = int(options.as_number());
    else if (options.is_object() && !is_callable(options)) {
        Value f = get(isolate, options, "family");
        if (f.is_number()) family = int(f.as_number());
        all = to_boolean(get(isolate, options, "all"));
    }
    // An IP literal needs no lookup: Node answers on the next tick.
    if (const int literal = ip_family(host); literal != 0) {
        Value result = all ? Value::object(isolate.new_array_from(std::vector<Value>{address_object(isolate, host, literal)}))
                           : isolate.new_string(host);
        std::vector<Value> args{Value::null(), result};
        if (!all) args.push_back(Value::number(literal));
        p.tasks().queue_tick(cb, std::move(args));
        return Value::undefined();
    }
    const Host* h = find_host(host);
    PoolWork work;
    work.name = "dns.lookup";
    work.cost_ns = p.costs().dns_lookup_ns;
    work.run = [] {};
    work.roots = {cb};
    work.callback = cb;
    work.complete = [=](NodeProcess& process) {
        Isolate& iso = process.isolate();
        const bool v6 = family == 6;
        if (h == nullptr || (v6 && h->ipv6.empty())) {
            run_node_callback(process, cb, {dns_error(iso, "getaddrinfo", host, true)});
            return;
        }
        if (all) {
            std::vector<Value> list;
            if (family != 6) list.push_back(address_object(iso, h->ipv4, 4));
            if (family != 4 && !h->ipv6.empty()) list.push_back(address_object(iso, h->ipv6, 6));
            run_node_callback(process, cb, {Value::null(), Value::object(iso.new_array_from(list))});
            return;
        }
        // Node 20 orders results as the resolver returns them (verbatim):
        // IPv4 first for these hosts.
        const std::string_view address = v6 ? h->ipv6 : h->ipv4;
        run_node_callback(process, cb,
                          {Value::null(), iso.new_string(std::string(address)), Value::number(v6 ? 6 : 4)});
    };
    ThreadPool::of(p).submit(std::move(work));
    return Value::undefined();
}

Value resolve_common(Isolate& isolate, const CallArgs& call, bool v6) {
    NodeProcess& p = process_of(isolate);
    Value hv = call.arg(0);
    if (!hv.is_string()) ms::throw_invalid_arg_type(isolate, "name", "string", hv);
    const std::string host = hv.as_string()->str();
    Value cb = is_callable(call.arg(1)) ? call.arg(1) : callback_arg(isolate, call, 2);
    const Host* h = find_host(host);
    const char* syscall = v6 ? "queryAaaa" : "queryA";
    NetIo::of(p).schedule(p.now_ns() + p.costs().dns_resolve_ns, syscall, [=](NodeProcess& process) {
        Isolate& iso = process.isolate();
        const std::string_view address = h == nullptr ? std::string_view() : v6 ? h->ipv6 : h->ipv4;
        if (address.empty()) {
            run_node_callback(process, cb, {dns_error(iso, syscall, host, false)});
            return;
        }
        std::vector<Value> list{iso.new_string(std::string(address))};
        run_node_callback(process, cb, {Value::null(), Value::object(iso.new_array_from(list))});
    }, {cb});
    return Value::undefined();
}

Value dns_resolve4(Isolate& isolate, const CallArgs& call) { return resolve_common(isolate, call, false); }
Value dns_resolve6(Isolate& isolate, const CallArgs& call) { return resolve_common(isolate, call, true); }

}  // namespace

Value create_dns_module(Isolate& isolate) {
    JsObject* dns = isolate.new_object();
    ms::export_function(isolate, dns, "lookup", dns_lookup, 3);
    ms::export_function(isolate, dns, "resolve4", dns_resolve4, 3);
    ms::export_function(isolate, dns, "resolve6", dns_resolve6, 3);
    return Value::object(dns);
}

}  // namespace looplab::node
