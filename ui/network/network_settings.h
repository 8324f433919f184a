#pragma once
// What the network page keeps between runs of the program: its session, view, speed and the
// output toggles, read from and written to the application's settings.

namespace actlab::ui {

class AppSettings;
class NetworkPage;

/// Restores what saveNetworkSettings wrote.
void restoreNetworkSettings(NetworkPage& page, const AppSettings& settings);
/// Writes the page's session, view, training speed and output toggles.
void saveNetworkSettings(const NetworkPage& page, AppSettings& settings);

}  // namespace actlab::ui
