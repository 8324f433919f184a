#include "network/dataset_panel.h"

#include <QAction>
#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <array>

#include "network/network_style.h"

namespace actlab::ui {

namespace {

constexpr std::array<int, 12> kPointSteps = {50,  100,  200,  300,  400,  500,
                                             750, 1000, 1500, 2000, 3000, 5000};

/// A small picture of a dataset: its points on white.
QPixmap preview(nn::DatasetKind kind, int side) {
    nn::DatasetSpec spec;
    spec.kind = kind;
    spec.numPoints = 220;
    spec.trainPercent = 90;
    spec.seed = 7;
    const nn::Dataset data = nn::generateDataset(spec);
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::white);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const auto toPixel = [&](double v) {
        return (v + nn::kDomain) / (2 * nn::kDomain) * (side - 4) + 2;
    };
    p.setPen(Qt::NoPen);
    for (const auto* set : {&data.train, &data.test})
        for (const nn::Point& pt : *set) {
            p.setBrush(netstyle::pointColor(pt.label, data.numClasses));
            p.drawEllipse(QPointF(toPixel(pt.x), side - toPixel(pt.y)), 1.8, 1.8);
        }
    p.setPen(QPen(QColor(0xC5, 0xCC, 0xD4), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRect(0, 0, side - 1, side - 1));
    return pixmap;
}

QSlider* slider(int min, int max, int step, QWidget* parent) {
    auto* s = new QSlider(Qt::Horizontal, parent);
    s->setRange(min, max);
    s->setSingleStep(step);
    s->setPageStep(step);
    // The data is regenerated when the slider is released, not on every pixel of a drag.
    s->setTracking(false);
    return s;
}

QIcon swatch(const QColor& color) {
    QPixmap pixmap(22, 22);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 2));
    p.setBrush(color);
    p.drawEllipse(QRectF(2, 2, 18, 18));
    return QIcon(pixmap);
}

}  // namespace

int DatasetPanel::pointsAt(int position) {
    return kPointSteps[std::size_t(std::clamp(position, 0, int(kPointSteps.size()) - 1))];
}

int DatasetPanel::positionFor(int points) {
    int best = 0;
    for (int k = 0; k < int(kPointSteps.size()); ++k)
        if (std::abs(kPointSteps[std::size_t(k)] - points) <
            std::abs(kPointSteps[std::size_t(best)] - points))
            best = k;
    return best;
}

