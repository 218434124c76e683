#pragma once
// The enrolment QR code for an administrator: as terminal art and as a PNG file.
#include <filesystem>
#include <optional>
#include <string>

namespace desa::hub {

// Two module rows per text line with Unicode half blocks, light modules drawn and dark ones left
// blank, with a 2-module quiet zone: readable by phones on the usual dark terminal. nullopt when
// the text does not fit a QR code.
std::optional<std::string> terminal_qr(const std::string& text);
// Dark on white, 4-module quiet zone, `scale` pixels per module. False when it cannot be written.
bool write_qr_png(const std::string& text, const std::filesystem::path& file, int scale = 8);

}  // namespace desa::hub
