#include "classroom/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace actlab::ui {

namespace {

/// A menu or action text without its accelerator marks and trailing dots.
QString plain(QString text) {
    text.remove(QRegularExpression(QStringLiteral("\\(&.\\)")));  // "文件(&F)"
    text.replace(QLatin1String("&&"), QLatin1String("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("…"))) text.chop(1);
    return text.trimmed();
}

struct Row {
    QString keys, what, where;
};

void collect(const QMenu* menu, const QString& where, QList<Row>& rows, QSet<QAction*>& seen) {
    for (QAction* a : menu->actions()) {
        if (a->menu()) {
            collect(a->menu(), where + QStringLiteral(" \u25B8 ") + plain(a->menu()->title()), rows,
                    seen);
            continue;
        }
        if (a->shortcuts().isEmpty() || seen.contains(a)) continue;
        seen.insert(a);
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
        rows.push_back({keys.join(QStringLiteral(", ")), plain(a->text()), where});
    }
}

}  // namespace

ShortcutsDialog::ShortcutsDialog(QWidget* parent, const QMenuBar* menus,
                                 const QList<QAction*>& extra)
    : QDialog(parent), m_table(new QTableWidget(this)) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<Row> rows;
    QSet<QAction*> seen;
    for (QAction* top : menus->actions())
        if (top->menu()) collect(top->menu(), plain(top->menu()->title()), rows, seen);
    for (QAction* a : extra)
        if (!a->shortcuts().isEmpty() && !seen.contains(a) && !a->text().isEmpty()) {
            QStringList keys;
            for (const QKeySequence& k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            rows.push_back({keys.join(QStringLiteral(", ")), plain(a->text()), tr("Window")});
        }
    // What no action carries: the mouse on the plots.
    const QString curve = tr("Curve plot"), network = tr("Network output plot");
    rows.push_back({tr("Mouse wheel"), tr("Zoom in or out around the pointer"), curve});
    rows.push_back({tr("Drag"), tr("Move the view"), curve});
    rows.push_back({tr("Up, Down"), tr("The previous or next activation in the list"),
                    tr("Activation list")});
    rows.push_back({tr("Left click"), tr("Add a point of class A"), network});
    rows.push_back({tr("Right click, Shift+click"), tr("Add a point of class B"), network});

    m_table->setColumnCount(3);
    m_table->setRowCount(int(rows.size()));
    m_table->setHorizontalHeaderLabels({tr("Keys"), tr("Does"), tr("Where")});
    for (int r = 0; r < rows.size(); ++r) {
        const Row& row = rows[r];
        int c = 0;
        for (const QString& text : {row.keys, row.what, row.where}) {
            auto* item = new QTableWidgetItem(text);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            m_table->setItem(r, c++, item);
        }
    }
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(980, 720);
}

}  // namespace actlab::ui
