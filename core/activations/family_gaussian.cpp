// Registry rows for GELU in its two forms; the kernels are in family_gaussian.h.
// Each row is one activation: adding one here (with its kernel) adds it everywhere.

#include "family_gaussian.h"
#include "fast_kernels.h"
#include "registry.h"

namespace actlab::detail {

void appendGaussianRows(std::vector<ActivationSpec>& rows) {
    rows.push_back(kernel::row<kernels::GELU>({
        .id = "gelu",
        .torchName = "GELU",
        .torchVariantKey = "approximate",
        .torchVariantValue = "none",
        .name = {"GELU",
                 "GELU（高斯误差线性单元）"},
        .group = Group::Classic,
        .formula = "f(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>&middot;Φ(<i>x</i>)<br>= "
                       "½&middot;<i>x</i>&middot;(1 + erf(<i>x</i>/√2))",
        .range = {"[≈ −0.170, ∞)",
                  "[约 −0.170, ∞)"},
        .properties = {.monotonic = false,
                       .smoothness = Smoothness::CInfinity,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = true,
                       .saturating = false},
        .teaching = {"GELU weights each input by Φ(x), the probability that a standard "
                     "normal variable is smaller than x: the result is a smooth version of "
                     "ReLU that lets small negative inputs through with a small weight. "
                     "Because of this it has a shallow dip (minimum ≈ −0.170 at x ≈ "
                     "−0.752), so it is non-monotonic and its outputs are not sparse like "
                     "ReLU's. It is the standard activation of Transformers such as BERT, "
                     "GPT and ViT, where it usually trains slightly better than ReLU. The "
                     "exact form evaluates an error function (erf) for every element and "
                     "is several times slower than ReLU, not faster; that cost is why the "
                     "tanh approximation exists.",
                     "GELU 用 Φ(x)（标准正态变量小于 x 的概率）给每个输入加权，得"
                     "到一个平滑版的 ReLU：较小的负输入也能以很小的权重通过。正因为如此，"
                     "曲线在负半轴有一个浅浅的下凹（在 x ≈ −0.752 处取最小值约 −"
                     "0.170），所以它不是单调函数，输出也不像 ReLU 那样稀疏。它是 "
                     "BERT、GPT、ViT 等 Transformer 模型的标准激活函数"
                     "，在这类模型中通常比 ReLU 效果略好。精确形式对每个元素都要计算一次"
                     "误差函数 erf，速度比 ReLU 慢好几倍，而不是更快；也正因为开销大"
                     "，才有了 tanh 近似版本。"},
        .pytorch = "nn.GELU()  # approximate='none' (exact erf); or F.gelu(x)",
        .kinkConvention = "smooth everywhere",
        .fast = {fast::kGelu.fdf, fast::kGelu.f},
    }));

    rows.push_back(kernel::row<kernels::GELUTanh>({
        .id = "gelu_tanh",
        .torchName = "GELU",
        .torchVariantKey = "approximate",
        .torchVariantValue = "tanh",
        .name = {"GELU (tanh approximation)",
                 "GELU-tanh（tanh 近似的 GELU）"},
        .group = Group::Smooth,
        .formula = "f(x) = ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))",
        .formulaHtml = "<i>f</i>(<i>x</i>) = ½&middot;<i>x</i>&middot;(1 + tanh "
                       "<i>u</i>)<br><i>u</i> = √(2/π)&middot;(<i>x</i> + "
                       "0.044715&middot;<i>x</i><sup>3</sup>)",
        .range = {"[≈ −0.170, ∞)",
                  "[约 −0.170, ∞)"},
        .properties = {.monotonic = false,
                       .smoothness = Smoothness::CInfinity,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = true,
                       .saturating = false},
        .teaching = {"This is the tanh approximation of GELU, selected in PyTorch with "
                     "approximate='tanh'. It differs from the exact erf form by less than "
                     "5·10⁻⁴ everywhere, which is invisible on a plot, and it is the "
                     "variant used in the original BERT and GPT-2 code, so exact "
                     "reproduction of those models needs it. It avoids erf, which is slow "
                     "on some hardware, but still needs a tanh per element and remains "
                     "clearly more expensive than ReLU. Like exact GELU it is smooth and "
                     "non-monotonic, with a minimum of about −0.170 near x ≈ −0.752.",
                     "这是 GELU 的 tanh 近似形式，在 PyTorch 中用 app"
                     "roximate='tanh' 选用。它与精确的 erf 形式处处相差不"
                     "到 5×10⁻⁴，画在图上根本看不出区别；BERT 和 GPT-2 的原"
                     "始代码用的正是这个版本，想精确复现这些模型就得用它。它省去了在某些硬件上"
                     "较慢的 erf，但每个元素仍要算一次 tanh，开销依然明显高于 ReL"
                     "U。和精确 GELU 一样，它光滑且非单调，在 x ≈ −0.752 附"
                     "近取得最小值约 −0.170。"},
        .pytorch = "nn.GELU(approximate='tanh')  # or F.gelu(x, approximate='tanh')",
        .kinkConvention = "smooth everywhere",
        .fast = {fast::kGeluTanh.fdf, fast::kGeluTanh.f},
    }));
}

}  // namespace actlab::detail
