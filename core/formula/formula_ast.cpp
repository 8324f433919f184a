#include "formula_ast.h"

namespace actlab::formula {

namespace {

constexpr FunctionInfo kFunctions[] = {
    {"exp", Function::Exp, 1, 1},
    {"expm1", Function::Expm1, 1, 1},
    {"log", Function::Log, 1, 1},
    {"log1p", Function::Log1p, 1, 1},
    {"sqrt", Function::Sqrt, 1, 1},
    {"abs", Function::Abs, 1, 1},
    {"sin", Function::Sin, 1, 1},
    {"cos", Function::Cos, 1, 1},
    {"tan", Function::Tan, 1, 1},
    {"tanh", Function::Tanh, 1, 1},
    {"sinh", Function::Sinh, 1, 1},
    {"cosh", Function::Cosh, 1, 1},
    {"atan", Function::Atan, 1, 1},
    {"erf", Function::Erf, 1, 1},
    {"erfc", Function::Erfc, 1, 1},
    {"sigmoid", Function::Sigmoid, 1, 1},
    {"softplus", Function::Softplus, 1, 1},
    {"sign", Function::Sign, 1, 1},
    {"min", Function::Min, 2, 2},
    {"max", Function::Max, 2, 2},
    {"heaviside", Function::Heaviside, 1, 2},
    {"step", Function::Heaviside, 1, 2},
    {"where", Function::Where, 3, 3},
};

}  // namespace

std::span<const FunctionInfo> functionTable() {
    return kFunctions;
}

const FunctionInfo* findFunction(std::string_view name) {
    for (const FunctionInfo& f : kFunctions)
        if (f.name == name) return &f;
    return nullptr;
}

std::string_view functionName(Function fn) {
    for (const FunctionInfo& f : kFunctions)
        if (f.fn == fn) return f.name;  // the first entry is the canonical name
    return "?";
}

std::string functionList() {
    std::string out;
    for (const FunctionInfo& f : kFunctions) out += (out.empty() ? "" : ", ") + std::string(f.name);
    return out;
}

std::string_view compareText(CompareOp op) {
    switch (op) {
        case CompareOp::Less:
            return "<";
        case CompareOp::LessEqual:
            return "<=";
        case CompareOp::Greater:
            return ">";
        case CompareOp::GreaterEqual:
            return ">=";
    }
    return "?";
}

std::vector<bool> dependsOnX(const Ast& ast) {
    std::vector<bool> dep(ast.nodes.size(), false);
    for (std::size_t i = 0; i < ast.nodes.size(); ++i) {
        const Node& n = ast.nodes[i];
        bool d = n.kind == NodeKind::X;
        for (int k = 0; k < n.argCount; ++k) d = d || dep[static_cast<std::size_t>(n.args[k])];
        dep[i] = d;
    }
    return dep;
}

std::vector<bool> reachable(const Ast& ast) {
    std::vector<bool> live(ast.nodes.size(), false);
    if (ast.root < 0) return live;
    live[static_cast<std::size_t>(ast.root)] = true;
    for (std::size_t i = ast.nodes.size(); i-- > 0;) {
        if (!live[i]) continue;
        const Node& n = ast.nodes[i];
        for (int k = 0; k < n.argCount; ++k) live[static_cast<std::size_t>(n.args[k])] = true;
    }
    return live;
}

}  // namespace actlab::formula
