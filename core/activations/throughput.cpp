#include "throughput.h"

#include <algorithm>
#include <chrono>

#include "curve.h"

namespace actlab {

Throughput measureThroughput(const ActivationCall& call, double seconds, std::size_t elements) {
    const std::vector<double> xs = linspace(-6, 6, elements);
    std::vector<double> y(elements), dy(elements);
    const auto fdf = [&](std::span<const double> x, std::span<double> fx, std::span<double> dfx,
                         const ParamValues& p) { call.spec->trainFDf(x, fx, dfx, p); };
    using Clock = std::chrono::steady_clock;
    fdf(xs, y, dy, call.params);  // warm up caches and the dispatch
    std::vector<double> rounds;
    const auto start = Clock::now();
    // Rounds of ~1 ms; the median is robust against an interruption of the process.
    while (rounds.size() < 5 ||
           std::chrono::duration<double>(Clock::now() - start).count() < seconds) {
        const auto t0 = Clock::now();
        std::size_t done = 0;
        do {
            fdf(xs, y, dy, call.params);
            done += elements;
        } while (std::chrono::duration<double>(Clock::now() - t0).count() < 1e-3);
        rounds.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count() /
                         static_cast<double>(done));
        if (rounds.size() > 10000) break;
    }
    std::nth_element(rounds.begin(), rounds.begin() + long(rounds.size() / 2), rounds.end());
    const double ns = rounds[rounds.size() / 2];
    return {ns, 1e9 / ns};
}

}  // namespace actlab
