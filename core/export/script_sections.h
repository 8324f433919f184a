#pragma once
// The Python code of a PyTorch export, in sections that the script joins and the notebook puts
// in cells: setup, data, features, model, loss, order (standard mode), train. Internal to
// core/export.

#include <string>
#include <vector>

#include "export_plan.h"

namespace actlab::pytorch::detail {

struct Section {
    std::string id;    ///< "setup", "data", "features", "model", "loss", "order", "train"
    std::string code;  ///< Python, ending with a newline
};

/// The sections in notebook order (the script moves "data" to its end).
std::vector<Section> codeSections(const Plan& plan);

/// The notebook's last cell: the loss curves and the decision boundary (matplotlib).
std::string plotCode(const Plan& plan);

}  // namespace actlab::pytorch::detail
