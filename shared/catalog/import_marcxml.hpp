#pragma once
// MARCXML, the Library of Congress "slim" schema (http://www.loc.gov/MARC21/slim): <collection> of
// <record>s with <leader>, <controlfield tag> and <datafield tag ind1 ind2> of <subfield code>.
// Parsed with expat; records map to Record through the same code as ISO 2709 (marc_mapping.hpp).
//
// Elements count when they are in the MARC namespace or in none, so records wrapped in OAI-PMH
// responses are found too. Malformed XML (including a file cut off in the middle) throws
// ImportFormatError naming the line and column: the file as a whole is unusable. A record without a
// title (245 $a) or with a datafield lacking its tag is skipped with the reason.
#include <string_view>

#include "catalog/import_types.hpp"

namespace desa::catalog {

void read_marcxml(std::string_view bytes, const RecordSink& sink);
ParseResult read_marcxml(std::string_view bytes);

}  // namespace desa::catalog
