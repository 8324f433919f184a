#include "network/page_state.h"

#include "activations/registry.h"
#include "common/qt_text.h"

namespace actlab::ui {

QString PageState::activationName(const nn::CompareMember& member) const {
    return member.formula.empty() ? activationName(member.activation)
                                  : qs(nn::memberLabel(member));
}

QString PageState::activationName(const std::string& id) const {
    const ActivationSpec* spec = findActivation(id);
    return spec ? qs(spec->name, lang) : qs(id);
}

QStringList PageState::memberNames() const {
    QStringList names;
    for (const nn::CompareMember& m : session.compare) names << activationName(m);
    return names;
}

nn::Session PageState::shown() const {
    return comparing() ? nn::compareMember(session, session.compare[std::size_t(focus)]) : session;
}

}  // namespace actlab::ui
