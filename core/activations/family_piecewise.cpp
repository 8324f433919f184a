// Registry rows for ReLU, its relatives and the other piecewise functions; the kernels are in family_piecewise.h.
// Each row is one activation: adding one here (with its kernel) adds it everywhere.

#include "family_piecewise.h"
#include "fast_kernels.h"
#include "registry.h"

namespace actlab::detail {

void appendPiecewiseRows(std::vector<ActivationSpec>& rows) {
    rows.push_back(kernel::row<kernels::ReLU>({
        .id = "relu",
        .torchName = "ReLU",
        .name = {"ReLU",
                 "ReLU（修正线性单元）"},
        .group = Group::Classic,
        .formula = "f(x) = max(0, x)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>, if <i>x</i> &gt; "
                       "0<br><i>f</i>(<i>x</i>) = 0, if <i>x</i> ≤ 0",
        .range = {"[0, ∞)",
                  "[0, ∞)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C0,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = true,
                       .saturating = false},
        .teaching = {"ReLU passes positive inputs unchanged and sets negative inputs to "
                     "zero; it is the default hidden-layer activation of most CNNs and "
                     "MLPs. It is extremely cheap (a single comparison) and its gradient "
                     "is exactly 1 for x > 0, so it does not saturate on the positive side "
                     "and greatly reduces, but does not eliminate, vanishing gradients in "
                     "deep networks. For x < 0 the gradient is exactly 0 (PyTorch also "
                     "uses 0 at x = 0), so a unit whose input stays negative stops "
                     "learning for good: the 'dying ReLU' problem, often triggered by a "
                     "too-large learning rate. Its outputs are non-negative, hence not "
                     "zero-centred, and it has a kink at 0.",
                     "ReLU 让正输入原样通过，把负输入一律置零，是目前大多数 CNN 和 "
                     "MLP 隐藏层的默认激活函数。它的计算极其便宜（只需一次比较），x > "
                     "0 时梯度恒为 1，正半轴不会饱和，因此大大缓解了深层网络的梯度消失，但"
                     "并没有把这个问题彻底消除。x < 0 时梯度恰好为 0（PyTorch "
                     "在 x = 0 处也取 0），如果某个神经元的输入始终为负，它就再也得不"
                     "到更新，这就是所谓的“神经元死亡”（dying ReLU），学习率过大时"
                     "尤其容易发生。此外它的输出非负、不以零为中心，并且在 0 点有一个折角。"},
        .pytorch = "nn.ReLU()  # or F.relu(x)",
        .kinkConvention = "at x = 0: f′ = 0 and f″ = 0 (torch's convention; the left piece)",
        .fast = {fast::kRelu.fdf, fast::kRelu.f},
    }));

    rows.push_back(kernel::row<kernels::LeakyReLU>({
        .id = "leaky_relu",
        .torchName = "LeakyReLU",
        .name = {"Leaky ReLU",
                 "Leaky ReLU（带泄漏的 ReLU）"},
        .group = Group::Classic,
        .formula = "f(x) = x if x > 0, else α·x",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>, if <i>x</i> &gt; "
                       "0<br><i>f</i>(<i>x</i>) = α&middot;<i>x</i>, if <i>x</i> ≤ 0",
        .range = {"(−∞, ∞) for α > 0",
                  "(−∞, ∞)（α > 0 时）"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C0,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = false,
                       .saturating = false},
        .teaching = {"Leaky ReLU behaves like ReLU for positive inputs but gives negative "
                     "inputs a small fixed slope α (0.01 by default in PyTorch), so the "
                     "gradient is never exactly zero and units cannot die the way ReLU "
                     "units can. It costs practically the same as ReLU and is a safe "
                     "drop-in replacement. The slope is a hyperparameter you have to "
                     "choose; with α = 0.01 the negative outputs are tiny, so activations "
                     "stay mostly positive and results are often very close to plain ReLU.",
                     "Leaky ReLU 在正半轴与 ReLU 完全相同，负半轴则保留一个很"
                     "小的固定斜率 α（PyTorch 默认 0.01），这样梯度永远不会恰好"
                     "为 0，神经元也就不会像 ReLU 那样“死掉”。它的计算量和 ReLU"
                     " 几乎一样，可以直接替换 ReLU 使用。斜率 α 是需要人为设定的超参"
                     "数；取 0.01 时负输出非常小，激活值仍以正数为主，实际效果往往和普通"
                     " ReLU 相差无几。"},
        .pytorch = "nn.LeakyReLU(negative_slope=0.01)  # or F.leaky_relu(x, 0.01)",
        .kinkConvention = "at x = 0: f′ = negative_slope, f″ = 0 (the left piece)",
        .fast = {fast::kLeaky.fdf, fast::kLeaky.f},
    }));

    rows.push_back(kernel::row<kernels::PReLU>({
        .id = "prelu",
        .torchName = "PReLU",
        .name = {"PReLU",
                 "PReLU（参数化 ReLU）"},
        .group = Group::Classic,
        .formula = "f(x) = x if x > 0, else a·x  (a is learned)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>, if <i>x</i> &gt; "
                       "0<br><i>f</i>(<i>x</i>) = <i>a</i>&middot;<i>x</i>, if <i>x</i> ≤ "
                       "0<br>(<i>a</i> is learned)",
        .range = {"(−∞, ∞) for a > 0",
                  "(−∞, ∞)（a > 0 时）"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C0,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = false,
                       .saturating = false},
        .teaching = {"PReLU (parametric ReLU) has the shape of Leaky ReLU, but its "
                     "negative-side slope a is a learnable parameter, updated by "
                     "back-propagation together with the weights; PyTorch initialises it "
                     "to 0.25 and by default shares one slope across all channels "
                     "(num_parameters=1), or learns one per channel. Letting the network "
                     "choose the slope avoids dead units and gave a measurable accuracy "
                     "gain in very deep image classifiers (He et al., 2015). The extra "
                     "parameters can over-fit small data sets, and weight decay should not "
                     "be applied to a, since it pulls the slope towards 0, i.e. back to "
                     "ReLU. Nothing constrains the learned a: it can even become negative, "
                     "making the function non-monotonic.",
                     "PReLU（参数化 ReLU）的形状和 Leaky ReLU 一样，区别"
                     "在于负半轴的斜率 a 是可学习参数，会和权重一起通过反向传播更新；PyT"
                     "orch 把它初始化为 0.25，默认所有通道共用一个斜率（num_pa"
                     "rameters=1），也可以让每个通道各学一个。让网络自己决定斜率，既"
                     "能避免神经元死亡，也在很深的图像分类网络里带来了可观的精度提升（He 等"
                     "，2015）。代价是多了参数，小数据集上可能过拟合；而且不应对 a 施加"
                     "权重衰减，否则斜率会被拉向 0，又退回 ReLU。学到的 a 不受任何约"
                     "束，甚至可能变成负数，此时函数就不再单调。"},
        .pytorch = "nn.PReLU(num_parameters=1, init=0.25)  # a is stored in .weight and "
                   "trained",
        .kinkConvention = "at x = 0: f′ = weight, f″ = 0 (the left piece)",
        .fast = {fast::kLeaky.fdf, fast::kLeaky.f},
    }));

    rows.push_back(kernel::row<kernels::Hardtanh>({
        .id = "hardtanh",
        .torchName = "Hardtanh",
        .name = {"Hardtanh",
                 "Hardtanh（硬 tanh）"},
        .group = Group::Piecewise,
        .formula = "f(x) = a if x < a, b if x > b, else x  (a = min_val, b = max_val)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>a</i>, if <i>x</i> &lt; "
                       "<i>a</i><br><i>f</i>(<i>x</i>) = <i>x</i>, if <i>a</i> ≤ <i>x</i> "
                       "≤ <i>b</i><br><i>f</i>(<i>x</i>) = <i>b</i>, if <i>x</i> &gt; "
                       "<i>b</i>",
        .range = {"[a, b] = [min_val, max_val]; [−1, 1] by default",
                  "[a, b] = [min_val, max_val]；默认 [−1, "
                  "1]"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C0,
                       .zeroCentred = true,
                       .boundedAbove = true,
                       .boundedBelow = true,
                       .saturating = true},
        .teaching = {"Hardtanh clips its input to [min_val, max_val], [−1, 1] by default: "
                     "a piecewise-linear, very cheap stand-in for tanh. Inside the "
                     "interval the gradient is exactly 1 and outside it is exactly 0 "
                     "(PyTorch also uses 0 at the two corners), so saturated units receive "
                     "no gradient at all. It appears where cheap bounded outputs are "
                     "wanted, e.g. as the gradient clip of the straight-through estimator "
                     "in binarised networks; ReLU6 is Hardtanh(0, 6), and the clipped ReLU "
                     "of Deep Speech 2 is Hardtanh(0, 20).",
                     "Hardtanh 把输入截断到 [min_val, max_val] 区"
                     "间内（默认 [−1, 1]），是 tanh 的分段线性、计算极便宜的替代"
                     "品。区间内梯度恰好为 1，区间外恰好为 0（PyTorch 在两个拐角处"
                     "也取 0），因此一旦饱和，神经元就完全得不到梯度。需要廉价的有界输出时会"
                     "用到它，例如二值化网络中直通估计器（STE）的梯度截断；ReLU6 就是"
                     " Hardtanh(0, 6)，Deep Speech 2 中的截断 R"
                     "eLU 则是 Hardtanh(0, 20)。"},
        .pytorch = "nn.Hardtanh(min_val=-1.0, max_val=1.0)  # or F.hardtanh(x)",
        .kinkConvention = "at x = min_val and x = max_val: f′ = 0 and f″ = 0",
        .fast = {fast::kHardtanh.fdf, fast::kHardtanh.f},
    }));

    rows.push_back(kernel::row<kernels::Hardsigmoid>({
        .id = "hardsigmoid",
        .torchName = "Hardsigmoid",
        .name = {"Hardsigmoid",
                 "Hardsigmoid（硬 Sigmoid）"},
        .group = Group::Piecewise,
        .formula = "f(x) = ReLU6(x + 3) / 6 = 0 if x ≤ −3, 1 if x ≥ 3, else x/6 + ½",
        .formulaHtml = "<i>f</i>(<i>x</i>) = 0, if <i>x</i> ≤ "
                       "&minus;3<br><i>f</i>(<i>x</i>) = <i>x</i>/6 + ½, if &minus;3 &lt; "
                       "<i>x</i> &lt; 3<br><i>f</i>(<i>x</i>) = 1, if <i>x</i> ≥ 3",
        .range = {"[0, 1]",
                  "[0, 1]"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C0,
                       .zeroCentred = false,
                       .boundedAbove = true,
                       .boundedBelow = true,
                       .saturating = true},
        .teaching = {"Hardsigmoid is a piecewise-linear approximation of the sigmoid; "
                     "PyTorch defines it as ReLU6(x + 3)/6, i.e. 0 for x ≤ −3, 1 for x ≥ 3 "
                     "and x/6 + ½ in between. Keras 2 and Theano use a different 'hard "
                     "sigmoid', 0.2x + 0.5 clipped to [0, 1], so the two are not "
                     "interchangeable. It needs only an add, a clamp and a multiply, which "
                     "is why MobileNetV3 uses it in its squeeze-and-excitation gates and "
                     "to build Hardswish. Its gradient is the constant 1/6 on (−3, 3) and "
                     "exactly 0 outside, and unlike the sigmoid it actually reaches 0 and "
                     "1.",
                     "Hardsigmoid 是 Sigmoid 的分段线性近似；PyTorc"
                     "h 把它定义为 ReLU6(x + 3)/6，即 x ≤ −3 时为 0"
                     "，x ≥ 3 时为 1，中间为 x/6 + ½。Keras 2 和 Th"
                     "eano 里的“hard sigmoid”是另一种定义（0.2x + 0"
                     ".5 再截断到 [0, 1]），两者不能混用。它只需要一次加法、一次截断"
                     "和一次乘法，所以 MobileNetV3 在 SE（squeeze-an"
                     "d-excitation）门控里用它，并用它来构造 Hardswish。"
                     "它的梯度在 (−3, 3) 内是常数 1/6，区间外恰好为 0；与 Si"
                     "gmoid 不同，它能真正取到 0 和 1。"},
        .pytorch = "nn.Hardsigmoid()  # or F.hardsigmoid(x)",
        .kinkConvention = "at x = ±3: f′ = 0 and f″ = 0",
    }));

    rows.push_back(kernel::row<kernels::Hardswish>({
        .id = "hardswish",
        .torchName = "Hardswish",
        .name = {"Hardswish",
                 "Hardswish（硬 Swish）"},
        .group = Group::Piecewise,
        .formula = "f(x) = x·ReLU6(x + 3)/6 = 0 if x ≤ −3, x if x ≥ 3, else x·(x + 3)/6",
        .formulaHtml = "<i>f</i>(<i>x</i>) = 0, if <i>x</i> ≤ "
                       "&minus;3<br><i>f</i>(<i>x</i>) = <i>x</i>&middot;(<i>x</i> + 3)/6, "
                       "if &minus;3 &lt; <i>x</i> &lt; 3<br><i>f</i>(<i>x</i>) = <i>x</i>, "
                       "if <i>x</i> ≥ 3",
        .range = {"[−0.375, ∞)",
                  "[−0.375, ∞)"},
        .properties = {.monotonic = false,
                       .smoothness = Smoothness::C0,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = true,
                       .saturating = false},
        .teaching = {"Hardswish, x·ReLU6(x + 3)/6, is a cheap piecewise approximation of "
                     "SiLU/Swish introduced with MobileNetV3: 0 for x ≤ −3, x for x ≥ 3 "
                     "and the parabola x(x + 3)/6 in between. It keeps Swish's small "
                     "negative dip (minimum exactly −0.375 at x = −1.5), so it is "
                     "non-monotonic, but needs no exponential, which makes it fast and "
                     "easy to quantise on mobile hardware. Its slope jumps at ±3 (from 0 "
                     "to −0.5 at x = −3 and from 1.5 to 1 at x = 3), so the curve is only "
                     "C⁰, and the gradient is exactly 0 for x < −3.",
                     "Hardswish 即 x·ReLU6(x + 3)/6，是随 Mobi"
                     "leNetV3 提出的 SiLU/Swish 廉价分段近似：x ≤ −3"
                     " 时为 0，x ≥ 3 时为 x，中间是抛物线 x(x + 3)/6。它"
                     "保留了 Swish 负半轴的小下凹（在 x = −1.5 处取最小值，恰"
                     "为 −0.375），因此是非单调的；但它完全不需要指数运算，在移动端硬件"
                     "上既快又容易量化。它的斜率在 ±3 处跳变（x = −3 处从 0 跳到"
                     " −0.5，x = 3 处从 1.5 跳到 1），所以曲线只是连续（C⁰"
                     "），并且 x < −3 时梯度恰好为 0。"},
        .pytorch = "nn.Hardswish()  # or F.hardswish(x)",
        .kinkConvention = "at x = −3: f′ = −0.5; at x = 3: f′ = 1.5 (the middle piece, "
                          "torch's scalar convention); f″ = 1/3 on [−3, 3] and 0 outside",
        .fast = {fast::kHardswish.fdf, fast::kHardswish.f},
    }));

    rows.push_back(kernel::row<kernels::ReLU6>({
        .id = "relu6",
        .torchName = "ReLU6",
        .name = {"ReLU6",
                 "ReLU6（上限为 6 的 ReLU）"},
        .group = Group::Piecewise,
        .formula = "f(x) = min(max(0, x), 6)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = 0, if <i>x</i> ≤ 0<br><i>f</i>(<i>x</i>) = "
                       "<i>x</i>, if 0 &lt; <i>x</i> &lt; 6<br><i>f</i>(<i>x</i>) = 6, if "
                       "<i>x</i> ≥ 6",
        .range = {"[0, 6]",
                  "[0, 6]"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C0,
                       .zeroCentred = false,
                       .boundedAbove = true,
                       .boundedBelow = true,
                       .saturating = true},
        .teaching = {"ReLU6 is ReLU capped at 6, min(max(0, x), 6). The cap keeps "
                     "activations in a small fixed range, which makes it robust in "
                     "low-precision fixed-point and 8-bit arithmetic; MobileNetV2 uses it "
                     "for exactly that reason. Like ReLU it is very cheap and has gradient "
                     "1 on (0, 6), but the gradient is 0 both below 0 and above 6 (PyTorch "
                     "also takes 0 at both corners), so units can get stuck on either "
                     "side.",
                     "ReLU6 就是把上限封在 6 的 ReLU，即 min(max(0, "
                     "x), 6)。这个上限让激活值始终处在一个固定的小范围内，在低精度的定点"
                     "或 8 位整数运算中更加稳健，MobileNetV2 正是出于这个原因采"
                     "用它。它和 ReLU 一样计算极便宜，在 (0, 6) 内梯度为 1；但"
                     "在 0 以下和 6 以上梯度都是 0（PyTorch 在两个拐角处也取 "
                     "0），所以神经元在两侧都可能卡住不动。"},
        .pytorch = "nn.ReLU6()  # or F.relu6(x)",
        .kinkConvention = "at x = 0 and x = 6: f′ = 0 and f″ = 0",
        .fast = {fast::kRelu6.fdf, fast::kRelu6.f},
    }));

    rows.push_back(kernel::row<kernels::Softshrink>({
        .id = "softshrink",
        .torchName = "Softshrink",
        .name = {"Softshrink",
                 "Softshrink（软阈值收缩）"},
        .group = Group::Piecewise,
        .formula = "f(x) = x − λ if x > λ, x + λ if x < −λ, else 0",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i> &minus; λ, if <i>x</i> &gt; "
                       "λ<br><i>f</i>(<i>x</i>) = 0, if &minus;λ ≤ <i>x</i> ≤ "
                       "λ<br><i>f</i>(<i>x</i>) = <i>x</i> + λ, if <i>x</i> &lt; &minus;λ",
        .range = {"(−∞, ∞)",
                  "(−∞, ∞)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C0,
                       .zeroCentred = true,
                       .boundedAbove = false,
                       .boundedBelow = false,
                       .saturating = false},
        .teaching = {"Softshrink is the soft-thresholding operator: inputs with |x| ≤ λ "
                     "become exactly 0, and all others are moved towards zero by λ. It is "
                     "the proximal operator of the L1 norm, so it appears in sparse coding "
                     "(ISTA and its unrolled network LISTA) and in wavelet denoising, "
                     "where it produces genuinely sparse outputs. The curve is continuous "
                     "with kinks at ±λ, and the gradient is 0 throughout the dead zone "
                     "[−λ, λ], so small inputs receive no gradient. It is seldom used as a "
                     "general hidden-layer activation.",
                     "Softshrink 就是软阈值算子：|x| ≤ λ 的输入直接变为 0"
                     "，其余输入都朝 0 的方向收缩 λ。它是 L1 范数的近端算子，因此常见"
                     "于稀疏编码（ISTA 算法及其展开网络 LISTA）和小波去噪，能产生真"
                     "正稀疏的输出。曲线是连续的，但在 ±λ 处有折角；在死区 [−λ, λ]"
                     " 内梯度处处为 0，小输入得不到任何梯度。它很少被当作通用的隐藏层激活函"
                     "数。"},
        .pytorch = "nn.Softshrink(lambd=0.5)  # or F.softshrink(x, 0.5)",
        .kinkConvention = "at x = ±λ: f′ = 0 and f″ = 0",
    }));

    rows.push_back(kernel::row<kernels::Hardshrink>({
        .id = "hardshrink",
        .torchName = "Hardshrink",
        .name = {"Hardshrink",
                 "Hardshrink（硬阈值收缩）"},
        .group = Group::Piecewise,
        .formula = "f(x) = x if |x| > λ, else 0",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>, if |<i>x</i>| &gt; "
                       "λ<br><i>f</i>(<i>x</i>) = 0, if |<i>x</i>| ≤ λ",
        .range = {"(−∞, −λ) ∪ {0} ∪ (λ, ∞); (−∞, −0.5) ∪ {0} ∪ (0.5, ∞) for λ = 0.5",
                  "(−∞, −λ) ∪ {0} ∪ (λ, ∞)；λ = 0.5 时为 ("
                  "−∞, −0.5) ∪ {0} ∪ (0.5, ∞)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::Discontinuous,
                       .zeroCentred = true,
                       .boundedAbove = false,
                       .boundedBelow = false,
                       .saturating = false},
        .teaching = {"Hardshrink is the hard-thresholding operator: inputs with |x| ≤ λ "
                     "become exactly 0, and larger inputs pass through unchanged. Unlike "
                     "Softshrink it does not shrink the large values, but the output jumps "
                     "at ±λ (between 0 and about ±λ), so the function is discontinuous. "
                     "Its gradient is 0 inside the dead zone and 1 outside. It is used for "
                     "sparsity and denoising (hard thresholding of coefficients) rather "
                     "than as a general activation.",
                     "Hardshrink 是硬阈值算子：|x| ≤ λ 的输入直接变为 0，"
                     "更大的输入原样通过。与 Softshrink 不同，它不会把大的值往回收"
                     "缩，但输出在 ±λ 处会在 0 和约 ±λ 之间跳变，所以函数是不连续的"
                     "。它的梯度在死区内为 0，在死区外为 1。它主要用于稀疏化和去噪（对系数"
                     "做硬阈值处理），一般不作为通用激活函数。"},
        .pytorch = "nn.Hardshrink(lambd=0.5)  # or F.hardshrink(x, 0.5)",
        .kinkConvention = "at x = ±λ: f = 0, f′ = 0 and f″ = 0 (f jumps there)",
    }));

    rows.push_back(kernel::row<kernels::Threshold>({
        .id = "threshold",
        .torchName = "Threshold",
        .name = {"Threshold",
                 "Threshold（阈值函数）"},
        .group = Group::Piecewise,
        .formula = "f(x) = x if x > θ, else v",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>, if <i>x</i> &gt; "
                       "θ<br><i>f</i>(<i>x</i>) = <i>v</i>, if <i>x</i> ≤ θ",
        .range = {"{v} ∪ (θ, ∞); {−1} ∪ (1, ∞) for θ = 1, v = −1",
                  "{v} ∪ (θ, ∞)；θ = 1、v = −1 时为 {−1} ∪ "
                  "(1, ∞)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::Discontinuous,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = true,
                       .saturating = false},
        .teaching = {"Threshold replaces every input x ≤ θ by a constant value v and "
                     "passes larger inputs unchanged; this app uses θ = 1 and v = −1 "
                     "(PyTorch requires both arguments and has no defaults). Unless v = θ, "
                     "the curve jumps at x = θ, so it is discontinuous, and its gradient "
                     "is 0 for every x ≤ θ, so those inputs get no learning signal. ReLU "
                     "is the special case θ = 0, v = 0. It is mainly useful for teaching "
                     "and post-processing rather than as a trainable hidden activation.",
                     "Threshold 把所有 x ≤ θ 的输入替换成常数 v，更大的输入"
                     "原样通过；本应用取 θ = 1、v = −1（PyTorch 要求显式给"
                     "出这两个参数，没有默认值）。除非 v = θ，曲线在 x = θ 处会跳"
                     "变，因而不连续；而且 x ≤ θ 时梯度一律为 0，这部分输入得不到任何"
                     "学习信号。ReLU 就是 θ = 0、v = 0 的特例。它主要用于教学"
                     "演示和后处理，一般不作为需要训练的隐藏层激活。"},
        .pytorch = "nn.Threshold(threshold=1.0, value=-1.0)  # or F.threshold(x, 1.0, -1.0)",
        .kinkConvention = "at x = threshold: f = value, f′ = 0 and f″ = 0 (f jumps there)",
    }));

    rows.push_back(kernel::row<kernels::RReLU>({
        .id = "rrelu",
        .torchName = "RReLU",
        .name = {"RReLU",
                 "RReLU（随机泄漏 ReLU）"},
        .group = Group::Piecewise,
        .formula = "f(x) = x if x > 0, else a·x, with a = (l + u)/2 in eval (a ~ U(l, u) "
                   "in training)",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>, if <i>x</i> &gt; "
                       "0<br><i>f</i>(<i>x</i>) = <i>a</i>&middot;<i>x</i>, if <i>x</i> ≤ "
                       "0<br><i>a</i> = (<i>l</i> + <i>u</i>)/2 (eval)",
        .range = {"(−∞, ∞)",
                  "(−∞, ∞)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::C0,
                       .zeroCentred = false,
                       .boundedAbove = false,
                       .boundedBelow = false,
                       .saturating = false},
        .teaching = {"RReLU (randomised leaky ReLU) is a Leaky ReLU whose negative slope "
                     "is drawn at random from the uniform distribution U(lower, upper) = "
                     "U(1/8, 1/3), separately for every element, during training; the "
                     "noise acts as a regulariser against over-fitting. In evaluation mode "
                     "(model.eval()) the randomness is switched off and the slope is fixed "
                     "at the mean, (lower + upper)/2 = 11/48 ≈ 0.229, which is the curve "
                     "shown here. Like Leaky ReLU it is cheap and never has a zero "
                     "gradient; its drawbacks are that training and evaluation behave "
                     "differently and that it is rarely used today.",
                     "RReLU（随机泄漏 ReLU）是一种 Leaky ReLU：训练时，它"
                     "对每个元素分别从均匀分布 U(lower, upper) = U(1/8"
                     ", 1/3) 中随机抽取负半轴斜率，这种噪声起到防止过拟合的正则化作用。"
                     "在评估模式（model.eval()）下随机性被关闭，斜率固定为平均值 "
                     "(lower + upper)/2 = 11/48 ≈ 0.229，这里"
                     "画出的就是这条曲线。它和 Leaky ReLU 一样计算便宜、梯度永不为"
                     " 0；缺点是训练和评估时的行为不一致，而且如今已很少使用。"},
        .pytorch = "nn.RReLU(lower=1/8, upper=1/3).eval()  # eval slope (1/8 + 1/3)/2 ≈ "
                   "0.229",
        .kinkConvention = "at x = 0: f′ = (lower + upper)/2, f″ = 0 (the left piece)",
        .fast = {fast::kRrelu.fdf, fast::kRrelu.f},
    }));

    rows.push_back(kernel::row<kernels::Identity>({
        .id = "identity",
        .torchName = "Identity",
        .name = {"Identity",
                 "Identity（恒等函数）"},
        .group = Group::Piecewise,
        .formula = "f(x) = x",
        .formulaHtml = "<i>f</i>(<i>x</i>) = <i>x</i>",
        .range = {"(−∞, ∞)",
                  "(−∞, ∞)"},
        .properties = {.monotonic = true,
                       .smoothness = Smoothness::CInfinity,
                       .zeroCentred = true,
                       .boundedAbove = false,
                       .boundedBelow = false,
                       .saturating = false},
        .teaching = {"Identity returns its input unchanged, f(x) = x, with derivative 1 "
                     "everywhere: it is the 'no activation' baseline. A network built only "
                     "from linear layers and identity activations collapses to a single "
                     "linear map however many layers it has, so it cannot learn curved "
                     "decision boundaries such as XOR; try it in the mini-network. It is "
                     "the right choice for the output layer of a regression model, and "
                     "nn.Identity is a handy placeholder when swapping activations in "
                     "code.",
                     "Identity 把输入原样返回，f(x) = x，导数处处为 1，相当"
                     "于“不加激活函数”的对照组。只由线性层和恒等激活组成的网络，无论叠多少层"
                     "，整体都等价于一个线性映射，因此学不出 XOR 这类弯曲的决策边界，不妨"
                     "在迷你网络面板里亲自试试。它是回归模型输出层的正确选择；在代码中替换激活"
                     "函数时，nn.Identity 也是一个方便的占位模块。"},
        .pytorch = "nn.Identity()  # returns its input unchanged",
        .kinkConvention = "linear everywhere: f′ = 1, f″ = 0",
        .fast = {fast::kIdentity.fdf, fast::kIdentity.f},
    }));
}

}  // namespace actlab::detail
