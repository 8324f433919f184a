#include "dataset.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <istream>
#include <numbers>
#include <ostream>
#include <set>

#include "rng.h"
#include "util/file_read.h"
#include "util/message_text.h"
#include "util/number_format.h"

namespace actlab::nn {

namespace {

struct KindInfo {
    DatasetKind kind;
    std::string_view id;
};

constexpr KindInfo kKinds[] = {
    {DatasetKind::Circle, "circle"},   {DatasetKind::Xor, "xor"},
    {DatasetKind::Gaussians, "gaussians"}, {DatasetKind::Spiral, "spiral"},
    {DatasetKind::Moons, "moons"},     {DatasetKind::Blobs, "blobs"},
    {DatasetKind::MultiSpiral, "multi_spiral"}, {DatasetKind::Plane, "plane"},
    {DatasetKind::MultiGaussian, "multi_gaussian"},
};

double dist(double x, double y, double cx, double cy) {
    const double dx = x - cx, dy = y - cy;
    return std::sqrt(dx * dx + dy * dy);
}

// The generators follow Playground's dataset.ts: the same shapes, radii, paddings, noise
// scales and label rules, drawing from our own seeded generator.

void circle(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double radius = 5;
    const auto label = [&](double x, double y) { return dist(x, y, 0, 0) < radius * 0.5 ? 1 : -1; };
    for (int part = 0; part < 2; ++part) {
        for (int i = 0; i < n / 2; ++i) {
            const double r = part == 0 ? rng.uniform(0, radius * 0.5)
                                       : rng.uniform(radius * 0.7, radius);
            const double angle = rng.uniform(0, 2 * std::numbers::pi);
            const double x = r * std::sin(angle), y = r * std::cos(angle);
            const double nx = rng.uniform(-radius, radius) * noise;
            const double ny = rng.uniform(-radius, radius) * noise;
            out.push_back({x, y, static_cast<double>(label(x + nx, y + ny))});
        }
    }
}

void xorData(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double padding = 0.3;
    for (int i = 0; i < n; ++i) {
        double x = rng.uniform(-5, 5);
        x += x > 0 ? padding : -padding;
        double y = rng.uniform(-5, 5);
        y += y > 0 ? padding : -padding;
        const double nx = rng.uniform(-5, 5) * noise, ny = rng.uniform(-5, 5) * noise;
        out.push_back({x, y, (x + nx) * (y + ny) >= 0 ? 1.0 : -1.0});
    }
}

void gaussians(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double variance = 0.5 + noise / 0.5 * (4 - 0.5);  // Playground: [0, .5] -> [0.5, 4]
    const double sd = std::sqrt(variance);
    constexpr double kCentres[2][3] = {{2, 2, 1}, {-2, -2, -1}};  // positive, then negative
    for (const auto& [cx, cy, label] : kCentres)
        for (int i = 0; i < n / 2; ++i) {
            const double x = cx + sd * rng.normal();
            const double y = cy + sd * rng.normal();
            out.push_back({x, y, label});
        }
}

/// Playground's spiral arms, generalised to `arms` arms 2π/arms apart; labels by `labelOf`.
template <class LabelOf>
void spiralArms(int n, double noise, int arms, Rng& rng, std::vector<Point>& out,
                LabelOf labelOf) {
    const int perArm = n / arms;
    for (int arm = 0; arm < arms; ++arm) {
        const double deltaT = 2 * std::numbers::pi * arm / arms;
        for (int i = 0; i < perArm; ++i) {
            const double r = static_cast<double>(i) / perArm * 5;
            const double t = 1.75 * i / perArm * 2 * std::numbers::pi + deltaT;
            const double x = r * std::sin(t) + rng.uniform(-1, 1) * noise;
            const double y = r * std::cos(t) + rng.uniform(-1, 1) * noise;
            out.push_back({x, y, labelOf(arm)});
        }
    }
}

/// Two interleaving half circles, scaled to the domain; noise is gaussian.
void moons(int n, double noise, Rng& rng, std::vector<Point>& out) {
    for (int moon = 0; moon < 2; ++moon)
        for (int i = 0; i < n / 2; ++i) {
            const double t = std::numbers::pi * rng.uniform();
            const double ux = moon == 0 ? std::cos(t) : 1 - std::cos(t);
            const double uy = moon == 0 ? std::sin(t) : 0.5 - std::sin(t);
            const double x = (ux - 0.5) * 3.6 + 2 * noise * rng.normal();
            const double y = (uy - 0.25) * 3.6 + 2 * noise * rng.normal();
            out.push_back({x, y, moon == 0 ? 1.0 : -1.0});
        }
}

/// K gaussian clusters on a circle of radius 3.5.
void blobs(int n, double noise, int k, Rng& rng, std::vector<Point>& out) {
    const double sd = 0.6 + 3 * noise;
    for (int c = 0; c < k; ++c) {
        const double angle = 2 * std::numbers::pi * c / k + std::numbers::pi / 2;
        const double cx = 3.5 * std::cos(angle), cy = 3.5 * std::sin(angle);
        for (int i = 0; i < n / k; ++i)
            out.push_back({cx + sd * rng.normal(), cy + sd * rng.normal(), static_cast<double>(c)});
    }
}

void plane(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double radius = 6;
    for (int i = 0; i < n; ++i) {
        const double x = rng.uniform(-radius, radius), y = rng.uniform(-radius, radius);
        const double nx = rng.uniform(-radius, radius) * noise;
        const double ny = rng.uniform(-radius, radius) * noise;
        out.push_back({x, y, (x + nx + y + ny) / 10});  // [−10, 10] -> [−1, 1]
    }
}

void multiGaussian(int n, double noise, Rng& rng, std::vector<Point>& out) {
    constexpr double kCentres[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1},
                                       {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    const auto label = [&](double x, double y) {
        double best = 0;
        for (const auto& g : kCentres) {
            const double d = dist(x, y, g[0], g[1]);
            const double scaled = std::clamp(1 - d / 2, 0.0, 1.0);  // [0, 2] -> [1, 0], clamped
            const double v = g[2] * scaled;
            if (std::fabs(v) > std::fabs(best)) best = v;
        }
        return best;
    };
    const double radius = 6;
    for (int i = 0; i < n; ++i) {
        const double x = rng.uniform(-radius, radius), y = rng.uniform(-radius, radius);
        const double nx = rng.uniform(-radius, radius) * noise;
        const double ny = rng.uniform(-radius, radius) * noise;
        out.push_back({x, y, label(x + nx, y + ny)});
    }
}

/// Playground's in-place shuffle (from the back, swapping with a random earlier index).
void shuffle(std::vector<Point>& points, Rng& rng) {
    for (std::size_t counter = points.size(); counter > 0;) {
        const std::size_t index = rng.below(counter);
        --counter;
        std::swap(points[counter], points[index]);
    }
}

Dataset split(std::vector<Point> points, int trainPercent, int numClasses) {
    // Playground: Math.floor(data.length * percTrainData / 100), exact in integers; kept within
    // [1, n − 1] so that a tiny set still has a point to train on and one to test.
    std::size_t splitIndex = points.size() * std::size_t(trainPercent) / 100;
    if (points.size() >= 2) splitIndex = std::clamp<std::size_t>(splitIndex, 1, points.size() - 1);
    Dataset d;
    d.numClasses = numClasses;
    d.train.assign(points.begin(), points.begin() + static_cast<long>(splitIndex));
    d.test.assign(points.begin() + static_cast<long>(splitIndex), points.end());
    return d;
}

}  // namespace

std::string_view datasetId(DatasetKind kind) {
    for (const KindInfo& k : kKinds)
        if (k.kind == kind) return k.id;
    return "?";
}

std::optional<DatasetKind> datasetFromId(std::string_view id) {
    for (const KindInfo& k : kKinds)
        if (k.id == id) return k.kind;
    return std::nullopt;
}

const std::vector<DatasetKind>& allDatasetKinds() {
    static const std::vector<DatasetKind> kinds = [] {
        std::vector<DatasetKind> v;
        for (const KindInfo& k : kKinds) v.push_back(k.kind);
        return v;
    }();
    return kinds;
}

bool isRegression(DatasetKind kind) {
    return kind == DatasetKind::Plane || kind == DatasetKind::MultiGaussian;
}

bool isMultiClass(DatasetKind kind) {
    return kind == DatasetKind::Blobs || kind == DatasetKind::MultiSpiral;
}

std::string validate(const DatasetSpec& spec) {
    if (spec.numPoints < 10 || spec.numPoints > 5000) return "numPoints must be in [10, 5000]";
    if (spec.noisePercent < 0 || spec.noisePercent > 50) return "noisePercent must be in [0, 50]";
    if (spec.trainPercent < 10 || spec.trainPercent > 90) return "trainPercent must be in [10, 90]";
    if (isMultiClass(spec.kind) && (spec.classes < 3 || spec.classes > 5))
        return "classes must be in [3, 5]";
    return "";
}

Dataset generateDataset(const DatasetSpec& spec) {
    Rng rng(spec.seed);
    std::vector<Point> points;
    const int n = spec.numPoints;
    const double noise = spec.noisePercent / 100.0;  // Playground: state.noise / 100
    switch (spec.kind) {
        case DatasetKind::Circle: circle(n, noise, rng, points); break;
        case DatasetKind::Xor: xorData(n, noise, rng, points); break;
        case DatasetKind::Gaussians: gaussians(n, noise, rng, points); break;
        case DatasetKind::Spiral:
            spiralArms(n, noise, 2, rng, points, [](int arm) { return arm == 0 ? 1.0 : -1.0; });
            break;
        case DatasetKind::Moons: moons(n, noise, rng, points); break;
        case DatasetKind::Blobs: blobs(n, noise, spec.classes, rng, points); break;
        case DatasetKind::MultiSpiral:
            spiralArms(n, noise, spec.classes, rng, points,
                       [](int arm) { return static_cast<double>(arm); });
            break;
        case DatasetKind::Plane: plane(n, noise, rng, points); break;
        case DatasetKind::MultiGaussian: multiGaussian(n, noise, rng, points); break;
    }
    shuffle(points, rng);
    const int classes = isRegression(spec.kind) ? 0 : isMultiClass(spec.kind) ? spec.classes : 2;
    return split(std::move(points), spec.trainPercent, classes);
}

void writeDatasetCsv(std::ostream& out, const Dataset& data) {
    out << "x,y,label,split\n";
    for (const auto& [points, name] : {std::pair{&data.train, "train"}, {&data.test, "test"}})
        for (const Point& p : *points)
            out << formatNumber(p.x) << ',' << formatNumber(p.y) << ',' << formatNumber(p.label)
                << ',' << name << '\n';
}

namespace {

/// Reads one line without its '\n' into `line`, keeping at most `maxChars` characters; false at
/// the end of the input. A longer line sets `tooLong`, and the rest of it is skipped, so that a
/// file without line breaks is never read into memory whole.
bool readLine(std::istream& in, std::string& line, std::size_t maxChars, bool& tooLong) {
    line.clear();
    tooLong = false;
    std::streambuf* buffer = in.rdbuf();
    if (!buffer) return false;
    bool any = false;
    for (int c = buffer->sbumpc(); c != std::char_traits<char>::eof(); c = buffer->sbumpc()) {
        any = true;
        if (c == '\n') return true;
        if (line.size() < maxChars)
            line += static_cast<char>(c);
        else
            tooLong = true;
    }
    in.setstate(std::ios::eofbit);
    return any;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

DatasetImport readDatasetCsv(std::istream& in, int trainPercent, std::uint64_t seed) {
    struct Row {
        Point p;
        int split;  // -1 none, 0 train, 1 test
    };
    std::vector<Row> rows;
    std::string line;
    std::size_t lineNo = 0;
    bool headerAllowed = true, tooLong = false;
    const auto fail = [&](const std::string& what) {
        return DatasetImport{{}, oneLine("line " + std::to_string(lineNo) + ": " + what)};
    };
    std::vector<std::string_view> fields;
    while (readLine(in, line, kMaxCsvLineChars, tooLong)) {
        ++lineNo;
        if (tooLong) return fail("longer than " + countText(kMaxCsvLineChars) + " characters");
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
        fields.clear();
        for (std::string_view rest = line;;) {
            const std::size_t comma = rest.find(',');
            fields.push_back(rest.substr(0, comma));
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        const bool header = headerAllowed && !parseNumber(fields[0]);
        headerAllowed = false;
        if (header) continue;
        if (fields.size() != 3 && fields.size() != 4)
            return fail("expected 3 or 4 comma-separated fields (x,y,label[,split]), found " +
                        std::to_string(fields.size()));
        if (rows.size() == kMaxCsvRows)
            return fail("more than " + countText(kMaxCsvRows) + " points, the limit");
        double values[3] = {};
        const char* names[] = {"x", "y", "label"};
        for (int i = 0; i < 3; ++i) {
            bool overflow = false;
            const std::optional<double> v = parseNumber(fields[std::size_t(i)], &overflow);
            const std::string field = printable(trimmed(fields[std::size_t(i)]), 40);
            if (!v) return fail(std::string(names[i]) + " is not a number: '" + field + "'");
            if (overflow)
                return fail(std::string(names[i]) + " = " + field + " is too large for a number");
            if (!std::isfinite(*v)) return fail(std::string(names[i]) + " is not a finite number");
            values[i] = *v;
        }
        if (std::fabs(values[0]) > kCoordinateLimit || std::fabs(values[1]) > kCoordinateLimit)
            return fail("point (" + printable(trimmed(fields[0]), 30) + ", " +
                        printable(trimmed(fields[1]), 30) + ") is outside [-1000, 1000]²");
        int splitKind = -1;
        if (fields.size() == 4) {
            const std::string_view split = trimmed(fields[3]);
            if (split == "train")
                splitKind = 0;
            else if (split == "test")
                splitKind = 1;
            else
                return fail("split must be 'train' or 'test', found '" + printable(split, 40) +
                            "'");
        }
        rows.push_back({{values[0], values[1], values[2]}, splitKind});
    }
    if (rows.empty()) return {{}, "no data rows (expected x,y,label lines)"};

    std::set<double> labels;
    for (const Row& r : rows) labels.insert(r.p.label);
    const bool plusMinus = std::all_of(labels.begin(), labels.end(),
                                       [](double l) { return l == 1 || l == -1; });
    const bool smallIntegers = std::all_of(labels.begin(), labels.end(), [](double l) {
        return l >= 0 && l <= 9 && l == std::floor(l);
    });
    int classes = 0;
    if (plusMinus) {
        classes = 2;
    } else if (smallIntegers && labels.size() <= 2) {
        classes = 2;  // 0/1 labels: 0 is the negative class
        for (Row& r : rows) r.p.label = r.p.label > 0 ? 1 : -1;
    } else if (smallIntegers) {
        classes = static_cast<int>(*labels.rbegin()) + 1;
    }

    Dataset data;
    data.numClasses = classes;
    std::vector<Point> unsplit;
    for (const Row& r : rows) {
        if (r.split == 0) data.train.push_back(r.p);
        else if (r.split == 1) data.test.push_back(r.p);
        else unsplit.push_back(r.p);
    }
    if (!unsplit.empty()) {
        Rng rng(seed);
        shuffle(unsplit, rng);
        Dataset s = split(std::move(unsplit), trainPercent, classes);
        data.train.insert(data.train.end(), s.train.begin(), s.train.end());
        data.test.insert(data.test.end(), s.test.begin(), s.test.end());
    }
    if (data.train.empty()) return {{}, "no training points (every row is marked test)"};
    return {std::move(data), ""};
}

DatasetImport readDatasetCsvFile(const std::string& path, int trainPercent, std::uint64_t seed) {
    // The size is checked before anything is read; the rows are then read one at a time.
    if (std::string problem = inputPathProblem(path); !problem.empty()) return {{}, problem};
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxCsvFileBytes)
        return {{},
                "cannot open '" + printablePath(path) + "': it is larger than " +
                    sizeText(kMaxCsvFileBytes) + ", the limit"};
    std::ifstream in(std::filesystem::path(path), std::ios::binary);
    if (!in) return {{}, "cannot open '" + printablePath(path) + "'"};
    DatasetImport result = readDatasetCsv(in, trainPercent, seed);
    if (in.bad()) return {{}, "cannot read '" + printablePath(path) + "'"};
    return result;
}

void addPoint(Dataset& data, Point p, bool toTest) {
    (toTest ? data.test : data.train).push_back(p);
}

bool removeNearestPoint(Dataset& data, double x, double y, double radius) {
    std::vector<Point>* best = nullptr;
    std::size_t bestIndex = 0;
    double bestDist = radius;
    for (std::vector<Point>* set : {&data.train, &data.test})
        for (std::size_t i = 0; i < set->size(); ++i) {
            const double d = dist((*set)[i].x, (*set)[i].y, x, y);
            if (d <= bestDist) {
                bestDist = d;
                best = set;
                bestIndex = i;
            }
        }
    if (!best) return false;
    best->erase(best->begin() + static_cast<long>(bestIndex));
    return true;
}

}  // namespace actlab::nn
