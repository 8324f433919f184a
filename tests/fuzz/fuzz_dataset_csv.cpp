// Fuzzes the dataset CSV importer: a dataset or a message with a line number, never a crash.
// Imported data must survive an export/import round trip.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "nn/dataset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    const actlab::nn::DatasetImport r = actlab::nn::readDatasetCsv(in);
    if (!r.ok()) {
        if (r.error.empty()) std::abort();
        return 0;
    }
    std::stringstream out;
    actlab::nn::writeDatasetCsv(out, r.data);
    const actlab::nn::DatasetImport again = actlab::nn::readDatasetCsv(out);
    if (!again.ok() || !(again.data == r.data)) std::abort();
    return 0;
}
