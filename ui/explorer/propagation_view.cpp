#include "explorer/propagation_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "common/appearance.h"
#include "common/flow_layout.h"
#include "common/qt_text.h"
#include "common/reflow_layout.h"
#include "explorer/explorer_state.h"
#include "explorer/propagation_plots.h"
#include "qcustomplot.h"
#include "theory/phase_diagram.h"

namespace actlab::ui {

namespace {

constexpr int kSliderSteps = 400;  // σ_w² in steps of 0.01, σ_b² of 0.00125
constexpr int kCriticalLinePoints = 26;
constexpr int kRowsPerJob = 10;
enum Preset { kCustom, kXavier, kHe, kLeCun, kPlayground };

QString number(double v, int digits = 3) {
    if (std::isinf(v)) return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (std::isnan(v)) return QStringLiteral("—");
    if (std::abs(v) < 1e-12) v = 0;  // a fixed point at 0 found to rounding
    return QLocale().toString(v, 'g', digits);
}

}  // namespace

PropagationView::PropagationView(ExplorerState* state, QWidget* parent)
    : QWidget(parent), m_state(state) {
    setObjectName(QStringLiteral("propagationView"));
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    m_plots = new PropagationPlots(this);
    buildControls();
    connect(m_state, &ExplorerState::activationChanged, this, &PropagationView::activationChanged);
    connect(m_state, &ExplorerState::paramsChanged, this, &PropagationView::activationChanged);
    connect(m_plots, &PropagationPlots::phaseClicked, this, [this](double w, double b) {
        setVariances({std::round(w * 100) / 100, std::round(b * 800) / 800});
    });
    connect(&Appearance::instance(), &Appearance::changed, m_plots, &PropagationPlots::restyle);
    retranslate();
    syncControls();
    updateMarks();
}

PropagationView::~PropagationView() {
    m_phaseGeneration->fetch_add(1);  // queued diagram rows return at once
    m_pool.clear();
    m_pool.waitForDone();
}

void PropagationView::buildControls() {
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("propagationHeading"));
    m_heading->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("propagationSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    const auto slider = [this] {
        auto* s = new QSlider(Qt::Horizontal, this);
        s->setRange(0, kSliderSteps);
        s->setMinimumWidth(100);
        return s;
    };
    m_wLabel = new QLabel(this);
    m_wSlider = slider();
    m_wSpin = new QDoubleSpinBox(this);
    m_wSpin->setRange(0, 100);
    m_wSpin->setDecimals(3);
    m_wSpin->setSingleStep(0.01);
    m_bLabel = new QLabel(this);
    m_bSlider = slider();
    m_bSpin = new QDoubleSpinBox(this);
    m_bSpin->setRange(0, 10);
    m_bSpin->setDecimals(4);
    m_bSpin->setSingleStep(0.005);
    m_depthLabel = new QLabel(this);
    m_depthSpin = new QSpinBox(this);
    m_depthSpin->setRange(1, 200);
    m_depthSpin->setValue(50);
    m_presetLabel = new QLabel(this);
    m_preset = new QComboBox(this);
    m_preset->addItems({QString(), QString(), QString(), QString(), QString()});
    m_fanInLabel = new QLabel(this);
    m_fanInSpin = new QSpinBox(this);
    m_fanInSpin->setRange(1, 4096);
    m_fanInSpin->setValue(m_fanIn);
    m_simulate = new QCheckBox(this);
    m_simulate->setChecked(true);
    for (QLabel* l : {m_wLabel, m_bLabel, m_depthLabel, m_presetLabel, m_fanInLabel})
        l->setTextFormat(Qt::PlainText);
    m_wLabel->setBuddy(m_wSpin);
    m_bLabel->setBuddy(m_bSpin);
    m_depthLabel->setBuddy(m_depthSpin);
    m_presetLabel->setBuddy(m_preset);
    m_fanInLabel->setBuddy(m_fanInSpin);

