#include "formula_parser.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <utility>
#include <vector>

namespace actlab::formula {

namespace {

enum class Tok {
    End,
    Number,
    Name,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LParen,
    RParen,
    Comma,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
};

struct Token {
    Tok kind = Tok::End;
    int column = 1;
    std::string_view text;
    double value = 0;
    double valueLo = 0;
};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isNameChar(char c) {
    return isNameStart(c) || isDigit(c);
}
bool isContinuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string at(int column) {
    return " at column " + std::to_string(column);
}

/// The rounding error of a decimal literal, `exact − value`, when it can be computed exactly
/// from the digits: a mantissa M below 2⁵³ and a power of ten 10ᵏ with |k| ≤ 22 are exact
/// doubles, and so are the remainder M − q·10ᵏ of the quotient and the error of the product
/// (fma). Else 0. "0.1" is 0.1000000000000000055511... as a double: the formula means 1/10,
/// and the evaluator carries the difference (docs/formula-language.md, numerics).
double literalLowPart(std::string_view digits, double value) {
    std::uint64_t mantissa = 0;
    int fraction = 0, significant = 0, exponent = 0;
    bool inFraction = false;
    std::size_t i = 0;
    for (; i < digits.size(); ++i) {
        const char c = digits[i];
        if (c == '.') {
            inFraction = true;
            continue;
        }
        if (c < '0' || c > '9') break;
        if (inFraction) ++fraction;
        if (mantissa == 0 && c == '0') continue;
        if (++significant > 16) return 0;
        mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (i + 1 < digits.size()) {  // the exponent: [eE][+-]digits, validated by the lexer
        const std::string_view e = digits.substr(i + 1);
        const char* begin = e.data() + (e[0] == '+' ? 1 : 0);
        if (std::from_chars(begin, e.data() + e.size(), exponent).ec != std::errc()) return 0;
    }
    constexpr std::uint64_t kExact = std::uint64_t{1} << 53;
    const int k = exponent - fraction;
    if (mantissa == 0 || mantissa > kExact || k < -22 || k > 22) return 0;
    const double m = static_cast<double>(mantissa);
    double p = 1;
    for (int n = 0; n < (k < 0 ? -k : k); ++n) p *= 10;  // exact up to 1e22
    const double lo = k < 0 ? std::fma(-value, p, m) / p : std::fma(m, p, -value);
    return std::isfinite(lo) ? lo : 0;
}

/// The character that starts at `text[i]` for a message: itself when printable ASCII, the whole
/// UTF-8 sequence when it is one, else its byte value.
std::string describeCharacter(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x21 && c < 0x7F) return "'" + std::string(1, text[i]) + "'";
    if (c >= 0xC2 && c <= 0xF4) {
        std::size_t end = i + 1;
        while (end < text.size() && end - i < 4 && isContinuation(text[end])) ++end;
        if (end - i >= 2) return "'" + std::string(text.substr(i, end - i)) + "'";
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "(byte 0x%02X)", c);
    return buf;
}

/// Splits the text into tokens; false with `error` set on a character that cannot start one.
bool tokenize(std::string_view text, std::vector<Token>& out, std::string& error,
              int& errorColumn) {
    int column = 1;
    std::size_t i = 0;
    const auto advanceTo = [&](std::size_t j) {
        for (; i < j; ++i)
            if (!isContinuation(text[i])) ++column;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            advanceTo(i + 1);
            continue;
        }
        Token t;
        t.column = column;
        std::size_t j = i + 1;
        if (isDigit(c) || (c == '.' && i + 1 < text.size() && isDigit(text[i + 1]))) {
            j = i;
            while (j < text.size() && isDigit(text[j])) ++j;
            if (j < text.size() && text[j] == '.') ++j;
            while (j < text.size() && isDigit(text[j])) ++j;
            // An exponent only when digits follow: "2e" is 2 followed by the name e.
            if (j < text.size() && (text[j] == 'e' || text[j] == 'E')) {
                std::size_t k = j + 1;
                if (k < text.size() && (text[k] == '+' || text[k] == '-')) ++k;
                if (k < text.size() && isDigit(text[k])) {
                    j = k;
                    while (j < text.size() && isDigit(text[j])) ++j;
                }
            }
            t.kind = Tok::Number;
            t.text = text.substr(i, j - i);
            const auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(),
                                                   t.value, std::chars_format::general);
            if (ec != std::errc() || ptr != t.text.data() + t.text.size() ||
                !std::isfinite(t.value)) {
                error = "the number " + std::string(t.text) + " is out of range" + at(column);
                errorColumn = column;
                return false;
            }
            t.valueLo = literalLowPart(t.text, t.value);
        } else if (isNameStart(c)) {
            while (j < text.size() && isNameChar(text[j])) ++j;
            t.kind = Tok::Name;
            t.text = text.substr(i, j - i);
        } else {
            const char next = i + 1 < text.size() ? text[i + 1] : '\0';
            switch (c) {
                case '+':
                    t.kind = Tok::Plus;
                    break;
                case '-':
                    t.kind = Tok::Minus;
                    break;
                case '*':
                    t.kind = Tok::Star;
                    break;
                case '/':
                    t.kind = Tok::Slash;
                    break;
                case '^':
                    t.kind = Tok::Caret;
                    break;
                case '(':
                    t.kind = Tok::LParen;
                    break;
                case ')':
                    t.kind = Tok::RParen;
                    break;
                case ',':
                    t.kind = Tok::Comma;
                    break;
                case '<':
                    t.kind = next == '=' ? Tok::LessEqual : Tok::Less;
                    j = next == '=' ? i + 2 : i + 1;
                    break;
                case '>':
                    t.kind = next == '=' ? Tok::GreaterEqual : Tok::Greater;
                    j = next == '=' ? i + 2 : i + 1;
                    break;
                default:
                    error = "unexpected character " + describeCharacter(text, i) + at(column);
                    if (c == '=' || c == '!')
                        error += "; the comparisons are <, <=, > and >=";
                    else if (c == '.')
                        error += "; a number needs a digit after '.'";
                    errorColumn = column;
                    return false;
            }
            t.text = text.substr(i, j - i);
        }
        out.push_back(t);
        advanceTo(j);
    }
    Token end;
    end.column = column;
    out.push_back(end);
    return true;
}

