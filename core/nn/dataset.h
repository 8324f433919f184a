#pragma once
// 2D datasets on the domain [−6, 6]²: TensorFlow Playground's geometry (circle, xor, two
// gaussians, spiral, plane, multi-gaussian), plus moons and multi-class sets, seeded and
// deterministic; CSV import and export; single-point editing.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actlab::nn {

inline constexpr double kDomain = 6.0;  ///< the data and the grids live on [−6, 6]²
/// Imported points may lie outside the domain (noisy gaussians do, in Playground too), but not
/// absurdly far.
inline constexpr double kCoordinateLimit = 1000.0;

enum class DatasetKind {
    Circle,
    Xor,
    Gaussians,
    Spiral,
    Moons,
    Blobs,        ///< K gaussian clusters (multi-class)
    MultiSpiral,  ///< K interleaved spiral arms (multi-class)
    Plane,        ///< regression
    MultiGaussian ///< regression
};

/// Stable id used in sessions and on the command line ("circle", "multi_gaussian").
std::string_view datasetId(DatasetKind kind);
std::optional<DatasetKind> datasetFromId(std::string_view id);
/// Every kind, in menu order.
const std::vector<DatasetKind>& allDatasetKinds();
bool isRegression(DatasetKind kind);
bool isMultiClass(DatasetKind kind);

/// How a dataset is generated.
struct DatasetSpec {
    DatasetKind kind = DatasetKind::Circle;
    int numPoints = 500;         ///< 10 … 5000
    int noisePercent = 0;        ///< 0 … 50 (Playground's noise slider)
    int trainPercent = 50;       ///< 10 … 90: the share of the points used for training
    int classes = 3;             ///< for the multi-class kinds: 3 … 5
    std::uint64_t seed = 1;
    bool operator==(const DatasetSpec&) const = default;
};

/// One example. Binary labels are ±1 (Playground's convention), multi-class labels are
/// 0 … K−1, regression labels are real numbers.
struct Point {
    double x = 0, y = 0, label = 0;
    bool operator==(const Point&) const = default;
};

struct Dataset {
    std::vector<Point> train;
    std::vector<Point> test;
    /// 0 for regression, 2 for binary (labels ±1), K ≥ 3 for multi-class (labels 0 … K−1).
    int numClasses = 2;
    bool regression() const { return numClasses == 0; }
    bool operator==(const Dataset&) const = default;
};

/// A range check of the spec; empty when valid, else a message naming the field.
std::string validate(const DatasetSpec& spec);

/// Generates the points, shuffles them once and splits them (the first part is train), as
/// Playground does. Precondition: validate(spec) is empty.
Dataset generateDataset(const DatasetSpec& spec);

/// Writes `x,y,label,split` with a header; split is "train" or "test". Numbers have 17
/// significant digits in the C locale's notation, whatever the process's locale.
void writeDatasetCsv(std::ostream& out, const Dataset& data);

/// The result of a CSV import: the data, or a message with the line number.
struct DatasetImport {
    Dataset data;
    std::string error;
    bool ok() const { return error.empty(); }
};

inline constexpr std::size_t kMaxCsvRows = 100'000;                      ///< points in one CSV file
inline constexpr std::size_t kMaxCsvLineChars = 1000;                    ///< characters in one line
inline constexpr std::uintmax_t kMaxCsvFileBytes = 64u * 1024u * 1024u;  ///< 64 MB

/// Reads `x,y,label` or `x,y,label,split` (header optional, '#' comments and blank lines
/// skipped), always in the C locale's notation ("0.5", never "0,5"). Labels that are all ±1, or
/// all 0/1, make a binary set; integers 0 … 9 with more than two values a multi-class set;
/// anything else regression. Rows without a split column are split by `trainPercent` after a
/// shuffle seeded with `seed`. Every value must be a finite number (one too large for a double,
/// such as 1.5e400, is reported as such) and coordinates must lie within ±kCoordinateLimit. The
/// input is read a line at a time and refused at the first line longer than kMaxCsvLineChars or
/// the first point past kMaxCsvRows, so that a huge file is refused without being read whole.
/// Messages name the line: "line 7: x is not a finite number".
DatasetImport readDatasetCsv(std::istream& in, int trainPercent = 50, std::uint64_t seed = 1);

/// readDatasetCsv on a file, which must not be a directory nor larger than kMaxCsvFileBytes
/// (checked before reading). The name is passed to the system unchanged, whatever its bytes.
DatasetImport readDatasetCsvFile(const std::string& path, int trainPercent = 50,
                                 std::uint64_t seed = 1);

/// Adds a point to the training (or test) set.
void addPoint(Dataset& data, Point p, bool toTest = false);

/// Removes the point nearest to (x, y) within `radius` from either set; false if none.
bool removeNearestPoint(Dataset& data, double x, double y, double radius);

}  // namespace actlab::nn
