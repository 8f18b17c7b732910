// Pass 2 of the compiler: functions, scopes and statements to bytecode.
// Expressions, patterns and classes are in compiler_expr.cpp.
#include "engine/js/compiler_internal.h"

#include <algorithm>
#include <stdexcept>

#include "engine/js/operations.h"
#include "engine/js/parser.h"
#include "engine/js/vm.h"

namespace looplab::js {

namespace {

// Stack effect of the instructions whose effect is fixed by their operands.
int stack_effect(Opcode op, uint32_t a) {
    switch (op) {
        case Opcode::PushUndef: case Opcode::PushNull: case Opcode::PushTrue: case Opcode::PushFalse:
        case Opcode::PushEmpty: case Opcode::PushInt: case Opcode::PushConst: case Opcode::Dup:
        case Opcode::Over: case Opcode::GetLocal: case Opcode::GetLocalChecked: case Opcode::GetEnv:
        case Opcode::GetEnvChecked: case Opcode::GetGlobal: case Opcode::GetGlobalOrUndef:
        case Opcode::NewObject: case Opcode::NewArray: case Opcode::TemplateObject: case Opcode::RegExp:
        case Opcode::BigInt: case Opcode::NewPrivateName: case Opcode::Closure: case Opcode::Arguments:
        case Opcode::Rest: case Opcode::LoadCallee: case Opcode::LoadNewTarget: case Opcode::IterStep:
        case Opcode::IterNext: case Opcode::IterRest: case Opcode::ForInStep: case Opcode::Yield:
        case Opcode::YieldRaw: case Opcode::AsyncIterNextCall: case Opcode::AsyncIterClose:
            return 1;
        case Opcode::Dup2: return 2;
        case Opcode::Pop: case Opcode::StoreLocal: case Opcode::StoreEnv: case Opcode::StoreGlobal:
        case Opcode::JumpIfFalse: case Opcode::JumpIfTrue: case Opcode::Throw: case Opcode::Return:
        case Opcode::StoreProp: case Opcode::GetElem: case Opcode::DeleteElem: case Opcode::GetPrivate:
        case Opcode::HasPrivate: case Opcode::ArrayPush: case Opcode::ArraySpread: case Opcode::DefineField:
        case Opcode::CopyDataProps: case Opcode::SetFnName: case Opcode::Add: case Opcode::Sub:
        case Opcode::Mul: case Opcode::Div: case Opcode::Mod: case Opcode::Exp: case Opcode::BitAnd:
        case Opcode::BitOr: case Opcode::BitXor: case Opcode::Shl: case Opcode::Shr: case Opcode::UShr:
        case Opcode::Eq: case Opcode::NotEq: case Opcode::StrictEq: case Opcode::StrictNotEq:
        case Opcode::Lt: case Opcode::Gt: case Opcode::LtEq: case Opcode::GtEq: case Opcode::In:
        case Opcode::Instanceof: case Opcode::JumpIfFalseKeep: case Opcode::JumpIfTrueKeep:
        case Opcode::JumpIfNotNullishKeep: case Opcode::NewSpread: case Opcode::InitFields:
        case Opcode::SetHome: case Opcode::SetFieldInit: case Opcode::ResumeCheck:
        case Opcode::IterResultCheck: case Opcode::SetLiteralProto:
            return -1;
        case Opcode::StoreElem: case Opcode::GetSuperProp: case Opcode::StorePrivate:
        case Opcode::DefinePrivate: case Opcode::DefineComputed: case Opcode::DefineMethod:
        case Opcode::CallSpread: case Opcode::SuperCallSpread: case Opcode::ReturnCtor:
        case Opcode::DefineClassMethod:
            return -2;
        case Opcode::StoreSuperProp: return -3;
        case Opcode::CopyRest: return -static_cast<int>(a);
        case Opcode::Call: case Opcode::SuperCall: return -static_cast<int>(a) - 1;
        case Opcode::New: return -static_cast<int>(a);
        default: return 0;
    }
}

}  // namespace

ErrorType error_type_of_compile(const std::string& name) {
    if (name == "RangeError") return ErrorType::RangeError;
    if (name == "ReferenceError") return ErrorType::ReferenceError;
    return ErrorType::SyntaxError;
}

FunctionCompiler::FunctionCompiler(CompileContext& c, FuncInfo* fi, std::vector<Scope*> outer,
                                   FunctionCompiler* p)
    : ctx(c), info(fi), tmpl(nullptr), parent(p), outer_chain(std::move(outer)) {
    tmpl = ctx.isolate.heap().make<FunctionTemplate>();
    tmpl->script = ctx.script;
}

// ---------------------------------------------------------------- emission

void FunctionCompiler::adjust_stack(int delta) {
    depth += delta;
    if (depth > max_depth) max_depth = depth;
}

uint32_t FunctionCompiler::emit(Opcode op, uint32_t a, int extra) {
    uint32_t at = static_cast<uint32_t>(tmpl->code.size());
    // Peephole: `Dup; Store x; Pop` (an assignment whose value is unused)
    // becomes `Store x`, unless a jump lands inside the pattern.
    if (op == Opcode::Pop && extra == 0) {
        auto& code = tmpl->code;
        if (at >= 2 && decode_op(code[at - 1]) == Opcode::StoreLocal && decode_op(code[at - 2]) == Opcode::Dup &&
            last_bind_pc <= at - 2) {
            code[at - 2] = code[at - 1];
            code.pop_back();
            adjust_stack(-1);
            return at - 2;
        }
        if (at >= 3 && decode_op(code[at - 2]) == Opcode::StoreEnv && decode_op(code[at - 3]) == Opcode::Dup &&
            last_bind_pc <= at - 3) {
            code[at - 3] = code[at - 2];
            code[at - 2] = code[at - 1];
            code.pop_back();
            adjust_stack(-1);
            return at - 3;
        }
    }
    if (op != Opcode::Stmt) statement_latent_ = false;
    tmpl->code.push_back(encode(op, a));
    adjust_stack(stack_effect(op, a) + extra);
    return at;
}

uint32_t FunctionCompiler::emit_b(Opcode op, uint32_t a, uint32_t b, int extra) {
    uint32_t at = emit(op, a, extra);
    tmpl->code.push_back(b);
    return at;
}

void FunctionCompiler::emit_jump(Opcode op, Label& label, int extra) {
    bool uses_b = opcode_has_b(op) && op != Opcode::JumpIfNullish;
    uint32_t at = uses_b ? emit_b(op, 0, 0, extra) : emit(op, 0, extra);
    if (op == Opcode::JumpIfNullish) tmpl->code.push_back(0);
    if (label.target >= 0) {
        if (uses_b) tmpl->code[at + 1] = static_cast<uint32_t>(label.target);
        else tmpl->code[at] = encode(op, static_cast<uint32_t>(label.target));
        return;
    }
    label.patches.push_back(uses_b ? at + 1 : at);
    label.patch_b.push_back(uses_b);
}

void FunctionCompiler::bind(Label& label) {
    label.target = static_cast<int32_t>(tmpl->code.size());
    last_bind_pc = tmpl->code.size();
    for (size_t i = 0; i < label.patches.size(); ++i) {
        uint32_t at = label.patches[i];
        if (label.patch_b[i]) {
            tmpl->code[at] = static_cast<uint32_t>(label.target);
        } else {
            tmpl->code[at] = encode(decode_op(tmpl->code[at]), static_cast<uint32_t>(label.target));
        }
    }
    label.patches.clear();
    label.patch_b.clear();
}

uint32_t FunctionCompiler::constant(Value v) {
    for (size_t i = 0; i < tmpl->constants.size(); ++i) {
        if (tmpl->constants[i].same_bits(v)) return static_cast<uint32_t>(i);
    }
    tmpl->constants.push_back(v);
    return static_cast<uint32_t>(tmpl->constants.size() - 1);
}

uint32_t FunctionCompiler::name_constant(const std::string& s) {
    auto it = name_constants_.find(s);
    if (it != name_constants_.end()) return it->second;
    tmpl->constants.push_back(ctx.isolate.intern(s));
    uint32_t index = static_cast<uint32_t>(tmpl->constants.size() - 1);
    name_constants_.emplace(s, index);
    return index;
}

uint32_t FunctionCompiler::cache_slot() {
    tmpl->caches.push_back(0);
    return static_cast<uint32_t>(tmpl->caches.size() - 1);
}

// V8's BytecodeArrayBuilder keeps a statement position "latent" until the
// next bytecode and never lets an expression position override it, so an
// error thrown by a statement's first instruction (`return total * 2` with
// `total` undeclared) points at the statement. Node's caret follows that.
void FunctionCompiler::set_position(const SourcePos& pos, bool statement) {
    if (!statement && statement_latent_) return;
    statement_latent_ = statement;
    uint32_t pc = static_cast<uint32_t>(tmpl->code.size());
    auto& table = tmpl->positions;
    if (!table.empty() && table.back().pc == pc) {
        table.back() = {pc, pos.line, pos.column, statement || table.back().statement};
        return;
    }
    if (!table.empty() && table.back().line == pos.line && table.back().column == pos.column && !statement) return;
    table.push_back({pc, pos.line, pos.column, statement});
}

uint32_t FunctionCompiler::alloc_temp() {
    if (!free_temps.empty()) {
        uint32_t s = free_temps.back();
        free_temps.pop_back();
        return s;
    }
    return next_slot++;
}

void FunctionCompiler::free_temp(uint32_t slot) { free_temps.push_back(slot); }

void FunctionCompiler::emit_throw_error(ErrorType type, const std::string& message) {
    emit(Opcode::ThrowError, (static_cast<uint32_t>(type) << 20) | name_constant(message));
}

// ---------------------------------------------------------------- scopes

void FunctionCompiler::enter_scope(Scope* s) {
    s->finalize();
    for (auto& v : s->vars) {
        if (!v->captured && v->slot < 0) v->slot = static_cast<int>(next_slot++);
    }
    if (s->has_env()) {
        emit(Opcode::PushEnv, s->env_size);
        env_chain.push_back(s);
    }
    current_scope = s;
}

void FunctionCompiler::exit_scope(Scope* s) {
    if (s->has_env()) {
        emit(Opcode::PopEnv);
        env_chain.pop_back();
    }
    current_scope = s->parent;
}

// Lexical bindings start uninitialised (TDZ); hoisted functions exist
// before the first statement runs.
void FunctionCompiler::emit_scope_entry(Scope* s) {
    for (auto& v : s->vars) {
        if (v->lexical() && !v->captured && v->needs_tdz) {
            emit(Opcode::PushEmpty);
            emit(Opcode::StoreLocal, static_cast<uint32_t>(v->slot));
        }
        if (v->captured && (v->kind == BindKind::Var || v->kind == BindKind::Function)) {
            if (v->self_ref) continue;
            VarRef ref = resolve(v->name);
            emit(Opcode::PushUndef);
            emit_store(ref, true);
        }
    }
    for (Node* fn : s->function_decls) {
        compile_function(fn, fn->str);
        VarInfo* outer = s->is_function ? nullptr : info->scope->find(fn->str);
        if (outer != nullptr && outer->annex_b) emit(Opcode::Dup);
        VarRef ref = resolve(fn->str);
        emit_store(ref, true);
        if (outer != nullptr && outer->annex_b) {
            Scope* saved = current_scope;
            current_scope = info->scope;
            VarRef var_ref = resolve(fn->str);
            current_scope = saved;
            emit_store(var_ref, true);
        }
    }
}

VarRef FunctionCompiler::resolve(const std::string& name) {
    VarRef ref;
    ref.name = name;
    for (Scope* s = current_scope; s != nullptr; s = s->parent) {
        VarInfo* v = s->find(name);
        if (v == nullptr) continue;
        ref.var = v;
        if (!v->captured) {
            ref.where = VarRef::Where::Local;
            ref.slot = static_cast<uint32_t>(v->slot);
            return ref;
        }
        ref.where = VarRef::Where::Env;
        ref.index = static_cast<uint32_t>(v->env_index);
        uint32_t d = 0;
        for (auto it = env_chain.rbegin(); it != env_chain.rend(); ++it, ++d) {
            if (*it == v->scope) {
                ref.depth = d;
                return ref;
            }
        }
        for (auto it = outer_chain.rbegin(); it != outer_chain.rend(); ++it, ++d) {
            if (*it == v->scope) {
                ref.depth = d;
                return ref;
            }
        }
        throw std::logic_error("looplab compiler: environment of '" + name + "' not on the chain");
    }
    ref.where = VarRef::Where::Global;
    return ref;
}

void FunctionCompiler::emit_load(const VarRef& ref, bool for_typeof) {
    switch (ref.where) {
        case VarRef::Where::Local:
            if (ref.var->needs_tdz) {
                emit_b(Opcode::GetLocalChecked, ref.slot, name_constant(ref.name));
            } else {
                emit(Opcode::GetLocal, ref.slot);
            }
            return;
        case VarRef::Where::Env:
            if (ref.var->needs_tdz) {
                emit_b(Opcode::GetEnvChecked, ref.depth, ref.index | (name_constant(ref.name) << 16));
            } else {
                emit_b(Opcode::GetEnv, ref.depth, ref.index);
            }
            return;
        case VarRef::Where::Global:
            if (ref.name == "undefined") {
                emit(Opcode::PushUndef);
            } else if (for_typeof) {
                emit_b(Opcode::GetGlobalOrUndef, name_constant(ref.name), cache_slot());
            } else {
                emit_b(Opcode::GetGlobal, name_constant(ref.name), cache_slot());
            }
            return;
    }
}

void FunctionCompiler::emit_store(const VarRef& ref, bool is_declaration) {
    if (ref.where != VarRef::Where::Global && !is_declaration) {
        if (ref.var->immutable()) {
            emit(Opcode::ThrowConstAssign, name_constant(ref.name));
            emit(Opcode::Pop);
            return;
        }
        if (ref.var->needs_tdz) {
            if (ref.where == VarRef::Where::Local) {
                emit_b(Opcode::CheckLocalInit, ref.slot, name_constant(ref.name));
            } else {
                emit_b(Opcode::CheckEnvInit, ref.depth, ref.index | (name_constant(ref.name) << 16));
            }
        }
    }
    switch (ref.where) {
        case VarRef::Where::Local: emit(Opcode::StoreLocal, ref.slot); return;
        case VarRef::Where::Env: emit_b(Opcode::StoreEnv, ref.depth, ref.index); return;
        case VarRef::Where::Global: emit_b(Opcode::StoreGlobal, name_constant(ref.name), cache_slot()); return;
    }
}

void FunctionCompiler::emit_load_this() {
    VarRef ref = resolve("this");
    if (ref.where == VarRef::Where::Global) {
        emit(Opcode::PushUndef);
        return;
    }
    emit_load(ref);
}

// ---------------------------------------------------------------- functions

FunctionTemplate* FunctionCompiler::compile() {
    Node* fn = info->node;
    bool is_program = fn->kind == NodeKind::Program;
    if (!is_program) {
        tmpl->name = fn->str;
        if (fn->flags.is_arrow) tmpl->flags |= kFnArrow;
        if (fn->flags.is_generator) tmpl->flags |= kFnGenerator;
        if (fn->flags.is_async) tmpl->flags |= kFnAsync;
        if (fn->flags.is_method || fn->flags.is_getter || fn->flags.is_setter) tmpl->flags |= kFnMethod;
        is_generator = fn->flags.is_generator;
        is_async = fn->flags.is_async;
    }
    if (fn->flags.strict) tmpl->flags |= kFnStrict;
    if (is_class_ctor) tmpl->flags |= kFnClassConstructor;
    if (is_derived) tmpl->flags |= kFnDerived;
    tmpl->line = fn->pos.line;
    tmpl->column = fn->pos.column;
    tmpl->source_start = fn->pos.offset;
    tmpl->source_end = fn->end.offset;
    Scope* fs = info->scope;
    current_scope = fs;

    // Slot 0 is `this`; parameters follow in order.
    static const std::vector<Node*> kNoParams;
    const std::vector<Node*>& params = is_program ? kNoParams : fn->list;
    uint32_t param_count = 0;
    uint32_t length = 0;
    bool seen_default = false;
    for (Node* p : params) {
        if (p->kind == NodeKind::RestElement) {
            seen_default = true;
            continue;
        }
        if (p->kind == NodeKind::AssignPattern) seen_default = true;
        if (!seen_default) ++length;
        ++param_count;
    }
    if (is_program) param_count = length = static_cast<uint32_t>(program_params.size());
    if (VarInfo* self = fs->find("this"); self != nullptr && self->kind == BindKind::Internal) {
        self->slot = 0;
        if (is_derived) self->needs_tdz = true;
    }
    next_slot = 1 + param_count;
    uint32_t slot_index = 0;
    for (Node* p : params) {
        if (p->kind == NodeKind::RestElement) break;
        if (p->kind == NodeKind::Identifier) {
            VarInfo* v = fs->find(p->str);
            if (v != nullptr && !v->captured && v->slot < 0) v->slot = static_cast<int>(slot_index + 1);
        }
        ++slot_index;
    }
    for (size_t i = 0; i < program_params.size(); ++i) {
        VarInfo* v = fs->find(program_params[i]);
        if (v != nullptr && !v->captured && v->slot < 0) v->slot = static_cast<int>(i + 1);
    }
    tmpl->param_count = param_count;
    tmpl->length = length;
    if (info->uses_arguments || info->has_rest) tmpl->flags |= kFnNeedsArgs;

    enter_scope(fs);
    // Internal bindings this function's code (or its arrows) reads.
    auto materialize = [&](const char* name, Opcode op) {
        VarInfo* v = fs->find(name);
        if (v == nullptr || v->kind != BindKind::Internal || !v->referenced) return;
        if (std::string(name) == "this") {
            if (!v->captured) return;
            emit(Opcode::GetLocal, 0);
        } else {
            emit(op, 0);
        }
        emit_store(resolve(name), true);
    };
    materialize("this", Opcode::Nop);
    materialize("%func", Opcode::LoadCallee);
    materialize("new.target", Opcode::LoadNewTarget);
    materialize("arguments", Opcode::Arguments);
    for (auto& v : fs->vars) {
        if (v->self_ref && v->referenced) {
            emit(Opcode::LoadCallee);
            emit_store(resolve(v->name), true);
        }
    }
    for (size_t i = 0; i < program_params.size(); ++i) {
        VarRef ref = resolve(program_params[i]);
        if (ref.where == VarRef::Where::Env) {
            emit(Opcode::GetLocal, static_cast<uint32_t>(i + 1));
            emit_store(ref, true);
        }
    }
    // Parameters: defaults, patterns, rest.
    uint32_t index = 0;
    for (Node* p : params) {
        uint32_t slot = index + 1;
        if (p->kind == NodeKind::RestElement) {
            emit(Opcode::Rest, index);
            compile_pattern_store(p->a, true);
            break;
        }
        if (p->kind == NodeKind::Identifier) {
            VarRef ref = resolve(p->str);
            if (ref.where == VarRef::Where::Env) {
                emit(Opcode::GetLocal, slot);
                emit_store(ref, true);
            } else if (ref.where == VarRef::Where::Local && ref.slot != slot) {
                emit(Opcode::GetLocal, slot);
                emit_store(ref, true);
            }
        } else if (p->kind == NodeKind::AssignPattern) {
            emit(Opcode::GetLocal, slot);
            Label done;
            emit_jump(Opcode::JumpIfNotUndef, done);
            emit(Opcode::Pop);
            compile_expr_named(p->b, p->a->kind == NodeKind::Identifier ? p->a->str : "");
            bind(done);
            compile_pattern_store(p->a, true);
        } else {
            emit(Opcode::GetLocal, slot);
            compile_pattern_store(p, true);
        }
        ++index;
    }
    emit_scope_entry(fs);
    if (is_generator) emit(Opcode::GeneratorStart);
    if (is_class_ctor && !is_derived && has_instance_fields) {
        emit(Opcode::GetLocal, 0);
        emit(Opcode::LoadCallee);
        emit(Opcode::InitFields);
        emit(Opcode::Pop);
    }
    if (fn->flags.expression_body) {
        set_position(fn->a->pos, true);
        emit(Opcode::Stmt);
        compile_expr(fn->a);
        emit(Opcode::Return);
    } else {
        const std::vector<Node*>& body = is_program ? fn->list : fn->a->list;
        compile_statements(body);
        emit_final_return();
    }
    tmpl->local_count = std::max(next_slot, 1u);
    tmpl->max_stack = static_cast<uint32_t>(max_depth) + 4;
    return tmpl;
}

void FunctionCompiler::emit_final_return() {
    if (is_class_ctor) {
        emit(Opcode::PushUndef);
        VarRef ref = resolve("this");
        if (ref.where == VarRef::Where::Env) emit_b(Opcode::GetEnv, ref.depth, ref.index);
        else emit(Opcode::GetLocal, 0);
        emit(Opcode::ReturnCtor);
        return;
    }
    emit(Opcode::PushUndef);
    emit(Opcode::Return);
}

FunctionTemplate* FunctionCompiler::default_constructor(CompileContext& ctx, bool derived, const std::string& name) {
    FunctionTemplate* t = ctx.isolate.heap().make<FunctionTemplate>();
    t->script = ctx.script;
    t->name = name;
    t->flags = kFnClassConstructor | kFnStrict | kFnDefaultDerivedCtor | (derived ? kFnDerived | kFnNeedsArgs : 0);
    t->local_count = 1;
    t->max_stack = 8;
    auto op = [&](Opcode o, uint32_t a = 0) { t->code.push_back(encode(o, a)); };
    if (derived) {
        // constructor(...args) { super(...args); }
        op(Opcode::LoadCallee);
        op(Opcode::LoadNewTarget);
        op(Opcode::Rest, 0);
        op(Opcode::SuperCallSpread);
        op(Opcode::Dup);
        op(Opcode::StoreLocal, 0);
        op(Opcode::LoadCallee);
        op(Opcode::InitFields);
        op(Opcode::Pop);
    } else {
        op(Opcode::GetLocal, 0);
        op(Opcode::LoadCallee);
        op(Opcode::InitFields);
        op(Opcode::Pop);
    }
    op(Opcode::PushUndef);
    op(Opcode::GetLocal, 0);
    op(Opcode::ReturnCtor);
    return t;
}

// ---------------------------------------------------------------- statements

void FunctionCompiler::compile_statements(const std::vector<Node*>& list) {
    for (Node* n : list) compile_statement(n);
}

void FunctionCompiler::compile_statement(Node* n) {
    switch (n->kind) {
        case NodeKind::Block: {
            Scope* s = ctx.resolver.scopes.at(n);
            enter_scope(s);
            emit_scope_entry(s);
            compile_statements(n->list);
            exit_scope(s);
            return;
        }
        case NodeKind::Empty: case NodeKind::FunctionDecl: return;
        case NodeKind::Debugger: return;
        default: break;
    }
    set_position(n->pos, true);
    emit(Opcode::Stmt);
    depth = 0;
    switch (n->kind) {
        case NodeKind::ExpressionStmt:
            compile_expr_discard(n->a);
            return;
        case NodeKind::VarDecl: compile_var_decl(n); return;
        case NodeKind::ClassDecl: {
            compile_class(n, n->str);
            emit_store(resolve(n->str), true);
            return;
        }
        case NodeKind::Return: compile_return(n->a, n->pos); return;
        case NodeKind::If: compile_if(n); return;
        case NodeKind::For: case NodeKind::ForIn: case NodeKind::ForOf: case NodeKind::While:
        case NodeKind::DoWhile:
            compile_loop_like(n, {});
            return;
        case NodeKind::Labeled: {
            std::vector<std::string> labels;
            Node* body = n;
            while (body->kind == NodeKind::Labeled) {
                labels.push_back(body->str);
                body = body->a;
            }
            if (body->kind == NodeKind::For || body->kind == NodeKind::ForIn || body->kind == NodeKind::ForOf ||
                body->kind == NodeKind::While || body->kind == NodeKind::DoWhile) {
                compile_loop_like(body, labels);
                return;
            }
            if (body->kind == NodeKind::Switch) {
                compile_switch(body, labels);
                return;
            }
            Label end;
            ControlEntry e{ControlEntry::Kind::Breakable};
            e.labels = labels;
            e.break_label = &end;
            e.env_depth = env_chain.size();
            controls.push_back(e);
            compile_statement(body);
            controls.pop_back();
            bind(end);
            return;
        }
        case NodeKind::Break: compile_jump(n, false); return;
        case NodeKind::Continue: compile_jump(n, true); return;
        case NodeKind::Throw:
            compile_expr(n->a);
            set_position(n->pos);
            emit(Opcode::Throw);
            return;
        case NodeKind::Try: compile_try(n); return;
        case NodeKind::Switch: compile_switch(n, {}); return;
        default:
            throw std::logic_error("looplab compiler: unexpected statement kind " +
                                   std::to_string(static_cast<int>(n->kind)));
    }
}

void FunctionCompiler::compile_loop_like(Node* n, std::vector<std::string> labels) {
    switch (n->kind) {
        case NodeKind::For: compile_for(n, std::move(labels)); return;
        case NodeKind::ForIn: case NodeKind::ForOf: compile_for_in_of(n, std::move(labels)); return;
        case NodeKind::While: compile_while(n, std::move(labels)); return;
        default: compile_do_while(n, std::move(labels)); return;
    }
}

void FunctionCompiler::compile_var_decl(Node* n) {
    bool lexical = n->var_kind != VarKind::Var;
    for (Node* d : n->list) {
        if (d->b == nullptr) {
            if (!lexical) continue;  // `var x;` leaves x alone
            emit(Opcode::PushUndef);
            compile_pattern_store(d->a, true);
            continue;
        }
        compile_expr_named(d->b, d->a->kind == NodeKind::Identifier ? d->a->str : "");
        pattern_source = d->b;
        compile_pattern_store(d->a, lexical || d->a->kind != NodeKind::Identifier ? true : false);
        pattern_source = nullptr;
    }
}

void FunctionCompiler::compile_if(Node* n) {
    Label else_label, end;
    compile_expr(n->a);
    emit_jump(Opcode::JumpIfFalse, else_label);
    compile_statement(n->b);
    if (n->c != nullptr) {
        emit_jump(Opcode::Jump, end);
        bind(else_label);
        compile_statement(n->c);
        bind(end);
    } else {
        bind(else_label);
    }
}

void FunctionCompiler::compile_while(Node* n, std::vector<std::string> labels) {
    Label top, end;
    bind(top);
    compile_expr(n->a);
    emit_jump(Opcode::JumpIfFalse, end);
    ControlEntry e{ControlEntry::Kind::Loop};
    e.labels = std::move(labels);
    e.break_label = &end;
    e.continue_label = &top;
    e.env_depth = e.continue_env_depth = env_chain.size();
    controls.push_back(e);
    compile_statement(n->b);
    controls.pop_back();
    emit_jump(Opcode::Jump, top);
    bind(end);
}

void FunctionCompiler::compile_do_while(Node* n, std::vector<std::string> labels) {
    Label top, cont, end;
    bind(top);
    ControlEntry e{ControlEntry::Kind::Loop};
    e.labels = std::move(labels);
    e.break_label = &end;
    e.continue_label = &cont;
    e.env_depth = e.continue_env_depth = env_chain.size();
    controls.push_back(e);
    compile_statement(n->a);
    controls.pop_back();
    bind(cont);
    compile_expr(n->b);
    emit_jump(Opcode::JumpIfTrue, top);
    bind(end);
}

void FunctionCompiler::compile_for(Node* n, std::vector<std::string> labels) {
    Scope* ls = nullptr;
    if (auto it = ctx.resolver.scopes.find(n); it != ctx.resolver.scopes.end()) ls = it->second;
    if (ls != nullptr) {
        enter_scope(ls);
        emit_scope_entry(ls);
    }
    if (n->a != nullptr) {
        if (n->a->kind == NodeKind::VarDecl) {
            compile_var_decl(n->a);
        } else {
            compile_expr_discard(n->a);
        }
    }
    Label top, cont, end;
    bind(top);
    if (n->b != nullptr) {
        compile_expr(n->b);
        emit_jump(Opcode::JumpIfFalse, end);
    }
    ControlEntry e{ControlEntry::Kind::Loop};
    e.labels = std::move(labels);
    e.break_label = &end;
    e.continue_label = &cont;
    e.env_depth = e.continue_env_depth = env_chain.size();
    controls.push_back(e);
    compile_statement(n->d);
    controls.pop_back();
    bind(cont);
    // Each iteration gets fresh copies of captured let bindings.
    if (ls != nullptr && ls->has_env()) emit(Opcode::CloneEnv);
    if (n->c != nullptr) compile_expr_discard(n->c);
    emit_jump(Opcode::Jump, top);
    bind(end);
    if (ls != nullptr) exit_scope(ls);
}

void FunctionCompiler::compile_for_in_of(Node* n, std::vector<std::string> labels) {
    bool is_of = n->kind == NodeKind::ForOf;
    bool is_await = n->flags.is_await;
    Scope* ls = nullptr;
    if (auto it = ctx.resolver.scopes.find(n); it != ctx.resolver.scopes.end()) ls = it->second;
    compile_expr(n->b);
    uint32_t rec = alloc_temp();
    if (is_of) set_position(n->b->pos);
    if (is_of) emit(is_await ? Opcode::GetAsyncIterator : Opcode::GetIterator, name_constant(callee_text(n->b)));
    else emit(Opcode::ForInPrepare);
    emit(Opcode::StoreLocal, rec);

    Label top, cont, exit, end, on_throw, broken;
    size_t outer_env = env_chain.size();
    if (is_of) {
        ControlEntry close{ControlEntry::Kind::IterClose};
        close.iter_slot = rec;
        close.async_iter = is_await;
        close.env_depth = outer_env;
        close.labels = {};
        controls.push_back(close);
        emit_jump(Opcode::TryEnter, on_throw);
        ControlEntry t{ControlEntry::Kind::Try};
        t.env_depth = outer_env;
        controls.push_back(t);
    }
    bind(top);
    if (!is_of) {
        emit_b(Opcode::ForInStep, rec, 0);
        // patch B to exit
        exit.patches.push_back(static_cast<uint32_t>(tmpl->code.size() - 1));
        exit.patch_b.push_back(true);
    } else if (is_await) {
        emit(Opcode::AsyncIterNextCall, rec);
        compile_await();
        emit_b(Opcode::AsyncIterResult, rec, 0, 1);  // result -> [value flag]
        exit.patches.push_back(static_cast<uint32_t>(tmpl->code.size() - 1));
        exit.patch_b.push_back(true);
        Label no_await;
        emit_jump(Opcode::JumpIfFalse, no_await);
        compile_await();
        bind(no_await);
    } else {
        emit_b(Opcode::IterStep, rec, 0);
        exit.patches.push_back(static_cast<uint32_t>(tmpl->code.size() - 1));
        exit.patch_b.push_back(true);
    }
    if (ls != nullptr) {
        enter_scope(ls);
        emit_scope_entry(ls);
    }
    Node* left = n->a;
    if (left->kind == NodeKind::VarDecl) {
        compile_pattern_store(left->list[0]->a, true);
    } else {
        compile_pattern_store(left, false);
    }
    ControlEntry e{ControlEntry::Kind::Loop};
    e.labels = std::move(labels);
    // A `break` of this loop sits above its Try/IterClose entries, so it
    // lands on `broken`, which leaves the handler and closes the iterator.
    e.break_label = is_of ? &broken : &end;
    e.continue_label = &cont;
    e.env_depth = outer_env;
    e.continue_env_depth = env_chain.size();
    controls.push_back(e);
    compile_statement(n->c);
    controls.pop_back();
    bind(cont);
    if (ls != nullptr) exit_scope(ls);
    emit_jump(Opcode::Jump, top);
    bind(exit);
    if (is_of) {
        controls.pop_back();  // Try
        controls.pop_back();  // IterClose
        emit(Opcode::TryExit);
        emit_jump(Opcode::Jump, end);
        bind(broken);
        emit(Opcode::TryExit);
        if (is_await) emit_async_iter_close(rec, false);
        else emit(Opcode::IterClose, rec);
        emit_jump(Opcode::Jump, end);
        // A throw out of the body closes the iterator, then propagates.
        bind(on_throw);
        adjust_stack(1);
        uint32_t exc = alloc_temp();
        emit(Opcode::StoreLocal, exc);
        if (is_await) emit_async_iter_close(rec, true);
        else emit(Opcode::IterCloseQuiet, rec);
        emit(Opcode::GetLocal, exc);
        emit(Opcode::Throw);
        free_temp(exc);
    }
    bind(end);
    free_temp(rec);
}

// AsyncIteratorClose (7.4.13): call return(), await its result, require an
// object. `quiet` is the throw-completion case, where the original
// exception wins over anything return() or the await throws (step 6).
void FunctionCompiler::emit_async_iter_close(uint32_t slot, bool quiet) {
    Label handler, done, skip;
    int d = depth;
    if (quiet) emit_jump(Opcode::TryEnter, handler);
    emit_b(Opcode::AsyncIterClose, slot, 0);
    skip.patches.push_back(static_cast<uint32_t>(tmpl->code.size() - 1));
    skip.patch_b.push_back(true);
    compile_await();
    if (quiet) emit(Opcode::Pop);
    else emit(Opcode::IterResultCheck);
    bind(skip);
    depth = d;
    if (!quiet) return;
    emit(Opcode::TryExit);
    emit_jump(Opcode::Jump, done);
    bind(handler);
    depth = d;
    adjust_stack(1);  // the ignored exception
    emit(Opcode::Pop);
    bind(done);
}

void FunctionCompiler::compile_try(Node* n) {
    Label finally_handler, end;
    size_t env_depth = env_chain.size();
    bool has_finally = n->d != nullptr;
    if (has_finally) {
        ControlEntry f{ControlEntry::Kind::Finally};
        f.finally_block = n->d;
        f.env_depth = env_depth;
        controls.push_back(f);
        controls.back().labels = {};
        emit_jump(Opcode::TryEnter, finally_handler);
        ControlEntry t{ControlEntry::Kind::Try};
        t.env_depth = env_depth;
        controls.push_back(t);
    }
    if (n->c != nullptr) {
        Label catch_label, after_catch;
        emit_jump(Opcode::TryEnter, catch_label);
        ControlEntry t{ControlEntry::Kind::Try};
        t.env_depth = env_depth;
        controls.push_back(t);
        compile_statement(n->a);
        controls.pop_back();
        emit(Opcode::TryExit);
        emit_jump(Opcode::Jump, after_catch);
        bind(catch_label);
        depth = 0;
        adjust_stack(1);  // the exception
        Scope* cs = ctx.resolver.scopes.at(n);
        enter_scope(cs);
        emit_scope_entry(cs);
        if (n->b != nullptr) {
            compile_pattern_store(n->b, true);
        } else {
            emit(Opcode::Pop);
        }
        compile_statement(n->c);
        exit_scope(cs);
        bind(after_catch);
    } else {
        compile_statement(n->a);
    }
    if (has_finally) {
        controls.pop_back();  // Try
        controls.pop_back();  // Finally
        emit(Opcode::TryExit);
        compile_statement(n->d);
        emit_jump(Opcode::Jump, end);
        bind(finally_handler);
        depth = 0;
        adjust_stack(1);
        uint32_t exc = alloc_temp();
        emit(Opcode::StoreLocal, exc);
        compile_statement(n->d);
        emit(Opcode::GetLocal, exc);
        emit(Opcode::Throw);
        free_temp(exc);
        bind(end);
    }
}

void FunctionCompiler::compile_switch(Node* n, std::vector<std::string> labels) {
    compile_expr(n->a);
    uint32_t disc = alloc_temp();
    emit(Opcode::StoreLocal, disc);
    Scope* ss = ctx.resolver.scopes.at(n);
    enter_scope(ss);
    emit_scope_entry(ss);
    Label end;
    std::vector<Label> case_labels(n->list.size());
    int default_index = -1;
    for (size_t i = 0; i < n->list.size(); ++i) {
        Node* c = n->list[i];
        if (c->a == nullptr) {
            default_index = static_cast<int>(i);
            continue;
        }
        emit(Opcode::GetLocal, disc);
        compile_expr(c->a);
        emit(Opcode::StrictEq);
        emit_jump(Opcode::JumpIfTrue, case_labels[i]);
    }
    if (default_index >= 0) emit_jump(Opcode::Jump, case_labels[default_index]);
    else emit_jump(Opcode::Jump, end);
    ControlEntry e{ControlEntry::Kind::Breakable};
    e.labels = std::move(labels);
    e.labels.push_back("");  // an unlabeled break targets the switch
    e.break_label = &end;
    e.env_depth = env_chain.size();
    controls.push_back(e);
    for (size_t i = 0; i < n->list.size(); ++i) {
        bind(case_labels[i]);
        compile_statements(n->list[i]->list);
    }
    controls.pop_back();
    bind(end);
    exit_scope(ss);
    free_temp(disc);
}

void FunctionCompiler::emit_pop_envs_to(size_t d) {
    while (env_chain.size() > d) {
        emit(Opcode::PopEnv);
        env_chain.pop_back();
    }
}

// Runs the cleanups of every control entry above target_index (innermost
// first): leave try handlers, close iterators, run finally blocks inline.
void FunctionCompiler::emit_exits_to(size_t target_index) {
    auto saved_chain = env_chain;
    auto saved_controls = controls;
    Scope* saved_scope = current_scope;
    int saved_depth = depth;
    for (size_t i = controls.size(); i-- > target_index;) {
        ControlEntry e = saved_controls[i];
        switch (e.kind) {
            case ControlEntry::Kind::Try:
                emit(Opcode::TryExit);
                break;
            case ControlEntry::Kind::IterClose:
                emit_pop_envs_to(e.env_depth);
                if (e.async_iter) emit_async_iter_close(e.iter_slot, false);
                else emit(Opcode::IterClose, e.iter_slot);
                break;
            case ControlEntry::Kind::Finally: {
                emit_pop_envs_to(e.env_depth);
                controls.resize(i);
                int d = depth;
                compile_statement(e.finally_block);
                depth = d;
                break;
            }
            default: break;
        }
    }
    env_chain = saved_chain;
    controls = saved_controls;
    current_scope = saved_scope;
    depth = saved_depth;
}

void FunctionCompiler::compile_jump(Node* n, bool is_continue) {
    const std::string& label = n->str;
    for (size_t i = controls.size(); i-- > 0;) {
        ControlEntry& e = controls[i];
        bool matches;
        if (is_continue) {
            matches = e.kind == ControlEntry::Kind::Loop &&
                      (label.empty() || std::find(e.labels.begin(), e.labels.end(), label) != e.labels.end());
        } else if (label.empty()) {
            matches = e.kind == ControlEntry::Kind::Loop ||
                      (e.kind == ControlEntry::Kind::Breakable &&
                       std::find(e.labels.begin(), e.labels.end(), "") != e.labels.end());
        } else {
            matches = (e.kind == ControlEntry::Kind::Loop || e.kind == ControlEntry::Kind::Breakable) &&
                      std::find(e.labels.begin(), e.labels.end(), label) != e.labels.end();
        }
        if (!matches) continue;
        ControlEntry target = e;
        emit_exits_to(i + 1);
        auto saved_chain = env_chain;
        emit_pop_envs_to(is_continue ? target.continue_env_depth : target.env_depth);
        emit_jump(Opcode::Jump, is_continue ? *target.continue_label : *target.break_label);
        env_chain = saved_chain;
        return;
    }
    throw std::logic_error("looplab compiler: jump target not found");
}

void FunctionCompiler::compile_return(Node* arg, const SourcePos& pos) {
    if (arg != nullptr) compile_expr(arg);
    else emit(Opcode::PushUndef);
    // 14.10.1: in an async generator `return v` awaits v.
    if (arg != nullptr && is_async && is_generator) compile_await();
    set_position(pos);
    emit_return_sequence();
}

void FunctionCompiler::emit_return_sequence() {
    bool cleanups = false;
    for (auto& e : controls) {
        if (e.kind != ControlEntry::Kind::Loop && e.kind != ControlEntry::Kind::Breakable) cleanups = true;
    }
    uint32_t tmp = 0;
    if (cleanups) {
        tmp = alloc_temp();
        emit(Opcode::StoreLocal, tmp);
        emit_exits_to(0);
        emit(Opcode::GetLocal, tmp);
        free_temp(tmp);
    }
    if (is_class_ctor) {
        VarRef ref = resolve("this");
        if (ref.where == VarRef::Where::Env) emit_b(Opcode::GetEnv, ref.depth, ref.index);
        else emit(Opcode::GetLocal, 0);
        emit(Opcode::ReturnCtor);
        return;
    }
    emit(Opcode::Return);
}

// ---------------------------------------------------------------- entry point

JsFunction* compile_function_from_source(Isolate& isolate, std::string_view source, std::string_view filename,
                                         std::span<const std::string> param_names, CompileError* err) {
    install_vm_builtins(isolate);
    ParsedProgram parsed = parse_program(source);
    auto script = isolate.interpreter().add_script(std::string(filename), std::string(source));
    if (!parsed.ok) {
        if (err != nullptr) {
            err->name = parsed.error.name;
            err->message = parsed.error.message;
            err->line = parsed.error.pos.line;
            err->column = parsed.error.pos.column;
            err->length = parsed.error.length;
            err->source_line = script->line_text(parsed.error.pos.line);
        }
        return nullptr;
    }
    Resolver resolver;
    std::vector<std::string> params(param_names.begin(), param_names.end());
    resolver.resolve_program(parsed.root, params);
    CompileContext ctx{isolate, resolver, script};
    FunctionCompiler compiler(ctx, resolver.program_func, {}, nullptr);
    compiler.program_params = params;
    FunctionTemplate* tmpl = nullptr;
    try {
        tmpl = compiler.compile();
    } catch (const std::logic_error& e) {
        if (err != nullptr) {
            err->name = "SyntaxError";
            err->message = e.what();
            err->line = 1;
            err->column = 1;
        }
        return nullptr;
    }
    tmpl->name = "";
    tmpl->flags |= kFnModule;
    auto* fn = isolate.heap().make<JsClosure>(isolate.realm().function_prototype, tmpl, nullptr);
    fn->name = isolate.intern("").as_string();
    return fn;
}

}  // namespace looplab::js
