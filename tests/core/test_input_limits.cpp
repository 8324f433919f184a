// Hostile input files: nesting that would overflow the parser's stack, huge files and point
// counts, numbers too large for a double, directories, names of any bytes. Each gives one short
// line in the program's own words, never a crash, a stall or the library's text.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <streambuf>

#include "nn/dataset.h"
#include "nn/playground_run.h"
#include "nn/session.h"
#include "nn/session_limits.h"
#include "util/file_read.h"
#include "util/json_guard.h"
#include "util/message_text.h"

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

#ifndef ACTLAB_LESSONS_DIR
#error "ACTLAB_LESSONS_DIR must name resources/lessons"
#endif

std::string lesson() {
    std::ifstream in(std::string(ACTLAB_LESSONS_DIR) + "/02-dying-relu.actlab.json");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The lesson with `"extra": <value>` added as its last field.
std::string withExtra(const std::string& value) {
    std::string text = lesson();
    const std::size_t close = text.rfind('}');
    return text.substr(0, close) + ", \"extra\": " + value + "}\n";
}

std::string nested(std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

/// A message as the program must give it: one line, short, no invalid bytes, none of
/// nlohmann's wording.
void expectCleanMessage(const std::string& e) {
    EXPECT_FALSE(e.empty());
    EXPECT_EQ(e.find('\n'), std::string::npos) << e;
    EXPECT_LE(utf8Length(e), kMaxMessageChars) << e;
    EXPECT_EQ(printable(e, 10000), e) << "invalid bytes or controls in: " << e;
    EXPECT_EQ(e.find("json.exception"), std::string::npos) << e;
    EXPECT_EQ(e.find("syntax error"), std::string::npos) << e;
}

TEST(JsonLimits, DeepNestingIsRefusedBeforeParsingNotCrashed) {
    ASSERT_TRUE(nn::parseSession(lesson()).ok());
    // 150,000 levels crashed the recursive parser; 65 is the first depth refused.
    for (const std::size_t depth : {std::size_t(150'000), std::size_t(65)}) {
        const nn::SessionLoad r = nn::parseSession(withExtra(nested(depth)));
        ASSERT_FALSE(r.ok());
        expectCleanMessage(r.error);
        EXPECT_NE(r.error.find("nested deeper than 64 levels"), std::string::npos) << r.error;
        EXPECT_NE(r.error.find("line "), std::string::npos) << r.error;
    }
    // Deep in the test points, which the reader copied: that copy recursed and overflowed the
    // stack (SIGSEGV) before the limit.
    nlohmann::ordered_json points = nlohmann::ordered_json::parse(lesson());
    points["data"] = {{"points", {{"classes", 2}, {"train", {{0, 0, 1}}}, {"test", 0}}}};
    std::string text = points.dump();
    text.replace(text.find("\"test\":0"), 8, "\"test\":" + nested(150'000));
    const nn::SessionLoad deep = nn::parseSession(text);
    ASSERT_FALSE(deep.ok());
    EXPECT_NE(deep.error.find("nested deeper than 64 levels"), std::string::npos) << deep.error;
    // At the limit the document parses, and the reader names the field it does not know.
    const nn::SessionLoad r = nn::parseSession(withExtra(nested(63)));
    EXPECT_NE(r.error.find("extra: unknown field"), std::string::npos) << r.error;
    // Brackets inside strings are text, not nesting.
    EXPECT_EQ(checkJsonText("{\"a\": \"" + std::string(1000, '[') + "\\\"[\"}"), "");
}

TEST(JsonLimits, TheNestingIsPlacedByLineAndColumn) {
    EXPECT_EQ(checkJsonText("{\n  \"a\": [[[", JsonLimits{3, 100}),
              "line 2, column 10: nested deeper than 3 levels");
    EXPECT_EQ(checkJsonText("[\"é\", [[", JsonLimits{2, 100}),
              "line 1, column 8: nested deeper than 2 levels");  // é is one column
}

TEST(JsonLimits, SyntaxErrorsAndOverflowInOurOwnWords) {
    struct Case {
        std::string text, mustMention;
    };
    const std::string valid = lesson();
    for (const Case& c : std::vector<Case>{
             {valid.substr(0, 300), "may be truncated"},
             {"", "the file is empty"},
             {"{\"format\": \n  x}", "line 2, column 3: unexpected 'x'"},
             {"{\"title\": \"\xff\xfe\"}", "not valid JSON at line 1, column 12"},
             {"{\"a\": 1}\x01", "unexpected control character"},
             {"{\"seed\": 2e308}", "line 1, column 10: number overflow: 2e308 is too large"},
             {"{\"seed\": -1" + std::string(400, '0') + "}", "number overflow"},
         }) {
        const nn::SessionLoad r = nn::parseSession(c.text);
        ASSERT_FALSE(r.ok());
        expectCleanMessage(r.error);
        EXPECT_NE(r.error.find(c.mustMention), std::string::npos) << r.error;
        EXPECT_EQ(r.error.find("truncated"), c.mustMention == "may be truncated"
                                                 ? r.error.find("truncated")
                                                 : std::string::npos)
            << "an overflow or a bad byte is not a truncation: " << r.error;
    }
}

TEST(JsonLimits, FieldValuesAreEchoedShortAndPrintable) {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(lesson());
    j["network"]["layers"][0]["activation"] = std::string(5000, 'z') + "\x1b[2J";
    const nn::SessionLoad r = nn::parseSession(j.dump());
    ASSERT_FALSE(r.ok());
    expectCleanMessage(r.error);
    EXPECT_NE(r.error.find("network.layers[0].activation: unknown activation 'zzz"),
              std::string::npos)
        << r.error;
}

TEST(SessionLimits, PointsTitlesAndDescriptionsHaveLimits) {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(lesson());
    j["data"] = {{"points", {{"classes", 2}, {"train", nlohmann::ordered_json::array()}}}};
    for (std::size_t i = 0; i < nn::kMaxSessionPoints; ++i)
        j["data"]["points"]["train"].push_back({0.5, -0.5, i % 2 ? 1 : -1});
    EXPECT_TRUE(nn::parseSession(j.dump()).ok());  // exactly the limit
    j["data"]["points"]["test"] = {{1.0, 1.0, 1}};
    nn::SessionLoad r = nn::parseSession(j.dump());
    ASSERT_FALSE(r.ok());
    expectCleanMessage(r.error);
    EXPECT_EQ(r.error, "data.points: 100,001 points; a session holds at most 100,000");

    j = nlohmann::ordered_json::parse(lesson());
    j["title"] = std::string(nn::kMaxSessionTextChars, 'x');
    EXPECT_TRUE(nn::parseSession(j.dump()).ok());
    j["title"] = std::string(nn::kMaxSessionTextChars + 1, 'x');
    EXPECT_EQ(nn::parseSession(j.dump()).error,
              "title: 10,001 characters; at most 10,000 are allowed");
    j = nlohmann::ordered_json::parse(lesson());
    std::string chinese;
    for (std::size_t i = 0; i <= nn::kMaxSessionTextChars; ++i) chinese += "学";
    j["description"]["zh"] = chinese;  // characters, not bytes, are counted
    EXPECT_EQ(nn::parseSession(j.dump()).error,
              "description.zh: 10,001 characters; at most 10,000 are allowed");
    // Millions of values are refused by the scan, before any tree is built.
    std::string many = "[0";
    for (int i = 0; i < 600'000; ++i) many += ",0";
    r = nn::parseSession(withExtra(many + "]"));
    ASSERT_FALSE(r.ok());
    expectCleanMessage(r.error);
    EXPECT_NE(r.error.find("a session holds at most 100,000 points"), std::string::npos) << r.error;
}

class Files : public ::testing::Test {
protected:
    void SetUp() override {
        // Short, so that messages show the whole path.
        static int count = 0;
        m_dir = fs::temp_directory_path() /
                ("actlab_lim" + std::to_string(::getpid()) + "_" + std::to_string(count++));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }
    fs::path m_dir;
};

TEST_F(Files, DirectoriesAndHugeFilesAreRefusedBeforeReading) {
    nn::SessionLoad r = nn::loadSessionFile(m_dir.string());
    EXPECT_EQ(r.error, "cannot open '" + m_dir.string() + "': it is a directory");
    // A sparse file over the limit: refused by its size, nothing is read.
    const std::string big = path("big.actlab.json");
    { std::ofstream(big) << "{"; }
    fs::resize_file(big, nn::kMaxSessionFileBytes + 1);
    r = nn::loadSessionFile(big);
    EXPECT_EQ(r.error, "cannot open '" + big + "': it is larger than 64 MB, the limit");
    r = nn::loadSessionFile(path("missing.json"));
    EXPECT_EQ(r.error, "cannot open '" + path("missing.json") + "': No such file or directory");
    const nn::DatasetImport csv = nn::readDatasetCsvFile(m_dir.string());
    EXPECT_EQ(csv.error, "cannot open '" + m_dir.string() + "': it is a directory");
}

TEST_F(Files, NamesOfAnyBytesAreReadAndPrintedSafely) {
    const std::string name = path("l\xe9on\xff.actlab.json");  // Latin-1 bytes, not UTF-8
    { std::ofstream(fs::path(name)) << lesson(); }
    const nn::SessionLoad r = nn::loadSessionFile(name);
    ASSERT_TRUE(r.ok()) << r.error;
    { std::ofstream(fs::path(name)) << "{"; }
    const nn::SessionLoad bad = nn::loadSessionFile(name);
    expectCleanMessage(bad.error);
    EXPECT_NE(bad.error.find("l\xEF\xBF\xBDon\xEF\xBF\xBD.actlab.json: not valid JSON"),
              std::string::npos)
        << printable(bad.error, 400);
}

TEST(CsvLimits, OverflowAndNotFiniteValuesNameTheLineAndTheReason) {
    const auto error = [](const std::string& text) {
        std::istringstream in(text);
        return nn::readDatasetCsv(in).error;
    };
    EXPECT_EQ(error("x,y,label\n1,2,1\n1.5e400,0,1\n"),
              "line 3: x = 1.5e400 is too large for a number");
    EXPECT_EQ(error("0,-2e999,1\n"), "line 1: y = -2e999 is too large for a number");
    EXPECT_EQ(error("1,2,1\n3,4,1\n5,6,1\n6,5,1\n0,0,1\n0,0,-1\nnan,0,1\n"),
              "line 7: x is not a finite number");
    EXPECT_EQ(error("1,inf,1\n"), "line 1: y is not a finite number");
    EXPECT_EQ(error("1,2,-infinity\n"), "line 1: label is not a finite number");
    EXPECT_EQ(error("0,0,1\n1001,0,1\n"), "line 2: point (1001, 0) is outside [-1000, 1000]²");
    EXPECT_EQ(error("0,0,1\n" + std::string(2000, '1') + ",0,1\n"),
              "line 2: longer than 1,000 characters");
    const std::string e = error("0,\xff\x1b[1m,1\n");
    expectCleanMessage(e);
    EXPECT_EQ(e.substr(0, 27), "line 1: y is not a number: ");
}

/// An endless CSV made on demand: x,y,label rows, counting the bytes handed out.
class EndlessCsv : public std::streambuf {
public:
    std::size_t handedOut = 0;

protected:
    int_type underflow() override {
        m_row = std::to_string(m_n % 10) + ".25,-1.5," + (m_n % 2 ? "1" : "-1") + "\n";
        ++m_n;
        handedOut += m_row.size();
        setg(m_row.data(), m_row.data(), m_row.data() + m_row.size());
        return traits_type::to_int_type(m_row[0]);
    }

private:
    std::string m_row;
    std::size_t m_n = 0;
};

TEST(CsvLimits, AMillionRowsAreRefusedAtTheLimitWithoutBeingRead) {
    EndlessCsv rows;
    std::istream in(&rows);
    const nn::DatasetImport r = nn::readDatasetCsv(in);
    EXPECT_EQ(r.error, "line 100001: more than 100,000 points, the limit");
    // It stopped at the first row past the limit: no more than a row of read-ahead.
    EXPECT_LE(rows.handedOut, (nn::kMaxCsvRows + 2) * 13);  // rows are 12 or 13 bytes
}

TEST(CsvLimits, GeneratedPointsOutsideThePlotStillRoundTrip) {
    // Noisy gaussians put points outside the plotted [-6, 6]²: the app must read back what it
    // writes, so imports accept them (up to ±1000, far beyond any generator).
    nn::DatasetSpec spec;
    spec.kind = nn::DatasetKind::Gaussians;
    spec.noisePercent = 50;
    spec.numPoints = 2000;
    const nn::Dataset d = nn::generateDataset(spec);
    std::size_t outside = 0;
    for (const auto* set : {&d.train, &d.test})
        for (const nn::Point& p : *set)
            outside += std::fabs(p.x) > nn::kDomain || std::fabs(p.y) > nn::kDomain;
    EXPECT_GT(outside, 0u);
    std::stringstream csv;
    nn::writeDatasetCsv(csv, d);
    const nn::DatasetImport back = nn::readDatasetCsv(csv);
    ASSERT_TRUE(back.ok()) << back.error;
    EXPECT_TRUE(back.data == d);
}

TEST(PlaygroundRuns, HostileRunsGiveOurOwnMessages) {
    for (const std::string& text :
         {nested(150'000), std::string("{\"config\": 5}"), std::string("{\"config\": "),
          std::string("{\"config\": {\"outputActivation\": 7}}")}) {
        const nn::PlaygroundImport r = nn::importPlaygroundRun(text);
        ASSERT_FALSE(r.ok());
        expectCleanMessage(r.error);
    }
}

}  // namespace
}  // namespace actlab::test