bool isComparison(Tok k) {
    return k == Tok::Less || k == Tok::LessEqual || k == Tok::Greater || k == Tok::GreaterEqual;
}

class Parser {
public:
    Parser(const std::vector<Token>& tokens, Ast& ast) : m_tokens(tokens), m_ast(ast) {}

    bool parse() {
        if (peek().kind == Tok::End)
            return fail(peek().column, "the formula is empty: expected an expression");
        const int root = sum();
        if (root < 0) return false;
        if (peek().kind != Tok::End) return unexpectedAfterExpression(nullptr);
        m_ast.root = root;
        return true;
    }

    std::string error;
    int errorColumn = 0;

private:
    const Token& peek() const { return m_tokens[m_pos]; }
    const Token& next() { return m_tokens[m_pos++]; }

    bool fail(int column, const std::string& message) {
        if (error.empty()) {
            error = message + at(column);
            errorColumn = column;
        }
        return false;
    }

    /// The message for a token that cannot follow a complete expression. `closing` is what the
    /// context waits for ("')'", "',' or ')'"), or nullptr at the top level.
    bool unexpectedAfterExpression(const char* closing) {
        const Token& t = peek();
        if (isComparison(t.kind))
            return fail(t.column,
                        "a comparison such as x > 0 is allowed only as the first argument "
                        "of where(cond, a, b): unexpected '" +
                            std::string(t.text) + "'");
        if (closing) return fail(t.column, std::string("expected ") + closing);
        if (t.kind == Tok::RParen) return fail(t.column, "unmatched ')'");
        if (t.kind == Tok::Comma) return fail(t.column, "',' outside a function call");
        return fail(t.column,
                    "expected an operator such as '*' before '" + std::string(t.text) + "'");
    }

    int node(NodeKind kind, int column, std::initializer_list<int> args) {
        Node n;
        n.kind = kind;
        n.column = column;
        for (int a : args) n.args[n.argCount++] = a;
        return m_ast.add(n);
    }

