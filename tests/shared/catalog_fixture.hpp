#pragma once
// A small hand-written village library catalogue for the search tests: Indonesian and English
// titles, names written several ways, diacritics, Indonesian affixes, copies on the shelf and on
// loan in several places. Each record is there for at least one row of test_catalog_search.cpp.
#include <initializer_list>
#include <string>
#include <vector>

#include "catalog/catalog_store.hpp"
#include "storage/kiosk_schema.hpp"
#include "test_support.hpp"

namespace desa::test {

struct FixtureCopy {
    const char* location;
    catalog::CopyStatus status;
};

struct FixtureRecord {
    const char* title;
    std::vector<std::string> authors;
    std::vector<std::string> subjects;
    const char* series;
    const char* publisher;
    int year;
    const char* language;
    std::vector<std::string> isbns;
    std::vector<FixtureCopy> copies;
    const char* material_type = "book";
    const char* call_number = "";
};

inline const std::vector<FixtureRecord>& fixture_records() {
    using S = catalog::CopyStatus;
    static const std::vector<FixtureRecord> records{
        // The older edition first, so only the availability tie-break can put the other first.
        {"Laskar Pelangi", {"Hirata, Andrea"}, {"Fiksi Indonesia", "Pendidikan"}, "Tetralogi Laskar Pelangi",
         "Bentang Pustaka", 2005, "ind", {"978-602-291-093-0"}, {{"Rak A", S::OnLoan}}, "book", "899.221 HIR l"},
        {"Laskar Pelangi", {"Hirata, Andrea"}, {"Fiksi Indonesia", "Pendidikan"}, "Tetralogi Laskar Pelangi",
         "Bentang Pustaka", 2005, "ind", {"9793062797"}, {{"Rak A", S::Available}}, "book", "899.221 HIR l"},
        {"Perpustakaan Desa dan Literasi", {"Sutanto, Budi"}, {"Perpustakaan", "Literasi"}, "", "Balai Pustaka",
         2019, "ind", {}, {{"Rak A", S::Available}}},
        {"Membangun Minat Baca", {"Wijaya, Sri"}, {"Literasi"}, "", "Erlangga", 2018, "ind", {},
         {{"Rak A", S::Available}}},
        {"Bertani Cabai Organik", {"Siregar, Rina"}, {"Cabai", "Hortikultura"}, "", "Penebar Swadaya", 2015, "ind",
         {}, {{"Rak B", S::Available}}},
        {"Harry Potter and the Philosopher's Stone", {"Rowling, J. K."}, {"Fiction", "Magic"}, "Harry Potter",
         "Bloomsbury", 1997, "eng", {"9780747532699"}, {{"Anak", S::Available}}},
        {"Harry Potter and the Chamber of Secrets", {"Rowling, J. K."}, {"Fiction", "Magic"}, "Harry Potter",
         "Bloomsbury", 1998, "eng", {"0747538492"}, {{"Anak", S::OnLoan}}},
        {"Łódź: Miasto Przemysłu", {"Kowalski, Jan"}, {"Poland"}, "", "Wydawnictwo Łódzkie", 2010, "pol", {},
         {{"Referensi", S::Available}}},
        {"Café Society: Straße und Ærø", {"Müller, Jürgen"}, {"Reisen"}, "", "Dietz", 2001, "ger", {},
         {{"Referensi", S::Available}}},
        {"Bumi", {"Liye, Tere"}, {"Fiksi Indonesia"}, "", "Gramedia Pustaka Utama", 2014, "ind",
         {"978-602-03-0129-7"}, {{"Rak C", S::Available}}},
        {"Rindu", {"Liye, Tere"}, {"Fiksi Indonesia"}, "", "Republika", 2014, "ind", {}, {{"Rak B", S::Available}}},
        {"Bumi Manusia", {"Toer, Pramoedya Ananta"}, {"Fiksi sejarah"}, "Tetralogi Buru", "Hasta Mitra", 1980,
         "ind", {"9792231811"}, {{"Rak C", S::Available}, {"Rak A", S::OnLoan}}},
        {"Anak Semua Bangsa", {"Toer, Pramoedya Ananta"}, {"Fiksi sejarah"}, "Tetralogi Buru", "Hasta Mitra", 1981,
         "ind", {}, {{"Rak C", S::Available}}},
        {"Bumiputera dan Kolonialisme", {"Nasution, Ahmad"}, {"Sejarah Indonesia"}, "", "Balai Pustaka", 1975,
         "ind", {}, {{"Gudang", S::Available}}},
        {"The Hobbit", {"Tolkien, J. R. R."}, {"Fantasy"}, "", "Allen & Unwin", 1937, "eng", {"0261102214"},
         {{"Rak D", S::Available}}},
        {"The Lord of the Rings", {"Tolkien, J. R. R."}, {"Fantasy"}, "", "Allen & Unwin", 1954, "eng",
         {"9780261103689"}, {{"Rak D", S::OnLoan}}},
        {"Kesehatan Ibu dan Anak", {"Dewi, Sri"}, {"Kesehatan"}, "", "Kementerian Kesehatan", 2018, "ind", {},
         {{"Rak D", S::Available}}},
        {"Buku Pintar Padi Sawah", {"Hartono, Agus"}, {"Padi"}, "", "Penebar Swadaya", 2012, "ind", {},
         {{"Rak B", S::Available}}},
        {"Ilmu Pengetahuan Alam untuk SD", {"Santoso, Eka"}, {"Sains"}, "", "Erlangga", 2016, "ind", {},
         {{"Anak", S::Available}}},
        {"Koperasi Desa Mandiri", {"Harahap, Joko"}, {"Koperasi", "Ekonomi desa"}, "", "Pustaka Desa", 2020, "ind",
         {}, {{"Rak B", S::Available}}},
        {"Sejarah Lampung", {"Pane, Ali"}, {"Sejarah", "Lampung"}, "", "Pemerintah Provinsi Lampung", 1995, "ind",
         {}, {{"Referensi", S::Available}}},
        {"Majalah Trubus Edisi Maret", {}, {"Hortikultura"}, "", "Trubus Swadaya", 2021, "ind", {},
         {{"Majalah", S::Available}}, "magazine"},
        {"Peta Provinsi Lampung", {}, {"Peta", "Lampung"}, "", "Badan Informasi Geospasial", 2017, "ind", {},
         {{"Referensi", S::Available}}, "map"},
        {"Belajar Membaca untuk Anak", {"Lestari, Dewi"}, {"Membaca"}, "", "Erlangga", 2011, "ind", {},
         {{"Anak", S::Available}}},
        {"Teknik Menulis Kreatif", {"Kurniawan, Eka"}, {"Menulis"}, "", "Gramedia Pustaka Utama", 2013, "ind", {},
         {{"Rak B", S::Available}}},
        {"Sapu Tangan Merah", {"Utami, Ayu"}, {"Novel"}, "", "Kompas", 2009, "ind", {}, {{"Rak C", S::Available}}},
        {"Pukul Tujuh Pagi", {"Chudori, Leila"}, {"Cerita pendek"}, "", "Kompas", 2003, "ind", {},
         {{"Rak C", S::Available}}},
        {"Pemrograman C++ untuk Pemula (Edisi \"Revisi\")", {"Simatupang, Made"}, {"Komputer"}, "", "Andi Offset",
         2021, "ind", {}, {{"Rak D", S::Available}}},
        {"Resep Masakan Nusantara", {"Rusli, Siti"}, {"Masakan"}, "", "Gramedia Pustaka Utama", 2009, "ind", {},
         {{"Rak B", S::Available}}},
        {"Dongeng Sebelum Tidur", {"Anwar, Chairil"}, {"Dongeng"}, "", "Balai Pustaka", 1999, "ind", {}, {}},
    };
    return records;
}

// A kiosk database holding the fixture, plus one withdrawn record that must never be found.
struct CatalogFixture {
    TempDir dir;
    storage::Database db = storage::open_kiosk_database(dir.path());
    catalog::CatalogStore store{db};

    CatalogFixture() {
        storage::Transaction tx(db);
        int n = 0;
        for (const FixtureRecord& f : fixture_records()) {
            catalog::Record r;
            r.control_number = "FIX-" + std::to_string(++n);
            r.title = f.title;
            r.authors = f.authors;
            r.subjects = f.subjects;
            r.series = f.series;
            r.publisher = f.publisher;
            r.year = f.year;
            r.language = f.language;
            r.isbns = f.isbns;
            r.material_type = f.material_type;
            r.call_number = f.call_number;
            int c = 0;
            for (const FixtureCopy& fc : f.copies) {
                catalog::Copy copy;
                copy.barcode = r.control_number + "-" + std::to_string(++c);
                copy.location = fc.location;
                copy.status = fc.status;
                if (fc.status == catalog::CopyStatus::OnLoan) copy.due_unix = 1'900'000'000;
                r.copies.push_back(copy);
            }
            store.upsert(r);
        }
        catalog::Record gone;
        gone.title = "Buku Ditarik dari Koleksi";
        gone.subjects = {"Literasi"};
        store.upsert(gone);
        store.withdraw(gone.id);
        tx.commit();
    }
};

}  // namespace desa::test
