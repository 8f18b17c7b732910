// The compiler's internal classes, shared by compiler*.cpp. Not an API.
//
// Two passes over the AST of one parse:
//  1. Resolver (compiler_scope.cpp) builds a Scope tree: every declaration,
//     hoisted as the spec says, and which variables an inner function
//     captures. Captured variables live in heap Environments; the rest get
//     frame slots.
//  2. FunctionCompiler (compiler.cpp, compiler_expr.cpp) emits bytecode per
//     function, resolving each identifier to a slot, an (env depth, index)
//     pair, or a global name.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/js/ast.h"
#include "engine/js/bytecode.h"
#include "engine/js/isolate.h"

namespace looplab::js {

struct FuncInfo;
struct Scope;

enum class BindKind : uint8_t { Var, Let, Const, Param, Function, Class, Catch, Internal };

struct VarInfo {
    std::string name;
    BindKind kind = BindKind::Var;
    Scope* scope = nullptr;
    bool captured = false;
    bool needs_tdz = false;   // may be read before its initialisation
    bool referenced = false;  // internal bindings are materialised only when used
    bool self_ref = false;    // a named function expression's own name
    bool annex_b = false;     // also assigned by a block-level function declaration
    uint32_t decl_offset = 0;
    int slot = -1;       // frame slot when not captured
    int env_index = -1;  // index in the scope's Environment when captured

    bool lexical() const { return kind == BindKind::Let || kind == BindKind::Const || kind == BindKind::Class; }
    bool immutable() const { return kind == BindKind::Const; }
};

struct Scope {
    Scope* parent = nullptr;
    FuncInfo* func = nullptr;
    bool is_function = false;
    bool is_switch = false;
    std::vector<std::unique_ptr<VarInfo>> vars;
    std::unordered_map<std::string, VarInfo*> by_name;  // look-up only
    std::vector<Node*> function_decls;                   // instantiated at scope entry
    uint32_t env_size = 0;                               // set by finalize()

    VarInfo* find(const std::string& name) {
        auto it = by_name.find(name);
        return it == by_name.end() ? nullptr : it->second;
    }
    VarInfo* declare(const std::string& name, BindKind kind, uint32_t offset);
    bool has_env() const { return env_size > 0; }
    // Assigns env indices to captured variables.
    void finalize();
};

enum class FuncKind : uint8_t { Normal, FieldInit, StaticInit };

struct FuncInfo {
    Node* node = nullptr;  // Function node, or the Class node for synthetic initializers
    FuncKind kind = FuncKind::Normal;
    FuncInfo* parent = nullptr;
    Scope* scope = nullptr;
    bool is_arrow = false;
    bool uses_arguments = false;
    bool has_rest = false;
};

struct ClassInfo {
    Scope* scope = nullptr;
    FuncInfo* field_init = nullptr;
    FuncInfo* static_init = nullptr;
    std::vector<std::string> computed_field_keys;  // hidden class-scope names per computed field
};

// Pass 1.
class Resolver {
public:
    void resolve_program(Node* program, const std::vector<std::string>& params);

    std::unordered_map<const Node*, Scope*> scopes;     // Function/Block/For/Catch/Switch/Class -> scope
    std::unordered_map<const Node*, FuncInfo*> funcs;   // Function -> info
    std::unordered_map<const Node*, ClassInfo*> classes;
    FuncInfo* program_func = nullptr;

private:
    Scope* new_scope(Scope* parent, FuncInfo* func, bool is_function);
    FuncInfo* new_func(Node* node, FuncKind kind, Scope* parent_scope, bool is_arrow);
    void declare_internal(Scope* s);
    void hoist_vars(Node* n, Scope* fs);
    void declare_lexical(const std::vector<Node*>& stmts, Scope* s);
    void declare_pattern(Node* pattern, BindKind kind, Scope* s);
    void visit_function(Node* fn, Scope* parent);
    void visit_class(Node* cls, Scope* s);
    void visit_stmts(const std::vector<Node*>& list, Scope* s);
    void visit(Node* n, Scope* s);
    void visit_pattern(Node* n, Scope* s);
    VarInfo* reference(const std::string& name, Scope* s, uint32_t offset);

    std::vector<std::unique_ptr<Scope>> scope_store_;
    std::vector<std::unique_ptr<FuncInfo>> func_store_;
    std::vector<std::unique_ptr<ClassInfo>> class_store_;
};

struct CompileContext {
    Isolate& isolate;
    Resolver& resolver;
    std::shared_ptr<Script> script;
};

// Where a variable lives, resolved at one point of the code.
struct VarRef {
    enum class Where : uint8_t { Local, Env, Global } where = Where::Global;
    VarInfo* var = nullptr;
    uint32_t slot = 0;   // Local
    uint32_t depth = 0;  // Env
    uint32_t index = 0;  // Env
    std::string name;
};

struct Label {
    std::vector<uint32_t> patches;  // word indices whose A operand (or B word) jumps here
    std::vector<bool> patch_b;
    int32_t target = -1;
};

// Targets of break / continue and the cleanups a jump out must run.
struct ControlEntry {
    enum class Kind : uint8_t { Loop, Breakable, Try, Finally, IterClose } kind;
    std::vector<std::string> labels{};
    Label* break_label = nullptr;
    Label* continue_label = nullptr;
    size_t env_depth = 0;           // envs active outside the construct
    size_t continue_env_depth = 0;  // envs active at the continue target
    Node* finally_block = nullptr;
    uint32_t iter_slot = 0;
    bool async_iter = false;
    Scope* scope = nullptr;
};

class FunctionCompiler {
public:
    FunctionCompiler(CompileContext& ctx, FuncInfo* info, std::vector<Scope*> outer_chain,
                     FunctionCompiler* parent);
    // Compiles a Function node (or the program when info is the program).
    FunctionTemplate* compile();
    // Synthetic class functions.
    FunctionTemplate* compile_field_init(Node* cls, bool is_static);
    static FunctionTemplate* default_constructor(CompileContext& ctx, bool derived, const std::string& name);

