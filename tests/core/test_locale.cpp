// Files are C-locale whatever the process's locale: with the C and the C++ global locales set to
// German (decimal comma, '.' grouping), as a GUI toolkit sets them from LANG=de_DE.UTF-8, every
// number written to a file uses '.', never a group separator, and reads back exactly.
//
// ctest generates de_DE.UTF-8 into the build folder (tests/locale/make_de_locale.sh, LOCPATH);
// scripts/setup-debian.sh generates it system-wide. Without it the tests skip and say why.

#include <gtest/gtest.h>

#include <algorithm>
#include <clocale>
#include <limits>
#include <locale>
#include <sstream>
#include <stdexcept>

#include "activations/activation_call.h"
#include "activations/curve.h"
#include "cli/train_columns.h"
#include "nn/dataset.h"
#include "nn/session.h"
#include "util/number_format.h"

namespace actlab::test {
namespace {

constexpr const char* kGerman = "de_DE.UTF-8";

class GermanLocale : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::setlocale(LC_ALL, kGerman))
            GTEST_SKIP() << kGerman << " is not available: run scripts/setup-debian.sh, or ctest "
                         << "(its locale_de_setup generates it with localedef)";
        try {
            std::locale::global(std::locale(kGerman));
        } catch (const std::runtime_error&) {
            std::setlocale(LC_ALL, "C");
            GTEST_SKIP() << "the C++ library does not know " << kGerman;
        }
        // The environment really is German: a locale-dependent formatter would write commas.
        std::ostringstream probe;
        probe << 1234.5;
        ASSERT_EQ(probe.str(), "1.234,5");
        ASSERT_STREQ(std::localeconv()->decimal_point, ",");
    }
    void TearDown() override {
        std::setlocale(LC_ALL, "C");
        std::locale::global(std::locale::classic());
    }
};

TEST_F(GermanLocale, NumbersAreFormattedAndParsedWithAPoint) {
    EXPECT_EQ(formatNumber(0.5), "0.5");
    EXPECT_EQ(formatNumber(1234567.25), "1234567.25");
    EXPECT_EQ(formatNumber(-1.5e-300, 3), "-1.5e-300");
    EXPECT_EQ(formatShortest(0.01), "0.01");
    EXPECT_EQ(parseNumber("0.125"), 0.125);
    EXPECT_FALSE(parseNumber("0,125"));
    bool overflow = false;
    // Under the German C locale strtod stopped at the '.' and read x = 1.
    EXPECT_EQ(parseNumber("1.5e400", &overflow), std::numeric_limits<double>::infinity());
    EXPECT_TRUE(overflow);
    std::string error;
    EXPECT_EQ(parseTypedNumber("0,3", ',', '.', &error), 0.3);
    EXPECT_EQ(parseTypedNumber("0.3", ',', '.', &error), 0.3);
}

TEST_F(GermanLocale, DatasetCsvRoundTripsExactly) {
    nn::DatasetSpec spec;
    spec.kind = nn::DatasetKind::Spiral;
    spec.noisePercent = 20;
    const nn::Dataset d = nn::generateDataset(spec);
    std::stringstream csv;
    nn::writeDatasetCsv(csv, d);
    const std::string text = csv.str();
    // "x,y,label,split": three commas a row, none of them a decimal comma.
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        ASSERT_EQ(std::count(line.begin(), line.end(), ','), 3) << line;
    const nn::DatasetImport back = nn::readDatasetCsv(csv);
    ASSERT_TRUE(back.ok()) << back.error;
    EXPECT_TRUE(back.data == d);
    std::istringstream overflow("x,y,label\n1.5e400,0,1\n");
    EXPECT_EQ(nn::readDatasetCsv(overflow).error, "line 2: x = 1.5e400 is too large for a number");
}

TEST_F(GermanLocale, CurveCsvAndSessionsAreCLocale) {
    const ResolvedCall elu = resolveActivation("elu", {{"alpha", "0.5"}});
    ASSERT_TRUE(elu.ok()) << elu.error;
    std::ostringstream curve;
    writeCurveCsv(curve, elu.call, sampleCurve(elu.call, -1.5, 1.5, 4));
    EXPECT_TRUE(curve.str().starts_with("activation,params,x,f,df,d2f\nELU,alpha=0.5,-1.5,"))
        << curve.str();
    // f(-1.5) = 0.5 (e^-1.5 - 1), with every digit and a point.
    EXPECT_NE(curve.str().find(",-0.388434919925785"), std::string::npos) << curve.str();

    nn::Session s;
    s.training.learningRate = 0.0125;
    s.network.hidden = {nn::LayerSpec{}};
    s.generator.numPoints = 1234;
    const std::string saved = nn::serializeSession(s);
    EXPECT_NE(saved.find("\"learningRate\": 0.0125"), std::string::npos) << saved;
    EXPECT_NE(saved.find("\"points\": 1234"), std::string::npos) << saved;
    const nn::SessionLoad back = nn::parseSession(saved);
    ASSERT_TRUE(back.ok()) << back.error;
    EXPECT_TRUE(back.session == s);
    EXPECT_EQ(nn::serializeSession(back.session), saved);
    // Messages with numbers use '.' too.
    std::string bad = saved;
    bad.replace(bad.find("0.0125"), 6, "250.5");
    EXPECT_NE(nn::parseSession(bad).error.find("got 250.5"), std::string::npos)
        << nn::parseSession(bad).error;
}

TEST_F(GermanLocale, TheTrainLogIsCLocale) {
    nn::Session s;
    s.network.hidden = {nn::LayerSpec{}};
    nn::Trainer t = nn::makeTrainer(s);
    t.step();
    const std::string row = cli::trainRow(t, t.latest());
    // epoch, 4 losses and accuracies, dead_percent, grad_ratio, 2 gradient norms: 8 commas.
    EXPECT_EQ(std::count(row.begin(), row.end(), ','), 8) << row;
    EXPECT_NE(row.find('.'), std::string::npos) << row;
}

}  // namespace
}  // namespace actlab::test
