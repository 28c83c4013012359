#pragma once
// Starts loading the cache line that holds `address` into the cache: a hint that changes no
// result, only how long the first read of it waits.
//
// The empty volatile asm matters: GCC 12's mod/ref analysis takes a function whose only effect
// is __builtin_prefetch for one without effects and deletes calls to it, so the prefetches of
// the APM rows, of the long match model's slot and of a mixer's weight set were silently never
// issued (found in the disassembly of ContextMixer::update_bit). A volatile asm statement is an
// effect no optimiser may remove; it costs no instruction.
namespace nnz {

inline void prefetch_line(const void* address)
{
#if defined(__GNUC__)
    __builtin_prefetch(address);
    asm volatile("");
#else
    (void)address;
#endif
}

}  // namespace nnz
