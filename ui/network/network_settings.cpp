#include "network/network_settings.h"

#include <QCheckBox>

#include "common/app_settings.h"
#include "common/qt_text.h"
#include "network/network_page.h"
#include "network/output_panel.h"

namespace actlab::ui {

void restoreNetworkSettings(NetworkPage& page, const AppSettings& settings) {
    page.setEpochsPerFrame(settings.epochsPerFrame());
    page.outputPanel()->showTestBox()->setChecked(settings.showTestData());
    page.outputPanel()->discretizeBox()->setChecked(settings.discretizeOutput());
    page.outputPanel()->logScaleBox()->setChecked(settings.logLossScale());
    const QString json = settings.networkSession();
    if (!json.isEmpty()) {
        const nn::SessionLoad load = nn::parseSession(toStd(json));
        // A stored session that no longer loads (an older format) is dropped quietly.
        if (load.ok()) {
            nn::Session s = load.session;
            s.view.epochsPerFrame = page.epochsPerFrame();
            page.applySession(s);
        }
    }
    const QString view = settings.networkView();
    page.showView(view == QLatin1String("compare")  ? NetworkPage::View::Compare
                  : view == QLatin1String("health") ? NetworkPage::View::Health
                                                    : NetworkPage::View::Network);
}

void saveNetworkSettings(const NetworkPage& page, AppSettings& settings) {
    settings.setNetworkSession(qs(nn::serializeSession(page.session())));
    settings.setEpochsPerFrame(page.epochsPerFrame());
    settings.setShowTestData(page.outputPanel()->showTestBox()->isChecked());
    settings.setDiscretizeOutput(page.outputPanel()->discretizeBox()->isChecked());
    settings.setLogLossScale(page.outputPanel()->logScaleBox()->isChecked());
    const NetworkPage::View v = page.currentView();
    settings.setNetworkView(v == NetworkPage::View::Compare  ? QStringLiteral("compare")
                            : v == NetworkPage::View::Health ? QStringLiteral("health")
                                                             : QStringLiteral("network"));
}

}  // namespace actlab::ui
