#pragma once
// What the network page shows, shared by its parts (they live exactly as long as the page): the
// experiment, its data, which compared network is in the full view, which hidden layer the layer
// controls edit, and the language of the registry's texts.

#include <QString>
#include <QStringList>
#include <string>

#include "nn/session.h"

namespace actlab::ui {

/// The network page's model.
struct PageState {
    /// The experiment as it stands (without weights): what Save writes.
    nn::Session session;
    /// The points shown and trained on.
    nn::Dataset data;
    /// The compared network shown in the full view (0 in single mode).
    int focus = 0;
    /// The hidden layer of the layer controls (−1 without hidden layers).
    int selectedLayer = 0;
    /// The language of activation names ("en", "zh_CN").
    QString lang = QStringLiteral("en");

    bool comparing() const { return !session.compare.empty(); }
    /// An activation's name in `lang` (its id when unknown).
    QString activationName(const std::string& id) const;
    /// A compare member's name: the activation's, or a formula's own.
    QString activationName(const nn::CompareMember& member) const;
    /// The names of the compared activations, in order.
    QStringList memberNames() const;
    /// The session of the network in the full view: the focused member in compare mode.
    nn::Session shown() const;
};

}  // namespace actlab::ui
