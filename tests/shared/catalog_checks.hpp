#pragma once
// One comparison of two catalogue records for the import/export tests: every field a librarian
// sees (not database ids), and each copy's barcode, shelf, call number, loan status and due date.
#include <catch2/catch.hpp>

#include "catalog/record.hpp"

namespace desa::test {

inline void check_same_record(const catalog::Record& a, const catalog::Record& b) {
    INFO(a.title);
    CHECK(a.control_number == b.control_number);
    CHECK(a.title == b.title);
    CHECK(a.subtitle == b.subtitle);
    CHECK(a.authors == b.authors);
    CHECK(a.subjects == b.subjects);
    CHECK(a.series == b.series);
    CHECK(a.publisher == b.publisher);
    CHECK(a.place == b.place);
    CHECK(a.year == b.year);
    CHECK(a.edition == b.edition);
    CHECK(a.extent == b.extent);
    CHECK(a.isbns == b.isbns);
    CHECK(a.call_number == b.call_number);
    CHECK(a.language == b.language);
    CHECK(a.material_type == b.material_type);
    CHECK(a.collection == b.collection);
    CHECK(a.notes == b.notes);
    REQUIRE(a.copies.size() == b.copies.size());
    for (std::size_t i = 0; i < a.copies.size(); ++i) {
        INFO("copy " << a.copies[i].barcode);
        CHECK(a.copies[i].barcode == b.copies[i].barcode);
        CHECK(a.copies[i].location == b.copies[i].location);
        CHECK(a.copies[i].call_number == b.copies[i].call_number);
        CHECK(a.copies[i].status == b.copies[i].status);
        CHECK(a.copies[i].due_unix == b.copies[i].due_unix);
    }
}

}  // namespace desa::test
