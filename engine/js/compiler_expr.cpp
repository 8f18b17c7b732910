// Pass 2 of the compiler: expressions, destructuring patterns and classes.
#include <cmath>
#include <stdexcept>

#include "engine/js/bigint.h"
#include "engine/js/compiler_internal.h"
#include "engine/js/operations.h"
#include "engine/js/vm.h"

namespace looplab::js {

namespace {

bool is_anonymous_fn(Node* n) {
    return n != nullptr && ((n->kind == NodeKind::Function && n->str.empty()) ||
                            (n->kind == NodeKind::Class && n->str.empty()));
}

std::string key_name(Node* key) {
    if (key == nullptr) return "";
    switch (key->kind) {
        case NodeKind::Identifier: case NodeKind::StringLit: return key->str;
        case NodeKind::NumberLit: return number_to_string(key->num);
        case NodeKind::PrivateName: return "#" + key->str;
        default: return "";
    }
}

Opcode binary_opcode(Op op) {
    switch (op) {
        case Op::Add: case Op::AddAssign: return Opcode::Add;
        case Op::Sub: case Op::SubAssign: return Opcode::Sub;
        case Op::Mul: case Op::MulAssign: return Opcode::Mul;
        case Op::Div: case Op::DivAssign: return Opcode::Div;
        case Op::Mod: case Op::ModAssign: return Opcode::Mod;
        case Op::Exp: case Op::ExpAssign: return Opcode::Exp;
        case Op::BitAnd: case Op::BitAndAssign: return Opcode::BitAnd;
        case Op::BitOr: case Op::BitOrAssign: return Opcode::BitOr;
        case Op::BitXor: case Op::BitXorAssign: return Opcode::BitXor;
        case Op::Shl: case Op::ShlAssign: return Opcode::Shl;
        case Op::Shr: case Op::ShrAssign: return Opcode::Shr;
        case Op::UShr: case Op::UShrAssign: return Opcode::UShr;
        case Op::Eq: return Opcode::Eq;
        case Op::NotEq: return Opcode::NotEq;
        case Op::StrictEq: return Opcode::StrictEq;
        case Op::StrictNotEq: return Opcode::StrictNotEq;
        case Op::Lt: return Opcode::Lt;
        case Op::Gt: return Opcode::Gt;
        case Op::LtEq: return Opcode::LtEq;
        case Op::GtEq: return Opcode::GtEq;
        case Op::In: return Opcode::In;
        case Op::Instanceof: return Opcode::Instanceof;
        default: throw std::logic_error("looplab compiler: not a binary operator");
    }
}

}  // namespace

std::string FunctionCompiler::callee_text(Node* c) {
    switch (c->kind) {
        case NodeKind::Identifier: return c->str;
        case NodeKind::This: return "this";
        case NodeKind::Super: return "super";
        case NodeKind::Member:
            if (c->b->kind == NodeKind::PrivateName) return callee_text(c->a) + ".#" + c->b->str;
            if (!c->flags.computed) return callee_text(c->a) + "." + c->b->str;
            break;
        case NodeKind::Call: return callee_text(c->a) + "(...)";
        case NodeKind::OptionalChain: return callee_text(c->a);
        default: break;
    }
    const std::string& src = ctx.script->source;
    if (c->end.offset > c->pos.offset && c->end.offset <= src.size()) {
        std::string text = src.substr(c->pos.offset, c->end.offset - c->pos.offset);
        if (text.size() <= 80 && text.find('\n') == std::string::npos) return text;
    }
    return "expression";
}

void FunctionCompiler::compile_expr_named(Node* n, const std::string& name) {
    if (!name.empty() && is_anonymous_fn(n)) {
        if (n->kind == NodeKind::Function) compile_function(n, name);
        else compile_class(n, name);
        return;
    }
    compile_expr(n);
}

void FunctionCompiler::compile_expr(Node* n) {
    switch (n->kind) {
        case NodeKind::NumberLit: {
            double d = n->num;
            if (d == std::floor(d) && std::fabs(d) < (1 << 22) && !(d == 0 && std::signbit(d))) {
                emit(Opcode::PushInt, static_cast<uint32_t>(static_cast<int32_t>(d)) & 0xFFFFFF);
            } else {
                emit(Opcode::PushConst, constant(Value::number(d)));
            }
            return;
        }
        case NodeKind::StringLit: emit(Opcode::PushConst, name_constant(n->str)); return;
        case NodeKind::BoolLit: emit(n->flags.bool_value ? Opcode::PushTrue : Opcode::PushFalse); return;
        case NodeKind::NullLit: emit(Opcode::PushNull); return;
        case NodeKind::BigIntLit: {
            Value big = bigint_from_literal(ctx.isolate, n->str);
            tmpl->constants.push_back(big);
            emit(Opcode::PushConst, static_cast<uint32_t>(tmpl->constants.size() - 1));
            return;
        }
        case NodeKind::RegExpLit:
            set_position(n->pos);
            emit_b(Opcode::RegExp, name_constant(n->str), name_constant(n->str2));
            return;
        case NodeKind::TemplateLit: compile_template(n); return;
        case NodeKind::TaggedTemplate: compile_tagged_template(n); return;
        case NodeKind::Identifier:
            set_position(n->pos);
            emit_load(resolve(n->str));
            return;
        case NodeKind::This: emit_load_this(); return;
        case NodeKind::MetaProperty: {
            VarRef ref = resolve("new.target");
            if (ref.where == VarRef::Where::Global) emit(Opcode::PushUndef);
            else emit_load(ref);
            return;
        }
        case NodeKind::ArrayLit: compile_array(n); return;
        case NodeKind::ObjectLit: compile_object(n); return;
        case NodeKind::Function: compile_function(n, n->str); return;
        case NodeKind::Class: compile_class(n, n->str); return;
        case NodeKind::Unary: compile_unary(n); return;
        case NodeKind::Update: compile_update(n); return;
        case NodeKind::Binary: compile_binary(n); return;
        case NodeKind::Logical: compile_logical(n); return;
        case NodeKind::Assign: compile_assign(n); return;
        case NodeKind::Conditional: {
            Label else_label, end;
            compile_expr(n->a);
            emit_jump(Opcode::JumpIfFalse, else_label);
            int d = depth;
            compile_expr(n->b);
            emit_jump(Opcode::Jump, end);
            bind(else_label);
            depth = d;
            compile_expr(n->c);
            bind(end);
            return;
        }
        case NodeKind::Call: compile_call(n, nullptr); return;
        case NodeKind::New: compile_new(n); return;
        case NodeKind::Member: compile_member(n, nullptr); return;
        case NodeKind::OptionalChain: compile_optional_chain(n); return;
        case NodeKind::Sequence:
            for (size_t i = 0; i < n->list.size(); ++i) {
                compile_expr(n->list[i]);
                if (i + 1 < n->list.size()) emit(Opcode::Pop);
            }
            return;
        case NodeKind::Yield: compile_yield(n); return;
        case NodeKind::Await:
            compile_expr(n->a);
            set_position(n->pos);
            compile_await();
            return;
        default:
            throw std::logic_error("looplab compiler: unexpected expression kind " +
                                   std::to_string(static_cast<int>(n->kind)));
    }
}

void FunctionCompiler::compile_expr_discard(Node* n) {
    // x++ whose value is unused is ++x: no ToNumeric copy of the old value.
    if (n->kind == NodeKind::Update) n->flags.prefix = true;
    compile_expr(n);
    emit(Opcode::Pop);
}

void FunctionCompiler::compile_await() { emit(Opcode::Await); }

void FunctionCompiler::compile_unary(Node* n) {
    switch (n->op) {
        case Op::Typeof:
            if (n->a->kind == NodeKind::Identifier) {
                emit_load(resolve(n->a->str), true);
            } else {
                compile_expr(n->a);
            }
            emit(Opcode::Typeof);
            return;
        case Op::Delete: {
            Node* t = n->a;
            if (t->kind == NodeKind::Member && t->a->kind != NodeKind::Super) {
                compile_expr(t->a);
                set_position(t->b->pos);
                if (t->flags.computed) {
                    compile_expr(t->b);
                    emit(Opcode::DeleteElem);
                } else {
                    emit(Opcode::DeleteProp, name_constant(t->b->str));
                }
            } else if (t->kind == NodeKind::Identifier) {
                emit(resolve(t->str).where == VarRef::Where::Global ? Opcode::PushTrue : Opcode::PushFalse);
            } else {
                compile_expr(t);
                emit(Opcode::Pop);
                emit(Opcode::PushTrue);
            }
            return;
        }
        case Op::Void:
            compile_expr(n->a);
            emit(Opcode::Pop);
            emit(Opcode::PushUndef);
            return;
        default: break;
    }
    compile_expr(n->a);
    switch (n->op) {
        case Op::Neg: emit(Opcode::Neg); break;
        case Op::Plus: emit(Opcode::Plus); break;
        case Op::Not: emit(Opcode::Not); break;
        case Op::BitNot: emit(Opcode::BitNot); break;
        default: throw std::logic_error("looplab compiler: unknown unary operator");
    }
}

void FunctionCompiler::compile_binary(Node* n) {
    if (n->op == Op::In && n->a->kind == NodeKind::PrivateName) {
        emit_load(resolve("#" + n->a->str));
        compile_expr(n->b);
        emit(Opcode::HasPrivate);
        return;
    }
    compile_expr(n->a);
    compile_expr(n->b);
    set_position(n->pos);
    emit(binary_opcode(n->op));
}

void FunctionCompiler::compile_logical(Node* n) {
    Label end;
    compile_expr(n->a);
    Opcode op = n->op == Op::And ? Opcode::JumpIfFalseKeep
                : n->op == Op::Or ? Opcode::JumpIfTrueKeep
                                  : Opcode::JumpIfNotNullishKeep;
    emit_jump(op, end);
    compile_expr(n->b);
    bind(end);
}

void FunctionCompiler::compile_update(Node* n) {
    Opcode op = n->op == Op::Inc ? Opcode::Inc : Opcode::Dec;
    Node* t = n->a;
    if (t->kind == NodeKind::Identifier) {
        VarRef ref = resolve(t->str);
        emit_load(ref);
        if (n->flags.prefix) {
            emit(op);
            emit(Opcode::Dup);
        } else {
            emit(Opcode::ToNumeric);
            emit(Opcode::Dup);
            emit(op);
        }
        emit_store(ref, false);
        return;
    }
    // Member targets: keep the old value in a temp for the postfix form.
    uint32_t old = alloc_temp();
    if (t->a->kind == NodeKind::Super) {
        VarRef func = resolve("%func");
        compile_property_key(t->b, t->flags.computed);
        if (t->flags.computed) emit(Opcode::ToPropertyKey);
        uint32_t key = alloc_temp();
        emit(Opcode::StoreLocal, key);
        emit_load(func);
        emit_load_this();
        emit(Opcode::GetLocal, key);
        emit(Opcode::GetSuperProp);
        emit(Opcode::ToNumeric);
        emit(Opcode::StoreLocal, old);
        emit_load(func);
        emit_load_this();
        emit(Opcode::GetLocal, key);
        emit(Opcode::GetLocal, old);
        emit(op);
        emit(Opcode::StoreSuperProp);  // [new]
        if (!n->flags.prefix) {
            emit(Opcode::Pop);
            emit(Opcode::GetLocal, old);
        }
        free_temp(key);
        free_temp(old);
        return;
    }
    compile_expr(t->a);
    bool priv = t->b->kind == NodeKind::PrivateName;
    if (t->flags.computed || priv) {
        if (priv) emit_load(resolve("#" + t->b->str));
        else {
            compile_expr(t->b);
            emit(Opcode::ToPropertyKey);
        }
        emit(Opcode::Dup2);
        emit(priv ? Opcode::GetPrivate : Opcode::GetElem);
        emit(Opcode::ToNumeric);
        emit(Opcode::Dup);
        emit(Opcode::StoreLocal, old);
        emit(op);
        emit(priv ? Opcode::StorePrivate : Opcode::StoreElem);
    } else {
        emit(Opcode::Dup);
        set_position(t->b->pos);
        emit_b(Opcode::GetProp, name_constant(t->b->str), cache_slot());
        emit(Opcode::ToNumeric);
        emit(Opcode::Dup);
        emit(Opcode::StoreLocal, old);
        emit(op);
        emit_b(Opcode::StoreProp, name_constant(t->b->str), cache_slot());
    }
    if (!n->flags.prefix) {
        emit(Opcode::Pop);
        emit(Opcode::GetLocal, old);
    }
    free_temp(old);
}

void FunctionCompiler::compile_assign(Node* n) {
    Node* t = n->a;
    Op op = n->op;
    bool logical = op == Op::AndAssign || op == Op::OrAssign || op == Op::NullishAssign;
    Opcode keep = op == Op::AndAssign ? Opcode::JumpIfFalseKeep
                  : op == Op::OrAssign ? Opcode::JumpIfTrueKeep
                                       : Opcode::JumpIfNotNullishKeep;
    if (t->kind == NodeKind::ObjectPattern || t->kind == NodeKind::ArrayPattern) {
        compile_expr(n->b);
        emit(Opcode::Dup);
        pattern_source = n->b;
        compile_pattern_store(t, false);
        return;
    }
    if (t->kind == NodeKind::Identifier) {
        VarRef ref = resolve(t->str);
        if (op == Op::Assign) {
            compile_expr_named(n->b, t->str);
        } else if (logical) {
            Label end;
            emit_load(ref);
            emit_jump(keep, end);
            compile_expr_named(n->b, t->str);
            emit(Opcode::Dup);
            emit_store(ref, false);
            bind(end);
            return;
        } else {
            emit_load(ref);
            compile_expr(n->b);
            set_position(n->pos);
            emit(binary_opcode(op));
        }
        emit(Opcode::Dup);
        set_position(n->op_pos);
        emit_store(ref, false);
        return;
    }
    if (t->kind != NodeKind::Member) throw std::logic_error("looplab compiler: invalid assignment target");
    if (t->a->kind == NodeKind::Super) {
        VarRef func = resolve("%func");
        if (op == Op::Assign) {
            emit_load(func);
            emit_load_this();
            compile_property_key(t->b, t->flags.computed);
            compile_expr(n->b);
            emit(Opcode::StoreSuperProp);
            return;
        }
        // Compound: the key is evaluated once, then get, operate, set.
        compile_property_key(t->b, t->flags.computed);
        if (t->flags.computed) emit(Opcode::ToPropertyKey);
        uint32_t key = alloc_temp();
        emit(Opcode::StoreLocal, key);
        emit_load(func);
        emit_load_this();
        emit(Opcode::GetLocal, key);
        emit(Opcode::GetSuperProp);  // [old]
        Label end;
        if (logical) {
            emit_jump(keep, end);
            emit(Opcode::Pop);
            compile_expr(n->b);
        } else {
            compile_expr(n->b);
            set_position(n->pos);
            emit(binary_opcode(op));
        }
        uint32_t value = alloc_temp();
        emit(Opcode::StoreLocal, value);
        emit_load(func);
        emit_load_this();
        emit(Opcode::GetLocal, key);
        emit(Opcode::GetLocal, value);
        emit(Opcode::StoreSuperProp);
        bind(end);
        free_temp(value);
        free_temp(key);
        return;
    }
    compile_expr(t->a);
    bool priv = t->b->kind == NodeKind::PrivateName;
    bool keyed = t->flags.computed || priv;
    if (keyed) {
        if (priv) emit_load(resolve("#" + t->b->str));
        else {
            compile_expr(t->b);
            if (op != Op::Assign) emit(Opcode::ToPropertyKey);
        }
    }
    Opcode get_op = priv ? Opcode::GetPrivate : Opcode::GetElem;
    Opcode store_op = priv ? Opcode::StorePrivate : Opcode::StoreElem;
    auto emit_get = [&] {
        if (keyed) {
            emit(Opcode::Dup2);
            emit(get_op);
        } else {
            // V8 gives the load of a compound assignment no position of its
            // own: an error there reports the previous one.
            emit(Opcode::Dup);
            emit_b(Opcode::GetProp, name_constant(t->b->str), cache_slot());
        }
    };
    auto emit_set = [&] {
        set_position(n->op_pos);  // V8: the assignment's position is its operator
        if (keyed) emit(store_op);
        else emit_b(Opcode::StoreProp, name_constant(t->b->str), cache_slot());
    };
    if (op == Op::Assign) {
        compile_expr_named(n->b, priv ? "#" + t->b->str : (keyed ? "" : t->b->str));
        emit_set();
        return;
    }
    if (logical) {
        Label short_label, end;
        emit_get();  // [obj (key) cur]
        int d = depth;
        emit_jump(keep, short_label);
        compile_expr(n->b);
        emit_set();  // [v]
        emit_jump(Opcode::Jump, end);
        bind(short_label);
        depth = d;  // [obj (key) cur]
        if (keyed) {
            emit(Opcode::Rot3);  // cur obj key
            emit(Opcode::Pop);
            emit(Opcode::Pop);
        } else {
            emit(Opcode::Swap);
            emit(Opcode::Pop);
        }
        bind(end);
        return;
    }
    emit_get();
    compile_expr(n->b);
    set_position(n->pos);
    emit(binary_opcode(op));
    emit_set();
}

void FunctionCompiler::compile_member(Node* n, Label* chain) {
    if (n->a->kind == NodeKind::Super) {
        emit_load(resolve("%func"));
        emit_load_this();
        compile_property_key(n->b, n->flags.computed);
        emit(Opcode::GetSuperProp);
        return;
    }
    compile_chain_part(n->a, chain);
    if (n->flags.optional && chain != nullptr) emit_jump(Opcode::JumpIfNullish, *chain);
    if (n->b->kind == NodeKind::PrivateName) {
        emit_load(resolve("#" + n->b->str));
        set_position(n->b->pos);
        emit(Opcode::GetPrivate);
    } else if (n->flags.computed) {
        compile_expr(n->b);
        set_position(n->op_pos);
        emit(Opcode::GetElem);
    } else {
        set_position(n->b->pos);
        emit_b(Opcode::GetProp, name_constant(n->b->str), cache_slot());
    }
}

// Compiles one link of an optional chain, passing the short-circuit label
// down to nested members and calls.
void FunctionCompiler::compile_chain_part(Node* n, Label* chain) {
    if (n->kind == NodeKind::Member) compile_member(n, chain);
    else if (n->kind == NodeKind::Call) compile_call(n, chain);
    else compile_expr(n);
}

void FunctionCompiler::compile_optional_chain(Node* n) {
    Label short_label, end;
    int d = depth;
    compile_chain_part(n->a, &short_label);
    emit_jump(Opcode::Jump, end);
    bind(short_label);
    depth = d;
    emit(Opcode::PushUndef);
    bind(end);
}

void FunctionCompiler::compile_args(const std::vector<Node*>& args, bool* spread, uint32_t* argc) {
    *spread = false;
    for (Node* a : args) {
        if (a->kind == NodeKind::Spread) *spread = true;
    }
    if (*spread) {
        emit(Opcode::NewArray, 0);
        for (Node* a : args) {
            if (a->kind == NodeKind::Spread) {
                compile_expr(a->a);
                emit(Opcode::ArraySpread, name_constant(callee_text(a->a)));
            } else {
                compile_expr(a);
                emit(Opcode::ArrayPush);
            }
        }
        *argc = 1;
        return;
    }
    for (Node* a : args) compile_expr(a);
    *argc = static_cast<uint32_t>(args.size());
}

void FunctionCompiler::compile_call(Node* n, Label* chain) {
    Node* callee = n->a;
    if (callee->kind == NodeKind::Super) {
        compile_super_call(n);
        return;
    }
    SourcePos call_pos = callee->pos;
    if (callee->kind == NodeKind::Member && callee->a->kind == NodeKind::Super) {
        emit_load_this();
        emit_load(resolve("%func"));
        emit_load_this();
        compile_property_key(callee->b, callee->flags.computed);
        emit(Opcode::GetSuperProp);
        call_pos = callee->b->pos;
    } else if (callee->kind == NodeKind::Member) {
        compile_chain_part(callee->a, chain);
        if (callee->flags.optional && chain != nullptr) emit_jump(Opcode::JumpIfNullish, *chain);
        emit(Opcode::Dup);
        if (callee->b->kind == NodeKind::PrivateName) {
            emit_load(resolve("#" + callee->b->str));
            set_position(callee->b->pos);
            emit(Opcode::GetPrivate);
        } else if (callee->flags.computed) {
            compile_expr(callee->b);
            set_position(callee->op_pos);
            emit(Opcode::GetElem);
        } else {
            set_position(callee->b->pos);
            emit_b(Opcode::GetProp, name_constant(callee->b->str), cache_slot());
        }
        call_pos = callee->b->pos;
    } else {
        // V8 has no instruction for the implicit receiver: the callee's load
        // is the statement's first and takes its position.
        bool latent = statement_latent_;
        emit(Opcode::PushUndef);
        statement_latent_ = latent;
        compile_chain_part(callee, chain);
    }
    if (n->flags.optional && chain != nullptr) {
        emit_jump(Opcode::JumpIfNullish, *chain);
        tmpl->code.back() = 1;  // also drop `this`
    }
    bool spread;
    uint32_t argc;
    compile_args(n->list, &spread, &argc);
    set_position(call_pos);
    uint32_t text = name_constant(callee_text(callee));
    if (spread) emit_b(Opcode::CallSpread, 0, text);
    else emit_b(Opcode::Call, argc, text);
}

void FunctionCompiler::compile_new(Node* n) {
    compile_expr(n->a);
    bool spread;
    uint32_t argc;
    compile_args(n->list, &spread, &argc);
    set_position(n->pos);
    uint32_t text = name_constant(callee_text(n->a));
    if (spread) emit_b(Opcode::NewSpread, 0, text);
    else emit_b(Opcode::New, argc, text);
}

void FunctionCompiler::compile_super_call(Node* n) {
    emit_load(resolve("%func"));
    emit_load(resolve("new.target"));
    bool spread;
    uint32_t argc;
    compile_args(n->list, &spread, &argc);
    set_position(n->pos);
    if (spread) emit(Opcode::SuperCallSpread);
    else emit(Opcode::SuperCall, argc);
    emit(Opcode::Dup);
    VarRef this_ref = resolve("this");
    if (this_ref.where == VarRef::Where::Env) emit_b(Opcode::StoreEnv, this_ref.depth, this_ref.index);
    else emit(Opcode::StoreLocal, 0);
    emit(Opcode::Dup);
    emit_load(resolve("%func"));
    emit(Opcode::InitFields);
    emit(Opcode::Pop);
}

void FunctionCompiler::compile_array(Node* n) {
    emit(Opcode::NewArray, static_cast<uint32_t>(std::min<size_t>(n->list.size(), 0xFFFF)));
    for (Node* e : n->list) {
        if (e == nullptr) {
            emit(Opcode::ArrayPushHole);
        } else if (e->kind == NodeKind::Spread) {
            compile_expr(e->a);
            emit(Opcode::ArraySpread, name_constant(callee_text(e->a)));
        } else {
            compile_expr(e);
            emit(Opcode::ArrayPush);
        }
    }
}

void FunctionCompiler::compile_property_key(Node* key, bool computed) {
    if (computed) {
        compile_expr(key);
        emit(Opcode::ToPropertyKey);
        return;
    }
    if (key->kind == NodeKind::PrivateName) {
        emit_load(resolve("#" + key->str));
        return;
    }
    emit(Opcode::PushConst, name_constant(key_name(key)));
}

void FunctionCompiler::compile_object(Node* n) {
    emit(Opcode::NewObject);
    for (Node* p : n->list) {
        if (p->kind == NodeKind::Spread) {
            compile_expr(p->a);
            emit(Opcode::CopyDataProps);
            continue;
        }
        std::string name = p->flags.computed ? "" : key_name(p->a);
        if (p->prop_kind == PropKind::Init) {
            if (!p->flags.computed && !p->flags.shorthand && name == "__proto__") {
                compile_expr(p->b);  // B.3.1: sets [[Prototype]], defines nothing
                emit(Opcode::SetLiteralProto);
                continue;
            }
            if (!p->flags.computed) {
                compile_expr_named(p->b, name);
                emit(Opcode::DefineField, name_constant(name));
            } else {
                compile_property_key(p->a, true);
                compile_expr(p->b);
                emit(Opcode::DefineComputed);
            }
            continue;
        }
        compile_property_key(p->a, p->flags.computed);
        compile_function(p->b, name);
        tmpl->children.back()->source_start = p->pos.offset;
        uint32_t kind = p->prop_kind == PropKind::Get ? 1 : p->prop_kind == PropKind::Set ? 2 : 0;
        emit(Opcode::DefineMethod, 1 | (kind << 1));
    }
}

void FunctionCompiler::compile_template(Node* n) {
    emit(Opcode::PushConst, name_constant(n->strs[0]));
    for (size_t i = 0; i < n->list.size(); ++i) {
        compile_expr(n->list[i]);
        emit(Opcode::ToString);
        emit(Opcode::Add);
        if (!n->strs[i + 1].empty()) {
            emit(Opcode::PushConst, name_constant(n->strs[i + 1]));
            emit(Opcode::Add);
        }
    }
}

void FunctionCompiler::compile_tagged_template(Node* n) {
    Node* tag = n->a;
    Node* lit = n->b;
    if (tag->kind == NodeKind::Member && tag->a->kind != NodeKind::Super) {
        compile_expr(tag->a);
        emit(Opcode::Dup);
        if (tag->flags.computed) {
            compile_expr(tag->b);
            emit(Opcode::GetElem);
        } else {
            emit_b(Opcode::GetProp, name_constant(tag->b->str), cache_slot());
        }
    } else {
        emit(Opcode::PushUndef);
        compile_expr(tag);
    }
    // The template object is created once per site, frozen, with `raw`.
    Isolate& iso = ctx.isolate;
    std::vector<Value> cooked, raw;
    for (auto& s : lit->strs) cooked.push_back(iso.new_string(s));
    for (auto& s : lit->raws) raw.push_back(iso.new_string(s));
    JsArray* strings = iso.new_array_from(cooked);
    JsArray* raws = iso.new_array_from(raw);
    raws->frozen = true;
    raws->extensible = false;
    strings->props.add(iso.intern("raw"), Value::object(raws), 0);
    strings->frozen = true;
    strings->extensible = false;
    tmpl->constants.push_back(Value::object(strings));
    emit(Opcode::PushConst, static_cast<uint32_t>(tmpl->constants.size() - 1));
    for (Node* e : lit->list) compile_expr(e);
    set_position(n->pos);
    emit_b(Opcode::Call, static_cast<uint32_t>(lit->list.size() + 1), name_constant(callee_text(tag)));
}

void FunctionCompiler::compile_function(Node* n, const std::string& inferred_name) {
    FuncInfo* fi = ctx.resolver.funcs.at(n);
    std::vector<Scope*> chain = outer_chain;
    chain.insert(chain.end(), env_chain.begin(), env_chain.end());
    FunctionCompiler child(ctx, fi, std::move(chain), this);
    FunctionTemplate* t = child.compile();
    if (t->name.empty()) t->name = inferred_name;
    tmpl->children.push_back(t);
    emit(Opcode::Closure, static_cast<uint32_t>(tmpl->children.size() - 1));
}

void FunctionCompiler::compile_yield(Node* n) {
    if (n->flags.delegate) {
        compile_expr(n->a);
        uint32_t iter = alloc_temp();
        emit(is_async ? Opcode::GetAsyncIterator : Opcode::GetIterator, name_constant(callee_text(n->a)));
        emit(Opcode::StoreLocal, iter);
        emit(Opcode::PushUndef);
        emit(Opcode::PushInt, 0);  // [sent mode]
        Label loop, yield_label, done;
        bind(loop);
        int d = depth;                       // [sent mode]
        emit(is_async ? Opcode::AsyncDelegateStep : Opcode::DelegateStep, iter);  // [value kind]
        if (is_async) {
            // kind 3: the value is a promise of the inner result to await, then step again.
            Label not_await;
            emit(Opcode::Dup);
            emit(Opcode::PushInt, 3);
            emit(Opcode::StrictEq);
            emit_jump(Opcode::JumpIfFalse, not_await);
            emit(Opcode::Pop);
            compile_await();              // [result]
            emit(Opcode::PushInt, 4);     // mode 4: "inner result arrived"
            emit_jump(Opcode::Jump, loop);
            bind(not_await);
            depth = d;
        }
        emit(Opcode::Dup);
        emit_jump(Opcode::JumpIfFalse, yield_label);  // kind 0: yield the inner result
        emit(Opcode::PushInt, 1);
        emit(Opcode::StrictEq);
        emit_jump(Opcode::JumpIfTrue, done);  // kind 1: finished, value is the result
        // kind 2: return requested, value is the return value
        emit_return_sequence();
        bind(yield_label);
        depth = d;                         // [value kind]
        emit(Opcode::Pop);
        if (is_async) emit(Opcode::Yield);  // async: yield the value (awaited by the VM)
        else emit(Opcode::YieldRaw);
        emit_jump(Opcode::Jump, loop);
        bind(done);
        depth = d - 1;  // [value]
        free_temp(iter);
        return;
    }
    if (n->a != nullptr) compile_expr(n->a);
    else emit(Opcode::PushUndef);
    set_position(n->pos);
    if (is_async) compile_await();
    emit(Opcode::Yield);  // [sent mode]
    Label next;
    emit_jump(Opcode::ResumeCheck, next);  // [sent]
    int d = depth;
    if (is_async) compile_await();
    emit_return_sequence();
    bind(next);
    depth = d;
}

// ---------------------------------------------------------------- patterns

void FunctionCompiler::compile_pattern_store(Node* t, bool is_decl) {
    switch (t->kind) {
        case NodeKind::Identifier: emit_store(resolve(t->str), is_decl); return;
        case NodeKind::Member: {
            uint32_t tmp = alloc_temp();
            emit(Opcode::StoreLocal, tmp);
            if (t->a->kind == NodeKind::Super) {
                emit_load(resolve("%func"));
                emit_load_this();
                compile_property_key(t->b, t->flags.computed);
                emit(Opcode::GetLocal, tmp);
                emit(Opcode::StoreSuperProp);
            } else {
                compile_expr(t->a);
                if (t->b->kind == NodeKind::PrivateName) {
                    emit_load(resolve("#" + t->b->str));
                    emit(Opcode::GetLocal, tmp);
                    emit(Opcode::StorePrivate);
                } else if (t->flags.computed) {
                    compile_expr(t->b);
                    emit(Opcode::GetLocal, tmp);
                    emit(Opcode::StoreElem);
                } else {
                    emit(Opcode::GetLocal, tmp);
                    emit_b(Opcode::StoreProp, name_constant(t->b->str), cache_slot());
                }
            }
            emit(Opcode::Pop);
            free_temp(tmp);
            return;
        }
        case NodeKind::AssignPattern: {
            Label done;
            emit_jump(Opcode::JumpIfNotUndef, done);
            emit(Opcode::Pop);
            compile_expr_named(t->b, t->a->kind == NodeKind::Identifier ? t->a->str : "");
            bind(done);
            compile_pattern_store(t->a, is_decl);
            return;
        }
        case NodeKind::ObjectPattern: compile_object_pattern(t, is_decl); return;
        case NodeKind::ArrayPattern: compile_array_pattern(t, is_decl); return;
        default: throw std::logic_error("looplab compiler: invalid destructuring target");
    }
}

void FunctionCompiler::compile_object_pattern(Node* p, bool is_decl) {
    // V8 reports destructuring null/undefined at the first property's key.
    bool keyed_first = !p->list.empty() && p->list[0]->kind == NodeKind::PatternProperty && p->list[0]->a != nullptr;
    set_position(keyed_first ? p->list[0]->a->pos : p->pos);
    emit(Opcode::RequireObjectCoercible, coercible_message(p));
    pattern_source = nullptr;
    ++pattern_nesting;
    uint32_t src = alloc_temp();
    emit(Opcode::StoreLocal, src);
    bool has_rest = !p->list.empty() && p->list.back()->kind == NodeKind::RestElement;
    std::vector<uint32_t> key_temps;  // computed keys, kept for the rest element
    std::vector<std::string> key_names;
    for (Node* e : p->list) {
        if (e->kind == NodeKind::RestElement) {
            emit(Opcode::GetLocal, src);
            uint32_t n = 0, ti = 0;
            for (Node* k : p->list) {
                if (k->kind == NodeKind::RestElement) continue;
                if (k->flags.computed) emit(Opcode::GetLocal, key_temps[ti++]);
                else emit(Opcode::PushConst, name_constant(key_name(k->a)));
                ++n;
            }
            emit(Opcode::CopyRest, n);
            compile_pattern_store(e->a, is_decl);
            continue;
        }
        emit(Opcode::GetLocal, src);
        if (e->flags.computed) {
            compile_expr(e->a);
            emit(Opcode::ToPropertyKey);
            if (has_rest) {
                uint32_t kt = alloc_temp();
                emit(Opcode::Dup);
                emit(Opcode::StoreLocal, kt);
                key_temps.push_back(kt);
            }
            emit(Opcode::GetElem);
        } else {
            emit_b(Opcode::GetProp, name_constant(key_name(e->a)), cache_slot());
        }
        compile_pattern_store(e->b, is_decl);
    }
    for (uint32_t kt : key_temps) free_temp(kt);
    free_temp(src);
    --pattern_nesting;
}

// How V8 words destructuring null or undefined, chosen by the first property:
// a named one at the top reads "Cannot destructure property 'a' of 'src'",
// one nested in another pattern "Cannot read properties of null (reading
// 'a')"; a computed key, a rest element or no property at all names only the
// value. Operand: 0, or 1 + a constant "<P|R><key>\n<source text>".
uint32_t FunctionCompiler::coercible_message(Node* p) {
    if (p->list.empty() || p->list[0]->kind != NodeKind::PatternProperty || p->list[0]->a == nullptr ||
        p->list[0]->flags.computed) {
        return 0;
    }
    std::string key = key_name(p->list[0]->a);
    if (pattern_nesting > 0) return 1 + name_constant("R" + key + "\n");
    std::string source = pattern_source != nullptr ? callee_text(pattern_source) : "";
    return 1 + name_constant("P" + key + "\n" + source);
}

void FunctionCompiler::compile_array_pattern(Node* p, bool is_decl) {
    set_position(p->pos);
    emit(Opcode::GetIterator, name_constant(pattern_source != nullptr ? callee_text(pattern_source) : "object"));
    pattern_source = nullptr;
    ++pattern_nesting;
    uint32_t iter = alloc_temp();
    emit(Opcode::StoreLocal, iter);
    for (Node* e : p->list) {
        if (e == nullptr) {
            emit(Opcode::IterNext, iter);
            emit(Opcode::Pop);
        } else if (e->kind == NodeKind::RestElement) {
            emit(Opcode::IterRest, iter);
            compile_pattern_store(e->a, is_decl);
        } else {
            emit(Opcode::IterNext, iter);
            compile_pattern_store(e, is_decl);
        }
    }
    emit(Opcode::IterClose, iter);
    free_temp(iter);
    --pattern_nesting;
}

// ---------------------------------------------------------------- classes

void FunctionCompiler::compile_class(Node* n, const std::string& inferred_name) {
    ClassInfo* ci = ctx.resolver.classes.at(n);
    std::string name = n->str.empty() ? inferred_name : n->str;
    bool derived = n->a != nullptr;
    if (derived) compile_expr(n->a);
    Scope* cs = ci->scope;
    enter_scope(cs);
    emit_scope_entry(cs);
    for (auto& v : cs->vars) {
        if (!v->name.empty() && v->name[0] == '#') {
            emit(Opcode::NewPrivateName, name_constant(v->name));
            emit_store(resolve(v->name), true);
        }
    }
    Node* ctor_member = nullptr;
    for (Node* m : n->list) {
        if (m->kind == NodeKind::ClassMember && m->member_kind == MemberKind::Constructor) ctor_member = m;
    }
    std::vector<Scope*> chain = outer_chain;
    chain.insert(chain.end(), env_chain.begin(), env_chain.end());
    FunctionTemplate* ctor;
    if (ctor_member != nullptr) {
        FunctionCompiler child(ctx, ctx.resolver.funcs.at(ctor_member->b), chain, this);
        child.is_class_ctor = true;
        child.is_derived = derived;
        child.has_instance_fields = ci->field_init != nullptr;
        ctor = child.compile();
    } else {
        ctor = default_constructor(ctx, derived, name);
        ctor->line = n->pos.line;
        ctor->column = n->pos.column;
    }
    ctor->name = name;
    ctor->class_name = name;
    ctor->source_start = n->pos.offset;
    ctor->source_end = n->end.offset;
    tmpl->children.push_back(ctor);
    set_position(n->pos);
    emit_b(Opcode::CreateClass, static_cast<uint32_t>(tmpl->children.size() - 1), derived ? 1 : 0,
           derived ? 1 : 2);
    if (!n->str.empty() && cs->find(n->str) != nullptr) {
        emit(Opcode::Over);
        emit_store(resolve(n->str), true);
    }
    size_t computed_index = 0;
    for (Node* m : n->list) {
        if (m->kind != NodeKind::ClassMember) continue;
        if (m->member_kind == MemberKind::Constructor) continue;
        if (m->member_kind == MemberKind::Field) {
            if (m->flags.computed) {
                compile_property_key(m->a, true);
                emit_store(resolve(ci->computed_field_keys[computed_index++]), true);
            }
            continue;
        }
        bool priv = m->a->kind == NodeKind::PrivateName;
        if (priv && !m->flags.is_static) continue;  // installed per instance
        compile_property_key(m->a, m->flags.computed);
        compile_function(m->b, m->flags.computed ? "" : key_name(m->a));
        tmpl->children.back()->class_name = name;
        tmpl->children.back()->source_start = m->pos.offset;
        uint32_t kind = m->member_kind == MemberKind::Get ? 1 : m->member_kind == MemberKind::Set ? 2 : 0;
        emit(Opcode::DefineClassMethod, (m->flags.is_static ? 1 : 0) | (kind << 1));
    }
    if (ci->field_init != nullptr) {
        std::vector<Scope*> c2 = outer_chain;
        c2.insert(c2.end(), env_chain.begin(), env_chain.end());
        FunctionCompiler init(ctx, ci->field_init, c2, this);
        FunctionTemplate* t = init.compile_field_init(n, false);
        t->class_name = name;
        tmpl->children.push_back(t);
        emit(Opcode::Closure, static_cast<uint32_t>(tmpl->children.size() - 1));
        emit(Opcode::SetFieldInit);
    }
    if (ci->static_init != nullptr) {
        std::vector<Scope*> c2 = outer_chain;
        c2.insert(c2.end(), env_chain.begin(), env_chain.end());
        FunctionCompiler init(ctx, ci->static_init, c2, this);
        FunctionTemplate* t = init.compile_field_init(n, true);
        t->class_name = name;
        tmpl->children.push_back(t);
        uint32_t fn_tmp = alloc_temp();
        emit(Opcode::Closure, static_cast<uint32_t>(tmpl->children.size() - 1));
        emit(Opcode::StoreLocal, fn_tmp);
        emit(Opcode::Over);                 // ctor proto ctor
        emit(Opcode::GetLocal, fn_tmp);     // ctor proto ctor fn
        emit(Opcode::Over);                 // ctor proto ctor fn ctor
        emit(Opcode::SetHome);              // ctor proto ctor fn
        emit_b(Opcode::Call, 0, name_constant("static initializer"));
        emit(Opcode::Pop);
        free_temp(fn_tmp);
    }
    emit(Opcode::Pop);  // proto
    exit_scope(cs);
}

// The synthetic function that defines instance fields (this = the new
// object) or runs static fields and blocks (this = the constructor).
FunctionTemplate* FunctionCompiler::compile_field_init(Node* cls, bool is_static) {
    ClassInfo* ci = ctx.resolver.classes.at(cls);
    tmpl->flags = kFnMethod | kFnStrict | kFnFieldInit;
    tmpl->name = is_static ? "<static_initializer>" : "<instance_members_initializer>";
    tmpl->line = cls->pos.line;
    tmpl->column = cls->pos.column;
    Scope* fs = info->scope;
    current_scope = fs;
    if (VarInfo* self = fs->find("this")) self->slot = 0;
    next_slot = 1;
    enter_scope(fs);
    if (VarInfo* v = fs->find("this"); v != nullptr && v->captured) {
        emit(Opcode::GetLocal, 0);
        emit_store(resolve("this"), true);
    }
    if (VarInfo* v = fs->find("%func"); v != nullptr && v->referenced) {
        emit(Opcode::LoadCallee);
        emit_store(resolve("%func"), true);
    }
    emit_scope_entry(fs);
    if (!is_static) {
        for (Node* m : cls->list) {
            if (m->kind != NodeKind::ClassMember || m->flags.is_static) continue;
            if (m->member_kind == MemberKind::Field || m->a->kind != NodeKind::PrivateName) continue;
            emit(Opcode::GetLocal, 0);
            emit_load(resolve("#" + m->a->str));
            compile_function(m->b, "#" + m->a->str);
            uint32_t kind = m->member_kind == MemberKind::Get ? 1 : m->member_kind == MemberKind::Set ? 2 : 0;
            emit(Opcode::DefineMethod, kind << 1);
            emit(Opcode::Pop);
        }
    }
    size_t computed_index = 0;
    for (Node* m : cls->list) {
        if (m->kind == NodeKind::StaticBlock) {
            if (is_static) {
                set_position(m->pos, true);
                compile_statement(m->a);
            }
            continue;
        }
        if (m->member_kind != MemberKind::Field) continue;
        std::string hidden;
        if (m->flags.computed) hidden = ci->computed_field_keys[computed_index++];
        if (m->flags.is_static != is_static) continue;
        set_position(m->pos, true);
        emit(Opcode::Stmt);
        depth = 0;
        emit(Opcode::GetLocal, 0);
        bool priv = m->a->kind == NodeKind::PrivateName;
        if (m->flags.computed) emit_load(resolve(hidden));
        else compile_property_key(m->a, false);
        if (m->b != nullptr) compile_expr_named(m->b, m->flags.computed ? "" : key_name(m->a));
        else emit(Opcode::PushUndef);
        emit(priv ? Opcode::DefinePrivate : Opcode::DefineComputed);
        emit(Opcode::Pop);
    }
    emit(Opcode::PushUndef);
    emit(Opcode::Return);
    tmpl->local_count = std::max(next_slot, 1u);
    tmpl->max_stack = static_cast<uint32_t>(max_depth) + 4;
    return tmpl;
}

}  // namespace looplab::js
