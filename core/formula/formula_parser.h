#pragma once
// The lexer and recursive-descent parser of the formula language (docs/formula-language.md).
// The parser never throws: a problem is one line that names the 1-based column and what was
// expected there, such as "expected ')' at column 14".

#include <cstddef>
#include <string>
#include <string_view>

#include "formula_ast.h"

namespace actlab::formula {

/// The longest formula accepted, in characters.
inline constexpr std::size_t kMaxFormulaLength = 500;
/// The deepest nesting of parentheses and function calls accepted. The parser recurses only at
/// these, so its stack depth is bounded by this limit.
inline constexpr int kMaxNesting = 64;

struct ParseResult {
    Ast ast;
    std::string error;    ///< empty on success
    int errorColumn = 0;  ///< 1-based column the error names, 0 on success
    bool ok() const { return error.empty(); }
};

/// Parses `text` into an Ast, or returns the first problem.
ParseResult parseFormula(std::string_view text);

}  // namespace actlab::formula
