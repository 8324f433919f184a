#pragma once
// A session's trained state and its networks: storing what a trainer reached, continuing from
// it, and the sessions a claim is checked on (see training_state.h for the stored data).

#include <optional>
#include <string>

#include "session.h"

namespace actlab::nn {

/// The session of one of its networks: the session itself for "main", else compareMember(id).
Session networkSession(const Session& session, const std::string& network);

/// The stored trained state of "main" or of a compare member; nullopt when nothing was trained
/// (for "main": no weights, or epoch 0).
std::optional<TrainedState> storedState(const Session& session, const std::string& network);

/// Stores a network's trained state: for "main" the session's weights, epoch, history and
/// optimizerState; for a compare id its compareWeights entry. The id must be "main" or in
/// `compare`.
void storeTrainedState(Session& session, const std::string& network, TrainedState state);

/// A trainer for "main" or a compare member that continues from the stored state: its weights,
/// epoch and shuffle position, and the optimiser's moments when stored (else they start afresh:
/// see TrainedState::optimizer). Without a stored state, the trainer of epoch 0 (makeTrainer).
/// The history is not the trainer's: show storedState(…)->history and append to it.
Trainer resumeTrainer(const Session& session, const std::string& network = "main");

/// The session as it was before any training: epoch 0, no history, optimiser state or
/// compareWeights; `weights` are dropped when they were trained (epoch > 0) and kept when they
/// are explicit initial weights (epoch 0).
Session untrainedSession(Session session);

/// Appends the trainer's latest epoch to the history of "main" or of a compare member (see
/// recordEpoch), for a caller that trains and saves (`train --save`).
void recordEpoch(Session& session, const std::string& network, const EpochMetrics& metrics);

/// The session with a claim's variant applied (claims.h). Explicit weights are kept only when the
/// variant leaves the layer shapes alone.
Session withVariant(Session session, const ClaimVariant& variant);

}  // namespace actlab::nn
