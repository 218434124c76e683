#pragma once
// The one text normalisation used on BOTH sides of catalogue search: what we put in the full-text
// index and what we build queries from. SQLite's own folding (unicode61 remove_diacritics) leaves
// letters such as Ł, ß, Æ, Ø and Đ alone, so a resident typing "lodz" would never find "Łódź";
// folding ourselves, identically at index and query time, is the only way the two always agree.
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace desa::catalog {

// Invalid UTF-8, controls and unknown symbols are separators; nothing here throws on any input.
//  - lower case; Latin-1, Latin Extended-A/B and Latin Extended Additional (Vietnamese) lose their
//    diacritics by our own table (Ł->l, ß->ss, Æ->ae, Ø->o, Đ->d, Œ->oe, Þ->th, ı->i ...);
//    combining marks (decomposed input) are dropped; basic Greek and Cyrillic are lower-cased;
//    full-width ASCII becomes ASCII;
//  - apostrophes join ("Philosopher's" -> "philosophers", "Jum'at" -> "jumat") so the possessive
//    form and the plain word share a prefix;
//  - every other punctuation, symbol, emoji and space separates words.
// A word is a maximal run of letters and digits after folding.
std::vector<std::string> fold_words(std::string_view utf8,
                                    std::size_t max_words = std::numeric_limits<std::size_t>::max());
// fold_words joined by single spaces: the form stored in the full-text index.
std::string fold_text(std::string_view utf8);

// Indonesian stemming for the search fallback, after Nazief & Adriani's affix order (particle
// -lah/-kah/-tah/-pun, possessive -ku/-mu/-nya, derivational -kan/-an/-i, then up to two prefixes
// di-/ke-/se-/me(N)-/pe(N)-/per-/ber-/be-/ter- with the nasal recoding meny->s, mem->p, men->t,
// meng->k). Without the root dictionary that algorithm consults, an ambiguous word gets every
// plausible root (mengambil -> ambil, kambil; mencari -> cari, car), best guess first, at most 4.
// Conservative: a root is never shorter than 3 letters; words under 5 letters, words with digits or
// non-ASCII letters, and common roots that merely look affixed (sekolah, kereta) are returned as is.
// Input is one folded word (see fold_words).
std::vector<std::string> indonesian_stems(std::string_view folded_word);
// The best guess: indonesian_stems(word).front().
std::string indonesian_stem(std::string_view folded_word);

}  // namespace desa::catalog
