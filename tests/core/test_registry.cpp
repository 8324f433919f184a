// The registry table itself: complete, consistent and bilingual.

#include <gtest/gtest.h>

#include <set>

#include "activations/activation_call.h"
#include "registry_params.h"

namespace actlab::test {
namespace {

class RegistryRow : public ::testing::TestWithParam<std::string> {
protected:
    const ActivationSpec& spec() const { return activation(GetParam()); }
};

/// Sentences end with '.', '!' or '?' followed by a space or the end, or with '。'.
int sentenceCount(std::string_view text) {
    int n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool ascii = (text[i] == '.' || text[i] == '!' || text[i] == '?') &&
                           (i + 1 == text.size() || text[i + 1] == ' ');
        const bool ideographic = text.substr(i, 3) == "。";
        n += ascii || ideographic;
    }
    return n;
}

TEST_P(RegistryRow, HasEveryDescriptiveFieldInBothLanguages) {
    const ActivationSpec& s = spec();
    for (const Text* t : {&s.name, &s.range, &s.teaching}) {
        EXPECT_FALSE(t->en.empty()) << s.id;
        EXPECT_FALSE(t->zh.empty()) << s.id;
    }
    EXPECT_FALSE(s.torchName.empty());
    EXPECT_FALSE(s.formula.empty());
    EXPECT_FALSE(s.formulaHtml.empty());
    EXPECT_FALSE(s.pytorch.empty());
    EXPECT_FALSE(s.kinkConvention.empty());
    EXPECT_NE(s.pytorch.find("nn."), std::string_view::npos) << s.pytorch;
    EXPECT_GE(sentenceCount(s.teaching.en), 2) << s.teaching.en;
    EXPECT_LE(sentenceCount(s.teaching.en), 5) << s.teaching.en;
    EXPECT_GE(sentenceCount(s.teaching.zh), 2) << s.teaching.zh;
    EXPECT_LE(sentenceCount(s.teaching.zh), 5) << s.teaching.zh;
}

TEST_P(RegistryRow, ParameterSpecsAreUsableSliders) {
    for (const ParamSpec& p : spec().params) {
        EXPECT_LT(p.min, p.max) << p.id;
        EXPECT_GE(p.defaultValue, p.min) << p.id;
        EXPECT_LE(p.defaultValue, p.max) << p.id;
        EXPECT_GT(p.step, 0) << p.id;
        EXPECT_LE(p.step, (p.max - p.min) / 10) << p.id;
        EXPECT_FALSE(p.label.en.empty() || p.label.zh.empty()) << p.id;
        EXPECT_FALSE(p.tooltip.en.empty() || p.tooltip.zh.empty()) << p.id;
    }
    EXPECT_EQ(checkParams(spec(), spec().defaults()), "") << spec().id;
}

TEST_P(RegistryRow, ResolvesByIdAndTorchNameInAnyCase) {
    const ActivationSpec& s = spec();
    KeywordArgs variant;
    if (!s.torchVariantKey.empty())
        variant.emplace_back(s.torchVariantKey, s.torchVariantValue);
    for (const std::string& name : {std::string(s.id), std::string(s.torchName),
                                    toLowerAscii(s.torchName)}) {
        const ResolvedCall r = resolveActivation(name, variant);
        ASSERT_TRUE(r.ok()) << r.error;
        EXPECT_EQ(r.call.spec.get(), &s) << name;
    }
}

INSTANTIATE_TEST_SUITE_P(Registry, RegistryRow, ::testing::ValuesIn(allIds()), idTestName);

TEST(Registry, CoversTorchNnElementwiseActivations) {
    std::set<std::string_view> torch;
    std::set<std::string_view> ids;
    for (const ActivationSpec& s : activations()) {
        torch.insert(s.torchName);
        EXPECT_TRUE(ids.insert(s.id).second) << "duplicate id " << s.id;
    }
    for (const char* name : {"Sigmoid", "Tanh", "ReLU", "LeakyReLU", "PReLU", "RReLU", "ELU",
                             "CELU", "SELU", "GELU", "Softplus", "SiLU", "Mish", "Hardtanh",
                             "ReLU6", "Hardsigmoid", "Hardswish", "Softsign", "LogSigmoid",
                             "Tanhshrink", "Softshrink", "Hardshrink", "Threshold", "Identity"})
        EXPECT_TRUE(torch.count(name)) << name;
    EXPECT_EQ(activations().size(), 25u);
}

TEST(Registry, ClassicsComeFirstInTeachingOrder) {
    const std::set<std::string_view> classics = {"sigmoid", "tanh", "relu", "leaky_relu",
                                                 "prelu",   "elu",  "gelu", "selu"};
    for (std::size_t i = 0; i < activations().size(); ++i)
        EXPECT_EQ(i < 8, classics.count(activations()[i].id) == 1) << activations()[i].id;
}

TEST(Registry, GeluVariantIsChosenByApproximate) {
    EXPECT_EQ(resolveActivation("GELU", {}).call.spec->id, "gelu");
    EXPECT_EQ(resolveActivation("GELU", {{"approximate", "tanh"}}).call.spec->id, "gelu_tanh");
    EXPECT_EQ(resolveActivation("gelu", {{"approximate", "none"}}).call.spec->id, "gelu");
    EXPECT_FALSE(resolveActivation("GELU", {{"approximate", "fast"}}).ok());
}

TEST(Registry, RejectsParametersTheFunctionDoesNotAccept) {
    EXPECT_FALSE(resolveActivation("CELU", {{"alpha", "0"}}).ok());
    EXPECT_FALSE(resolveActivation("Hardtanh", {{"min_val", "1"}, {"max_val", "1"}}).ok());
    EXPECT_FALSE(resolveActivation("Softshrink", {{"lambd", "-0.1"}}).ok());
    EXPECT_FALSE(resolveActivation("Hardshrink", {{"lambd", "-1"}}).ok());
    EXPECT_FALSE(resolveActivation("ELU", {{"alpha", "nan"}}).ok());
    EXPECT_FALSE(resolveActivation("ELU", {{"alpha", "abc"}}).ok());
    EXPECT_FALSE(resolveActivation("ELU", {{"beta", "1"}}).ok());
    EXPECT_FALSE(resolveActivation("Swishy", {}).ok());
    // Slider ranges are not limits: torch accepts a negative LeakyReLU slope.
    const ResolvedCall r = resolveActivation("LeakyReLU", {{"negative_slope", "-0.5"}});
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.call.spec->f(-2.0, r.call.params), 1.0);
}

TEST(Registry, FormatsParametersAsTheGoldenFilesDo) {
    const ResolvedCall r = resolveActivation("Softplus", {{"beta", "2"}});
    EXPECT_EQ(formatTorchParams(*r.call.spec, r.call.params), "beta=2.0;threshold=20.0");
    const ResolvedCall g = resolveActivation("GELU", {{"approximate", "tanh"}});
    EXPECT_EQ(formatTorchParams(*g.call.spec, g.call.params), "approximate=tanh");
    const ResolvedCall l = resolveActivation("LeakyReLU", {});
    EXPECT_EQ(formatTorchParams(*l.call.spec, l.call.params), "negative_slope=0.01");
}

}  // namespace
}  // namespace actlab::test
