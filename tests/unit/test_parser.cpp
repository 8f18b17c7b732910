#include <doctest/doctest.h>

#include <string>

#include "engine/js/parser.h"

using namespace looplab::js;

namespace {

// A compact S-expression of the tree: enough to pin the node shapes the
// compiler depends on without spelling out every slot.
std::string dump(const Node* n);

std::string dump_list(const std::vector<Node*>& list) {
    std::string s;
    for (const Node* e : list) s += " " + dump(e);
    return s;
}

std::string flags_of(const Node* n) {
    std::string s;
    if (n->flags.optional) s += "?";
    if (n->flags.computed) s += "[]";
    if (n->flags.shorthand) s += "sh";
    if (n->flags.is_static) s += "static";
    if (n->flags.is_async) s += "async";
    if (n->flags.is_generator) s += "*";
    if (n->flags.is_arrow) s += "=>";
    if (n->flags.is_method) s += "m";
    if (n->flags.is_getter) s += "get";
    if (n->flags.is_setter) s += "set";
    if (n->flags.strict) s += "strict";
    return s.empty() ? "" : ":" + s;
}

std::string dump(const Node* n) {
    if (!n) return "_";
    auto slots = [&] { return (n->a ? " " + dump(n->a) : "") + (n->b ? " " + dump(n->b) : "") +
                              (n->c ? " " + dump(n->c) : "") + (n->d ? " " + dump(n->d) : ""); };
    switch (n->kind) {
        case NodeKind::Program: return "(Program" + flags_of(n) + dump_list(n->list) + ")";
        case NodeKind::ExpressionStmt: return dump(n->a);
        case NodeKind::Identifier: return n->str;
        case NodeKind::PrivateName: return "#" + n->str;
        case NodeKind::NumberLit: {
            std::string s = std::to_string(n->num);
            s.erase(s.find_last_not_of('0') + 1);
            if (s.back() == '.') s.pop_back();
            return s;
        }
        case NodeKind::StringLit: return "'" + n->str + "'";
        case NodeKind::BigIntLit: return n->str + "n";
        case NodeKind::RegExpLit: return "/" + n->str + "/" + n->str2;
        case NodeKind::This: return "this";
        case NodeKind::Super: return "super";
        case NodeKind::NullLit: return "null";
        case NodeKind::BoolLit: return n->flags.bool_value ? "true" : "false";
        case NodeKind::TemplateLit: {
            std::string s = "(Tpl";
            for (size_t i = 0; i < n->strs.size(); ++i) {
                s += " '" + n->strs[i] + "'";
                if (i < n->list.size()) s += " " + dump(n->list[i]);
            }
            return s + ")";
        }
        default: break;
    }
    static const char* names[] = {
        "Program", "VarDecl", "VarDeclarator", "FunctionDecl", "ClassDecl", "Return", "If", "For", "ForIn",
        "ForOf", "While", "DoWhile", "Break", "Continue", "Labeled", "Throw", "Try", "Switch", "SwitchCase",
        "Block", "ExpressionStmt", "Empty", "Debugger", "Identifier", "NumberLit", "StringLit", "TemplateLit",
        "TaggedTemplate", "RegExpLit", "BigIntLit", "BoolLit", "NullLit", "This", "Super", "ArrayLit",
        "ObjectLit", "Property", "Function", "Class", "ClassMember", "StaticBlock", "Unary", "Update", "Binary",
        "Logical", "Assign", "Conditional", "Call", "New", "Member", "PrivateName", "OptionalChain", "Sequence",
        "Spread", "Yield", "Await", "MetaProperty", "ObjectPattern", "PatternProperty", "ArrayPattern",
        "AssignPattern", "RestElement"};
    std::string s = std::string("(") + names[int(n->kind)] + flags_of(n);
    if (!n->str.empty()) s += " " + n->str;
    if (n->kind == NodeKind::ClassMember) {
        static const char* mk[] = {"method", "get", "set", "ctor", "field"};
        s += std::string(" ") + mk[int(n->member_kind)];
    }
    if (n->kind == NodeKind::Property && n->prop_kind != PropKind::Init) s += " method";
    if (n->kind == NodeKind::VarDecl) s += n->var_kind == VarKind::Var ? " var" : n->var_kind == VarKind::Let ? " let" : " const";
    if (n->kind == NodeKind::Function || n->kind == NodeKind::FunctionDecl) {
        return s + " (" + dump_list(n->list).substr(n->list.empty() ? 0 : 1) + ")" + (n->a ? " " + dump(n->a) : "") + ")";
    }
    return s + slots() + dump_list(n->list) + ")";
}

std::string ast(std::string_view src) {
    ParsedProgram p = parse_program(src);
    if (!p.ok) return "ERROR " + p.error.message;
    std::string s = dump(p.root);
    return s.substr(9, s.size() - 10);  // strip "(Program " and ")"
}

struct ErrorCase {
    const char* source;
    uint32_t line, column, length;
    const char* message;
};

}  // namespace

