#pragma once
// A MARC 21 record as the file carries it, before mapping to our Record: the leader, control fields
// (tags 001-009, no indicators or subfields) and data fields with two indicators and subfields. The
// ISO 2709 reader and writer and the MARCXML reader all speak this, so the field -> Record mapping
// exists once (marc_mapping.hpp). Text is UTF-8 by the time it is stored here.
#include <string>
#include <string_view>
#include <vector>

namespace desa::catalog {

struct MarcSubfield {
    char code = 'a';
    std::string value;
};

struct MarcField {
    std::string tag;       // three characters, "245"
    char ind1 = ' ', ind2 = ' ';
    std::string control;   // data of a control field (00X)
    std::vector<MarcSubfield> subfields;

    bool is_control() const { return is_control_tag(tag); }
    // First subfield with `code`, "" when absent.
    std::string_view first(char code) const {
        for (const auto& sf : subfields)
            if (sf.code == code) return sf.value;
        return {};
    }
    // MARC 21 reserves 001-009 for control fields; "00" plus any character counts as one too.
    static bool is_control_tag(std::string_view tag) { return tag.size() == 3 && tag[0] == '0' && tag[1] == '0'; }
};

struct MarcRecord {
    std::string leader;  // 24 characters
    std::vector<MarcField> fields;

    const MarcField* field(std::string_view tag) const {
        for (const auto& f : fields)
            if (f.tag == tag) return &f;
        return nullptr;
    }
};

}  // namespace desa::catalog
