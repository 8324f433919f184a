#include "network/network_settings.h"

#include <QCheckBox>
#include <QFile>
#include <QFileInfo>

#include "common/app_settings.h"
#include "common/plot_export.h"
#include "common/qt_text.h"
#include "network/network_page.h"
#include "network/output_panel.h"

namespace actlab::ui {

namespace {

/// The session kept in the state file, or nullopt when there is none or it does not load.
std::optional<nn::Session> readState(const QString& path) {
    if (!QFileInfo(path).isFile()) return std::nullopt;
    nn::SessionLoad load = nn::loadSessionFile(QFile::encodeName(path).toStdString());
    if (!load.ok()) return std::nullopt;
    return std::move(load.session);
}

}  // namespace

void restoreNetworkSettings(NetworkPage& page, AppSettings& settings, bool withState) {
    page.setEpochsPerFrame(settings.epochsPerFrame());
    page.outputPanel()->showTestBox()->setChecked(settings.showTestData());
    page.outputPanel()->discretizeBox()->setChecked(settings.discretizeOutput());
    page.outputPanel()->logScaleBox()->setChecked(settings.logLossScale());
    if (withState) {
        std::optional<nn::Session> state = readState(settings.stateFilePath());
        if (!state) {
            // Older versions kept the session inside the settings.
            const QString json = settings.legacyNetworkSession();
            if (!json.isEmpty())
                if (nn::SessionLoad load = nn::parseSession(toStd(json)); load.ok())
                    state = load.session;
        }
        // A stored session that no longer loads (an older format) is passed over quietly.
        if (state) {
            state->view.epochsPerFrame = page.epochsPerFrame();
            page.applySession(*state);
        }
    }
    settings.clearLegacyNetworkSession();
    const QString view = settings.networkView();
    page.showView(view == QLatin1String("compare")  ? NetworkPage::View::Compare
                  : view == QLatin1String("health") ? NetworkPage::View::Health
                  : view == QLatin1String("why")    ? NetworkPage::View::Why
                                                    : NetworkPage::View::Network);
}

QString writeNetworkState(const NetworkPage& page, const QString& path, std::string* lastWritten) {
    const std::string text = nn::serializeSession(page.trainedSession());
    if (lastWritten && *lastWritten == text) return {};
    const QString error = PlotExport::saveFile(path, [&](QIODevice& device) {
        return device.write(text.data(), qint64(text.size())) == qint64(text.size());
    });
    if (error.isEmpty() && lastWritten) *lastWritten = text;
    return error;
}

QString saveNetworkSettings(const NetworkPage& page, AppSettings& settings) {
    settings.setEpochsPerFrame(page.epochsPerFrame());
    settings.setShowTestData(page.outputPanel()->showTestBox()->isChecked());
    settings.setDiscretizeOutput(page.outputPanel()->discretizeBox()->isChecked());
    settings.setLogLossScale(page.outputPanel()->logScaleBox()->isChecked());
    const NetworkPage::View v = page.currentView();
    settings.setNetworkView(v == NetworkPage::View::Compare  ? QStringLiteral("compare")
                            : v == NetworkPage::View::Health ? QStringLiteral("health")
                            : v == NetworkPage::View::Why    ? QStringLiteral("why")
                                                             : QStringLiteral("network"));
    return writeNetworkState(page, settings.stateFilePath(), nullptr);
}

}  // namespace actlab::ui
