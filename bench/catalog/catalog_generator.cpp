#include "catalog_generator.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "catalog/catalog_export.hpp"

namespace desa::bench {

namespace {

using sv = std::string_view;
using List = std::span<const sv>;

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// ---------------------------------------------------------------------------------------------
// Word lists. Written for this benchmark: everyday Indonesian and English words, the kind of
// subjects a village library holds (farming, health, village administration, religion, children's
// books, folk tales), names common in Indonesia and in English-speaking countries.

// Non-fiction by topic: the subject heading (Indonesian and English), its DDC class, the title
// heads and objects that go together ("Budidaya" + "Lele"), in Indonesian and in English.
struct Topic {
    sv subject_id, subject_en, ddc;
    List heads_id, objects_id, heads_en, objects_en;
};

constexpr sv kGeneralHeadsId[] = {"Panduan", "Pedoman", "Petunjuk Praktis", "Mengenal", "Belajar", "Dasar-Dasar",
                                  "Pengantar", "Buku Pintar", "Cara Mudah", "Kiat Sukses", "Seluk-Beluk",
                                  "Ensiklopedia", "Tanya Jawab"};
constexpr sv kGeneralHeadsEn[] = {"Introduction to", "A Guide to", "The Complete Guide to", "Principles of",
                                  "Foundations of", "Understanding", "Essentials of", "A Handbook of",
                                  "The Basics of", "Practical"};

constexpr sv kFarmHeadsId[] = {"Budidaya", "Teknik Budidaya", "Bertanam", "Agribisnis", "Panduan Menanam",
                               "Pengendalian Hama", "Pascapanen", "Sukses Bertanam", "Pemupukan"};
constexpr sv kFarmObjectsId[] = {"Padi Sawah", "Padi Gogo", "Jagung Manis", "Jagung Hibrida", "Cabai Rawit",
                                 "Cabai Merah", "Tomat", "Sayuran Organik", "Kopi Arabika", "Kopi Robusta",
                                 "Kakao", "Kelapa Sawit", "Singkong", "Ubi Jalar", "Kedelai", "Kacang Tanah",
                                 "Bawang Merah", "Tanaman Obat Keluarga", "Sayuran Hidroponik", "Jamur Tiram",
                                 "Durian", "Pisang", "Mangga", "Jeruk", "Salak", "Vanili", "Cengkeh", "Lada",
                                 "Tebu", "Tembakau", "Sayuran Dataran Tinggi", "Buah dalam Pot"};
constexpr sv kFarmHeadsEn[] = {"Growing", "Cultivation of", "Pests and Diseases of", "Harvesting",
                               "Introduction to", "Principles of"};
constexpr sv kFarmObjectsEn[] = {"Rice", "Maize", "Tropical Vegetables", "Coffee", "Cocoa", "Cassava",
                                 "Soybeans", "Chili Peppers", "Tropical Fruit", "Oil Palm", "Spices",
                                 "Organic Vegetables", "Soil Fertility", "Sustainable Agriculture"};

constexpr sv kAnimalHeadsId[] = {"Budidaya", "Beternak", "Sukses Beternak", "Pembesaran", "Pembenihan",
                                 "Pakan", "Penyakit", "Manajemen Pemeliharaan"};
constexpr sv kAnimalObjectsId[] = {"Ayam Kampung", "Ayam Petelur", "Ayam Pedaging", "Itik", "Bebek Peking",
                                   "Kambing Etawa", "Domba", "Sapi Potong", "Sapi Perah", "Kelinci", "Lele",
                                   "Nila", "Gurami", "Bandeng", "Udang Vaname", "Lebah Madu", "Puyuh",
                                   "Ikan Mas", "Belut", "Kepiting Bakau", "Rumput Laut"};
constexpr sv kAnimalHeadsEn[] = {"Raising", "Keeping", "Small-Scale", "Feeding", "Diseases of"};
constexpr sv kAnimalObjectsEn[] = {"Poultry", "Goats", "Dairy Cattle", "Freshwater Fish", "Honeybees",
                                   "Ducks", "Rabbits", "Shrimp", "Livestock"};

constexpr sv kHealthHeadsId[] = {"Panduan", "Pedoman", "Mengenal", "Mencegah", "Buku Saku", "Merawat",
                                 "Tanya Jawab", "Hidup Sehat dengan"};
constexpr sv kHealthObjectsId[] = {"Kesehatan Ibu dan Anak", "Gizi Balita", "Pertolongan Pertama",
                                   "Kader Posyandu", "Demam Berdarah", "Sanitasi Lingkungan", "Kesehatan Gigi",
                                   "Jamu Tradisional", "Tekanan Darah Tinggi", "Diabetes", "Stunting",
                                   "Kehamilan Sehat", "Air Susu Ibu", "Imunisasi", "Tuberkulosis",
                                   "Kesehatan Remaja", "Lansia Sehat", "Makanan Bergizi", "Cuci Tangan",
                                   "Kesehatan Jiwa"};
constexpr sv kHealthHeadsEn[] = {"A Guide to", "Understanding", "Preventing", "Living with", "Essentials of"};
constexpr sv kHealthObjectsEn[] = {"Public Health", "Child Nutrition", "First Aid", "Maternal Health",
                                   "Community Health", "Infectious Diseases", "Diabetes", "Healthy Ageing",
                                   "Mental Health", "Hygiene and Sanitation"};

constexpr sv kHistoryHeadsId[] = {"Sejarah", "Jejak", "Kisah", "Riwayat", "Mengenang", "Sejarah Singkat",
                                  "Menelusuri"};
constexpr sv kHistoryObjectsId[] = {"Kerajaan Majapahit", "Kerajaan Sriwijaya", "Perang Diponegoro",
                                    "Kemerdekaan Indonesia", "Sumpah Pemuda", "Pergerakan Nasional",
                                    "Desa-Desa di Jawa", "Kota Lama Semarang", "Jalur Rempah", "Pelabuhan Sunda Kelapa",
                                    "Kerajaan Mataram", "Perang Aceh", "Pahlawan Nasional", "Batavia",
                                    "Kesultanan Ternate", "Tanah Minangkabau", "Kabupaten Kami", "Pers Indonesia",
                                    "Pendidikan di Hindia Belanda", "Revolusi Kemerdekaan"};
constexpr sv kHistoryHeadsEn[] = {"A History of", "The Story of", "A Short History of", "Empires of",
                                  "The Making of"};
constexpr sv kHistoryObjectsEn[] = {"Southeast Asia", "Indonesia", "the Spice Islands", "Java", "the Pacific War",
                                    "Modern Asia", "the Dutch East Indies", "Colonial Trade", "the Malay World",
                                    "Sumatra", "Bali"};

constexpr sv kEduHeadsId[] = {"Belajar", "Pintar", "Mahir", "Asyiknya Belajar", "Latihan Soal", "Materi",
                              "Bimbingan", "Metode"};
constexpr sv kEduObjectsId[] = {"Membaca Permulaan", "Matematika Dasar", "Pendidikan Karakter", "Bahasa Inggris",
                                "Ilmu Pengetahuan Alam", "Sains untuk Anak", "Menulis Kreatif", "Literasi Digital",
                                "Bahasa Indonesia", "Berhitung", "Ilmu Pengetahuan Sosial", "Pendidikan Pancasila",
                                "Geografi", "Fisika", "Biologi", "Kimia", "Menggambar", "Seni Budaya",
                                "Pendidikan Anak Usia Dini", "Bahasa Arab"};
constexpr sv kEduHeadsEn[] = {"Teaching", "Learning", "Introduction to", "Essentials of", "Foundations of"};
constexpr sv kEduObjectsEn[] = {"Mathematics", "English Grammar", "Reading Skills", "Science", "Early Childhood",
                                "Creative Writing", "Physics", "Biology", "Chemistry", "Geography",
                                "Primary Education"};

constexpr sv kMoneyHeadsId[] = {"Panduan", "Strategi", "Manajemen", "Membangun", "Mengelola", "Kiat Sukses",
                                "Akuntansi", "Rahasia Sukses"};
constexpr sv kMoneyObjectsId[] = {"Usaha Kecil Menengah", "Koperasi Desa", "Badan Usaha Milik Desa",
                                  "Pemasaran Online", "Keuangan Keluarga", "Kewirausahaan", "Warung Kelontong",
                                  "Usaha Kuliner", "Toko Daring", "Simpan Pinjam", "Bisnis Rumahan", "Ekspor",
                                  "Desa Wisata", "Pasar Tradisional"};
constexpr sv kMoneyHeadsEn[] = {"Principles of", "Managing", "Starting", "Introduction to", "Marketing for"};
constexpr sv kMoneyObjectsEn[] = {"Small Business", "Microfinance", "Cooperatives", "Personal Finance",
                                  "Entrepreneurship", "Rural Tourism", "Economics", "Accounting"};

constexpr sv kVillageHeadsId[] = {"Pedoman", "Panduan", "Tata Kelola", "Memahami", "Tanya Jawab", "Himpunan Peraturan"};
constexpr sv kVillageObjectsId[] = {"Dana Desa", "Pemerintahan Desa", "Musyawarah Desa", "Administrasi Desa",
                                    "Undang-Undang Desa", "Perencanaan Pembangunan Desa", "Peraturan Desa",
                                    "Badan Permusyawaratan Desa", "Pengadaan Barang di Desa", "Data Desa",
                                    "Pelayanan Publik", "Kependudukan", "Pemilihan Kepala Desa"};
constexpr sv kVillageHeadsEn[] = {"Understanding", "A Guide to", "Introduction to"};
constexpr sv kVillageObjectsEn[] = {"Rural Development", "Local Government", "Decentralisation", "Public Policy",
                                    "Participatory Planning"};

constexpr sv kFaithHeadsId[] = {"Tuntunan", "Belajar", "Kisah", "Risalah", "Mutiara", "Hikmah", "Panduan"};
constexpr sv kFaithObjectsId[] = {"Shalat", "Tajwid Al-Quran", "Para Nabi", "Fikih Ibadah", "Akhlak Mulia",
                                  "Doa Sehari-hari", "Puasa Ramadan", "Zakat", "Haji dan Umrah", "Sahabat Nabi",
                                  "Keluarga Sakinah", "Hadis Pilihan", "Iqra", "Wudu"};
constexpr sv kFaithHeadsEn[] = {"Introduction to", "Understanding", "A History of"};
constexpr sv kFaithObjectsEn[] = {"Islam", "Islamic Art", "World Religions", "Sufism", "Islamic Law"};

constexpr sv kComputerHeadsId[] = {"Belajar", "Mahir", "Panduan Praktis", "Cepat Menguasai", "Dasar-Dasar",
                                   "Tips dan Trik", "Pemrograman"};
constexpr sv kComputerObjectsId[] = {"Microsoft Excel", "Microsoft Word", "Internet Sehat", "Python", "Komputer",
                                     "Jaringan Komputer", "Desain Grafis", "Android", "Aplikasi Kantor",
                                     "Media Sosial", "Basis Data", "Laman Web", "Keamanan Data"};
constexpr sv kComputerHeadsEn[] = {"Learning", "Introduction to", "Programming", "Mastering", "Practical"};
constexpr sv kComputerObjectsEn[] = {"Python", "Spreadsheets", "Computer Networks", "Databases", "Web Design",
                                     "Linux", "Graphic Design", "Mobile Apps"};

constexpr sv kFoodHeadsId[] = {"Resep", "Aneka", "Kreasi", "Rahasia", "Dapur", "Sajian"};
constexpr sv kFoodObjectsId[] = {"Masakan Nusantara", "Kue Tradisional", "Sambal", "Masakan Padang",
                                 "Minuman Herbal", "Jajanan Pasar", "Olahan Singkong", "Masakan Jawa",
                                 "Makanan Sehat Keluarga", "Kue Kering Lebaran", "Olahan Ikan", "Soto dan Sop",
                                 "Roti dan Donat", "Bekal Sekolah"};
constexpr sv kFoodHeadsEn[] = {"The Art of", "Cooking", "Flavours of", "Recipes from"};
constexpr sv kFoodObjectsEn[] = {"Indonesian Cooking", "Asian Street Food", "Baking", "Vegetarian Meals",
                                 "Spices", "Java"};

constexpr sv kEnvHeadsId[] = {"Mengelola", "Panduan", "Menjaga", "Gerakan", "Memanfaatkan", "Pelestarian"};
constexpr sv kEnvObjectsId[] = {"Bank Sampah", "Sampah Rumah Tangga", "Hutan Mangrove", "Perubahan Iklim",
                                "Air Bersih", "Energi Surya", "Daerah Aliran Sungai", "Terumbu Karang",
                                "Hutan Desa", "Mata Air", "Biogas", "Lahan Gambut", "Bencana Banjir"};
constexpr sv kEnvHeadsEn[] = {"Understanding", "Managing", "Introduction to", "The Science of"};
constexpr sv kEnvObjectsEn[] = {"Climate Change", "Water Resources", "Renewable Energy", "Tropical Forests",
                                "Coral Reefs", "Waste Management", "Disaster Risk"};

constexpr sv kCraftHeadsId[] = {"Membuat", "Kerajinan", "Keterampilan", "Teknik", "Seni"};
constexpr sv kCraftObjectsId[] = {"Batik Tulis", "Anyaman Bambu", "Tenun Ikat", "Rotan", "Kain Perca",
                                  "Sabun Herbal", "Gerabah", "Ukir Kayu", "Menjahit", "Sulam Pita", "Wayang Kulit",
                                  "Lilin Aromaterapi"};
constexpr sv kCraftHeadsEn[] = {"The Art of", "Traditional", "A Guide to", "Making"};
constexpr sv kCraftObjectsEn[] = {"Batik", "Weaving", "Pottery", "Woodcarving", "Textiles", "Basketry"};

constexpr Topic kTopics[] = {
    {"Pertanian", "Agriculture", "630", kFarmHeadsId, kFarmObjectsId, kFarmHeadsEn, kFarmObjectsEn},
    {"Peternakan", "Animal husbandry", "636", kAnimalHeadsId, kAnimalObjectsId, kAnimalHeadsEn, kAnimalObjectsEn},
    {"Kesehatan", "Health", "613", kHealthHeadsId, kHealthObjectsId, kHealthHeadsEn, kHealthObjectsEn},
    {"Sejarah Indonesia", "History", "959.8", kHistoryHeadsId, kHistoryObjectsId, kHistoryHeadsEn, kHistoryObjectsEn},
    {"Pendidikan", "Education", "372", kEduHeadsId, kEduObjectsId, kEduHeadsEn, kEduObjectsEn},
    {"Ekonomi", "Economics", "658", kMoneyHeadsId, kMoneyObjectsId, kMoneyHeadsEn, kMoneyObjectsEn},
    {"Pemerintahan desa", "Local government", "352", kVillageHeadsId, kVillageObjectsId, kVillageHeadsEn,
     kVillageObjectsEn},
    {"Agama Islam", "Religion", "297", kFaithHeadsId, kFaithObjectsId, kFaithHeadsEn, kFaithObjectsEn},
    {"Komputer", "Computers", "005", kComputerHeadsId, kComputerObjectsId, kComputerHeadsEn, kComputerObjectsEn},
    {"Masakan", "Cooking", "641.5", kFoodHeadsId, kFoodObjectsId, kFoodHeadsEn, kFoodObjectsEn},
    {"Lingkungan hidup", "Environment", "363.7", kEnvHeadsId, kEnvObjectsId, kEnvHeadsEn, kEnvObjectsEn},
    {"Kerajinan tangan", "Handicrafts", "745.5", kCraftHeadsId, kCraftObjectsId, kCraftHeadsEn, kCraftObjectsEn},
};
// Weights of the topics above in a village library (farming and health first).
constexpr int kTopicWeights[] = {16, 10, 12, 8, 12, 8, 6, 10, 5, 5, 4, 4};

constexpr sv kQualifiersId[] = {"untuk Pemula", "di Pekarangan", "bagi Petani", "untuk Anak", "di Desa",
                                "Secara Organik", "Skala Rumah Tangga", "di Indonesia", "untuk Keluarga",
                                "Jilid 1", "Jilid 2", "Jilid 3", "untuk Sekolah Dasar", "Modern",
                                "Tanpa Modal Besar", "di Lahan Sempit"};
constexpr sv kQualifiersEn[] = {"for Beginners", "in the Tropics", "in Southeast Asia", "for Small Farms",
                                "Volume 1", "Volume 2", "Today", "for Schools", "in Practice"};
constexpr sv kSubtitlesId[] = {"Teori dan Praktik", "Panduan Lengkap", "Dari Hulu ke Hilir", "Langkah demi Langkah",
                               "Untuk Sekolah Dasar", "Edisi Bergambar", "Pengalaman Lapangan",
                               "Peluang Usaha yang Menjanjikan", "Sebuah Pengantar", "Tanya Jawab Praktis"};
constexpr sv kSubtitlesEn[] = {"A Practical Guide", "Theory and Practice", "An Introduction", "Case Studies",
                               "A Field Manual", "Past and Present", "A Reader"};

// Fiction and children's books.
constexpr sv kNounsId[] = {"Senja", "Hujan", "Bulan", "Matahari", "Pelangi", "Angin", "Rumah", "Jalan", "Laut",
                           "Sungai", "Gunung", "Langit", "Bintang", "Surat", "Janji", "Rindu", "Mimpi", "Perahu",
                           "Sawah", "Kebun", "Layang-Layang", "Pasar", "Kampung", "Hutan", "Jembatan", "Lentera",
                           "Embun", "Kabut", "Pelita", "Ombak", "Sepeda", "Kereta", "Menara", "Surau", "Dermaga",
                           "Ladang", "Pohon Beringin", "Kupu-Kupu", "Kunang-Kunang", "Gerimis"};
constexpr sv kAdjectivesId[] = {"Merah", "Biru", "Kecil", "Terakhir", "Pertama", "Sunyi", "Panjang", "Abadi",
                                "Hilang", "Putih", "Tua", "Jingga", "Kelabu", "Retak", "Rahasia", "Keemasan"};
constexpr sv kPlacesId[] = {"Pelabuhan", "Ujung Desa", "Kaki Gunung", "Tepi Sungai", "Kota Tua",
                            "Pulau Seberang", "Balik Jendela", "Tanah Rantau", "Simpang Jalan", "Pematang Sawah",
                            "Lereng Merapi", "Batas Kota"};
constexpr sv kRegions[] = {"Jawa Tengah", "Jawa Timur", "Sumatera Barat", "Bali", "Nusa Tenggara Timur",
                           "Kalimantan Barat", "Sulawesi Selatan", "Papua", "Maluku", "Aceh", "Betawi",
                           "Minangkabau", "Banjar", "Bugis", "Sunda", "Madura", "Lampung", "Gorontalo"};
constexpr sv kAnimalsId[] = {"Kancil", "Kura-Kura", "Gajah", "Monyet", "Kerbau", "Burung Pipit", "Harimau",
                             "Buaya", "Semut", "Kucing", "Ayam Jago", "Kelinci", "Komodo", "Orang Utan"};
constexpr sv kChildNames[] = {"Dodi", "Rara", "Bima", "Nina", "Tono", "Kiki", "Lala", "Udin", "Sari", "Bobi"};
constexpr sv kChildVerbs[] = {"Menabung", "Membaca", "Menggambar", "Berhitung", "Menanam Pohon", "Berbagi",
                              "Mencuci Tangan", "Ke Sekolah", "Berenang", "Bersepeda", "Memasak", "Menyanyi"};
constexpr sv kCharacterAdjId[] = {"yang Cerdik", "yang Sombong", "yang Baik Hati", "dan Sahabatnya",
                                  "Mencari Rumah", "Pergi ke Pasar", "Belajar Berenang", "yang Pemberani"};

constexpr sv kAdjectivesEn[] = {"Silent", "Last", "Hidden", "Broken", "Golden", "Distant", "Secret", "Forgotten",
                                "Long", "Quiet", "Burning", "Winter", "Northern", "Lost", "Crimson", "Empty"};
constexpr sv kNounsEn[] = {"River", "Garden", "House", "Island", "Harbour", "Lantern", "Mountain", "Letter",
                           "Journey", "Orchard", "Kingdom", "Tide", "Storm", "Window", "Road", "Bridge", "Village",
                           "Lighthouse", "Daughter", "Keeper", "Stranger", "Season", "Monsoon", "Promise",
                           "Shadow", "Voyage", "Rain", "Field"};

// Javanese and Sundanese titles (Sundanese keeps its é, to exercise folding).
constexpr sv kJavaneseHeads[] = {"Serat", "Crita Cekak", "Geguritan", "Tembang", "Cerkak", "Dongeng Jawa:",
                                 "Pepak Basa Jawa", "Paramasastra Jawa", "Wulangan Basa Jawa"};
constexpr sv kJavaneseWords[] = {"Wulan", "Sekar", "Kembang", "Tresna", "Ati", "Desa", "Padhang Bulan", "Lintang",
                                 "Wewayangan", "Kidung", "Sawah", "Lelakon", "Bocah Angon", "Macapat", "Gunung",
                                 "Kali", "Omah", "Wengi"};
constexpr sv kSundaneseHeads[] = {"Dongéng Sunda", "Carita Pondok", "Pupuh", "Kawih Barudak", "Sajak",
                                  "Basa Sunda", "Kumpulan Carpon", "Sisindiran"};
constexpr sv kSundaneseWords[] = {"Lembur", "Kuring", "Bulan", "Cai", "Gunung", "Sawah", "Peuting", "Indung",
                                  "Bentang", "Leuweung", "Walungan", "Kembang"};

// Names.
constexpr sv kGivenId[] = {"Budi", "Siti", "Agus", "Dewi", "Sri", "Wahyu", "Rina", "Eko", "Dian", "Hendra",
                           "Yuni", "Bambang", "Nur", "Rahmat", "Ahmad", "Fitri", "Joko", "Ani", "Dwi", "Putu",
                           "Made", "Ketut", "Nyoman", "Wayan", "Ayu", "Indah", "Teguh", "Slamet", "Rudi", "Lina",
                           "Ratna", "Asep", "Ujang", "Euis", "Dadang", "Cecep", "Yusuf", "Ismail", "Hasan",
                           "Aminah", "Fatimah", "Retno", "Galih", "Bayu", "Andi", "Rizky", "Nurul", "Irfan",
                           "Taufik", "Maria", "Yohanes", "Fransiskus", "Theresia", "Kadek", "Gede", "Tri",
                           "Sutrisno", "Heru", "Endang", "Wulan", "Arif", "Lukman", "Yanti", "Susi", "Iwan",
                           "Hendrik", "Markus", "Yosef", "Daeng", "Andi Muhammad"};
constexpr sv kFamilyId[] = {"Santoso", "Wijaya", "Hidayat", "Nugroho", "Saputra", "Lestari", "Kusuma", "Pratama",
                            "Setiawan", "Susanto", "Rahayu", "Wibowo", "Hartono", "Gunawan", "Sihombing",
                            "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Tanjung", "Sembiring",
                            "Ginting", "Manurung", "Situmorang", "Hutapea", "Purba", "Tambunan", "Tarigan",
                            "Wahyudi", "Kurniawan", "Suryadi", "Permana", "Ramadhan", "Firmansyah", "Hakim",
                            "Halim", "Sulistyo", "Prasetyo", "Handoko", "Utomo", "Sudarsono", "Mulyadi", "Mahendra",
                            "Anggraini", "Purnama", "Sari", "Astuti", "Wulandari", "Maharani", "Pertiwi", "Fauzi",
                            "Iskandar", "Munandar", "Pangaribuan", "Rangkuti", "Daulay", "Syahrial", "Tumbelaka",
                            "Lumban Gaol", "Pattinama", "Wenas", "Rumbiak", "Suparman", "Darmawan",
                            "Hasibuan", "Sitepu", "Kartika", "Suryaningsih"};
constexpr sv kGivenEn[] = {"John", "Mary", "Peter", "Susan", "David", "Elizabeth", "James", "Margaret", "Robert",
                           "Helen", "Thomas", "Sarah", "Michael", "Anne", "William", "Catherine", "Richard",
                           "Laura", "George", "Emily", "Daniel", "Rachel", "Andrew", "Claire", "Jean", "François",
                           "Hans", "Ingrid", "Kenji", "Mei"};
constexpr sv kFamilyEn[] = {"Smith", "Brown", "Taylor", "Wilson", "Johnson", "Clarke", "Walker", "Wright",
                            "Hughes", "Green", "Hall", "Wood", "Harris", "Lewis", "Martin", "Jackson", "Thompson",
                            "White", "Robinson", "Edwards", "Turner", "Cooper", "Morris", "Baker", "Bell",
                            "Murphy", "Reid", "Fraser", "Müller", "Dubois", "García", "Nguyen", "Tanaka",
                            "Van der Berg", "O'Brien", "Anderson"};
constexpr sv kCorporate[] = {"Kementerian Pertanian", "Dinas Kesehatan Kabupaten", "Badan Pusat Statistik",
                             "Tim Penyusun", "Tim Redaksi", "Kementerian Desa", "Perpustakaan Nasional",
                             "Dinas Pendidikan Provinsi", "Lembaga Penelitian Desa"};

constexpr sv kPublishersId[] = {"Gramedia Pustaka Utama", "Balai Pustaka", "Erlangga", "Kanisius",
                                "Penebar Swadaya", "Agromedia Pustaka", "Deepublish", "Pustaka Desa Mandiri",
                                "Cahaya Ilmu", "Lentera Nusantara", "Bina Tani Press", "Sinar Harapan Desa",
                                "Pustaka Rakyat", "Mitra Guru", "Bumi Aksara Nusantara", "Pelita Hati",
                                "Tunas Muda", "Penerbit Kampung Buku", "Media Sehat Sejahtera",
                                "Pustaka Pesantren", "Rumah Baca Press"};
constexpr sv kPublishersEn[] = {"Oxford University Press", "Penguin", "Routledge", "Cambridge University Press",
                                "HarperCollins", "Periplus", "Harbour Books", "Greenfield Press",
                                "Lantern House", "Northgate Publishing"};
constexpr sv kPlacesPubId[] = {"Jakarta", "Bandung", "Yogyakarta", "Surabaya", "Semarang", "Malang", "Medan",
                               "Makassar", "Surakarta", "Bogor", "Denpasar", "Padang"};
constexpr sv kPlacesPubEn[] = {"London", "New York", "Oxford", "Cambridge", "Singapore", "Sydney", "Boston"};

constexpr sv kSeriesId[] = {"Seri Pertanian Praktis", "Seri Kesehatan Keluarga", "Seri Cerita Rakyat Nusantara",
                            "Seri Anak Pintar", "Perpustakaan Desa", "Seri UMKM", "Seri Agribisnis",
                            "Bacaan Sekolah Dasar", "Seri Peternakan Rakyat", "Gerakan Literasi Nasional"};
constexpr sv kSeriesEn[] = {"Readers' Library", "Student Handbooks", "Village Development Series",
                            "Tropical Agriculture Series", "World Classics"};

constexpr sv kLocations[] = {"Rak A", "Rak B", "Rak C", "Rak D", "Rak E", "Rak Anak", "Rak Referensi",
                             "Rak Majalah", "Pojok Baca Posyandu", "Balai Dusun Krajan"};
constexpr sv kNotes[] = {"Hibah Perpustakaan Nasional", "Termasuk indeks", "Bantuan buku desa",
                         "Sumbangan warga", "Dilengkapi gambar berwarna", "Bibliografi: hlm. akhir"};

// ---------------------------------------------------------------------------------------------

std::string join(std::initializer_list<sv> parts) {
    std::string out;
    for (sv p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += ' ';
        out += p;
    }
    return out;
}

const Topic& pick_topic(Rng& rng) {
    int total = 0;
    for (int w : kTopicWeights) total += w;
    int r = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < std::size(kTopics); ++i) {
        r -= kTopicWeights[i];
        if (r < 0) return kTopics[i];
    }
    return kTopics[0];
}

// "Santoso, Budi", "Nugroho, Agus Budi", "Sutrisno" (one name), corporate authors.
std::string author_id(Rng& rng) {
    const int kind = static_cast<int>(rng.below(100));
    if (kind < 12) return std::string(rng.pick(kGivenId));  // mononym
    if (kind < 16) return std::string(rng.pick(kCorporate));
    std::string given(rng.pick(kGivenId));
    if (rng.chance(30)) given += " " + std::string(rng.pick(kGivenId));
    return std::string(rng.pick(kFamilyId)) + ", " + given;
}

std::string author_en(Rng& rng) {
    std::string given(rng.pick(kGivenEn));
    if (rng.chance(20)) given += " " + std::string(1, "ABCDEFGHJKLMNPRSTW"[rng.below(18)]) + ".";
    return std::string(rng.pick(kFamilyEn)) + ", " + given;
}

std::string digits(std::uint64_t value, int width) {
    std::string s = std::to_string(value);
    if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
    return s;
}

// First three letters of the main entry (surname or corporate name) in capitals, first letter of
// the title in lower case: "630 SAN b".
std::string call_number(sv ddc, const std::string& main_entry, const std::string& title) {
    std::string cutter;
    for (char c : main_entry) {
        if (cutter.size() == 3) break;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) cutter += static_cast<char>(c & ~0x20);
    }
    std::string out(ddc);
    if (!cutter.empty()) out += " " + cutter;
    for (char c : title) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            out += ' ';
            out += static_cast<char>(c | 0x20);
            break;
        }
    }
    return out;
}

}  // namespace

