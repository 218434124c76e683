#pragma once
// MARC 21 fields <-> Record, in one place for ISO 2709, MARCXML and export, so a file exported by
// the kiosk imports back field for field.
//
// Reading (tags as SLiMS and INLISLite write them, see BRIEF §2/§6):
//   leader/06-07 material type; leader/18 'c' = no ISBD punctuation, otherwise it is stripped
//   001 control number; 008/07-10 year and 008/35-37 language when 26x/041 have none
//   020 $a ISBNs (normalised to 13 digits; invalid ones left out with a warning; $z ignored)
//   041 $a language; 090 $a$b, else 084 $a$b, else 082 $a$b call number
//   100/110/111 then 700/710/711 $a (corporate names with $b) authors
//   245 $a (+$n $p) title, $b subtitle — a record without 245 $a is skipped
//   250 $a edition; 264 (second indicator 1 preferred) or 260 $a place, $b publisher, $c year
//   300 $a extent; 490 $a series (440, 830 as fallbacks); every 500 $a a line of notes
//   600/610/611/630/648/650/651/653/655 $a with $x $y $z $v subdivisions joined by " -- " subjects
//   Holdings -> copies: 852 $p barcode, $b location (else $c, else $a), $k $h $i $m call number.
//     When a record has no 852: 952 (Koha: $p, $c/$a, $o), then 949 and 999 (local conventions:
//     $p or $i barcode, $l or $c location, $h or $a call number). A holding without a barcode
//     becomes an unlabelled copy (many village libraries have no barcodes yet).
//   990 (local, ours) $c collection, $t material type; 852 $9 (local, ours) "status[:due_unix]".
//     Without 852 $9 the source says nothing about loans (copy_status_known false).
// Writing produces exactly the tags above (leader/18 'c', 264, 090, 100/700, 650, 852, 990).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/marc_record.hpp"
#include "catalog/record.hpp"

namespace desa::catalog {

struct MarcMapping {
    std::optional<Record> record;        // nullopt: skip it, see skip_reason
    std::string skip_reason;
    std::vector<std::string> warnings;   // imported anyway
    bool copy_status_known = false;      // 852 $9 present: copies carry their loan state
};

MarcMapping record_from_marc(const MarcRecord& marc);
MarcRecord marc_from_record(const Record& record);

// leader/06 (type of record) and leader/07 (bibliographic level) <-> our material type names.
std::string material_type_from_leader(char type_of_record, char bibliographic_level);
std::pair<char, char> leader_codes_for(std::string_view material_type);

}  // namespace desa::catalog
