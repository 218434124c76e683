#include "queue/hub_services.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <spdlog/spdlog.h>

#include "core/private_file.hpp"

namespace desa::queue {
namespace {

namespace fs = std::filesystem;
using config::ConfigProblem;
using config::ProblemKind;

std::string_view kind_text(ProblemKind kind) {
    switch (kind) {
        case ProblemKind::Syntax: return "syntax error";
        case ProblemKind::Missing: return "missing";
        case ProblemKind::WrongType: return "wrong type";
        case ProblemKind::OutOfRange: return "out of range";
        case ProblemKind::UnknownValue: return "not allowed";
        case ProblemKind::UnknownKey: return "unknown key";
        case ProblemKind::UnknownVillage: return "unknown village";
        case ProblemKind::Inconsistent: return "inconsistent";
        case ProblemKind::Unreadable: return "unreadable";
    }
    return "problem";
}

std::optional<std::string> read_small_file(const fs::path& file, std::string& error) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) {
        error = "cannot read: " + ec.message();
        return std::nullopt;
    }
    if (size > kMaxHubServicesBytes) {
        error = "larger than " + std::to_string(kMaxHubServicesBytes / 1024) + " KiB";
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
        error = "cannot read";
        return std::nullopt;
    }
    return text.str();
}

// A service nobody describes any more (removed two versions ago, still with tickets waiting):
// callable at every counter of the office so its residents are still served.
Service stand_in(const std::string& id, char prefix, const std::vector<Service>& active) {
    Service s;
    s.id = id;
    s.name_id = id;
    s.prefix = prefix;
    for (const Service& a : active)
        for (int c : a.counters)
            if (!serves(s, c)) s.counters.push_back(c);
    std::sort(s.counters.begin(), s.counters.end());
    return s;
}

}  // namespace

std::string hub_services_channel(std::string_view village_code) {
    std::string out = "queue_services_";
    for (char c : village_code)
        if (c >= '0' && c <= '9') out.push_back(c);
    return out;
}

std::string problem_line(const ConfigProblem& p) {
    std::string out = p.key.empty() ? std::string("(file)") : p.key;
    out += ": ";
    out += kind_text(p.kind);
    if (!p.detail.empty()) out += " (" + p.detail + ")";
    return out;
}

HubServicesLoad parse_hub_services(std::string_view text, std::string_view file_label) {
    HubServicesLoad result;
    const std::string label(file_label);
    toml::table doc;
    try {
        doc = toml::parse(text, file_label);
    } catch (const toml::parse_error& e) {
        const auto& at = e.source().begin;
        result.problems.push_back({label, "", ProblemKind::Syntax,
                                   "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " +
                                       std::string(e.description())});
        return result;
    }
    for (const auto& [key, node] : doc)
        if (key.str() != "queue") result.problems.push_back({label, std::string(key.str()), ProblemKind::UnknownKey, ""});
    const toml::table* queue = doc.get_as<toml::table>("queue");
    if (queue == nullptr) {
        result.problems.push_back({label, "queue.service", ProblemKind::Missing, "at least one [[queue.service]]"});
        return result;
    }
    if (queue->contains("timezone"))
        result.problems.push_back({label, "queue.timezone", ProblemKind::UnknownKey,
                                   "the office's time zone is set in its kiosk.toml"});
    toml::table services_only = *queue;
    services_only.erase("timezone");
    auto loaded = parse_queue_config(services_only, file_label);
    result.problems.insert(result.problems.end(), loaded.problems.begin(), loaded.problems.end());
    if (result.problems.empty() && loaded.config) result.services = std::move(loaded.config->services);
    return result;
}

HubServicesLoad read_hub_services(const fs::path& file) {
    std::string error;
    const auto text = read_small_file(file, error);
    if (!text) return {std::nullopt, {{file.string(), "", ProblemKind::Unreadable, error}}};
    return parse_hub_services(*text, file.string());
}

std::optional<std::string> install_hub_services(const fs::path& data_dir, const fs::path& version_dir) {
    const fs::path source = version_dir / kHubServicesFile;
    std::string error;
    const auto text = read_small_file(source, error);
    if (!text) return std::string(kHubServicesFile) + ": " + error;
    const auto load = parse_hub_services(*text, kHubServicesFile);
    if (!load.services) return std::string(kHubServicesFile) + ": " + problem_line(load.problems.front());
    const fs::path target = data_dir / kHubServicesFile;
    const fs::path tmp = data_dir / (std::string(kHubServicesFile) + ".incoming");
    std::error_code ec;
    fs::remove(tmp, ec);
    try {
        write_new_private_file(tmp, *text);
    } catch (const std::exception& e) {
        return std::string(e.what());
    }
    // The one in use becomes the previous: a service it had keeps its name for tickets still waiting.
    if (fs::exists(target, ec)) fs::rename(target, data_dir / kHubServicesPrevious, ec);
    fs::rename(tmp, target, ec);
    if (ec) return "cannot put " + target.string() + " in place: " + ec.message();
    sync_directory(data_dir);
    return std::nullopt;
}

QueueConfig effective_queue_config(const QueueConfig& configured, const fs::path& data_dir, storage::Database& db,
                                   std::int64_t now) {
    QueueConfig out = configured;
    std::error_code ec;
    const fs::path hub_file = data_dir / kHubServicesFile;
    if (fs::exists(hub_file, ec)) {
        auto load = read_hub_services(hub_file);
        if (load.services)
            out.services = std::move(*load.services);
        else  // the file was checked when installed: damaged since; kiosk.toml's services serve
            spdlog::error("queue: {} not used: {}", hub_file.string(), problem_line(load.problems.front()));
    }
    std::vector<Service> known = configured.services;
    if (auto previous = read_hub_services(data_dir / kHubServicesPrevious); previous.services)
        known.insert(known.begin(), previous.services->begin(), previous.services->end());

    auto s = db.prepare(
        "SELECT service_id, min(number) FROM queue_tickets WHERE service_day = ?1 "
        "AND state IN ('waiting', 'called', 'serving') GROUP BY service_id ORDER BY service_id");
    s.bind(1, date_number(local_date(now, out.utc_offset_s)));
    std::vector<Service> withdrawn;
    while (s.step()) {
        const std::string id = s.column_text(0);
        if (find_service(out.services, id) != nullptr) continue;
        const Service* was = find_service(known, id);
        const std::string number = s.column_text(1);
        Service w = was != nullptr ? *was : stand_in(id, number.empty() ? 'A' : number.front(), out.services);
        w.withdrawn = true;
        withdrawn.push_back(std::move(w));
    }
    for (auto& w : withdrawn) out.services.push_back(std::move(w));
    return out;
}

}  // namespace desa::queue
