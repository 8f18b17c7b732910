// Entry point, token plumbing, error messages, names and scopes.
#include "engine/js/parser.h"

#include <algorithm>
#include <array>

#include "engine/js/parser_internal.h"

namespace looplab::js {

namespace {

constexpr std::array<std::string_view, 36> kReservedWords = {
    "break",  "case",    "catch",  "class",    "const",      "continue", "debugger", "default",
    "delete", "do",      "else",   "enum",     "export",     "extends",  "false",    "finally",
    "for",    "function", "if",    "import",   "in",         "instanceof", "new",    "null",
    "return", "super",   "switch", "this",     "throw",      "true",     "try",      "typeof",
    "var",    "void",    "while",  "with",
};

constexpr std::array<std::string_view, 9> kStrictReservedWords = {
    "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield",
};

uint32_t token_length(const Token& t) { return t.end.offset - t.pos.offset; }

}  // namespace

Parser::Parser(std::string_view source, const ParseOptions& options) : lexer_(source), options_(options) {}

// ---------------------------------------------------------------- tokens

void Parser::advance() {
    prev_start_ = tok_.pos;
    prev_end_ = tok_.end;
    tok_ = lexer_.next();
    if (tok_.kind == Tok::Invalid) fail(tok_.error_message, tok_.error_pos, tok_.error_length);
}

Token Parser::peek() {
    LexerState saved = lexer_.save_state();
    Token t = lexer_.next();
    lexer_.restore_state(saved);
    return t;
}

bool Parser::eat(Tok k) {
    if (!at(k)) return false;
    advance();
    return true;
}

void Parser::expect(Tok k) {
    if (!at(k)) unexpected();
    advance();
}

void Parser::expect_word(std::string_view w) {
    if (!at_word(w)) unexpected();
    advance();
}

// Automatic semicolon insertion (ECMA-262 12.10.1): a missing ';' is fine
// before '}', at the end of input, or when a line break precedes the token.
void Parser::consume_semicolon() {
    if (eat(Tok::Semicolon)) return;
    if (at(Tok::RBrace) || at(Tok::Eof) || tok_.newline_before) return;
    unexpected();
}

// ---------------------------------------------------------------- errors

void Parser::fail(std::string message, SourcePos pos, uint32_t length) {
    error_.message = std::move(message);
    error_.pos = pos;
    error_.length = length;
    throw ParseFailure{};
}

void Parser::fail_at(const std::string& message, const Node* n) {
    fail(message, n->pos, n->end.offset - n->pos.offset);
}

void Parser::fail_token(const std::string& message, const Token& t) { fail(message, t.pos, token_length(t)); }

std::string Parser::unexpected_message(const Token& t) const {
    switch (t.kind) {
        case Tok::Eof: return "Unexpected end of input";
        case Tok::Invalid: return t.error_message;
        case Tok::Number:
        case Tok::BigInt: return "Unexpected number";
        case Tok::String: return "Unexpected string";
        case Tok::Template: return "Unexpected template string";
        case Tok::RegExp: return "Unexpected regular expression";
        case Tok::PrivateName: return "Unexpected identifier '#" + t.value + "'";
        case Tok::Name:
            if (t.escaped && is_reserved_word(t.value)) return "Keyword must not contain escaped characters";
            if (is_reserved_word(t.value)) return "Unexpected token '" + t.value + "'";
            if (strict() && is_strict_reserved_word(t.value)) return "Unexpected strict mode reserved word";
            if (t.value == "await" && fns_.back().is_async) return "Unexpected reserved word";
            return "Unexpected identifier '" + t.value + "'";
        default: return "Unexpected token '" + std::string(tok_text(t.kind)) + "'";
    }
}

void Parser::unexpected(const Token& t) {
    if (t.kind == Tok::Invalid) fail(t.error_message, t.error_pos, t.error_length);
    fail(unexpected_message(t), t.pos, t.kind == Tok::Eof ? 0 : token_length(t));
}

// ---------------------------------------------------------------- names

bool Parser::is_reserved_word(std::string_view name) {
    // Every reserved word is 2-10 lowercase letters; most identifiers fail this cheaply.
    if (name.size() < 2 || name.size() > 10 || name[0] < 'b' || name[0] > 'y') return false;
    for (std::string_view w : kReservedWords) {
        if (w.size() == name.size() && w[0] == name[0] && w == name) return true;
    }
    return false;
}

bool Parser::is_strict_reserved_word(std::string_view name) {
    return std::find(kStrictReservedWords.begin(), kStrictReservedWords.end(), name) != kStrictReservedWords.end();
}

void Parser::check_identifier_name(const std::string& name, SourcePos pos, uint32_t length, bool binding,
                                   bool escaped) {
    if (is_reserved_word(name)) {
        fail(escaped ? "Keyword must not contain escaped characters" : "Unexpected token '" + name + "'", pos, length);
    }
    const FunctionContext& f = fns_.back();
    if (name == "yield" && (f.is_generator || f.strict)) {
        fail(f.strict ? "Unexpected strict mode reserved word" : "Unexpected identifier 'yield'", pos, length);
    }
    if (f.strict && is_strict_reserved_word(name)) fail("Unexpected strict mode reserved word", pos, length);
    if (name == "await" && f.is_async) fail("Unexpected reserved word", pos, length);
    if (binding && f.strict && (name == "eval" || name == "arguments")) {
        fail("Unexpected eval or arguments in strict mode", pos, length);
    }
}

void Parser::check_identifier(const Token& t, bool binding) {
    if (t.kind != Tok::Name) unexpected(t);
    check_identifier_name(t.value, t.pos, token_length(t), binding, t.escaped);
}

std::string Parser::parse_identifier_name(bool binding) {
    check_identifier(tok_, binding);
    std::string name = std::move(tok_.value);
    advance();
    return name;
}

Node* Parser::parse_identifier(bool binding) {
    Node* n = make(NodeKind::Identifier, tok_.pos);
    n->str = parse_identifier_name(binding);
    return finish(n);
}

// ---------------------------------------------------------------- scopes

void Parser::push_scope(bool is_function) {
    scopes_.emplace_back();
    scopes_.back().is_function = is_function;
}

static std::string redeclared(const std::string& name) {
    return "Identifier '" + name + "' has already been declared";
}

void Parser::declare_lexical(const std::string& name, const Node* at) {
    Scope& s = scopes_.back();
    if (s.lexical.count(name) || s.vars.count(name) || s.params.count(name)) fail_at(redeclared(name), at);
    s.lexical.insert(name);
}

// A var is hoisted to the function scope; it clashes with a lexical
// declaration of any scope it passes through.
void Parser::declare_var(const std::string& name, const Node* at) {
    for (size_t i = scopes_.size(); i-- > 0;) {
        Scope& s = scopes_[i];
        bool top_level_function = s.is_function && s.functions.count(name);
        if (s.lexical.count(name) && !top_level_function) fail_at(redeclared(name), at);
        s.vars.insert(name);
        if (s.is_function) break;
    }
}

// Function declarations are var-like at a function's top level and lexical
// in blocks, where sloppy code may still repeat them (Annex B.3.3).
void Parser::declare_function(const std::string& name, const Node* at) {
    Scope& s = scopes_.back();
    if (s.is_function) {
        if (s.lexical.count(name) && !s.functions.count(name)) fail_at(redeclared(name), at);
        s.lexical.insert(name);
        s.functions.insert(name);
        return;
    }
    if (!strict() && s.functions.count(name)) return;
    declare_lexical(name, at);
    s.functions.insert(name);
}

void Parser::collect_bound_names(const Node* p, std::vector<const Node*>& out) {
    if (!p) return;
    switch (p->kind) {
        case NodeKind::Identifier: out.push_back(p); break;
        case NodeKind::ObjectPattern:
        case NodeKind::ArrayPattern:
            for (const Node* e : p->list) collect_bound_names(e, out);
            break;
        case NodeKind::PatternProperty: collect_bound_names(p->b, out); break;
        case NodeKind::AssignPattern:
        case NodeKind::RestElement: collect_bound_names(p->a, out); break;
        default: break;
    }
}

void Parser::declare_pattern(const Node* pattern, VarKind kind) {
    std::vector<const Node*> names;
    collect_bound_names(pattern, names);
    for (const Node* id : names) {
        if (kind == VarKind::Var) {
            declare_var(id->str, id);
        } else {
            if (id->str == "let") fail_at("let is disallowed as a lexically bound name", id);
            declare_lexical(id->str, id);
        }
    }
}

void Parser::enter_depth() {
    if (++depth_ > kMaxNestingDepth) {
        error_.name = "RangeError";
        fail("Maximum call stack size exceeded", tok_.pos, 1);
    }
}

// ---------------------------------------------------------------- entry

Node* Parser::parse_script() {
    FunctionContext top;
    top.in_function = options_.commonjs;
    fns_.push_back(top);
    push_scope(true);
    Node* program = make(NodeKind::Program, SourcePos{});
    advance();
    parse_statement_list(program->list, Tok::Eof, true);
    program->flags.strict = fn().strict;
    return finish(program);
}

ParsedProgram parse_program(std::string_view source, const ParseOptions& options) {
    ParsedProgram result;
    Parser parser(source, options);
    try {
        result.root = parser.parse_script();
        result.ok = true;
    } catch (const ParseFailure&) {
        result.root = nullptr;
        result.ok = false;
        result.error = parser.error();
    }
    result.arena = std::move(parser.arena());
    return result;
}

}  // namespace looplab::js
