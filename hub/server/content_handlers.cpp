// GET /v1/channels/<name>/manifest (ETag, 304) and GET /v1/files/<sha256> (Range, If-Range, 206).
#include <fstream>

#include "model/content.hpp"
#include "server/handlers.hpp"

namespace desa::hub {
namespace {

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

// If-None-Match: "5", W/"5", a list of them, or *.
bool etag_matches(const std::string& header, const std::string& etag) {
    std::size_t start = 0;
    while (start <= header.size()) {
        const auto comma = header.find(',', start);
        std::string tag = trim(std::string_view(header).substr(start, comma == std::string::npos ? std::string::npos
                                                                                                : comma - start));
        if (tag.starts_with("W/")) tag = tag.substr(2);
        if (tag == "*" || tag == etag) return true;
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return false;
}

struct ByteRange {
    std::int64_t first = 0, last = 0;  // inclusive
};

std::optional<std::int64_t> parse_number(std::string_view s) {
    if (s.empty() || s.size() > 18) return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

enum class RangeKind { None, Satisfiable, Unsatisfiable };

// One range of "bytes=N-", "bytes=N-M" or "bytes=-S"; several ranges or another unit: served whole.
RangeKind parse_range(const std::string& header, std::int64_t size, ByteRange& out) {
    if (!header.starts_with("bytes=")) return RangeKind::None;
    const std::string_view spec = std::string_view(header).substr(6);
    if (spec.find(',') != std::string_view::npos) return RangeKind::None;
    const auto dash = spec.find('-');
    if (dash == std::string_view::npos) return RangeKind::None;
    const auto first = parse_number(trim(spec.substr(0, dash)));
    const std::string last_text = trim(spec.substr(dash + 1));
    const auto last = last_text.empty() ? std::nullopt : parse_number(last_text);
    if (!last_text.empty() && !last) return RangeKind::None;
    if (!first) {  // suffix: the last S bytes
        if (!last || *last == 0 || size == 0) return RangeKind::Unsatisfiable;
        out = {size - std::min(*last, size), size - 1};
        return RangeKind::Satisfiable;
    }
    if (*first >= size) return RangeKind::Unsatisfiable;
    if (last && *last < *first) return RangeKind::None;
    out = {*first, last ? std::min(*last, size - 1) : size - 1};
    return RangeKind::Satisfiable;
}

}  // namespace

void handle_manifest(HubServer::State&, const httplib::Request& req, httplib::Response& res, SqlDb& db,
                     const Kiosk&) {
    const std::string channel = req.matches[1];
    const auto manifest = current_manifest(db, channel);
    if (!manifest) return send_error(res, 404, "unknown_channel");
    const std::string etag = "\"" + std::to_string(manifest->version) + "\"";
    res.set_header("ETag", etag);
    if (req.has_header("If-None-Match") && etag_matches(req.get_header_value("If-None-Match"), etag)) {
        res.status = 304;  // the cheap answer of an unchanged channel: no body at all
        return;
    }
    res.status = 200;
    res.set_content(manifest->body, "application/json");
}

void handle_file(HubServer::State& s, const httplib::Request& req, httplib::Response& res, SqlDb&, const Kiosk&) {
    const std::string sha = req.matches[1];
    const auto path = stored_file(s.data_dir, sha);
    if (!path) return send_error(res, 404, "unknown_file");
    std::error_code ec;
    const auto size = static_cast<std::int64_t>(std::filesystem::file_size(*path, ec));
    if (ec) return send_error(res, 404, "unknown_file");
    const std::string etag = "\"" + sha + "\"";
    res.set_header("ETag", etag);
    res.set_header("Accept-Ranges", "bytes");

    ByteRange range{0, size - 1};
    RangeKind kind = RangeKind::None;
    // If-Range naming another version of the file: the part the client holds is stale, send all.
    const bool range_allowed = !req.has_header("If-Range") || req.get_header_value("If-Range") == etag;
    if (req.has_header("Range") && range_allowed) kind = parse_range(req.get_header_value("Range"), size, range);
    if (kind == RangeKind::Unsatisfiable) {
        res.set_header("Content-Range", "bytes */" + std::to_string(size));
        return send_error(res, 416, "range_not_satisfiable");
    }
    if (kind == RangeKind::Satisfiable) {
        res.status = 206;
        res.set_header("Content-Range", "bytes " + std::to_string(range.first) + "-" + std::to_string(range.last) +
                                            "/" + std::to_string(size));
    } else {
        res.status = 200;
    }
    const auto length = static_cast<std::size_t>(size == 0 ? 0 : range.last - range.first + 1);
    if (length == 0) {
        res.set_content("", "application/octet-stream");
        return;
    }
    auto in = std::make_shared<std::ifstream>(*path, std::ios::binary);
    if (!*in) return send_error(res, 500, "internal");
    const auto base = range.first;
    res.set_content_provider(length, "application/octet-stream",
                             [in, base](std::size_t offset, std::size_t want, httplib::DataSink& sink) {
                                 char buf[64 * 1024];
                                 in->seekg(static_cast<std::streamoff>(base) + static_cast<std::streamoff>(offset));
                                 in->read(buf, static_cast<std::streamsize>(std::min(want, sizeof buf)));
                                 const auto got = in->gcount();
                                 if (got <= 0) return false;  // the file shrank under us: end the response
                                 sink.write(buf, static_cast<std::size_t>(got));
                                 return true;
                             });
}

}  // namespace desa::hub