    connect(m_wSlider, &QSlider::valueChanged, this, [this](int t) {
        setVariances({PhaseGrid::kSigmaW2Max * t / kSliderSteps, m_v.sigmaB2});
    });
    connect(m_bSlider, &QSlider::valueChanged, this, [this](int t) {
        setVariances({m_v.sigmaW2, PhaseGrid::kSigmaB2Max * t / kSliderSteps});
    });
    connect(m_wSpin, &QDoubleSpinBox::valueChanged, this,
            [this](double w) { setVariances({w, m_v.sigmaB2}); });
    connect(m_bSpin, &QDoubleSpinBox::valueChanged, this,
            [this](double b) { setVariances({m_v.sigmaW2, b}); });
    // While a slider is dragged the figures use the coarser quadrature of live plots (1e-8
    // relative, about half the work); the full rules take over when it is released.
    for (QSlider* s : {m_wSlider, m_bSlider}) {
        connect(s, &QSlider::sliderPressed, this, [this] { m_dragging = true; });
        connect(s, &QSlider::sliderReleased, this, [this] {
            m_dragging = false;
            settingsChanged();
        });
    }
    connect(m_depthSpin, &QSpinBox::valueChanged, this, &PropagationView::settingsChanged);
    connect(m_fanInSpin, &QSpinBox::valueChanged, this, &PropagationView::setFanIn);
    connect(m_simulate, &QCheckBox::toggled, this, &PropagationView::setSimulating);
    connect(m_preset, &QComboBox::activated, this, [this](int index) {
        const std::vector<InitMark> marks = initMarks();
        if (index > kCustom && index - 1 < int(marks.size())) setVariances(marks[index - 1].v);
    });

    // The controls in groups that wrap, and the plots two a row while two fit, else one: the
    // view never needs a sideways scroll (presentation scale, a small screen, Chinese).
    const auto group = [this](std::initializer_list<QWidget*> parts, QWidget* stretchy = nullptr) {
        auto* box = new QWidget(this);
        auto* row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(6);
        for (QWidget* w : parts) row->addWidget(w, w == stretchy ? 1 : 0);
        return box;
    };
    m_wSlider->setMinimumWidth(160);
    m_bSlider->setMinimumWidth(160);
    auto* controls = new FlowLayout(nullptr, 18, 6);
    controls->addWidget(group({m_wLabel, m_wSlider, m_wSpin}, m_wSlider));
    controls->addWidget(group({m_bLabel, m_bSlider, m_bSpin}, m_bSlider));
    controls->addWidget(group({m_presetLabel, m_preset}));
    controls->addWidget(group({m_fanInLabel, m_fanInSpin}));
    controls->addWidget(group({m_depthLabel, m_depthSpin}));
    controls->addWidget(m_simulate);

    auto* grid = new QVBoxLayout;
    grid->setSpacing(8);
    const auto pair = [grid](QWidget* a, QWidget* b, int stretch) {
        auto* row = new ReflowLayout(nullptr, 8);
        row->addWidget(a, 1);
        row->addWidget(b, 1);
        grid->addLayout(row, stretch);
    };
    pair(m_plots->phase(), m_plots->depth(), 3);
    pair(m_plots->lengthMap(), m_plots->gradients(), 2);
    auto* meanCell = new QWidget(this);
    auto* meanStack = new QVBoxLayout(meanCell);
    meanStack->setContentsMargins(0, 0, 0, 0);
    meanStack->addWidget(m_plots->meanMap(), 1);
    meanStack->addWidget(m_plots->meanNote(), 1);
    pair(m_plots->correlationMap(), meanCell, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_heading);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addLayout(grid, 1);
}

