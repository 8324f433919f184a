// Fuzzes the session loader: any byte string must give a session or a message, never a crash,
// hang or sanitizer report. Accepted sessions must round-trip byte-identically and train.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "nn/session.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const actlab::nn::SessionLoad r = actlab::nn::parseSession(text);
    if (!r.ok()) {
        if (r.error.empty()) std::abort();
        return 0;
    }
    const std::string saved = actlab::nn::serializeSession(r.session);
    const actlab::nn::SessionLoad again = actlab::nn::parseSession(saved);
    if (!again.ok() || actlab::nn::serializeSession(again.session) != saved) std::abort();
    // Train a little, bounded so that large sessions stay fast.
    actlab::nn::Session s = r.session;
    if (s.points ? s.points->train.size() > 400 : s.generator.numPoints > 400) return 0;
    actlab::nn::Trainer t = actlab::nn::makeTrainer(s);
    t.step();
    return 0;
}
