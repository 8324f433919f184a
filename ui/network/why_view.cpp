#include "network/why_view.h"

#include <QEvent>
#include <QScrollArea>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "common/qt_text.h"
#include "common/scroll_areas.h"
#include "network/why_compare.h"
#include "network/why_hidden_space.h"
#include "network/why_ledger.h"
#include "network/why_operating_points.h"
#include "network/why_regions.h"

namespace actlab::ui {

namespace {

/// Side-by-side cards a frame brings up to date (each costs a few milliseconds of forward
/// passes and three replots); the others follow in the next frames.
constexpr int kCardsPerFrame = 1;
/// Without a frame for this long (training paused), every remaining card is brought up to date.
constexpr int kSettleMs = 250;

}  // namespace

WhyView::WhyView(QWidget* parent)
    : QWidget(parent),
      m_tabs(new QTabWidget(this)),
      m_operating(new OperatingPointsPanel),
      m_hidden(new HiddenSpacePanel),
      m_ledger(new LedgerPanel),
      m_regions(new RegionsPanel),
      m_compare(new WhyComparePanel),
      m_continue(new QTimer(this)) {
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(verticalScroll(m_operating, this), QString());
    m_tabs->addTab(m_hidden, QString());
    m_tabs->addTab(m_regions, QString());
    m_tabs->addTab(m_ledger, QString());
    m_tabs->addTab(verticalScroll(m_compare, this), QString());
    m_tabs->setTabVisible(int(Tab::SideBySide), false);
    // Once frames stop (a pause), the cards still behind are all brought up to date.
    m_continue->setSingleShot(true);
    m_continue->setInterval(kSettleMs);
    connect(m_continue, &QTimer::timeout, this, [this] {
        m_settle = true;
        m_dirty = true;
        refresh();
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_dirty = true;
        refresh();
        emit tabChanged(tab());
    });
    connect(m_hidden, &HiddenSpacePanel::settingsChanged, this, [this] {
        m_dirty = true;
        refresh();
    });
    connect(m_operating, &OperatingPointsPanel::explorerRequested, this,
            &WhyView::explorerRequested);
    retranslate();
}

void WhyView::setData(const nn::Dataset& data) {
    if (data == m_data) return;
    m_data = data;
    m_features.clear();  // the features are rebuilt with the next network
    m_regions->setData(data);
    m_ledger->setData(data);
    m_dirty = true;
    refresh();
}

void WhyView::setLanguage(const QString& lang) {
    m_lang = lang;
    m_dirty = true;
    refresh();
}

void WhyView::showNetwork(const nn::Mlp& net, int epoch,
                          const std::vector<nn::ContourSegment>& contour,
                          std::span<const double> grid, int n) {
    m_grid.assign(grid.begin(), grid.end());
    m_gridSize = n;
    const bool sameShape = m_hasNet && net.spec() == m_initial.spec();
    if (!m_hasNet || !sameShape || epoch == 0 || epoch < m_epoch) m_initial = net;
    m_net = net;
    m_epoch = epoch;
    m_contour = contour;
    m_hasNet = true;
    m_dirty = true;
    refresh();
}

void WhyView::setMembers(const QStringList& names) {
    const bool comparing = names.size() >= 2;
    m_compare->setMembers(comparing ? names : QStringList{});
    if (comparing == m_comparing) return;
    m_comparing = comparing;
    if (!comparing && tab() == Tab::SideBySide) setTab(Tab::OperatingPoints);
    m_tabs->setTabVisible(int(Tab::SideBySide), comparing);
}

void WhyView::showMember(int k, const nn::Mlp& net,
                         const std::vector<nn::ContourSegment>& contour) {
    m_compare->setMember(k, net, contour);
}

void WhyView::refresh() {
    if (!m_hasNet || !m_dirty || !isVisible()) return;
    m_dirty = false;
    const std::vector<nn::Feature>& features = m_net.spec().features;
    if (features != m_features || m_train.points != int(m_data.train.size())) {
        m_train = nn::computeFeatures(features, m_data.train);
        m_features = features;
    }
    switch (tab()) {
        case Tab::OperatingPoints:
            m_operating->update(m_net, m_initial, m_train, m_epoch, layerNames());
            break;
        case Tab::HiddenSpace: m_hidden->update(m_net, m_data, m_train, m_contour); break;
        case Tab::Regions: m_regions->update(m_net, m_epoch, m_contour, layerNames()); break;
        case Tab::Ledger: m_ledger->update(m_net, m_grid, m_gridSize, m_contour); break;
        case Tab::SideBySide:
            m_compare->refresh(
                m_data, m_train, [this](const nn::Mlp& net) { return layerNames(net); },
                m_settle ? 0 : kCardsPerFrame);
            m_settle = false;
            if (m_compare->stale()) m_continue->start();  // restarted by every frame
            break;
    }
}

QStringList WhyView::layerNames(const nn::Mlp& net) const {
    QStringList names;
    for (int l = 0; l < int(net.spec().hidden.size()); ++l)
        names << qs(net.activationOf(l)->name, m_lang);
    return names;
}

void WhyView::setTab(Tab tab) {
    if (tab == Tab::SideBySide && !m_comparing) tab = Tab::OperatingPoints;
    m_tabs->setCurrentIndex(int(tab));
}

WhyView::Tab WhyView::tab() const {
    return Tab(m_tabs->currentIndex());
}

const char* WhyView::tabId(Tab tab) {
    switch (tab) {
        case Tab::HiddenSpace: return "hidden_space";
        case Tab::Regions: return "linear_regions";
        case Tab::Ledger: return "ledger";
        case Tab::SideBySide: return "side_by_side";
        case Tab::OperatingPoints: break;
    }
    return "operating_points";
}

bool WhyView::tabFromId(std::string_view id, Tab& tab) {
    for (Tab t : {Tab::OperatingPoints, Tab::HiddenSpace, Tab::Regions, Tab::Ledger,
                  Tab::SideBySide})
        if (id == tabId(t)) {
            tab = t;
            return true;
        }
    return false;
}

void WhyView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void WhyView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

void WhyView::retranslate() {
    m_tabs->setTabText(0, tr("Operating points"));
    m_tabs->setTabToolTip(0, tr("Where each hidden layer's inputs z sit on its f and f′: "
                                "saturation, dead units, self-normalisation"));
    m_tabs->setTabText(1, tr("Hidden space"));
    m_tabs->setTabToolTip(1, tr("The points and a grid of the input plane pushed through the "
                                "layers: how the network folds or bends the plane"));
    m_tabs->setTabText(2, tr("Linear regions"));
    m_tabs->setTabText(3, tr("Chain rule"));
    m_tabs->setTabToolTip(3, tr("One gradient built up layer by layer: why gradients vanish, "
                                "with real numbers"));
    m_tabs->setTabToolTip(2, tr("The linear pieces of a piecewise-linear network, or how sharp "
                                "a smooth network's output is"));
    m_tabs->setTabText(4, tr("Side by side"));
    m_tabs->setTabToolTip(4, tr("Every compared network: the operating points of its first and "
                                "last hidden layer, its last hidden space and its linear "
                                "regions"));
}

}  // namespace actlab::ui
