#include "network/why_hidden_space.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QVariantAnimation>
#include <algorithm>
#include <cmath>

#include "common/plot_style.h"
#include "network/boundary_items.h"

namespace actlab::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Milliseconds from one stage to the next while playing.
constexpr int kStageMs = 1400;

/// Curve data from x and y, with a break (NaN) after every `run` points.
QVector<QCPCurveData> broken(const std::vector<double>& x, const std::vector<double>& y, int run) {
    QVector<QCPCurveData> d;
    d.reserve(int(x.size() + x.size() / std::size_t(std::max(1, run))));
    int t = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        d.append(QCPCurveData(t++, x[i], y[i]));
        if ((i + 1) % std::size_t(run) == 0) d.append(QCPCurveData(t++, kNaN, kNaN));
    }
    return d;
}

double lerp(double a, double b, double t) { return a + (b - a) * t; }

}  // namespace

HiddenSpacePanel::HiddenSpacePanel(QWidget* parent)
    : QWidget(parent),
      m_stageSlider(new QSlider(Qt::Horizontal, this)),
      m_stageLabel(new QLabel(this)),
      m_projection(new QComboBox(this)),
      m_unitA(new QSpinBox(this)),
      m_unitB(new QSpinBox(this)),
      m_play(new QPushButton(this)),
      m_axes(new QLabel(this)),
      m_plot(new QCustomPlot(this)),
      m_animation(new QVariantAnimation(this)) {
    m_grid = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    m_contour = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    m_line = new QCPItemStraightLine(m_plot);
    m_line->setVisible(false);
    m_points = new PointCloud(m_plot->axisRect());
    m_stageSlider->setRange(0, 0);
    m_stageSlider->setPageStep(1);
    m_projection->addItems({QString(), QString()});
    for (QSpinBox* s : {m_unitA, m_unitB}) s->setRange(1, 1);
    m_unitB->setValue(2);
    m_axes->setWordWrap(true);
    m_plot->setMinimumSize(320, 320);
    m_plot->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    style::scrollParentOnWheel(m_plot);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_stageLabel);
    controls->addWidget(m_stageSlider, 1);
    controls->addWidget(m_play);
    controls->addSpacing(12);
    controls->addWidget(m_projection);
    controls->addWidget(m_unitA);
    controls->addWidget(m_unitB);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_axes);
    layout->addWidget(m_plot, 1);

    connect(m_stageSlider, &QSlider::valueChanged, this, [this](int s) {
        if (m_animation->state() != QAbstractAnimation::Running) draw(s, s, 0);
        retranslate();
    });
    connect(m_play, &QPushButton::clicked, this, &HiddenSpacePanel::play);
    m_animation->setEasingCurve(QEasingCurve::InOutSine);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        const double at = v.toDouble();
        const int from = std::min(int(at), stageCount() - 1);
        const int to = std::min(from + 1, stageCount() - 1);
        draw(from, to, at - from);
        const QSignalBlocker block(m_stageSlider);
        m_stageSlider->setValue(int(std::lround(at)));
    });
    connect(m_animation, &QVariantAnimation::finished, this, [this] {
        draw(stage(), stage(), 0);
        retranslate();
    });
    const auto reproject = [this] {
        const bool units = m_projection->currentIndex() == 1;
        m_unitA->setVisible(units);
        m_unitB->setVisible(units);
        emit settingsChanged();
    };
    connect(m_projection, &QComboBox::currentIndexChanged, this, reproject);
    connect(m_unitA, &QSpinBox::valueChanged, this, reproject);
    connect(m_unitB, &QSpinBox::valueChanged, this, reproject);
    m_unitA->setVisible(false);
    m_unitB->setVisible(false);
    restyle();
    connect(&Appearance::instance(), &Appearance::changed, this, [this] {
        restyle();
        m_plot->replot();
    });
    retranslate();
}

void HiddenSpacePanel::restyle() {
    const ThemeColors& c = style::colors();
    m_plot->setBackground(c.plotBackground);
    m_plot->axisRect()->setBackground(c.plotBackground);
    for (QCPAxis* a : {m_plot->xAxis, m_plot->yAxis}) style::styleSmallChartAxis(a, 11, 0);
    QColor grid = c.text;
    grid.setAlpha(90);
    m_grid->setPen(QPen(grid, style::width(1.2)));
    m_grid->setLineStyle(QCPCurve::lsLine);
    m_contour->setPen(QPen(c.strong, style::width(2.5)));
    m_line->setPen(QPen(c.strong, style::width(3), Qt::DashLine));
    m_points->setRadius(3.5 * std::max(1.0, Appearance::instance().scale()));
}

