#include "regions/region_registry.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace desa::regions {

namespace {

struct Record {
    int line;  // line on which the record starts (a quoted field may span lines)
    std::vector<std::string> fields;
};

[[noreturn]] void fail(std::string_view source, int line, const std::string& message) {
    throw std::runtime_error(std::string(source) + ":" + std::to_string(line) + ": " + message);
}

// RFC 4180: fields separated by commas, records by CRLF (LF alone accepted too); a field may be
// wrapped in double quotes and then contain commas, line breaks and "" for a literal quote.
std::vector<Record> split_csv(std::string_view text, std::string_view source) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // spreadsheet exports add a BOM
    std::vector<Record> records;
    Record current{1, {}};
    std::string field;
    int line = 1;
    std::size_t i = 0;
    bool record_open = false;  // anything read since the last record break

    auto end_record = [&] {
        current.fields.push_back(std::move(field));
        field.clear();
        records.push_back(std::move(current));
        ++line;
        current = Record{line, {}};
        record_open = false;
    };

    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            if (!field.empty()) fail(source, line, "quote inside an unquoted field");
            const int opened_on = line;
            ++i;
            for (;;) {
                if (i >= text.size()) {
                    fail(source, opened_on, "quoted field is not closed before the end of the file");
                }
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (text[i] == '\n') ++line;
                field += text[i++];
            }
            record_open = true;
            // After the closing quote only a separator or the end of the record may follow.
            if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                fail(source, line, "unexpected text after a closing quote");
            }
            continue;
        }
        if (c == ',') {
            current.fields.push_back(std::move(field));
            field.clear();
            record_open = true;
            ++i;
            continue;
        }
        if (c == '\n' || c == '\r') {  // LF, CRLF, or a lone CR (old spreadsheet exports)
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
            end_record();
            continue;
        }
        field += c;
        record_open = true;
        ++i;
    }
    if (record_open || !field.empty()) end_record();
    return records;
}

std::optional<RegionLevel> level_from_name(std::string_view name) {
    if (name == "provinsi") return RegionLevel::Province;
    if (name == "kabupaten_kota") return RegionLevel::Regency;
    if (name == "kecamatan") return RegionLevel::District;
    if (name == "desa_kelurahan") return RegionLevel::Village;
    return std::nullopt;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Segment widths of a Kemendagri code, per level: 18 / 18.01 / 18.01.04 / 18.01.04.2001.
bool has_shape(std::string_view code, std::initializer_list<std::size_t> widths) {
    std::size_t pos = 0;
    bool first = true;
    for (std::size_t width : widths) {
        if (!first) {
            if (pos >= code.size() || code[pos] != '.') return false;
            ++pos;
        }
        first = false;
        if (pos + width > code.size() || !all_digits(code.substr(pos, width))) return false;
        pos += width;
    }
    return pos == code.size();
}

bool has_level_shape(std::string_view code, RegionLevel level) {
    switch (level) {
        case RegionLevel::Province: return has_shape(code, {2});
        case RegionLevel::Regency: return has_shape(code, {2, 2});
        case RegionLevel::District: return has_shape(code, {2, 2, 2});
        case RegionLevel::Village: return has_shape(code, {2, 2, 2, 4});
    }
    return false;
}

const char* shape_of(RegionLevel level) {
    switch (level) {
        case RegionLevel::Province: return "NN";
        case RegionLevel::Regency: return "NN.NN";
        case RegionLevel::District: return "NN.NN.NN";
        case RegionLevel::Village: return "NN.NN.NN.NNNN";
    }
    return "?";
}

}  // namespace

bool looks_like_village_code(std::string_view code) {
    return has_level_shape(code, RegionLevel::Village);
}

RegionRegistry RegionRegistry::load_csv(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw std::runtime_error(file.string() + ": cannot open region file (" + std::strerror(errno) + ")");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw std::runtime_error(file.string() + ": cannot read region file");
    return parse_csv(buffer.str(), file.string());
}

