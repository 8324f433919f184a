// The Jupyter notebook export: the script's code sections as cells, each after a short
// explanation in English or Chinese, then the training run and the plots. nbformat 4.5.

#include <nlohmann/json.hpp>

#include "export_plan.h"
#include "pytorch_export.h"
#include "script_sections.h"

namespace actlab::pytorch {

namespace {

using Json = nlohmann::ordered_json;
using detail::Plan;

/// nbformat's multi-line string: lines that keep their "\n", the last one without.
Json sourceLines(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    Json lines = Json::array();
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

class Cells {
public:
    void markdown(const std::string& text) {
        m_cells.push_back({{"cell_type", "markdown"},
                           {"id", nextId()},
                           {"metadata", Json::object()},
                           {"source", sourceLines(text)}});
    }
    void code(const std::string& text, bool hideSource = false) {
        Json metadata = Json::object();
        // A long cell of data points: collapsed in Jupyter, still run.
        if (hideSource) metadata["jupyter"] = {{"source_hidden", true}};
        m_cells.push_back({{"cell_type", "code"},
                           {"execution_count", nullptr},
                           {"id", nextId()},
                           {"metadata", metadata},
                           {"outputs", Json::array()},
                           {"source", sourceLines(text)}});
    }
    Json take() { return std::move(m_cells); }

private:
    std::string nextId() { return "cell-" + std::to_string(++m_count); }
    Json m_cells = Json::array();
    int m_count = 0;
};

/// The explanation before a code section, in the plan's language.
std::string explanation(const Plan& p, const std::string& id) {
    const bool zh = p.zh();
    if (id == "setup")
        return zh ? "**准备。** 以双精度使用 PyTorch，并写下会话的训练参数。"
                  : "**Setup.** PyTorch in double precision, and the session's training settings.";
    if (id == "data") {
        if (!p.inlineData)
            return zh ? "**数据。** 按应用中的顺序排列的点 (x1, x2, "
                        "label)，从与本笔记本放在同一文件夹的 `" +
                            p.options.dataFileName + "` 读取。"
                      : "**The data.** The points (x1, x2, label) in the app's order, read from `" +
                            p.options.dataFileName + "`, which must be next to this notebook.";
        return zh ? "**数据。** 按应用中的顺序排列的点 (x1, x2, label)。这个单元格很长，默认折叠。"
                  : "**The data.** The points (x1, x2, label) in the app's order. The cell is long "
                    "and starts collapsed.";
    }
    if (id == "features")
        return zh ? "**输入特征。** 网络的输入是会话选定的特征，用 Python 浮点数按应用的方式计算；"
                    "`targets` 把标签变成损失函数需要的形式。"
                  : "**Input features.** The network sees the features the session selected, "
                    "computed in Python floats as the app computes them; `targets` turns the "
                    "labels "
                    "into what the loss expects.";
    if (id == "model")
        return zh ? "**网络。** 由 `nn.Linear` 层和带会话参数的 `torch.nn` 激活函数组成的 "
                    "`nn.Sequential`。权重不由 torch 随机生成，而是下面写出的应用起始权重。"
                  : "**The network.** An `nn.Sequential` of `nn.Linear` layers and `torch.nn` "
                    "activations with the session's parameters. Torch draws none of its weights: "
                    "they are the app's starting weights, written out below.";
    if (id == "loss")
        return zh ? "**损失与准确率**，与应用的计算方式相同。应用报告的损失是各点损失的平均值，"
                    "不含正则化项。"
                  : "**Loss and accuracy**, computed as the app computes them. The loss the app "
                    "reports is the mean over the points, without the regularisation term.";
    if (id == "order")
        return zh ? "**小批量顺序。** 每个周期，应用用自己的随机数生成器（xoshiro256**，"
                    "由会话种子初始化）打乱训练点；这几行复现了它，因此不需要 torch 的随机状态。"
                  : "**Mini-batch order.** Every epoch the app shuffles the training points with "
                    "its own random generator (xoshiro256**, seeded from the session's seed); "
                    "these lines reproduce it, so no random state of torch is involved.";
    if (id == "train") {
        if (p.playground())
            return zh ? "**训练（TensorFlow Playground 模式）。** 按保存的顺序逐点累加梯度，"
                        "每个周期中每到第 `BATCH_SIZE` 个点更新一次；周期末剩下的点留到下个周期的"
                        "第一次更新。更新规则照搬 Playground 的 nn.ts，因此直接写出。"
                      : "**Training, TensorFlow Playground's way.** The gradients are summed "
                        "point by point in the stored order and applied after every "
                        "`BATCH_SIZE`-th point of the epoch; the points left at the end of an "
                        "epoch join the next epoch's first update. The update is Playground's "
                        "(nn.ts), written out.";
        return zh ? "**训练。** 每个周期把打乱后的点分成大小为 `BATCH_SIZE` "
                    "的小批量（最后一批可以不满），"
                    "每批按该批的平均损失做一步优化。每个周期结束后输出 CSV "
                    "的一行：训练集和测试集上的"
                    "平均损失与准确率。"
                  : "**Training.** Every epoch, the shuffled points in mini-batches of "
                    "`BATCH_SIZE` (the last may be partial), one optimiser step per batch on the "
                    "batch's mean loss. After each epoch, one row of the CSV: the mean loss and "
                    "the accuracy on the training and the test points.";
    }
    return "";
}

std::string introduction(const Plan& p) {
    const bool zh = p.zh();
    const detail::Summary s = detail::summarize(p, zh);
    const std::string title =
        s.title.empty() ? (zh ? "Activation Lab 会话" : "An Activation Lab session") : s.title;
    std::string t = "# " + title + "\n\n";
    const std::string command = "`" + detail::trainCommand(p) + "`";
    t += zh ? "本笔记本用 PyTorch（float64）完全按照 Activation Lab "
              "的方式训练会话的网络：相同的数据、"
              "输入特征、起始权重、小批量顺序和更新规则。训练单元格输出的 CSV 与 " +
                  command + (detail::trainStartsHere(p) ? "" : "（对去掉已存权重的会话）") +
                  " 相同；最后一个单元格画出损失曲线和决策边界。\n\n"
            : "This notebook trains the session's network with PyTorch exactly as Activation Lab "
              "does, in float64: the same data, input features, starting weights, mini-batch "
              "order and update rule. The training cell prints the CSV of " +
                  command +
                  (detail::trainStartsHere(p) ? "" : " on the session without its stored weights") +
                  "; the last cell plots the loss and the decision boundary.\n\n";
    t += (zh ? "- **数据：** " : "- **Data:** ") + s.data + "\n";
    t += (zh ? "- **网络：** " : "- **Network:** ") + s.network + "\n";
    t += (zh ? "- **权重：** " : "- **Weights:** ") + s.weights + "\n";
    t += (zh ? "- **训练：** " : "- **Training:** ") + s.training + "\n";
    if (!s.compare.empty()) t += "\n" + s.compare + "\n";
    return t;
}

}  // namespace

PytorchExport jupyterNotebook(const nn::Session& session, const PytorchExportOptions& options) {
    Plan plan;
    PytorchExport out;
    out.error = detail::makePlan(session, options, detail::Target::Notebook, plan);
    if (!out.ok()) return out;
    const bool zh = plan.zh();
    Cells cells;
    cells.markdown(introduction(plan));
    for (const detail::Section& s : detail::codeSections(plan)) {
        cells.markdown(explanation(plan, s.id));
        cells.code(s.code, s.id == "data" && plan.inlineData);
    }
    cells.markdown(zh ? "**运行。** 每一行都与 `activation-lab train` 逐周期一致。"
                      : "**Run.** Each row matches `activation-lab train`, epoch by epoch.");
    cells.code("model, history = train()");
    cells.markdown(zh ? "**图。** 每个周期的损失，以及网络在区域 [−6, 6]² 上的输出和数据点。"
                      : "**Plots.** The loss per epoch, and the network's output over the domain "
                        "[−6, 6]² with the points.");
    cells.code(detail::plotCode(plan));

    Json notebook;
    notebook["cells"] = cells.take();
    notebook["metadata"] = {
        {"kernelspec", {{"display_name", "Python 3"}, {"language", "python"}, {"name", "python3"}}},
        {"language_info", {{"name", "python"}}}};
    notebook["nbformat"] = 4;
    notebook["nbformat_minor"] = 5;
    // A text that is not UTF-8 (a file name's bytes) must not stop the export: replace it.
    out.text = notebook.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
    out.dataCsv = detail::dataCsv(plan);
    return out;
}

}  // namespace actlab::pytorch
