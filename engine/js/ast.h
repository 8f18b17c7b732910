// The abstract syntax tree that the parser produces and the compiler reads.
//
// One node type with a kind and a few generic slots keeps the parser and the
// compiler decoupled: the table next to each NodeKind says which slots that
// kind uses. Nodes live in an AstArena owned by the parsed Program, so
// pointers between nodes are plain and never dangle while the arena lives.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace looplab::js {

struct SourcePos {
    uint32_t offset = 0;  // byte offset into the source
    uint32_t line = 1;    // 1-based
    uint32_t column = 1;  // 1-based, in bytes
};

enum class NodeKind : uint8_t {
    // ---- program and statements ----
    Program,         // list = statements; flags.strict
    VarDecl,         // var_kind; list = VarDeclarator
    VarDeclarator,   // a = target (Identifier | ObjectPattern | ArrayPattern), b = init or null
    FunctionDecl,    // a Function node used as a statement (same slots as Function)
    ClassDecl,       // a Class node used as a statement (same slots as Class)
    Return,          // a = argument or null
    If,              // a = test, b = consequent, c = alternate or null
    For,             // a = init (VarDecl | expression | null), b = test or null, c = update or null, d = body
    ForIn,           // a = left (VarDecl with one declarator and no init | assignment target), b = object, c = body
    ForOf,           // as ForIn; flags.is_await for `for await`
    While,           // a = test, b = body
    DoWhile,         // a = body, b = test
    Break,           // str = label or ""
    Continue,        // str = label or ""
    Labeled,         // str = label, a = body
    Throw,           // a = argument
    Try,             // a = block, b = catch parameter pattern or null, c = catch block or null, d = finally block or null
    Switch,          // a = discriminant; list = SwitchCase
    SwitchCase,      // a = test or null (default); list = statements
    Block,           // list = statements
    ExpressionStmt,  // a = expression
    Empty,           // ;
    Debugger,        // debugger;

    // ---- expressions ----
    Identifier,      // str = name
    NumberLit,       // num
    StringLit,       // str = cooked value (UTF-8)
    TemplateLit,     // strs = cooked quasis (strs.size() == list.size() + 1), raws = raw quasis; list = expressions
    TaggedTemplate,  // a = tag expression, b = TemplateLit
    RegExpLit,       // str = pattern, str2 = flags
    BigIntLit,       // str = decimal digits (without the trailing n)
    BoolLit,         // flags.bool_value
    NullLit,
    This,
    Super,           // only as callee of a Call (super(...)) or object of a Member (super.x)
    ArrayLit,        // list = elements; a null element is a hole; Spread allowed
    ObjectLit,       // list = Property | Spread
    Property,        // a = key, b = value; prop_kind; flags.computed, flags.shorthand
                     // key: Identifier (a name), StringLit or NumberLit, or any expression when computed
                     // for methods/getters/setters b is a Function
    Function,        // str = name or ""; list = params (patterns, AssignPattern, RestElement);
                     // a = body: Block, or an expression when flags.expression_body (concise arrow)
                     // flags.is_arrow, is_async, is_generator, is_method, is_getter, is_setter
    Class,           // str = name or ""; a = superclass or null; list = ClassMember
    ClassMember,     // a = key (as Property keys), b = Function (method/get/set/constructor) or field initializer or null
                     // member_kind; flags.is_static, flags.computed
    StaticBlock,     // a = Block (static { ... } inside a class body)
    Unary,           // op (Neg Plus Not BitNot Typeof Void Delete), a = argument
    Update,          // op (Inc Dec), flags.prefix, a = target (Identifier | Member)
    Binary,          // op, a = left, b = right (arithmetic, comparison, bitwise, In, Instanceof)
    Logical,         // op (And Or Nullish), a, b
    Assign,          // op (Assign or a compound op), a = target (Identifier | Member | pattern when op == Assign), b = value
    Conditional,     // a = test, b = consequent, c = alternate
    Call,            // a = callee, list = arguments (Spread allowed); flags.optional for f?.()
    New,             // a = callee, list = arguments
    Member,          // a = object, b = property; flags.computed (o[x]) else b is an Identifier (o.x)
                     // flags.optional for o?.x ; b may be a PrivateName (o.#x)
    PrivateName,     // str = name without '#'
    OptionalChain,   // a = the chain; marks where a short-circuiting ?. ends
    Sequence,        // list = expressions
    Spread,          // a = argument (in calls, array and object literals)
    Yield,           // a = argument or null; flags.delegate for yield*
    Await,           // a = argument
    MetaProperty,    // str = "new.target" or "import.meta"

