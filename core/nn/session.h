#pragma once
// A session: one whole experiment (data, network, training settings, seed, optionally the
// weights) as one versioned JSON document. The GUI, the command line and the tests all use it.
// The schema is documented in docs/session-format.md.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims.h"
#include "dataset.h"
#include "network.h"
#include "sweep/sweep_settings.h"
#include "trainer.h"
#include "training_state.h"

namespace actlab::nn {

inline constexpr std::string_view kSessionFormat = "activation-lab-session";
inline constexpr int kSessionVersion = 1;

/// One member of a compare set: a registry activation with its default parameters, or a formula
/// activation with its parameters. A plain id converts to a member ("relu").
struct CompareMember {
    std::string activation;  ///< registry id, or "formula" (kFormulaActivationId)
    std::string formula;     ///< a formula member's text; else empty
    std::string name;        ///< a formula member's name; empty: its text
    ParamValues params{};    ///< a formula member's parameter values (built-ins: unused, zero)
    CompareMember() = default;
    CompareMember(std::string id) : activation(std::move(id)) {}  // NOLINT: implicit, as an id
    CompareMember(const char* id) : activation(id) {}             // NOLINT
    bool operator==(const CompareMember&) const = default;
};

/// The member for a row: a built-in by id, a formula row with its text, given name and `params`.
CompareMember compareMemberOf(const ActivationSpec& row, const ParamValues& params);
/// The member for the row with its default parameters.
CompareMember compareMemberOf(const ActivationSpec& row);
/// How a member is named in messages and file names: the registry id, or the formula's name
/// (its text when it has none).
std::string memberLabel(const CompareMember& member);
/// The member of `compare` whose memberLabel is `label`; nullptr when there is none.
const CompareMember* memberByLabel(const std::vector<CompareMember>& compare,
                                   const std::string& label);

struct Session {
    std::string title, titleZh;          ///< optional; the Chinese title of a lesson
    std::string descriptionEn, descriptionZh;  ///< optional (lessons)
    std::uint64_t seed = 1;              ///< weights initialisation and shuffling
    /// The data: generated from `generator`, or the explicit `points` when set.
    DatasetSpec generator;
    std::optional<Dataset> points;
    NetworkSpec network;
    InitKind init = InitKind::Playground;
    TrainingConfig training;
    /// Explicit weights (one LayerParams per hidden layer and the output layer); when set they
    /// replace the initialisation.
    std::optional<std::vector<LayerParams>> weights;
    /// Epochs already trained when the weights were saved (informational).
    int epoch = 0;
    /// Compare mode: 2 … 8 activations (registry ids with their default parameters, or formulas
    /// with theirs) trained side by side on the same data from the same initial weights; each
    /// replaces the activation of every hidden layer. Empty: a single network.
    std::vector<CompareMember> compare;
    /// A prepared sweep (docs/sweeps.md): what `activation-lab sweep --session` runs when no
    /// --vary is given. Training the session ignores it.
    std::optional<actlab::sweep::SweepSettings> sweep;
    /// How the GUI presents the session (lessons use it); the trainer ignores it.
    struct View {
        std::string page;            ///< "explorer" or "network" (empty: unchanged)
        /// The explorer's activation id (empty: unchanged), or "formula" with `formula` and
        /// `formulaName` (the explorer then shows that formula with its default parameters).
        std::string activation;
        std::string formula;         ///< with activation "formula": its text
        std::string formulaName;     ///< with activation "formula": its name (empty: the text)
        std::string panel;  ///< "boundary", "loss", "network", "health", "operating_points",
                            ///< "hidden_space", "linear_regions", "ledger", "side_by_side"
                            ///< (empty: default)
        int epochsPerFrame = 0;      ///< training speed (0: unchanged)
        /// The compare network (its id, as in compareWeights) the page opens on: its card is
        /// scrolled into view and its pictures focused (empty: the first).
        std::string focus;
        bool operator==(const View&) const = default;
    } view;
    /// Lessons: training pauses at this epoch and the GUI says so (0: never). See
    /// docs/session-format.md.
    int stopAtEpoch = 0;
    /// Lessons: what the text claims, as checkable data (claims.h, claim_check.h).
    std::vector<Claim> claims;
    /// The main network's loss chart up to `epoch` (empty: none saved).
    LossHistory history;
    /// The main network's optimiser moments at `epoch`, so that training continues exactly.
    std::optional<OptimizerMoments> optimizerState;
    /// Compare mode: each member's trained state, by activation id (a subset of `compare`).
    std::map<std::string, TrainedState> compareWeights;
    bool operator==(const Session&) const = default;
};

/// The session for one member of its compare set: every hidden layer uses the member's
/// activation (a built-in with its default parameters, a formula with the member's). The weights
/// (explicit or from the seed) are the same for every member whenever the layer shapes are,
/// which they are: only activations differ. When `compareWeights` holds the member's trained
/// state (keyed by memberLabel), the member's session carries it as its own weights, epoch,
/// history and optimizer state; else it has no history or moments and starts from the initial
/// weights (the main network's trained weights are dropped).
Session compareMember(const Session& session, const CompareMember& member);

/// The result of loading: a session, or a message that names the offending field.
struct SessionLoad {
    Session session;
    std::string error;
    bool ok() const { return error.empty(); }
};

/// Parses and validates a session document. Nothing is partially applied: on any error the
/// result holds only the message.
SessionLoad parseSession(std::string_view json);
/// Reads a file and parses it; I/O errors are reported like parse errors.
SessionLoad loadSessionFile(const std::string& path);

/// The canonical JSON text of a session (stable key order, shortest round-trip numbers), so that
/// save → load → save is byte-identical.
std::string serializeSession(const Session& session);

/// Validates the parts against each other (data vs output, weights shapes, ...).
std::string validate(const Session& session);

/// The session's data: the explicit points or the generated set.
Dataset sessionData(const Session& session);
/// The network with its initial weights (explicit or initialised from the seed).
Mlp sessionNetwork(const Session& session);
/// A trainer ready for epoch 1.
Trainer makeTrainer(const Session& session);

/// The session with the trainer's current weights and epoch stored, for "save" after training.
Session withTrainedWeights(Session session, const Trainer& trainer);

}  // namespace actlab::nn
