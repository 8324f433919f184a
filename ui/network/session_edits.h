#pragma once
// The rules that keep the network page's session valid while the user edits it: an output that
// fits the data, at least one input feature, the limits on layers and neurons, the activations of
// compare mode. Plain functions over nn::Session, so that they are tested without widgets.

#include <string>
#include <vector>

#include "nn/features.h"
#include "nn/session.h"

namespace actlab::ui::edits {

/// The session the page starts with: TensorFlow Playground's default experiment (circle, two
/// hidden tanh layers of 4 and 2, x₁ and x₂, learning rate 0.03, batch 10).
nn::Session defaultSession();
/// Sigmoid, Tanh, ReLU, Leaky ReLU, ELU, GELU, SELU and PReLU: the classics of compare mode.
const std::vector<std::string>& classicEight();

/// The number of classes of `data` as nn::validate counts them (0, 2 or K).
int classesOf(const nn::Dataset& data);
/// Makes the output fit data with `numClasses`: softmax with K outputs for K ≥ 3 classes, a
/// linear output for regression, and for two classes the current output when it fits, else tanh.
/// Playground mode, which only knows tanh and linear outputs, falls back to standard mode.
void fitOutput(nn::Session& s, int numClasses);

/// Adds a hidden layer after the last, like the last (or 4 tanh neurons). False at the limit.
bool addLayer(nn::Session& s);
/// Removes the last hidden layer. False when there is none.
bool removeLayer(nn::Session& s);
/// Changes the width of hidden layer `layer` by `delta`, within 1 … kMaxNeurons. False when
/// nothing changes.
bool changeNeurons(nn::Session& s, int layer, int delta);
/// Turns a feature on or off. The last feature cannot be turned off: false.
bool setFeature(nn::Session& s, nn::Feature f, bool on);
/// Gives hidden layer `layer` (or every layer, for −1) activation `id` with `params`.
/// False for an unknown id or a layer out of range.
bool setActivation(nn::Session& s, int layer, const std::string& id, const ParamValues& params);
/// The same for any row, a formula's included (stored by its text and given name). False for a
/// layer out of range or parameters the row rejects.
bool setActivation(nn::Session& s, int layer, const ActivationSpec& row, const ParamValues& params);
/// True when two layers use the same activation: the same registry id, or the same formula.
bool sameActivation(const nn::LayerSpec& a, const nn::LayerSpec& b);

/// Why `ids` is not a usable compare set (2 … 8 distinct registry ids), or empty. An empty list
/// is fine: it means a single network.
std::string compareError(const std::vector<nn::CompareMember>& members);
/// Everything that must hold before the page shows a session: nn::validate, the compare set and
/// every compare member. Empty when usable, else a message naming the field.
std::string check(const nn::Session& s);

}  // namespace actlab::ui::edits