DatasetPanel::DatasetPanel(QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_kindLabel(new QLabel(this)),
      m_noiseLabel(new QLabel(this)),
      m_trainLabel(new QLabel(this)),
      m_pointsLabel(new QLabel(this)),
      m_classesLabel(new QLabel(this)),
      m_counts(new QLabel(this)),
      m_editTitle(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_noise(slider(0, 50, 5, this)),
      m_train(slider(10, 90, 10, this)),
      m_points(slider(0, int(kPointSteps.size()) - 1, 1, this)),
      m_classes(slider(3, 5, 1, this)),
      m_regenerate(new QPushButton(this)),
      m_import(new QToolButton(this)),
      m_export(new QToolButton(this)),
      m_erase(new QToolButton(this)),
      m_clear(new QToolButton(this)),
      m_undo(new QToolButton(this)),
      m_redo(new QToolButton(this)) {
    setObjectName(QStringLiteral("datasetPanel"));
    m_title->setObjectName(QStringLiteral("columnTitle"));
    m_editTitle->setObjectName(QStringLiteral("columnTitle"));
    m_kindLabel->setObjectName(QStringLiteral("datasetName"));
    m_counts->setObjectName(QStringLiteral("hint"));
    m_counts->setWordWrap(true);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);

    auto* kinds = new QGridLayout;
    kinds->setSpacing(6);
    auto* group = new QButtonGroup(this);
    group->setExclusive(true);
    const auto& all = nn::allDatasetKinds();
    for (std::size_t k = 0; k < all.size() && k < m_kinds.size(); ++k) {
        auto* b = new QToolButton(this);
        b->setObjectName(QStringLiteral("datasetButton"));
        b->setCheckable(true);
        b->setIcon(QIcon(preview(all[k], 54)));
        b->setIconSize(QSize(54, 54));
        group->addButton(b);
        const nn::DatasetKind kind = all[k];
        connect(b, &QToolButton::clicked, this, [this, kind] {
            if (kind != m_spec.kind || m_edited) emit kindChosen(kind);
        });
        kinds->addWidget(b, int(k / 3), int(k % 3));
        m_kinds[k] = b;
    }

    m_erase->setCheckable(true);
    m_erase->setShortcut(QKeySequence(Qt::Key_E));
    for (QToolButton* b : {m_erase, m_clear, m_undo, m_redo, m_import, m_export}) {
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setObjectName(QStringLiteral("editButton"));
    }
    auto* brushes = new QHBoxLayout;
    brushes->setSpacing(4);
    auto* brushGroup = new QButtonGroup(this);
    for (int k = 0; k < 5; ++k) {
        auto* b = new QToolButton(this);
        b->setCheckable(true);
        b->setIcon(swatch(netstyle::classColor(k)));
        b->setIconSize(QSize(22, 22));
        b->setAutoRaise(true);
        brushGroup->addButton(b);
        connect(b, &QToolButton::clicked, this, [this, k] {
            m_brush = k;
            updateHint();
            emit brushClassChanged(k);
        });
        brushes->addWidget(b);
        m_brushes[std::size_t(k)] = b;
    }
    brushes->addStretch(1);

    auto* files = new QHBoxLayout;
    files->setSpacing(6);
    files->addWidget(m_import, 1);
    files->addWidget(m_export, 1);
    auto* edits = new QHBoxLayout;
    edits->setSpacing(4);
    for (QToolButton* b : {m_erase, m_clear, m_undo, m_redo}) edits->addWidget(b);
    edits->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 8, 2);
    layout->setSpacing(5);
    layout->addWidget(m_title);
    layout->addLayout(kinds);
    layout->addWidget(m_kindLabel);
    // Each slider beside its label: the column must fit a projector's 1000 pixels of height.
    auto* sliders = new QGridLayout;
    sliders->setHorizontalSpacing(8);
    sliders->setVerticalSpacing(0);
    int row = 0;
    for (auto [label, s] :
         {std::pair{m_trainLabel, m_train}, std::pair{m_noiseLabel, m_noise},
          std::pair{m_pointsLabel, m_points}, std::pair{m_classesLabel, m_classes}}) {
        label->setMinimumWidth(
            label->fontMetrics().horizontalAdvance(QStringLiteral("Training: 90 %")));
        sliders->addWidget(label, row, 0);
        sliders->addWidget(s, row, 1);
        ++row;
    }
    sliders->setColumnStretch(1, 1);
    layout->addLayout(sliders);
    layout->addWidget(m_regenerate);
    layout->addLayout(files);
    layout->addWidget(m_counts);
    layout->addSpacing(6);
    layout->addWidget(m_editTitle);
    layout->addWidget(m_hint);
    layout->addLayout(brushes);
    layout->addLayout(edits);
    layout->addStretch(1);

    const auto live = [this](QSlider* s) {
        connect(s, &QSlider::sliderMoved, this, [this] { updateLabels(); });
    };
    for (QSlider* s : {m_noise, m_train, m_points, m_classes}) live(s);
    connect(m_noise, &QSlider::valueChanged, this, [this](int v) {
        updateLabels();
        if (v != m_spec.noisePercent) emit noiseChosen(v);
    });
    connect(m_train, &QSlider::valueChanged, this, [this](int v) {
        updateLabels();
        if (v != m_spec.trainPercent) emit trainPercentChosen(v);
    });
    connect(m_points, &QSlider::valueChanged, this, [this](int v) {
        updateLabels();
        if (pointsAt(v) != m_spec.numPoints) emit pointsChosen(pointsAt(v));
    });
    connect(m_classes, &QSlider::valueChanged, this, [this](int v) {
        updateLabels();
        if (v != m_spec.classes) emit classesChosen(v);
    });
    connect(m_regenerate, &QPushButton::clicked, this, &DatasetPanel::regenerateRequested);
    connect(m_import, &QToolButton::clicked, this, &DatasetPanel::importRequested);
    connect(m_export, &QToolButton::clicked, this, &DatasetPanel::exportRequested);
    connect(m_clear, &QToolButton::clicked, this, &DatasetPanel::clearRequested);
    connect(m_erase, &QToolButton::toggled, this, &DatasetPanel::eraseModeToggled);

    m_brushes[0]->setChecked(true);
    retranslate();
    setSpec(nn::DatasetSpec{}, false);
}

