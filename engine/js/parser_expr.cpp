// Expressions, from the comma operator down to primary expressions.
#include "engine/js/parser_internal.h"

namespace looplab::js {

namespace {

Op assign_op(Tok k) {
    switch (k) {
        case Tok::Assign: return Op::Assign;
        case Tok::PlusAssign: return Op::AddAssign;
        case Tok::MinusAssign: return Op::SubAssign;
        case Tok::StarAssign: return Op::MulAssign;
        case Tok::SlashAssign: return Op::DivAssign;
        case Tok::PercentAssign: return Op::ModAssign;
        case Tok::StarStarAssign: return Op::ExpAssign;
        case Tok::ShlAssign: return Op::ShlAssign;
        case Tok::ShrAssign: return Op::ShrAssign;
        case Tok::UShrAssign: return Op::UShrAssign;
        case Tok::AmpAssign: return Op::BitAndAssign;
        case Tok::PipeAssign: return Op::BitOrAssign;
        case Tok::CaretAssign: return Op::BitXorAssign;
        case Tok::AmpAmpAssign: return Op::AndAssign;
        case Tok::PipePipeAssign: return Op::OrAssign;
        case Tok::QuestionQuestionAssign: return Op::NullishAssign;
        default: return Op::None;
    }
}

// Binding power of a binary operator token, 0 when it is not one.
int binary_prec(const Token& t, bool no_in, Op& op) {
    switch (t.kind) {
        case Tok::QuestionQuestion: op = Op::Nullish; return 1;
        case Tok::PipePipe: op = Op::Or; return 2;
        case Tok::AmpAmp: op = Op::And; return 3;
        case Tok::Pipe: op = Op::BitOr; return 4;
        case Tok::Caret: op = Op::BitXor; return 5;
        case Tok::Amp: op = Op::BitAnd; return 6;
        case Tok::Eq: op = Op::Eq; return 7;
        case Tok::NotEq: op = Op::NotEq; return 7;
        case Tok::StrictEq: op = Op::StrictEq; return 7;
        case Tok::StrictNotEq: op = Op::StrictNotEq; return 7;
        case Tok::Lt: op = Op::Lt; return 8;
        case Tok::Gt: op = Op::Gt; return 8;
        case Tok::LtEq: op = Op::LtEq; return 8;
        case Tok::GtEq: op = Op::GtEq; return 8;
        case Tok::Shl: op = Op::Shl; return 9;
        case Tok::Shr: op = Op::Shr; return 9;
        case Tok::UShr: op = Op::UShr; return 9;
        case Tok::Plus: op = Op::Add; return 10;
        case Tok::Minus: op = Op::Sub; return 10;
        case Tok::Star: op = Op::Mul; return 11;
        case Tok::Slash: op = Op::Div; return 11;
        case Tok::Percent: op = Op::Mod; return 11;
        case Tok::StarStar: op = Op::Exp; return 12;
        case Tok::Name:
            if (t.escaped) return 0;
            if (t.value == "instanceof") { op = Op::Instanceof; return 8; }
            if (t.value == "in" && !no_in) { op = Op::In; return 8; }
            return 0;
        default: return 0;
    }
}

Op unary_op(const Token& t) {
    switch (t.kind) {
        case Tok::Bang: return Op::Not;
        case Tok::Tilde: return Op::BitNot;
        case Tok::Plus: return Op::Plus;
        case Tok::Minus: return Op::Neg;
        case Tok::Name:
            if (t.escaped) return Op::None;
            if (t.value == "typeof") return Op::Typeof;
            if (t.value == "void") return Op::Void;
            if (t.value == "delete") return Op::Delete;
            return Op::None;
        default: return Op::None;
    }
}

bool starts_expression(const Token& t) {
    switch (t.kind) {
        case Tok::Name: return t.value != "in" && t.value != "of" && t.value != "instanceof";
        case Tok::Number: case Tok::BigInt: case Tok::String: case Tok::Template: case Tok::PrivateName:
        case Tok::LParen: case Tok::LBracket: case Tok::LBrace: case Tok::Plus: case Tok::Minus:
        case Tok::Bang: case Tok::Tilde: case Tok::PlusPlus: case Tok::MinusMinus: case Tok::Slash:
        case Tok::SlashAssign: return true;
        default: return false;
    }
}

// After a non-async `await`, a token that could only be its operand means
// the program meant an await expression; V8 says where they are allowed.
bool looks_like_await_operand(const Token& t) {
    if (t.newline_before) return false;
    if (t.kind == Tok::Name) return t.value != "in" && t.value != "of" && t.value != "instanceof";
    return t.kind == Tok::Number || t.kind == Tok::BigInt || t.kind == Tok::String;
}

}  // namespace

Node* Parser::parse_expression() {
    SourcePos start = tok_.pos;
    Node* e = parse_assign();
    if (!at(Tok::Comma)) return e;
    Node* seq = make(NodeKind::Sequence, start);
    seq->list.push_back(e);
    while (eat(Tok::Comma)) seq->list.push_back(parse_assign());
    return finish(seq);
}

// AssignmentExpression, including arrow functions and yield. With
// maybe_pattern the caller may still turn the result into a pattern, so
// `{a = 1}` shorthand defaults are left for it to check.
Node* Parser::parse_assign(bool maybe_pattern) {
    DepthGuard guard(*this);
    if (fn().is_generator && at_word("yield")) return parse_yield();
    SourcePos start = tok_.pos;
    size_t mark = cover_inits_.size();
    Node* lhs = parse_conditional();
    if (lhs == pending_arrow_ && at(Tok::Arrow)) {
        pending_arrow_ = nullptr;
        bool is_async = pending_arrow_async_;
        return parse_arrow(lhs->pos, to_arrow_params(lhs->list), is_async);
    }
    bool single_name = at(Tok::Arrow) && lhs->kind == NodeKind::Identifier && lhs->pos.offset == prev_start_.offset &&
                       !parenthesized_.count(lhs);
    if (single_name) {
        check_identifier_name(lhs->str, lhs->pos, lhs->end.offset - lhs->pos.offset, true, false);
        return parse_arrow(start, {lhs}, false);
    }
    Op op = assign_op(tok_.kind);
    if (op == Op::None) {
        if (!maybe_pattern) check_cover_inits(mark);
        return lhs;
    }
    bool literal = lhs->kind == NodeKind::ObjectLit || lhs->kind == NodeKind::ArrayLit;
    if (op == Op::Assign && literal && !parenthesized_.count(lhs)) {
        lhs = to_assign_target(lhs, false);
    } else {
        check_simple_target(lhs, "Invalid left-hand side in assignment");
    }
    check_cover_inits(mark);
    SourcePos op_pos = tok_.pos;
    advance();
    Node* n = make(NodeKind::Assign, start);
    n->op_pos = op_pos;
    n->op = op;
    n->a = lhs;
    n->b = parse_assign();
    return finish(n);
}

Node* Parser::parse_yield() {
    Node* y = make(NodeKind::Yield, tok_.pos);
    advance();
    if (tok_.newline_before) return finish(y);
    if (eat(Tok::Star)) {
        y->flags.delegate = true;
        y->a = parse_assign();
    } else if (starts_expression(tok_)) {
        y->a = parse_assign();
    }
    return finish(y);
}

Node* Parser::parse_conditional() {
    SourcePos start = tok_.pos;
    Node* test = parse_binary(1);
    if (!at(Tok::Question)) return test;
    advance();
    Node* n = make(NodeKind::Conditional, start);
    n->a = test;
    {
        AllowIn allow_in(*this);
        n->b = parse_assign();
    }
    expect(Tok::Colon);
    n->c = parse_assign();
    return finish(n);
}

Node* Parser::parse_binary(int min_prec) {
    SourcePos start = tok_.pos;
    Node* left = parse_unary();
    for (;;) {
        Op op = Op::None;
        int prec = binary_prec(tok_, no_in_, op);
        if (prec == 0 || prec < min_prec) return left;
        bool unary_left = left->kind == NodeKind::Unary || left->kind == NodeKind::Await;
        if (op == Op::Exp && unary_left && !parenthesized_.count(left)) {
            fail("Unary operator used immediately before exponentiation expression. Parenthesis must be used to "
                 "disambiguate operator precedence",
                 left->pos, tok_.end.offset - left->pos.offset);
        }
        check_nullish_mixing(left, op);
        advance();
        Node* right = nullptr;
        if (op == Op::Exp) {  // right-associative
            DepthGuard guard(*this);
            right = parse_binary(prec);
        } else if (op == Op::Nullish) {  // `a ?? b || c` must not absorb the ||; see check_nullish_mixing
            right = parse_binary(4);
        } else {
            right = parse_binary(prec + 1);
        }
        bool logical = op == Op::And || op == Op::Or || op == Op::Nullish;
        Node* n = make(logical ? NodeKind::Logical : NodeKind::Binary, start);
        n->op = op;
        n->a = left;
        n->b = right;
        left = finish(n);
    }
}

// ?? cannot be mixed with && or || without parentheses (ECMA-262
// CoalesceExpression); V8 reports the second operator.
void Parser::check_nullish_mixing(const Node* left, Op op) {
    if (left->kind != NodeKind::Logical || parenthesized_.count(left)) return;
    bool left_nullish = left->op == Op::Nullish;
    bool op_nullish = op == Op::Nullish;
    if ((op == Op::And || op == Op::Or || op_nullish) && left_nullish != op_nullish) unexpected();
}

void Parser::check_simple_target(Node* target, const char* message) {
    if (target->kind == NodeKind::Identifier) {
        if (strict() && (target->str == "eval" || target->str == "arguments")) {
            fail_at("Unexpected eval or arguments in strict mode", target);
        }
        return;
    }
    if (target->kind == NodeKind::Member) return;
    fail_at(message, target);
}

Node* Parser::parse_unary() {
    SourcePos start = tok_.pos;
    Op op = unary_op(tok_);
    if (op != Op::None) {
        DepthGuard guard(*this);
        advance();
        Node* n = make(NodeKind::Unary, start);
        n->op = op;
        n->a = parse_unary();
        if (op == Op::Delete && strict() && n->a->kind == NodeKind::Identifier) {
            fail_at("Delete of an unqualified identifier in strict mode.", n->a);
        }
        if (op == Op::Delete && n->a->kind == NodeKind::Member && n->a->b->kind == NodeKind::PrivateName) {
            fail_at("Private fields can not be deleted", n->a->b);
        }
        return finish(n);
    }
    if (at(Tok::PlusPlus) || at(Tok::MinusMinus)) {
        DepthGuard guard(*this);
        Node* n = make(NodeKind::Update, start);
        n->op = at(Tok::PlusPlus) ? Op::Inc : Op::Dec;
        n->flags.prefix = true;
        advance();
        n->a = parse_unary();
        check_simple_target(n->a, "Invalid left-hand side expression in prefix operation");
        return finish(n);
    }
    if (at_word("await")) {
        if (fn().is_async) {
            DepthGuard guard(*this);
            advance();
            Node* n = make(NodeKind::Await, start);
            n->a = parse_unary();
            return finish(n);
        }
        if (looks_like_await_operand(peek())) {
            fail_token("await is only valid in async functions and the top level bodies of modules", tok_);
        }
    }
    return parse_postfix();
}

Node* Parser::parse_postfix() {
    SourcePos start = tok_.pos;
    Node* e = parse_lhs();
    if ((at(Tok::PlusPlus) || at(Tok::MinusMinus)) && !tok_.newline_before) {
        check_simple_target(e, "Invalid left-hand side expression in postfix operation");
        Node* n = make(NodeKind::Update, start);
        n->op = at(Tok::PlusPlus) ? Op::Inc : Op::Dec;
        n->a = e;
        advance();
        return finish(n);
    }
    return e;
}

Node* Parser::parse_lhs() {
    SourcePos start = tok_.pos;
    Node* e = nullptr;
    if (at_word("new")) {
        e = parse_new();
    } else if (at_word("super")) {
        e = parse_super();
    } else if (at_word("import")) {
        Token next = peek();
        if (next.kind == Tok::Dot) fail_token("Cannot use 'import.meta' outside a module", tok_);
        fail_token("looplab does not support dynamic import()", tok_);
    } else {
        e = parse_primary();
        if (e == pending_arrow_) return e;
    }
    return parse_call_tail(e, start, true);
}

Node* Parser::parse_super() {
    Token keyword = tok_;
    advance();
    bool call = at(Tok::LParen);
    bool property = at(Tok::Dot) || at(Tok::LBracket);
    if ((call && !fn().super_call) || (property && !fn().super_property) || (!call && !property)) {
        fail_token("'super' keyword unexpected here", keyword);
    }
    return finish(make(NodeKind::Super, keyword.pos));
}

Node* Parser::parse_new() {
    DepthGuard guard(*this);
    SourcePos start = tok_.pos;
    advance();
    if (eat(Tok::Dot)) {
        if (!at_word("target")) unexpected();
        advance();
        Node* meta = make(NodeKind::MetaProperty, start);
        meta->str = "new.target";
        return finish(meta);
    }
    SourcePos callee_start = tok_.pos;
    Node* callee = nullptr;
    if (at_word("new")) {
        callee = parse_new();
    } else if (at_word("super") || at_word("import")) {
        unexpected();
    } else {
        callee = parse_primary();
    }
    Node* n = make(NodeKind::New, start);
    n->a = parse_call_tail(callee, callee_start, false);
    if (at(Tok::LParen)) parse_arguments(n->list);
    return finish(n);
}

// Member accesses, calls, tagged templates and optional chains after `callee`.
// Without allow_call (a `new` callee) the tail stops before '('.
Node* Parser::parse_call_tail(Node* e, SourcePos start, bool allow_call) {
    bool in_chain = false;
    for (;;) {
        if (at(Tok::Dot)) {
            advance();
            e = parse_member_name(e, start, false);
        } else if (at(Tok::QuestionDot)) {
            if (!allow_call) fail_token("Invalid optional chain from new expression", tok_);
            in_chain = true;
            advance();
            if (at(Tok::LParen)) {
                Node* call = make(NodeKind::Call, start);
                call->a = e;
                call->flags.optional = true;
                parse_arguments(call->list);
                e = finish(call);
            } else if (at(Tok::LBracket)) {
                SourcePos bracket = tok_.pos;
                advance();
                AllowIn allow_in(*this);
                Node* m = make(NodeKind::Member, start);
                m->op_pos = bracket;
                m->a = e;
                m->b = parse_expression();
                m->flags.computed = true;
                m->flags.optional = true;
                expect(Tok::RBracket);
                e = finish(m);
            } else if (at(Tok::Template)) {
                fail_token("Invalid tagged template on optional chain", tok_);
            } else {
                e = parse_member_name(e, start, true);
            }
        } else if (at(Tok::LBracket)) {
            SourcePos bracket = tok_.pos;
            advance();
            AllowIn allow_in(*this);
            Node* m = make(NodeKind::Member, start);
            m->op_pos = bracket;
            m->a = e;
            m->b = parse_expression();
            m->flags.computed = true;
            expect(Tok::RBracket);
            e = finish(m);
        } else if (at(Tok::LParen) && allow_call) {
            Node* call = make(NodeKind::Call, start);
            call->a = e;
            parse_arguments(call->list);
            e = finish(call);
        } else if (at(Tok::Template)) {
            if (in_chain) fail_token("Invalid tagged template on optional chain", tok_);
            Node* tagged = make(NodeKind::TaggedTemplate, start);
            tagged->a = e;
            tagged->b = parse_template(true);
            e = finish(tagged);
        } else {
            break;
        }
    }
    if (!in_chain) return e;
    Node* chain = make(NodeKind::OptionalChain, start);
    chain->a = e;
    return finish(chain);
}

Node* Parser::parse_member_name(Node* object, SourcePos start, bool optional) {
    Node* prop = nullptr;
    if (at(Tok::PrivateName)) {
        reference_private_name(tok_);
        prop = make(NodeKind::PrivateName, tok_.pos);
    } else if (at(Tok::Name)) {  // any word, keywords included: obj.default
        prop = make(NodeKind::Identifier, tok_.pos);
    } else {
        unexpected();
    }
    prop->str = tok_.value;
    advance();
    finish(prop);
    Node* m = make(NodeKind::Member, start);
    m->a = object;
    m->b = prop;
    m->flags.optional = optional;
    return finish(m);
}

void Parser::parse_arguments(std::vector<Node*>& out, bool maybe_pattern) {
    advance();  // (
    AllowIn allow_in(*this);
    while (!at(Tok::RParen)) {
        if (at(Tok::Ellipsis)) {
            Node* spread = make(NodeKind::Spread, tok_.pos);
            advance();
            spread->a = parse_assign(maybe_pattern);
            out.push_back(finish(spread));
        } else {
            out.push_back(parse_assign(maybe_pattern));
        }
        if (at(Tok::RParen)) break;
        // V8 points at the last token of the argument list, not at what follows it.
        if (!at(Tok::Comma)) fail("missing ) after argument list", prev_start_, prev_end_.offset - prev_start_.offset);
        advance();
    }
    advance();  // )
}

Node* Parser::parse_primary() {
    switch (tok_.kind) {
        case Tok::Name: return parse_name_primary();
        case Tok::Number:
        case Tok::BigInt:
        case Tok::String: return parse_literal();
        case Tok::Template: return parse_template(false);
        case Tok::Slash:
        case Tok::SlashAssign: return parse_regexp();
        case Tok::LParen: return parse_paren();
        case Tok::LBracket: return parse_array_literal();
        case Tok::LBrace: return parse_object_literal();
        case Tok::PrivateName: {  // `#x in obj`, the ergonomic brand check
            if (!classes_.empty() && !peek().is_word("in")) unexpected();
            reference_private_name(tok_);
            Node* n = make(NodeKind::PrivateName, tok_.pos);
            n->str = tok_.value;
            advance();
            return finish(n);
        }
        default: unexpected();
    }
}

Node* Parser::parse_literal() {
    Node* n = nullptr;
    if (at(Tok::Number)) {
        if (tok_.legacy_octal && strict()) {
            bool decimal = lexer_.source().substr(tok_.pos.offset, tok_.end.offset - tok_.pos.offset)
                               .find_first_of("89.") != std::string_view::npos;
            fail_token(decimal ? "Decimals with leading zeros are not allowed in strict mode."
                               : "Octal literals are not allowed in strict mode.",
                       tok_);
        }
        n = make(NodeKind::NumberLit, tok_.pos);
        n->num = tok_.num;
    } else if (at(Tok::BigInt)) {
        n = make(NodeKind::BigIntLit, tok_.pos);
        n->str = tok_.value;
    } else {
        if (tok_.legacy_octal && strict()) fail_token("Octal escape sequences are not allowed in strict mode.", tok_);
        n = make(NodeKind::StringLit, tok_.pos);
        n->str = std::move(tok_.value);
    }
    advance();
    return finish(n);
}

Node* Parser::parse_name_primary() {
    SourcePos start = tok_.pos;
    if (tok_.escaped) {
        if (is_reserved_word(tok_.value)) fail_token("Keyword must not contain escaped characters", tok_);
        return parse_identifier(false);
    }
    const std::string& w = tok_.value;
    if (w == "this" || w == "null") {
        Node* n = make(w == "this" ? NodeKind::This : NodeKind::NullLit, start);
        advance();
        return finish(n);
    }
    if (w == "true" || w == "false") {
        Node* n = make(NodeKind::BoolLit, start);
        n->flags.bool_value = w == "true";
        advance();
        return finish(n);
    }
    if (w == "function") return parse_function(start, false, false);
    if (w == "class") return parse_class(start, false);
    if (w == "async") {
        if (at_async_function()) {
            advance();
            return parse_function(start, true, false);
        }
        return parse_async_primary();
    }
    return parse_identifier(false);
}

Node* Parser::make_pending_arrow(SourcePos start, std::vector<Node*> items, bool is_async) {
    Node* n = make(NodeKind::Sequence, start);
    n->list = std::move(items);
    pending_arrow_ = finish(n);
    pending_arrow_async_ = is_async;
    return n;
}

// `async` not followed by `function`: an async arrow (`async x =>`,
// `async (a) =>`), a call of a function named async, or just the name.
Node* Parser::parse_async_primary() {
    SourcePos start = tok_.pos;
    Token next = peek();
    if (next.newline_before) return parse_identifier(false);
    if (next.kind == Tok::Name && !is_reserved_word(next.value)) {
        advance();
        Node* param = parse_identifier(true);
        if (!at(Tok::Arrow)) unexpected();
        return make_pending_arrow(start, {param}, true);
    }
    Node* callee = parse_identifier(false);
    if (!at(Tok::LParen)) return callee;
    size_t mark = cover_inits_.size();
    Node* call = make(NodeKind::Call, start);
    call->a = callee;
    parse_arguments(call->list, true);
    if (at(Tok::Arrow) && !tok_.newline_before) return make_pending_arrow(start, std::move(call->list), true);
    check_cover_inits(mark);
    return finish(call);
}

// '(' ... ')': a parenthesized expression, or the parameters of an arrow
// function when '=>' follows.
Node* Parser::parse_paren() {
    SourcePos start = tok_.pos;
    advance();
    size_t mark = cover_inits_.size();
    std::vector<Node*> items;
    bool trailing_comma = false;
    Node* rest = nullptr;
    {
        AllowIn allow_in(*this);
        while (!at(Tok::RParen)) {
            if (at(Tok::Ellipsis)) {
                rest = make(NodeKind::Spread, tok_.pos);
                advance();
                rest->a = parse_assign(true);
                items.push_back(finish(rest));
                if (at(Tok::Comma)) {  // V8 points at the end of the rest element
                    fail("Rest parameter must be last formal parameter", prev_start_, prev_end_.offset - prev_start_.offset);
                }
                if (!at(Tok::RParen)) unexpected();
                break;
            }
            items.push_back(parse_assign(true));
            if (at(Tok::RParen)) break;
            if (!at(Tok::Comma)) unexpected();
            advance();
            trailing_comma = at(Tok::RParen);
        }
    }
    advance();  // ')'
    if (at(Tok::Arrow)) return make_pending_arrow(start, std::move(items), false);
    if (items.empty() || trailing_comma) fail("Unexpected token ')'", prev_start_, 1);
    if (rest) fail("Unexpected token '...'", rest->pos, 3);
    check_cover_inits(mark);
    Node* e = items[0];
    if (items.size() > 1) {
        e = make(NodeKind::Sequence, items[0]->pos);
        e->list = std::move(items);
        e->end = e->list.back()->end;
    }
    parenthesized_.insert(e);
    return e;
}

Node* Parser::parse_array_literal() {
    Node* arr = make(NodeKind::ArrayLit, tok_.pos);
    advance();
    AllowIn allow_in(*this);
    while (!at(Tok::RBracket)) {
        if (eat(Tok::Comma)) {
            arr->list.push_back(nullptr);  // a hole
            continue;
        }
        if (at(Tok::Ellipsis)) {
            Node* spread = make(NodeKind::Spread, tok_.pos);
            advance();
            spread->a = parse_assign(true);
            arr->list.push_back(finish(spread));
        } else {
            arr->list.push_back(parse_assign(true));
        }
        if (!at(Tok::RBracket)) expect(Tok::Comma);
    }
    advance();
    return finish(arr);
}

Node* Parser::parse_object_literal() {
    Node* obj = make(NodeKind::ObjectLit, tok_.pos);
    advance();
    AllowIn allow_in(*this);
    while (!at(Tok::RBrace)) {
        obj->list.push_back(parse_object_member());
        if (!at(Tok::RBrace)) expect(Tok::Comma);
    }
    advance();
    return finish(obj);
}

Node* Parser::parse_object_member() {
    SourcePos start = tok_.pos;
    if (at(Tok::Ellipsis)) {
        Node* spread = make(NodeKind::Spread, start);
        advance();
        spread->a = parse_assign(true);
        return finish(spread);
    }
    Node* p = make(NodeKind::Property, start);
    MemberModifiers mod = parse_member_modifiers(false);
    bool key_is_name = at(Tok::Name), key_escaped = tok_.escaped;
    bool computed = false;
    p->a = parse_property_key(computed);
    p->flags.computed = computed;
    bool is_async = mod.is_async, is_generator = mod.is_generator, getter = mod.getter, setter = mod.setter;
    if (at(Tok::LParen)) {
        p->prop_kind = getter ? PropKind::Get : setter ? PropKind::Set : PropKind::Method;
        p->b = parse_method(tok_.pos, is_async, is_generator, false);
        p->b->flags.is_getter = getter;
        p->b->flags.is_setter = setter;
        check_accessor_params(p->b, getter, setter);
        return finish(p);
    }
    if (is_async || is_generator || getter || setter) unexpected();
    if (eat(Tok::Colon)) {
        p->b = parse_assign(true);
        return finish(p);
    }
    // V8 classifies the property by the token after its key first: anything
    // but `,` `}` `=` is reported before the key's validity as a shorthand.
    if (!key_is_name || computed || !(at(Tok::Comma) || at(Tok::RBrace) || at(Tok::Assign))) unexpected();
    check_identifier_name(p->a->str, p->a->pos, p->a->end.offset - p->a->pos.offset, false, key_escaped);
    p->flags.shorthand = true;
    Node* value = make(NodeKind::Identifier, p->a->pos);
    value->str = p->a->str;
    value->end = p->a->end;
    p->b = value;
    if (at(Tok::Assign)) {  // `{a = 1}`: only valid if this literal becomes a pattern
        advance();
        Node* assign = make(NodeKind::Assign, p->a->pos);
        assign->op = Op::Assign;
        assign->a = value;
        assign->b = parse_assign();
        p->b = finish(assign);
        cover_inits_.push_back(p);
    }
    return finish(p);
}

// tok_ is a template token (head or whole); substitutions are parsed in
// between and the lexer resumes template characters after each '}'.
Node* Parser::parse_template(bool tagged) {
    Node* t = make(NodeKind::TemplateLit, tok_.pos);
    for (;;) {
        if (tok_.cooked_invalid && !tagged) fail(tok_.error_message, tok_.error_pos, 1);
        // A tagged template's cooked string is undefined after an invalid
        // escape; strs cannot say undefined, so it holds "" (raws stay exact).
        t->strs.push_back(tok_.cooked_invalid ? std::string() : std::move(tok_.value));
        t->raws.push_back(std::move(tok_.raw));
        if (tok_.template_tail) break;
        advance();
        {
            AllowIn allow_in(*this);
            t->list.push_back(parse_expression());
        }
        if (!at(Tok::RBrace)) unexpected();
        tok_ = lexer_.scan_template_continuation(tok_);
        if (tok_.kind == Tok::Invalid) fail(tok_.error_message, tok_.error_pos, tok_.error_length);
    }
    advance();
    return finish(t);
}

Node* Parser::parse_regexp() {
    tok_ = lexer_.rescan_regexp(tok_);
    if (tok_.kind == Tok::Invalid) fail(tok_.error_message, tok_.error_pos, tok_.error_length);
    Node* n = make(NodeKind::RegExpLit, tok_.pos);
    n->str = std::move(tok_.value);
    n->str2 = std::move(tok_.raw);
    advance();
    return finish(n);
}

}  // namespace looplab::js
