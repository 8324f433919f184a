#include "phase_diagram.h"

#include <stdexcept>

namespace actlab::theory {

void chi1Rows(const ActivationCall& call, std::span<const double> sigmaW2,
              std::span<const double> sigmaB2, std::size_t rowBegin, std::size_t rowEnd,
              std::span<double> out, const RuleSettings& settings) {
    if (out.size() < sigmaW2.size() * sigmaB2.size() || rowEnd > sigmaB2.size())
        throw std::invalid_argument("chi1Rows: the grid does not fit");
    MeanField field(call, settings);
    for (std::size_t j = rowBegin; j < rowEnd; ++j)
        for (std::size_t i = 0; i < sigmaW2.size(); ++i)
            out[j * sigmaW2.size() + i] = field.chi1({sigmaW2[i], sigmaB2[j]});
}

std::vector<CriticalPoint> criticalLine(const ActivationCall& call, std::span<const double> sigmaB2,
                                        const RuleSettings& settings) {
    MeanField field(call, settings);
    std::vector<CriticalPoint> line;
    line.reserve(sigmaB2.size());
    for (double b : sigmaB2) line.push_back(field.criticalSigmaW2(b));
    return line;
}

}  // namespace actlab::theory
