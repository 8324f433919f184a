#pragma once

#include <QMainWindow>

class QCustomPlot;

namespace actlab::ui {

/// The application window. It composes the panels and owns nothing else.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

private:
    QCustomPlot* m_plot = nullptr;
};

}  // namespace actlab::ui
