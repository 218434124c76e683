#include "catalog/marc_mapping.hpp"

#include <algorithm>
#include <string_view>

#include "catalog/import_text.hpp"
#include "catalog/isbn.hpp"

namespace desa::catalog {

namespace {

template <typename T>
void add_unique(std::vector<T>& list, T value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

bool is_blank_code(std::string_view code) {
    return code.find_first_not_of(" |#^") == std::string_view::npos;
}

// Everything record_from_marc needs while walking the fields.
class Mapper {
public:
    explicit Mapper(const MarcRecord& marc) : marc_(marc) {
        leader_ = marc.leader;
        leader_.resize(24, ' ');
        isbd_omitted_ = leader_[18] == 'c';
    }

    MarcMapping run() {
        MarcMapping out;
        const MarcField* title_field = marc_.field("245");
        if (title_field == nullptr || trim(title_field->first('a')).empty()) {
            out.skip_reason = title_field == nullptr ? "no title: field 245 is missing" : "no title: 245 $a is empty";
            return out;
        }
        Record r;
        r.material_type = material_type_from_leader(leader_[6], leader_[7]);
        title(*title_field, r);
        for (const auto& f : marc_.fields) field(f, r);
        authors(r);
        publication(r);
        fallbacks(r);
        holdings(r);
        out.record = std::move(r);
        out.warnings = std::move(warnings_);
        out.copy_status_known = copy_status_known_;
        return out;
    }

private:
    std::string clean(std::string_view s, Isbd mode) const {
        return isbd_omitted_ ? std::string(trim(s)) : strip_isbd(s, mode);
    }

    void title(const MarcField& f, Record& r) {
        r.title = clean(f.first('a'), Isbd::Title);
        // Part number and name belong to the title proper: "Laskar pelangi. Bagian 2".
        for (const auto& sf : f.subfields) {
            if (sf.code != 'n' && sf.code != 'p') continue;
            if (const std::string part = clean(sf.value, Isbd::Title); !part.empty()) r.title += ". " + part;
        }
        r.subtitle = clean(f.first('b'), Isbd::Title);
    }

    void field(const MarcField& f, Record& r) {
        const std::string_view tag = f.tag;
        if (tag == "001") {
            r.control_number = std::string(trim(f.control));
        } else if (tag == "020") {
            for (const auto& sf : f.subfields) {
                if (sf.code != 'a' || trim(sf.value).empty()) continue;
                if (auto isbn = isbn_from_spreadsheet_cell(sf.value)) {
                    add_unique(r.isbns, *isbn);
                } else {
                    warnings_.push_back("ISBN '" + std::string(trim(sf.value)) + "' in 020 is not valid; left out");
                }
            }
        } else if (tag == "041" && r.language.empty()) {
            std::string_view code = trim(f.first('a'));
            // Older records pack several codes into one subfield: "indeng".
            if (code.size() > 3 && code.size() % 3 == 0 &&
                std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
                code = code.substr(0, 3);
            r.language = normalize_language(code);
        } else if (tag == "082" || tag == "084" || tag == "090") {
            std::string number = std::string(trim(f.first('a')));
            if (tag == "082")
                number.erase(std::remove(number.begin(), number.end(), '/'), number.end());  // DDC segments
            if (const auto item = trim(f.first('b')); !item.empty()) number += " " + std::string(item);
            // 090 (local call number) beats 084 (other classification) beats 082 (DDC).
            const int rank = tag == "090" ? 3 : tag == "084" ? 2 : 1;
            if (!number.empty() && rank > call_number_rank_) {
                r.call_number = std::string(trim(number));
                call_number_rank_ = rank;
            }
        } else if (tag == "250" && r.edition.empty()) {
            r.edition = clean(f.first('a'), Isbd::Separators);
        } else if (tag == "300" && r.extent.empty()) {
            r.extent = clean(f.first('a'), Isbd::Separators);
        } else if (tag == "490" || tag == "440" || tag == "830") {
            const int rank = tag == "490" ? 3 : tag == "440" ? 2 : 1;
            if (std::string s = clean(f.first('a'), Isbd::Title); !s.empty() && rank > series_rank_) {
                r.series = std::move(s);
                series_rank_ = rank;
            }
        } else if (tag == "500") {
            for (const auto& sf : f.subfields) {
                if (sf.code != 'a') continue;
                if (notes_started_) r.notes += '\n';
                r.notes += sf.value;
                notes_started_ = true;
            }
        } else if (is_subject_tag(tag)) {
            subject(f, r);
        } else if (tag == "990") {
            if (const auto c = trim(f.first('c')); !c.empty()) r.collection = std::string(c);
            if (const auto t = trim(f.first('t')); !t.empty()) r.material_type = std::string(t);
        }
    }

    static bool is_subject_tag(std::string_view tag) {
        return tag == "600" || tag == "610" || tag == "611" || tag == "630" || tag == "648" || tag == "650" ||
               tag == "651" || tag == "653" || tag == "655";
    }

    void subject(const MarcField& f, Record& r) {
        std::string heading;
        for (const auto& sf : f.subfields) {
            const bool main = sf.code == 'a';
            if (!main && sf.code != 'x' && sf.code != 'y' && sf.code != 'z' && sf.code != 'v') continue;
            const std::string part = clean(sf.value, Isbd::Title);
            if (part.empty()) continue;
            if (!heading.empty()) heading += " -- ";
            heading += part;
        }
        if (!heading.empty()) add_unique(r.subjects, heading);
    }

    void authors(Record& r) {
        // Main entry (1XX) first, then added entries (7XX), each in file order.
        for (const char* group : {"1", "7"}) {
            for (const auto& f : marc_.fields) {
                if (f.tag.size() != 3 || f.tag[0] != group[0]) continue;
                const std::string_view kind = std::string_view(f.tag).substr(1);
                if (kind != "00" && kind != "10" && kind != "11") continue;  // person, body, meeting
                std::string name = clean(f.first('a'), Isbd::Name);
                if (kind == "10") {  // corporate body with units: "Indonesia. Departemen ..."
                    for (const auto& sf : f.subfields)
                        if (sf.code == 'b')
                            if (std::string unit = clean(sf.value, Isbd::Name); !unit.empty()) name += ". " + unit;
                }
                if (!name.empty()) add_unique(r.authors, name);
            }
        }
    }

    void publication(Record& r) {
        // RDA 264 with second indicator 1 is "publication"; other 264s are production, copyright.
        const MarcField* chosen = nullptr;
        for (const auto& f : marc_.fields)
            if (f.tag == "264" && f.ind2 == '1') {
                chosen = &f;
                break;
            }
        if (chosen == nullptr) chosen = marc_.field("260");
        if (chosen == nullptr) chosen = marc_.field("264");
        if (chosen == nullptr) return;
        r.place = clean(chosen->first('a'), Isbd::Name);
        r.publisher = clean(chosen->first('b'), Isbd::Name);
        if (const auto c = trim(chosen->first('c')); !c.empty()) {
            r.year = parse_year(c);
            if (!r.year) warnings_.push_back("year '" + std::string(c) + "' not understood");
        }
    }

    void fallbacks(Record& r) {
        const MarcField* f008 = marc_.field("008");
        if (f008 == nullptr || f008->control.size() < 38) return;
        const std::string_view fixed = f008->control;
        if (!r.year) {
            const std::string_view date1 = fixed.substr(7, 4);
            if (std::all_of(date1.begin(), date1.end(), [](char c) { return c >= '0' && c <= '9'; }))
                r.year = parse_year(date1);
        }
        if (r.language.empty() && !is_blank_code(fixed.substr(35, 3)))
            r.language = normalize_language(fixed.substr(35, 3));
    }

    struct HoldingTag {
        std::string_view tag;
        std::string_view barcode, location, call_number;  // subfield codes by preference
    };

    void holdings(Record& r) {
        static constexpr HoldingTag kTags[] = {
            {"852", "p", "bca", "khim"},
            {"952", "p", "ca", "o"},
            {"949", "pi", "lc", "ha"},
            {"999", "pi", "lc", "ha"},
        };
        for (const auto& spec : kTags) {
            bool any = false;
            for (const auto& f : marc_.fields) {
                if (f.tag != spec.tag) continue;
                any = true;
                copy(f, spec, r);
            }
            if (any) return;  // the first holdings convention present wins
        }
    }

    void copy(const MarcField& f, const HoldingTag& spec, Record& r) {
        auto first_of = [&f](std::string_view codes) {
            for (char code : codes)
                if (auto v = trim(f.first(code)); !v.empty()) return std::string(v);
            return std::string();
        };
        Copy c;
        c.barcode = first_of(spec.barcode);  // may be empty: an unlabelled copy (village libraries
                                             // often have no barcodes; the store keeps those too)
        c.location = first_of(spec.location);
        if (spec.tag == "852") {
            for (char code : spec.call_number) {  // prefix, classification, item part, suffix
                for (const auto& sf : f.subfields) {
                    if (sf.code != code || trim(sf.value).empty()) continue;
                    if (!c.call_number.empty()) c.call_number += ' ';
                    c.call_number += trim(sf.value);
                }
            }
            if (const auto own = f.first('9'); !trim(own).empty()) {
                status(own, c);
                copy_status_known_ = true;
            }
        } else {
            c.call_number = first_of(spec.call_number);
        }
        for (const auto& existing : r.copies) {
            if (!c.barcode.empty() && existing.barcode == c.barcode) {
                warnings_.push_back("barcode " + c.barcode + " appears twice; second copy left out");
                return;
            }
        }
        r.copies.push_back(std::move(c));
    }

    // Our own 852 $9: "on_loan:1718000000".
    void status(std::string_view value, Copy& c) {
        value = trim(value);
        if (value.empty()) return;
        const auto colon = value.find(':');
        if (auto s = copy_status_from_name(value.substr(0, colon))) c.status = *s;
        if (colon == std::string_view::npos) return;
        const std::string due(value.substr(colon + 1));
        try {
            std::size_t used = 0;
            const long long seconds = std::stoll(due, &used);
            if (used == due.size()) c.due_unix = seconds;
        } catch (const std::exception&) {
            warnings_.push_back("due date '" + due + "' in 852 $9 not understood");
        }
    }

    const MarcRecord& marc_;
    std::string leader_;
    bool isbd_omitted_ = false;
    int call_number_rank_ = 0;
    int series_rank_ = 0;
    bool notes_started_ = false;
    bool copy_status_known_ = false;
    std::vector<std::string> warnings_;
};

MarcField data_field(std::string tag, char ind1, char ind2, std::vector<MarcSubfield> subfields) {
    MarcField f;
    f.tag = std::move(tag);
    f.ind1 = ind1;
    f.ind2 = ind2;
    f.subfields = std::move(subfields);
    return f;
}

void add_simple(MarcRecord& m, const char* tag, char ind1, char ind2, const std::string& value) {
    if (!value.empty()) m.fields.push_back(data_field(tag, ind1, ind2, {{'a', value}}));
}

}  // namespace

std::string material_type_from_leader(char type, char level) {
    switch (type) {
        case 'a': return level == 's' || level == 'b' ? "magazine" : "book";
        case 't': return "manuscript";
        case 'e':
        case 'f': return "map";
        case 'c':
        case 'd': return "music_score";
        case 'g': return "audiovisual";
        case 'i':
        case 'j': return "audio";
        case 'k': return "image";
        case 'm': return "electronic";
        case 'o':
        case 'p': return "kit";
        case 'r': return "object";
        default: return "book";
    }
}

std::pair<char, char> leader_codes_for(std::string_view type) {
    if (type == "magazine") return {'a', 's'};
    if (type == "manuscript") return {'t', 'm'};
    if (type == "map") return {'e', 'm'};
    if (type == "music_score") return {'c', 'm'};
    if (type == "audiovisual") return {'g', 'm'};
    if (type == "audio") return {'j', 'm'};
    if (type == "image") return {'k', 'm'};
    if (type == "electronic") return {'m', 'm'};
    if (type == "kit") return {'o', 'm'};
    if (type == "object") return {'r', 'm'};
    return {'a', 'm'};
}

MarcMapping record_from_marc(const MarcRecord& marc) { return Mapper(marc).run(); }

MarcRecord marc_from_record(const Record& r) {
    MarcRecord m;
    const auto [type, level] = leader_codes_for(r.material_type);
    // Lengths and base address are the writer's job; 09 'a' = UTF-8, 18 'c' = no ISBD punctuation.
    m.leader = "00000n" + std::string{type, level} + " a2200000 c 4500";

    if (!r.control_number.empty()) m.fields.push_back(MarcField{"001", ' ', ' ', r.control_number, {}});
    std::string fixed(40, ' ');
    if (r.year && *r.year >= 0 && *r.year <= 9999) {
        fixed[6] = 's';
        const std::string y = std::to_string(*r.year);
        fixed.replace(7, 4, std::string(4 - y.size(), '0') + y);
    } else {
        fixed[6] = 'n';
        fixed.replace(7, 4, "uuuu");
    }
    if (r.language.size() == 3 &&
        std::all_of(r.language.begin(), r.language.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        fixed.replace(35, 3, r.language);
    fixed[39] = 'd';
    m.fields.push_back(MarcField{"008", ' ', ' ', fixed, {}});

    for (const auto& isbn : r.isbns) add_simple(m, "020", ' ', ' ', isbn);
    add_simple(m, "041", ' ', ' ', r.language);
    add_simple(m, "090", ' ', ' ', r.call_number);
    for (std::size_t i = 0; i < r.authors.size(); ++i) add_simple(m, i == 0 ? "100" : "700", '1', ' ', r.authors[i]);

    std::vector<MarcSubfield> title{{'a', r.title}};
    if (!r.subtitle.empty()) title.push_back({'b', r.subtitle});
    m.fields.push_back(data_field("245", r.authors.empty() ? '0' : '1', '0', std::move(title)));

    add_simple(m, "250", ' ', ' ', r.edition);
    std::vector<MarcSubfield> publication;
    if (!r.place.empty()) publication.push_back({'a', r.place});
    if (!r.publisher.empty()) publication.push_back({'b', r.publisher});
    if (r.year) publication.push_back({'c', std::to_string(*r.year)});
    if (!publication.empty()) m.fields.push_back(data_field("264", ' ', '1', std::move(publication)));
    add_simple(m, "300", ' ', ' ', r.extent);
    add_simple(m, "490", '0', ' ', r.series);

    // One 500 per line, empty lines included, so the notes come back exactly.
    if (!r.notes.empty()) {
        std::size_t start = 0;
        while (true) {
            const auto end = r.notes.find('\n', start);
            m.fields.push_back(data_field("500", ' ', ' ', {{'a', r.notes.substr(start, end - start)}}));
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    for (const auto& s : r.subjects) add_simple(m, "650", ' ', '4', s);

    for (const auto& c : r.copies) {
        std::vector<MarcSubfield> holding;
        if (!c.location.empty()) holding.push_back({'b', c.location});
        if (!c.call_number.empty()) holding.push_back({'h', c.call_number});
        holding.push_back({'p', c.barcode});
        std::string status(copy_status_name(c.status));
        if (c.due_unix) status += ":" + std::to_string(*c.due_unix);
        holding.push_back({'9', status});
        m.fields.push_back(data_field("852", ' ', ' ', std::move(holding)));
    }
    std::vector<MarcSubfield> local;
    if (!r.collection.empty()) local.push_back({'c', r.collection});
    local.push_back({'t', r.material_type});
    m.fields.push_back(data_field("990", ' ', ' ', std::move(local)));
    return m;
}

}  // namespace desa::catalog