TEST_CASE("parser: expressions and precedence") {
    CHECK(ast("a + b * c ** d ** e;") == "(Binary a (Binary b (Binary c (Binary d e))))");
    CHECK(ast("a || b && c") == "(Logical a (Logical b c))");
    CHECK(ast("a ?? b ?? c") == "(Logical (Logical a b) c)");
    CHECK(ast("(a || b) ?? c") == "(Logical (Logical a b) c)");
    CHECK(ast("a = b ? c : d, e") == "(Sequence (Assign a (Conditional b c d)) e)");
    CHECK(ast("x = (-2) ** 2") == "(Assign x (Binary (Unary 2) 2))");
    CHECK(ast("obj.default + o.class") == "(Binary (Member obj default) (Member o class))");
    CHECK(ast("new a.b(c)") == "(New (Member a b) c)");
    CHECK(ast("new new X()()") == "(New (New X))");
    CHECK(ast("i++ + --j") == "(Binary (Update i) (Update j))");
    CHECK(ast("x = {class: 1, 'a': 2, 3: 4, [k]: 5}") ==
          "(Assign x (ObjectLit (Property class 1) (Property 'a' 2) (Property 3 4) (Property:[] k 5)))");
    CHECK(ast("[a, , ...b]") == "(ArrayLit a _ (Spread b))");
    CHECK(ast("f(...a, b)") == "(Call f (Spread a) b)");
    CHECK(ast("x = 123n") == "(Assign x 123n)");
    CHECK(ast("typeof a === 'x'") == "(Binary (Unary a) 'x')");
}

TEST_CASE("parser: automatic semicolon insertion") {
    CHECK(ast("a\nb") == "a b");
    CHECK(ast("a\n++b") == "a (Update b)");  // postfix ++ may not follow a line break
    CHECK(ast("function f() { return\n1 }") == "(FunctionDecl f () (Block (Return) 1))");
    CHECK(ast("x = () => {}\n(1)") == "(Assign x (Function:=> () (Block))) 1");
    CHECK(ast("do x; while (y) z") == "(DoWhile x y) z");
    CHECK(ast("{ a } b") == "(Block a) b");
    CHECK(ast("while (1) { break\nfoo }") == "(While 1 (Block (Break) foo))");
    CHECK(ast("a = b\n(c)") == "(Assign a (Call b c))");  // no ASI: the call continues
}

TEST_CASE("parser: regexp versus division") {
    CHECK(ast("a / b / c") == "(Binary (Binary a b) c)");
    CHECK(ast("x = /a/g.test(s)") == "(Assign x (Call (Member /a/g test) s))");
    CHECK(ast("x = a\n/b/g") == "(Assign x (Binary (Binary a b) g))");
    CHECK(ast("if (x) /re/.exec(y)") == "(If x (Call (Member /re/ exec) y))");
    CHECK(ast("x = y /= 2") == "(Assign x (Assign y 2))");
    CHECK(ast("x = [/=/]") == "(Assign x (ArrayLit /=/))");
}

