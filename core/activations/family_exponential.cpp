// Registry rows for the exponential linear units; the kernels are in family_exponential.h.
// Each row is one activation: adding one here (with its kernel) adds it everywhere.

#include "family_exponential.h"
#include "fast_kernels.h"
#include "registry.h"

namespace actlab::detail {

void appendExponentialRows(std::vector<ActivationSpec>& rows) {
    rows.push_back(kernel::row<kernels::ELU>({
        .id = "elu",
        .torchName = "ELU",
        .name = {"ELU",
                 "ELU（指数线性单元）"},
        .group = Group::Classic,
        .formula = "f(x) = x if x > 0, else α·(eˣ − 1)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>, if <i>x</i> &gt; "
                       "0<br><i>f</i>(<i>x</i>) = α&middot;(<i>e</i><sup><i>x</i></sup> "
                       "&minus; 1), if <i>x</i> ≤ 0",
        .range = {"(−α, ∞); (−1, ∞) for α = 1",
                  "(−α, ∞)；α = 1 时为 (−1, ∞)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C1,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = true,
                       .saturating = false},
        .teaching = {"ELU is the identity for positive inputs and a smooth exponential "
                     "curve α(eˣ − 1) for negative inputs, which levels off at −α. The "
                     "negative outputs push mean activations closer to zero, and the "
                     "gradient for x < 0 is α·eˣ, never exactly zero, so units do not die; "
                     "the saturation gives a noise-robust 'off' state. With α = 1 the "
                     "slopes on both sides agree at 0 and the curve is C¹; any other α "
                     "leaves a kink there. It costs an exponential for every negative "
                     "input, and its gradient still vanishes for very negative inputs.",
                     "ELU 在正半轴是恒等映射，在负半轴是一条平滑的指数曲线 α(eˣ − "
                     "1)，并逐渐趋平于 −α。负输出能把激活值的均值往 0 拉近；x < 0"
                     " 时梯度为 α·eˣ，永远不会恰好为 0，所以神经元不会死亡，而负半轴的"
                     "饱和又给神经元提供了一个对噪声不敏感的“关闭”状态。α = 1 时两侧斜"
                     "率在 0 点正好相等，曲线一阶导数连续（C¹）；α 取其他值时 0 点会"
                     "留下一个折角。缺点是每个负输入都要算一次指数，而且输入非常负时梯度同样趋"
                     "于 0。"},
        .pytorch = "nn.ELU(alpha=1.0)  # or F.elu(x, alpha=1.0)",
        .kinkConvention = "at x = 0: f′ = α and f″ = α (the left piece); C¹ only when α = 1",
        .fast = {fast::kElu.fdf, fast::kElu.f},
    }));

    rows.push_back(kernel::row<kernels::SELU>({
        .id = "selu",
        .torchName = "SELU",
        .name = {"SELU",
                 "SELU（缩放指数线性单元）"},
        .group = Group::Classic,
        .formula = "f(x) = λ·x if x > 0, else λ·α·(eˣ − 1), with α ≈ 1.6733, λ ≈ 1.0507",
        .formulaHtml = "<i>f</i>(<i>x</i>) = λ&middot;<i>x</i>, if <i>x</i> &gt; "
                       "0<br><i>f</i>(<i>x</i>) = λα&middot;(<i>e</i><sup><i>x</i></sup> "
                       "&minus; 1), if <i>x</i> ≤ 0<br>α ≈ 1.6733, λ ≈ 1.0507",
        .range = {"(−λα, ∞) ≈ (−1.758, ∞)",
                  "(−λα, ∞)，约 (−1.758, ∞)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C0,
                       .zeroCentred = true,
                       .boundedAbove = false,
                       .boundedBelow = true,
                       .saturating = false},
        .teaching = {"SELU is a scaled ELU, λ·ELU(x; α), with the fixed constants α ≈ "
                     "1.6733 and λ ≈ 1.0507 chosen so that activations are driven towards "
                     "zero mean and unit variance from layer to layer: the network "
                     "'self-normalises' without batch normalisation (Klambauer et al., "
                     "2017). The guarantee holds only under its assumptions: LeCun-normal "
                     "initialisation (in PyTorch, kaiming_normal_ with "
                     "nonlinearity='linear'), standardised inputs, plain fully connected "
                     "feed-forward layers, and AlphaDropout instead of ordinary dropout. "
                     "Add residual connections, batch normalisation or ordinary dropout "
                     "and the guarantee is gone; SELU then acts as just another ELU-like "
                     "activation. Its slope jumps at 0 (λα ≈ 1.758 on the left, λ ≈ 1.051 "
                     "on the right), so the curve is only C⁰.",
                     "SELU 是放大后的 ELU，即 λ·ELU(x; α)，其中 α ≈ "
                     "1.6733、λ ≈ 1.0507 是固定常数，经过专门推导，使激活值逐"
                     "层传递时自动趋向均值 0、方差 1，网络因此可以在不用批归一化的情况下“"
                     "自归一化”（Klambauer 等，2017）。但这个保证只在特定前提下"
                     "成立：权重采用 LeCun 正态初始化（PyTorch 中为 kaimi"
                     "ng_normal_ 并设 nonlinearity='linear'）"
                     "，输入事先标准化，网络是普通的全连接前馈结构，并且用 AlphaDrop"
                     "out 代替普通 Dropout。一旦加入残差连接、批归一化或普通 Dr"
                     "opout，这一保证就不复存在，SELU 也就只是一个普通的 ELU 类"
                     "激活函数。它在 0 点两侧的斜率不同（左侧 λα ≈ 1.758，右侧 "
                     "λ ≈ 1.051），因此曲线只是连续（C⁰）。"},
        .pytorch = "nn.SELU()  # or F.selu(x)\nnn.init.kaiming_normal_(layer.weight, "
                   "nonlinearity='linear')  # LeCun-normal init",
        .kinkConvention = "at x = 0: f′ = λα ≈ 1.7581 and f″ = λα (the left piece); the "
                          "right limit of f′ is λ ≈ 1.0507",
        .fast = {fast::kSelu.fdf, fast::kSelu.f},
    }));

    rows.push_back(kernel::row<kernels::CELU>({
        .id = "celu",
        .torchName = "CELU",
        .name = {"CELU",
                 "CELU（连续可微指数线性单元）"},
        .group = Group::Smooth,
        .formula = "f(x) = x if x > 0, else α·(exp(x/α) − 1)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>, if <i>x</i> &gt; "
                       "0<br><i>f</i>(<i>x</i>) = α&middot;(<i>e</i><sup><i>x</i>/α</sup> "
                       "&minus; 1), if <i>x</i> ≤ 0",
        .range = {"(−α, ∞); (−1, ∞) for α = 1",
                  "(−α, ∞)；α = 1 时为 (−1, ∞)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C1,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = true,
                       .saturating = false},
        .teaching = {"CELU is a reparametrised ELU: for x ≤ 0 it uses α(e^(x/α) − 1), so "
                     "the slope just left of 0 is always 1 and the curve is continuously "
                     "differentiable (C¹) for every α > 0, whereas ELU has a kink unless α "
                     "= 1. With the default α = 1 it is identical to ELU. α sets how deep "
                     "the negative side saturates (−α) and how slowly it gets there. "
                     "Otherwise it shares ELU's strengths (negative outputs, no dead "
                     "units) and costs (an exponential per negative input, vanishing "
                     "gradient for very negative inputs).",
                     "CELU 是对 ELU 的重新参数化：x ≤ 0 时取 α(e^(x/α"
                     ") − 1)，这样 0 点左侧的斜率永远是 1，无论 α（> 0）取多少"
                     "，曲线的一阶导数都连续（C¹）；而 ELU 只有在 α = 1 时才没有"
                     "折角。默认 α = 1 时，它与 ELU 完全相同。α 既决定负半轴饱和"
                     "的深度（−α），也决定曲线趋近这个下限的快慢。除此之外，它的优点（有负输"
                     "出、不会出现死神经元）和代价（每个负输入都要算指数、输入很负时梯度消失）"
                     "都与 ELU 一样。"},
        .pytorch = "nn.CELU(alpha=1.0)  # or F.celu(x, alpha=1.0)",
        .kinkConvention = "at x = 0: f′ = 1 and f″ = 1/α (the left piece); C¹ for every α",
        .fast = {fast::kCelu.fdf, fast::kCelu.f},
    }));
}

}  // namespace actlab::detail