    // ---- emission (compiler.cpp) ----
    uint32_t emit(Opcode op, uint32_t a = 0, int stack_effect = 0);
    uint32_t emit_b(Opcode op, uint32_t a, uint32_t b, int stack_effect = 0);
    void emit_jump(Opcode op, Label& label, int stack_effect = 0);
    void bind(Label& label);
    uint32_t constant(Value v);
    uint32_t name_constant(const std::string& s);
    uint32_t cache_slot();
    void set_position(const SourcePos& pos, bool statement = false);
    void emit_async_iter_close(uint32_t slot, bool quiet);
    void adjust_stack(int delta);
    uint32_t alloc_temp();
    void free_temp(uint32_t slot);

    // ---- scopes and variables (compiler.cpp) ----
    void enter_scope(Scope* s);
    void exit_scope(Scope* s);
    void emit_scope_entry(Scope* s);  // TDZ init + hoisted functions
    VarRef resolve(const std::string& name);
    void emit_load(const VarRef& ref, bool for_typeof = false);
    // Stores the value on top of the stack (pops it).
    void emit_store(const VarRef& ref, bool is_declaration);
    void emit_load_name(const std::string& name) { emit_load(resolve(name)); }

    // ---- statements (compiler.cpp) ----
    void compile_statement(Node* n);
    void compile_statements(const std::vector<Node*>& list);
    void compile_var_decl(Node* n);
    void compile_if(Node* n);
    void compile_for(Node* n, std::vector<std::string> labels);
    void compile_for_in_of(Node* n, std::vector<std::string> labels);
    void compile_while(Node* n, std::vector<std::string> labels);
    void compile_do_while(Node* n, std::vector<std::string> labels);
    void compile_loop_like(Node* n, std::vector<std::string> labels);
    void compile_try(Node* n);
    void compile_switch(Node* n, std::vector<std::string> labels);
    void compile_jump(Node* n, bool is_continue);
    void compile_return(Node* arg, const SourcePos& pos);
    void emit_return_sequence();  // value on stack: cleanups, then Return
    void emit_exits_to(size_t target_index);  // cleanups of entries above target_index
    void emit_pop_envs_to(size_t depth);
    void emit_final_return();

    // ---- expressions (compiler_expr.cpp) ----
    void compile_expr(Node* n);
    void compile_expr_discard(Node* n);  // evaluated for effect only
    void compile_expr_named(Node* n, const std::string& name);  // function-name inference
    void compile_binary(Node* n);
    void compile_logical(Node* n);
    void compile_unary(Node* n);
    void compile_update(Node* n);
    void compile_assign(Node* n);
    void compile_call(Node* n, Label* chain_end);
    void compile_new(Node* n);
    void compile_member(Node* n, Label* chain_end);
    void compile_optional_chain(Node* n);
    void compile_chain_part(Node* n, Label* chain_end);
    void compile_array(Node* n);
    void compile_object(Node* n);
    void compile_template(Node* n);
    void compile_tagged_template(Node* n);
    void compile_function(Node* n, const std::string& inferred_name);
    void compile_class(Node* n, const std::string& inferred_name);
    void compile_yield(Node* n);
    void compile_await();
    void compile_super_call(Node* n);
    void compile_args(const std::vector<Node*>& args, bool* spread, uint32_t* argc);
    void compile_property_key(Node* key, bool computed);  // pushes a key value
    std::string callee_text(Node* callee);
    void emit_load_this();
    void emit_throw_error(ErrorType type, const std::string& message);

    // ---- patterns (compiler_expr.cpp) ----
    // Assigns/binds the value on top of the stack to `target` (pops it).
    void compile_pattern_store(Node* target, bool is_declaration);
    void compile_object_pattern(Node* pattern, bool is_declaration);
    uint32_t coercible_message(Node* object_pattern);
    void compile_array_pattern(Node* pattern, bool is_declaration);

    CompileContext& ctx;
    FuncInfo* info;
    FunctionTemplate* tmpl;
    FunctionCompiler* parent;
    std::vector<Scope*> outer_chain;  // env scopes of enclosing functions, outermost first
    std::vector<Scope*> env_chain;    // env scopes pushed in this function
    std::vector<ControlEntry> controls;
    std::vector<uint32_t> free_temps;
    uint32_t next_slot = 1;
    int depth = 0;
    int max_depth = 0;
    Scope* current_scope = nullptr;
    bool is_generator = false;
    bool is_async = false;
    bool is_class_ctor = false;
    bool is_derived = false;
    bool has_instance_fields = false;
    std::unordered_map<std::string, uint32_t> name_constants_;  // look-up only
    std::vector<std::string> pending_labels;
    std::vector<std::string> program_params;  // the CommonJS wrapper's parameters
    SourcePos last_pos;
    size_t last_bind_pc = 0;
    bool statement_latent_ = false;  // a statement position awaits its first instruction
    Node* pattern_source = nullptr;  // initializer of the pattern being bound, for error text
    int pattern_nesting = 0;         // > 0 while compiling a pattern inside another pattern
};

ErrorType error_type_of_compile(const std::string& name);

}  // namespace looplab::js
