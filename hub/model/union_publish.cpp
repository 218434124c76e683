#include "model/union_publish.hpp"

#include <algorithm>
#include <chrono>
#include <charconv>
#include <optional>
#include <set>
#include <tuple>

#include "catalog/catalog_import.hpp"
#include "catalog/import_csv.hpp"
#include "catalog/import_marc.hpp"
#include "catalog/import_marcxml.hpp"
#include "catalog/union_catalog_writer.hpp"

namespace desa::hub {
namespace fs = std::filesystem;
namespace uf = catalog::union_files;
namespace {

constexpr std::size_t kRowsPerStatement = 250;   // 1,000 parameters: within both backends' limits
constexpr std::size_t kKeysPerStatement = 500;
constexpr std::string_view kChannel = "catalog";

void note_problem(LibraryHoldings& h, const catalog::SourcePosition& where, const std::string& what) {
    if (h.problems.size() < kMaxListedProblems) h.problems.push_back(catalog::describe(where) + ": " + what);
}

// "<prefix><digits>.csv" -> the number.
std::optional<std::int64_t> numbered(std::string_view name, std::string_view prefix) {
    if (!name.starts_with(prefix) || !name.ends_with(".csv")) return std::nullopt;
    const std::string_view digits = name.substr(prefix.size(), name.size() - prefix.size() - 4);
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (digits.empty() || digits[0] == '0' || ec != std::errc() || end != digits.data() + digits.size())
        return std::nullopt;
    return v;
}

// The snapshot and deltas of the version the union tables describe, when that version is the
// channel's current one and a union version (not a directory published as is), and every file is
// still in the store.
struct Chain {
    sync::ManifestFile snapshot;
    std::vector<sync::ManifestFile> deltas;
};
std::optional<Chain> current_chain(SqlDb& db, const fs::path& data_dir, std::int64_t previous_version) {
    const auto state = db.query("SELECT value FROM counters WHERE name = 'union_version'");
    if (state.empty() || state[0].int64(0) != previous_version || previous_version == 0) return std::nullopt;
    const auto rows = db.query("SELECT body FROM manifests WHERE channel = $1 AND version = $2",
                               {std::string(kChannel), previous_version});
    if (rows.empty()) return std::nullopt;
    Chain chain;
    int snapshots = 0;
    for (const auto& f : parse_manifest_body(rows[0].text(0)).files) {
        if (!stored_file(data_dir, f.sha256)) return std::nullopt;
        if (numbered(f.name, "snapshot-")) {
            chain.snapshot = f;
            ++snapshots;
        } else if (numbered(f.name, "delta-")) {
            chain.deltas.push_back(f);
        } else if (f.name != "libraries.csv") {
            return std::nullopt;
        }
    }
    if (snapshots != 1) return std::nullopt;
    return chain;
}

std::map<std::string, std::string> stored_holdings(SqlDb& db, const std::string& library_id) {
    std::map<std::string, std::string> out;
    for (const auto& row : db.query("SELECT control_number, row_csv FROM union_holdings WHERE library_id = $1",
                                    {library_id}))
        out.emplace(row.text(0), row.text(1));
    return out;
}

void write_holdings(SqlDb& db, const std::string& library_id, const HoldingsDiff& diff, std::int64_t version) {
    for (std::size_t i = 0; i < diff.deletes.size(); i += kKeysPerStatement) {
        const std::size_t n = std::min(kKeysPerStatement, diff.deletes.size() - i);
        SqlParams params{library_id};
        std::string sql = "DELETE FROM union_holdings WHERE library_id = $1 AND control_number IN (";
        for (std::size_t j = 0; j < n; ++j) {
            sql += (j ? ", $" : "$") + std::to_string(j + 2);
            params.emplace_back(diff.deletes[i + j]);
        }
        db.execute(sql + ")", params);
    }
    for (std::size_t i = 0; i < diff.upserts.size(); i += kRowsPerStatement) {
        const std::size_t n = std::min(kRowsPerStatement, diff.upserts.size() - i);
        SqlParams params;
        std::string sql = "INSERT INTO union_holdings (library_id, control_number, row_csv, version) VALUES ";
        for (std::size_t j = 0; j < n; ++j) {
            const std::size_t p = params.size();
            sql += (j ? ", ($" : "($") + std::to_string(p + 1) + ", $" + std::to_string(p + 2) + ", $" +
                   std::to_string(p + 3) + ", $" + std::to_string(p + 4) + ")";
            params.emplace_back(library_id);
            params.emplace_back(diff.upserts[i + j].first);
            params.emplace_back(diff.upserts[i + j].second);
            params.emplace_back(version);
        }
        db.execute(sql + " ON CONFLICT (library_id, control_number) DO UPDATE SET row_csv = excluded.row_csv, "
                         "version = excluded.version",
                   params);
    }
}

// Every holding of the union (after this version's changes), by library then key.
std::string snapshot_file(SqlDb& db) {
    auto rows = db.query("SELECT library_id, control_number, row_csv FROM union_holdings");
    // Sorted here, not by ORDER BY: PostgreSQL's collation may differ from SQLite's byte order.
    std::sort(rows.begin(), rows.end(), [](const SqlRow& a, const SqlRow& b) {
        return std::tie(*a.cells[0], *a.cells[1]) < std::tie(*b.cells[0], *b.cells[1]);
    });
    std::size_t bytes = 0;
    for (const auto& r : rows) bytes += r.cells[2]->size();
    std::string out = uf::snapshot_header();
    out.reserve(out.size() + bytes);
    for (const auto& r : rows) out += *r.cells[2];
    return out;
}

}  // namespace

std::vector<uf::LibraryRow> union_libraries(SqlDb& db) {
    std::vector<uf::LibraryRow> out;
    for (const auto& row : db.query("SELECT library_id, name, village_code FROM union_libraries"))
        out.push_back({row.text(0), row.text(1), row.text(2)});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.library_id < b.library_id; });
    return out;
}

