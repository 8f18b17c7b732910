// The bytecode the compiler emits and the interpreter runs.
//
// A stack machine: locals live in numbered frame slots (resolved at compile
// time), captured variables in heap Environments addressed by (depth, index),
// and expressions evaluate on a per-frame operand stack whose maximum depth
// the compiler computes. Each instruction is one 32-bit word: the opcode in
// the low 8 bits and a 24-bit operand A above it; a few opcodes take a
// second full word B right after. Positions live in a side table, so the
// untraced path never pays for them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/js/heap.h"
#include "engine/js/value.h"

namespace looplab::js {

// X(name, has_b_word)
#define LOOPLAB_OPCODES(X)                                                                    \
    X(Nop, 0) X(Stmt, 0)                                                                      \
    /* constants and stack shuffles */                                                        \
    X(PushUndef, 0) X(PushNull, 0) X(PushTrue, 0) X(PushFalse, 0) X(PushEmpty, 0)             \
    X(PushInt, 0) X(PushConst, 0) X(Pop, 0) X(Dup, 0) X(Dup2, 0) X(Swap, 0)                   \
    X(Rot3, 0) /* a b c -> c a b */                                                           \
    X(Over, 0) /* a b -> a b a */                                                             \
    /* variables: A = slot; B = name constant for TDZ messages */                             \
    X(GetLocal, 0) X(GetLocalChecked, 1) X(StoreLocal, 0) X(CheckLocalInit, 1)                \
    X(GetEnv, 1) /* A = depth, B = index */ X(GetEnvChecked, 1) /* B = index | name<<16 */    \
    X(StoreEnv, 1) X(CheckEnvInit, 1)                                                         \
    X(PushEnv, 0) /* A = slot count */ X(PopEnv, 0) X(CloneEnv, 0)                            \
    X(GetGlobal, 1) /* A = name, B = cache */ X(GetGlobalOrUndef, 1) X(StoreGlobal, 1)        \
    X(ThrowConstAssign, 0) /* A = name */ X(ThrowTdz, 0)                                      \
    /* properties */                                                                          \
    X(GetProp, 1) /* A = name, B = cache */ X(StoreProp, 1) /* obj v -> v */                  \
    X(GetElem, 0) X(StoreElem, 0) /* obj key v -> v */                                        \
    X(DeleteProp, 0) X(DeleteElem, 0) X(GetSuperProp, 0) /* home this key -> v */             \
    X(StoreSuperProp, 0) /* home this key v -> v */                                           \
    X(GetPrivate, 0) /* obj sym -> v */ X(StorePrivate, 0) /* obj sym v -> v */               \
    X(DefinePrivate, 0) /* obj sym v -> obj */ X(NewPrivateName, 0) /* A = name */            \
    X(HasPrivate, 0) /* sym obj -> bool */                                                    \
    /* literals */                                                                            \
    X(NewObject, 0) X(NewArray, 0) X(ArrayPush, 0) X(ArrayPushHole, 0) X(ArraySpread, 0)      \
    X(DefineField, 0) /* A = name: obj v -> obj */ X(DefineComputed, 0) /* obj k v -> obj */  \
    X(DefineMethod, 0) /* A: bit0 enumerable, bits1-2 kind(0 method,1 get,2 set): obj k f -> obj */ \
    X(CopyDataProps, 0) /* obj src -> obj */ X(CopyRest, 0) /* A = n keys: src k1..kn -> obj */ \
    X(TemplateObject, 0) /* A = site index */ X(RegExp, 1) X(BigInt, 0)                       \
    X(SetFnName, 0) /* A: 0 none,1 get,2 set: fn key -> fn */                                 \
    /* operators */                                                                           \
    X(Add, 0) X(Sub, 0) X(Mul, 0) X(Div, 0) X(Mod, 0) X(Exp, 0)                               \
    X(BitAnd, 0) X(BitOr, 0) X(BitXor, 0) X(Shl, 0) X(Shr, 0) X(UShr, 0)                      \
    X(Eq, 0) X(NotEq, 0) X(StrictEq, 0) X(StrictNotEq, 0) X(Lt, 0) X(Gt, 0) X(LtEq, 0)        \
    X(GtEq, 0) X(In, 0) X(Instanceof, 0)                                                      \
    X(Neg, 0) X(Plus, 0) X(Not, 0) X(BitNot, 0) X(Typeof, 0) X(Inc, 0) X(Dec, 0)              \
    X(ToNumeric, 0) X(ToString, 0) X(ToPropertyKey, 0) X(RequireObjectCoercible, 0)           \
    /* control */                                                                             \
    X(Jump, 0) X(JumpIfFalse, 0) X(JumpIfTrue, 0) X(JumpIfFalseKeep, 0) X(JumpIfTrueKeep, 0)  \
    X(JumpIfNotNullishKeep, 0) X(JumpIfNotUndef, 0)                                           \
    X(JumpIfNullish, 1) /* B = extra items to drop under the value */                         \
    X(Throw, 0) X(TryEnter, 0) X(TryExit, 0) X(Return, 0) X(ReturnCtor, 0) /* v this */       \
    X(ThrowError, 0) /* A = message constant; B-less; type in high bits of message? */        \
    /* calls: [this callee args...]; B = callee text constant */                              \
    X(Call, 1) X(CallSpread, 1) /* [this callee argsArray] */                                 \
    X(New, 1) /* [callee args...] */ X(NewSpread, 1)                                          \
    X(SuperCall, 0) /* [func newTarget args...] -> this */ X(SuperCallSpread, 0)              \
    X(InitFields, 0) /* [this] -> result of the field initializer call */                     \
    X(Closure, 0) /* A = child template */                                                    \
    X(CreateClass, 1) /* A = ctor template, B = has heritage: [super?] -> [ctor proto] */     \
    X(DefineClassMethod, 0) /* A: bit0 static, bits1-2 kind: ctor proto key fn -> ctor proto */ \
    X(SetHome, 0) /* fn home -> fn */ X(SetFieldInit, 0) /* ctor fn -> ctor */                \
    X(Arguments, 0) X(Rest, 0) /* A = first index */ X(LoadCallee, 0) X(LoadNewTarget, 0)     \
    /* iteration; A = temp slot holding the iterator record */                                \
    X(GetIterator, 0) /* iterable -> record */ X(GetAsyncIterator, 0)                         \
    X(IterStep, 1) /* A = slot, B = exit target: pushes value or jumps */                     \
    X(IterNext, 0) /* A = slot: pushes value or undefined when done */                        \
    X(IterRest, 0) /* A = slot: pushes array of the rest */                                   \
    X(IterClose, 0) /* A = slot; closes unless done */                                        \
    X(IterCloseQuiet, 0) /* A = slot; errors from return() are ignored */                     \
    X(AsyncIterNextCall, 0) /* A = slot: pushes the next() result (to await) */              \
    X(AsyncIterResult, 1) /* A = slot, B = exit: result -> value or jump when done */        \
    X(AsyncIterClose, 1) /* A = slot, B = skip: pushes return()'s result or jumps */          \
    X(IterResultCheck, 0) /* v -> (TypeError unless v is an object) */                        \
    X(SetLiteralProto, 0) /* obj v -> obj: `__proto__: v` in an object literal */            \
    X(ForInPrepare, 0) /* obj -> record */ X(ForInStep, 1) /* A = slot, B = exit */          \
    /* generators and async */                                                                \
    X(GeneratorStart, 0) X(Yield, 0) /* v -> [sent mode] after resume */                      \
    X(YieldRaw, 0) /* iter result object as is */                                             \
    X(ResumeCheck, 0) /* [sent mode]: throw->throws, next->jumps to A with sent, return->falls through */ \
    X(Await, 0) /* v -> resolved value (throws when rejected) */                             \
    X(DelegateStep, 0) /* A = iter slot: [sent mode] -> [value kind] */                       \
    X(AsyncDelegateStep, 0)                                                                   \
    X(Debugger, 0)

enum class Opcode : uint8_t {
#define LOOPLAB_OP_ENUM(name, b) name,
    LOOPLAB_OPCODES(LOOPLAB_OP_ENUM)
#undef LOOPLAB_OP_ENUM
        Count
};

const char* opcode_name(Opcode op);
bool opcode_has_b(Opcode op);

inline uint32_t encode(Opcode op, uint32_t a) { return static_cast<uint32_t>(op) | (a << 8); }
inline Opcode decode_op(uint32_t word) { return static_cast<Opcode>(word & 0xFF); }
inline uint32_t decode_a(uint32_t word) { return word >> 8; }
inline int32_t decode_signed_a(uint32_t word) { return static_cast<int32_t>(word) >> 8; }

// Generator resume modes (the spec's completion types).
enum class ResumeMode : uint8_t { Next = 0, Throw = 1, Return = 2 };

// One source file the compiler saw: positions in FunctionTemplates refer to
// it by id, and the uncaught-error printer reads its lines.
struct Script {
    uint32_t id = 0;
    std::string filename;
    std::string source;
    std::string line_text(uint32_t line) const;  // 1-based, without the newline
};

struct PositionEntry {
    uint32_t pc;
    uint32_t line;
    uint32_t column;
    bool statement;
};

enum FunctionFlags : uint32_t {
    kFnArrow = 1u << 0,
    kFnGenerator = 1u << 1,
    kFnAsync = 1u << 2,
    kFnStrict = 1u << 3,
    kFnClassConstructor = 1u << 4,
    kFnDerived = 1u << 5,
    kFnNeedsArgs = 1u << 6,  // keeps every actual argument (arguments object, rest)
    kFnMethod = 1u << 7,     // methods, getters, setters: not constructors
    kFnHasThisSlot = 1u << 8,
    kFnDefaultDerivedCtor = 1u << 9,
    kFnFieldInit = 1u << 10,
    kFnModule = 1u << 11,  // the CommonJS module function ("Object.<anonymous>")
};

// A compiled function: code, constants and nested functions. A GC cell so
// constants stay alive while any closure of it does.
struct FunctionTemplate final : GcCell {
    FunctionTemplate() : GcCell(CellKind::Internal) {}