void HiddenSpacePanel::computeStage(const nn::Mlp& net, const nn::FeatureTable& train, int stage) {
    StageDrawing& d = m_stages[std::size_t(stage)];
    const int width = inspect::stageWidth(net, stage);
    const int points = train.points;
    m_values.resize(std::size_t(width) * std::size_t(points));
    m_eval.activations(net, train, stage, m_values);
    const bool direct = width <= 2;
    const bool units = !direct && m_projection->currentIndex() == 1;
    const int a = std::min(m_unitA->value(), width) - 1, b = std::min(m_unitB->value(), width) - 1;
    if (direct)
        inspect::directProjection(width, m_proj);
    else if (units && a != b)
        inspect::unitProjection(m_values, width, points, a, b, m_proj);
    else
        m_pca.fit(m_values, width, points, m_proj);
    const auto toPlane = [&](int count, std::vector<double>& x, std::vector<double>& y) {
        m_xy.resize(2 * std::size_t(count));
        inspect::project(m_proj, m_values, count, m_xy);
        x.assign(m_xy.begin(), m_xy.begin() + count);
        y.assign(m_xy.begin() + count, m_xy.end());
    };
    toPlane(points, d.px, d.py);
    const inspect::GridLines lines{kLines, kSamples};
    m_values.resize(std::size_t(width) * std::size_t(lines.pointCount()));
    m_eval.gridLines(net, lines, stage, m_values);
    toPlane(lines.pointCount(), d.gx, d.gy);
    m_values.resize(std::size_t(width) * m_cxIn.size());
    m_eval.activationsAt(net, m_cxIn, m_cyIn, stage, m_values);
    toPlane(int(m_cxIn.size()), d.cx, d.cy);

    d.last = stage == stageCount() - 1;
    if (d.last) {
        std::vector<inspect::BoundaryLine> boundary;
        inspect::decisionBoundary(net, boundary);
        d.boundary = boundary.size() == 1 ? inspect::projectBoundary(boundary[0], m_proj)
                                           : inspect::ProjectedLine{};
    }
    const QLocale locale;
    const auto units1 = [&](int u) { return QString::number(u + 1); };
    if (stage == 0 && direct)
        d.axes = tr("Axes: the input features");
    else if (direct)
        d.axes = width == 1 ? tr("Axes: the layer's one unit on both axes")
                            : tr("Axes: unit 1 and unit 2 of the layer");
    else if (m_proj.kind == inspect::ProjectionKind::Units)
        d.axes = tr("Axes: units %1 and %2 (the other units at their mean)")
                     .arg(units1(a), units1(b));
    else {
        const auto share = m_proj.explained();
        d.axes = tr("Axes: the first two principal components of the points (%1 % and %2 % of "
                    "the variance)")
                     .arg(locale.toString(100 * share[0], 'f', 0),
                          locale.toString(100 * share[1], 'f', 0));
    }
}

void HiddenSpacePanel::update(const nn::Mlp& net, const nn::Dataset& data,
                              const nn::FeatureTable& train,
                              const std::vector<nn::ContourSegment>& contour) {
    m_hidden = int(net.spec().hidden.size());
    const int count = inspect::stageCount(net);
    m_stages.resize(std::size_t(count));
    m_cxIn.clear();
    m_cyIn.clear();
    for (const nn::ContourSegment& s : contour) {
        m_cxIn.insert(m_cxIn.end(), {s.x0, s.x1});
        m_cyIn.insert(m_cyIn.end(), {s.y0, s.y1});
    }
    int widest = 2;
    // A compact panel shows only the last hidden layer.
    for (int k = m_compact ? count - 1 : 0; k < count; ++k) {
        computeStage(net, train, k);
        widest = std::max(widest, inspect::stageWidth(net, k));
    }
    m_moved = nn::Dataset{};
    m_moved.numClasses = data.numClasses;
    m_moved.train = data.train;
    for (QSpinBox* s : {m_unitA, m_unitB}) {
        const QSignalBlocker block(s);
        s->setMaximum(widest);
    }
    {
        const QSignalBlocker block(m_stageSlider);
        const bool atEnd = m_compact || m_stageSlider->value() == m_stageSlider->maximum();
        m_stageSlider->setMaximum(count - 1);
        if (atEnd) m_stageSlider->setValue(count - 1);  // follows the last stage by default
    }
    m_play->setEnabled(count > 1);
    // Only a stage wider than 2 needs a choice of projection.
    m_projection->setEnabled(widest > 2);
    for (QSpinBox* s : {m_unitA, m_unitB}) s->setEnabled(widest > 2);
    if (m_animation->state() != QAbstractAnimation::Running) draw(stage(), stage(), 0);
    retranslate();
}

