#include "formula_gallery.h"

#include <stdexcept>
#include <string>

#include "formula/formula.h"
#include "formula_activation.h"

namespace actlab {

namespace {

constexpr FormulaGalleryEntry kGallery[] = {
    {"sine",
     "Sine",
     {"Sine", "正弦"},
     "sin(x)",
     {},
     {"Periodic, as in SIREN networks: each unit repeats, so a few of them can wrap around a "
      "spiral or fit fine detail that a monotonic activation needs many units for.",
      "周期函数，SIREN 网络就用它：每个单元都重复出现，所以少量单元就能绕住螺旋或拟合细节，"
      "而单调的激活函数要用很多单元才能做到。"}},
    {"gaussian",
     "Gaussian",
     {"Gaussian", "高斯函数"},
     "exp(-x^2)",
     {},
     {"A bump: a unit answers only near the centre of its input, like a radial basis function, "
      "and the function is not monotonic.",
      "一个鼓包：单元只在输入靠近中心时才有响应，像径向基函数一样，而且它不是单调函数。"}},
    {"binary_step",
     "Binary step",
     {"Binary step", "阶跃函数"},
     "step(x)",
     {},
     {"The perceptron's switch: its derivative is 0 wherever it exists, so backpropagation "
      "passes no gradient through it and a network of steps cannot learn.",
      "感知机的开关：凡是导数存在的地方导数都为 0，反向传播无法让梯度通过，"
      "所以由阶跃函数组成的网络学不会。"}},
    {"bent_identity",
     "Bent identity",
     {"Bent identity", "弯曲恒等函数"},
     "(sqrt(x^2+1)-1)/2 + x",
     {},
     {"The identity with a gentle bend: smooth, unbounded both ways, its slope between 1/2 and "
      "3/2, so gradients never vanish.",
      "带一点弯曲的恒等函数：光滑、两侧都无界，斜率在 1/2 到 3/2 之间，所以梯度永远不会消失。"}},
    {"swish_beta",
     "Swish-β",
     {"Swish-β", "Swish-β"},
     "x*sigmoid(b*x)",
     {{{"b", 1.5}}},
     {"x·σ(βx): β = 1 is SiLU, a large β approaches ReLU and β = 0 gives the line x/2; drag b "
      "to see the whole family.",
      "x·σ(βx)：β = 1 就是 SiLU，β 越大越接近 ReLU，β = 0 时是直线 x/2；拖动 b 看整个函数族。"}},
    {"squareplus",
     "Squareplus",
     {"Squareplus", "Squareplus"},
     "(x + sqrt(x^2 + b))/2",
     {{{"b", 4}}},
     {"A smooth ReLU built from a square root alone: b sets how round the corner is, and b = 0 "
      "is ReLU itself.",
      "只用平方根构造的光滑 ReLU：b 决定拐角有多圆，b = 0 时就是 ReLU 本身。"}},
    {"snake",
     "Snake",
     {"Snake", "Snake"},
     "x + sin(a*x)^2/a",
     {{{"a", 1}}},
     {"The identity plus a periodic ripple: it keeps a linear trend yet can learn periodic "
      "patterns; a sets the frequency.",
      "恒等函数加上周期性的波纹：它保留线性趋势，又能学习周期性的模式；a 决定频率。"}},
    {"smooth_step",
     "Smooth step",
     {"Smooth step", "平滑阶跃"},
     "sigmoid(k*x)",
     {{{"k", 5}}},
     {"A steep sigmoid: as k grows it approaches the binary step, and its gradient crowds into "
      "an ever narrower band around 0.",
      "陡峭的 sigmoid：k 越大越接近阶跃函数，它的梯度也越来越挤在 0 附近的一条窄带里。"}},
};

}  // namespace

std::span<const FormulaGalleryEntry> formulaGallery() {
    return kGallery;
}

const FormulaGalleryEntry* findGalleryEntry(std::string_view id) {
    for (const FormulaGalleryEntry& e : kGallery)
        if (e.id == id) return &e;
    return nullptr;
}

ActivationCall galleryCall(const FormulaGalleryEntry& entry) {
    const FormulaActivationResult r = makeFormulaActivation(entry.formula, entry.name);
    if (!r.ok()) throw std::logic_error("gallery formula does not compile: " + r.error);
    ParamValues values{};
    const std::vector<std::string>& names = r.row->program->params();
    for (std::size_t i = 0; i < names.size(); ++i) {
        values[i] = kFormulaParamDefault;
        for (const GalleryParam& p : entry.params)
            if (!p.name.empty() && p.name == names[i]) values[i] = p.value;
    }
    return {r.row, values};
}

}  // namespace actlab
