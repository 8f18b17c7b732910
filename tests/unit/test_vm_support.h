// A tiny harness for the VM tests: an isolate with the built-ins, a promise
// job queue, and helpers that run a program as a CommonJS module body and
// return its `return` value as text.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "engine/js/builtins.h"
#include "engine/js/operations.h"
#include "engine/js/promise.h"
#include "engine/js/vm.h"

namespace looplab::js::testing {

class TestHost : public HostHooks {
public:
    void enqueue_promise_job(Isolate&, PromiseJob job) override { jobs.push_back(job); }
    void promise_rejection_tracker(Isolate&, JsObject*, RejectionOperation) override {}
    double now_ms(Isolate&) override { return 0; }
    std::deque<PromiseJob> jobs;
};

struct VmHarness {
    explicit VmHarness(IsolateLimits limits = {}) : isolate(limits) {
        install_builtins(isolate);
        isolate.host = &host;
    }

    JsFunction* compile(const std::string& source, CompileError* err = nullptr) {
        static const std::vector<std::string> params = {"exports", "require", "module", "__filename", "__dirname"};
        CompileError local;
        return compile_function_from_source(isolate, source, "/test/main.js", params, err ? err : &local);
    }

    // Runs the program, drains promise jobs, and returns String(result), or
    // "throws <Name>: <message>" for an uncaught exception.
    std::string run(const std::string& source) {
        CompileError err;
        JsFunction* fn = compile(source, &err);
        if (fn == nullptr) return "compile error: " + err.message;
        try {
            Value module = Value::object(isolate.new_object());
            Value args[5] = {Value::object(isolate.new_object()), Value::undefined(), module,
                             isolate.intern("/test/main.js"), isolate.intern("/test")};
            Value r = isolate.call(Value::object(fn), args[0], args);
            drain();
            if (r.is_object() && r.as_object()->cls == ObjectClass::Promise) {
                if (promise_state(r.as_object()) == PromiseState::Rejected) {
                    return "rejects " + describe(promise_result(r.as_object()));
                }
                r = promise_result(r.as_object());
            }
            return describe(r);
        } catch (const JsException& e) {
            return "throws " + describe(e.value);
        }
    }

    void drain() {
        for (int i = 0; i < 100000 && !host.jobs.empty(); ++i) {
            PromiseJob job = host.jobs.front();
            host.jobs.pop_front();
            run_promise_job(isolate, job);
        }
    }

    std::string describe(Value v) {
        if (v.is_object() && v.as_object()->cls == ObjectClass::Error) {
            return to_string(isolate, get(isolate, v, "name")) + ": " + to_string(isolate, get(isolate, v, "message"));
        }
        if (v.is_object() && v.as_object()->cls == ObjectClass::Array) {
            Value joined = call_method(isolate, v, "join", {});
            return "[" + to_string(isolate, joined) + "]";
        }
        if (v.is_symbol()) return "Symbol(" + v.as_symbol()->description + ")";
        try {
            return to_string(isolate, v);
        } catch (const JsException&) {
            return "<unprintable>";
        }
    }

    TestHost host;
    Isolate isolate;
};

}  // namespace looplab::js::testing
