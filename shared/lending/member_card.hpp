#pragma once
// Library member cards. A card code is 8 random characters and a check character from an alphabet
// without the look-alikes 0/O, 1/I/L: "K7M-Q9X-D4P" is easy to read aloud and to type, and the check
// character catches any single mistyped character and any two neighbours swapped. The card's QR
// code carries "DESA-PERPUS:<village code>:<card code>" so a card from another village is told
// apart from a typo. A card code is a random number, not personal data.
#include <optional>
#include <string>
#include <string_view>

namespace desa::lending {

// 31 symbols (a prime, so the weighted check detects every single error); see core/readable_code.
inline constexpr std::string_view kCardAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kCardCodeLength = 9;  // 8 random + 1 check, stored without dashes
inline constexpr std::string_view kCardPayloadPrefix = "DESA-PERPUS:";

enum class CardProblem {
    Empty,
    BadCharacter,    // a character cards never use (O, 0, I, 1, L, punctuation)
    WrongLength,     // not 9 characters once spaces and dashes are removed
    CheckFailed,     // the check character does not match: a typo
    OtherVillage,    // a scanned card of another village's library
    DamagedPayload,  // starts like a card's QR text but is not one
};

struct CardCheck {
    std::optional<std::string> code;     // canonical: 9 upper-case characters, no dashes
    std::optional<CardProblem> problem;
};

// A fresh random code (libsodium's randombytes_uniform). Uniqueness is the caller's (the database).
std::string new_card_code();

// A code as typed: case-insensitive, spaces and dashes ignored.
CardCheck check_card_code(std::string_view typed);

// "K7MQ9XD4P" -> "K7M-Q9X-D4P" (anything not 9 characters comes back unchanged).
std::string group_card_code(std::string_view code);

std::string member_card_payload(std::string_view village_code, std::string_view code);

struct CardPayload {
    std::string village_code;  // "18.01.04.2001"
    std::string code;          // canonical
};
struct PayloadCheck {
    bool is_member_card = false;  // the text starts with kCardPayloadPrefix
    std::optional<CardPayload> card;
    std::optional<CardProblem> problem;  // when is_member_card but not valid
};
PayloadCheck parse_member_card_payload(std::string_view text);

// What the librarian typed or a USB scanner entered in the card field: a card code, or a whole QR
// payload (checked against this kiosk's village).
CardCheck read_card_entry(std::string_view text, std::string_view own_village_code);

std::string_view card_problem_name(CardProblem);  // "empty", "bad_character", ...

}  // namespace desa::lending
