#include "classroom/page_links.h"

#include <QStatusBar>
#include <QTabWidget>

#include "classroom/session_controller.h"
#include "common/qt_text.h"
#include "explorer/explorer_state.h"
#include "network/network_page.h"
#include "sweeps/sweep_page.h"

namespace actlab::ui {

void linkPages(const PageLinks& l) {
    // The explorer shows the network's selected layer, and its sliders reach that layer.
    ExplorerState* state = l.explorer;
    NetworkPage* network = l.network;
    QObject::connect(network, &NetworkPage::selectedActivationShown, state,
                     [state](const QString& id, const ParamValues& params) {
                         if (qs(state->spec().id) != id) state->setActivation(id);
                         if (state->params() != params) state->setParams(params);
                     });
    QObject::connect(network, &NetworkPage::activationHinted, state,
                     &ExplorerState::setActivation);
    QObject::connect(network, &NetworkPage::explorerRequested, state,
                     [state, l](const QString& id, const ParamValues& params,
                                const NetworkZ& z) {
                         if (qs(state->spec().id) != id) state->setActivation(id);
                         if (state->params() != params) state->setParams(params);
                         state->setNetworkZ(z);
                         l.pages->setCurrentWidget(l.explorerPage);
                     });
    QObject::connect(state, &ExplorerState::paramsChanged, network, [state, network] {
        network->applyExplorerParams(qs(state->spec().id), state->params(), state->isValid());
    });

    // Sweeps run the network page's experiment; a clicked run becomes the network page's
    // document (after the usual question about unsaved changes), trained to the sweep's epoch.
    SweepPage* sweeps = l.sweeps;
    SessionController* session = l.session;
    QTabWidget* pages = l.pages;
    sweeps->setSessionSource([network] { return network->session(); });
    QObject::connect(sweeps, &SweepPage::runOpened, network,
                     [session, pages, network](const nn::Session& run, int epochs, int) {
                         if (!session->maybeSave()) return;
                         if (!session->applyUntitled(run).isEmpty()) return;
                         pages->setCurrentWidget(network);
                         if (epochs > 0) network->trainEpochs(epochs);
                     });
    QObject::connect(session, &SessionController::sessionApplied, sweeps,
                     [sweeps](const nn::Session& applied, bool) {
                         if (applied.sweep)
                             sweeps->setSettings(*applied.sweep);
                         else
                             sweeps->setPrepared(false);
                     });
    QObject::connect(sweeps, &SweepPage::statusMessage, l.statusBar, &QStatusBar::showMessage);
}

}  // namespace actlab::ui