TEST_CASE("parser: templates") {
    CHECK(ast("`a${b}c${d}e`") == "(Tpl 'a' b 'c' d 'e')");
    CHECK(ast("`x${ {a: 1}.a }y`") == "(Tpl 'x' (Member (ObjectLit (Property a 1)) a) 'y')");
    CHECK(ast("tag`a${1}`") == "(TaggedTemplate tag (Tpl 'a' 1 ''))");
    CHECK(ast("`${`${a}`}`") == "(Tpl '' (Tpl '' a '') '')");
    ParsedProgram p = parse_program("String.raw`\\n${x}`");
    REQUIRE(p.ok);
    const Node* tpl = p.root->list[0]->a->b;
    CHECK(tpl->raws[0] == "\\n");
    CHECK(tpl->strs[0] == "\n");
    // An invalid escape is fine when tagged; its cooked value (undefined in JS) is stored as "".
    CHECK(ast("tag`\\unicode`") == "(TaggedTemplate tag (Tpl ''))");
}

TEST_CASE("parser: destructuring converts to patterns") {
    CHECK(ast("[a, b = 1, ...c] = x") == "(Assign (ArrayPattern a (AssignPattern b 1) (RestElement c)) x)");
    CHECK(ast("({a, b: {c}, d = 2, ...r} = o)") ==
          "(Assign (ObjectPattern (PatternProperty:sh a a) (PatternProperty b (ObjectPattern (PatternProperty:sh c c))) "
          "(PatternProperty:sh d (AssignPattern d 2)) (RestElement r)) o)");
    CHECK(ast("[o.x, [y] = []] = z") == "(Assign (ArrayPattern (Member o x) (AssignPattern (ArrayPattern y) (ArrayLit))) z)");
    CHECK(ast("for ({a} of b);") == "(ForOf (ObjectPattern (PatternProperty:sh a a)) b (Empty))");
    CHECK(ast("for (const [k, v] of m);") ==
          "(ForOf (VarDecl const (VarDeclarator (ArrayPattern k v))) m (Empty))");
    CHECK(ast("let {a: [b] = [], ...c} = d") ==
          "(VarDecl let (VarDeclarator (ObjectPattern (PatternProperty a (AssignPattern (ArrayPattern b) (ArrayLit))) "
          "(RestElement c)) d))");
}

TEST_CASE("parser: arrow functions and params") {
    CHECK(ast("(a, {b}, [c] = [], ...d) => a") ==
          "(Function:=> (a (ObjectPattern (PatternProperty:sh b b)) (AssignPattern (ArrayPattern c) (ArrayLit)) "
          "(RestElement d)) a)");
    CHECK(ast("x => y => x") == "(Function:=> (x) (Function:=> (y) x))");
    CHECK(ast("async x => await x") == "(Function:async=> (x) (Await x))");
    CHECK(ast("async (a = 1) => {}") == "(Function:async=> ((AssignPattern a 1)) (Block))");
    CHECK(ast("async(a, b)") == "(Call async a b)");
    CHECK(ast("({a = 1}) => a") == "(Function:=> ((ObjectPattern (PatternProperty:sh a (AssignPattern a 1)))) a)");
    CHECK(ast("function f(a, [b], {c} = {}, ...d) {}") ==
          "(FunctionDecl f (a (ArrayPattern b) (AssignPattern (ObjectPattern (PatternProperty:sh c c)) (ObjectLit)) "
          "(RestElement d)) (Block))");
}

