#pragma once
// Compiler features the hot loops use where they exist, each with a plain C++ path elsewhere:
//
//   ACTLAB_ALWAYS_INLINE      force-inlined helpers of the kernels (plain `inline` elsewhere);
//   ACTLAB_CLONES             one clone of a function per x86-64 instruction set (AVX-512,
//                             AVX2 + FMA, baseline), chosen by the loader: GCC and Clang on
//                             x86-64 Linux, where the loader's ifunc support exists; elsewhere
//                             nothing (one build for the compiler's target);
//   ACTLAB_VECTOR_EXTENSIONS  1 where GCC/Clang vector extensions (vector_size,
//                             __builtin_shufflevector) can hold the network's lanes (nn/lanes.h),
//                             0 for the plain C++ lanes. Defining ACTLAB_PORTABLE_LANES forces 0,
//                             as a compiler without the extensions (MSVC) would have it; CI builds
//                             and tests that path (CMake option ACTLAB_PORTABLE_LANES).

#if defined(__GNUC__) || defined(__clang__)
#define ACTLAB_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ACTLAB_ALWAYS_INLINE inline
#endif

#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__) && defined(__linux__) && \
    !defined(ACTLAB_NO_CLONES)
#define ACTLAB_CLONES \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define ACTLAB_CLONES
#endif

#if (defined(__GNUC__) && __GNUC__ >= 12 || defined(__clang__)) && !defined(ACTLAB_PORTABLE_LANES)
#define ACTLAB_VECTOR_EXTENSIONS 1
#else
#define ACTLAB_VECTOR_EXTENSIONS 0
#endif
