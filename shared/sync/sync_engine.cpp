#include "sync/sync_engine.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "sync/endorsement.hpp"
#include "sync/outbox.hpp"
#include "sync/sync_session.hpp"
#include "sync/sync_store.hpp"

namespace desa::sync {
namespace {

using nlohmann::json;

std::int64_t system_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Records what the failure says about retrying; returns the one-line error.
std::string note_failure(CycleReport& report, std::string_view step, const HubFailure& f) {
    if (f.retry_after) report.retry_after = std::max(report.retry_after.value_or(0), *f.retry_after);
    return std::string(step) + ": " + describe(f);
}

void finish(storage::Database& db, CycleReport& report, std::int64_t now) {
    storage::Transaction tx(db);
    set_state_int(db, kStateLastAttemptAt, now);
    if (report.ok) {
        clear_state(db, kStateLastError);
        clear_state(db, kStateLastErrorAt);
    } else {
        set_state(db, kStateLastError, report.error);
        set_state_int(db, kStateLastErrorAt, now);
    }
    if (!report.upload.failure) {
        std::string list;
        for (const auto& uuid : report.upload.conflicts) list += (list.empty() ? "" : ",") + uuid;
        if (list.empty()) clear_state(db, kStateLastConflicts);
        else set_state(db, kStateLastConflicts, list);
    }
    tx.commit();
}

}  // namespace

CycleReport run_cycle(storage::Database& db, const std::filesystem::path& data_dir, const SyncOptions& options) {
    CycleReport report;
    const auto identity = load_identity(db);
    const auto secret = load_kiosk_secret(data_dir);
    if (!identity || !secret) {
        report.not_enrolled = true;
        report.error = identity ? "the kiosk key file sync/kiosk.secret is missing or unreadable" : "not enrolled";
        return report;
    }
    const auto local_now = options.client.now ? options.client.now : std::function<std::int64_t()>(system_now);
    std::string base = identity->hub_url;
    if (options.hub_override) {
        const auto url = normalize_hub_url(*options.hub_override);
        if (!url) {
            report.error = "--hub is not http(s)://host[:port]";
            return report;
        }
        base = *url;
    }
    // Parts of a download no channel is fetching any more go before anything else (bounded tmp).
    clean_sync_tmp(data_dir, shas_being_fetched(db));

    HubClient client(base, options.client);
    client.set_identity(identity->kiosk_id, *secret);
    client.set_clock_offset(get_state_int(db, kStateClockOffset, 0));
    SyncSession session{db, data_dir, client, *identity, [&] { return local_now() + client.clock_offset(); }};
    const auto mark_success = [&](std::string_view step) { set_state_int(db, last_success_key(step), session.now()); };
    const int steps = 2 + static_cast<int>(options.channels.size());
    int step_index = 0;
    const auto progress = [&](std::string step) {
        ++step_index;
        if (options.on_progress) options.on_progress(CycleProgress{std::move(step), step_index, steps});
    };

    for (const auto& write_due_records : options.before_upload) {
        try {
            write_due_records(db, session.now());
        } catch (const std::exception& e) {  // the rest of the outbox still goes up
            report.warnings.push_back(std::string("records due before the upload were not written: ") + e.what());
        }
    }
    try {
        progress("outbox");
        report.upload = upload_outbox(session);
        if (report.upload.failure) {
            report.error = note_failure(report, "outbox", *report.upload.failure);
        } else {
            mark_success("outbox");
            if (!report.upload.conflicts.empty())
                report.warnings.push_back(std::to_string(report.upload.conflicts.size()) +
                                          " outbox record(s) in conflict at the hub, kept pending: " +
                                          report.upload.conflicts.front() + (report.upload.conflicts.size() > 1 ? ", ..." : ""));
            if (!report.upload.too_large.empty())
                report.warnings.push_back(std::to_string(report.upload.too_large.size()) +
                                          " outbox record(s) larger than a batch, kept pending");
        }
        // A hub that could not take the outbox will not serve the rest either: stop early.
        if (report.error.empty()) {
            progress("aspirations");
            report.updates = pull_status_updates(session);
            if (report.updates.failure) report.error = note_failure(report, "aspirations", *report.updates.failure);
            else mark_success("aspirations");
        }
        // A kiosk enrolled before hubs gave an endorsement asks once; trouble here (an older hub's
        // 404, the network) only means its certificates are checked by itself and the hub for now.
        if (report.error.empty() && !kiosk_endorsement(db)) {
            try {
                if (const auto failure = fetch_endorsement(session, public_key_of(*secret)))
                    spdlog::info("kiosk endorsement not fetched: {}", describe(*failure));
            } catch (const std::exception& e) {
                spdlog::warn("kiosk endorsement not stored: {}", e.what());
            }
        }
        for (const auto& channel : options.channels) {
            if (!report.error.empty()) break;
            if (!is_channel_name(channel)) continue;
            progress(channel);
            const auto hook = options.apply_hooks.find(channel);
            auto r = sync_channel(session, channel, hook == options.apply_hooks.end() ? ChannelApplyHook{} : hook->second,
                                  options.chunk_bytes);
            if (r.failure) report.error = note_failure(report, channel, *r.failure);
            else if (!r.rejected.empty()) report.warnings.push_back(r.rejected);
            else mark_success(channel);
            report.channels.push_back(std::move(r));
        }
    } catch (const std::exception& e) {
        // Disk or database trouble: reported like a failed attempt; nothing half-applied stays
        // (every step commits in its own transaction).
        report.error = std::string("local error: ") + e.what();
    }
    report.ok = report.error.empty();
    if (client.clock_corrected()) {
        set_state_int(db, kStateClockOffset, client.clock_offset());
        spdlog::info("clock corrected by the hub: offset {} s", client.clock_offset());
    }
    // Conflicts and rejected versions are kept as the last error too: an administrator must look.
    std::string shown = report.error;
    if (shown.empty() && !report.warnings.empty()) shown = report.warnings.front();
    CycleReport stored = report;
    stored.error = shown;
    stored.ok = shown.empty();
    finish(db, stored, session.now());
    report.wire = client.counters();
    if (!report.ok) spdlog::warn("sync cycle failed: {}", report.error);
    return report;
}

json sync_status_json(storage::Database& db) {
    json out;
    const auto identity = load_identity(db);
    out["enrolled"] = identity.has_value();
    out["kiosk_id"] = identity ? json(identity->kiosk_id) : json(nullptr);
    out["hub"] = identity ? json(identity->hub_url) : json(nullptr);
    out["village_code"] = identity ? json(identity->village_code) : json(nullptr);
    out["province_key"] = identity ? json(key_fingerprint(identity->province_sign_key.bytes)) : json(nullptr);
    out["enrolled_at"] = identity ? json(identity->enrolled_at) : json(nullptr);
    json last = json::object();
    auto s = db.prepare("SELECT key, value FROM sync_state WHERE key LIKE 'last_success:%' ORDER BY key");
    while (s.step()) {
        const std::string key = s.column_text(0);
        last[key.substr(std::string("last_success:").size())] = get_state_int(db, key, 0);
    }
    out["last_success"] = last;
    json channels = json::array();
    for (const auto& c : installed_channels(db))
        channels.push_back({{"channel", c.channel}, {"version", c.version}, {"installed_at", c.installed_at}});
    out["channels"] = channels;
    out["pending_outbox"] = count_pending(db);
    const auto error = get_state(db, kStateLastError);
    out["last_error"] = error ? json(*error) : json(nullptr);
    out["last_error_at"] = error ? json(get_state_int(db, kStateLastErrorAt, 0)) : json(nullptr);
    const auto attempt = get_state(db, kStateLastAttemptAt);
    out["last_attempt_at"] = attempt ? json(get_state_int(db, kStateLastAttemptAt, 0)) : json(nullptr);
    json conflicts = json::array();
    if (const auto list = get_state(db, kStateLastConflicts)) {
        std::size_t start = 0;
        while (start <= list->size()) {
            const auto comma = list->find(',', start);
            const auto item = list->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!item.empty()) conflicts.push_back(item);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    out["conflicts"] = conflicts;
    out["clock_offset"] = get_state_int(db, kStateClockOffset, 0);
    out["updates_after"] = get_state_int(db, kStateUpdatesAfter, 0);
    return out;
}

}  // namespace desa::sync
