#pragma once
// Ready formula activations for the explorer's gallery: the functions users ask for most often
// (sine, Gaussian, binary step, bent identity, Swish-β, Squareplus, Snake, a smooth step), each
// with the parameter values it is usually shown with and one sentence in English and Chinese.
//
//     for (const FormulaGalleryEntry& e : formulaGallery()) {
//         const ActivationCall call = galleryCall(e);     // the row and its parameter values
//         ...
//     }

#include <array>
#include <span>
#include <string_view>

#include "activation_call.h"

namespace actlab {

/// A parameter value of a gallery entry; unused slots have an empty name.
struct GalleryParam {
    std::string_view name;
    double value = 1;
};

struct FormulaGalleryEntry {
    std::string_view id;       ///< stable: "swish_beta"
    std::string_view name;     ///< the row's name, as a session stores it: "Swish-β"
    Text title;                ///< the name in the gallery's menu
    std::string_view formula;  ///< the text the editor shows
    std::array<GalleryParam, 2> params{};
    Text summary;  ///< one sentence: what the function is and what it does in a network
};

/// The gallery, in the order the editor lists it.
std::span<const FormulaGalleryEntry> formulaGallery();
/// The entry with this id, or nullptr.
const FormulaGalleryEntry* findGalleryEntry(std::string_view id);
/// The entry's formula row (named entry.name) with its parameter values; the gallery's formulas
/// always compile.
ActivationCall galleryCall(const FormulaGalleryEntry& entry);

}  // namespace actlab