Rng::Rng(std::uint64_t seed) {
    for (auto& s : s_) s = splitmix64(seed);
}

std::uint64_t Rng::next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

std::uint64_t Rng::below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
}

char isbn13_check_digit(const std::string& first12) {
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i) sum += (first12[i] - '0') * (i % 2 == 0 ? 1 : 3);
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

char isbn10_check_digit(const std::string& first9) {
    int sum = 0;
    for (std::size_t i = 0; i < 9; ++i) sum += (first9[i] - '0') * static_cast<int>(10 - i);
    const int check = (11 - sum % 11) % 11;
    return check == 10 ? 'X' : static_cast<char>('0' + check);
}

catalog::Record generate_record(std::uint64_t seed, std::uint64_t index) {
    std::uint64_t mix = seed ^ (index * 0xD1B54A32D192ED03ULL);
    Rng rng(splitmix64(mix));
    catalog::Record r;
    r.control_number = "BENCH-" + digits(index + 1, 7);

    // Language: mostly Indonesian, a fifth English, some Javanese and Sundanese.
    const int lang_roll = static_cast<int>(rng.below(100));
    r.language = lang_roll < 70 ? "ind" : lang_roll < 92 ? "eng" : lang_roll < 97 ? "jav" : "sun";
    const bool english = r.language == "eng";

    // Year: 1975-2025, most after 2005.
    r.year = rng.chance(70) ? 2005 + static_cast<int>(rng.below(21)) : 1975 + static_cast<int>(rng.below(30));

    // Kind of book and its title, subjects, DDC class, collection.
    std::string ddc;
    const int kind_roll = static_cast<int>(rng.below(100));
    if (r.language == "jav" || r.language == "sun") {
        const bool jav = r.language == "jav";
        r.title = join({jav ? rng.pick(kJavaneseHeads) : rng.pick(kSundaneseHeads),
                        jav ? rng.pick(kJavaneseWords) : rng.pick(kSundaneseWords)});
        if (rng.chance(40)) r.title += " " + std::string(jav ? rng.pick(kJavaneseWords) : rng.pick(kSundaneseWords));
        r.subjects = {jav ? "Sastra Jawa" : "Sastra Sunda"};
        if (rng.chance(30)) r.subjects.push_back(jav ? "Bahasa Jawa" : "Bahasa Sunda");
        ddc = jav ? "899.222" : "899.232";
        r.collection = rng.chance(30) ? "Anak" : "Umum";
    } else if (kind_roll < 60) {  // non-fiction
        const Topic& t = pick_topic(rng);
        if (english) {
            r.title = join({rng.chance(70) ? rng.pick(t.heads_en) : rng.pick(kGeneralHeadsEn), rng.pick(t.objects_en)});
            if (rng.chance(20)) r.title += " " + std::string(rng.pick(kQualifiersEn));
            if (rng.chance(25)) r.subtitle = rng.pick(kSubtitlesEn);
            r.subjects = {std::string(t.subject_en)};
        } else {
            r.title = join({rng.chance(75) ? rng.pick(t.heads_id) : rng.pick(kGeneralHeadsId), rng.pick(t.objects_id)});
            if (rng.chance(30)) r.title += " " + std::string(rng.pick(kQualifiersId));
            if (rng.chance(25)) r.subtitle = rng.pick(kSubtitlesId);
            r.subjects = {std::string(t.subject_id)};
        }
        if (rng.chance(40)) {  // a second subject from another topic or the object itself
            const Topic& t2 = pick_topic(rng);
            r.subjects.push_back(std::string(english ? t2.subject_en : t2.subject_id));
            if (r.subjects[1] == r.subjects[0]) r.subjects.pop_back();
        }
        ddc = std::string(t.ddc);
        const int c = static_cast<int>(rng.below(100));
        r.collection = c < 75 ? "Umum" : c < 90 ? "Referensi" : "Anak";
    } else if (kind_roll < 85 || english) {  // fiction
        if (english) {
            switch (rng.below(4)) {
                case 0: r.title = join({"The", rng.pick(kAdjectivesEn), rng.pick(kNounsEn)}); break;
                case 1: r.title = join({"The", rng.pick(kNounsEn), "of the", rng.pick(kAdjectivesEn), rng.pick(kNounsEn)}); break;
                case 2: r.title = join({"The", rng.pick(kNounsEn)}) + "'s " + std::string(rng.pick(kNounsEn)); break;
                default: r.title = join({rng.pick(kAdjectivesEn), rng.pick(kNounsEn)}); break;
            }
            if (rng.chance(15)) r.subtitle = "A Novel";
            r.subjects = {rng.chance(50) ? "Fiction" : "English fiction"};
            ddc = rng.chance(50) ? "823" : "813";
        } else {
            switch (rng.below(6)) {
                case 0: r.title = join({rng.pick(kNounsId), "di", rng.pick(kPlacesId)}); break;
                case 1: r.title = join({rng.pick(kNounsId), rng.pick(kAdjectivesId)}); break;
                case 2: r.title = join({"Kumpulan Cerita", rng.chance(50) ? "Rakyat" : "Pendek", rng.pick(kRegions)}); break;
                case 3: r.title = join({rng.pick(kNounsId), "dan", rng.pick(kNounsId)}); break;
                case 4: r.title = join({"Legenda", rng.pick(kNounsId), rng.pick(kRegions)}); break;
                default: r.title = join({rng.pick(kNounsId), rng.pick(kAdjectivesId), "di", rng.pick(kPlacesId)}); break;
            }
            if (rng.chance(15)) r.subtitle = rng.chance(50) ? "Sebuah Novel" : "Kumpulan Cerpen";
            const bool folk = r.title.starts_with("Kumpulan Cerita Rakyat") || r.title.starts_with("Legenda");
            r.subjects = {folk ? "Cerita rakyat" : "Fiksi Indonesia"};
            if (rng.chance(25)) r.subjects.push_back(rng.chance(50) ? "Novel" : "Kehidupan desa");
            ddc = folk ? "398.2" : "899.221 3";
        }
        r.collection = rng.chance(85) ? "Umum" : "Anak";
    } else {  // children's books (Indonesian)
        switch (rng.below(4)) {
            case 0: r.title = join({rng.pick(kAnimalsId), rng.pick(kCharacterAdjId)}); break;
            case 1: r.title = join({"Ayo", rng.pick(kChildVerbs)}); break;
            case 2: r.title = join({rng.pick(kChildNames), "dan", rng.pick(kAnimalsId)}); break;
            default: r.title = join({"Si Kecil Belajar", rng.pick(kChildVerbs)}); break;
        }
        r.subjects = {"Cerita anak"};
        if (rng.chance(40)) r.subjects.push_back(rng.chance(50) ? "Buku bergambar" : "Pendidikan karakter");
        ddc = "899.221 3";
        r.collection = "Anak";
    }

    // Authors: one (most), two or three; English books mostly by English names.
    const int n_authors = rng.chance(75) ? 1 : rng.chance(70) ? 2 : 3;
    for (int i = 0; i < n_authors; ++i) r.authors.push_back(english && rng.chance(85) ? author_en(rng) : author_id(rng));

    if (english) {
        r.publisher = rng.pick(kPublishersEn);
        r.place = rng.pick(kPlacesPubEn);
        r.extent = (rng.chance(30) ? "xii, " : "") + std::to_string(64 + rng.below(400)) + " p.";
        if (rng.chance(12)) r.edition = rng.chance(60) ? "2nd ed." : "3rd ed.";
        if (rng.chance(8)) r.series = rng.pick(kSeriesEn);
    } else {
        r.publisher = rng.pick(kPublishersId);
        r.place = rng.pick(kPlacesPubId);
        r.extent = (rng.chance(40) ? "viii, " : "") + std::to_string(24 + rng.below(300)) + " hlm.";
        if (rng.chance(15)) r.edition = "Cet. " + std::to_string(2 + rng.below(6));
        if (rng.chance(12)) r.series = rng.pick(kSeriesId);
    }
    if (rng.chance(4)) r.notes = rng.pick(kNotes);
    r.material_type = rng.chance(96) ? "book" : rng.chance(70) ? "magazine" : "audiovisual";

    // ISBN: none before 1985 and for a tenth of the rest; Indonesian books before 2007 carry an
    // ISBN-10 in the 979 group (the importer converts it), later ones 978-602/623; English ones
    // 978-0/978-1. Six digits per record from a bijection of the index: unique below 1M records.
    const std::uint64_t unique6 = (index * 482711 + 12345) % 1000000;
    if (*r.year >= 1985 && rng.chance(90)) {
        if (!english && *r.year < 2007) {
            const std::string body = "979" + digits(unique6, 6);
            const std::string isbn = body + isbn10_check_digit(body);
            r.isbns.push_back(isbn.substr(0, 3) + "-" + isbn.substr(3, 3) + "-" + isbn.substr(6, 3) + "-" + isbn.substr(9));
        } else {
            static constexpr sv kGroupsId[] = {"602", "623"};
            static constexpr sv kGroupsEn[] = {"014", "019", "030", "045", "186"};
            const std::string body = "978" + std::string(english ? rng.pick(kGroupsEn) : rng.pick(kGroupsId)) + digits(unique6, 6);
            const std::string isbn = body + isbn13_check_digit(body);
            if (rng.chance(70)) {  // hyphenated as printed, or plain digits as typed by a librarian
                r.isbns.push_back(isbn.substr(0, 3) + "-" + isbn.substr(3, 3) + "-" + isbn.substr(6, 3) + "-" +
                                  isbn.substr(9, 3) + "-" + isbn.substr(12));
            } else {
                r.isbns.push_back(isbn);
            }
        }
    }

    // Call number: DDC + main entry + title letter.
    std::string main_entry = r.authors.front();
    r.call_number = call_number(ddc, main_entry, r.title);

    // Copies: one to three, labelled "DK" + a number unique per record and copy.
    const int n_copies = rng.chance(60) ? 1 : rng.chance(70) ? 2 : 3;
    const sv shelf = r.collection == "Anak" ? sv("Rak Anak") : r.collection == "Referensi" ? sv("Rak Referensi")
                                                                                           : rng.pick(kLocations);
    for (int i = 0; i < n_copies; ++i) {
        catalog::Copy c;
        c.barcode = "DK" + digits(index * 4 + static_cast<std::uint64_t>(i) + 1, 8);
        c.location = rng.chance(90) ? std::string(shelf) : std::string(rng.pick(kLocations));
        const int s = static_cast<int>(rng.below(100));
        if (s < 80) {
            c.status = catalog::CopyStatus::Available;
        } else if (s < 95) {
            c.status = catalog::CopyStatus::OnLoan;
            c.due_unix = 1796000000 + static_cast<std::int64_t>(rng.below(60)) * 86400;
        } else if (s < 98) {
            c.status = catalog::CopyStatus::Lost;
        } else {
            c.status = catalog::CopyStatus::Withdrawn;
        }
        r.copies.push_back(std::move(c));
    }
    return r;
}

std::uint64_t write_catalog_csv(const std::filesystem::path& out, std::uint64_t records, std::uint64_t seed) {
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error("cannot write " + out.string());
    std::string buffer = catalog::csv_header_row();
    std::uint64_t bytes = 0;
    for (std::uint64_t i = 0; i < records; ++i) {
        catalog::append_csv_record(buffer, generate_record(seed, i));
        if (buffer.size() >= (1u << 20)) {
            file.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            bytes += buffer.size();
            buffer.clear();
        }
    }
    file.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    bytes += buffer.size();
    file.close();
    if (!file) throw std::runtime_error("cannot write " + out.string());
    return bytes;
}

}  // namespace desa::bench