    // ---- patterns (binding and assignment targets) ----
    ObjectPattern,   // list = PatternProperty | RestElement
    PatternProperty, // a = key (as Property keys), b = value pattern; flags.computed, flags.shorthand
    ArrayPattern,    // list = elements: pattern, null (hole) or RestElement
    AssignPattern,   // a = target pattern, b = default value
    RestElement,     // a = target pattern
};

enum class Op : uint8_t {
    None,
    // binary arithmetic
    Add, Sub, Mul, Div, Mod, Exp,
    // bitwise / shifts
    BitAnd, BitOr, BitXor, Shl, Shr, UShr,
    // comparison
    Eq, NotEq, StrictEq, StrictNotEq, Lt, Gt, LtEq, GtEq, In, Instanceof,
    // logical
    And, Or, Nullish,
    // unary
    Neg, Plus, Not, BitNot, Typeof, Void, Delete,
    // update
    Inc, Dec,
    // assignment: Assign is '='; compound assignments name the binary op they apply
    Assign, AddAssign, SubAssign, MulAssign, DivAssign, ModAssign, ExpAssign,
    BitAndAssign, BitOrAssign, BitXorAssign, ShlAssign, ShrAssign, UShrAssign,
    AndAssign, OrAssign, NullishAssign,
};

enum class VarKind : uint8_t { Var, Let, Const };
enum class PropKind : uint8_t { Init, Method, Get, Set };
enum class MemberKind : uint8_t { Method, Get, Set, Constructor, Field };

struct NodeFlags {
    bool strict = false;
    bool is_await = false;
    bool bool_value = false;
    bool computed = false;
    bool shorthand = false;
    bool expression_body = false;
    bool is_arrow = false;
    bool is_async = false;
    bool is_generator = false;
    bool is_method = false;
    bool is_getter = false;
    bool is_setter = false;
    bool is_static = false;
    bool prefix = false;
    bool optional = false;
    bool delegate = false;
};

struct Node {
    NodeKind kind = NodeKind::Empty;
    Op op = Op::None;
    VarKind var_kind = VarKind::Var;
    PropKind prop_kind = PropKind::Init;
    MemberKind member_kind = MemberKind::Method;
    NodeFlags flags;
    SourcePos pos;      // where the node starts
    SourcePos end;      // just past where the node ends
    SourcePos op_pos;   // Assign: the operator; computed Member: the `[` (V8's expression positions)
    Node* a = nullptr;
    Node* b = nullptr;
    Node* c = nullptr;
    Node* d = nullptr;
    double num = 0;
    std::string str;
    std::string str2;
    std::vector<Node*> list;
    std::vector<std::string> strs;  // TemplateLit cooked quasis
    std::vector<std::string> raws;  // TemplateLit raw quasis
};

// Owns every node of one parse. std::deque keeps node addresses stable.
class AstArena {
public:
    Node* make(NodeKind kind, SourcePos pos) {
        Node& n = nodes_.emplace_back();
        n.kind = kind;
        n.pos = pos;
        n.end = pos;
        return &n;
    }
    size_t size() const { return nodes_.size(); }

private:
    std::deque<Node> nodes_;
};

// A parse error, reported the way node reports a SyntaxError: the line and
// column of the offending token and V8's message text.
struct ParseError {
    std::string message;  // e.g. "Unexpected token ';'" or "Unexpected end of input"
    SourcePos pos;
    uint32_t length = 1;            // bytes under node's caret (^^^), 0 at end of input (added by the parser)
    std::string name = "SyntaxError";  // "RangeError" when nesting is too deep, as V8 reports (added by the parser)
};

struct ParsedProgram {
    AstArena arena;
    Node* root = nullptr;  // NodeKind::Program, or null when error is set
    bool ok = false;
    ParseError error;
};

}  // namespace looplab::js
