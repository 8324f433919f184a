#pragma once
// How the application's own widgets appear to screen readers (AT-SPI on Linux): plots are charts
// and the network diagram a canvas, each with the name and the text alternative the widget sets
// (accessibleName, accessibleDescription), instead of anonymous "filler" panes.

class QWidget;
class QString;

namespace actlab::ui {

/// Registers the accessibility interfaces (once, before the first window is shown).
void installAccessibility();

/// Gives `widget` a name and a description for screen readers.
void describeForScreenReaders(QWidget* widget, const QString& name, const QString& description);

}  // namespace actlab::ui