    int sum() {
        int left = product();
        while (left >= 0 && (peek().kind == Tok::Plus || peek().kind == Tok::Minus)) {
            const Token& op = next();
            const int right = product();
            if (right < 0) return -1;
            left = node(op.kind == Tok::Plus ? NodeKind::Add : NodeKind::Sub, op.column,
                        {left, right});
        }
        return left;
    }

    int product() {
        int left = unary();
        while (left >= 0 && (peek().kind == Tok::Star || peek().kind == Tok::Slash)) {
            const Token& op = next();
            const int right = unary();
            if (right < 0) return -1;
            left = node(op.kind == Tok::Star ? NodeKind::Mul : NodeKind::Div, op.column,
                        {left, right});
        }
        return left;
    }

    /// Signs in front of an operand, counted in a loop ("--x" is x). Returns the number of minus
    /// signs and the column of the first sign.
    std::pair<int, int> signs() {
        int minus = 0;
        const int column = peek().column;
        while (peek().kind == Tok::Plus || peek().kind == Tok::Minus)
            if (next().kind == Tok::Minus) ++minus;
        return {minus, column};
    }

    int applySigns(std::pair<int, int> s, int operand) {
        return s.first % 2 == 1 ? node(NodeKind::Neg, s.second, {operand}) : operand;
    }

    // Unary minus binds more loosely than ^: -x^2 is -(x^2).
    int unary() {
        const std::pair<int, int> s = signs();
        const int operand = power();
        return operand < 0 ? -1 : applySigns(s, operand);
    }

    // ^ is right-associative and its exponent may carry signs: a^-b^c is a^(-(b^c)). The chain
    // is read in a loop and folded from the right, so a long chain does not recurse.
    int power() {
        const int base = primary();
        if (base < 0 || peek().kind != Tok::Caret) return base;
        struct Link {
            int operand;
            std::pair<int, int> signs;
            int column;
        };
        std::vector<Link> chain{{base, {0, 0}, 0}};
        while (peek().kind == Tok::Caret) {
            const int column = next().column;
            const std::pair<int, int> s = signs();
            const int operand = primary();
            if (operand < 0) return -1;
            chain.push_back({operand, s, column});
        }
        int acc = chain.back().operand;
        for (std::size_t i = chain.size() - 1; i > 0; --i) {
            acc = applySigns(chain[i].signs, acc);
            acc = node(NodeKind::Pow, chain[i].column, {chain[i - 1].operand, acc});
        }
        return acc;
    }

    bool enter(int column) {
        if (++m_depth > kMaxNesting)
            return fail(column, "nesting deeper than " + std::to_string(kMaxNesting) + " levels");
        return true;
    }

    int primary() {
        const Token& t = peek();
        switch (t.kind) {
            case Tok::Number: {
                next();
                Node n;
                n.kind = NodeKind::Number;
                n.column = t.column;
                n.value = t.value;
                n.valueLo = t.valueLo;
                return m_ast.add(n);
            }
            case Tok::Name:
                return name();
            case Tok::LParen: {
                next();
                if (!enter(t.column)) return -1;
                const int inner = sum();
                if (inner < 0) return -1;
                if (peek().kind != Tok::RParen) {
                    unexpectedAfterExpression("')'");
                    return -1;
                }
                next();
                --m_depth;
                return inner;
            }
            case Tok::End:
                fail(t.column, "the formula ends too early: expected a number, a name or '('");
                return -1;
            default:
                fail(t.column,
                     "expected a number, a name or '(' instead of '" + std::string(t.text) + "'");
                return -1;
        }
    }

    int name() {
        const Token& t = next();
        const bool call = peek().kind == Tok::LParen;
        const FunctionInfo* fn = findFunction(t.text);
        if (fn) {
            if (!call) {
                fail(peek().column,
                     "expected '(' after the function name '" + std::string(t.text) + "'");
                return -1;
            }
            return arguments(t, *fn);
        }
        Node n;
        n.column = t.column;
        if (t.text == "x")
            n.kind = NodeKind::X;
        else if (t.text == "pi")
            n.kind = NodeKind::Pi;
        else if (t.text == "e")
            n.kind = NodeKind::Euler;
        else if (!call) {
            n.kind = NodeKind::Param;
            for (std::size_t i = 0; i < m_ast.params.size() && n.param < 0; ++i)
                if (m_ast.params[i] == t.text) n.param = static_cast<int>(i);
            if (n.param < 0) {
                n.param = static_cast<int>(m_ast.params.size());
                m_ast.params.emplace_back(t.text);
            }
        } else {
            fail(t.column, "unknown function '" + std::string(t.text) + "'");
            error += "; valid: " + functionList();
            return -1;
        }
        if (call) {
            fail(peek().column,
                 "expected an operator such as '*' between '" + std::string(t.text) + "' and '('");
            return -1;
        }
        return m_ast.add(n);
    }