LibraryHoldings read_library_holdings(const fs::path& file, const std::string& library_id) {
    LibraryHoldings h;
    std::optional<uf::MappedFile> mapped;
    try {
        mapped.emplace(file);
    } catch (const uf::UnionFormatError& e) {
        throw ContentError(std::string(e.what()) + " (" + file.string() + ")");
    }
    const std::string_view bytes = mapped->text();
    const auto format = catalog::detect_import_format(bytes.substr(0, 4096));
    if (!format) throw ContentError(file.string() + " is not a MARC, MARCXML or CSV catalogue");
    h.format = catalog::import_format_name(*format);
    std::set<std::string> explicit_keys;  // keys that are the records' own control numbers
    catalog::RecordSink sink;
    sink.on_record = [&](catalog::ParsedRecord&& parsed) {
        ++h.records;
        uf::HoldingRow row;
        std::vector<std::string> notes;
        std::string reason;
        if (!uf::holding_from_record(library_id, parsed.record, row, notes, reason)) {
            ++h.skipped_total;
            note_problem(h, parsed.where, "skipped: " + reason);
            return;
        }
        if (!notes.empty()) {
            ++h.fitted_total;
            std::string all;
            for (const auto& n : notes) all += (all.empty() ? "" : "; ") + n;
            note_problem(h, parsed.where, all);
        }
        const bool own_key = row.control_number == parsed.record.control_number;
        const auto it = h.rows.find(row.control_number);
        if (it == h.rows.end()) {
            h.rows.emplace(row.control_number, uf::holding_csv(row));
            if (own_key) explicit_keys.insert(row.control_number);
            return;
        }
        ++h.merged;
        if (own_key || explicit_keys.count(row.control_number) != 0) {
            // The same control number again: a later export line of the same record.
            it->second = uf::holding_csv(row);
            note_problem(h, parsed.where, "control number '" + row.control_number + "' again: the later record kept");
            return;
        }
        // Another catalogue entry of the same book: one holding with the copies of both.
        uf::HoldingRow first;
        catalog::union_files::read_holdings(
            uf::snapshot_header() + it->second, false, [&](uf::HoldingRow&& r, std::size_t) { first = std::move(r); },
            [](uf::RowProblem&&) {});
        it->second = uf::with_counts(it->second, std::min(first.copies + row.copies, uf::kMaxCopies),
                                     std::min(first.available + row.available, uf::kMaxCopies));
    };
    sink.on_skipped = [&](catalog::SkippedRecord&& s) {
        ++h.records;
        ++h.skipped_total;
        note_problem(h, s.where, "skipped: " + s.reason);
    };
    try {
        switch (*format) {
            case catalog::ImportFormat::Marc: catalog::read_marc(bytes, sink); break;
            case catalog::ImportFormat::MarcXml: catalog::read_marcxml(bytes, sink); break;
            case catalog::ImportFormat::Csv: catalog::read_csv(bytes, sink); break;
        }
    } catch (const catalog::ImportFormatError& e) {
        throw ContentError(file.string() + " is unusable: " + e.what());
    }
    return h;
}

HoldingsDiff diff_holdings(const std::map<std::string, std::string>& before,
                           const std::map<std::string, std::string>& after) {
    HoldingsDiff d;
    auto b = before.begin();
    auto a = after.begin();
    while (b != before.end() || a != after.end()) {
        if (a == after.end() || (b != before.end() && b->first < a->first)) {
            d.deletes.push_back(b->first);
            ++b;
        } else if (b == before.end() || a->first < b->first) {
            d.upserts.emplace_back(a->first, a->second);
            ++a;
        } else {
            if (a->second != b->second) d.upserts.emplace_back(a->first, a->second);
            ++a;
            ++b;
        }
    }
    return d;
}

bool needs_new_snapshot(std::int64_t snapshot_bytes, const std::vector<std::int64_t>& chain_bytes,
                        std::int64_t delta_bytes) {
    if (chain_bytes.size() + 1 > kMaxDeltaChain) return true;
    std::int64_t total = delta_bytes;
    for (const auto b : chain_bytes) total += b;
    return total > snapshot_bytes / 2;
}

