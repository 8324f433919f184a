#include "common/number_entry.h"

#include <QLocale>
#include <string>

#include "common/qt_text.h"
#include "util/number_format.h"

namespace actlab::ui {

namespace {
std::optional<SystemSeparators>& testSeparators() {
    static std::optional<SystemSeparators> separators;
    return separators;
}
}  // namespace

void SystemSeparators::useForTesting(std::optional<SystemSeparators> separators) {
    testSeparators() = separators;
}

SystemSeparators SystemSeparators::current() {
    if (testSeparators()) return *testSeparators();
    const QLocale system = QLocale::system();
    SystemSeparators s;
    const QString decimal = system.decimalPoint(), group = system.groupSeparator();
    if (decimal.size() == 1 && decimal.front().unicode() < 128) s.decimal = char(decimal.front().unicode());
    if (group.size() == 1 && group.front().unicode() < 128) s.group = char(group.front().unicode());
    return s;
}

std::optional<double> readTypedNumber(const QString& text, QString* error) {
    const SystemSeparators sep = SystemSeparators::current();
    std::string why;
    const QByteArray utf8 = text.toUtf8();
    const auto v = parseTypedNumber(std::string_view(utf8.constData(), std::size_t(utf8.size())),
                                    sep.decimal, sep.group, error ? &why : nullptr);
    if (!v && error) *error = qs(why);
    return v;
}

namespace {

/// Text that may still become a number as the user types on.
bool halfTyped(const QString& t) {
    const QString s = t.trimmed();
    if (s.isEmpty() || s == QLatin1String("-") || s == QLatin1String("+") ||
        s == QStringLiteral("\u2212"))
        return true;
    const QChar last = s.back();
    return last == QLatin1Char('e') || last == QLatin1Char('E') || last == QLatin1Char('.') ||
           last == QLatin1Char(',') || last == QLatin1Char('-') || last == QLatin1Char('+');
}

QValidator::State validateNumber(const QString& input, double bottom, double top) {
    if (const auto v = readTypedNumber(input)) {
        if (*v >= bottom && *v <= top) return QValidator::Acceptable;
        return QValidator::Intermediate;  // more digits or a sign may bring it into range
    }
    // Half-typed, or a separator the system does not read here ("0,3" on an English system):
    // left for fixup to refuse, instead of dropping the keystroke and reading "03" as 3.
    const SystemSeparators sep = SystemSeparators::current();
    if (halfTyped(input) || input.contains(QLatin1Char(sep.group)) ||
        input.contains(QLatin1Char(',')))
        return QValidator::Intermediate;
    return QValidator::Invalid;
}

}  // namespace

TypedNumberValidator::TypedNumberValidator(double bottom, double top, QObject* parent)
    : QValidator(parent), m_bottom(bottom), m_top(top) {}

QValidator::State TypedNumberValidator::validate(QString& input, int&) const {
    return validateNumber(input, m_bottom, m_top);
}

NumberSpinBox::NumberSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
    // Each finished edit (Enter, leaving the field) is the value a refused entry goes back to.
    connect(this, &QAbstractSpinBox::editingFinished, this, [this] { m_before = value(); });
}

QString NumberSpinBox::textFromValue(double value) const {
    // '.' and no group separators, in every interface language.
    return QString::number(value, 'f', decimals());
}

QString NumberSpinBox::number(const QString& text) const {
    QString t = text;
    if (!prefix().isEmpty() && t.startsWith(prefix())) t.remove(0, prefix().size());
    if (!suffix().isEmpty() && t.endsWith(suffix())) t.chop(suffix().size());
    return t;
}

double NumberSpinBox::valueFromText(const QString& text) const {
    return readTypedNumber(number(text)).value_or(value());
}

void NumberSpinBox::focusInEvent(QFocusEvent* event) {
    m_before = value();
    QDoubleSpinBox::focusInEvent(event);
}

void NumberSpinBox::fixup(QString& input) const {
    if (!readTypedNumber(number(input))) input = prefix() + textFromValue(m_before) + suffix();
}

QValidator::State NumberSpinBox::validate(QString& input, int&) const {
    return validateNumber(number(input), minimum(), maximum());
}

}  // namespace actlab::ui
