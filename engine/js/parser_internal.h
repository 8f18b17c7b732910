// The parser's internal class, shared by parser*.cpp. Not part of the API.
//
// A recursive-descent parser over the pull lexer, one token of lookahead
// (tok_) plus peek() for the few places the grammar needs two. The first
// error is recorded in error_ and unwinds the recursion with ParseFailure,
// which parse_program catches: the API itself never throws.
//
// Arrow functions and destructuring assignments are parsed first as
// expressions (the spec's "cover grammar") and converted to patterns when
// the following '=>' or '=' says what they were (parser_pattern.cpp).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/js/ast.h"
#include "engine/js/lexer.h"
#include "engine/js/parser.h"

namespace looplab::js {

struct ParseFailure {};

// What the code being parsed may do; one per function, arrow and class
// field initializer, innermost last.
struct FunctionContext {
    bool in_function = false;  // `return` is legal
    bool is_arrow = false;
    bool is_async = false;
    bool is_generator = false;
    bool strict = false;
    bool super_call = false;      // super(...) legal (derived constructors)
    bool super_property = false;  // super.x legal (methods)
    struct Label {
        std::string name;
        bool is_loop = false;
    };
    std::vector<Label> labels;
    int loop_depth = 0;
    int breakable_depth = 0;  // loops and switches
};

// Names declared in one scope, for V8's "has already been declared" errors.
// unordered_set is only probed, never iterated, so output stays deterministic.
struct Scope {
    bool is_function = false;                  // function body (or the script)
    std::unordered_set<std::string> lexical;   // let, const, class, block functions
    std::unordered_set<std::string> vars;      // var names hoisted through here
    std::unordered_set<std::string> params;    // parameters / catch parameters
    std::unordered_set<std::string> functions; // sloppy block functions (may repeat)
};

// Private names of one class body: declared ones and references to check
// when the body ends (a reference may name a member declared later).
struct ClassScope {
    struct Reference {
        std::string name;
        SourcePos pos;  // V8 points at the token before the #name
        uint32_t length = 1;
    };
    std::unordered_set<std::string> declared;
    std::vector<Reference> references;
};

enum class StmtContext { ListItem, Single, IfBody };

struct MemberModifiers {
    bool is_async = false;
    bool is_generator = false;
    bool getter = false;
    bool setter = false;
};

class Parser {
public:
    Parser(std::string_view source, const ParseOptions& options);
    Node* parse_script();
    const ParseError& error() const { return error_; }
    AstArena& arena() { return arena_; }

    // ---- tokens (parser.cpp) ----
    void advance();
    Token peek();
    bool at(Tok k) const { return tok_.kind == k; }
    bool at_word(std::string_view w) const { return tok_.is_word(w); }
    bool eat(Tok k);
    void expect(Tok k);
    void expect_word(std::string_view w);
    void consume_semicolon();
    Node* make(NodeKind kind, SourcePos pos) { return arena_.make(kind, pos); }
    Node* finish(Node* n) { n->end = prev_end_; return n; }

    // ---- errors (parser.cpp) ----
    [[noreturn]] void fail(std::string message, SourcePos pos, uint32_t length);
    [[noreturn]] void fail_at(const std::string& message, const Node* n);
    [[noreturn]] void fail_token(const std::string& message, const Token& t);
    [[noreturn]] void unexpected(const Token& t);
    [[noreturn]] void unexpected() { unexpected(tok_); }
    std::string unexpected_message(const Token& t) const;

    // ---- names and scopes (parser_scope.cpp) ----
    FunctionContext& fn() { return fns_.back(); }
    bool strict() const { return fns_.back().strict; }
    static bool is_reserved_word(std::string_view name);
    static bool is_strict_reserved_word(std::string_view name);
    // Validates a Name token used as an identifier (binding or reference).
    void check_identifier(const Token& t, bool binding);
    void check_identifier_name(const std::string& name, SourcePos pos, uint32_t length, bool binding, bool escaped);
    std::string parse_identifier_name(bool binding);  // consumes a Name token, checked
    Node* parse_identifier(bool binding);
    void push_scope(bool is_function);
    void pop_scope() { scopes_.pop_back(); }
    void declare_lexical(const std::string& name, const Node* at);
    void declare_var(const std::string& name, const Node* at);
    void declare_param(const std::string& name) { scopes_.back().params.insert(name); }
    void declare_function(const std::string& name, const Node* at);
    void declare_pattern(const Node* pattern, VarKind kind);
    void collect_bound_names(const Node* pattern, std::vector<const Node*>& out);
    void enter_depth();
    void leave_depth() { --depth_; }

