#include "common/accessibility.h"

#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAccessible>
#include <QAccessibleWidget>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QLineEdit>
#include <QRegularExpression>
#include <QString>
#include <QWidget>

namespace actlab::ui {

namespace {

/// A chart or canvas whose name and description are the widget's own.
class DescribedWidget : public QAccessibleWidget {
public:
    DescribedWidget(QWidget* w, QAccessible::Role role) : QAccessibleWidget(w, role) {}
    QString text(QAccessible::Text t) const override {
        if (t == QAccessible::Name && !widget()->accessibleName().isEmpty())
            return widget()->accessibleName();
        if (t == QAccessible::Description && !widget()->accessibleDescription().isEmpty())
            return widget()->accessibleDescription();
        return QAccessibleWidget::text(t);
    }
};

/// A button the application draws itself (an activation's thumbnail): a push button that
/// screen readers can press.
class DrawnButton : public QAccessibleWidget {
public:
    explicit DrawnButton(QWidget* w) : QAccessibleWidget(w, QAccessible::Button) {}
    QStringList actionNames() const override { return {pressAction()}; }
    void doAction(const QString& action) override {
        if (action == pressAction()) static_cast<QAbstractButton*>(widget())->click();
    }
};

QAccessibleInterface* factory(const QString& className, QObject* object) {
    auto* widget = qobject_cast<QWidget*>(object);
    if (!widget) return nullptr;
    // Every plot of the application is a QCustomPlot; the network diagram draws itself.
    if (qobject_cast<QCustomPlot*>(object)) return new DescribedWidget(widget, QAccessible::Chart);
    if (className == QLatin1String("actlab::ui::NetworkDiagram"))
        return new DescribedWidget(widget, QAccessible::Canvas);
    if (className == QLatin1String("actlab::ui::ActivationThumbnail"))
        return new DrawnButton(widget);
    return nullptr;
}

/// The property that marks an accessible name taken from the tooltip (so that a later, changed
/// tooltip replaces it, while a name set on purpose is never touched).
constexpr char kNameFromTip[] = "actlabNameFromToolTip";

/// A control's own visible text, which screen readers use as its name.
QString ownText(const QWidget* w) {
    if (const auto* b = qobject_cast<const QAbstractButton*>(w)) return b->text();
    if (const auto* c = qobject_cast<const QComboBox*>(w)) return c->currentText();
    return {};
}

/// The short name a tooltip gives: its first sentence or clause, without the shortcut hint.
QString shortName(QString tip) {
    tip = tip.simplified();
    tip.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    for (const QString& end : {QStringLiteral(". "), QStringLiteral(": "), QStringLiteral("; "),
                               QStringLiteral("\u3002"), QStringLiteral("\uff1a")}) {
        const qsizetype at = tip.indexOf(end);
        if (at > 0) tip.truncate(at);
    }
    if (tip.endsWith(QLatin1Char('.'))) tip.chop(1);
    return tip;
}

/// Gives every focusable control without a name of its own (an icon button, a slider, a spin
/// box) the first words of its tooltip as its accessible name, and keeps it in step when the
/// tooltip changes (another language, Play becoming Pause).
class NameFromToolTip : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* object, QEvent* event) override {
        const QEvent::Type t = event->type();
        if (t != QEvent::Polish && t != QEvent::ToolTipChange) return false;
        auto* w = qobject_cast<QWidget*>(object);
        if (!w || w->focusPolicy() == Qt::NoFocus) return false;
        // The text field of an editable combo box is named after the combo box.
        const QWidget* source =
            qobject_cast<QLineEdit*>(w) && qobject_cast<QComboBox*>(w->parentWidget())
                ? w->parentWidget()
                : w;
        if (source->toolTip().isEmpty()) return false;
        if (!ownText(w).trimmed().isEmpty() && !qobject_cast<QComboBox*>(w)) return false;
        const QString derived = w->property(kNameFromTip).toString();
        if (!w->accessibleName().isEmpty() && w->accessibleName() != derived) return false;
        const QString name = shortName(source->toolTip());
        if (name == w->accessibleName()) return false;
        w->setAccessibleName(name);
        w->setProperty(kNameFromTip, name);
        return false;
    }
};

}  // namespace

void installAccessibility() {
    static bool installed = false;
    if (installed) return;
    installed = true;
    QAccessible::installFactory(factory);
    if (QCoreApplication* app = QCoreApplication::instance())
        app->installEventFilter(new NameFromToolTip(app));
}

void describeForScreenReaders(QWidget* widget, const QString& name, const QString& description) {
    // Before the first name is set: setting one creates the widget's accessible interface, which
    // must come from the factory.
    installAccessibility();
    if (widget->accessibleName() != name) widget->setAccessibleName(name);
    if (widget->accessibleDescription() != description) widget->setAccessibleDescription(description);
}

}  // namespace actlab::ui
