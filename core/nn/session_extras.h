#pragma once
// The JSON of a session's optional parts that session.cpp delegates: the lessons' claims and
// stop epoch, and the trained state (weights arrays, loss history, optimiser moments, the
// compared networks' state). Internal to the session reader and writer; the format is
// documented in docs/session-format.md.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "session.h"

namespace actlab::nn::detail {

using Json = nlohmann::ordered_json;

/// Thrown by the readers below; the message names the field ("claims[0].metric: …").
struct SessionFieldError {
    std::string message;
};

/// The top-level keys read here (session.cpp marks them as known).
inline constexpr const char* kExtraKeys[] = {"stopAtEpoch", "claims", "history", "optimizerState",
                                             "compareWeights"};

/// An array of layers in the `weights` format, checked against the network's shape.
std::vector<LayerParams> readLayerParams(const Json& j, const Mlp& shape, const std::string& path);
/// The `weights` format of `layers`.
Json layerParamsJson(const std::vector<LayerParams>& layers);

/// Reads stopAtEpoch and claims from the top-level object (after `compare` is known).
void readLessonFields(const Json& top, Session& s);
/// Reads history, optimizerState and compareWeights (after the network and weights).
void readTrainedFields(const Json& top, Session& s);
/// Writes stopAtEpoch and claims when set.
void writeLessonFields(const Session& s, Json& j);
/// Writes history, optimizerState and compareWeights when set.
void writeTrainedFields(const Session& s, Json& j);

/// Empty when the claims, the stop epoch and the stored states fit the session, else a message
/// naming the field.
std::string validateExtras(const Session& s);

}  // namespace actlab::nn::detail