    std::string arityText(const FunctionInfo& fn) const {
        const std::string count = fn.minArgs == fn.maxArgs ? std::to_string(fn.minArgs)
                                                           : std::to_string(fn.minArgs) + " or " +
                                                                 std::to_string(fn.maxArgs);
        return std::string(fn.name) + " takes " + count +
               (fn.maxArgs == 1 ? " argument" : " arguments");
    }

    int arguments(const Token& nameToken, const FunctionInfo& fn) {
        const Token& open = next();
        if (!enter(open.column)) return -1;
        Node n;
        n.kind = NodeKind::Call;
        n.fn = fn.fn;
        n.column = nameToken.column;
        if (peek().kind == Tok::RParen) {
            fail(peek().column, arityText(fn) + ", got none");
            return -1;
        }
        while (true) {
            if (n.argCount == fn.maxArgs) {
                fail(peek().column, arityText(fn) + ", got more");
                return -1;
            }
            const int arg = fn.fn == Function::Where && n.argCount == 0 ? condition() : sum();
            if (arg < 0) return -1;
            n.args[n.argCount++] = arg;
            if (peek().kind == Tok::Comma) {
                next();
                continue;
            }
            if (peek().kind != Tok::RParen) {
                unexpectedAfterExpression(n.argCount == fn.maxArgs ? "')'" : "',' or ')'");
                return -1;
            }
            break;
        }
        const Token& close = next();
        if (n.argCount < fn.minArgs) {
            fail(close.column, arityText(fn) + ", got " + std::to_string(n.argCount));
            return -1;
        }
        --m_depth;
        return m_ast.add(n);
    }

    int condition() {
        const int column = peek().column;
        const int left = sum();
        if (left < 0) return -1;
        const Token& op = peek();
        if (!isComparison(op.kind)) {
            fail(op.column,
                 "where needs a comparison such as x > 0 as its first argument, "
                 "expected <, <=, > or >=");
            return -1;
        }
        next();
        const int right = sum();
        if (right < 0) return -1;
        if (isComparison(peek().kind)) {
            fail(peek().column, "comparisons cannot be chained; expected ','");
            return -1;
        }
        Node n;
        n.kind = NodeKind::Compare;
        n.column = column;
        n.cmp = op.kind == Tok::Less        ? CompareOp::Less
                : op.kind == Tok::LessEqual ? CompareOp::LessEqual
                : op.kind == Tok::Greater   ? CompareOp::Greater
                                            : CompareOp::GreaterEqual;
        n.args[0] = left;
        n.args[1] = right;
        n.argCount = 2;
        return m_ast.add(n);
    }

    const std::vector<Token>& m_tokens;
    Ast& m_ast;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

}  // namespace

ParseResult parseFormula(std::string_view text) {
    ParseResult r;
    std::size_t characters = 0;
    for (char c : text) characters += isContinuation(c) ? 0 : 1;
    if (characters > kMaxFormulaLength) {
        r.errorColumn = static_cast<int>(kMaxFormulaLength) + 1;
        r.error = "the formula has " + std::to_string(characters) + " characters; the limit is " +
                  std::to_string(kMaxFormulaLength) + " (the excess starts" + at(r.errorColumn) +
                  ")";
        return r;
    }
    std::vector<Token> tokens;
    if (!tokenize(text, tokens, r.error, r.errorColumn)) return r;
    Parser parser(tokens, r.ast);
    if (!parser.parse()) {
        r.error = parser.error;
        r.errorColumn = parser.errorColumn;
        r.ast = Ast{};
    }
    return r;
}

}  // namespace actlab::formula