    // ---- statements (parser_stmt.cpp) ----
    Node* parse_statement(StmtContext ctx);
    Node* parse_statement_list(std::vector<Node*>& out, Tok end, bool directives);
    Node* parse_block();  // a Block with its own scope
    Node* parse_var_decl(VarKind kind, bool in_for_head);
    Node* parse_if();
    Node* parse_for();
    Node* parse_for_in_of(Node* left, SourcePos start, bool is_await, bool left_is_decl);
    Node* parse_while();
    Node* parse_do_while();
    Node* parse_loop_body();
    Node* parse_return();
    Node* parse_jump(NodeKind kind);
    Node* parse_throw();
    Node* parse_try();
    Node* parse_switch();
    Node* parse_labeled();
    Node* parse_expression_statement();
    bool at_let_declaration();
    bool at_async_function();
    [[noreturn]] void fail_import_export();

    // ---- functions and classes (parser_func.cpp) ----
    Node* parse_function(SourcePos start, bool is_async, bool is_statement);
    void parse_params(Node* fn_node);
    Node* parse_function_body(Node* fn_node);  // '{' statements '}' with directives
    Node* parse_method(SourcePos start, bool is_async, bool is_generator, bool super_call);
    Node* parse_arrow(SourcePos start, std::vector<Node*> params, bool is_async);
    Node* parse_class(SourcePos start, bool is_statement);
    Node* parse_class_member(bool derived, bool& has_constructor);
    Node* parse_static_block(SourcePos start);
    MemberModifiers parse_member_modifiers(bool in_class);
    Node* parse_private_key(bool is_static);
    void reference_private_name(const Token& name);
    void resolve_private_names();
    Node* parse_field_initializer();
    Node* parse_property_key(bool& computed);
    void check_simple_params_for_strict(const Node* fn_node, const Node* directive);
    void check_accessor_params(const Node* fn_node, bool getter, bool setter);
    void push_function(bool is_async, bool is_generator, bool is_arrow);
    void pop_function() { fns_.pop_back(); }

    // ---- expressions (parser_expr.cpp) ----
    Node* parse_expression();                  // comma-separated
    Node* parse_assign(bool maybe_pattern = false);
    Node* parse_yield();
    Node* parse_conditional();
    Node* parse_binary(int min_prec);
    Node* parse_unary();
    Node* parse_postfix();
    Node* parse_lhs();
    Node* parse_new();
    Node* parse_call_tail(Node* callee, SourcePos start, bool allow_call);
    Node* parse_member_name(Node* object, SourcePos start, bool optional);
    void parse_arguments(std::vector<Node*>& out, bool maybe_pattern = false);
    Node* parse_primary();
    Node* parse_name_primary();
    Node* parse_async_primary();
    Node* parse_paren();
    Node* parse_array_literal();
    Node* parse_object_literal();
    Node* parse_object_member();
    Node* parse_template(bool tagged);
    Node* parse_super();
    Node* parse_regexp();
    Node* parse_literal();
    Node* make_pending_arrow(SourcePos start, std::vector<Node*> items, bool is_async);
    void check_simple_target(Node* target, const char* message);
    void check_nullish_mixing(const Node* left, Op op);

    // ---- patterns (parser_pattern.cpp) ----
    Node* parse_binding_target();   // identifier, [..] or {..}
    Node* parse_binding_element();  // target with optional "= default"
    Node* parse_array_binding();
    Node* parse_object_binding();
    Node* to_assign_target(Node* expr, bool nested);  // expression -> assignment pattern
    Node* to_assign_element(Node* expr);               // element or property value, may carry a default
    Node* to_binding(Node* expr);                     // expression -> arrow parameter pattern
    std::vector<Node*> to_arrow_params(const std::vector<Node*>& items);
    void check_cover_inits(size_t mark);

    // ---- state ----
    Lexer lexer_;
    ParseOptions options_;
    AstArena arena_;
    Token tok_;
    SourcePos prev_start_;  // the previous token, for errors V8 reports there
    SourcePos prev_end_;
    SourcePos params_start_;  // the last parameter list "(...)", for accessor errors
    SourcePos params_end_;
    ParseError error_;
    std::vector<FunctionContext> fns_;
    std::vector<Scope> scopes_;
    std::vector<ClassScope> classes_;
    std::unordered_set<const Node*> parenthesized_;
    std::vector<Node*> cover_inits_;   // `{a = 1}` properties waiting to become patterns
    Node* pending_arrow_ = nullptr;    // a "(...)" or "async x" just followed by '=>'
    bool pending_arrow_async_ = false;
    bool no_in_ = false;               // inside a for-init: `in` is not an operator
    int depth_ = 0;
};

// Saves and clears no_in_ for a bracketed sub-expression, where `in` is
// an operator again even inside a for-init.
class AllowIn {
public:
    explicit AllowIn(Parser& p) : p_(p), saved_(p.no_in_) { p.no_in_ = false; }
    ~AllowIn() { p_.no_in_ = saved_; }
    AllowIn(const AllowIn&) = delete;
    AllowIn& operator=(const AllowIn&) = delete;

private:
    Parser& p_;
    bool saved_;
};

class DepthGuard {
public:
    explicit DepthGuard(Parser& p) : p_(p) { p.enter_depth(); }
    ~DepthGuard() { p_.leave_depth(); }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

private:
    Parser& p_;
};

}  // namespace looplab::js
