#pragma once
// Numbers typed into the interface, whatever the system's locale: "." is always the decimal
// point, and the system's own decimal separator is accepted too where it differs (',' in German).
// A group separator is never taken for a decimal point, so "0,3" is 0.3 or refused, never 3.
// Numbers are shown with "." in every interface language (en and zh both use it), without group
// separators. Built on actlab::parseTypedNumber (core/util/number_format.h).

#include <QDoubleSpinBox>
#include <QValidator>
#include <optional>

namespace actlab::ui {

/// The system's decimal point and group separator (from QLocale::system()).
struct SystemSeparators {
    char decimal = '.';
    char group = ',';
    /// The system's, or the ones set with useForTesting.
    static SystemSeparators current();
    /// Tests: behave as on a system with these separators (nullopt: the real system's again).
    static void useForTesting(std::optional<SystemSeparators> separators);
};

/// A typed number: the value, or nullopt with the reason in `error` (when given).
std::optional<double> readTypedNumber(const QString& text, QString* error = nullptr);

/// Accepts what readTypedNumber reads, within [bottom, top]; half-typed numbers ("", "-", "1e",
/// "0,") are Intermediate.
class TypedNumberValidator : public QValidator {
    Q_OBJECT
public:
    TypedNumberValidator(double bottom, double top, QObject* parent = nullptr);
    State validate(QString& input, int& pos) const override;

private:
    double m_bottom, m_top;
};

/// A QDoubleSpinBox that reads and shows numbers as described above.
class NumberSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit NumberSpinBox(QWidget* parent = nullptr);
    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& input, int& pos) const override;
    /// What was typed is not a number ("0,3" where ',' groups digits): back to the value the
    /// field had when editing began, never the number of a prefix such as "0".
    void fixup(QString& input) const override;

protected:
    void focusInEvent(QFocusEvent* event) override;

private:
    /// The number part of the field's text (without prefix and suffix).
    QString number(const QString& text) const;

    double m_before = 0;  ///< the value when the field got the focus or was last committed
};

}  // namespace actlab::ui
