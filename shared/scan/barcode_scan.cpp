#include "scan/barcode_scan.hpp"

#include <ZXing/ReadBarcode.h>
#include <stb_image.h>

#include <algorithm>
#include <memory>

#include "catalog/isbn.hpp"
#include "lending/member_card.hpp"
#include "lessons/certificate.hpp"
#include "lessons/learner_card.hpp"

namespace desa::scan {

std::string_view kind_name(CodeKind kind) {
    switch (kind) {
        case CodeKind::Isbn: return "isbn";
        case CodeKind::Member: return "member";
        case CodeKind::Ticket: return "ticket";
        case CodeKind::Appointment: return "appointment";
        case CodeKind::LearnerCard: return "learner_card";
        case CodeKind::Certificate: return "certificate";
        case CodeKind::Unknown: return "unknown";
    }
    return "unknown";
}

std::string_view verdict_name(Verdict verdict) {
    switch (verdict) {
        case Verdict::Valid: return "valid";
        case Verdict::Invalid: return "invalid";
        case Verdict::Forged: return "forged";
        case Verdict::Expired: return "expired";
        case Verdict::TooEarly: return "too_early";
        case Verdict::OtherVillage: return "other_village";
        case Verdict::UnknownKiosk: return "unknown_kiosk";
        case Verdict::Unknown: return "unknown";
        case Verdict::None: return "none";
    }
    return "none";
}

std::optional<GreyImage> load_image(const std::filesystem::path& file, std::string& error) {
    int w = 0, h = 0, channels = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> data(stbi_load(file.c_str(), &w, &h, &channels, 1), stbi_image_free);
    if (!data) {
        error = std::string("cannot read image: ") + (stbi_failure_reason() ? stbi_failure_reason() : "unknown error");
        return std::nullopt;
    }
    GreyImage image{w, h, std::vector<std::uint8_t>(data.get(), data.get() + static_cast<std::size_t>(w) * h)};
    return image;
}

ScannedCode classify(std::string format, std::string text) {
    ScannedCode code{std::move(format), std::move(text), CodeKind::Unknown, Verdict::Invalid, {}};
    const bool ean13 = code.format == "EAN-13";
    if (ean13 && (code.text.starts_with("978") || code.text.starts_with("979"))) {
        code.kind = CodeKind::Isbn;
        if (auto isbn = catalog::normalize_isbn(code.text)) {
            code.verdict = Verdict::Valid;
            code.value = *isbn;
        }
        return code;
    }
    if (code.text.starts_with("DESA-ANTRI:") || code.text.starts_with("DESA-JANJI:")) {
        code.kind = code.text.starts_with("DESA-ANTRI:") ? CodeKind::Ticket : CodeKind::Appointment;
        code.verdict = Verdict::Unknown;
        return code;
    }
    if (code.text.starts_with(lessons::kLearnerQrPrefix)) {
        code.kind = CodeKind::LearnerCard;
        if (const auto learner = lessons::read_learner_code(code.text).code) {
            code.verdict = Verdict::Valid;
            code.value = *learner;
        }
        return code;
    }
    if (code.text.starts_with(lessons::kCertificatePrefix)) {  // judged with keys by the caller
        code.kind = CodeKind::Certificate;
        code.verdict = Verdict::Unknown;
        return code;
    }
    if (const auto card = lending::parse_member_card_payload(code.text); card.is_member_card) {
        code.kind = CodeKind::Member;
        if (card.card) {
            code.verdict = Verdict::Valid;
            code.value = card.card->code;
        }
    }
    return code;
}

std::vector<ScannedCode> read_codes(const GreyImage& image, ReadMode mode) {
    std::vector<ScannedCode> codes;
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() < static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height))
        return codes;
    const ZXing::ImageView view(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
    ZXing::DecodeHints hints;
    // Only the formats the kiosk meets: fewer formats, faster and fewer false reads.
    hints.setFormats(ZXing::BarcodeFormat::EAN13 | ZXing::BarcodeFormat::EAN8 | ZXing::BarcodeFormat::UPCA |
                     ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::Code39 | ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(mode == ReadMode::Thorough);
    hints.setTryRotate(mode == ReadMode::Thorough);
    if (mode == ReadMode::Live) hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::EAN13);
    for (const auto& result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid()) continue;
        codes.push_back(classify(ZXing::ToString(result.format()), result.text()));
    }
    return codes;
}

FolderCamera::FolderCamera(std::filesystem::path folder) : folder_(std::move(folder)) {}

std::vector<std::filesystem::path> FolderCamera::fresh_files() const {
    // Listed afresh each time: a camera that drops pictures into the folder keeps adding frames.
    std::error_code ec;
    std::vector<std::filesystem::path> fresh;
    for (const auto& entry : std::filesystem::directory_iterator(folder_, ec))
        if (entry.is_regular_file(ec) && !seen_.contains(entry.path().filename().string()))
            fresh.push_back(entry.path());
    std::sort(fresh.begin(), fresh.end());
    return fresh;
}

std::optional<std::filesystem::path> FolderCamera::next_file() {
    const auto fresh = fresh_files();
    if (fresh.empty()) return std::nullopt;
    seen_.insert(fresh.front().filename().string());
    return fresh.front();
}

std::optional<GreyImage> FolderCamera::next_frame() {
    for (const auto& file : fresh_files()) {
        seen_.insert(file.filename().string());
        std::string error;
        if (auto image = load_image(file, error)) return image;  // skip unreadable files
    }
    return std::nullopt;
}

}  // namespace desa::scan
