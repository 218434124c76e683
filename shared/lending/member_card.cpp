#include "lending/member_card.hpp"

#include "core/readable_code.hpp"

namespace desa::lending {
namespace {

static_assert(kCardAlphabet == readable_code::kAlphabet);

bool village_code_shape(std::string_view v) {
    // "18.01.04.2001": PP.KK.CC.DDDD
    if (v.size() != 13) return false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const bool dot = i == 2 || i == 5 || i == 8;
        if (dot ? v[i] != '.' : (v[i] < '0' || v[i] > '9')) return false;
    }
    return true;
}

CardProblem card_problem(readable_code::Problem p) {
    switch (p) {
        case readable_code::Problem::Empty: return CardProblem::Empty;
        case readable_code::Problem::BadCharacter: return CardProblem::BadCharacter;
        case readable_code::Problem::WrongLength: return CardProblem::WrongLength;
        case readable_code::Problem::CheckFailed: return CardProblem::CheckFailed;
    }
    return CardProblem::Empty;
}

}  // namespace

// The codes and their check character are core/readable_code's (shared with tracking codes).
std::string new_card_code() { return readable_code::make(kCardCodeLength - 1); }

CardCheck check_card_code(std::string_view typed) {
    const readable_code::Check c = readable_code::check(typed, kCardCodeLength);
    if (!c.code) return {std::nullopt, card_problem(*c.problem)};
    return {c.code, std::nullopt};
}

std::string group_card_code(std::string_view code) {
    if (code.size() != kCardCodeLength) return std::string(code);
    return readable_code::group(code, 3);
}

std::string member_card_payload(std::string_view village_code, std::string_view code) {
    return std::string(kCardPayloadPrefix) + std::string(village_code) + ":" + std::string(code);
}

PayloadCheck parse_member_card_payload(std::string_view text) {
    PayloadCheck out;
    if (!text.starts_with(kCardPayloadPrefix)) return out;
    out.is_member_card = true;
    const std::string_view rest = text.substr(kCardPayloadPrefix.size());
    const auto colon = rest.find(':');
    if (colon == std::string_view::npos || !village_code_shape(rest.substr(0, colon))) {
        out.problem = CardProblem::DamagedPayload;
        return out;
    }
    const std::string_view code_text = rest.substr(colon + 1);
    // The payload is written by us: exactly the canonical code, nothing to tolerate.
    const CardCheck code = check_card_code(code_text);
    if (!code.code || *code.code != code_text) {
        out.problem = CardProblem::DamagedPayload;
        return out;
    }
    out.card = CardPayload{std::string(rest.substr(0, colon)), *code.code};
    return out;
}

CardCheck read_card_entry(std::string_view text, std::string_view own_village_code) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    const PayloadCheck payload = parse_member_card_payload(text);
    if (!payload.is_member_card) return check_card_code(text);
    if (!payload.card) return {std::nullopt, payload.problem};
    if (payload.card->village_code != own_village_code) return {std::nullopt, CardProblem::OtherVillage};
    return {payload.card->code, std::nullopt};
}

std::string_view card_problem_name(CardProblem p) {
    switch (p) {
        case CardProblem::Empty: return "empty";
        case CardProblem::BadCharacter: return "bad_character";
        case CardProblem::WrongLength: return "wrong_length";
        case CardProblem::CheckFailed: return "check_failed";
        case CardProblem::OtherVillage: return "other_village";
        case CardProblem::DamagedPayload: return "damaged_payload";
    }
    return "empty";
}

}  // namespace desa::lending
