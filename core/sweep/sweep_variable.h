#pragma once
// One varied setting of a sweep, parsed: its key (lr, batch, …, param.NAME) and its list of
// values, from a SPEC `a:b:n` (n values evenly spaced), `a:b:n:log` (evenly spaced in log) or a
// comma list (`relu,gelu,elu`, `0.01,0.1`). Pure syntax and ranges: whether a value fits a given
// session is checked by makePlan (sweep_plan.h).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sweep_settings.h"

namespace actlab::sweep {

/// Values one SPEC may give.
inline constexpr int kMaxValues = 1000;

enum class SweepKey {
    LearningRate,  ///< lr: training.optimizer.learningRate
    Batch,         ///< batch: training.batchSize
    Layers,        ///< layers: the number of hidden layers
    Neurons,       ///< neurons: the width of every hidden layer
    Activation,    ///< activation: every hidden layer's activation (with its default parameters)
    Param,         ///< param.NAME: that parameter of every hidden layer whose activation has it
    RegRate,       ///< reg_rate: training.regularization.rate
    Noise,         ///< noise: data.generator.noisePercent
    TrainPercent,  ///< train_percent: data.generator.trainPercent
    Init,          ///< init: network.init
    Optimizer,     ///< optimizer: training.optimizer.kind
};

/// The keys for messages: "lr, batch, layers, neurons, activation, param.NAME, …".
std::string sweepKeyList();

struct SweepVariable {
    SweepKey key = SweepKey::LearningRate;
    std::string name;     ///< as written, and the CSV column: "lr", "param.alpha"
    std::string paramId;  ///< for param.NAME: NAME
    /// Numeric keys: the values (whole numbers for batch, layers, neurons, noise, train_percent).
    std::vector<double> numbers;
    /// Categorical keys (activation, init, optimizer): the ids.
    std::vector<std::string> choices;

    bool categorical() const { return !choices.empty(); }
    std::size_t size() const { return categorical() ? choices.size() : numbers.size(); }
    /// The i-th value as the CSV writes it: the id, a whole number, or the shortest text that
    /// reads back as the same double ("0.001", "1.0").
    std::string valueText(std::size_t i) const;
    bool operator==(const SweepVariable&) const = default;
};

/// A parsed variable, or a message that names the problem (it does not repeat the key).
struct VariableParse {
    SweepVariable variable;
    std::string error;
    bool ok() const { return error.empty(); }
};

/// Parses KEY and SPEC. Numeric ranges are checked against the key's limits (lr in (0, 100],
/// batch 1 … 1000, layers 0 … 8, neurons 1 … 32, reg_rate 0 … 10, noise 0 … 50, train_percent
/// 10 … 90). Ranges of whole-number keys are rounded to the nearest whole number (1:1000:4:log
/// gives 1, 10, 100, 1000); a comma list must be whole numbers already. A value may not repeat.
VariableParse parseVariable(std::string_view key, std::string_view spec);

/// Splits "KEY=SPEC" (the command line's --vary); false when there is no '='.
bool splitVary(std::string_view text, VarySpec& out);

/// Checks the settings on their own: 1 … 2 variables with distinct keys that parse, seeds
/// 1 … 200, epochs 0 … 1000000, a target value that fits its metric. Empty when valid, else a
/// message that names the field as a session does ("vary[1].spec: …", "seeds: …").
std::string validate(const SweepSettings& settings);

/// The parsed variables of valid settings (precondition: validate(settings) is empty).
std::vector<SweepVariable> parseVariables(const SweepSettings& settings);

}  // namespace actlab::sweep
