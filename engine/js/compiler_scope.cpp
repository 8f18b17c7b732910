// Pass 1 of the compiler: scopes, hoisting and capture analysis.
//
// Declarations are collected when a scope is entered (var and top-level
// function declarations hoist to the function scope; let, const, class and
// block functions belong to their block), so every later reference finds its
// binding by walking up the scope chain. A reference that crosses a function
// boundary marks the binding captured: it will live in an Environment.
#include "engine/js/compiler_internal.h"

namespace looplab::js {

VarInfo* Scope::declare(const std::string& name, BindKind kind, uint32_t offset) {
    if (VarInfo* existing = find(name)) {
        // `var x` next to a parameter x, or a user binding named `arguments`,
        // shares the one binding; a later kind wins over an internal one.
        if (existing->kind == BindKind::Internal || kind == BindKind::Function) existing->kind = kind;
        return existing;
    }
    auto v = std::make_unique<VarInfo>();
    v->name = name;
    v->kind = kind;
    v->scope = this;
    v->decl_offset = offset;
    VarInfo* raw = v.get();
    vars.push_back(std::move(v));
    by_name.emplace(name, raw);
    return raw;
}

void Scope::finalize() {
    env_size = 0;
    for (auto& v : vars) {
        if (v->captured) v->env_index = static_cast<int>(env_size++);
    }
}

Scope* Resolver::new_scope(Scope* parent, FuncInfo* func, bool is_function) {
    auto s = std::make_unique<Scope>();
    s->parent = parent;
    s->func = func;
    s->is_function = is_function;
    scope_store_.push_back(std::move(s));
    return scope_store_.back().get();
}

FuncInfo* Resolver::new_func(Node* node, FuncKind kind, Scope* parent_scope, bool is_arrow) {
    auto f = std::make_unique<FuncInfo>();
    f->node = node;
    f->kind = kind;
    f->parent = parent_scope ? parent_scope->func : nullptr;
    f->is_arrow = is_arrow;
    f->scope = new_scope(parent_scope, f.get(), true);
    func_store_.push_back(std::move(f));
    return func_store_.back().get();
}

void Resolver::declare_internal(Scope* s) {
    for (const char* name : {"this", "new.target", "%func", "arguments"}) s->declare(name, BindKind::Internal, 0);
}

namespace {

void collect_names(Node* p, std::vector<Node*>& out) {
    if (p == nullptr) return;
    switch (p->kind) {
        case NodeKind::Identifier: out.push_back(p); break;
        case NodeKind::AssignPattern: collect_names(p->a, out); break;
        case NodeKind::RestElement: collect_names(p->a, out); break;
        case NodeKind::ArrayPattern:
            for (Node* e : p->list) collect_names(e, out);
            break;
        case NodeKind::ObjectPattern:
            for (Node* e : p->list) collect_names(e->kind == NodeKind::PatternProperty ? e->b : e, out);
            break;
        default: break;
    }
}

}  // namespace

void Resolver::declare_pattern(Node* pattern, BindKind kind, Scope* s) {
    std::vector<Node*> names;
    collect_names(pattern, names);
    for (Node* id : names) s->declare(id->str, kind, id->end.offset);
}

// var declarations anywhere in the function body (not in nested functions).
void Resolver::hoist_vars(Node* n, Scope* fs) {
    if (n == nullptr) return;
    switch (n->kind) {
        case NodeKind::VarDecl:
            if (n->var_kind == VarKind::Var) {
                for (Node* d : n->list) declare_pattern(d->a, BindKind::Var, fs);
            }
            return;
        case NodeKind::Function: case NodeKind::FunctionDecl: case NodeKind::Class: case NodeKind::ClassDecl:
            return;
        case NodeKind::If: hoist_vars(n->b, fs); hoist_vars(n->c, fs); return;
        case NodeKind::For: hoist_vars(n->a, fs); hoist_vars(n->d, fs); return;
        case NodeKind::ForIn: case NodeKind::ForOf: hoist_vars(n->a, fs); hoist_vars(n->c, fs); return;
        case NodeKind::While: hoist_vars(n->b, fs); return;
        case NodeKind::DoWhile: hoist_vars(n->a, fs); return;
        case NodeKind::Labeled: hoist_vars(n->a, fs); return;
        case NodeKind::Try: hoist_vars(n->a, fs); hoist_vars(n->c, fs); hoist_vars(n->d, fs); return;
        case NodeKind::Block: case NodeKind::Program:
            for (Node* c : n->list) hoist_vars(c, fs);
            return;
        case NodeKind::Switch:
            for (Node* c : n->list) {
                for (Node* st : c->list) hoist_vars(st, fs);
            }
            return;
        default: return;
    }
}

void Resolver::declare_lexical(const std::vector<Node*>& stmts, Scope* s) {
    for (Node* st : stmts) {
        Node* n = st;
        while (n->kind == NodeKind::Labeled && n->a != nullptr) n = n->a;
        if (n->kind == NodeKind::VarDecl && n->var_kind != VarKind::Var) {
            BindKind k = n->var_kind == VarKind::Let ? BindKind::Let : BindKind::Const;
            for (Node* d : n->list) {
                std::vector<Node*> names;
                collect_names(d->a, names);
                for (Node* id : names) s->declare(id->str, k, d->end.offset);
            }
        } else if (n->kind == NodeKind::ClassDecl) {
            s->declare(n->str, BindKind::Class, n->end.offset);
        } else if (n->kind == NodeKind::FunctionDecl) {
            s->declare(n->str, BindKind::Function, n->pos.offset);
            s->function_decls.push_back(n);
            // Annex B.3.3: in sloppy code a block-level function is also a
            // var of the enclosing function, assigned when the block runs.
            Scope* fs = s->func->scope;
            if (!s->is_function && !s->func->node->flags.strict) {
                VarInfo* existing = fs->find(n->str);
                if (existing == nullptr) fs->declare(n->str, BindKind::Var, 0)->annex_b = true;
                else if (existing->kind == BindKind::Var) existing->annex_b = true;
            }
        }
    }
}

VarInfo* Resolver::reference(const std::string& name, Scope* s, uint32_t offset) {
    FuncInfo* from = s->func;
    for (Scope* sc = s; sc != nullptr; sc = sc->parent) {
        VarInfo* v = sc->find(name);
        if (v == nullptr) continue;
        v->referenced = true;
        if (sc->func != from) {
            v->captured = true;
            if (v->lexical()) v->needs_tdz = true;
        } else if (v->lexical() && (offset < v->decl_offset || sc->is_switch)) {
            v->needs_tdz = true;
        }
        if (v->kind == BindKind::Internal && name == "arguments") sc->func->uses_arguments = true;
        return v;
    }
    return nullptr;
}

void Resolver::resolve_program(Node* program, const std::vector<std::string>& params) {
    program_func = new_func(program, FuncKind::Normal, nullptr, false);
    Scope* fs = program_func->scope;
    declare_internal(fs);
    for (auto& p : params) fs->declare(p, BindKind::Param, 0);
    hoist_vars(program, fs);
    declare_lexical(program->list, fs);
    scopes[program] = fs;
    funcs[program] = program_func;
    visit_stmts(program->list, fs);
}

void Resolver::visit_function(Node* fn, Scope* parent) {
    FuncInfo* f = new_func(fn, FuncKind::Normal, parent, fn->flags.is_arrow);
    funcs[fn] = f;
    Scope* fs = f->scope;
    scopes[fn] = fs;
    if (!fn->flags.is_arrow) declare_internal(fs);
    for (Node* p : fn->list) {
        if (p->kind == NodeKind::RestElement) f->has_rest = true;
        declare_pattern(p, BindKind::Param, fs);
    }
    // A named function expression can call itself by name.
    if (fn->kind == NodeKind::Function && !fn->str.empty() && !fn->flags.is_method && !fn->flags.is_arrow &&
        fs->find(fn->str) == nullptr) {
        fs->declare(fn->str, BindKind::Var, 0)->self_ref = true;
    }
    for (Node* p : fn->list) visit_pattern(p, fs);
    if (fn->flags.expression_body) {
        visit(fn->a, fs);
    } else if (fn->a != nullptr) {
        hoist_vars(fn->a, fs);
        declare_lexical(fn->a->list, fs);
        visit_stmts(fn->a->list, fs);
    }
}

void Resolver::visit_class(Node* cls, Scope* s) {
    if (cls->a != nullptr) visit(cls->a, s);
    auto info = std::make_unique<ClassInfo>();
    ClassInfo* ci = info.get();
    class_store_.push_back(std::move(info));
    classes[cls] = ci;
    Scope* cs = new_scope(s, s->func, false);
    ci->scope = cs;
    scopes[cls] = cs;
    if (!cls->str.empty()) cs->declare(cls->str, BindKind::Const, cls->end.offset)->needs_tdz = false;
    bool has_instance = false, has_static = false;
    int computed_index = 0;
    for (Node* m : cls->list) {
        if (m->kind == NodeKind::StaticBlock) {
            has_static = true;
            continue;
        }
        if (m->a != nullptr && m->a->kind == NodeKind::PrivateName) {
            cs->declare("#" + m->a->str, BindKind::Internal, 0);
        }
        if (m->member_kind == MemberKind::Field) {
            if (m->flags.is_static) has_static = true; else has_instance = true;
            if (m->flags.computed) {
                std::string hidden = "%fk" + std::to_string(computed_index++);
                cs->declare(hidden, BindKind::Internal, 0);
                ci->computed_field_keys.push_back(hidden);
            }
        } else if (m->a != nullptr && m->a->kind == NodeKind::PrivateName && !m->flags.is_static) {
            has_instance = true;  // private methods are installed on each instance
        }
    }
    for (Node* m : cls->list) {
        if (m->kind == NodeKind::ClassMember && m->flags.computed) visit(m->a, cs);
    }
    for (Node* m : cls->list) {
        if (m->kind == NodeKind::ClassMember && m->member_kind != MemberKind::Field && m->b != nullptr) {
            visit_function(m->b, cs);
        }
    }
    auto make_init = [&](FuncKind kind, bool is_static) {
        FuncInfo* f = new_func(cls, kind, cs, false);
        declare_internal(f->scope);
        for (Node* m : cls->list) {
            if (m->kind == NodeKind::StaticBlock) {
                if (!is_static) continue;
                // A static block is its own var scope; sharing the initializer's is close enough.
                hoist_vars(m->a, f->scope);
                visit(m->a, f->scope);
                continue;
            }
            if (m->member_kind != MemberKind::Field || m->flags.is_static != is_static) continue;
            if (m->b != nullptr) visit(m->b, f->scope);
        }
        return f;
    };
    if (has_instance) ci->field_init = make_init(FuncKind::FieldInit, false);
    if (has_static) ci->static_init = make_init(FuncKind::StaticInit, true);
}

void Resolver::visit_stmts(const std::vector<Node*>& list, Scope* s) {
    for (Node* n : list) visit(n, s);
}

void Resolver::visit_pattern(Node* n, Scope* s) {
    // Binding identifiers are declarations, not references; only defaults
    // and computed keys inside a pattern contain references.
    if (n == nullptr) return;
    switch (n->kind) {
        case NodeKind::Identifier: return;
        case NodeKind::AssignPattern: visit_pattern(n->a, s); visit(n->b, s); return;
        case NodeKind::RestElement: visit_pattern(n->a, s); return;
        case NodeKind::ArrayPattern:
            for (Node* e : n->list) visit_pattern(e, s);
            return;
        case NodeKind::ObjectPattern:
            for (Node* e : n->list) {
                if (e->kind == NodeKind::PatternProperty) {
                    if (e->flags.computed) visit(e->a, s);
                    visit_pattern(e->b, s);
                } else {
                    visit_pattern(e, s);
                }
            }
            return;
        default: visit(n, s); return;  // assignment targets: member expressions
    }
}

void Resolver::visit(Node* n, Scope* s) {
    if (n == nullptr) return;
    switch (n->kind) {
        case NodeKind::Identifier: reference(n->str, s, n->pos.offset); return;
        case NodeKind::This: reference("this", s, n->pos.offset); return;
        case NodeKind::Super:
            reference("%func", s, n->pos.offset);
            reference("this", s, n->pos.offset);
            reference("new.target", s, n->pos.offset);
            return;
        case NodeKind::MetaProperty:
            if (n->str == "new.target") reference("new.target", s, n->pos.offset);
            return;
        case NodeKind::PrivateName: reference("#" + n->str, s, n->pos.offset); return;
        case NodeKind::Function: case NodeKind::FunctionDecl: visit_function(n, s); return;
        case NodeKind::Class: case NodeKind::ClassDecl: visit_class(n, s); return;
        case NodeKind::Member:
            visit(n->a, s);
            if (n->flags.computed || n->b->kind == NodeKind::PrivateName) visit(n->b, s);
            return;
        case NodeKind::Property:
            if (n->flags.computed) visit(n->a, s);
            visit(n->b, s);
            return;
        case NodeKind::VarDecl:
            for (Node* d : n->list) {
                visit_pattern(d->a, s);
                visit(d->b, s);
            }
            return;
        case NodeKind::Assign:
            if (n->a->kind == NodeKind::ObjectPattern || n->a->kind == NodeKind::ArrayPattern) {
                // Assignment patterns: identifiers inside are references.
                std::vector<Node*> names;
                collect_names(n->a, names);
                for (Node* id : names) reference(id->str, s, n->pos.offset);
                visit_pattern(n->a, s);
            } else {
                visit(n->a, s);
            }
            visit(n->b, s);
            return;
        case NodeKind::Block: {
            Scope* bs = new_scope(s, s->func, false);
            scopes[n] = bs;
            declare_lexical(n->list, bs);
            visit_stmts(n->list, bs);
            return;
        }
        case NodeKind::For: {
            Scope* ls = s;
            if (n->a != nullptr && n->a->kind == NodeKind::VarDecl && n->a->var_kind != VarKind::Var) {
                ls = new_scope(s, s->func, false);
                scopes[n] = ls;
                declare_lexical({n->a}, ls);
            }
            visit(n->a, ls);
            visit(n->b, ls);
            visit(n->c, ls);
            visit(n->d, ls);
            return;
        }
        case NodeKind::ForIn: case NodeKind::ForOf: {
            visit(n->b, s);
            Scope* ls = s;
            if (n->a->kind == NodeKind::VarDecl && n->a->var_kind != VarKind::Var) {
                ls = new_scope(s, s->func, false);
                scopes[n] = ls;
                declare_lexical({n->a}, ls);
            }
            if (n->a->kind == NodeKind::VarDecl) {
                visit(n->a, ls);
            } else if (n->a->kind == NodeKind::ObjectPattern || n->a->kind == NodeKind::ArrayPattern) {
                std::vector<Node*> names;
                collect_names(n->a, names);
                for (Node* id : names) reference(id->str, ls, n->pos.offset);
                visit_pattern(n->a, ls);
            } else {
                visit(n->a, ls);
            }
            visit(n->c, ls);
            return;
        }
        case NodeKind::Try: {
            visit(n->a, s);
            if (n->c != nullptr) {
                Scope* cs = new_scope(s, s->func, false);
                scopes[n] = cs;
                if (n->b != nullptr) declare_pattern(n->b, BindKind::Catch, cs);
                visit_pattern(n->b, cs);
                visit(n->c, cs);
            }
            visit(n->d, s);
            return;
        }
        case NodeKind::Switch: {
            visit(n->a, s);
            Scope* ss = new_scope(s, s->func, false);
            ss->is_switch = true;
            scopes[n] = ss;
            for (Node* c : n->list) declare_lexical(c->list, ss);
            for (Node* c : n->list) {
                visit(c->a, ss);
                visit_stmts(c->list, ss);
            }
            return;
        }
        case NodeKind::PatternProperty: case NodeKind::ObjectPattern: case NodeKind::ArrayPattern:
        case NodeKind::AssignPattern: case NodeKind::RestElement:
            visit_pattern(n, s);
            return;
        case NodeKind::Binary:
            if (n->op == Op::In && n->a->kind == NodeKind::PrivateName) {
                reference("#" + n->a->str, s, n->pos.offset);
                visit(n->b, s);
                return;
            }
            break;
        default: break;
    }
    visit(n->a, s);
    visit(n->b, s);
    visit(n->c, s);
    visit(n->d, s);
    for (Node* c : n->list) visit(c, s);
}

}  // namespace looplab::js