    std::vector<uint32_t> code;
    std::vector<Value> constants;
    std::vector<FunctionTemplate*> children;
    std::vector<PositionEntry> positions;  // sorted by pc
    std::vector<uint32_t> caches;          // inline caches (property slot index + 1)
    std::vector<Value> template_sites;     // cached tagged-template objects (empty until first use)
    std::shared_ptr<Script> script;
    std::string name;         // as written or inferred; "" for anonymous
    std::string class_name;   // enclosing class for methods (stack traces)
    uint32_t param_count = 0; // formal parameters occupying slots 1..param_count
    uint32_t length = 0;      // the function's `length`
    uint32_t local_count = 0; // including slot 0 (this)
    uint32_t max_stack = 0;
    uint32_t flags = 0;
    uint32_t line = 0, column = 0;  // where the function starts
    // Byte range of the function's text in script->source, for
    // Function.prototype.toString (methods start at their key, class
    // constructors span the class).
    uint32_t source_start = 0, source_end = 0;

    bool has(FunctionFlags f) const { return (flags & f) != 0; }
    // The position of the instruction at pc (the last entry at or before it).
    const PositionEntry* position_at(uint32_t pc) const;

    void trace(Tracer& tracer) override;
    size_t byte_size() const override {
        return sizeof(FunctionTemplate) + code.size() * 4 + constants.size() * 8 + positions.size() * 16;
    }
};

// Disassembly for tests and debugging.
std::string disassemble(const FunctionTemplate& fn);

}  // namespace looplab::js
