#pragma once
// A small, fully specified random generator (xoshiro256**, seeded with splitmix64), so that a
// seed gives the same data and weights on every platform and standard library (the distributions
// of <random> are implementation-defined).

#include <cmath>
#include <cstdint>

namespace actlab::nn {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) {
        std::uint64_t x = seed;
        for (std::uint64_t& s : m_state) {
            x += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = x;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            s = z ^ (z >> 31);
        }
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /// Uniform in [0, 1) with 53 random bits (the role of Math.random() in Playground's code).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// Uniform in [a, b).
    double uniform(double a, double b) { return uniform() * (b - a) + a; }

    /// Standard normal (Marsaglia's polar method, as Playground's normalRandom).
    double normal() {
        double v1, v2, s;
        do {
            v1 = 2 * uniform() - 1;
            v2 = 2 * uniform() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s > 1 || s == 0);
        return std::sqrt(-2 * std::log(s) / s) * v1;
    }

    /// Uniform integer in [0, n).
    std::uint64_t below(std::uint64_t n) { return static_cast<std::uint64_t>(uniform() * n); }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_state[4];
};

}  // namespace actlab::nn
