#include "script_sections.h"

#include "python_text.h"

namespace actlab::pytorch::detail {

namespace {

using nn::OutputKind;

bool usesFunctional(const Plan& p) {
    return p.output() == OutputKind::SigmoidBce || p.output() == OutputKind::SoftmaxCe;
}

bool hasPRelu(const Plan& p) {
    for (const nn::LayerParams& l : p.weights)
        if (!l.learnable.empty()) return true;
    return false;
}

nn::Regularization regularization(const Plan& p) {
    const nn::TrainingConfig& c = p.training();
    return c.regularizationRate > 0 ? c.regularization : nn::Regularization::None;
}

std::string setup(const Plan& p) {
    std::string s;
    if (!p.inlineData) s += "import csv\n";
    s += "import math\n";
    if (!p.inlineData) s += "from pathlib import Path\n";
    s += "\nimport torch\nfrom torch import nn\n";
    if (usesFunctional(p)) s += "import torch.nn.functional as F\n";
    s += "\ntorch.set_default_dtype(torch.float64)  # the app computes in double precision\n";
    s += "EPOCHS = " + std::to_string(p.options.epochs) + "\n";
    s += "LEARNING_RATE = " + pyFloat(p.training().learningRate) + "\n";
    s += "BATCH_SIZE = " + std::to_string(p.training().batchSize) + "\n";
    if (!p.playground())
        s += "SEED = " + std::to_string(p.session.seed) +
             "  # the session's seed: the app shuffles the training points with it\n";
    switch (regularization(p)) {
        case nn::Regularization::L1:
            s += "L1_RATE = " + pyFloat(p.training().regularizationRate) +
                 "  # L1 regularisation of the weights (not the biases)\n";
            break;
        case nn::Regularization::L2:
            s += "L2_RATE = " + pyFloat(p.training().regularizationRate) +
                 "  # L2 regularisation of the weights (not the biases)\n";
            break;
        case nn::Regularization::None:
            break;
    }
    return s;
}

std::string pointList(const std::vector<nn::Point>& points, int numClasses) {
    std::vector<std::string> items;
    items.reserve(points.size());
    for (const nn::Point& pt : points) {
        // Class labels are whole numbers (±1, 0 … K−1); regression targets are floats.
        const std::string label =
            numClasses == 0 ? pyFloat(pt.label) : std::to_string(static_cast<long long>(pt.label));
        items.push_back("(" + pyFloat(pt.x) + ", " + pyFloat(pt.y) + ", " + label + ")");
    }
    return items.empty() ? "[]\n" : "[\n" + wrapItems(items, 4) + "]\n";
}

std::string data(const Plan& p) {
    const std::string train = std::to_string(p.data.train.size());
    const std::string test = std::to_string(p.data.test.size());
    if (p.inlineData)
        return "# The points (x1, x2, label) in the app's order: " + train + " for training, " +
               test + " for testing.\nTRAIN = " + pointList(p.data.train, p.data.numClasses) +
               "TEST = " + pointList(p.data.test, p.data.numClasses);
    const std::string file = pyString(p.options.dataFileName);
    const std::string path = p.target == Target::Script ? "Path(__file__).with_name(" + file + ")"
                                                        : "Path(" + file + ")";
    return "def read_points(split):\n"
           "    \"\"\"The points (x1, x2, label) of one split, in the app's order.\"\"\"\n"
           "    with open(DATA_FILE, newline=\"\") as f:\n"
           "        return [(float(r[\"x\"]), float(r[\"y\"]), float(r[\"label\"]))\n"
           "                for r in csv.DictReader(f) if r[\"split\"] == split]\n\n\n"
           "# The points are in a CSV file next to this " +
           std::string(p.target == Target::Script ? "script" : "notebook") + ": " + train +
           " for training, " + test + " for testing.\nDATA_FILE = " + path +
           "\nTRAIN, TEST = read_points(\"train\"), read_points(\"test\")\n";
}

std::string features(const Plan& p) {
    static const char* const kCode[] = {"x1",      "x2",           "x1 * x1",     "x2 * x2",
                                        "x1 * x2", "math.sin(x1)", "math.sin(x2)"};
    static const char* const kLabel[] = {"x1", "x2", "x1²", "x2²", "x1·x2", "sin x1", "sin x2"};
    std::vector<std::string> code, labels;
    for (nn::Feature f : p.network().features) {
        code.push_back(kCode[int(f)]);
        labels.push_back(kLabel[int(f)]);
    }
    std::string labelText;
    for (const std::string& l : labels) labelText += (labelText.empty() ? "" : ", ") + l;
    const std::string shape =
        p.emptySet() ? ".reshape(-1, " + std::to_string(code.size()) + ")" : "";
    std::string s =
        "def features(points):\n"
        "    \"\"\"The network's inputs for each point (x1, x2, label): " +
        labelText + ".\"\"\"\n    return torch.tensor([" + pyList(code) +
        " for x1, x2, _ in points])" + shape + "\n\n\n";
    s += "def targets(points):\n";
    const std::string column = p.emptySet() ? ".reshape(-1, 1)" : "";
    switch (p.output()) {
        case OutputKind::TanhSquare:
        case OutputKind::LinearSquare:
            s += std::string("    \"\"\"") +
                 (p.regression() ? "The regression targets" : "The labels ±1") +
                 ", one column like the output.\"\"\"\n"
                 "    return torch.tensor([[float(label)] for _, _, label in points])" +
                 column + "\n";
            break;
        case OutputKind::SigmoidBce:
            s +=
                "    \"\"\"1 for the label +1 and 0 for −1, one column like the output.\"\"\"\n"
                "    return torch.tensor([[1.0 if label > 0 else 0.0] for _, _, label in points])" +
                column + "\n";
            break;
        case OutputKind::SoftmaxCe:
            if (p.data.numClasses == 2)
                s += "    \"\"\"Class indices: 1 for the label +1, 0 for −1.\"\"\"\n"
                     "    return torch.tensor([int(label > 0) for _, _, label in points], "
                     "dtype=torch.long)\n";
            else
                s += "    \"\"\"Class indices 0 … " + std::to_string(p.data.numClasses - 1) +
                     ".\"\"\"\n"
                     "    return torch.tensor([int(label) for _, _, label in points], "
                     "dtype=torch.long)\n";
            break;
    }
    return s;
}

/// One parameter tensor as a Python list: a vector on one line (wrapped when long), a matrix
/// with one row per line.
std::string parameterValue(const std::vector<double>& v, int rows, int cols) {
    if (rows <= 0) {
        const std::string line = "    " + pyList(pyFloats(v)) + ",\n";
        if (line.size() <= 101) return line;
        return "    [\n" + wrapItems(pyFloats(v), 8) + "    ],\n";
    }
    std::string s = "    [\n";
    for (int r = 0; r < rows; ++r) {
        const std::vector<double> row(v.begin() + long(r) * cols, v.begin() + long(r + 1) * cols);
        const std::string line = "        " + pyList(pyFloats(row)) + ",\n";
        s += line.size() <= 101 ? line
                                : "        [\n" + wrapItems(pyFloats(row), 12) + "        ],\n";
    }
    return s + "    ],\n";
}

std::string model(const Plan& p) {
    std::string defs;
    for (const TorchModule& m : p.modules)
        for (const std::string* d : {&m.definition, &m.function})
            if (!d->empty() && defs.find(*d) == std::string::npos) defs += *d + "\n\n";
    std::string s = defs +
                    "def make_model():\n"
                    "    \"\"\"The network, with the app's starting weights.\"\"\"\n"
                    "    model = nn.Sequential(\n";
    int in = static_cast<int>(p.network().features.size());
    for (std::size_t l = 0; l < p.modules.size(); ++l) {
        const int out = p.network().hidden[l].neurons;
        const std::string line = "        nn.Linear(" + std::to_string(in) + ", " +
                                 std::to_string(out) + "), " + p.modules[l].expression + ",";
        const std::string& comment = p.modules[l].comment;
        if (comment.empty())
            s += line + "\n";
        else if (line.size() + 4 + comment.size() <= 100)
            s += line + "  # " + comment + "\n";
        else
            s += "        # " + comment + "\n" + line + "\n";
        in = out;
    }
    const std::string outputs = std::to_string(p.network().outputs);
    s += "        nn.Linear(" + std::to_string(in) + ", " + outputs + "),";
    switch (p.output()) {
        case OutputKind::TanhSquare:
            s += " nn.Tanh(),  # the output: tanh, loss ½(o − t)²\n";
            break;
        case OutputKind::LinearSquare:
            s += "  # the output: linear, loss ½(o − t)²\n";
            break;
        case OutputKind::SigmoidBce:
            s += "  # the output: a logit (the loss applies the sigmoid)\n";
            break;
        case OutputKind::SoftmaxCe:
            s += "  # the output: " + outputs + " logits (the loss applies the softmax)\n";
            break;
    }
    s += "    )\n"
         "    with torch.no_grad():\n"
         "        for parameter, value in zip(model.parameters(), INITIAL_PARAMETERS):\n"
         "            parameter.copy_(torch.tensor(value))\n"
         "    return model\n\n\n";
    s +=
        "# The starting weights, in the order of model.parameters(): each nn.Linear's weight (one\n"
        "# row per neuron) and bias" +
        std::string(hasPRelu(p) ? ", and each PReLU's weight" : "") + ".\nINITIAL_PARAMETERS = [\n";
    for (std::size_t l = 0; l < p.weights.size(); ++l) {
        const nn::LayerParams& w = p.weights[l];
        const std::string name = l + 1 < p.weights.size() ? "layer " + std::to_string(l + 1)
                                                          : std::string("output layer");
        s += "    # " + name + ": nn.Linear(" + std::to_string(w.in) + ", " +
             std::to_string(w.out) + ") weight and bias\n";
        s += parameterValue(w.w, w.out, w.in) + parameterValue(w.b, 0, 0);
        if (!w.learnable.empty()) {
            s += "    # " + name + ": PReLU weight\n";
            s += parameterValue(w.learnable, 0, 0);
        }
    }
    return s + "]\n";
}

std::string loss(const Plan& p) {
    std::string s = "def loss_fn(output, target):\n";
    switch (p.output()) {
        case OutputKind::TanhSquare:
        case OutputKind::LinearSquare:
            s += "    \"\"\"The loss of each point, ½(o − t)² (the app reports its mean).\"\"\"\n"
                 "    return 0.5 * (output - target) ** 2\n";
            break;
        case OutputKind::SigmoidBce:
            s += "    \"\"\"The binary cross-entropy of each point, from the logit.\"\"\"\n"
                 "    return F.binary_cross_entropy_with_logits(output, target, "
                 "reduction=\"none\")\n";
            break;
        case OutputKind::SoftmaxCe:
            s += "    \"\"\"The cross-entropy of each point, from the logits.\"\"\"\n"
                 "    return F.cross_entropy(output, target, reduction=\"none\")\n";
            break;
    }
    s += "\n\ndef accuracy(output, target):\n";
    if (p.regression()) {
        s += "    \"\"\"Regression has no classes: the app reports nan.\"\"\"\n"
             "    return math.nan\n";
    } else {
        switch (p.output()) {
            case OutputKind::TanhSquare:
            case OutputKind::LinearSquare:
                s += "    \"\"\"The share of points on the right side: output ≥ 0 means +1.\"\"\"\n"
                     "    return ((output >= 0) == (target > 0)).double().mean().item()\n";
                break;
            case OutputKind::SigmoidBce:
                s += "    \"\"\"The share of points on the right side: logit ≥ 0 means +1.\"\"\"\n"
                     "    return ((output >= 0) == (target == 1)).double().mean().item()\n";
                break;
            case OutputKind::SoftmaxCe:
                s += "    \"\"\"The share of points whose largest output is their class.\"\"\"\n"
                     "    return (output.argmax(1) == target).double().mean().item()\n";
                break;
        }
    }
    if (!p.playground() && regularization(p) == nn::Regularization::L1)
        s +=
            "\n\ndef l1_penalty(model):\n"
            "    \"\"\"L1_RATE·Σ|w| over the nn.Linear weights: its gradient L1_RATE·sign(w) is "
            "the\n"
            "    app's L1 term (sign(0) = 0). Biases and PReLU weights are not regularised.\"\"\"\n"
            "    return L1_RATE * sum(p.abs().sum() for p in model.parameters() if p.dim() == 2)\n";
    return s;
}

std::string order() {
    return "class Rng:\n"
           "    \"\"\"The app's random generator: xoshiro256**, seeded by splitmix64.\"\"\"\n"
           "\n"
           "    MASK = (1 << 64) - 1\n"
           "\n"
           "    def __init__(self, seed):\n"
           "        self.s = []\n"
           "        for _ in range(4):\n"
           "            seed = (seed + 0x9E3779B97F4A7C15) & self.MASK\n"
           "            z = ((seed ^ (seed >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK\n"
           "            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK\n"
           "            self.s.append(z ^ (z >> 31))\n"
           "\n"
           "    def rotl(self, x, k):\n"
           "        return ((x << k) | (x >> (64 - k))) & self.MASK\n"
           "\n"
           "    def next(self):\n"
           "        s = self.s\n"
           "        result = (self.rotl((s[1] * 5) & self.MASK, 7) * 9) & self.MASK\n"
           "        t = (s[1] << 17) & self.MASK\n"
           "        s[2] ^= s[0]\n"
           "        s[3] ^= s[1]\n"
           "        s[1] ^= s[2]\n"
           "        s[0] ^= s[3]\n"
           "        s[2] ^= t\n"
           "        s[3] = self.rotl(s[3], 45)\n"
           "        return result\n"
           "\n"
           "    def below(self, n):\n"
           "        \"\"\"A whole number in [0, n): a uniform double in [0, 1) times n, rounded "
           "down.\"\"\"\n"
           "        return int((self.next() >> 11) * 2.0**-53 * n)\n"
           "\n"
           "\n"
           "def shuffled(rng, n):\n"
           "    \"\"\"The app's order of the n training points for one epoch "
           "(Fisher–Yates).\"\"\"\n"
           "    order = list(range(n))\n"
           "    for k in range(n - 1, 0, -1):\n"
           "        j = rng.below(k + 1)\n"
           "        order[k], order[j] = order[j], order[k]\n"
           "    return order\n";
}

std::string optimizer(const Plan& p) {
    const nn::TrainingConfig& c = p.training();
    std::string s;
    std::string params = "model.parameters()";
    if (regularization(p) == nn::Regularization::L2) {
        s += "    # L2 as weight decay (L2_RATE·w joins the gradient), on the nn.Linear weights "
             "only\n"
             "    params = [{\"params\": [p for p in model.parameters() if p.dim() == 2],\n"
             "               \"weight_decay\": L2_RATE},\n"
             "              {\"params\": [p for p in model.parameters() if p.dim() < 2]}]\n";
        params = "params";
    }
    switch (c.optimizer) {
        case nn::OptimizerKind::Sgd:
            s += "    optimizer = torch.optim.SGD(" + params + ", lr=LEARNING_RATE)\n";
            break;
        case nn::OptimizerKind::Momentum:
            s += "    # v ← μ·v + g, w ← w − lr·v: the app's momentum, torch's too\n"
                 "    optimizer = torch.optim.SGD(" +
                 params + ", lr=LEARNING_RATE, momentum=" + pyFloat(c.momentum) + ")\n";
            break;
        case nn::OptimizerKind::Adam:
            s += "    # the app's Adam: ε added to the bias-corrected √v̂, as torch does\n"
                 "    optimizer = torch.optim.Adam(" +
                 params + ", lr=LEARNING_RATE, betas=(" + pyFloat(c.beta1) + ", " +
                 pyFloat(c.beta2) + "), eps=" + pyFloat(c.epsilon) + ")\n";
            break;
    }
    return s;
}

std::string playgroundUpdate(const Plan& p) {
    const nn::Regularization reg = regularization(p);
    std::string s = "@torch.no_grad()\n";
    s += reg == nn::Regularization::L1 ? "def playground_update(model, n, dead_links):\n"
                                       : "def playground_update(model, n):\n";
    s += "    \"\"\"TensorFlow Playground's update (nn.ts), with the gradients summed over n "
         "points.\n"
         "    Written out: it is not torch.optim.SGD's arithmetic. Biases take (lr·Σ∂b)/n and\n"
         "    weights (lr/n)·Σ∂w";
    if (reg == nn::Regularization::None) s += ".\"\"\"\n";
    if (reg == nn::Regularization::L2)
        s += ", then −(lr·L2_RATE)·w with w taken before the step.\"\"\"\n";
    if (reg == nn::Regularization::L1)
        s += ", then −(lr·L1_RATE)·sign(w) with w taken before the\n"
             "    step; a weight whose step crosses zero is set to 0 for good (a dead "
             "link).\"\"\"\n";
    s += "    for m in model:\n"
         "        if isinstance(m, nn.Linear):\n"
         "            m.bias -= LEARNING_RATE * m.bias.grad / n\n";
    switch (reg) {
        case nn::Regularization::None:
            s += "            m.weight -= (LEARNING_RATE / n) * m.weight.grad\n";
            break;
        case nn::Regularization::L2:
            s += "            w1 = m.weight - (LEARNING_RATE / n) * m.weight.grad\n"
                 "            m.weight.copy_(w1 - (LEARNING_RATE * L2_RATE) * m.weight)\n";
            break;
        case nn::Regularization::L1:
            s += "            w1 = m.weight - (LEARNING_RATE / n) * m.weight.grad\n"
                 "            w2 = w1 - (LEARNING_RATE * L1_RATE) * m.weight.sign()\n"
                 "            dead_links[m] |= w1 * w2 < 0\n"
                 "            m.weight.copy_(torch.where(dead_links[m], 0.0, w2))\n";
            break;
    }
    if (hasPRelu(p))
        s += "        elif isinstance(m, nn.PReLU):\n"
             "            m.weight -= (LEARNING_RATE / n) * m.weight.grad\n";
    return s + "    model.zero_grad()\n";
}

std::string train(const Plan& p) {
    std::string s =
        "def evaluate(model, x, t):\n"
        "    \"\"\"The mean loss and the accuracy over a set of points, as the app reports "
        "them.\"\"\"\n"
        "    with torch.no_grad():\n"
        "        output = model(x)\n"
        "    return loss_fn(output, t).mean().item(), accuracy(output, t)\n"
        "\n\n"
        "def diverged(model, *losses):\n"
        "    \"\"\"The app stops at the first epoch whose losses or weights are not finite.\"\"\"\n"
        "    return not all(map(math.isfinite, losses)) or not all(\n"
        "        p.isfinite().all() for p in model.parameters())\n\n\n";
    const bool l1 = regularization(p) == nn::Regularization::L1;
    if (p.playground()) s += playgroundUpdate(p) + "\n\n";
    s += "def train(epochs=EPOCHS):\n"
         "    \"\"\"Trains as the app does and prints its CSV; returns the model and the "
         "rows.\"\"\"\n"
         "    model = make_model()\n"
         "    x_train, t_train = features(TRAIN), targets(TRAIN)\n"
         "    x_test, t_test = features(TEST), targets(TEST)\n";
    if (p.playground()) {
        if (l1)
            s += "    dead_links = {m: torch.zeros_like(m.weight, dtype=torch.bool)\n"
                 "                  for m in model if isinstance(m, nn.Linear)}\n";
        s += "    pending = 0  # points whose gradients wait in .grad for the next update\n";
    } else {
        s += optimizer(p);
        s += "    rng = Rng(SEED ^ 0x5EED5EED5EED5EED)  # the app's shuffling stream\n";
    }
    s += "    print(\"epoch,train_loss,test_loss,train_acc,test_acc\")\n"
         "    history = []\n"
         "    for epoch in range(epochs + 1):\n"
         "        if epoch > 0:  # row 0 is the network before training\n";
    if (p.playground()) {
        s += "            # Playground: the stored order, an update after every BATCH_SIZE-th "
             "point of "
             "the\n"
             "            # epoch; the points after the last update wait for the next epoch's "
             "first.\n"
             "            for start in range(0, len(TRAIN), BATCH_SIZE):\n"
             "                end = min(start + BATCH_SIZE, len(TRAIN))\n"
             "                loss_fn(model(x_train[start:end]), "
             "t_train[start:end]).sum().backward()\n"
             "                pending += end - start\n"
             "                if end % BATCH_SIZE == 0:\n"
             "                    playground_update(model, pending" +
             std::string(l1 ? ", dead_links" : "") +
             ")\n"
             "                    pending = 0\n";
    } else {
        s += "            order = shuffled(rng, len(TRAIN))\n"
             "            for start in range(0, len(order), BATCH_SIZE):  # the last batch may be "
             "partial\n"
             "                batch = order[start:start + BATCH_SIZE]\n"
             "                optimizer.zero_grad()\n"
             "                loss = loss_fn(model(x_train[batch]), t_train[batch]).mean()" +
             std::string(l1 ? " + l1_penalty(model)" : "") +
             "\n"
             "                loss.backward()\n"
             "                optimizer.step()\n";
    }
    if (p.data.test.empty()) {
        // No test points: their loss is nan, which is no divergence, and the app leaves their
        // columns empty.
        s +=
            "        train_loss, train_acc = evaluate(model, x_train, t_train)\n"
            "        test_loss, test_acc = evaluate(model, x_test, t_test)  # nan: no test points\n"
            "        if epoch > 0 and diverged(model, train_loss):\n"
            "            raise SystemExit(f\"training diverged at epoch {epoch}\")\n"
            "        row = (train_loss, test_loss, train_acc, test_acc)\n"
            "        # as the app formats them; without test points their columns are empty\n"
            "        print(epoch, f\"{train_loss:.17g}\", \"\", f\"{train_acc:.17g}\", \"\", "
            "sep=\",\")\n"
            "        history.append(row)\n"
            "    return model, history\n";
        return s;
    }
    s += "        train_loss, train_acc = evaluate(model, x_train, t_train)\n"
         "        test_loss, test_acc = evaluate(model, x_test, t_test)\n"
         "        if epoch > 0 and diverged(model, train_loss, test_loss):\n"
         "            raise SystemExit(f\"training diverged at epoch {epoch}\")\n"
         "        row = (train_loss, test_loss, train_acc, test_acc)\n"
         "        print(epoch, *(f\"{v:.17g}\" for v in row), sep=\",\")  # as the app formats "
         "them\n"
         "        history.append(row)\n"
         "    return model, history\n";
    return s;
}

}  // namespace

std::vector<Section> codeSections(const Plan& plan) {
    std::vector<Section> s = {{"setup", setup(plan)},
                              {"data", data(plan)},
                              {"features", features(plan)},
                              {"model", model(plan)},
                              {"loss", loss(plan)}};
    if (!plan.playground()) s.push_back({"order", order()});
    s.push_back({"train", train(plan)});
    return s;
}

std::string plotCode(const Plan& p) {
    std::string value, contour, colours = "\"RdBu\"", levels = "20";
    switch (p.output()) {
        case OutputKind::TanhSquare:
            value = "model(features(grid))[:, 0]";
            contour = "0";
            levels = "torch.linspace(-1, 1, 21)";
            break;
        case OutputKind::LinearSquare:
            value = "model(features(grid))[:, 0]";
            if (!p.regression()) contour = "0";
            break;
        case OutputKind::SigmoidBce:
            value = "torch.sigmoid(model(features(grid))[:, 0])";
            contour = "0.5";
            levels = "torch.linspace(0, 1, 21)";
            break;
        case OutputKind::SoftmaxCe:
            value = "model(features(grid)).argmax(1).double()";
            colours = "\"tab10\"";
            levels = "torch.arange(-0.5, 10)";
            break;
    }
    const std::string points = p.output() == OutputKind::SoftmaxCe
                                   ? "c=[label for _, _, label in points], cmap=\"tab10\", vmin=0, "
                                     "vmax=9"
                                   : "c=[label for _, _, label in points], cmap=\"RdBu\"";
    std::string s =
        "import matplotlib.pyplot as plt\n"
        "\n"
        "fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5))\n"
        "left.plot([row[0] for row in history], label=\"train\")\n"
        "left.plot([row[1] for row in history], label=\"test\")\n"
        "left.set(xlabel=\"epoch\", ylabel=\"loss\", yscale=\"log\", title=\"Loss\")\n"
        "left.legend()\n"
        "\n"
        "# The output over [−6, 6]², the points on top (filled: training, crosses: test).\n"
        "axis = torch.linspace(-6, 6, 201)\n"
        "grid_x, grid_y = torch.meshgrid(axis, axis, indexing=\"xy\")\n"
        "grid = [(x1, x2, 0) for x1, x2 in zip(grid_x.flatten().tolist(), "
        "grid_y.flatten().tolist())]\n"
        "with torch.no_grad():\n"
        "    value = " +
        value +
        ".reshape(grid_x.shape)\n"
        "right.contourf(grid_x, grid_y, value, levels=" +
        levels + ", cmap=" + colours + ", alpha=0.45)\n";
    if (!contour.empty())
        s += "right.contour(grid_x, grid_y, value, levels=[" + contour + "], colors=\"black\")\n";
    s += "for points, marker in ((TRAIN, \"o\"), (TEST, \"x\")):\n"
         "    if points:\n"
         "        right.scatter([x1 for x1, _, _ in points], [x2 for _, x2, _ in points], " +
         points +
         ",\n"
         "                      marker=marker, s=18, linewidths=1, edgecolors=\"black\" if marker "
         "== \"o\" else None)\n"
         "right.set(xlim=(-6, 6), ylim=(-6, 6), aspect=\"equal\", title=\"Decision boundary\")\n"
         "plt.show()\n";
    return s;
}

}  // namespace actlab::pytorch::detail