void PropagationView::retranslate() {
    m_wLabel->setText(tr("σ_w²:"));
    m_wSpin->setToolTip(tr("The weights' variance times the fan-in: W ~ N(0, σ_w²/fan-in)"));
    m_wSlider->setToolTip(m_wSpin->toolTip());
    m_wSlider->setAccessibleName(tr("Weight variance σ_w²"));
    m_wSpin->setAccessibleName(m_wSlider->accessibleName());
    m_bLabel->setText(tr("σ_b²:"));
    m_bSpin->setToolTip(tr("The biases' variance: b ~ N(0, σ_b²)"));
    m_bSlider->setToolTip(m_bSpin->toolTip());
    m_bSlider->setAccessibleName(tr("Bias variance σ_b²"));
    m_bSpin->setAccessibleName(m_bSlider->accessibleName());
    m_depthLabel->setText(tr("Depth:"));
    m_depthSpin->setToolTip(tr("The number of layers the curves follow"));
    m_presetLabel->setText(tr("Init:"));
    m_preset->setToolTip(tr("Set σ_w² and σ_b² to an initialisation's"));
    m_fanInLabel->setText(tr("Fan-in:"));
    m_fanInSpin->setToolTip(
        tr("Neurons per layer, for Playground's init, whose variance grows with the fan-in "
           "(uniform ±0.5: σ_w² = fan-in/12); the others scale it away"));
    m_simulate->setText(tr("Simulate (width %1)").arg(kSimulationWidth));
    m_simulate->setToolTip(
        tr("Propagate %1 pairs of inputs through a random float64 network of width %2 and draw "
           "what it measures as dots over the theory")
            .arg(kSimulationPairs)
            .arg(kSimulationWidth));
    m_heading->setText(
        tr("How a signal and its gradient travel through a deep, wide, random network with this "
           "activation: ordered (χ₁ < 1, gradients vanish), chaotic (χ₁ > 1, "
           "they explode) or critical (χ₁ = 1), where deep networks train. Click the "
           "diagram to choose a point."));
    m_preset->setItemText(kCustom, tr("Custom"));
    const std::vector<InitMark> marks = initMarks();
    for (std::size_t i = 0; i < marks.size(); ++i)
        m_preset->setItemText(int(i) + 1, QStringLiteral("%1 (%2, %3)")
                                              .arg(marks[i].name, number(marks[i].v.sigmaW2),
                                                   number(marks[i].v.sigmaB2)));
    m_plots->retranslate();
    updateMarks();
    updateSummary();
}

void PropagationView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void PropagationView::setLanguage(const QString& lang) {
    m_lang = lang;
    updateSummary();
}

std::vector<InitMark> PropagationView::initMarks() const {
    return {{tr("Xavier"), {1.0, 0.0}},
            {tr("He"), {2.0, 0.0}},
            {tr("LeCun"), {1.0, 0.0}},
            {tr("Playground"), {m_fanIn / 12.0, 0.01}}};
}

void PropagationView::setFanIn(int fanIn) {
    if (fanIn == m_fanIn || fanIn < 1) return;
    m_fanIn = fanIn;
    const QSignalBlocker block(m_fanInSpin);
    m_fanInSpin->setValue(fanIn);
    retranslate();
}

void PropagationView::setVariances(theory::Variances v) {
    if (!(v.sigmaW2 >= 0) || !(v.sigmaB2 >= 0) || !std::isfinite(v.sigmaW2) ||
        !std::isfinite(v.sigmaB2))
        return;
    if (v.sigmaW2 == m_v.sigmaW2 && v.sigmaB2 == m_v.sigmaB2) return;
    m_v = v;
    syncControls();
    updateMarks();
    settingsChanged();
}

int PropagationView::depth() const { return m_depthSpin->value(); }

void PropagationView::setDepth(int depth) { m_depthSpin->setValue(depth); }

void PropagationView::setSimulating(bool on) {
    if (m_simulate->isChecked() != on) {
        m_simulate->setChecked(on);  // comes back here through toggled
        return;
    }
    if (!on) {
        m_simulation = {};
        m_plots->setSimulation(m_simulation);
    } else {
        ++m_simulationGeneration;
        startSimulation();
    }
}

bool PropagationView::isSimulating() const { return m_simulate->isChecked(); }

void PropagationView::syncControls() {
    const QSignalBlocker b1(m_wSlider), b2(m_wSpin), b3(m_bSlider), b4(m_bSpin), b5(m_preset);
    m_wSlider->setValue(int(std::lround(m_v.sigmaW2 / PhaseGrid::kSigmaW2Max * kSliderSteps)));
    m_wSpin->setValue(m_v.sigmaW2);
    m_bSlider->setValue(int(std::lround(m_v.sigmaB2 / PhaseGrid::kSigmaB2Max * kSliderSteps)));
    m_bSpin->setValue(m_v.sigmaB2);
    int preset = kCustom;
    const std::vector<InitMark> marks = initMarks();
    for (std::size_t i = 0; i < marks.size() && preset == kCustom; ++i)
        if (std::abs(marks[i].v.sigmaW2 - m_v.sigmaW2) < 1e-12 &&
            std::abs(marks[i].v.sigmaB2 - m_v.sigmaB2) < 1e-12)
            preset = int(i) + 1;
    m_preset->setCurrentIndex(preset);
}

