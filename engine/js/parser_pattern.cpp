// Patterns: binding patterns parsed directly (declarations, parameters,
// catch) and the conversion of already-parsed expressions into assignment
// patterns (`[a, b] = ...`, for-in/of heads) and arrow parameters.
#include <algorithm>

#include "engine/js/parser_internal.h"

namespace looplab::js {

namespace {

constexpr const char* kInvalidTarget = "Invalid destructuring assignment target";

Node* copy_range(Node* to, const Node* from) {
    to->pos = from->pos;
    to->end = from->end;
    return to;
}

}  // namespace

// ---------------------------------------------------------------- binding patterns

Node* Parser::parse_binding_target() {
    DepthGuard guard(*this);
    if (at(Tok::LBracket)) return parse_array_binding();
    if (at(Tok::LBrace)) return parse_object_binding();
    return parse_identifier(true);
}

Node* Parser::parse_binding_element() {
    SourcePos start = tok_.pos;
    Node* target = parse_binding_target();
    if (!at(Tok::Assign)) return target;
    advance();
    Node* n = make(NodeKind::AssignPattern, start);
    n->a = target;
    AllowIn allow_in(*this);
    n->b = parse_assign();
    return finish(n);
}

Node* Parser::parse_array_binding() {
    Node* pattern = make(NodeKind::ArrayPattern, tok_.pos);
    advance();
    while (!at(Tok::RBracket)) {
        if (eat(Tok::Comma)) {
            pattern->list.push_back(nullptr);
            continue;
        }
        if (at(Tok::Ellipsis)) {
            Node* rest = make(NodeKind::RestElement, tok_.pos);
            advance();
            rest->a = parse_binding_target();
            pattern->list.push_back(finish(rest));
            if (!at(Tok::RBracket)) fail_token("Rest element must be last element", tok_);
            break;
        }
        pattern->list.push_back(parse_binding_element());
        if (!at(Tok::RBracket)) expect(Tok::Comma);
    }
    advance();
    return finish(pattern);
}

Node* Parser::parse_object_binding() {
    Node* pattern = make(NodeKind::ObjectPattern, tok_.pos);
    advance();
    while (!at(Tok::RBrace)) {
        SourcePos start = tok_.pos;
        if (at(Tok::Ellipsis)) {
            Node* rest = make(NodeKind::RestElement, start);
            advance();
            rest->a = parse_identifier(true);
            pattern->list.push_back(finish(rest));
            if (!at(Tok::RBrace)) fail_token("Rest element must be last element", tok_);
            break;
        }
        Node* prop = make(NodeKind::PatternProperty, start);
        Token key_token = tok_;
        bool computed = false;
        prop->a = parse_property_key(computed);
        prop->flags.computed = computed;
        if (eat(Tok::Colon)) {
            prop->b = parse_binding_element();
        } else {
            // As in object literals: the token after the key is checked first.
            if (key_token.kind != Tok::Name || computed || !(at(Tok::Comma) || at(Tok::RBrace) || at(Tok::Assign))) {
                unexpected();
            }
            check_identifier(key_token, true);
            prop->flags.shorthand = true;
            Node* id = copy_range(make(NodeKind::Identifier, key_token.pos), prop->a);
            id->str = key_token.value;
            prop->b = id;
            if (eat(Tok::Assign)) {
                Node* def = make(NodeKind::AssignPattern, key_token.pos);
                def->a = id;
                AllowIn allow_in(*this);
                def->b = parse_assign();
                prop->b = finish(def);
            }
        }
        pattern->list.push_back(finish(prop));
        if (!at(Tok::RBrace)) expect(Tok::Comma);
    }
    advance();
    return finish(pattern);
}

// ---------------------------------------------------------------- cover grammar

void Parser::check_cover_inits(size_t mark) {
    if (cover_inits_.size() > mark) fail_at("Invalid shorthand property initializer", cover_inits_[mark]);
}

// An element or property value of an assignment pattern: a target with an
// optional default (`a = 1` was parsed as an assignment expression).
Node* Parser::to_assign_element(Node* e) {
    if (e->kind == NodeKind::Assign && e->op == Op::Assign && !parenthesized_.count(e)) {
        Node* def = copy_range(make(NodeKind::AssignPattern, e->pos), e);
        def->a = to_assign_target(e->a, true);
        def->b = e->b;
        return def;
    }
    return to_assign_target(e, true);
}

Node* Parser::to_assign_target(Node* e, bool nested) {
    switch (e->kind) {
        case NodeKind::Identifier:
        case NodeKind::Member: check_simple_target(e, kInvalidTarget); return e;
        case NodeKind::ObjectPattern:
        case NodeKind::ArrayPattern: return e;  // converted already by an inner `=`
        case NodeKind::ObjectLit:
        case NodeKind::ArrayLit: break;
        default: fail_at(nested ? kInvalidTarget : "Invalid left-hand side in assignment", e);
    }
    if (nested && parenthesized_.count(e)) fail_at(kInvalidTarget, e);
    bool is_object = e->kind == NodeKind::ObjectLit;
    Node* pattern = copy_range(make(is_object ? NodeKind::ObjectPattern : NodeKind::ArrayPattern, e->pos), e);
    for (size_t i = 0; i < e->list.size(); ++i) {
        Node* item = e->list[i];
        if (!item) {
            pattern->list.push_back(nullptr);
            continue;
        }
        if (item->kind == NodeKind::Spread) {
            if (i + 1 != e->list.size()) fail_at("Rest element must be last element", item);
            Node* rest = copy_range(make(NodeKind::RestElement, item->pos), item);
            rest->a = to_assign_target(item->a, true);
            pattern->list.push_back(rest);
            continue;
        }
        if (!is_object) {
            pattern->list.push_back(to_assign_element(item));
            continue;
        }
        if (item->prop_kind != PropKind::Init) fail_at(kInvalidTarget, item);
        Node* prop = copy_range(make(NodeKind::PatternProperty, item->pos), item);
        prop->a = item->a;
        prop->flags.computed = item->flags.computed;
        prop->flags.shorthand = item->flags.shorthand;
        auto cover = std::find(cover_inits_.begin(), cover_inits_.end(), item);
        if (cover != cover_inits_.end()) cover_inits_.erase(cover);
        prop->b = to_assign_element(item->b);
        pattern->list.push_back(prop);
    }
    return pattern;
}

// Arrow parameters were parsed as expressions; turn each into a binding
// pattern, where only plain names may be bound.
Node* Parser::to_binding(Node* e) {
    if (parenthesized_.count(e)) fail_at(kInvalidTarget, e);
    switch (e->kind) {
        case NodeKind::Identifier:
            check_identifier_name(e->str, e->pos, e->end.offset - e->pos.offset, true, false);
            return e;
        case NodeKind::ObjectLit:
        case NodeKind::ArrayLit: return to_binding(to_assign_target(e, true));
        case NodeKind::ObjectPattern:
        case NodeKind::ArrayPattern:
            for (Node* item : e->list) {
                if (item) to_binding(item);
            }
            return e;
        case NodeKind::PatternProperty:
        case NodeKind::AssignPattern: to_binding(e->kind == NodeKind::PatternProperty ? e->b : e->a); return e;
        case NodeKind::RestElement: to_binding(e->a); return e;
        default: fail_at(kInvalidTarget, e);
    }
}

std::vector<Node*> Parser::to_arrow_params(const std::vector<Node*>& items) {
    std::vector<Node*> params;
    for (size_t i = 0; i < items.size(); ++i) {
        Node* item = items[i];
        if (item->kind == NodeKind::Spread) {
            if (i + 1 != items.size()) fail_at("Rest parameter must be last formal parameter", item);
            Node* rest = copy_range(make(NodeKind::RestElement, item->pos), item);
            rest->a = to_binding(item->a);
            params.push_back(rest);
        } else if (item->kind == NodeKind::Assign && item->op == Op::Assign && !parenthesized_.count(item)) {
            Node* def = copy_range(make(NodeKind::AssignPattern, item->pos), item);
            def->a = to_binding(item->a);
            def->b = item->b;
            params.push_back(def);
        } else {
            params.push_back(to_binding(item));
        }
    }
    return params;
}

}  // namespace looplab::js
