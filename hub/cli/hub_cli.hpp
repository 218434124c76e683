#pragma once
// The `desa-hub` command line (CLI11): keys, regions, kiosk, aspirations, content, serve, queue,
// library, lessons.

namespace desa::hub {

// Exit codes: 0 success, 1 the operation failed (refused, not found, storage error),
// 2 bad arguments or input files.
int run_cli(int argc, char** argv);

}  // namespace desa::hub
