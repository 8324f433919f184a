// Writes docs/activations.md from the registry: the documentation iterates the same table as
// the chooser, the sliders, the network and the tests. test_registry_doc checks that the
// committed file is up to date. Usage: registry_doc > docs/activations.md

#include <cstdio>
#include <string>

#include "activations/registry.h"
#include "util/number_format.h"

using namespace actlab;

namespace {

const char* groupName(Group g) {
    switch (g) {
        case Group::Classic: return "Classics";
        case Group::Smooth: return "Smooth modern";
        case Group::Piecewise: return "Piecewise and hard";
    }
    return "";
}

const char* smoothness(Smoothness s) {
    switch (s) {
        case Smoothness::Discontinuous: return "discontinuous";
        case Smoothness::C0: return "continuous (C⁰)";
        case Smoothness::C1: return "C¹";
        case Smoothness::CInfinity: return "C∞";
    }
    return "";
}

std::string yesNo(bool b) { return b ? "yes" : "no"; }

}  // namespace

int main() {
    std::printf("# The activation catalogue\n\n");
    std::printf("Generated from the registry by `registry_doc` (tests/core/registry_doc.cpp); do not "
                "edit by hand.\nEvery row of `core/activations/family_*.cpp` appears here.\n");
    std::printf(
        "\nThe properties are those of f at the default parameters, defined exactly (a test,\n"
        "`RegistryPropertiesAreExactlyTheComputedOnes`, computes each from the kernels and\n"
        "compares it with the tick):\n\n"
        "- **monotonic**: f is non-decreasing on the whole real line.\n"
        "- **zero-centred**: E[f(z)] = 0 for z ~ N(0, 1) (to within 0.01): a layer fed\n"
        "  standard-normal inputs passes on outputs of mean zero. Every odd f is; ELU is not\n"
        "  (its mean is about 0.16), SELU is by the choice of its constants.\n"
        "- **bounded above / below**: f has a finite supremum / infimum.\n"
        "- **saturating**: f′(x) → 0 both as x → +∞ and as x → −∞, so large inputs of either\n"
        "  sign pass almost no gradient (sigmoid, tanh). A function flat in one tail only,\n"
        "  such as ReLU or ELU for x → −∞, is not counted as saturating.\n"
        "- **smoothness**: the highest derivative that is continuous everywhere (C⁰: kinks,\n"
        "  C¹: a jump in f″ only, C∞: smooth).\n\n"
        "A formula activation gets the same properties, estimated from samples of f and f′\n"
        "(`propertiesOf` in core/activations/formula_activation.cpp).\n");
    Group current = Group::Classic;
    bool first = true;
    for (const ActivationSpec& s : activations()) {
        if (first || s.group != current) {
            std::printf("\n## %s\n", groupName(s.group));
            current = s.group;
            first = false;
        }
        std::printf("\n### %s (`%s`)\n\n", std::string(s.name.en).c_str(), std::string(s.id).c_str());
        std::printf("%s · %s\n\n", std::string(s.name.zh).c_str(), std::string(s.pytorch).c_str());
        std::printf("- formula: %s\n", std::string(s.formula).c_str());
        std::printf("- range: %s\n", std::string(s.range.en).c_str());
        std::printf("- monotonic %s · %s · zero-centred %s · bounded above %s · bounded below %s · "
                    "saturating %s\n",
                    yesNo(s.properties.monotonic).c_str(), smoothness(s.properties.smoothness),
                    yesNo(s.properties.zeroCentred).c_str(), yesNo(s.properties.boundedAbove).c_str(),
                    yesNo(s.properties.boundedBelow).c_str(), yesNo(s.properties.saturating).c_str());
        std::printf("- derivatives at kinks: %s\n", std::string(s.kinkConvention).c_str());
        for (const ParamSpec& p : s.params)
            std::printf("- parameter `%s` (%s): default %s, slider %s … %s, step %s%s\n",
                        std::string(p.id).c_str(), std::string(p.symbol).c_str(),
                        formatShortest(p.defaultValue).c_str(), formatShortest(p.min).c_str(),
                        formatShortest(p.max).c_str(), formatShortest(p.step).c_str(),
                        p.learnable ? "; learned in the network" : "");
        std::printf("\n%s\n\n%s\n", std::string(s.teaching.en).c_str(),
                    std::string(s.teaching.zh).c_str());
    }
}
