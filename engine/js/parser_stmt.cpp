// Statements and declarations.
#include "engine/js/parser_internal.h"

namespace looplab::js {

namespace {

bool is_directive(const Node* stmt, const Token& first) {
    return stmt->kind == NodeKind::ExpressionStmt && stmt->a->kind == NodeKind::StringLit &&
           stmt->a->pos.offset == first.pos.offset && stmt->a->end.offset == first.end.offset;
}

}  // namespace

// Parses statements up to `end`. With `directives`, a leading run of string
// expression statements is a directive prologue; "use strict" (written
// without escapes) makes the enclosing function strict and is returned.
Node* Parser::parse_statement_list(std::vector<Node*>& out, Tok end, bool directives) {
    Node* use_strict = nullptr;
    bool in_prologue = directives;
    while (!at(end)) {
        if (at(Tok::Eof)) unexpected();
        Token first = tok_;
        Node* stmt = parse_statement(StmtContext::ListItem);
        if (in_prologue) {
            if (first.kind == Tok::String && is_directive(stmt, first)) {
                std::string_view text = lexer_.source().substr(first.pos.offset, first.end.offset - first.pos.offset);
                if (text == "\"use strict\"" || text == "'use strict'") {
                    fn().strict = true;
                    use_strict = stmt;
                }
            } else {
                in_prologue = false;
            }
        }
        out.push_back(stmt);
    }
    return use_strict;
}

bool Parser::at_let_declaration() {
    if (!at_word("let")) return false;
    Token next = peek();
    if (next.kind == Tok::LBracket || next.kind == Tok::LBrace) return true;
    return next.kind == Tok::Name && next.value != "in" && next.value != "instanceof";
}

bool Parser::at_async_function() {
    if (!at_word("async")) return false;
    Token next = peek();
    return next.is_word("function") && !next.newline_before;
}

void Parser::fail_import_export() {
    if (at_word("import")) fail_token("Cannot use import statement outside a module", tok_);
    unexpected();
}

Node* Parser::parse_statement(StmtContext ctx) {
    DepthGuard guard(*this);
    SourcePos start = tok_.pos;
    switch (tok_.kind) {
        case Tok::LBrace: return parse_block();
        case Tok::Semicolon: advance(); return finish(make(NodeKind::Empty, start));
        case Tok::Name: break;
        default: return parse_expression_statement();
    }
    if (tok_.escaped) return parse_expression_statement();
    const std::string& w = tok_.value;
    bool lexical = w == "const" || at_let_declaration();
    if (lexical || w == "class") {
        if (ctx != StmtContext::ListItem) {
            if (w == "class") unexpected();
            fail_token("Lexical declaration cannot appear in a single-statement context", tok_);
        }
        if (w == "class") return parse_class(start, true);
        Node* decl = parse_var_decl(w == "const" ? VarKind::Const : VarKind::Let, false);
        consume_semicolon();
        return finish(decl);
    }
    bool async_fn = at_async_function();
    if (w == "function" || async_fn) {
        if (ctx == StmtContext::Single || (ctx == StmtContext::IfBody && (strict() || async_fn))) {
            fail_token(strict() ? "In strict mode code, functions can only be declared at top level or inside a block."
                                : "In non-strict mode code, functions can only be declared at top level, inside a "
                                  "block, or as the body of an if statement.",
                       tok_);
        }
        if (async_fn) advance();
        Node* f = parse_function(start, async_fn, true);
        if (ctx != StmtContext::IfBody) return f;
        // `if (x) function f() {}` behaves as if the function were in a block (Annex B.3.4).
        Node* block = make(NodeKind::Block, start);
        block->list.push_back(f);
        return finish(block);
    }
    if (w == "var") {
        Node* decl = parse_var_decl(VarKind::Var, false);
        consume_semicolon();
        return finish(decl);
    }
    if (w == "if") return parse_if();
    if (w == "for") return parse_for();
    if (w == "while") return parse_while();
    if (w == "do") return parse_do_while();
    if (w == "return") return parse_return();
    if (w == "break") return parse_jump(NodeKind::Break);
    if (w == "continue") return parse_jump(NodeKind::Continue);
    if (w == "throw") return parse_throw();
    if (w == "try") return parse_try();
    if (w == "switch") return parse_switch();
    if (w == "debugger") {
        advance();
        consume_semicolon();
        return finish(make(NodeKind::Debugger, start));
    }
    if (w == "with") {
        if (strict()) fail_token("Strict mode code may not include a with statement", tok_);
        fail_token("looplab does not support the 'with' statement", tok_);
    }
    if (w == "export") fail_import_export();
    if (w == "import") {
        Token next = peek();
        if (next.kind != Tok::LParen && next.kind != Tok::Dot) fail_import_export();
        return parse_expression_statement();
    }
    if (!is_reserved_word(w) && peek().kind == Tok::Colon) return parse_labeled();
    return parse_expression_statement();
}

Node* Parser::parse_expression_statement() {
    Node* stmt = make(NodeKind::ExpressionStmt, tok_.pos);
    stmt->a = parse_expression();
    consume_semicolon();
    return finish(stmt);
}

Node* Parser::parse_block() {
    Node* block = make(NodeKind::Block, tok_.pos);
    expect(Tok::LBrace);
    push_scope(false);
    parse_statement_list(block->list, Tok::RBrace, false);
    pop_scope();
    advance();
    return finish(block);
}

Node* Parser::parse_var_decl(VarKind kind, bool in_for_head) {
    Node* decl = make(NodeKind::VarDecl, tok_.pos);
    decl->var_kind = kind;
    advance();  // var / let / const
    do {
        Node* d = make(NodeKind::VarDeclarator, tok_.pos);
        d->a = parse_binding_target();
        bool for_in_of = in_for_head && (at_word("in") || at_word("of"));
        if (eat(Tok::Assign)) {
            d->b = parse_assign();
        } else if (!for_in_of && d->a->kind != NodeKind::Identifier) {
            fail_at("Missing initializer in destructuring declaration", d->a);
        } else if (!for_in_of && kind == VarKind::Const) {
            fail_at("Missing initializer in const declaration", d->a);
        }
        declare_pattern(d->a, kind);
        decl->list.push_back(finish(d));
    } while (eat(Tok::Comma));
    return finish(decl);
}

Node* Parser::parse_if() {
    Node* n = make(NodeKind::If, tok_.pos);
    advance();
    expect(Tok::LParen);
    n->a = parse_expression();
    expect(Tok::RParen);
    n->b = parse_statement(StmtContext::IfBody);
    if (at_word("else")) {
        advance();
        n->c = parse_statement(StmtContext::IfBody);
    }
    return finish(n);
}

Node* Parser::parse_loop_body() {
    ++fn().loop_depth;
    ++fn().breakable_depth;
    Node* body = parse_statement(StmtContext::Single);
    --fn().loop_depth;
    --fn().breakable_depth;
    return body;
}

Node* Parser::parse_for() {
    SourcePos start = tok_.pos;
    advance();
    bool is_await = false;
    if (at_word("await")) {
        if (!fn().is_async) unexpected();
        is_await = true;
        advance();
    }
    expect(Tok::LParen);
    push_scope(false);  // `for (let i ...)` bindings live in a scope around the loop
    Node* init = nullptr;
    if (at_word("var") || at_word("const") || at_let_declaration()) {
        VarKind kind = at_word("var") ? VarKind::Var : at_word("const") ? VarKind::Const : VarKind::Let;
        {
            bool saved = no_in_;
            no_in_ = true;
            init = parse_var_decl(kind, true);
            no_in_ = saved;
        }
        if (at_word("of") || at_word("in")) {
            Node* n = parse_for_in_of(init, start, is_await, true);
            pop_scope();
            return n;
        }
    } else if (!at(Tok::Semicolon)) {
        SourcePos expr_start = tok_.pos;
        size_t mark = cover_inits_.size();
        bool saved = no_in_;
        no_in_ = true;
        init = parse_assign(true);
        no_in_ = saved;
        bool starts_with_async = init->kind == NodeKind::Identifier && init->str == "async" &&
                                 init->end.offset - init->pos.offset == 5;
        if (at_word("in") || (at_word("of") && !(starts_with_async && !is_await))) {
            Node* n = parse_for_in_of(init, start, is_await, false);
            pop_scope();
            return n;
        }
        check_cover_inits(mark);
        if (at(Tok::Comma)) {
            Node* seq = make(NodeKind::Sequence, expr_start);
            seq->list.push_back(init);
            no_in_ = true;
            while (eat(Tok::Comma)) seq->list.push_back(parse_assign());
            no_in_ = saved;
            init = finish(seq);
        }
    }
    if (is_await) unexpected();
    Node* n = make(NodeKind::For, start);
    n->a = init;
    expect(Tok::Semicolon);
    if (!at(Tok::Semicolon)) n->b = parse_expression();
    expect(Tok::Semicolon);
    if (!at(Tok::RParen)) n->c = parse_expression();
    expect(Tok::RParen);
    n->d = parse_loop_body();
    pop_scope();
    return finish(n);
}

Node* Parser::parse_for_in_of(Node* left, SourcePos start, bool is_await, bool left_is_decl) {
    bool is_of = at_word("of");
    if (is_await && !is_of) unexpected();
    const char* loop = is_of ? "for-of" : "for-in";
    if (left_is_decl) {
        if (left->list.size() != 1) {
            Node range = *left->list.front();
            range.end = left->list.back()->end;
            fail_at(std::string("Invalid left-hand side in ") + loop + " loop: Must have a single binding.", &range);
        }
        Node* d = left->list.front();
        if (d->b) fail_at(std::string(loop) + " loop variable declaration may not have an initializer.", d);
    } else if (left->kind == NodeKind::ObjectLit || left->kind == NodeKind::ArrayLit) {
        if (parenthesized_.count(left)) fail_at("Invalid left-hand side in for-loop", left);
        left = to_assign_target(left, false);
    } else {
        check_simple_target(left, "Invalid left-hand side in for-loop");
    }
    Node* n = make(is_of ? NodeKind::ForOf : NodeKind::ForIn, start);
    n->flags.is_await = is_await;
    n->a = left;
    advance();  // in / of
    n->b = is_of ? parse_assign() : parse_expression();
    expect(Tok::RParen);
    n->c = parse_loop_body();
    return finish(n);
}

Node* Parser::parse_while() {
    Node* n = make(NodeKind::While, tok_.pos);
    advance();
    expect(Tok::LParen);
    n->a = parse_expression();
    expect(Tok::RParen);
    n->b = parse_loop_body();
    return finish(n);
}

Node* Parser::parse_do_while() {
    Node* n = make(NodeKind::DoWhile, tok_.pos);
    advance();
    n->a = parse_loop_body();
    expect_word("while");
    expect(Tok::LParen);
    n->b = parse_expression();
    expect(Tok::RParen);
    eat(Tok::Semicolon);  // ES2015+: a ';' is inserted after do-while even on the same line
    return finish(n);
}

Node* Parser::parse_return() {
    if (!fn().in_function) fail_token("Illegal return statement", tok_);
    Node* n = make(NodeKind::Return, tok_.pos);
    advance();
    // Restricted production: a line break after `return` ends the statement.
    if (!at(Tok::Semicolon) && !at(Tok::RBrace) && !at(Tok::Eof) && !tok_.newline_before) n->a = parse_expression();
    consume_semicolon();
    return finish(n);
}

Node* Parser::parse_jump(NodeKind kind) {
    Token keyword = tok_;
    Node* n = make(kind, tok_.pos);
    advance();
    bool is_break = kind == NodeKind::Break;
    if (at(Tok::Name) && !tok_.newline_before && !is_reserved_word(tok_.value)) {
        const FunctionContext::Label* found = nullptr;
        for (auto it = fn().labels.rbegin(); it != fn().labels.rend(); ++it) {
            if (it->name == tok_.value) { found = &*it; break; }
        }
        if (!found) fail_token("Undefined label '" + tok_.value + "'", tok_);
        if (!is_break && !found->is_loop) {
            fail_token("Illegal continue statement: '" + tok_.value + "' does not denote an iteration statement", tok_);
        }
        n->str = tok_.value;
        advance();
    } else if (is_break && fn().breakable_depth == 0) {
        fail_token("Illegal break statement", keyword);
    } else if (!is_break && fn().loop_depth == 0) {
        fail_token("Illegal continue statement: no surrounding iteration statement", keyword);
    }
    consume_semicolon();
    return finish(n);
}

Node* Parser::parse_throw() {
    Token keyword = tok_;
    Node* n = make(NodeKind::Throw, tok_.pos);
    advance();
    if (tok_.newline_before) fail_token("Illegal newline after throw", keyword);
    n->a = parse_expression();
    consume_semicolon();
    return finish(n);
}

Node* Parser::parse_try() {
    Node* n = make(NodeKind::Try, tok_.pos);
    advance();
    n->a = parse_block();
    if (at_word("catch")) {
        advance();
        push_scope(false);  // the catch parameter and the catch block share a scope
        if (eat(Tok::LParen)) {
            n->b = parse_binding_target();
            std::vector<const Node*> names;
            collect_bound_names(n->b, names);
            for (const Node* id : names) {
                if (scopes_.back().params.count(id->str)) fail_at("Identifier '" + id->str + "' has already been declared", id);
                declare_param(id->str);
            }
            expect(Tok::RParen);
        }
        Node* body = make(NodeKind::Block, tok_.pos);
        expect(Tok::LBrace);
        parse_statement_list(body->list, Tok::RBrace, false);
        advance();
        n->c = finish(body);
        pop_scope();
    }
    if (at_word("finally")) {
        advance();
        n->d = parse_block();
    }
    if (!n->c && !n->d) fail("Missing catch or finally after try", SourcePos{prev_end_.offset - 1, prev_end_.line, prev_end_.column - 1}, 1);
    return finish(n);
}

Node* Parser::parse_switch() {
    Node* n = make(NodeKind::Switch, tok_.pos);
    advance();
    expect(Tok::LParen);
    n->a = parse_expression();
    expect(Tok::RParen);
    expect(Tok::LBrace);
    push_scope(false);
    ++fn().breakable_depth;
    bool has_default = false;
    while (!at(Tok::RBrace)) {
        Node* c = make(NodeKind::SwitchCase, tok_.pos);
        if (at_word("default")) {
            if (has_default) fail_token("More than one default clause in switch statement", tok_);
            has_default = true;
            advance();
        } else {
            expect_word("case");
            c->a = parse_expression();
        }
        expect(Tok::Colon);
        while (!at(Tok::RBrace) && !at_word("case") && !at_word("default")) {
            if (at(Tok::Eof)) unexpected();
            c->list.push_back(parse_statement(StmtContext::ListItem));
        }
        n->list.push_back(finish(c));
    }
    --fn().breakable_depth;
    pop_scope();
    advance();
    return finish(n);
}

// Collects a chain of labels (`a: b: while ...`) so that all of them know
// whether they label a loop, which `continue label` needs.
Node* Parser::parse_labeled() {
    std::vector<Node*> chain;
    size_t first_label = fn().labels.size();
    while (at(Tok::Name) && !is_reserved_word(tok_.value) && peek().kind == Tok::Colon) {
        check_identifier(tok_, false);
        for (const auto& label : fn().labels) {
            if (label.name == tok_.value) fail_token("Label '" + tok_.value + "' has already been declared", tok_);
        }
        Node* n = make(NodeKind::Labeled, tok_.pos);
        n->str = tok_.value;
        fn().labels.push_back({tok_.value, false});
        chain.push_back(n);
        advance();
        advance();  // ':'
    }
    bool is_loop = at_word("for") || at_word("while") || at_word("do");
    for (size_t i = first_label; i < fn().labels.size(); ++i) fn().labels[i].is_loop = is_loop;
    Node* body = parse_statement(StmtContext::Single);
    fn().labels.resize(first_label);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        (*it)->a = body;
        body = finish(*it);
    }
    return body;
}

}  // namespace looplab::js
