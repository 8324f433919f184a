#pragma once
// The input features of the mini-network, TensorFlow Playground's set and order.

#include <array>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>


namespace actlab::nn {

enum class Feature { X, Y, XSquared, YSquared, XTimesY, SinX, SinY };

inline constexpr std::size_t kFeatureCount = 7;

struct FeatureInfo {
    Feature feature;
    std::string_view id;     ///< Playground's id, used in sessions: "xSquared"
    std::string_view label;  ///< display label: "x₁²"
};

inline constexpr std::array<FeatureInfo, kFeatureCount> kFeatures = {{
    {Feature::X, "x", "x₁"},
    {Feature::Y, "y", "x₂"},
    {Feature::XSquared, "xSquared", "x₁²"},
    {Feature::YSquared, "ySquared", "x₂²"},
    {Feature::XTimesY, "xTimesY", "x₁·x₂"},
    {Feature::SinX, "sinX", "sin x₁"},
    {Feature::SinY, "sinY", "sin x₂"},
}};

/// The feature's value at the point (x, y).
inline double featureValue(Feature f, double x, double y) {
    switch (f) {
        case Feature::X: return x;
        case Feature::Y: return y;
        case Feature::XSquared: return x * x;
        case Feature::YSquared: return y * y;
        case Feature::XTimesY: return x * y;
        case Feature::SinX: return std::sin(x);
        case Feature::SinY: return std::sin(y);
    }
    return 0;
}

inline std::string_view featureId(Feature f) { return kFeatures[static_cast<std::size_t>(f)].id; }

inline std::optional<Feature> featureFromId(std::string_view id) {
    for (const FeatureInfo& info : kFeatures)
        if (info.id == id) return info.feature;
    return std::nullopt;
}

/// Sorts into Playground's fixed order and removes duplicates.
inline std::vector<Feature> canonicalFeatures(std::vector<Feature> fs) {
    std::vector<Feature> out;
    for (const FeatureInfo& info : kFeatures)
        for (Feature f : fs)
            if (f == info.feature) {
                out.push_back(f);
                break;
            }
    return out;
}

}  // namespace actlab::nn