RegionRegistry RegionRegistry::parse_csv(std::string_view text, std::string_view source_name) {
    const std::vector<Record> records = split_csv(text, source_name);
    if (records.empty()) fail(source_name, 1, "empty file, expected header code,parent_code,level,name");
    const std::vector<std::string> header{"code", "parent_code", "level", "name"};
    if (records.front().fields != header) {
        fail(source_name, records.front().line, "expected header code,parent_code,level,name");
    }

    RegionRegistry registry;
    std::vector<int> lines;  // source line of each region, for the parent check below
    for (std::size_t r = 1; r < records.size(); ++r) {
        const Record& rec = records[r];
        if (rec.fields.size() == 1 && rec.fields[0].empty()) continue;  // blank line
        if (rec.fields.size() != 4) {
            fail(source_name, rec.line,
                 "expected 4 columns (code,parent_code,level,name), found " +
                     std::to_string(rec.fields.size()));
        }
        const std::string& code = rec.fields[0];
        const std::string& parent = rec.fields[1];
        const auto level = level_from_name(rec.fields[2]);
        if (!level) {
            fail(source_name, rec.line,
                 "unknown level '" + rec.fields[2] +
                     "' (expected provinsi, kabupaten_kota, kecamatan or desa_kelurahan)");
        }
        if (!has_level_shape(code, *level)) {
            fail(source_name, rec.line,
                 "code '" + code + "' does not have the shape " + shape_of(*level) + " of a " +
                     rec.fields[2]);
        }
        // The parent of 18.01.04 is 18.01: the code itself says so, the column must agree.
        const std::string expected_parent =
            *level == RegionLevel::Province ? std::string() : code.substr(0, code.rfind('.'));
        if (parent != expected_parent) {
            fail(source_name, rec.line,
                 "parent_code '" + parent + "' does not match code '" + code + "' (expected '" +
                     expected_parent + "')");
        }
        if (rec.fields[3].empty()) fail(source_name, rec.line, "name is empty");
        const auto [it, inserted] = registry.by_code_.emplace(code, registry.regions_.size());
        if (!inserted) {
            fail(source_name, rec.line,
                 "duplicate code '" + code + "' (first on line " + std::to_string(lines[it->second]) +
                     ")");
        }
        registry.regions_.push_back(Region{code, parent, *level, rec.fields[3]});
        lines.push_back(rec.line);
    }
    // Checked after loading, so the file's order does not matter.
    for (std::size_t i = 0; i < registry.regions_.size(); ++i) {
        const Region& region = registry.regions_[i];
        if (!region.parent_code.empty() && registry.find(region.parent_code) == nullptr) {
            fail(source_name, lines[i],
                 "parent '" + region.parent_code + "' of '" + region.code + "' is not in the file");
        }
    }
    return registry;
}

const Region* RegionRegistry::find(std::string_view code) const {
    const auto it = by_code_.find(std::string(code));
    return it == by_code_.end() ? nullptr : &regions_[it->second];
}

std::vector<const Region*> RegionRegistry::ancestry(std::string_view code) const {
    std::vector<const Region*> chain;
    for (const Region* r = find(code); r != nullptr;
         r = r->parent_code.empty() ? nullptr : find(r->parent_code)) {
        chain.push_back(r);
    }
    std::reverse(chain.begin(), chain.end());
    return chain;
}

const Region* RegionRegistry::district_for_nik_prefix(std::string_view six_digits) const {
    if (six_digits.size() != 6 || !all_digits(six_digits)) return nullptr;
    std::string code;
    code.reserve(8);
    code.append(six_digits.substr(0, 2)).append(".");
    code.append(six_digits.substr(2, 2)).append(".");
    code.append(six_digits.substr(4, 2));
    const Region* r = find(code);
    return r != nullptr && r->level == RegionLevel::District ? r : nullptr;
}

}  // namespace desa::regions