void PropagationView::updateMarks() { m_plots->setMarks(m_v, initMarks()); }

void PropagationView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_phaseStale) startPhase();
    if (m_figuresShown != m_figuresGeneration) startFigures();
    if (isSimulating() && m_simulationShown != m_simulationGeneration) startSimulation();
}

void PropagationView::activationChanged() {
    m_phaseGeneration->fetch_add(1);
    m_phaseStale = true;
    m_plots->setPhase({}, {}, {});
    if (isVisible()) startPhase();
    settingsChanged();
}

void PropagationView::settingsChanged() {
    ++m_figuresGeneration;
    ++m_simulationGeneration;
    if (!isVisible()) return;
    startFigures();
    if (isSimulating()) startSimulation();
}

bool PropagationView::isUpToDate() const {
    if (!m_state->isValid()) return true;
    return !m_phaseStale && m_phaseShown == m_phaseGeneration->load() &&
           m_figuresShown == m_figuresGeneration &&
           (!isSimulating() || m_simulationShown == m_simulationGeneration);
}

void PropagationView::startFigures() {
    if (m_figuresBusy || !m_state->isValid()) {
        updateSummary();
        return;
    }
    m_figuresBusy = true;
    const long generation = m_figuresGeneration;
    const ActivationCall call = m_state->call();
    const theory::Variances v = m_v;
    const int layers = depth();
    const theory::RuleSettings rules = m_dragging ? theory::interactiveRules() : theory::RuleSettings{};
    m_pool.start(
        [this, call, v, layers, generation, rules] {
            theory::MeanField field(call, rules);
            theory::PropagationFigures figures = theory::propagationFigures(field, v, layers, true);
            QMetaObject::invokeMethod(this, [this, figures = std::move(figures), generation] {
                showFigures(figures, generation);
            }, Qt::QueuedConnection);
        },
        2);
}

void PropagationView::showFigures(const theory::PropagationFigures& figures, long generation) {
    m_figuresBusy = false;
    m_figures = figures;
    m_figuresShown = generation;
    m_plots->setFigures(figures);
    updateSummary();
    if (generation != m_figuresGeneration) startFigures();  // the settings moved on meanwhile
}

void PropagationView::startSimulation() {
    if (m_simulationBusy || !m_state->isValid() || !isSimulating()) return;
    m_simulationBusy = true;
    const long generation = m_simulationGeneration;
    theory::SimulationSettings settings;
    settings.variances = m_v;
    settings.width = kSimulationWidth;
    settings.depth = depth();
    settings.pairs = kSimulationPairs;
    const ActivationCall call = m_state->call();
    m_pool.start(
        [this, call, settings, generation] {
            theory::SimulationResult result;
            try {
                result = theory::simulateWideNetwork(call, settings);
            } catch (const std::exception&) {
                result = {};
            }
            QMetaObject::invokeMethod(this, [this, result = std::move(result), generation] {
                m_simulationBusy = false;
                m_simulationShown = generation;
                if (!isSimulating()) return;
                m_simulation = result;
                m_plots->setSimulation(result);
                if (generation != m_simulationGeneration) startSimulation();
            }, Qt::QueuedConnection);
        },
        1);
}

