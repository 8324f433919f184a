#pragma once
// The program's heap: how much is in use, and giving freed memory back to the system. With
// glibc, memory that one thread allocates and another frees (the training worker's snapshots,
// freed by the GUI thread) stays in the allocating thread's arena as free pages, so the resident
// size creeps upwards over a long lesson though nothing leaks; releasing it now and then keeps
// the resident size level.

#include <cstddef>

class QObject;

namespace actlab::ui {

/// Bytes allocated and not yet freed (glibc's count), or 0 where the C library does not say.
std::size_t heapInUse();
/// Returns the free pages of every arena to the system (nothing elsewhere than glibc).
void releaseFreedMemory();
/// Calls releaseFreedMemory every `ms` milliseconds on `owner`'s thread while `owner` lives.
void keepReleasingFreedMemory(QObject* owner, int ms);

}  // namespace actlab::ui
