#pragma once
// What the network page keeps between runs of the program: its view, speed and output toggles in
// the application's settings, and its whole state (the trained session, weights included) in the
// state file beside them (AppSettings::stateFilePath), which the autosave rewrites too.

#include <QString>
#include <string>

namespace actlab::ui {

class AppSettings;
class NetworkPage;

/// Restores what saveNetworkSettings wrote. With `withState` false the state file is left
/// unread (the user chose not to restore it after an unclean exit) and the page keeps its
/// session. A state file that does not load is passed over: the page keeps its session.
void restoreNetworkSettings(NetworkPage& page, AppSettings& settings, bool withState = true);
/// Writes the page's view, training speed and output toggles, and its state file. "" or the
/// reason the state file could not be written (the old one is then unchanged).
QString saveNetworkSettings(const NetworkPage& page, AppSettings& settings);
/// Writes the page's trained session to `path` through the atomic writer, unless it is the text
/// `lastWritten` holds (which it then updates). "" or the reason it failed.
QString writeNetworkState(const NetworkPage& page, const QString& path, std::string* lastWritten);

}  // namespace actlab::ui
