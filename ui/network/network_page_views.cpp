// The network page's left column (data and model setup), its network view (diagram, layer
// controls and output), built for NetworkPage's constructor, and the switching between views.

#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

#include "common/appearance.h"
#include "common/reflow_layout.h"
#include "common/scroll_areas.h"
#include "network/boundary_plot.h"
#include "network/compare_view.h"
#include "network/data_editor.h"
#include "network/dataset_panel.h"
#include "network/health_view.h"
#include "network/layer_controls.h"
#include "network/loss_chart.h"
#include "network/model_setup_panel.h"
#include "network/network_diagram.h"
#include "network/network_page.h"
#include "network/network_style.h"
#include "network/output_panel.h"
#include "network/view_switcher.h"
#include "network/why_view.h"

namespace actlab::ui {

QWidget* NetworkPage::createLeftColumn() {
    m_dataPanel = new DatasetPanel;
    m_setup = new ModelSetupPanel;
    m_dataPanel->setUndoActions(m_dataEditor->undoAction(), m_dataEditor->redoAction());
    auto* host = new QWidget;
    auto* v = new QVBoxLayout(host);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(10);
    v->addWidget(m_dataPanel);
    v->addWidget(m_setup);
    v->addStretch(1);
    auto* scroll = verticalScroll(host, this);
    // As wide as the data and setup panels need at the presentation scale.
    const auto fit = [scroll] {
        scroll->setFixedWidth(int(292 * std::max(1.0, Appearance::instance().scale())));
    };
    fit();
    connect(&Appearance::instance(), &Appearance::changed, scroll, fit);
    return scroll;
}

QWidget* NetworkPage::createNetworkView() {
    auto* view = new QWidget(this);
    m_diagram = new NetworkDiagram(view);
    m_layers = new LayerControls(view);
    m_output = new OutputPanel(view);
    m_output->setMinimumWidth(360);
    m_output->setMaximumWidth(540);
    auto* left = new QVBoxLayout;
    left->setSpacing(4);
    left->addWidget(m_diagram, 1);
    left->addWidget(m_layers, 0);
    // The output beside the diagram while both fit, else below it; the view scrolls vertically
    // rather than making the window taller than the screen.
    auto* h = new ReflowLayout(view, 10);
    h->addLayout(left, 1);
    h->addWidget(m_output, 0);
    return verticalScroll(view, this);
}

// --- views -------------------------------------------------------------------------------------

void NetworkPage::showView(View view) {
    m_views->setCurrent(int(view));
    m_views->setFocusShown(m_state.comparing() && view == View::Network);
    m_state.session.view.panel = view == View::Health    ? "health"
                                 : view == View::Network ? "network"
                                 : view == View::Why     ? WhyView::tabId(m_why->tab())
                                                         : "";
    // Hidden views skip their repaints; bring the shown one up to date.
    if (view == View::Network) {
        netstyle::replotIfShown(m_output->boundary());
        m_output->lossChart()->refresh();
    } else if (view == View::Compare) {
        m_compare->replotCells();
    } else if (view == View::Health) {
        m_health->refresh();
    }
}

NetworkPage::View NetworkPage::currentView() const {
    return View(m_views->current());
}

}  // namespace actlab::ui
