#pragma once
// The links between the pages that the window composes, so that each page stays unaware of the
// others: the explorer and the network page show the same function (and the network page's Why
// view opens the explorer on a layer's activation); the Sweeps page sweeps the
// network page's experiment, and a clicked run opens on the network page as a new document.

class QStatusBar;
class QTabWidget;
class QWidget;

namespace actlab::ui {

class ExplorerState;
class NetworkPage;
class SessionController;
class SweepPage;

struct PageLinks {
    QTabWidget* pages = nullptr;
    ExplorerState* explorer = nullptr;
    QWidget* explorerPage = nullptr;
    NetworkPage* network = nullptr;
    SweepPage* sweeps = nullptr;
    SessionController* session = nullptr;
    QStatusBar* statusBar = nullptr;
};

/// Makes the connections; every object must outlive the window's pages.
void linkPages(const PageLinks& links);

}  // namespace actlab::ui
