#include "common/activation_chooser.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "activations/registry.h"
#include "common/qt_text.h"

namespace actlab::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kGroupRole = Qt::UserRole + 1;
constexpr Group kGroups[] = {Group::Classic, Group::Smooth, Group::Piecewise};

}  // namespace

ActivationChooser::ActivationChooser(QWidget* parent)
    : QWidget(parent), m_filter(new QLineEdit(this)), m_tree(new QTreeWidget(this)) {
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName("activationFilter");
    m_filter->installEventFilter(this);
    m_tree->installEventFilter(this);

    m_tree->setObjectName("activationTree");
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(14);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setExpandsOnDoubleClick(false);

    for (Group group : kGroups) {
        auto* header = new QTreeWidgetItem(m_tree);
        header->setData(0, kGroupRole, static_cast<int>(group));
        header->setFlags(Qt::ItemIsEnabled);  // a heading, not a choice
        QFont bold = header->font(0);
        bold.setBold(true);
        header->setFont(0, bold);
        for (const ActivationSpec& spec : activations()) {
            if (spec.group != group) continue;
            auto* item = new QTreeWidgetItem(header);
            item->setData(0, kIdRole, qs(spec.id));
        }
    }
    m_tree->expandAll();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &ActivationChooser::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        // Enter picks the first match when the current activation is filtered out.
        const QStringList visible = visibleActivations();
        if (!visible.isEmpty() && !visible.contains(currentActivation())) {
            m_tree->setCurrentItem(itemFor(visible.front()));
        }
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current) { onCurrentItemChanged(current); });
    retranslate();
}

QString ActivationChooser::groupTitle(Group group) {
    switch (group) {
        case Group::Classic:
            return tr("Classics");
        case Group::Smooth:
            return tr("Smooth modern");
        case Group::Piecewise:
            return tr("Piecewise and hard");
    }
    return {};
}

void ActivationChooser::retranslate() {
    m_filter->setPlaceholderText(tr("Filter activations (Ctrl+F)"));
    m_tree->setAccessibleName(tr("Activations"));
    m_filter->setToolTip(tr("Type part of a name, for example \"relu\"; Up and Down choose."));
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* header = m_tree->topLevelItem(g);
        header->setText(0, groupTitle(static_cast<Group>(header->data(0, kGroupRole).toInt())));
        for (int i = 0; i < header->childCount(); ++i) {
            QTreeWidgetItem* item = header->child(i);
            const ActivationSpec* spec = findActivation(toStd(item->data(0, kIdRole).toString()));
            if (!spec) continue;
            item->setText(0, qs(spec->name, m_lang));
            // The whole name first: a narrow list elides it.
            item->setToolTip(0, QStringLiteral("%1\n%2 — nn.%3")
                                    .arg(qs(spec->name, m_lang), qs(spec->formula),
                                         qs(spec->torchName)));
        }
    }
}

void ActivationChooser::setLanguage(const QString& lang) {
    m_lang = lang;
    retranslate();
    applyFilter();
}

void ActivationChooser::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

QString ActivationChooser::currentActivation() const {
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item ? item->data(0, kIdRole).toString() : QString();
}

QTreeWidgetItem* ActivationChooser::itemFor(const QString& id) const {
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* header = m_tree->topLevelItem(g);
        for (int i = 0; i < header->childCount(); ++i)
            if (header->child(i)->data(0, kIdRole).toString() == id) return header->child(i);
    }
    return nullptr;
}

bool ActivationChooser::setCurrentActivation(const QString& id) {
    QTreeWidgetItem* item = itemFor(id);
    if (!item) return false;
    const QSignalBlocker block(m_tree);
    m_tree->setCurrentItem(item);
    // With the tree's signals blocked its viewport is not told; repaint the selection.
    m_tree->viewport()->update();
    m_tree->scrollToItem(item);
    return true;
}

void ActivationChooser::clearCurrentActivation() {
    const QSignalBlocker block(m_tree);
    m_tree->setCurrentItem(nullptr);
    m_tree->clearSelection();
    m_tree->viewport()->update();
}

void ActivationChooser::onCurrentItemChanged(QTreeWidgetItem* current) {
    if (!current) return;
    const QString id = current->data(0, kIdRole).toString();
    if (id.isEmpty()) return;  // a group heading
    emit currentActivationChanged(id);
}

void ActivationChooser::setFilterText(const QString& text) {
    m_filter->setText(text);
}

void ActivationChooser::applyFilter() {
    const QString needle = m_filter->text().trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* header = m_tree->topLevelItem(g);
        bool any = false;
        for (int i = 0; i < header->childCount(); ++i) {
            QTreeWidgetItem* item = header->child(i);
            const ActivationSpec* spec = findActivation(toStd(item->data(0, kIdRole).toString()));
            bool match = needle.isEmpty();
            if (!match && spec) {
                for (const QString& hay :
                     {qs(spec->id), qs(spec->torchName), qs(spec->name.en), qs(spec->name, m_lang)})
                    match = match || hay.contains(needle, Qt::CaseInsensitive);
            }
            item->setHidden(!match);
            any = any || match;
        }
        header->setHidden(!any);
    }
}

QStringList ActivationChooser::visibleActivations() const {
    QStringList ids;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem* header = m_tree->topLevelItem(g);
        if (header->isHidden()) continue;
        for (int i = 0; i < header->childCount(); ++i)
            if (!header->child(i)->isHidden()) ids << header->child(i)->data(0, kIdRole).toString();
    }
    return ids;
}

void ActivationChooser::step(int direction) {
    const QStringList visible = visibleActivations();
    if (visible.isEmpty()) return;
    const int at = static_cast<int>(visible.indexOf(currentActivation()));
    int next = at < 0 ? 0 : at + direction;
    next = std::clamp(next, 0, static_cast<int>(visible.size()) - 1);
    if (next != at) m_tree->setCurrentItem(itemFor(visible[next]));
}

bool ActivationChooser::eventFilter(QObject* watched, QEvent* event) {
    // Up and Down walk the activations, skipping the group headings; in the filter field too, so
    // typing and choosing need no change of focus.
    if ((watched == m_filter || watched == m_tree) && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            step(key->key() == Qt::Key_Down ? 1 : -1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace actlab::ui
