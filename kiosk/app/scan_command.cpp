#include "app/scan_command.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

#include "app/kiosk_context.hpp"
#include "core/clock.hpp"
#include "lessons/certificate.hpp"
#include "queue/kiosk_key.hpp"
#include "queue/queue_scan.hpp"
#include "scan/barcode_scan.hpp"
#include "sync/sync_store.hpp"

namespace desa::kiosk {

namespace {

// A certificate: checked offline with the pinned province key (the province vouches for the kiosk
// that signed it) or this kiosk's own keys. What it certifies is printed with the verdict.
void judge_certificate(scan::ScannedCode& code, const queue::QueueCodeKeys& keys, nlohmann::json& line) {
    const auto check = lessons::verify_certificate(code.text, keys.province_key, keys.kiosk_keys);
    switch (check.verdict) {
        case lessons::CertificateVerdict::Valid: code.verdict = scan::Verdict::Valid; break;
        case lessons::CertificateVerdict::Forged: code.verdict = scan::Verdict::Forged; break;
        case lessons::CertificateVerdict::UnknownKiosk: code.verdict = scan::Verdict::UnknownKiosk; break;
        case lessons::CertificateVerdict::Unknown: code.verdict = scan::Verdict::Invalid; break;
    }
    line["verdict"] = scan::verdict_name(code.verdict);
    if (check.certificate)
        line["certificate"] = {{"name", check.certificate->display_name}, {"course", check.certificate->course_id},
                               {"day", queue::date_iso(check.certificate->day)}, {"village", check.certificate->village_code},
                               {"kiosk", check.certificate->kiosk_id}, {"learner", check.certificate->learner_code},
                               {"issued_here", check.issued_here}};
}

int scan_images(const std::vector<std::string>& images, const queue::QueueCodeKeys& keys) {
    int status = 0;
    const auto print = [](const nlohmann::json& line) {
        std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    };
    for (const auto& file : images) {
        std::string error;
        const auto image = scan::load_image(file, error);
        if (!image) {
            print({{"file", file}, {"format", nullptr}, {"text", nullptr}, {"kind", nullptr},
                   {"verdict", "none"}, {"error", error}});
            status = 1;
            continue;
        }
        const auto codes = scan::read_codes(*image);
        if (codes.empty())
            print({{"file", file}, {"format", nullptr}, {"text", nullptr}, {"kind", nullptr}, {"verdict", "none"}});
        const std::int64_t now = SystemClock{}.unix_seconds();
        for (auto code : codes) {
            queue::judge_queue_code(code, keys, now);
            nlohmann::json line{{"file", file},
                                {"format", code.format},
                                {"text", code.text},
                                {"kind", scan::kind_name(code.kind)},
                                {"verdict", scan::verdict_name(code.verdict)}};
            if (code.kind == scan::CodeKind::Certificate) judge_certificate(code, keys, line);
            if (!code.value.empty()) line["value"] = code.value;
            print(line);
        }
    }
    return status;
}

}  // namespace

int run_scan(const std::vector<std::string>& images) { return scan_images(images, {}); }

int run_scan(const std::vector<std::string>& images, const GlobalOptions& options) {
    queue::QueueCodeKeys keys;
    try {
        const auto ctx = load_kiosk_context(options);
        keys.kiosk_keys = queue::ticket_verify_keys(ctx->data_dir);
        if (const auto identity = sync::load_identity(ctx->db)) keys.province_key = identity->province_sign_key;
        keys.village_code = ctx->config.village_code;
        keys.utc_offset_s = ctx->config.queue.utc_offset_s;
    } catch (const std::exception&) {
        // Barcodes and member cards need no keys: they are still reported; queue codes say "unknown".
    }
    return scan_images(images, keys);
}

}  // namespace desa::kiosk
