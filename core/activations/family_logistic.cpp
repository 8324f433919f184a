// Registry rows for Sigmoid, Tanh and the smooth functions built on them; the kernels are in family_logistic.h.
// Each row is one activation: adding one here (with its kernel) adds it everywhere.

#include "family_logistic.h"
#include "fast_kernels.h"
#include "registry.h"

namespace actlab::detail {

void appendLogisticRows(std::vector<ActivationSpec>& rows) {
    rows.push_back(kernel::row<kernels::Sigmoid>({
        .id = "sigmoid",
        .torchName = "Sigmoid",
        .name = {"Sigmoid",
                 "Sigmoid（S 型函数）"},
        .group = Group::Classic,
        .formula = "f(x) = σ(x) = 1 / (1 + e⁻ˣ)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = σ(<i>x</i>) = 1 / (1 + "
                       "<i>e</i><sup>&minus;<i>x</i></sup>)",
        .range = {"(0, 1)",
                  "(0, 1)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::CInfinity,
                       .zeroCentred = false,
                       .boundedAbove = true,
                       .boundedBelow = true,
                       .saturating = true},
        .teaching = {"The logistic sigmoid squashes any real number into the open interval "
                     "(0, 1): 0 and 1 are approached but never reached, so the output can "
                     "be read as a probability. Today it is used mainly at the output of "
                     "binary or multi-label classifiers and in the gates of LSTM and GRU "
                     "cells. Its derivative σ(x)·(1 − σ(x)) is at most 0.25 (at x = 0) and "
                     "decays towards zero for large |x|, so stacked sigmoid layers suffer "
                     "badly from vanishing gradients. Its outputs are always positive (not "
                     "zero-centred), which makes the weight gradients of the next neuron "
                     "share one sign and leads to zig-zag updates; it also costs an "
                     "exponential per element.",
                     "Sigmoid 把任意实数压缩到开区间 (0, 1) 内：输出只会无限接"
                     "近 0 和 1，却永远取不到，因此可以把它理解为概率。如今它主要用在二分"
                     "类或多标签分类的输出层，以及 LSTM、GRU 的门控结构里。它的导数 "
                     "σ(x)·(1 − σ(x)) 最大只有 0.25（在 x = 0 处）"
                     "，|x| 一大就迅速趋近于 0，层数一多梯度消失就非常严重。它的输出恒为"
                     "正、不以零为中心，会让下一个神经元各权重的梯度符号一致，参数更新走“之”"
                     "字形路线；另外每个元素都要算一次指数。"},
        .pytorch = "nn.Sigmoid()  # or torch.sigmoid(x)",
        .kinkConvention = "smooth everywhere",
        .fast = {fast::kSigmoid.fdf, fast::kSigmoid.f},
    }));

    rows.push_back(kernel::row<kernels::Tanh>({
        .id = "tanh",
        .torchName = "Tanh",
        .name = {"Tanh",
                 "Tanh（双曲正切）"},
        .group = Group::Classic,
        .formula = "f(x) = tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = (<i>e</i><sup><i>x</i></sup> &minus; "
                       "<i>e</i><sup>&minus;<i>x</i></sup>) / (<i>e</i><sup><i>x</i></sup> "
                       "+ <i>e</i><sup>&minus;<i>x</i></sup>)",
        .range = {"(−1, 1)",
                  "(−1, 1)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::CInfinity,
                       .zeroCentred = true,
                       .boundedAbove = true,
                       .boundedBelow = true,
                       .saturating = true},
        .teaching = {"Tanh is a shifted and rescaled sigmoid, tanh(x) = 2σ(2x) − 1, whose "
                     "outputs lie in the open interval (−1, 1) and are centred at zero, "
                     "which usually makes optimisation easier than with sigmoid. Its slope "
                     "at the origin is 1, four times sigmoid's maximum, but it still "
                     "saturates: for |x| > 3 the derivative 1 − tanh²(x) is below 0.01, so "
                     "deep tanh networks also suffer from vanishing gradients. It remains "
                     "the standard nonlinearity inside RNN and LSTM cells and a good "
                     "hidden-layer choice for small networks. It is not a 'regression' "
                     "activation: regression models normally use a linear (identity) "
                     "output layer.",
                     "Tanh 可以看成平移、缩放后的 Sigmoid，即 tanh(x) ="
                     " 2σ(2x) − 1，输出落在开区间 (−1, 1) 内并以零为中心，"
                     "所以通常比 Sigmoid 更好训练。它在原点的斜率为 1，是 Sigm"
                     "oid 最大斜率的 4 倍，但两端照样会饱和：|x| > 3 时导数 1"
                     " − tanh²(x) 已不足 0.01，深层网络中梯度依然会消失。它至"
                     "今仍是 RNN、LSTM 单元内部的标准非线性，也很适合作小型网络的隐藏"
                     "层激活。要注意，它并不是“专门用于回归”的函数，回归模型的输出层一般直接"
                     "用线性（恒等）输出。"},
        .pytorch = "nn.Tanh()  # or torch.tanh(x)",
        .kinkConvention = "smooth everywhere",
        .fast = {fast::kTanh.fdf, fast::kTanh.f},
    }));

    rows.push_back(kernel::row<kernels::SiLU>({
        .id = "silu",
        .torchName = "SiLU",
        .name = {"SiLU (Swish)",
                 "SiLU / Swish（Sigmoid 加权线性单元）"},
        .group = Group::Smooth,
        .formula = "f(x) = x·σ(x) = x / (1 + e⁻ˣ)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>&middot;σ(<i>x</i>) = <i>x</i> / (1 + "
                       "<i>e</i><sup>&minus;<i>x</i></sup>)",
        .range = {"[≈ −0.278, ∞)",
                  "[约 −0.278, ∞)"},
        .properties = {.monotonic = false,
                       .smoothness = Smoothness::CInfinity,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = true,
                       .saturating = false},
        .teaching = {"SiLU, also known as Swish (with β = 1), multiplies the input by its "
                     "own sigmoid, x·σ(x): the input gates itself. It is smooth, unbounded "
                     "above and bounded below, with a small negative dip (minimum ≈ −0.278 "
                     "at x ≈ −1.278), so it is non-monotonic. Rediscovered by automated "
                     "search (Ramachandran et al., 2017), it often matches or beats ReLU "
                     "in deep networks and is used in EfficientNet, YOLOv5 and the SwiGLU "
                     "feed-forward blocks of LLaMA. It costs an exponential per element, "
                     "and its gradient vanishes for very negative inputs.",
                     "SiLU 又称 Swish（β = 1 的情形），它用输入自身的 Sig"
                     "moid 值给输入加权，即 x·σ(x)，相当于输入给自己“开门”。它光"
                     "滑，上方无界、下方有界，负半轴有一个小小的下凹（在 x ≈ −1.278"
                     " 处取最小值约 −0.278），因此不是单调函数。它通过自动搜索被重新发"
                     "现（Ramachandran 等，2017），在深层网络中往往与 ReL"
                     "U 持平甚至更好，EfficientNet、YOLOv5 以及 LLaM"
                     "A 的 SwiGLU 前馈层都用到了它。代价是每个元素要算一次指数，输入"
                     "很负时梯度也会消失。"},
        .pytorch = "nn.SiLU()  # or F.silu(x)",
        .kinkConvention = "smooth everywhere",
        .fast = {fast::kSilu.fdf, fast::kSilu.f},
    }));

    rows.push_back(kernel::row<kernels::Mish>({
        .id = "mish",
        .torchName = "Mish",
        .name = {"Mish",
                 "Mish（自门控平滑激活）"},
        .group = Group::Smooth,
        .formula = "f(x) = x·tanh(softplus(x)) = x·tanh(ln(1 + eˣ))",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>&middot;tanh(ln(1 + "
                       "<i>e</i><sup><i>x</i></sup>))",
        .range = {"[≈ −0.309, ∞)",
                  "[约 −0.309, ∞)"},
        .properties = {.monotonic = false,
                       .smoothness = Smoothness::CInfinity,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = true,
                       .saturating = false},
        .teaching = {"Mish, x·tanh(softplus(x)), is a smooth self-gated activation whose "
                     "shape is very close to SiLU's, with a slightly deeper negative dip "
                     "(minimum ≈ −0.309 at x ≈ −1.192); it is therefore non-monotonic, "
                     "bounded below and unbounded above. It became popular through the "
                     "YOLOv4 object detector, where it gave small accuracy gains. It is "
                     "one of the most expensive common activations (an exp, a log and a "
                     "tanh per element), and its advantage over SiLU is small and depends "
                     "on the task.",
                     "Mish 的定义是 x·tanh(softplus(x))，是一种光滑的"
                     "自门控激活函数，形状与 SiLU 非常接近，只是负半轴的下凹略深一些（在"
                     " x ≈ −1.192 处取最小值约 −0.309），因此它同样非单调、"
                     "下方有界、上方无界。它因 YOLOv4 目标检测器而流行，在那里带来了小"
                     "幅的精度提升。它是常用激活函数中计算最贵的之一（每个元素要算指数、对数和"
                     " tanh 各一次），相对 SiLU 的优势也不大，而且因任务而异。"},
        .pytorch = "nn.Mish()  # or F.mish(x)",
        .kinkConvention = "smooth everywhere",
        .fast = {fast::kMish.fdf, fast::kMish.f},
    }));

    rows.push_back(kernel::row<kernels::Softplus>({
        .id = "softplus",
        .torchName = "Softplus",
        .name = {"Softplus",
                 "Softplus（平滑版 ReLU）"},
        .group = Group::Smooth,
        .formula = "f(x) = (1/β)·ln(1 + exp(β·x)), or x if β·x > θ",
        .formulaHtml = "<i>f</i>(<i>x</i>) = (1/β)&middot;ln(1 + "
                       "<i>e</i><sup>β<i>x</i></sup>), if β<i>x</i> ≤ "
                       "θ<br><i>f</i>(<i>x</i>) = <i>x</i>, if β<i>x</i> &gt; θ",
        .range = {"(0, ∞)",
                  "(0, ∞)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::CInfinity,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = true,
                       .saturating = false},
        .teaching = {"Softplus is a smooth approximation of ReLU: always positive, "
                     "infinitely differentiable, with derivative σ(βx), so its gradient is "
                     "never exactly zero. It is often used where a strictly positive "
                     "output is required, for example a standard deviation or a rate in a "
                     "probabilistic model; a larger β makes it hug ReLU more tightly. For "
                     "numerical stability PyTorch returns x itself once β·x > threshold "
                     "(20 by default); the difference there is only about 2·10⁻⁹, so the "
                     "implemented curve has a tiny, invisible jump. As a hidden activation "
                     "it is slower than ReLU (an exp and a log per element), not "
                     "zero-centred, and its gradient vanishes for very negative inputs.",
                     "Softplus 是 ReLU 的光滑近似：输出恒为正，处处无穷次可导，"
                     "导数正好是 σ(βx)，所以梯度永远不会恰好为 0。需要严格为正的输出时"
                     "（例如概率模型里的标准差或速率）经常用到它；β 越大，曲线越贴近 ReL"
                     "U。为了数值稳定，PyTorch 在 β·x > threshold（默"
                     "认 20）时直接返回 x，此处的差值只有约 2×10⁻⁹，因此实际实现的"
                     "曲线在这里有一个肉眼看不见的微小跳变。作为隐藏层激活，它比 ReLU 慢"
                     "（每个元素要算一次指数和一次对数），输出不以零为中心，输入很负时梯度也会"
                     "消失。"},
        .pytorch = "nn.Softplus(beta=1, threshold=20)  # or F.softplus(x, beta=1, "
                   "threshold=20)",
        .kinkConvention = "at x·β = threshold: f, f′ and f″ take the log1p piece (the "
                          "switch to x is strict); above it f = x, f′ = 1, f″ = 0",
        .fast = {fast::kSoftplus.fdf, fast::kSoftplus.f},
    }));

    rows.push_back(kernel::row<kernels::LogSigmoid>({
        .id = "logsigmoid",
        .torchName = "LogSigmoid",
        .name = {"LogSigmoid",
                 "LogSigmoid（对数 Sigmoid）"},
        .group = Group::Smooth,
        .formula = "f(x) = ln σ(x) = −ln(1 + e⁻ˣ)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = ln σ(<i>x</i>) = &minus;ln(1 + "
                       "<i>e</i><sup>&minus;<i>x</i></sup>)",
        .range = {"(−∞, 0)",
                  "(−∞, 0)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::CInfinity,
                       .zeroCentred = false,
                       .boundedAbove = true,
                       .boundedBelow = false,
                       .saturating = false},
        .teaching = {"LogSigmoid is ln σ(x) = −softplus(−x): a smooth, increasing curve "
                     "that is always negative, tends to 0 for large x and follows the line "
                     "y = x for very negative x. It is rarely a hidden-layer activation; "
                     "its main job is inside loss functions, because computing log σ(x) "
                     "directly stays finite and accurate, whereas taking the log of a "
                     "sigmoid that has rounded to 0 gives −∞. Typical uses are logistic "
                     "(binary cross-entropy) losses on logits and the negative-sampling "
                     "loss of word2vec. Its gradient σ(−x) vanishes for large positive x.",
                     "LogSigmoid 即 ln σ(x) = −softplus(−x)"
                     "，是一条光滑、单调递增且恒为负的曲线：x 很大时趋近 0，x 很负时贴近"
                     "直线 y = x。它很少用作隐藏层激活，主要用在损失函数内部：直接计算 "
                     "log σ(x) 结果有限且精确，而先算 Sigmoid 再取对数，一旦"
                     " Sigmoid 舍入成 0 就会得到 −∞。典型用法包括基于 logi"
                     "ts 的逻辑回归（二元交叉熵）损失，以及 word2vec 的负采样损失"
                     "。x 很大时，它的梯度 σ(−x) 会趋于 0。"},
        .pytorch = "nn.LogSigmoid()  # or F.logsigmoid(x)",
        .kinkConvention = "smooth everywhere",
        .fast = {fast::kLogSigmoid.fdf, fast::kLogSigmoid.f},
    }));

    rows.push_back(kernel::row<kernels::Softsign>({
        .id = "softsign",
        .torchName = "Softsign",
        .name = {"Softsign",
                 "Softsign（软符号函数）"},
        .group = Group::Smooth,
        .formula = "f(x) = x / (1 + |x|)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i> / (1 + |<i>x</i>|)",
        .range = {"(−1, 1)",
                  "(−1, 1)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C1,
                       .zeroCentred = true,
                       .boundedAbove = true,
                       .boundedBelow = true,
                       .saturating = true},
        .teaching = {"Softsign, x / (1 + |x|), has the same S shape, zero-centred output "
                     "and open range (−1, 1) as tanh, but approaches its asymptotes "
                     "polynomially instead of exponentially. Its derivative 1/(1 + |x|)² "
                     "decays like 1/x², so it saturates much more gently than tanh, and it "
                     "needs no exponential. It is nevertheless rarely used: it still "
                     "saturates for large |x|, and its second derivative jumps at 0, so "
                     "the curve is C¹ rather than C∞.",
                     "Softsign 即 x / (1 + |x|)，和 tanh 一样是 "
                     "S 形曲线，输出以零为中心，范围也是开区间 (−1, 1)，只是它以多项"
                     "式速度而不是指数速度逼近渐近线。它的导数 1/(1 + |x|)² 按 "
                     "1/x² 衰减，因此饱和得比 tanh 平缓得多，而且不需要计算指数。尽"
                     "管如此，它在实践中很少使用：|x| 很大时照样会饱和，并且二阶导数在 0"
                     " 点跳变，曲线只是 C¹，而不是无穷次可导。"},
        .pytorch = "nn.Softsign()  # or F.softsign(x)",
        .kinkConvention = "at x = 0: f″ = 0 (sgn(0) = 0, as torch's autograd); the "
                          "one-sided limits are ∓2",
        .fast = {fast::kSoftsign.fdf, fast::kSoftsign.f},
    }));

    rows.push_back(kernel::row<kernels::Tanhshrink>({
        .id = "tanhshrink",
        .torchName = "Tanhshrink",
        .name = {"Tanhshrink",
                 "Tanhshrink（tanh 收缩）"},
        .group = Group::Smooth,
        .formula = "f(x) = x − tanh(x)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i> &minus; tanh(<i>x</i>)",
        .range = {"(−∞, ∞)",
                  "(−∞, ∞)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::CInfinity,
                       .zeroCentred = true,
                       .boundedAbove = false,
                       .boundedBelow = false,
                       .saturating = false},
        .teaching = {"Tanhshrink, x − tanh(x), is what is left of the input after tanh is "
                     "subtracted: it is almost flat near 0 (it behaves like x³/3) and "
                     "approaches the lines x − 1 and x + 1 for large |x|. It is odd, "
                     "monotonic and unbounded, with derivative tanh²(x), which is 0 at the "
                     "origin and tends to 1 on both sides, so it never saturates. It acts "
                     "as a smooth shrinkage that nearly zeroes small inputs, but it is "
                     "rarely used as a hidden activation, and in floating point it is "
                     "inaccurate near 0 because x and tanh(x) cancel.",
                     "Tanhshrink 即 x − tanh(x)，也就是输入减去 tan"
                     "h 之后剩下的部分：在 0 附近几乎是平的（近似于 x³/3），|x| "
                     "很大时分别贴近直线 x − 1 和 x + 1。它是奇函数，单调且无界，"
                     "导数为 tanh²(x)：在原点为 0，向两侧趋于 1，因此不会饱和。它"
                     "相当于一种平滑的“收缩”，能把很小的输入几乎压成 0，但很少用作隐藏层激"
                     "活；另外在 0 附近 x 与 tanh(x) 相互抵消，浮点计算的精度很"
                     "差。"},
        .pytorch = "nn.Tanhshrink()  # or F.tanhshrink(x)",
        .kinkConvention = "smooth everywhere",
        .fast = {fast::kTanhshrink.fdf, fast::kTanhshrink.f},
    }));
}

}  // namespace actlab::detail