TEST_CASE("parser: object methods, getters, setters") {
    CHECK(ast("x = {m() {}, get g() {}, set s(v) {}, async *ag() {}, get: 1, async() {}}") ==
          "(Assign x (ObjectLit (Property method m (Function:m () (Block))) (Property method g (Function:mget () (Block))) "
          "(Property method s (Function:mset (v) (Block))) (Property method ag (Function:async*m () (Block))) "
          "(Property get 1) (Property method async (Function:m () (Block)))))");
}

TEST_CASE("parser: classes") {
    CHECK(ast("class A extends B { constructor() { super(); } static x = 1; #p = 2; #m() { return this.#p; } "
              "get v() { return super.v; } static { this.y = 3; } [k]; static async *gen() {} }") ==
          "(ClassDecl A B (ClassMember ctor constructor (Function:mstrict () (Block (Call super)))) "
          "(ClassMember:static field x 1) (ClassMember field #p 2) "
          "(ClassMember method #m (Function:mstrict () (Block (Return (Member this #p))))) "
          "(ClassMember get v (Function:mgetstrict () (Block (Return (Member super v))))) "
          "(StaticBlock (Block (Assign (Member this y) 3))) (ClassMember:[] field k) "
          "(ClassMember:static method gen (Function:async*mstrict () (Block))))");
    CHECK(ast("x = class { static = 1; get; set = 2; async }") ==
          "(Assign x (Class (ClassMember field static 1) (ClassMember field get) (ClassMember field set 2) "
          "(ClassMember field async)))");
    CHECK(ast("class A { #x; has(o) { return #x in o; } }") ==
          "(ClassDecl A (ClassMember field #x) (ClassMember method has (Function:mstrict (o) (Block (Return (Binary #x o))))))");
}

TEST_CASE("parser: optional chains") {
    CHECK(ast("a?.b.c(d)") == "(OptionalChain (Call (Member (Member:? a b) c) d))");
    CHECK(ast("a?.[0]?.(1)") == "(OptionalChain (Call:? (Member:?[] a 0) 1))");
    CHECK(ast("(a?.b).c") == "(Member (OptionalChain (Member:? a b)) c)");
    CHECK(ast("x = a?.5:1") == "(Assign x (Conditional a 0.5 1))");
}

TEST_CASE("parser: statements") {
    CHECK(ast("for (let i = 0; i < n; i++) continue;") ==
          "(For (VarDecl let (VarDeclarator i 0)) (Binary i n) (Update i) (Continue))");
    CHECK(ast("for (var k in o);") == "(ForIn (VarDecl var (VarDeclarator k)) o (Empty))");
    CHECK(ast("for (x = 'a' in o ? 1 : 2;;);") == "ERROR Invalid left-hand side in for-loop");
    CHECK(ast("for (var i = ('a' in o); ;);") == "(For (VarDecl var (VarDeclarator i (Binary 'a' o))) (Empty))");
    CHECK(ast("async function f() { for await (const x of y); }") ==
          "(FunctionDecl:async f () (Block (ForOf (VarDecl const (VarDeclarator x)) y (Empty))))");
    CHECK(ast("outer: for (;;) { inner: while (1) continue outer; }") ==
          "(Labeled outer (For (Block (Labeled inner (While 1 (Continue outer))))))");
    CHECK(ast("try { a } catch ({message}) { b } finally { c }") ==
          "(Try (Block a) (ObjectPattern (PatternProperty:sh message message)) (Block b) (Block c))");
    CHECK(ast("try {} catch {}") == "(Try (Block) (Block))");
    CHECK(ast("switch (x) { case 1: a; default: b }") == "(Switch x (SwitchCase 1 a) (SwitchCase b))");
    CHECK(ast("function* g() { yield; yield* a; yield b }") ==
          "(FunctionDecl:* g () (Block (Yield) (Yield a) (Yield b)))");
    CHECK(ast("function f() { return new.target }") == "(FunctionDecl f () (Block (Return (MetaProperty new.target))))");
    CHECK(ast("return 1") == "(Return 1)");  // a CommonJS module body is a function body
    CHECK(ast("var await = 1; let async = 2") == "(VarDecl var (VarDeclarator await 1)) (VarDecl let (VarDeclarator async 2))");
    CHECK(ast("if (a) function f() {}") == "(If a (Block (FunctionDecl f () (Block))))");
}

