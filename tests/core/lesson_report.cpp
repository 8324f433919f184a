// Prints, for every lesson and claim, how many seeds hold over the claim's whole epoch range, as
// a markdown table (docs/classroom.md). Not a test: test_lessons enforces the claims.
//
//   lesson_report [--threads N] [--seeds N] [--verbose] [LESSON.actlab.json ...]
//       (default: every lesson of resources/lessons, in file-name order)
//   lesson_report --trace LESSON.actlab.json [--network ID] [--seed S] [--epochs N] [--every K]
//                 [--claim K]
//       one training's metrics every K epochs (the variant of claim K, if given): for tuning.
//   lesson_report --chaos LESSON.actlab.json [--epochs N]
//       how a rounding-sized change of one initial weight grows over N epochs.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "nn/claim_check.h"
#include "nn/session_state.h"
#include "util/number_format.h"

using namespace actlab;

namespace {

[[noreturn]] void usage(const std::string& why) {
    std::fprintf(stderr, "lesson_report: %s\n", why.c_str());
    std::exit(2);
}

nn::Session load(const std::string& path) {
    const nn::SessionLoad r = nn::loadSessionFile(path);
    if (!r.ok()) usage(r.error);
    return r.session;
}

std::string stem(const std::string& path) {
    return std::filesystem::path(path).stem().stem().string();
}

/// Adam's last step in units of the learning rate, m̂ / (√v̂ + ε), as an RMS over every
/// parameter: about 1 while the gradients are consistent, whatever their size.
double adamStep(const nn::Trainer& t) {
    const nn::OptimizerMoments& o = t.optimizerMoments();
    const nn::TrainingConfig& c = t.config();
    if (c.optimizer != nn::OptimizerKind::Adam || o.steps == 0) return std::nan("");
    const double c1 = 1 - std::pow(c.beta1, double(o.steps)),
                 c2 = 1 - std::pow(c.beta2, double(o.steps));
    double sum = 0;
    long n = 0;
    for (std::size_t k = 0; k < o.m.size(); ++k)
        for (std::size_t i = 0; i < o.m[k].size(); ++i, ++n) {
            const double step = (o.m[k][i] / c1) / (std::sqrt(o.v[k][i] / c2) + c.epsilon);
            sum += step * step;
        }
    return n ? std::sqrt(sum / double(n)) : 0;
}

void trace(const std::string& path, const std::string& network, std::uint64_t seed, int epochs,
           int every, int claim) {
    nn::Session s = nn::untrainedSession(load(path));
    if (claim >= 0) s = nn::withVariant(s, s.claims.at(std::size_t(claim)).variant);
    nn::Session m = nn::networkSession(s, network);
    if (seed) m.seed = seed;
    nn::Trainer t = nn::makeTrainer(m);
    std::printf(
        "epoch,train_loss,test_loss,train_acc,test_acc,dead_percent,grad_ratio,"
        "adam_step,layer_mean,layer_std\n");
    for (int e = 1; e <= epochs; ++e) {
        const nn::EpochMetrics& x =
            t.step(e % every == 0 ? nn::Evaluation::Full : nn::Evaluation::None);
        if (t.diverged()) {
            std::printf("%d: %s\n", e, t.divergence().c_str());
            return;
        }
        if (e % every) continue;
        std::string means, stds;
        for (std::size_t l = 0; l + 1 < x.layers.size(); ++l) {
            means += (l ? " " : "") + formatNumber(x.layers[l].mean, 3);
            stds += (l ? " " : "") + formatNumber(x.layers[l].stddev, 3);
        }
        std::printf("%d,%.4g,%.4g,%.4f,%.4f,%.1f,%.3g,%.3g,%s,%s\n", e, x.trainLoss, x.testLoss,
                    x.trainAccuracy, x.testAccuracy, nn::deadPercent(x, m.network),
                    nn::gradRatio(x), adamStep(t), means.c_str(), stds.c_str());
        if (e % 1000 == 0) t.discardHistory();
    }
}

/// How a rounding-sized difference grows: the main network trained from its initial weights and
/// from the same weights with one changed by 1e-15 (relative), the relative difference of the
/// training loss every 10 epochs. A calm training keeps it near 1e-15 (the PyTorch export then
/// matches over 100 epochs); a chaotic one amplifies it.
void chaos(const std::string& path, int epochs) {
    const nn::Session s = nn::untrainedSession(load(path));
    nn::Trainer a = nn::makeTrainer(s);
    nn::Mlp net = nn::sessionNetwork(s);
    net.layers()[0].w[0] *= 1 + 1e-15;
    nn::Trainer b(nn::sessionData(s), net, s.training, s.seed);
    for (int e = 1; e <= epochs; ++e) {
        const double la = a.step(nn::Evaluation::Loss).trainLoss;
        const double lb = b.step(nn::Evaluation::Loss).trainLoss;
        if (e % 10 == 0) std::printf("%d %.3g\n", e, std::fabs(la - lb) / std::fabs(la));
    }
}

}  // namespace

int main(int argc, char** argv) {
    nn::ClaimCheckOptions options;
    options.threads = 2;
    bool verbose = false;
    std::string tracePath, chaosPath, network = "main";
    std::uint64_t seed = 0;
    int epochs = 1000, every = 50, claim = -1;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(a + " needs a value");
            return argv[++i];
        };
        if (a == "--threads")
            options.threads = std::atoi(value().c_str());
        else if (a == "--seeds")
            options.maxSeeds = std::atoi(value().c_str());
        else if (a == "--verbose")
            verbose = true;
        else if (a == "--trace")
            tracePath = value();
        else if (a == "--chaos")
            chaosPath = value();
        else if (a == "--network")
            network = value();
        else if (a == "--seed")
            seed = std::strtoull(value().c_str(), nullptr, 10);
        else if (a == "--epochs")
            epochs = std::atoi(value().c_str());
        else if (a == "--every")
            every = std::max(1, std::atoi(value().c_str()));
        else if (a == "--claim")
            claim = std::atoi(value().c_str());
        else if (a.starts_with("--"))
            usage("unknown option " + a);
        else
            files.push_back(a);
    }
    if (!chaosPath.empty()) {
        chaos(chaosPath, epochs);
        return 0;
    }
    if (!tracePath.empty()) {
        trace(tracePath, network, seed, epochs, every, claim);
        return 0;
    }
    if (files.empty()) {
        for (const auto& e : std::filesystem::directory_iterator(ACTLAB_LESSONS_DIR))
            if (e.path().string().ends_with(".actlab.json")) files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
    }
    std::printf("| lesson | # | rule | seeds that hold | required |\n|---|---|---|---|---|\n");
    bool all = true;
    for (const std::string& f : files) {
        const nn::Session s = load(f);
        if (claim >= 0) options.only = {claim};
        for (const nn::ClaimOutcome& o : nn::checkClaims(s, options)) {
            std::printf("| %s | %d | `%s` | %d of %zu | %d%s |\n", stem(f).c_str(), o.index + 1,
                        nn::describe(o.claim).c_str(), o.held(), o.seeds.size(), o.required,
                        o.holds() ? "" : " **fails**");
            if (verbose) std::fprintf(stderr, "%s", nn::formatOutcome(o).c_str());
            std::fflush(stdout);
            all = all && o.holds();
        }
    }
    return all ? 0 : 1;
}
