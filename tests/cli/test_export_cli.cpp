// `activation-lab export` end to end: the real binary, run with no display (DISPLAY,
// WAYLAND_DISPLAY and QT_QPA_PLATFORM unset), and the files it writes read back.

#include <gtest/gtest.h>

#include <QImage>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "process_runner.h"

namespace actlab::test {
namespace {

const std::vector<std::string> kNoDisplay = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"};

ProcessResult exportFigure(std::vector<std::string> args) {
    args.insert(args.begin(), "export");
    return runApp(args, kNoDisplay);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string writeFile(const std::string& suffix, const std::string& text) {
    const std::string path = tempPath(suffix);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

bool exists(const std::string& path) {
    return std::filesystem::exists(path);
}

/// How much of `rgb` the image holds, in pixels' worth: every pixel that is a blend of `rgb` over
/// `background` (antialiased edges included) counts with its share of `rgb`. A curve's ink is
/// about its length times its width, whatever the antialiasing.
double ink(const QImage& image, QRgb rgb, QRgb background = 0xFFFFFFFF) {
    double total = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            const int pc[3] = {qRed(p), qGreen(p), qBlue(p)};
            const int cc[3] = {qRed(rgb), qGreen(rgb), qBlue(rgb)};
            const int bc[3] = {qRed(background), qGreen(background), qBlue(background)};
            // The share t of rgb in p = t·rgb + (1 − t)·background, from each channel that
            // differs enough between the two; the estimates must agree.
            double lo = 2, hi = -1;
            for (int i = 0; i < 3; ++i) {
                if (std::abs(cc[i] - bc[i]) < 60) {
                    // Too little contrast to estimate from; it must still lie on the blend.
                    if (pc[i] < std::min(bc[i], cc[i]) - 25 || pc[i] > std::max(bc[i], cc[i]) + 25)
                        lo = -1;
                    continue;
                }
                const double t = double(pc[i] - bc[i]) / (cc[i] - bc[i]);
                lo = std::min(lo, t);
                hi = std::max(hi, t);
            }
            // Faint blends (t < 0.2) are left out: the light grey of the grid lies close to the
            // start of some colours' blends with white.
            if (lo > 0.2 && hi < 1.08 && hi - lo < 0.12) total += std::min(1.0, (lo + hi) / 2);
        }
    return total;
}

int distinctColours(const QImage& image) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
    return int(colours.size());
}

/// Pixels that are clearly blue (the positive class's tint) or clearly orange (the negative's).
void countClassTints(const QImage& image, int& blue, int& orange) {
    blue = orange = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (qBlue(p) > qRed(p) + 50) ++blue;
            if (qRed(p) > qBlue(p) + 50) ++orange;
        }
}

// The explorer's colours of f, f′ and f″ in the light theme (ui/appearance.cpp).
constexpr QRgb kF = 0xFF0072B2, kDf = 0xFFB34700, kD2f = 0xFF00795A;  // the light theme's

// A small binary session: trains in milliseconds.
const char* kXor = R"({"format": "activation-lab-session", "version": 1, "seed": 7,
  "title": "XOR with tanh",
  "data": {"generator": {"kind": "xor", "points": 200}},
  "network": {"features": ["x", "y"], "layers": [{"neurons": 6, "activation": "tanh"},
              {"neurons": 4, "activation": "tanh"}], "output": "tanh_square", "init": "xavier"},
  "training": {"optimizer": {"kind": "adam", "learningRate": 0.03}, "batchSize": 10}})";

// The same with a compare set: one map per activation.
const char* kXorCompare = R"({"format": "activation-lab-session", "version": 1, "seed": 7,
  "data": {"generator": {"kind": "xor", "points": 200}},
  "network": {"features": ["x", "y"], "layers": [{"neurons": 6, "activation": "tanh"}],
              "output": "tanh_square", "init": "xavier"},
  "training": {"optimizer": {"kind": "adam", "learningRate": 0.03}, "batchSize": 10},
  "compare": ["sigmoid", "tanh", "relu"]})";

