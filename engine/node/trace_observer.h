// The VM observer that records a process's statements and JS calls into
// its trace, for the main thread and for every worker or child isolate.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "engine/js/vm.h"
#include "engine/node/process.h"
#include "engine/trace/trace.h"

namespace looplab::node {

// Records the VM's statements and JS calls when a trace is wanted. Code
// compiled from Node's own sources ("node:..." files, e.g. timers/promises'
// setInterval) is internal: no steps, and its frames are dimmed.
class TraceObserver final : public js::VmObserver {
public:
    TraceObserver(NodeProcess& p, trace::Trace& t) : process_(p), trace_(t) {}
    void on_statement(uint32_t script_id, uint32_t line, uint32_t column) override {
        // A statement boundary is a safe point: a runaway loop under trace
        // ends here once the trace is full.
        if (trace_.full()) throw js::LimitExceeded{trace_.limit_message()};
        const int32_t file = file_index(script_id);
        if (file < 0) return;
        process_.record(trace::EventKind::Step, trace::Rule::None, line, (uint32_t(file) << 20) | std::min(column, 0xFFFFFu));
    }
    void on_call_enter(js::JsFunction* fn, bool native) override {
        if (native) return;
        const Frame frame = frame_of(static_cast<js::JsClosure*>(fn));
        process_.record(trace::EventKind::CallPush, trace::Rule::None, frame.name, frame.b);
    }
    void on_call_exit(js::JsFunction*, bool native) override {
        if (!native) process_.record(trace::EventKind::CallPop, trace::Rule::None);
    }

private:
    // A CallPush's operands: the interned name and line << 1 | internal.
    struct Frame {
        uint32_t name = 0;
        uint32_t b = 0;
    };
    // A frame's operands and what they were computed from. A slot is used
    // only when those inputs are equal again, so a stale slot (a collected
    // template's address reused) can cost a miss, never a wrong frame.
    struct FrameSlot {
        const js::FunctionTemplate* tmpl = nullptr;
        const js::Script* script = nullptr;
        uint32_t line = 0;
        bool anonymous = false;
        Frame frame;
    };

    // Labelling and interning every call's name (a copy and a hash per
    // frame) was most of a traced call's cost; a repeated function now costs
    // one compare of its name. The slot index comes from the address, but
    // the output never depends on it.
    Frame frame_of(js::JsClosure* closure) {
        const js::FunctionTemplate* tmpl = closure->tmpl;
        const js::Script* script = tmpl->script.get();
        FrameSlot& slot = frame_slots_[(reinterpret_cast<uintptr_t>(tmpl) >> 4) % frame_slots_.size()];
        if (slot.tmpl == tmpl && slot.script == script && slot.line == tmpl->line &&
            (tmpl->name.empty() ? slot.anonymous : !slot.anonymous && trace_.str(slot.frame.name) == tmpl->name)) {
            return slot.frame;
        }
        const bool internal = script != nullptr && script->filename.rfind("node:", 0) == 0;
        const CallbackLabel label = process_.describe(js::Value::object(closure));
        slot = FrameSlot{tmpl, script, tmpl->line, tmpl->name.empty(),
                         Frame{process_.intern(label.name), (label.line << 1) | (internal ? 1u : 0u)}};
        return slot.frame;
    }

    // The trace's file number for a script (files are added as they first
    // run), or -1 for Node's internal code.
    int32_t file_index(uint32_t script_id) {
        if (script_id < files_.size() && files_[script_id] != kUnknown) return files_[script_id];
        if (script_id >= files_.size()) files_.resize(script_id + 1, kUnknown);
        const js::Script* script = process_.isolate().interpreter().script(script_id);
        int32_t index = -1;
        if (script != nullptr && script->filename.rfind("node:", 0) != 0) {
            index = -1;
            for (size_t i = 0; i < trace_.files().size(); i++) {
                if (trace_.files()[i].path == script->filename) index = int32_t(i);
            }
            if (index < 0) {
                trace_.add_file(script->filename, script->source);
                index = int32_t(trace_.files().size() - 1);
            }
        }
        files_[script_id] = index;
        return index;
    }
    static constexpr int32_t kUnknown = -2;
    NodeProcess& process_;
    trace::Trace& trace_;
    std::vector<int32_t> files_;  // script id -> trace file index
    std::array<FrameSlot, 256> frame_slots_{};
};

}  // namespace looplab::node