TEST_CASE("parser: strict mode directives") {
    ParsedProgram p = parse_program("'use strict'; x");
    REQUIRE(p.ok);
    CHECK(p.root->flags.strict);
    CHECK(ast("function f() { 'use strict' }") == "(FunctionDecl:strict f () (Block 'use strict'))");
    CHECK(!parse_program("x; 'use strict'").root->flags.strict);
    CHECK(!parse_program("'use\\x20strict'").root->flags.strict);
    CHECK(ast("'use strict'; var let = 1") == "ERROR Unexpected strict mode reserved word");
    CHECK(parse_program("var let = 1, yield = 2, x = 017").ok);  // sloppy mode allows all three
}

TEST_CASE("parser: positions are 1-based lines and byte columns") {
    ParsedProgram p = parse_program("let x = 1;\n  foo(bar);\n");
    REQUIRE(p.ok);
    const Node* call = p.root->list[1]->a;
    CHECK(call->pos.line == 2);
    CHECK(call->pos.column == 3);
    CHECK(call->end.column == 11);
    CHECK(call->list[0]->pos.column == 7);
    CHECK(p.root->list[0]->pos.offset == 0);
    CHECK(p.root->list[0]->end.offset == 10);
}

TEST_CASE("parser: nesting too deep is a RangeError, not a crash") {
    std::string deep(100000, '(');
    ParsedProgram p = parse_program(deep);
    CHECK(!p.ok);
    CHECK(p.error.name == "RangeError");
    CHECK(p.error.message == "Maximum call stack size exceeded");
    std::string ok = std::string(500, '[') + std::string(500, ']');
    CHECK(parse_program(ok).ok);
}