TEST(ExportCli, CurvePngHasTheRequestedSizeAndTheCurveColours) {
    const std::string out = tempPath(".png");
    const ProcessResult r = exportFigure({"--activation", "elu", "--param", "alpha=0.5",
                                          "--derivatives", "--size", "1200x700", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, "");
    const QImage image(QString::fromStdString(out));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), 1200);
    EXPECT_EQ(image.height(), 700);
    EXPECT_GT(distinctColours(image), 50);  // antialiased curves and text, not a blank page
    // f, f′ and f″ are drawn in their colours; each is a line hundreds of pixels long (f″ the
    // thinner one, so that f′ shows around it where they coincide).
    EXPECT_GT(ink(image, kF), 3000);
    // (For x < 0, ELU's f′ and f″ coincide and f″ is drawn over f′.)
    EXPECT_GT(ink(image, kDf), 1000);
    EXPECT_GT(ink(image, kD2f), 1000);
    // The background is the light theme's white.
    EXPECT_EQ(image.pixel(2, 2) & 0xFFFFFF, 0xFFFFFFu);
    std::remove(out.c_str());
}

TEST(ExportCli, WithoutDerivativesOnlyFIsDrawnAtTheDefaultSize) {
    const std::string out = tempPath(".png");
    const ProcessResult r =
        exportFigure({"--activation", "LeakyReLU", "--param", "negative_slope=0.2", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const QImage image(QString::fromStdString(out));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1600, 1000));
    const double f = ink(image, kF);
    EXPECT_GT(f, 4000);
    // No f′ or f″ line; a few text and grid pixels happen to match their blends.
    EXPECT_LT(ink(image, kDf), f / 20);
    EXPECT_LT(ink(image, kD2f), f / 20);
    std::remove(out.c_str());
}

TEST(ExportCli, ThemeAndLanguageChangeTheFigure) {
    const std::string light = tempPath(".png"), dark = tempPath(".png"), zh = tempPath(".png");
    ASSERT_EQ(exportFigure({"--activation", "gelu", "--size", "800x500", "--out", light}).exitCode,
              0);
    const ProcessResult r = exportFigure(
        {"--activation", "gelu", "--size", "800x500", "--theme", "dark", "--out", dark});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const QImage image(QString::fromStdString(dark));
    ASSERT_FALSE(image.isNull());
    EXPECT_LT(qGray(image.pixel(2, 2)), 80);                     // a dark page
    EXPECT_GT(ink(image, 0xFF56B4E9, image.pixel(2, 2)), 1000);  // f in the dark theme's blue
    // The Chinese title (GELU's name in Chinese) differs from the English one.
    ASSERT_EQ(
        exportFigure({"--activation", "gelu", "--size", "800x500", "--lang", "zh_CN", "--out", zh})
            .exitCode,
        0);
    EXPECT_TRUE(QImage(QString::fromStdString(zh)) != QImage(QString::fromStdString(light)));
    for (const std::string& f : {light, dark, zh}) std::remove(f.c_str());
}

TEST(ExportCli, ALargerPageIsTheSameFigureAtHigherResolution) {
    const std::string small = tempPath(".png"), large = tempPath(".png");
    ASSERT_EQ(exportFigure({"--activation", "tanh", "--size", "800x500", "--out", small}).exitCode,
              0);
    ASSERT_EQ(
        exportFigure({"--activation", "tanh", "--size", "1600x1000", "--out", large}).exitCode, 0);
    const QImage a(QString::fromStdString(small)), b(QString::fromStdString(large));
    ASSERT_EQ(b.size(), QSize(1600, 1000));
    // Text and lines keep their share of the page: the curve covers about four times the pixels.
    const double ratio = ink(b, kF) / ink(a, kF);
    EXPECT_GT(ratio, 3.0);
    EXPECT_LT(ratio, 5.5);
    std::remove(small.c_str());
    std::remove(large.c_str());
}

