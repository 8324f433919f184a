#include "formula_values.h"

#include <cmath>

#include "util/number_format.h"

namespace actlab {

std::string formulaNumber(double v) {
    const std::string digits = formatNumber(std::abs(v), 4);
    if (!(v < 0)) return digits;
    return "(\u2212" + digits + ")";
}

namespace {

/// Replaces every `symbol` in `html` by `value`. A Latin symbol is written in italics
/// ("<i>a</i>"); a Greek one bare. Returns whether any was replaced.
bool substitute(std::string& html, std::string_view symbol, const std::string& value) {
    const bool latin = symbol.size() == 1;
    const std::string needle = latin ? "<i>" + std::string(symbol) + "</i>" : std::string(symbol);
    bool found = false;
    std::string out;
    std::size_t from = 0;
    for (std::size_t at; (at = html.find(needle, from)) != std::string::npos;) {
        out.append(html, from, at - from);
        out += value;
        from = at + needle.size();
        // "βx" reads as a product; "0.5x" would too, but "2<i>x</i>" next to a digit is clearer
        // with the dot.
        if (html.compare(from, 3, "<i>") == 0) out += "&middot;";
        found = true;
    }
    out.append(html, from, std::string::npos);
    html = std::move(out);
    return found;
}

}  // namespace

std::string formulaHtmlWithValues(const ActivationSpec& spec, const ParamValues& params) {
    std::string html(spec.formulaHtml);
    std::string listed;
    for (std::size_t i = 0; i < spec.params.size(); ++i) {
        const ParamSpec& p = spec.params[i];
        const std::string value = formulaNumber(params[i]);
        if (!p.learnable && !p.symbol.empty() && substitute(html, p.symbol, value)) continue;
        if (!listed.empty()) listed += ", ";
        const bool latin = p.symbol.size() == 1;
        listed += (latin ? "<i>" + std::string(p.symbol) + "</i>" : std::string(p.symbol)) +
                  " = " + value;
    }
    if (!listed.empty()) html += "<br>" + listed;
    return html;
}

}  // namespace actlab
