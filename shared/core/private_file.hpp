#pragma once
// Secret files (signing keys) are written so that a power cut leaves either the old file or the
// whole new one, readable by the kiosk's user only.
#include <filesystem>
#include <string_view>

namespace desa {

// Creates `file` (which must not exist) with mode 0600, writes `text` and fsyncs it. On any error
// the half-written file is removed and std::runtime_error names the path and the OS reason.
void write_new_private_file(const std::filesystem::path& file, std::string_view text);

// fsyncs a directory so that a rename or link inside it survives a power cut. Best effort.
void sync_directory(const std::filesystem::path& dir);

}  // namespace desa