TEST(ExportCli, SvgHasVectorPathsAndTheTitle) {
    const std::string out = tempPath(".svg");
    const ProcessResult r = exportFigure({"--activation", "elu", "--derivatives", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string svg = readFile(out);
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("viewBox=\"0 0 1600 1000\""), std::string::npos);
    // The curves are polylines or paths with their points, not an embedded bitmap.
    EXPECT_TRUE(svg.find("<polyline") != std::string::npos ||
                svg.find("<path") != std::string::npos);
    EXPECT_EQ(svg.find("<image"), std::string::npos);
    EXPECT_NE(svg.find("#0072b2"), std::string::npos);  // f's colour
    EXPECT_NE(svg.find("ELU"), std::string::npos);      // the title is text
    // A real font family, which SVG viewers can find (not Qt's alias "Sans Serif").
    EXPECT_EQ(svg.find("font-family=\"Sans Serif\""), std::string::npos);
    std::remove(out.c_str());
}

TEST(ExportCli, PdfIsAPdf) {
    const std::string out = tempPath(".pdf");
    const ProcessResult r = exportFigure({"--activation", "gelu", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string pdf = readFile(out);
    ASSERT_GT(pdf.size(), 1000u);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_NE(pdf.rfind("%%EOF"), std::string::npos);
    EXPECT_GT(pdf.rfind("%%EOF"), pdf.size() - 10);
    std::remove(out.c_str());
}

TEST(ExportCli, WritesUnderExactlyTheGivenNameWhateverItsBytes) {
    // Latin-1 bytes, not UTF-8: a QString cannot hold the name, so it was written under
    // another one ("courbe\uFFFD\uFFFD.png").
    const std::string name = "courbe\xe9\xff.png";
    const std::string folder = tempPath("-names");
    std::filesystem::create_directories(folder);
    const std::string out = folder + "/" + name;
    const ProcessResult r = exportFigure({"--activation", "elu", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(folder))
        names.push_back(e.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{name});
    EXPECT_EQ(readFile(out).substr(0, 8), "\x89PNG\r\n\x1a\n");
    std::filesystem::remove_all(folder);
}

TEST(ExportCli, ASessionWithoutTestPointsIsNoDivergence) {
    // Before, the NaN loss of the empty test set was reported as a divergence at epoch 1.
    const std::string session = writeFile(".actlab.json", R"({"format": "activation-lab-session",
      "version": 1, "seed": 3, "data": {"points": {"classes": 2, "test": [],
        "train": [[1, 1, 1], [-1, -1, 1], [1, -1, -1], [-1, 1, -1], [2, 2, 1], [2, -2, -1]]}},
      "network": {"features": ["x", "y"], "layers": [{"neurons": 4, "activation": "tanh"}],
                  "output": "tanh_square", "init": "xavier"},
      "training": {"optimizer": {"kind": "sgd", "learningRate": 0.1}, "batchSize": 2}})");
    const std::string out = tempPath(".png");
    const ProcessResult r = exportFigure({"--session", session, "--epochs", "20", "--out", out});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err.find("diverged"), std::string::npos) << r.err;
    EXPECT_TRUE(exists(out));
    std::remove(session.c_str());
    std::remove(out.c_str());
}

TEST(ExportCli, SessionIsTrainedAndDrawnAsADecisionBoundary) {
    const std::string session = writeFile(".actlab.json", kXor);
    const std::string untrained = tempPath(".png"), trained = tempPath(".png");
    ProcessResult r = exportFigure(
        {"--session", session, "--epochs", "0", "--size", "900x600", "--out", untrained});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = exportFigure(
        {"--session", session, "--epochs", "40", "--size", "900x600", "--out", trained});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");  // 40 epochs of one network: too short for progress lines
    const QImage before(QString::fromStdString(untrained)), after(QString::fromStdString(trained));
    ASSERT_EQ(after.size(), QSize(900, 600));
    EXPECT_GT(distinctColours(after), 100);
    // After training the map shows both classes' tints over large areas.
    int blue = 0, orange = 0;
    countClassTints(after, blue, orange);
    EXPECT_GT(blue, 20000);
    EXPECT_GT(orange, 20000);
    // Training changed the picture: the boundary moved and the caption's numbers changed.
    EXPECT_TRUE(before != after);
    std::remove(session.c_str());
    std::remove(untrained.c_str());
    std::remove(trained.c_str());
}

TEST(ExportCli, CompareSessionGivesAMapPerActivationInEveryFormat) {
    const std::string session = writeFile(".actlab.json", kXorCompare);
    for (const std::string suffix : {".png", ".svg", ".pdf"}) {
        const std::string out = tempPath(suffix);
        const ProcessResult r =
            exportFigure({"--session", session, "--epochs", "10", "--out", out});
        ASSERT_EQ(r.exitCode, 0) << suffix << ": " << r.err;
        const std::string bytes = readFile(out);
        if (suffix == ".png") {
            const QImage image(QString::fromStdString(out));
            EXPECT_EQ(image.size(), QSize(1600, 1000));
        } else if (suffix == ".svg") {
            // One heatmap per network (the maps are bitmaps inside the vector page).
            std::size_t images = 0;
            for (std::size_t at = bytes.find("<image"); at != std::string::npos;
                 at = bytes.find("<image", at + 1))
                ++images;
            EXPECT_GE(images, 3u);
            for (const char* name : {"Sigmoid", "Tanh", "ReLU"})
                EXPECT_NE(bytes.find(name), std::string::npos) << name;
        } else {
            EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
        }
        std::remove(out.c_str());
    }
    std::remove(session.c_str());
}

TEST(ExportCli, LongTrainingReportsProgress) {
    const std::string session = writeFile(".actlab.json", kXorCompare);
    const std::string out = tempPath(".png");
    // Three networks × 400 epochs is long enough for a line per 10 %.
    const ProcessResult r =
        exportFigure({"--session", session, "--epochs", "400", "--size", "400x300", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("training 10% (epoch 40 of 400)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("training 100% (epoch 400 of 400)"), std::string::npos) << r.err;
    EXPECT_TRUE(exists(out));
    std::remove(out.c_str());
    std::remove(session.c_str());
}

TEST(ExportCli, ALessonExports) {
    const std::string out = tempPath(".png");
    const ProcessResult r =
        exportFigure({"--session", std::string(ACTLAB_LESSONS_DIR) + "/05-gelu-vs-relu.actlab.json",
                      "--epochs", "5", "--size", "800x500", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(QImage(QString::fromStdString(out)).size(), QSize(800, 500));
    std::remove(out.c_str());
}

TEST(ExportCli, HelpPrintsTheUsage) {
    const ProcessResult r = exportFigure({"--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("usage: activation-lab export"), std::string::npos);
    EXPECT_NE(r.out.find("--derivatives"), std::string::npos);
    EXPECT_EQ(r.err, "");
}

struct BadCase {
    std::string name;  // of the test
    // OUT is the output path; --out OUT is appended unless the case has its own --out. BADJSON,
    // BADLAYER and FOLDER are files the test makes (also in `message`).
    std::vector<std::string> args;
    int exitCode;
    std::string message;
};

/// The arguments, for readable test names in ctest.
void PrintTo(const BadCase& c, std::ostream* os) {
    for (const std::string& a : c.args) *os << a << ' ';
}

class ExportErrors : public ::testing::TestWithParam<BadCase> {};

// Every bad input exits with its status and one line naming the problem, prints nothing on
// stdout, and writes no file.
TEST_P(ExportErrors, ExitWithAMessageAndWriteNothing) {
    const BadCase& c = GetParam();
    const std::string out = tempPath(".png");
    const std::string badJson =
        writeFile(".actlab.json", "{\"format\": \"activation-lab-session\",");
    const std::string badLayer =
        writeFile(".actlab.json", std::regex_replace(kXor, std::regex("\"tanh\""), "\"nope\""));
    const std::string folder = tempPath(".png");
    std::filesystem::create_directory(folder);
    const auto substitute = [&](std::string text) {
        for (const auto& [key, value] : {std::pair<std::string, std::string>{"OUT", out},
                                         {"BADJSON", badJson},
                                         {"BADLAYER", badLayer},
                                         {"FOLDER", folder}})
            if (const std::size_t at = text.find(key); at != std::string::npos)
                text.replace(at, key.size(), value);
        return text;
    };
    std::vector<std::string> args;
    bool ownOut = false;
    for (const std::string& a : c.args) {
        args.push_back(substitute(a));
        ownOut = ownOut || a == "--out";
    }
    if (!ownOut) {
        args.push_back("--out");
        args.push_back(out);
    }
    const ProcessResult r = exportFigure(args);
    EXPECT_EQ(r.exitCode, c.exitCode) << r.err;
    EXPECT_NE(r.err.find(substitute(c.message)), std::string::npos) << r.err;
    EXPECT_EQ(r.err.rfind("activation-lab export: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(exists(out));
    std::filesystem::remove(folder);
    std::remove(badJson.c_str());
    std::remove(badLayer.c_str());
}

INSTANTIATE_TEST_SUITE_P(
    AllCases, ExportErrors,
    ::testing::Values(
        BadCase{"UnknownActivation",
                {"--activation", "nope"},
                2,
                "unknown activation 'nope'; valid: sigmoid, tanh"},
        BadCase{"UnknownParameter",
                {"--activation", "elu", "--param", "beta=1"},
                2,
                "unknown parameter 'beta' for elu; valid: alpha"},
        BadCase{"RejectedParameter",
                {"--activation", "celu", "--param", "alpha=0"},
                2,
                "alpha must not be 0"},
        BadCase{"ParameterNotANumber",
                {"--activation", "elu", "--param", "alpha=abc"},
                2,
                "is not a number: 'abc'"},
        BadCase{"ParameterWithoutValue",
                {"--activation", "elu", "--param", "alpha"},
                2,
                "--param expects NAME=VALUE"},
        BadCase{"SizeNotWxH",
                {"--activation", "elu", "--size", "big"},
                2,
                "--size: expected WIDTHxHEIGHT"},
        BadCase{"SizeTooSmall",
                {"--activation", "elu", "--size", "10x10"},
                2,
                "each side from 200 to 8000"},
        BadCase{"SizeWithoutHeight", {"--activation", "elu", "--size", "1600x"}, 2, "--size"},
        BadCase{"SizeTooLarge", {"--activation", "elu", "--size", "99999x1000"}, 2, "--size"},
        BadCase{"UnsupportedExtension",
                {"--activation", "elu", "--out", "figure.jpg"},
                2,
                "unsupported file type '.jpg'; use .png, .svg or .pdf"},
        BadCase{"NoExtension", {"--activation", "elu", "--out", "figure"}, 2, "(no extension)"},
        BadCase{
            "OutWithoutValue", {"--activation", "elu", "--out"}, 2, "option --out needs a value"},
        BadCase{"ScaleOutOfRange",
                {"--activation", "elu", "--scale", "9"},
                2,
                "--scale: expected a number from 0.8"},
        BadCase{
            "UnknownLanguage", {"--activation", "elu", "--lang", "fr"}, 2, "unknown language 'fr'"},
        BadCase{"UnknownTheme",
                {"--activation", "elu", "--theme", "neon"},
                2,
                "unknown theme 'neon'; valid: light, contrast, dark"},
        BadCase{"SystemTheme",
                {"--activation", "elu", "--theme", "system"},
                2,
                "unknown theme 'system'"},
        BadCase{"EpochsWithActivation",
                {"--activation", "elu", "--epochs", "5"},
                2,
                "--epochs goes with --session"},
        BadCase{"UnknownArgument",
                {"--activation", "elu", "--frobnicate"},
                2,
                "unknown argument '--frobnicate'"},
        BadCase{
            "NeitherActivationNorSession", {"--size", "800x600"}, 2, "give one of --activation ID"},
        BadCase{"BothActivationAndSession",
                {"--activation", "elu", "--session", "x.actlab.json"},
                2,
                "give one of"},
        BadCase{"DerivativesWithSession",
                {"--session", "x.actlab.json", "--derivatives"},
                2,
                "--param and --derivatives go with --activation"},
        BadCase{"NegativeEpochs",
                {"--session", "x.actlab.json", "--epochs", "-5"},
                2,
                "--epochs: expected a whole number from 0 to 1000000, got '-5'"},
        BadCase{
            "EpochsNotANumber", {"--session", "x.actlab.json", "--epochs", "ten"}, 2, "got 'ten'"},
        BadCase{"UnreadableSession",
                {"--session", "/nonexistent/x.actlab.json"},
                1,
                "cannot read the session '/nonexistent/x.actlab.json'"},
        BadCase{"InvalidJson", {"--session", "BADJSON"}, 2, "BADJSON: "},
        BadCase{"UnknownLayerActivation", {"--session", "BADLAYER"}, 2, "nope"},
        BadCase{"MissingOutputFolder",
                {"--activation", "elu", "--out", "/nonexistent-folder/figure.png"},
                1,
                "the folder '/nonexistent-folder' does not exist"},
        BadCase{
            "OutputIsAFolder", {"--activation", "elu", "--out", "FOLDER"}, 1, "it is a directory"}),
    [](const ::testing::TestParamInfo<BadCase>& info) { return info.param.name; });

}  // namespace
}  // namespace actlab::test