std::string delta_file(const std::vector<std::pair<std::string, HoldingsDiff>>& diffs) {
    std::string out = uf::delta_header();
    for (const auto& [library_id, diff] : diffs) {
        for (const auto& key : diff.deletes) out += uf::delta_delete(library_id, key);
        for (const auto& [key, row] : diff.upserts) out += uf::delta_upsert(row);
    }
    return out;
}

UnionPublishResult publish_union_catalog(SqlDb& db, const fs::path& data_dir, const sync::SignSecretKey& key,
                                         const std::vector<LibraryPublish>& libraries,
                                         const std::vector<std::string>& remove, std::int64_t now) {
    const auto started = std::chrono::steady_clock::now();
    std::set<std::string> named;
    for (const auto& l : libraries)
        if (!named.insert(l.library.library_id).second)
            throw ContentError("library '" + l.library.library_id + "' is named twice");
    for (const auto& id : remove)
        if (!named.insert(id).second) throw ContentError("library '" + id + "' is both published and removed");
    if (libraries.empty() && remove.empty()) throw ContentError("nothing to publish");

    UnionPublishResult result;
    SqlTransaction tx(db);
    const std::string channel(kChannel);
    const std::int64_t version = next_channel_version(db, channel, now);  // locks the channel until commit
    const auto chain = current_chain(db, data_dir, version - 1);

    // The libraries after this version, and what changes.
    const auto before = union_libraries(db);
    std::map<std::string, uf::LibraryRow> after;
    for (const auto& l : before) after.emplace(l.library_id, l);
    for (const auto& id : remove) {
        if (after.erase(id) == 0) throw ContentError("library '" + id + "' is not in the union catalogue");
        result.libraries.push_back({id, 0, 0, 0, true});
    }
    for (const auto& l : libraries) after[l.library.library_id] = l.library;
    std::vector<uf::LibraryRow> listed;
    for (const auto& [id, l] : after) listed.push_back(l);
    const std::string libraries_text = uf::libraries_file(listed);

    std::vector<std::pair<std::string, HoldingsDiff>> diffs;
    bool holdings_changed = false;
    for (const auto& l : libraries) {
        auto diff = diff_holdings(stored_holdings(db, l.library.library_id), l.holdings.rows);
        holdings_changed = holdings_changed || !diff.empty();
        result.libraries.push_back({l.library.library_id, l.holdings.rows.size(), diff.upserts.size(),
                                    diff.deletes.size(), false});
        result.upserted += diff.upserts.size();
        result.deleted += diff.deletes.size();
        diffs.emplace_back(l.library.library_id, std::move(diff));
    }
    if (chain && remove.empty() && !holdings_changed && libraries_text == uf::libraries_file(before)) {
        // No new version: the transaction rolls the version number back.
        const auto current = db.query("SELECT body FROM manifests WHERE channel = $1 AND version = $2",
                                      {channel, version - 1});
        result.publish = {parse_manifest_body(current.at(0).text(0)), true};
        return result;
    }

    // The database first: a new snapshot is read back from it.
    for (const auto& id : remove) {
        db.execute("DELETE FROM union_holdings WHERE library_id = $1", {id});
        db.execute("DELETE FROM union_libraries WHERE library_id = $1", {id});
    }
    for (const auto& l : libraries)
        db.execute("INSERT INTO union_libraries (library_id, name, village_code, updated_at) VALUES ($1, $2, $3, $4) "
                   "ON CONFLICT (library_id) DO UPDATE SET name = excluded.name, village_code = excluded.village_code, "
                   "updated_at = excluded.updated_at",
                   {l.library.library_id, l.library.name, l.library.village_code, now});
    for (const auto& [id, diff] : diffs) write_holdings(db, id, diff, version);
    db.execute("UPDATE counters SET value = $1 WHERE name = 'union_version'", {version});

    sync::Manifest m{channel, version, now, {}};
    const auto libraries_file = store_bytes(data_dir, "libraries.csv", libraries_text);
    result.libraries_bytes = libraries_file.size;
    m.files.push_back(libraries_file);
    const std::string delta_text = delta_file(diffs);
    std::vector<std::int64_t> chain_bytes;
    if (chain)
        for (const auto& d : chain->deltas) chain_bytes.push_back(d.size);
    // A removed library's rows are not in any delta: the kiosks drop them with libraries.csv, and a
    // new snapshot keeps a kiosk that skips versions from keeping them.
    result.new_snapshot = !chain || !remove.empty() ||
                          needs_new_snapshot(chain->snapshot.size, chain_bytes, static_cast<std::int64_t>(delta_text.size()));
    if (result.new_snapshot) {
        const auto snapshot = store_bytes(data_dir, "snapshot-" + std::to_string(version) + ".csv", snapshot_file(db));
        result.snapshot_bytes = snapshot.size;
        m.files.push_back(snapshot);
    } else {
        m.files.push_back(chain->snapshot);
        for (const auto& d : chain->deltas) m.files.push_back(d);
        const auto delta = store_bytes(data_dir, "delta-" + std::to_string(version) + ".csv", delta_text);
        result.delta_bytes = delta.size;
        m.files.push_back(delta);
        result.deltas_in_chain = chain->deltas.size() + 1;
    }
    record_version(db, key, m);
    tx.commit();
    result.publish = {m, false};
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace desa::hub
