// The bytecode interpreter. Owned by the Isolate; frames live on the heap so
// that `await` and `yield` park a frame and a later job resumes it.
#pragma once

#include "engine/js/isolate.h"

namespace looplab::js {

class Interpreter {
public:
    explicit Interpreter(Isolate& isolate);
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    // Reports the frames, stacks and other cells the interpreter holds.
    void trace_roots(Tracer& tracer);

private:
    Isolate& isolate_;
};

}  // namespace looplab::js
