#pragma once
// Small conversions between the core's UTF-8 text and Qt strings.

#include <QString>
#include <string>
#include <string_view>

#include "activations/activation_spec.h"

namespace actlab::ui {

/// A UTF-8 view from the core as a QString.
inline QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// A registry text in the language `lang` ("en", "zh_CN", ...).
inline QString qs(const Text& text, const QString& lang) {
    return qs(text.in(lang.toStdString()));
}

/// A name without its gloss: "Leaky ReLU（带泄漏的 ReLU）" and "SiLU / Swish (Sigmoid ...)"
/// become "Leaky ReLU" and "SiLU / Swish". For tight places; the full name goes in a tooltip.
inline QString shortName(const QString& name) {
    for (const QChar open : {QChar(0xFF08), QChar('(')}) {
        const qsizetype at = name.indexOf(open);
        if (at > 0) return name.left(at).trimmed();
    }
    return name;
}

/// A QString as a UTF-8 std::string, for the core.
inline std::string toStd(const QString& text) {
    return text.toStdString();
}

}  // namespace actlab::ui
