#include "export_plan.h"

#include <sstream>

#include "activations/registry.h"
#include "nn/layer_activation.h"
#include "python_text.h"

namespace actlab::pytorch {

std::vector<nn::LayerParams> startWeights(const nn::Session& session, StartWeights from) {
    // Stored weights of epoch 0 are where training starts (a recorded Playground run's initial
    // network); trained ones came from the seed's initialisation, which Initial replays.
    if (session.weights && (from == StartWeights::Current || session.epoch == 0))
        return *session.weights;
    nn::Mlp net(session.network);
    net.initialise(session.init, session.seed);
    return {net.layers().begin(), net.layers().end()};
}

namespace detail {

std::string makePlan(const nn::Session& session, const PytorchExportOptions& options, Target target,
                     Plan& plan) {
    if (const std::string e = nn::validate(session); !e.empty()) return "invalid session: " + e;
    if (options.epochs < 0 || options.epochs > kMaxEpochs)
        return "epochs must be from 0 to " + std::to_string(kMaxEpochs);
    if (options.lang != "en" && options.lang != "zh_CN" && options.lang != "zh")
        return "unknown language '" + options.lang + "'; valid: en, zh_CN";
    plan = Plan{};
    plan.session = session;
    plan.options = options;
    plan.target = target;
    for (std::size_t l = 0; l < session.network.hidden.size(); ++l) {
        TorchModule m = torchModule(session.network.hidden[l]);
        if (!m.ok()) return "layer " + std::to_string(l + 1) + ": " + m.error;
        plan.modules.push_back(std::move(m));
    }
    plan.data = nn::sessionData(session);
    plan.weights = startWeights(session, options.weights);
    plan.inlineData = plan.data.train.size() + plan.data.test.size() <= kMaxInlinePoints;
    if (!plan.inlineData) {
        const std::string& name = options.dataFileName;
        if (name.empty() || name.find_first_of("/\\") != std::string::npos || name == "." ||
            name == "..")
            return "the data file name must be a plain file name, got '" + name + "'";
    }
    return "";
}

std::string dataCsv(const Plan& p) {
    if (p.inlineData) return "";
    std::ostringstream csv;
    nn::writeDatasetCsv(csv, p.data);
    return csv.str();
}

std::string trainCommand(const Plan& p) {
    return "activation-lab train --session " + p.sessionName() + " --epochs " +
           std::to_string(p.options.epochs);
}

bool trainStartsHere(const Plan& p) {
    return !p.session.weights || p.session.epoch == 0 || p.options.weights == StartWeights::Current;
}

namespace {

std::string num(double v) {
    return pyFloat(v);
}
std::string count(std::size_t n) {
    return std::to_string(n);
}

std::string featureLabels(const nn::NetworkSpec& net) {
    static const char* const kLabels[] = {"x1", "x2", "x1²", "x2²", "x1·x2", "sin x1", "sin x2"};
    std::string s;
    for (nn::Feature f : net.features) s += (s.empty() ? "" : ", ") + std::string(kLabels[int(f)]);
    return s;
}

std::string outputText(const nn::NetworkSpec& net, bool zh) {
    const std::string k = std::to_string(net.outputs);
    switch (net.output) {
        case nn::OutputKind::TanhSquare:
            return zh ? "tanh 输出，损失 ½(o − t)²（标签 ±1）"
                      : "tanh output, loss ½(o − t)² (labels ±1)";
        case nn::OutputKind::SigmoidBce:
            return zh ? "sigmoid 输出，二元交叉熵" : "sigmoid output, binary cross-entropy";
        case nn::OutputKind::SoftmaxCe:
            return zh ? k + " 个输出的 softmax，交叉熵"
                      : "softmax over " + k + " outputs, cross-entropy";
        case nn::OutputKind::LinearSquare:
            return zh ? "线性输出，损失 ½(o − t)²" : "linear output, loss ½(o − t)²";
    }
    return "";
}

std::string initText(nn::InitKind init, bool zh) {
    switch (init) {
        case nn::InitKind::Playground:
            return zh ? "Playground 初始化（权重均匀分布于 (−0.5, 0.5)，偏置 0.1）"
                      : "Playground's initialisation (uniform in (−0.5, 0.5), biases 0.1)";
        case nn::InitKind::Xavier:
            return zh ? "Xavier（Glorot）均匀初始化，偏置 0" : "Xavier (Glorot) uniform, biases 0";
        case nn::InitKind::He:
            return zh ? "He（Kaiming）正态初始化，偏置 0" : "He (Kaiming) normal, biases 0";
        case nn::InitKind::LeCun:
            return zh ? "LeCun 正态初始化，偏置 0" : "LeCun normal, biases 0";
    }
    return "";
}

std::string dataText(const Plan& p, bool zh) {
    const nn::Dataset& d = p.data;
    const std::string split =
        zh ? "训练 " + count(d.train.size()) + "，测试 " + count(d.test.size())
           : count(d.train.size()) + " for training, " + count(d.test.size()) + " for testing";
    if (!p.session.points) {
        const nn::DatasetSpec& g = p.session.generator;
        std::string kind(nn::datasetId(g.kind));
        if (nn::isMultiClass(g.kind))
            kind += zh ? "（" + std::to_string(g.classes) + " 类）"
                       : " with " + std::to_string(g.classes) + " classes";
        return zh ? kind + "，" + std::to_string(g.numPoints) + " 个点（" + split + "），噪声 " +
                        std::to_string(g.noisePercent) + "%，数据种子 " + std::to_string(g.seed)
                  : kind + ", " + std::to_string(g.numPoints) + " points (" + split + "), noise " +
                        std::to_string(g.noisePercent) + " %, data seed " + std::to_string(g.seed);
    }
    const std::string labels = d.regression() ? (zh ? "回归目标" : "regression targets")
                               : d.numClasses == 2
                                   ? (zh ? "二分类标签 ±1" : "binary labels ±1")
                                   : (zh ? std::to_string(d.numClasses) + " 类"
                                         : std::to_string(d.numClasses) + " classes");
    return zh ? "会话中保存的点：" + split + "（" + labels + "）"
              : "the session's own points: " + split + " (" + labels + ")";
}

std::string networkText(const Plan& p, bool zh) {
    std::string s = featureLabels(p.network());
    for (const nn::LayerSpec& l : p.network().hidden) {
        s += " → " + std::to_string(l.neurons) + " " + nn::layerActivationName(l);
        const ActivationSpec* row = findActivation(l.activation);  // null for a formula
        if (row && row->learnableIndex() >= 0)
            s += l.preluMode == nn::PReluMode::PerNeuron
                     ? (zh ? "（每个神经元一个斜率）" : " (a slope per neuron)")
                     : (zh ? "（整层一个斜率）" : " (one slope per layer)");
    }
    return s + " → " + outputText(p.network(), zh);
}

std::string weightsText(const Plan& p, bool zh) {
    const nn::Session& s = p.session;
    const std::string seeded =
        initText(s.init, zh) + (zh ? "，种子 " : ", seed ") + std::to_string(s.seed);
    if (!s.weights) return zh ? "初始权重：" + seeded : "the initial weights: " + seeded;
    if (s.epoch == 0)
        return zh ? "会话中保存的初始权重" : "the initial weights stored in the session";
    const std::string epochs = std::to_string(s.epoch);
    if (p.options.weights == StartWeights::Current)
        return zh ? "会话中保存的当前权重（已训练 " + epochs + " 个周期）"
                  : "the session's current weights, stored after " + epochs + " epochs";
    return zh ? "初始权重：" + seeded + "（不使用会话中训练了 " + epochs + " 个周期的权重）"
              : "the initial weights: " + seeded + " (not the weights stored after " + epochs +
                    " epochs)";
}

std::string trainingText(const Plan& p, bool zh) {
    const nn::TrainingConfig& c = p.training();
    std::string opt;
    switch (c.optimizer) {
        case nn::OptimizerKind::Sgd:
            opt = "SGD";
            break;
        case nn::OptimizerKind::Momentum:
            opt = (zh ? "带动量的 SGD（动量 " : "SGD with momentum ") + num(c.momentum) +
                  (zh ? "）" : "");
            break;
        case nn::OptimizerKind::Adam:
            opt =
                "Adam (β₁ " + num(c.beta1) + ", β₂ " + num(c.beta2) + ", ε " + num(c.epsilon) + ")";
            break;
    }
    std::string reg = zh ? "无正则化" : "no regularisation";
    if (c.regularization != nn::Regularization::None)
        reg = std::string(c.regularization == nn::Regularization::L1 ? "L1 " : "L2 ") +
              num(c.regularizationRate) + (zh ? "（仅权重）" : " on the weights");
    const std::string batch = std::to_string(c.batchSize);
    if (p.playground())
        return zh ? "TensorFlow Playground 模式：SGD，学习率 " + num(c.learningRate) + "，批大小 " +
                        batch + "，按保存顺序，" + reg
                  : "TensorFlow Playground's mode: SGD, learning rate " + num(c.learningRate) +
                        ", batch " + batch + ", points in stored order, " + reg;
    return zh ? opt + "，学习率 " + num(c.learningRate) + "，批大小 " + batch +
                    "（每个周期重新打乱，最后一批可以不满），" + reg
              : opt + ", learning rate " + num(c.learningRate) + ", batch " + batch +
                    " (a new order every epoch; the last batch may be partial), " + reg;
}

}  // namespace

Summary summarize(const Plan& p, bool zh) {
    Summary s;
    const nn::Session& session = p.session;
    s.title = zh && !session.titleZh.empty() ? session.titleZh : session.title;
    s.data = dataText(p, zh);
    s.network = networkText(p, zh);
    s.weights = weightsText(p, zh);
    s.training = trainingText(p, zh);
    if (!session.compare.empty()) {
        std::string ids;
        for (const nn::CompareMember& m : session.compare)
            ids += (ids.empty() ? "" : ", ") + nn::memberLabel(m);
        s.compare = zh ? "该会话并排比较 " + ids +
                             "；本导出像 `activation-lab train` 一样训练会话自身的网络。"
                       : "The session compares " + ids +
                             " side by side; this export trains the "
                             "session's own network, as `activation-lab train` does.";
    }
    return s;
}

}  // namespace detail
}  // namespace actlab::pytorch