QToolButton* DatasetPanel::kindButton(nn::DatasetKind kind) const {
    const auto& all = nn::allDatasetKinds();
    const auto it = std::find(all.begin(), all.end(), kind);
    return it == all.end() ? nullptr : m_kinds[std::size_t(it - all.begin())];
}

void DatasetPanel::setSpec(const nn::DatasetSpec& spec, bool edited) {
    m_spec = spec;
    m_edited = edited;
    for (QSlider* s : {m_noise, m_train, m_points, m_classes}) s->blockSignals(true);
    m_noise->setValue(spec.noisePercent);
    m_train->setValue(spec.trainPercent);
    m_points->setValue(positionFor(spec.numPoints));
    m_classes->setValue(spec.classes);
    for (QSlider* s : {m_noise, m_train, m_points, m_classes}) s->blockSignals(false);
    if (QToolButton* b = kindButton(spec.kind)) {
        // Edited points match no preview: none is marked (clicking one brings its points back).
        b->group()->setExclusive(!edited);
        for (QToolButton* k : m_kinds) k->setChecked(false);
        b->setChecked(!edited);
        b->group()->setExclusive(true);
    }
    const bool multi = nn::isMultiClass(spec.kind);
    m_classes->setVisible(multi);
    m_classesLabel->setVisible(multi);
    const int classes = multi ? spec.classes : 0;
    for (int k = 0; k < 5; ++k) m_brushes[std::size_t(k)]->setVisible(k < classes);
    if (m_brush >= std::max(1, classes)) setBrushClass(0);
    updateLabels();
    updateHint();
}

void DatasetPanel::setCounts(int train, int test) {
    m_trainCount = train;
    m_testCount = test;
    m_counts->setText(tr("%1 training and %2 test points").arg(train).arg(test));
}

void DatasetPanel::setBrushClass(int k) {
    m_brush = std::clamp(k, 0, 4);
    m_brushes[std::size_t(m_brush)]->setChecked(true);
    updateHint();
}

void DatasetPanel::setUndoActions(QAction* undo, QAction* redo) {
    // Short labels on the buttons; the actions' longer texts ("Undo Add Point") are the tooltips.
    for (const auto& pair : {std::pair{m_undo, undo}, std::pair{m_redo, redo}}) {
        QToolButton* button = pair.first;
        QAction* action = pair.second;
        connect(button, &QToolButton::clicked, action, &QAction::trigger);
        const auto sync = [button, action] {
            button->setEnabled(action->isEnabled());
            button->setToolTip(action->text().remove(QLatin1Char('&')));
        };
        connect(action, &QAction::changed, button, sync);
        sync();
    }
}

