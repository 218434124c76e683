#pragma once
// Barcodes and QR codes from pictures: the camera's frames or image files go through the same
// pipeline (grey image -> ZXing -> what the kiosk understands the code to be). Later features add
// kinds (ticket, appointment, learner card, certificate, enrolment) to classify().
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace desa::scan {

struct GreyImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;  // width * height luminance bytes, row by row
};

// Loads PNG/JPEG/BMP/... (stb_image) as grey. nullopt with `error` set when unreadable.
std::optional<GreyImage> load_image(const std::filesystem::path& file, std::string& error);

enum class CodeKind { Isbn, Member, Ticket, Appointment, LearnerCard, Certificate, Unknown };
// Unknown: the code is ours but this kiosk cannot judge it (no key to check it with);
// TooEarly and OtherVillage: genuine queue codes for another time or another office.
enum class Verdict { Valid, Invalid, Forged, Expired, TooEarly, OtherVillage, UnknownKiosk, Unknown, None };

// "isbn", "member", "ticket", "appointment", "learner_card", "certificate", "unknown"
std::string_view kind_name(CodeKind);
// "valid", "invalid", "forged", "expired", "too_early", "other_village", "unknown_kiosk", "unknown", "none"
std::string_view verdict_name(Verdict);

struct ScannedCode {
    std::string format;  // ZXing's name: "EAN-13", "QRCode", "Code128", ...
    std::string text;    // decoded text (UTF-8)
    CodeKind kind = CodeKind::Unknown;
    Verdict verdict = Verdict::None;
    std::string value;   // the normalised value when valid (e.g. the ISBN-13)
};

// All codes found in the image (EAN-13/8, UPC-A, Code 128, Code 39, QR), each classified.
// Live: a camera frame, read fast (QR and EAN-13 only, no "try harder" passes; the next frame
// comes soon).
enum class ReadMode { Thorough, Live };
std::vector<ScannedCode> read_codes(const GreyImage& image, ReadMode mode = ReadMode::Thorough);

// What a decoded code is to the kiosk. A book's EAN-13 must start 978/979 (Bookland); a library
// member card's QR text starts "DESA-PERPUS:" (lending/member_card; value: the card code); a spine
// label (Code 128/39) is a copy barcode for the librarian screens, "unknown" here. A queue ticket
// ("DESA-ANTRI:") or appointment ("DESA-JANJI:") QR gets its kind with verdict Unknown: checking
// its signature needs keys, which queue/queue_scan.hpp applies.
ScannedCode classify(std::string format, std::string text);

// A camera is anything that yields frames; a folder of images is a real implementation of it
// (tests, and kiosks whose camera drops pictures into a folder).
class FolderCamera {
public:
    explicit FolderCamera(std::filesystem::path folder);
    // The oldest image file (in name order) not yet taken, or nullopt when none is waiting.
    // Files added later are taken by later calls; unreadable files are skipped.
    std::optional<GreyImage> next_frame();
    // The oldest file (in name order) not yet taken, whatever it holds: a photo is kept as the
    // camera wrote it (its bytes), not decoded. Shares next_frame()'s notion of "taken".
    std::optional<std::filesystem::path> next_file();
    const std::filesystem::path& folder() const { return folder_; }

private:
    std::vector<std::filesystem::path> fresh_files() const;  // not yet taken, in name order
    std::filesystem::path folder_;
    std::set<std::string> seen_;
};

}  // namespace desa::scan
