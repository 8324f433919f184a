#include "region_map.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace actlab::inspect {

namespace {

/// Bits that hold a piece index 0 … pieces−1.
int bitsFor(int pieces) {
    return pieces <= 1 ? 0 : std::bit_width(unsigned(pieces - 1));
}

/// SplitMix64's finaliser: every bit of the word reaches every bit of the hash.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t hashKey(const std::uint64_t* key, std::size_t words) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (std::size_t w = 0; w < words; ++w) h = mix(h ^ key[w]);
    return h;
}

bool sameKey(const std::uint64_t* a, const std::uint64_t* b, std::size_t words) {
    for (std::size_t w = 0; w < words; ++w)
        if (a[w] != b[w]) return false;
    return true;
}

}  // namespace

RegionResult piecewiseLinearity(const nn::Mlp& net) {
    RegionResult r;
    for (int l = 0; l < static_cast<int>(net.spec().hidden.size()); ++l)
        for (int j = 0; j < net.layers()[std::size_t(l)].out; ++j)
            if (!isPiecewiseLinear(*net.activationOf(l), net.paramsOf(l, j))) {
                r.smoothLayer = l;
                r.smoothUnit = j;
                return r;
            }
    r.piecewiseLinear = true;
    return r;
}

bool RegionMap::updatePieces(const nn::Mlp& net, RegionResult& result) {
    const int hidden = static_cast<int>(net.spec().hidden.size());
    int units = 0;
    for (int l = 0; l < hidden; ++l) units += net.layers()[std::size_t(l)].out;
    if (units != m_units) {  // a new shape: forget every cached unit
        m_units = units;
        const std::size_t n = std::size_t(units);
        m_specs.assign(n, nullptr);
        m_params.assign(n, ParamValues{});
        m_pieces.assign(n, LinearPieces{});
        m_valid.assign(n, 0);
        m_word.assign(n, 0);
        m_shift.assign(n, 0);
    }
    std::size_t u = 0;
    int word = 0, shift = 0;
    for (int l = 0; l < hidden; ++l)
        for (int j = 0; j < net.layers()[std::size_t(l)].out; ++j, ++u) {
            const ActivationSpec* spec = net.activationOf(l);
            const ParamValues p = net.paramsOf(l, j);
            if (spec != m_specs[u] || p != m_params[u]) {
                const std::optional<LinearPieces> pieces = linearPieces(*spec, p);
                m_specs[u] = spec;
                m_params[u] = p;
                m_valid[u] = pieces.has_value();
                m_pieces[u] = pieces.value_or(LinearPieces{});
            }
            if (!m_valid[u]) {
                result.smoothLayer = l;
                result.smoothUnit = j;
                return false;
            }
            const int bits = bitsFor(m_pieces[u].pieces());
            if (shift + bits > 64) {  // a unit's bits never straddle two words
                ++word;
                shift = 0;
            }
            m_word[u] = word;
            m_shift[u] = shift;
            shift += bits;
        }
    m_words = std::size_t(word) + 1;
    return true;
}

void RegionMap::grow() {
    const std::size_t size = std::max<std::size_t>(1024, m_table.size() * 2);
    m_table.assign(size, -1);
    const std::size_t mask = size - 1;
    const std::size_t regions = m_regionKeys.size() / m_words;
    for (std::size_t r = 0; r < regions; ++r) {
        std::size_t slot = hashKey(m_regionKeys.data() + r * m_words, m_words) & mask;
        while (m_table[slot] >= 0) slot = (slot + 1) & mask;
        m_table[slot] = int(r);
    }
}

int RegionMap::lookup(const std::uint64_t* key, int nextId) {
    if (std::size_t(nextId + 1) * 2 > m_table.size()) grow();  // load factor ≤ ½
    const std::size_t mask = m_table.size() - 1;
    std::size_t slot = hashKey(key, m_words) & mask;
    while (m_table[slot] >= 0) {
        const int id = m_table[slot];
        if (sameKey(m_regionKeys.data() + std::size_t(id) * m_words, key, m_words)) return id;
        slot = (slot + 1) & mask;
    }
    m_table[slot] = nextId;
    m_regionKeys.insert(m_regionKeys.end(), key, key + m_words);
    return nextId;
}

RegionResult RegionMap::compute(const nn::Mlp& net, int n, std::span<int> region) {
    RegionResult result;
    if (!updatePieces(net, result)) return result;
    result.piecewiseLinear = true;
    const nn::FeatureTable& table = m_grid.get(net.spec().features, n);
    const int hidden = static_cast<int>(net.spec().hidden.size());
    m_regionKeys.clear();
    std::fill(m_table.begin(), m_table.end(), -1);
    int regions = 0;
    int previous = -1;  // neighbouring cells mostly share a region: compare with it first
    m_pass.run(net, table, false, [&](const nn::Workspace& ws, int start, int from) {
        const int count = ws.batch;
        m_keys.assign(std::size_t(count) * m_words, 0);
        const std::size_t stride = std::size_t(ws.stride);
        std::size_t u = 0;
        for (int l = 0; l < hidden; ++l)
            for (int j = 0; j < net.layers()[std::size_t(l)].out; ++j, ++u) {
                const LinearPieces& pieces = m_pieces[u];
                if (pieces.count == 0) continue;  // one piece: nothing to record
                const double* z = ws.z[std::size_t(l) + 1].data() + std::size_t(j) * stride;
                std::uint64_t* key = m_keys.data() + std::size_t(m_word[u]);
                const int shift = m_shift[u];
                if (pieces.count == 1) {  // the ReLU family: one comparison
                    const double k0 = pieces.at[0];
                    for (int b = from; b < count; ++b)
                        key[std::size_t(b) * m_words] |= std::uint64_t(z[b] > k0) << shift;
                } else {
                    for (int b = from; b < count; ++b)
                        key[std::size_t(b) * m_words] |= std::uint64_t(pieces.pieceOf(z[b]))
                                                         << shift;
                }
            }
        const std::uint64_t* previousKey = nullptr;  // the previous chunk's keys are gone
        for (int b = from; b < count; ++b) {
            const std::uint64_t* key = m_keys.data() + std::size_t(b) * m_words;
            int id = previous;
            if (!previousKey || !sameKey(previousKey, key, m_words)) {
                id = lookup(key, regions);
                if (id == regions) ++regions;
            }
            region[std::size_t(start + b)] = id;
            previous = id;
            previousKey = key;
        }
    });
    // Unpacked patterns, for the view's readout of a region.
    m_patterns.resize(std::size_t(regions) * std::size_t(m_units));
    for (int r = 0; r < regions; ++r)
        for (int k = 0; k < m_units; ++k) {
            const std::size_t uk = std::size_t(k);
            const int bits = bitsFor(m_pieces[uk].pieces());
            const std::uint64_t w =
                m_regionKeys[std::size_t(r) * m_words + std::size_t(m_word[uk])];
            m_patterns[std::size_t(r) * std::size_t(m_units) + uk] =
                bits ? std::uint8_t((w >> m_shift[uk]) & ((1ULL << bits) - 1)) : 0;
        }
    result.regions = regions;
    return result;
}

std::span<const std::uint8_t> RegionMap::pattern(int region) const {
    return std::span(m_patterns)
        .subspan(std::size_t(region) * std::size_t(m_units), std::size_t(m_units));
}

}  // namespace actlab::inspect