void HiddenSpacePanel::draw(int from, int to, double t) {
    if (m_stages.empty() || from >= stageCount() || to >= stageCount()) return;
    const StageDrawing& a = m_stages[std::size_t(from)];
    const StageDrawing& b = m_stages[std::size_t(to)];
    const auto mix = [t](const std::vector<double>& p, const std::vector<double>& q) {
        std::vector<double> r(p.size());
        for (std::size_t i = 0; i < p.size(); ++i)
            r[i] = q.size() == p.size() ? lerp(p[i], q[i], t) : p[i];
        return r;
    };
    const std::vector<double> px = mix(a.px, b.px), py = mix(a.py, b.py);
    const std::vector<double> gx = mix(a.gx, b.gx), gy = mix(a.gy, b.gy);
    const std::vector<double> cx = mix(a.cx, b.cx), cy = mix(a.cy, b.cy);
    m_grid->data()->set(broken(gx, gy, kSamples), true);
    m_contour->data()->set(broken(cx, cy, 2), true);
    for (std::size_t i = 0; i < m_moved.train.size() && i < px.size(); ++i) {
        m_moved.train[i].x = px[i];
        m_moved.train[i].y = py[i];
    }
    m_points->setData(m_moved);

    // The view: every point and line, with a margin.
    double x0 = HUGE_VAL, x1 = -HUGE_VAL, y0 = HUGE_VAL, y1 = -HUGE_VAL;
    for (const auto* xs : {&px, &gx})
        for (double v : *xs)
            if (std::isfinite(v)) x0 = std::min(x0, v), x1 = std::max(x1, v);
    for (const auto* ys : {&py, &gy})
        for (double v : *ys)
            if (std::isfinite(v)) y0 = std::min(y0, v), y1 = std::max(y1, v);
    if (!(x0 < x1)) x0 -= 1, x1 += 1;
    if (!(y0 < y1)) y0 -= 1, y1 += 1;
    const double mx = 0.05 * (x1 - x0), my = 0.05 * (y1 - y0);
    m_plot->xAxis->setRange(x0 - mx, x1 + mx);
    m_plot->yAxis->setRange(y0 - my, y1 + my);

    const StageDrawing& shown = t < 0.5 ? a : b;
    const bool line = t == 0 && a.last && a.boundary.exists;
    m_line->setVisible(line);
    m_contour->setVisible(!line);
    if (line) {
        const double n2 = a.boundary.a * a.boundary.a + a.boundary.b * a.boundary.b;
        const double ox = -a.boundary.c * a.boundary.a / n2, oy = -a.boundary.c * a.boundary.b / n2;
        m_line->point1->setCoords(ox, oy);
        m_line->point2->setCoords(ox - a.boundary.b, oy + a.boundary.a);
    }
    m_axes->setText(shown.axes + (a.last && t == 0
                                      ? QStringLiteral(". ") +
                                            tr("The dashed line is the decision boundary: the "
                                               "output is affine in this layer, so it is straight.")
                                      : QString()));
    if (m_plot->isVisible()) m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HiddenSpacePanel::setStage(int stage) { m_stageSlider->setValue(stage); }
int HiddenSpacePanel::stage() const { return m_stageSlider->value(); }

void HiddenSpacePanel::setUnits(int a, int b) {
    m_projection->setCurrentIndex(1);
    m_unitA->setValue(a + 1);
    m_unitB->setValue(b + 1);
}

void HiddenSpacePanel::setPca() { m_projection->setCurrentIndex(0); }

void HiddenSpacePanel::play() {
    if (stageCount() < 2) return;
    m_animation->stop();
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(double(stageCount() - 1));
    m_animation->setDuration(kStageMs * (stageCount() - 1));
    m_animation->start();
}

bool HiddenSpacePanel::playing() const {
    return m_animation->state() == QAbstractAnimation::Running;
}

void HiddenSpacePanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

void HiddenSpacePanel::setCompact(bool compact) {
    m_compact = compact;
    for (QWidget* w : std::initializer_list<QWidget*>{m_stageLabel, m_stageSlider, m_play,
                                                     m_projection})
        w->setVisible(!compact);
    // The unit choosers show only with the "two units" projection.
    const bool units = !compact && m_projection->currentIndex() == 1;
    m_unitA->setVisible(units);
    m_unitB->setVisible(units);
    const int side = compact ? 170 : 320;
    m_plot->setMinimumSize(side, side);
}

void HiddenSpacePanel::retranslate() {
    const int s = stage();
    m_stageLabel->setText(s == 0 ? tr("Stage: the input")
                                 : tr("Stage: hidden layer %1 of %2").arg(s).arg(m_hidden));
    m_play->setText(tr("Play through the layers"));
    m_projection->setItemText(0, tr("Principal components"));
    m_projection->setItemText(1, tr("Two units"));
    m_projection->setToolTip(tr("How a layer wider than 2 is drawn in the plane"));
    m_unitA->setToolTip(tr("The unit on the horizontal axis"));
    m_unitB->setToolTip(tr("The unit on the vertical axis"));
}

}  // namespace actlab::ui
