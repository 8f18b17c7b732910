// Functions, arrow functions, methods and classes.
#include "engine/js/parser_internal.h"

namespace looplab::js {

namespace {

bool is_key_named(const Node* key, bool computed, std::string_view name) {
    return !computed && (key->kind == NodeKind::Identifier || key->kind == NodeKind::StringLit) && key->str == name;
}

bool starts_member_body(const Token& t) {
    return t.kind == Tok::LParen || t.kind == Tok::Assign || t.kind == Tok::Semicolon || t.kind == Tok::RBrace;
}

}  // namespace

void Parser::push_function(bool is_async, bool is_generator, bool is_arrow) {
    const FunctionContext& outer = fns_.back();
    FunctionContext f;
    f.in_function = true;
    f.is_arrow = is_arrow;
    f.is_async = is_async;
    f.is_generator = is_generator;
    f.strict = outer.strict;
    if (is_arrow) {  // arrows see the super of the code around them
        f.super_call = outer.super_call;
        f.super_property = outer.super_property;
    }
    fns_.push_back(std::move(f));
}

// `function` [*] [name] (params) { body } — tok_ is `function`.
Node* Parser::parse_function(SourcePos start, bool is_async, bool is_statement) {
    Token keyword = tok_;
    advance();
    bool is_generator = eat(Tok::Star);
    Node* f = make(is_statement ? NodeKind::FunctionDecl : NodeKind::Function, start);
    f->flags.is_async = is_async;
    f->flags.is_generator = is_generator;
    if (at(Tok::Name)) {
        Node* id = nullptr;
        if (is_statement) {
            id = parse_identifier(true);
            declare_function(id->str, id);
        } else {
            // A function expression's name is bound inside it, under its own async/generator rules.
            push_function(is_async, is_generator, false);
            id = parse_identifier(true);
            pop_function();
        }
        f->str = id->str;
    } else if (is_statement) {
        fail_token("Function statements require a function name", keyword);
    }
    push_function(is_async, is_generator, false);
    push_scope(true);
    parse_params(f);
    f->a = parse_function_body(f);
    pop_scope();
    pop_function();
    return finish(f);
}

void Parser::parse_params(Node* fn_node) {
    params_start_ = tok_.pos;
    expect(Tok::LParen);
    AllowIn allow_in(*this);
    while (!at(Tok::RParen)) {
        if (at(Tok::Ellipsis)) {
            Node* rest = make(NodeKind::RestElement, tok_.pos);
            advance();
            rest->a = parse_binding_target();
            fn_node->list.push_back(finish(rest));
            if (!at(Tok::RParen)) fail_token("Rest parameter must be last formal parameter", tok_);
            break;
        }
        fn_node->list.push_back(parse_binding_element());
        if (!at(Tok::RParen)) expect(Tok::Comma);
    }
    advance();
    params_end_ = prev_end_;
    for (const Node* p : fn_node->list) {
        std::vector<const Node*> names;
        collect_bound_names(p, names);
        for (const Node* id : names) declare_param(id->str);
    }
}

void Parser::check_simple_params_for_strict(const Node* fn_node, const Node* directive) {
    for (const Node* p : fn_node->list) {
        if (p->kind != NodeKind::Identifier) {
            fail_at("Illegal 'use strict' directive in function with non-simple parameter list", directive->a);
        }
    }
}

Node* Parser::parse_function_body(Node* fn_node) {
    Node* body = make(NodeKind::Block, tok_.pos);
    expect(Tok::LBrace);
    AllowIn allow_in(*this);
    Node* use_strict = parse_statement_list(body->list, Tok::RBrace, true);
    if (use_strict) check_simple_params_for_strict(fn_node, use_strict);
    advance();
    fn_node->flags.strict = fn().strict;
    return finish(body);
}

// A method's parameters and body; tok_ is '('.
Node* Parser::parse_method(SourcePos start, bool is_async, bool is_generator, bool super_call) {
    Node* f = make(NodeKind::Function, start);
    f->flags.is_method = true;
    f->flags.is_async = is_async;
    f->flags.is_generator = is_generator;
    push_function(is_async, is_generator, false);
    fn().super_property = true;
    fn().super_call = super_call;
    push_scope(true);
    parse_params(f);
    f->a = parse_function_body(f);
    pop_scope();
    pop_function();
    return finish(f);
}

void Parser::check_accessor_params(const Node* fn_node, bool getter, bool setter) {
    uint32_t length = params_end_.offset - params_start_.offset;
    if (getter && !fn_node->list.empty()) fail("Getter must not have any formal parameters.", params_start_, length);
    if (setter && (fn_node->list.size() != 1 || fn_node->list[0]->kind == NodeKind::RestElement)) {
        fail("Setter must have exactly one formal parameter.", params_start_, length);
    }
}

// tok_ is '=>'; params are already patterns.
Node* Parser::parse_arrow(SourcePos start, std::vector<Node*> params, bool is_async) {
    if (tok_.newline_before) unexpected();  // `=>` must follow its parameters on the same line
    advance();
    Node* f = make(NodeKind::Function, start);
    f->flags.is_arrow = true;
    f->flags.is_async = is_async;
    f->list = std::move(params);
    push_function(is_async, false, true);
    push_scope(true);
    for (const Node* p : f->list) {
        std::vector<const Node*> names;
        collect_bound_names(p, names);
        for (const Node* id : names) declare_param(id->str);
    }
    if (at(Tok::LBrace)) {
        f->a = parse_function_body(f);
    } else {
        f->flags.expression_body = true;
        f->a = parse_assign();
        f->flags.strict = fn().strict;
    }
    pop_scope();
    pop_function();
    return finish(f);
}

Node* Parser::parse_property_key(bool& computed) {
    computed = false;
    Node* key = nullptr;
    switch (tok_.kind) {
        case Tok::LBracket: {
            advance();
            AllowIn allow_in(*this);
            key = parse_assign();
            expect(Tok::RBracket);
            computed = true;
            return key;
        }
        case Tok::Name: key = make(NodeKind::Identifier, tok_.pos); key->str = tok_.value; break;
        case Tok::String: key = make(NodeKind::StringLit, tok_.pos); key->str = tok_.value; break;
        case Tok::Number: key = make(NodeKind::NumberLit, tok_.pos); key->num = tok_.num; break;
        case Tok::BigInt:  // { 1n: x } names the property "1"
            key = make(NodeKind::StringLit, tok_.pos);
            key->str = tok_.value;
            break;
        default: unexpected();
    }
    advance();
    return finish(key);
}

// ---------------------------------------------------------------- classes

Node* Parser::parse_class(SourcePos start, bool is_statement) {
    advance();  // class
    Node* c = make(is_statement ? NodeKind::ClassDecl : NodeKind::Class, start);
    bool saved_strict = fn().strict;
    fn().strict = true;  // all parts of a class are strict mode code
    if (at(Tok::Name) && !at_word("extends")) {
        Node* id = parse_identifier(true);
        if (is_statement) declare_lexical(id->str, id);
        c->str = id->str;
    } else if (is_statement) {
        unexpected();
    }
    if (at_word("extends")) {
        advance();
        c->a = parse_lhs();
    }
    expect(Tok::LBrace);
    classes_.emplace_back();
    bool has_constructor = false;
    while (!at(Tok::RBrace)) {
        if (eat(Tok::Semicolon)) continue;
        c->list.push_back(parse_class_member(c->a != nullptr, has_constructor));
    }
    advance();
    resolve_private_names();
    fn().strict = saved_strict;
    return finish(c);
}

// A private name reference must name a member of an enclosing class; the
// member may be declared after the use, so references wait for the body end.
void Parser::reference_private_name(const Token& name) {
    if (classes_.empty()) {
        fail("Private field '#" + name.value + "' must be declared in an enclosing class", prev_start_,
             prev_end_.offset - prev_start_.offset);
    }
    classes_.back().references.push_back(
        {name.value, prev_start_, prev_end_.offset - prev_start_.offset});
}

void Parser::resolve_private_names() {
    ClassScope done = std::move(classes_.back());
    classes_.pop_back();
    for (auto& ref : done.references) {
        if (done.declared.count(ref.name)) continue;
        if (classes_.empty()) {
            fail("Private field '#" + ref.name + "' must be declared in an enclosing class", ref.pos, ref.length);
        }
        classes_.back().references.push_back(ref);
    }
}

Node* Parser::parse_static_block(SourcePos start) {
    Node* sb = make(NodeKind::StaticBlock, start);
    push_function(false, false, false);
    fn().in_function = false;  // `return` is not allowed in a static block
    fn().super_property = true;
    sb->a = parse_block();
    pop_function();
    return finish(sb);
}

Node* Parser::parse_private_key(bool is_static) {
    (void)is_static;
    Node* key = make(NodeKind::PrivateName, tok_.pos);
    key->str = tok_.value;
    advance();
    return finish(key);
}

// `async`, `*`, `get` and `set` before a method name, unless the word is
// itself the name (`get() {}`, `async: 1`, a field named `set`). Kept out
// of the recursive member parsers so its tokens do not sit on their frames.
MemberModifiers Parser::parse_member_modifiers(bool in_class) {
    auto names_itself = [&](const Token& next) {
        if (in_class) return starts_member_body(next);
        return next.kind == Tok::Comma || next.kind == Tok::Colon || next.kind == Tok::LParen ||
               next.kind == Tok::RBrace || next.kind == Tok::Assign;
    };
    MemberModifiers mod;
    if (at_word("async")) {
        Token next = peek();
        if (!names_itself(next) && !next.newline_before) {
            mod.is_async = true;
            advance();
        }
    }
    if (eat(Tok::Star)) mod.is_generator = true;
    if (!mod.is_async && !mod.is_generator && (at_word("get") || at_word("set")) && !names_itself(peek())) {
        mod.getter = at_word("get");
        mod.setter = !mod.getter;
        advance();
    }
    return mod;
}

Node* Parser::parse_class_member(bool derived, bool& has_constructor) {
    SourcePos start = tok_.pos;
    Node* m = make(NodeKind::ClassMember, start);
    if (at_word("static") && !starts_member_body(peek())) {
        advance();
        if (at(Tok::LBrace)) return parse_static_block(start);
        m->flags.is_static = true;
    }
    MemberModifiers mod = parse_member_modifiers(true);
    bool is_async = mod.is_async, is_generator = mod.is_generator, getter = mod.getter, setter = mod.setter;
    bool computed = false;
    if (at(Tok::PrivateName)) {
        m->a = parse_private_key(m->flags.is_static);
        std::string name = m->a->str;
        bool accessor_pair = (getter || setter) && classes_.back().declared.count(name + (getter ? "#set" : "#get"));
        if (classes_.back().declared.count(name) && !accessor_pair) {
            fail_token("Identifier '#" + name + "' has already been declared", tok_);  // V8 points past the name
        }
        classes_.back().declared.insert(name);
        if (getter || setter) classes_.back().declared.insert(name + (getter ? "#get" : "#set"));
        if (name == "constructor") {
            fail_at(at(Tok::LParen) ? "Class constructor may not be a private method"
                                    : "Classes may not have a field named 'constructor'",
                    m->a);
        }
    } else {
        m->a = parse_property_key(computed);
    }
    m->flags.computed = computed;
    if (m->flags.is_static && is_key_named(m->a, computed, "prototype")) {
        fail_at("Classes may not have a static property named 'prototype'", m->a);
    }
    if (at(Tok::LParen)) {
        bool is_constructor = !m->flags.is_static && is_key_named(m->a, computed, "constructor");
        if (is_constructor) {
            if (getter || setter) fail_at("Class constructor may not be an accessor", m->a);
            if (is_generator) fail_at("Class constructor may not be a generator", m->a);
            if (is_async) fail_at("Class constructor may not be an async method", m->a);
            if (has_constructor) fail_at("A class may only have one constructor", m->a);
            has_constructor = true;
        }
        m->member_kind = is_constructor ? MemberKind::Constructor
                         : getter       ? MemberKind::Get
                         : setter       ? MemberKind::Set
                                        : MemberKind::Method;
        m->b = parse_method(tok_.pos, is_async, is_generator, is_constructor && derived);
        m->b->flags.is_getter = getter;
        m->b->flags.is_setter = setter;
        check_accessor_params(m->b, getter, setter);
        return finish(m);
    }
    if (is_async || is_generator || getter || setter) unexpected();
    if (is_key_named(m->a, computed, "constructor")) fail_at("Classes may not have a field named 'constructor'", m->a);
    m->member_kind = MemberKind::Field;
    if (eat(Tok::Assign)) m->b = parse_field_initializer();
    consume_semicolon();
    return finish(m);
}

// A field initializer runs like a method body: `this` is the instance,
// super.x works, and await/return are not available.
Node* Parser::parse_field_initializer() {
    push_function(false, false, false);
    fn().in_function = false;
    fn().super_property = true;
    AllowIn allow_in(*this);
    Node* init = parse_assign();
    pop_function();
    return init;
}

}  // namespace looplab::js
