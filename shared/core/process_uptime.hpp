#pragma once
// How long this process has existed, from the kernel's record of its start (not from main()), so
// start-up benchmarks include dynamic loading and static initialisation.
namespace desa {

// Milliseconds since the kernel started this process (Linux /proc), with 10 ms tick resolution;
// -1 if /proc is unavailable.
double ms_since_process_start();

}  // namespace desa
