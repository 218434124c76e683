#pragma once
// Numbers and queue calls as Indonesians say them, the text the board speaks with espeak-ng.
//
// Cardinals: 0 "nol", 11 "sebelas", 12 "dua belas", 21 "dua puluh satu", 100 "seratus",
// 111 "seratus sebelas", 1000 "seribu", 2500 "dua ribu lima ratus", 1 000 000 "satu juta".
// "se-" replaces "satu" before belas, puluh, ratus and ribu (sebelas, sepuluh, seratus, seribu)
// but not before juta ("satu juta").
//
// Ticket numbers: the letter, then each leading zero as "nol", then the rest as one number, as
// call centres and bank queues in Indonesia read them:
//   A012 -> "A nol dua belas", A001 -> "A nol nol satu", A100 -> "A seratus", B010 -> "B nol sepuluh".
// The letter stays a capital on its own: espeak-ng's Indonesian voice says its Indonesian name
// (B "be", C "ce", Q "ki", X "eks"), and a person reading the sentence sees the ticket's letter.
#include <optional>
#include <string>
#include <string_view>

namespace desa::voice {

inline constexpr long long kMaxWordedNumber = 999'999'999'999LL;  // "sembilan ratus ... miliar ..."

// "dua belas"; nullopt below 0 or above kMaxWordedNumber.
std::optional<std::string> number_words(long long n);

// The digits of a ticket ("012") as they are read: "nol dua belas". 1..6 ASCII digits, else nullopt.
std::optional<std::string> digit_group_words(std::string_view digits);

// A ticket number "A012" (one capital A-Z and three digits, as the queue issues them) read out:
// "A nol dua belas"; nullopt for anything else.
std::optional<std::string> ticket_words(std::string_view ticket_number);

// "Nomor antrian A nol dua belas, silakan ke loket satu." for counter 1..99; nullopt for a bad
// ticket number or counter. The same text is shown in logs and given to the speech synthesiser.
std::optional<std::string> call_sentence(std::string_view ticket_number, int counter);

}  // namespace desa::voice
