// The accuracy table of docs/signal-propagation.md: for every activation and parameter set of
// the mpmath reference, the worst relative error of V and W, of q* and of χ₁, and of the
// correlated expectations where the reference has them. A report, not a test:
//   build/.../tests/theory_accuracy_report > table.md

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "theory_reference.h"
#include "util/number_format.h"

int main() {
    using namespace actlab::test;
    struct Worst {
        double moments = 0, qStar = 0, chi1 = 0, cross = -1;
        int order = 0;
    };
    std::map<std::string, Worst> table;
    int order = 0;
    double overall = 0;
    for (const TheoryRow& row : loadTheoryReference()) {
        if (row.kind == "critical") continue;
        const std::string key = row.activation + (row.params.empty() ? "" : "(" + row.params + ")");
        auto [it, inserted] = table.try_emplace(key);
        if (inserted) it->second.order = order++;
        const double err = relativeError(computeTheoryRow(row), row.reference);
        overall = std::max(overall, err);
        Worst& w = it->second;
        if (row.kind == "V" || row.kind == "W") w.moments = std::max(w.moments, err);
        if (row.kind == "qstar") w.qStar = std::max(w.qStar, err);
        if (row.kind == "chi1") w.chi1 = std::max(w.chi1, err);
        if (row.kind == "cross" || row.kind == "crossdf") w.cross = std::max(w.cross, err);
    }
    std::vector<std::pair<std::string, Worst>> rows(table.begin(), table.end());
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.second.order < b.second.order; });
    const auto fmt = [](double v) { return v < 0 ? std::string("") : actlab::formatNumber(v, 2); };
    std::printf("| activation (parameters) | V, W | q* | χ₁ | 2D |\n|---|---|---|---|---|\n");
    for (const auto& [key, w] : rows)
        std::printf("| %s | %s | %s | %s | %s |\n", key.c_str(), fmt(w.moments).c_str(),
                    fmt(w.qStar).c_str(), fmt(w.chi1).c_str(), fmt(w.cross).c_str());
    std::printf("\nworst relative error overall: %s\n", fmt(overall).c_str());
    return 0;
}
