#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/js/lexer.h"

using namespace looplab::js;

namespace {

std::vector<Token> lex_all(std::string_view src) {
    Lexer lx(src);
    std::vector<Token> out;
    for (;;) {
        Token t = lx.next();
        bool done = t.kind == Tok::Eof || t.kind == Tok::Invalid;
        out.push_back(std::move(t));
        if (done) return out;
    }
}

Token lex_one(std::string_view src) { return lex_all(src).front(); }

}  // namespace

TEST_CASE("lexer: token kinds and punctuators (maximal munch)") {
    auto toks = lex_all("a >>>= b ?. c ?? d ?\?= e ... => ** **= #p");
    std::vector<Tok> kinds;
    for (auto& t : toks) kinds.push_back(t.kind);
    CHECK(kinds == std::vector<Tok>{Tok::Name, Tok::UShrAssign, Tok::Name, Tok::QuestionDot, Tok::Name,
                                    Tok::QuestionQuestion, Tok::Name, Tok::QuestionQuestionAssign, Tok::Name,
                                    Tok::Ellipsis, Tok::Arrow, Tok::StarStar, Tok::StarStarAssign,
                                    Tok::PrivateName, Tok::Eof});
    CHECK(toks.back().kind == Tok::Eof);
    CHECK(toks[13].value == "p");
    // `a?.5:b` is a conditional with .5, not an optional chain
    auto cond = lex_all("a?.5:b");
    CHECK(cond[1].kind == Tok::Question);
    CHECK(cond[2].kind == Tok::Number);
    CHECK(cond[2].num == 0.5);
}

TEST_CASE("lexer: numbers") {
    CHECK(lex_one("1_000_000").num == 1000000);
    CHECK(lex_one(".5").num == 0.5);
    CHECK(lex_one("1e3").num == 1000);
    CHECK(lex_one("0x1F").num == 31);
    CHECK(lex_one("0o17").num == 15);
    CHECK(lex_one("0b101").num == 5);
    CHECK(lex_one("0.1").num == 0.1);  // correctly rounded via strtod
    CHECK(lex_one("017").num == 15);   // legacy octal, sloppy only
    CHECK(lex_one("017").legacy_octal);
    CHECK(lex_one("09.5").num == 9.5);
    Token big = lex_one("123n");
    CHECK(big.kind == Tok::BigInt);
    CHECK(big.value == "123");
    CHECK(lex_one("0xffn").value == "255");
    CHECK(lex_one("0x10000000000000000n").value == "18446744073709551616");
}

TEST_CASE("lexer: number errors match V8") {
    Token t = lex_one("3in");
    CHECK(t.kind == Tok::Invalid);
    CHECK(t.error_message == "Invalid or unexpected token");
    t = lex_one("1__0");
    CHECK(t.error_message == "Only one underscore is allowed as numeric separator");
    CHECK(t.error_pos.column == 3);
    CHECK(lex_one("0_1").error_message == "Numeric separator can not be used after leading 0.");
    CHECK(lex_one("1.5n").kind == Tok::Invalid);
}

TEST_CASE("lexer: string escapes cook to UTF-8") {
    CHECK(lex_one(R"("a\nb\t\r\b\f\v\0")").value == std::string("a\nb\t\r\b\f\v\0", 9));
    CHECK(lex_one(R"("\x41\u0042\u{43}")").value == "ABC");
    CHECK(lex_one(R"("\u00e9")").value == "\xC3\xA9");
    CHECK(lex_one(R"("\uD83D\uDE00")").value == "\xF0\x9F\x98\x80");  // a surrogate pair joins
    CHECK(lex_one(R"("\u{1F600}")").value == "\xF0\x9F\x98\x80");
    CHECK(lex_one(R"("\uD800")").value == "\xED\xA0\x80");  // lone surrogate: WTF-8
    CHECK(lex_one("'a\\\nb'").value == "ab");                // line continuation
    CHECK(lex_one(R"('\q')").value == "q");
    CHECK(lex_one(R"("\101")").value == "A");  // legacy octal escape
    CHECK(lex_one(R"("\101")").legacy_octal);
    Token bad = lex_one(R"("\x4")");
    CHECK(bad.error_message == "Invalid hexadecimal escape sequence");
    CHECK(bad.error_pos.column == 2);
    CHECK(bad.error_length == 4);
    Token open = lex_one("\"abc");
    CHECK(open.error_message == "Invalid or unexpected token");
    CHECK(open.error_length == 4);
}

TEST_CASE("lexer: identifiers with escapes and unicode") {
    Token t = lex_one("\\u0061bc");
    CHECK(t.kind == Tok::Name);
    CHECK(t.value == "abc");
    CHECK(t.escaped);
    CHECK(lex_one("caf\xC3\xA9").value == "caf\xC3\xA9");
    CHECK(lex_one("$_x1").value == "$_x1");
}

TEST_CASE("lexer: templates cooked and raw") {
    Token t = lex_one("`a\\n${");
    CHECK(t.kind == Tok::Template);
    CHECK(!t.template_tail);
    CHECK(t.value == "a\n");
    CHECK(t.raw == "a\\n");
    Token crlf = lex_one("`x\r\ny`");
    CHECK(crlf.template_tail);
    CHECK(crlf.value == "x\ny");
    CHECK(crlf.raw == "x\ny");
    Token bad = lex_one("`\\x`");
    CHECK(bad.kind == Tok::Template);
    CHECK(bad.cooked_invalid);  // fine when tagged; the parser rejects it otherwise
}

TEST_CASE("lexer: regexp rescans a slash") {
    Lexer lx("/[/]\\/x/gi + 1");
    Token slash = lx.next();
    REQUIRE(slash.kind == Tok::Slash);
    Token re = lx.rescan_regexp(slash);
    CHECK(re.kind == Tok::RegExp);
    CHECK(re.value == "[/]\\/x");
    CHECK(re.raw == "gi");
    CHECK(lx.next().kind == Tok::Plus);
    Lexer bad("/a/gg");
    Token r2 = bad.rescan_regexp(bad.next());
    CHECK(r2.error_message == "Invalid regular expression flags");
}

TEST_CASE("lexer: positions, newlines and comments") {
    auto toks = lex_all("#!/usr/bin/env node\na /* x\n */ b // c\n  cc");
    REQUIRE(toks.size() == 4);
    CHECK(toks[0].pos.line == 2);
    CHECK(toks[0].pos.column == 1);
    CHECK(toks[1].newline_before);  // a multi-line comment counts as a line break
    CHECK(toks[1].pos.line == 3);
    CHECK(toks[1].pos.column == 5);
    CHECK(toks[2].newline_before);
    CHECK(toks[2].pos.line == 4);
    CHECK(toks[2].pos.column == 3);
    CHECK(toks[2].end.column == 5);
    Token open = lex_one("/* abc");
    CHECK(open.error_message == "Invalid or unexpected token");
    CHECK(open.error_length == 6);
}
