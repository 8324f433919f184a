// main() of the GUI tests: a QApplication on the offscreen platform (unless another platform is
// asked for) and settings in a temporary directory, so tests never touch the user's settings.

#include <gtest/gtest.h>

#include "classroom/crash_recovery.h"
#include "classroom/session_controller.h"

#include <QApplication>

#include "classroom/language_manager.h"
#include <QSettings>
#include <QTemporaryDir>

namespace {

QtMessageHandler defaultHandler = nullptr;

/// Drops the offscreen platform's note that windows cannot have size hints; passes the rest.
void messageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (message.contains(QLatin1String("propagateSizeHints"))) return;
    defaultHandler(type, context, message);
}

}  // namespace

int main(int argc, char** argv) {
    defaultHandler = qInstallMessageHandler(messageHandler);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ActivationLabTests");
    QApplication::setApplicationName("Activation Lab Tests");
    // Numbers on screen as the application shows them (the interface language's convention).
    actlab::ui::LanguageManager::setupNumberFormat();
    // Closing a window with unsaved changes asks what to do: tests answer "discard" without a
    // dialog (the tests of the question itself set their own answer).
    actlab::ui::SessionController::setDefaultPrompt(
        [](const QString&) { return QMessageBox::Discard; });
    // A window made after another was destroyed without closing (an unclean exit) restores the
    // state without a dialog; the tests of the question set their own answer.
    actlab::ui::CrashRecovery::setDefaultPrompt([](const QDateTime&) { return true; });
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    return RUN_ALL_TESTS();
}