QString DatasetPanel::kindName(nn::DatasetKind kind) const {
    switch (kind) {
        case nn::DatasetKind::Circle:
            return tr("Circle");
        case nn::DatasetKind::Xor:
            return tr("Exclusive or (XOR)");
        case nn::DatasetKind::Gaussians:
            return tr("Two Gaussians");
        case nn::DatasetKind::Spiral:
            return tr("Spiral");
        case nn::DatasetKind::Moons:
            return tr("Two moons");
        case nn::DatasetKind::Blobs:
            return tr("Blobs (several classes)");
        case nn::DatasetKind::MultiSpiral:
            return tr("Spiral arms (several classes)");
        case nn::DatasetKind::Plane:
            return tr("Plane (regression)");
        case nn::DatasetKind::MultiGaussian:
            return tr("Gaussian hills (regression)");
    }
    return {};
}

void DatasetPanel::updateLabels() {
    // Saved edited points no longer know which generator they came from: say only what is true.
    m_kindLabel->setText(m_edited ? tr("Your own points") : kindName(m_spec.kind));
    m_trainLabel->setText(tr("Training: %1 %").arg(m_train->sliderPosition()));
    m_noiseLabel->setText(tr("Noise: %1").arg(m_noise->sliderPosition()));
    m_pointsLabel->setText(tr("Points: %1").arg(pointsAt(m_points->sliderPosition())));
    m_classesLabel->setText(tr("Classes: %1").arg(m_classes->sliderPosition()));
}

void DatasetPanel::updateHint() {
    if (nn::isMultiClass(m_spec.kind)) {
        const int classes = std::max(1, m_spec.classes);
        m_hint->setText(tr("Click the output plot: left adds class %1 (choose below), right (or "
                           "Shift+click) class %2.")
                            .arg(m_brush + 1)
                            .arg((m_brush + 1) % classes + 1));
    } else if (nn::isRegression(m_spec.kind)) {
        m_hint->setText(
            tr("Click the output plot: left adds the value +1, right (or Shift+click) "
               "the value \u2212" "1."));  // split: lupdate would read the 1 into the escape
    } else {
        m_hint->setText(
            tr("Click the output plot: left adds a blue point, right (or Shift+click) "
               "an orange one."));
    }
}

void DatasetPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void DatasetPanel::retranslate() {
    m_title->setText(tr("DATA"));
    m_editTitle->setText(tr("EDIT POINTS"));
    const auto& all = nn::allDatasetKinds();
    for (std::size_t k = 0; k < all.size() && k < m_kinds.size(); ++k)
        m_kinds[k]->setToolTip(
            tr("%1: use this dataset (training starts again)").arg(kindName(all[k])));
    m_train->setToolTip(
        tr("The share of the points used for training; the rest tests the network "
           "on points it has not seen."));
    m_noise->setToolTip(tr("How much the points scatter across the ideal boundary."));
    m_points->setToolTip(tr("How many points to generate."));
    m_classes->setToolTip(tr("How many classes the multi-class datasets have."));
    m_regenerate->setText(tr("Regenerate"));
    m_regenerate->setToolTip(
        tr("New random points of the same kind (Undo brings the old ones "
           "back)."));
    m_import->setText(tr("Import CSV…"));
    m_import->setToolTip(
        tr("Load points from a CSV file with columns x, y, label and optionally "
           "split (train or test)."));
    m_export->setText(tr("Export CSV…"));
    m_export->setToolTip(tr("Save the points as CSV (x, y, label, split)."));
    m_erase->setText(tr("Erase"));
    m_erase->setToolTip(tr("Erase mode (E): clicks on the output plot remove the nearest point."));
    // Arrows rather than words keep the row within the column; the tooltips name them.
    m_undo->setText(QStringLiteral("\u21B6"));
    m_redo->setText(QStringLiteral("\u21B7"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(
        tr("Remove every point, to draw a dataset of your own (Undo brings them "
           "back)."));
    for (int k = 0; k < 5; ++k)
        m_brushes[std::size_t(k)]->setToolTip(tr("Left clicks add class %1").arg(k + 1));
    if (m_trainCount >= 0) setCounts(m_trainCount, m_testCount);
    updateLabels();
    updateHint();
}

}  // namespace actlab::ui
