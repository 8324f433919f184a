#include "common/accessibility.h"

#include <qcustomplot.h>

#include <QAccessible>
#include <QAccessibleWidget>
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

QAccessibleInterface* factory(const QString& className, QObject* object) {
    auto* widget = qobject_cast<QWidget*>(object);
    if (!widget) return nullptr;
    // Every plot of the application is a QCustomPlot; the network diagram draws itself.
    if (qobject_cast<QCustomPlot*>(object)) return new DescribedWidget(widget, QAccessible::Chart);
    if (className == QLatin1String("actlab::ui::NetworkDiagram"))
        return new DescribedWidget(widget, QAccessible::Canvas);
    return nullptr;
}

}  // namespace

void installAccessibility() {
    static bool installed = false;
    if (installed) return;
    installed = true;
    QAccessible::installFactory(factory);
}

void describeForScreenReaders(QWidget* widget, const QString& name, const QString& description) {
    if (widget->accessibleName() != name) widget->setAccessibleName(name);
    if (widget->accessibleDescription() != description) widget->setAccessibleDescription(description);
}

}  // namespace actlab::ui