void PropagationView::startPhase() {
    m_phaseStale = false;
    if (!m_state->isValid()) return;
    const long generation = m_phaseGeneration->load();
    struct Diagram {
        PhaseGrid grid;
        std::vector<double> chi1 = std::vector<double>(PhaseGrid::kColumns * PhaseGrid::kRows);
        std::vector<double> lineB2, lineW2;
        std::atomic<int> remaining{0};
    };
    auto diagram = std::make_shared<Diagram>();
    for (int k = 0; k < kCriticalLinePoints; ++k)
        diagram->lineB2.push_back(PhaseGrid::kSigmaB2Max * k / (kCriticalLinePoints - 1));
    diagram->lineW2.assign(diagram->lineB2.size(), std::numeric_limits<double>::quiet_NaN());
    const int jobs = PhaseGrid::kRows / kRowsPerJob + 1;  // the row blocks, then the line
    diagram->remaining = jobs;
    const ActivationCall call = m_state->call();
    const auto current = m_phaseGeneration;
    const auto finish = [this, diagram, generation, current] {
        if (diagram->remaining.fetch_sub(1) != 1 || current->load() != generation) return;
        QMetaObject::invokeMethod(this, [this, diagram, generation] {
            if (m_phaseGeneration->load() != generation) return;
            m_plots->setPhase(diagram->chi1, diagram->lineB2, diagram->lineW2);
            m_phaseShown = generation;
        }, Qt::QueuedConnection);
    };
    for (int job = 0; job + 1 < jobs; ++job)
        m_pool.start([diagram, call, job, generation, current, finish] {
            if (current->load() == generation)
                theory::chi1Rows(call, diagram->grid.sigmaW2, diagram->grid.sigmaB2,
                                 std::size_t(job * kRowsPerJob),
                                 std::size_t((job + 1) * kRowsPerJob), diagram->chi1);
            finish();
        });
    m_pool.start([diagram, call, generation, current, finish] {
        if (current->load() == generation) {
            const std::vector<theory::CriticalPoint> line =
                theory::criticalLine(call, diagram->lineB2);
            for (std::size_t k = 0; k < line.size(); ++k)
                if (line[k].found) diagram->lineW2[k] = line[k].sigmaW2;
        }
        finish();
    });
}

QString PropagationView::summaryText() const { return m_summary->text(); }

void PropagationView::updateSummary() {
    if (!m_summary) return;
    const QString name = qs(m_state->spec().name, m_lang);
    if (!m_state->isValid()) {
        m_summary->setText(tr("%1: the parameters are not accepted (%2).")
                               .arg(name.toHtmlEscaped(), m_state->paramError().toHtmlEscaped()));
        return;
    }
    if (m_figuresShown < 0) {
        m_summary->setText(tr("Computing…"));
        return;
    }
    const theory::Analysis& a = m_figures.analysis;
    const QString phase = a.phase == theory::Phase::Ordered  ? tr("ordered")
                          : a.phase == theory::Phase::Chaotic ? tr("chaotic")
                                                              : tr("critical");
    QString text =
        tr("<b>%1</b> at σ_w² = %2, σ_b² = %3: q* = %4, χ₁ = %5, "
           "c* = %6 → <b>%7</b>.")
            .arg(name.toHtmlEscaped(), number(m_v.sigmaW2), number(m_v.sigmaB2), number(a.qStar, 4),
                 number(a.chi1, 4), number(a.cStar, 4), phase);
    if (std::isinf(a.qStar)) {
        const std::vector<double>& q = m_figures.depth.q;
        text += QLatin1Char(' ') +
                tr("There is no fixed length: qₗ grows without bound (q = %1 after %2 "
                   "layers).")
                    .arg(number(q.empty() ? 0 : q.back()), QString::number(int(q.size()) - 1));
    } else if (a.phase == theory::Phase::Ordered) {
        text += QLatin1Char(' ') +
                tr("Going back through each layer, the squared gradient shrinks by "
                   "χ₁ = %1: it vanishes with depth.")
                    .arg(number(a.chi1));
    } else if (a.phase == theory::Phase::Chaotic) {
        text += QLatin1Char(' ') +
                tr("Going back through each layer, the squared gradient grows by "
                   "χ₁ = %1: it explodes with depth, and nearby inputs decorrelate.")
                    .arg(number(a.chi1));
    } else {
        text += QLatin1Char(' ') +
                tr("Gradients keep their size through any depth: this is where deep networks "
                   "train.");
    }
    text += QLatin1Char(' ') + tr("Depth scales: ξ_q = %1, ξ_c = %2 layers.")
                                   .arg(number(a.depthQ), number(a.depthC));
    if (m_figures.meanShown && m_figures.meanFixed.found)
        text += QLatin1Char(' ') +
                tr("Mean map fixed point (μ, ν) = (%1, %2), %3 (spectral radius %4).")
                    .arg(number(m_figures.meanFixed.point.mean, 3),
                         number(m_figures.meanFixed.point.variance, 4),
                         m_figures.meanFixed.attracting() ? tr("attracting") : tr("repelling"),
                         number(m_figures.meanFixed.step.spectralRadius, 3));
    m_summary->setText(text);
}

}  // namespace actlab::ui
