// A session without test points trains normally: its test loss is NaN because there is nothing to
// measure, which is not a divergence; the log leaves the test columns empty, and so does the
// PyTorch export.

#include <gtest/gtest.h>

#include <cmath>

#include "cli/arg_reader.h"
#include "cli/train_columns.h"
#include "export/pytorch_export.h"
#include "nn/session.h"

namespace actlab::test {
namespace {

nn::Session withoutTestPoints() {
    nn::Session s;
    s.seed = 3;
    nn::DatasetSpec spec;
    spec.kind = nn::DatasetKind::Xor;
    spec.numPoints = 60;
    nn::Dataset d = nn::generateDataset(spec);
    d.train.insert(d.train.end(), d.test.begin(), d.test.end());
    d.test.clear();
    s.points = d;
    nn::LayerSpec layer;  // four tanh units
    s.network.hidden = {layer};
    s.training.learningRate = 0.1;
    return s;
}

TEST(EmptyTestSet, TrainsWithoutAFalseDivergence) {
    const nn::Session s = withoutTestPoints();
    ASSERT_EQ(nn::validate(s), "");
    // It survives a save and load: an empty test set is a valid session.
    const nn::SessionLoad back = nn::parseSession(nn::serializeSession(s));
    ASSERT_TRUE(back.ok()) << back.error;
    ASSERT_TRUE(back.session.points->test.empty());
    nn::Trainer t = nn::makeTrainer(back.session);
    const double before = t.latest().trainLoss;
    t.run(30);
    EXPECT_FALSE(t.diverged()) << t.divergence();
    EXPECT_EQ(t.epoch(), 30);
    EXPECT_TRUE(std::isnan(t.latest().testLoss));
    EXPECT_TRUE(std::isnan(t.latest().testAccuracy));
    EXPECT_LT(t.latest().trainLoss, before);  // it did train
}

TEST(EmptyTestSet, TheLogLeavesTheTestColumnsEmpty) {
    nn::Trainer t = nn::makeTrainer(withoutTestPoints());
    t.step();
    const std::vector<std::string> header = cli::split(cli::trainHeader(t), ',');
    const std::vector<std::string> row = cli::split(cli::trainRow(t, t.latest()), ',');
    ASSERT_EQ(row.size(), header.size());
    EXPECT_EQ(header[2], "test_loss");
    EXPECT_EQ(row[2], "");
    EXPECT_EQ(header[4], "test_acc");
    EXPECT_EQ(row[4], "");
    EXPECT_NE(row[1], "");
    EXPECT_NE(row[3], "");
}

TEST(EmptyTestSet, ThePytorchScriptNeitherDivergesNorPrintsNan) {
    const pytorch::PytorchExport e =
        pytorch::pytorchScript(withoutTestPoints(), pytorch::PytorchExportOptions{});
    ASSERT_TRUE(e.ok()) << e.error;
    EXPECT_NE(e.text.find("if epoch > 0 and diverged(model, train_loss):"), std::string::npos);
    EXPECT_EQ(e.text.find("diverged(model, train_loss, test_loss)"), std::string::npos);
    EXPECT_NE(e.text.find("print(epoch, f\"{train_loss:.17g}\", \"\", f\"{train_acc:.17g}\", \"\""),
              std::string::npos);
}

}  // namespace
}  // namespace actlab::test