// Each expectation below was produced by running the program with node
// v20.20 (`node bad.js`) and reading line, caret column, caret length and
// message from its stderr.
TEST_CASE("parser: error messages and carets match node") {
    const ErrorCase cases[] = {
        {"let a = ;", 1, 9, 1, "Unexpected token ';'"},
        {"let a; let a;", 1, 12, 1, "Identifier 'a' has already been declared"},
        {"let a; var a;", 1, 12, 1, "Identifier 'a' has already been declared"},
        {"var a; let a;", 1, 12, 1, "Identifier 'a' has already been declared"},
        {"let a; { var a; }", 1, 14, 1, "Identifier 'a' has already been declared"},
        {"foo bar", 1, 5, 3, "Unexpected identifier 'bar'"},
        {"(", 1, 2, 0, "Unexpected end of input"},
        {"a +", 1, 4, 0, "Unexpected end of input"},
        {"\"abc", 1, 1, 4, "Invalid or unexpected token"},
        {"`abc", 1, 5, 0, "Unexpected end of input"},
        {"/abc", 1, 1, 1, "Invalid regular expression: missing /"},
        {"x = 1 @", 1, 7, 1, "Invalid or unexpected token"},
        {"3in x", 1, 1, 1, "Invalid or unexpected token"},
        {"f(1, 2;", 1, 6, 1, "missing ) after argument list"},
        {"if (x) let y = 1;", 1, 8, 3, "Lexical declaration cannot appear in a single-statement context"},
        {"break;", 1, 1, 5, "Illegal break statement"},
        {"continue;", 1, 1, 8, "Illegal continue statement: no surrounding iteration statement"},
        {"while(1) { continue foo; }", 1, 21, 3, "Undefined label 'foo'"},
        {"foo: { continue foo; }", 1, 17, 3, "Illegal continue statement: 'foo' does not denote an iteration statement"},
        {"const a;", 1, 7, 1, "Missing initializer in const declaration"},
        {"1 = 2", 1, 1, 1, "Invalid left-hand side in assignment"},
        {"a + 1 = 2", 1, 1, 5, "Invalid left-hand side in assignment"},
        {"[a + 1] = x", 1, 2, 5, "Invalid destructuring assignment target"},
        {"({a: 1} = x)", 1, 6, 1, "Invalid destructuring assignment target"},
        {"1++", 1, 1, 1, "Invalid left-hand side expression in postfix operation"},
        {"++1", 1, 3, 1, "Invalid left-hand side expression in prefix operation"},
        {"for (1 in x);", 1, 6, 1, "Invalid left-hand side in for-loop"},
        {"for (let a, b of x);", 1, 10, 4, "Invalid left-hand side in for-of loop: Must have a single binding."},
        {"-2 ** 2", 1, 1, 5,
         "Unary operator used immediately before exponentiation expression. Parenthesis must be used to "
         "disambiguate operator precedence"},
        {"function f() { await x }", 1, 16, 5,
         "await is only valid in async functions and the top level bodies of modules"},
        {"function* g() { yield = 1 }", 1, 23, 1, "Unexpected token '='"},
        {"\"use strict\"; var interface = 1", 1, 19, 9, "Unexpected strict mode reserved word"},
        {"throw\nx", 1, 1, 5, "Illegal newline after throw"},
        {"a\n=> 1", 2, 1, 2, "Unexpected token '=>'"},
        {"({a = 1})", 1, 3, 5, "Invalid shorthand property initializer"},
        {"class A { constructor(){} constructor(){} }", 1, 27, 11, "A class may only have one constructor"},
        {"var x = { get a(b) {} }", 1, 16, 3, "Getter must not have any formal parameters."},
        {"var x = { set a() {} }", 1, 16, 2, "Setter must have exactly one formal parameter."},
        {"x?.y = 1", 1, 1, 4, "Invalid left-hand side in assignment"},
        {"new x?.y", 1, 6, 2, "Invalid optional chain from new expression"},
        {"a?.`t`", 1, 4, 3, "Invalid tagged template on optional chain"},
        {"\"use strict\"; with (x) {}", 1, 15, 4, "Strict mode code may not include a with statement"},
        {"\"use strict\"; delete x", 1, 22, 1, "Delete of an unqualified identifier in strict mode."},
        {"var if = 1", 1, 5, 2, "Unexpected token 'if'"},
        {"var \\u0069f = 1", 1, 5, 7, "Keyword must not contain escaped characters"},
        {"async function f() { var await = 1 }", 1, 26, 5, "Unexpected reserved word"},
        {"function* g() { var yield = 1 }", 1, 21, 5, "Unexpected identifier 'yield'"},
        {"(a+b) => 1", 1, 2, 3, "Invalid destructuring assignment target"},
        {"(...a, b) => 1", 1, 5, 1, "Rest parameter must be last formal parameter"},
        {"function f(...a, b) {}", 1, 16, 1, "Rest parameter must be last formal parameter"},
        {"()", 1, 2, 1, "Unexpected token ')'"},
        {"(a,)", 1, 4, 1, "Unexpected token ')'"},
        {"(...a)", 1, 2, 3, "Unexpected token '...'"},
        {"x = #foo", 1, 3, 1, "Private field '#foo' must be declared in an enclosing class"},
        {"class A { m() { this.#x } }", 1, 21, 1, "Private field '#x' must be declared in an enclosing class"},
        {"super()", 1, 1, 5, "'super' keyword unexpected here"},
        {"class A { constructor() { super() } }", 1, 27, 5, "'super' keyword unexpected here"},
        {"function f(a = 1) { \"use strict\" }", 1, 21, 12,
         "Illegal 'use strict' directive in function with non-simple parameter list"},
        {"new.foo", 1, 5, 3, "Unexpected identifier 'foo'"},
        {"x = {a: 1,,}", 1, 11, 1, "Unexpected token ','"},
        {"function (", 1, 1, 8, "Function statements require a function name"},
        {"var [a] ;", 1, 5, 3, "Missing initializer in destructuring declaration"},
        {"for (const x = 1 of y);", 1, 12, 5, "for-of loop variable declaration may not have an initializer."},
        {"for (let x = 1 in y);", 1, 10, 5, "for-in loop variable declaration may not have an initializer."},
        {"class A { get constructor() {} }", 1, 15, 11, "Class constructor may not be an accessor"},
        {"class A { static prototype() {} }", 1, 18, 9, "Classes may not have a static property named 'prototype'"},
        {"class A { #a; #a; }", 1, 17, 1, "Identifier '#a' has already been declared"},
        {"class A { #constructor }", 1, 11, 12, "Classes may not have a field named 'constructor'"},
        {"let let = 1", 1, 5, 3, "let is disallowed as a lexically bound name"},
        {"while (a) function f(){}", 1, 11, 8,
         "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of "
         "an if statement."},
        {"for (x of y, z);", 1, 12, 1, "Unexpected token ','"},
        {"try {}", 1, 6, 1, "Missing catch or finally after try"},
        {"switch (x) { default: default: }", 1, 23, 7, "More than one default clause in switch statement"},
        {"label: label: ;", 1, 8, 5, "Label 'label' has already been declared"},
        {"1__0", 1, 3, 1, "Only one underscore is allowed as numeric separator"},
        {"x = 0_1", 1, 6, 1, "Numeric separator can not be used after leading 0."},
        {"x = 1_.5", 1, 7, 1, "Numeric separators are not allowed at the end of numeric literals"},
        {"0x", 1, 1, 2, "Invalid or unexpected token"},
        {"x = 123abc", 1, 5, 3, "Invalid or unexpected token"},
        {"\"\\x4\"", 1, 2, 4, "Invalid hexadecimal escape sequence"},
        {"\"\\u{110000}\"", 1, 2, 9, "Undefined Unicode code-point"},
        {"/a/gg", 1, 1, 1, "Invalid regular expression flags"},
        {"/* abc", 1, 1, 6, "Invalid or unexpected token"},
        {"\"use strict\"; 017", 1, 15, 3, "Octal literals are not allowed in strict mode."},
        {"x = `a${1}b${", 1, 14, 0, "Unexpected end of input"},
        {"x = 5.toString()", 1, 5, 2, "Invalid or unexpected token"},
        {"x = 07.5", 1, 7, 2, "Unexpected number"},
        {"x = function(){} /re/", 1, 22, 0, "Unexpected end of input"},
        {"x = a ?? b || c", 1, 12, 2, "Unexpected token '||'"},
    };
    for (const ErrorCase& c : cases) {
        CAPTURE(c.source);
        ParsedProgram p = parse_program(c.source);
        REQUIRE(!p.ok);
        CHECK(p.error.message == c.message);
        CHECK(p.error.name == "SyntaxError");
        CHECK(p.error.pos.line == c.line);
        CHECK(p.error.pos.column == c.column);
        CHECK(p.error.length == c.length);
    }
}

// With "type": "commonjs" node 20 reports these; without it, node 20.20
// detects ES module syntax and re-runs the file as a module, which looplab
// does not support.
TEST_CASE("parser: module syntax in a CommonJS script") {
    ParsedProgram imp = parse_program("let x = 1;\nimport x from 'y'\n");
    CHECK(imp.error.message == "Cannot use import statement outside a module");
    CHECK(imp.error.pos.line == 2);
    CHECK(imp.error.length == 6);
    CHECK(parse_program("export const a = 1").error.message == "Unexpected token 'export'");
    CHECK(parse_program("await x;").error.message ==
          "await is only valid in async functions and the top level bodies of modules");
}
