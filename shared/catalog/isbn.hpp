#pragma once
// ISBNs as librarians, barcode scanners and spreadsheets write them. The catalogue stores one form
// only: 13 digits without hyphens (EAN-13 "Bookland"), so every ISBN-10 is converted on the way in
// and any written form of the same book finds it.
#include <optional>
#include <string>
#include <string_view>

namespace desa::catalog {

// The check digit of the first nine digits of an ISBN-10 (mod-11, weights 10..2; 10 is 'X') and of
// the first twelve of an ISBN-13 (EAN-13: weights 1,3,1,3,...). Digits only, lengths not checked.
char isbn10_check(std::string_view first9);
char isbn13_check(std::string_view first12);

// 10 characters: nine digits then a digit or 'X' (upper case); the mod-11 checksum holds.
bool is_valid_isbn10(std::string_view isbn10);
// 13 digits starting 978 or 979; the mod-10 (EAN-13) checksum holds.
bool is_valid_isbn13(std::string_view isbn13);

// Both take the compact form (digits only, 'X' allowed last in an ISBN-10) and validate it.
std::optional<std::string> isbn10_to_13(std::string_view isbn10);
// Only 978 ISBNs have an ISBN-10; 979 ones (and anything invalid) give nullopt.
std::optional<std::string> isbn13_to_10(std::string_view isbn13);

// Any written form -> the 13-digit ISBN, or nullopt when it is not a valid ISBN:
// "978-0-439-02348-1", "0439023483", "0-439-02348-3", "043965548x", "ISBN 978 0 439 02348 1",
// "ISBN-10: 0439023483", and a 9-digit SBN (the pre-1974 form, an ISBN-10 without its leading 0).
// Text after the number is allowed when separated by a space or bracket ("0439023483 (pbk.)").
std::optional<std::string> normalize_isbn(std::string_view text);

// The damage spreadsheets do, as in goodbooks-10k's `isbn` and `isbn13` columns:
//  - an ISBN-10 stored as a number loses its leading zeros ("439023483", "7442912"): left-padded
//    to 10 digits, accepted only if the checksum then holds (zeros do not change it, so this is
//    exactly as safe as the checksum itself);
//  - an ISBN-13 printed as a float with 12 significant digits ("9.78043902348e+12"): the 13th
//    digit (the check digit) is gone and it ROUNDED the 12th. The true 12-digit prefix is D or D-1;
//    D is possible only if its check digit is 0-5 (rounded down), D-1 only if its check digit is
//    5-9 (rounded up; 5 counts both ways whatever the printer's tie rule). %g trims trailing
//    zeros ("9.78030727e+12" is D = 978030727000); fewer than 8 significant digits means a
//    display rounding ("9.78044E+12"), which is rejected. Exactly one possibility -> recovered; two -> nullopt, we never guess.
// The ISBN-10 column is preferred: it still carries its own check digit.
std::optional<std::string> isbn_from_spreadsheet(std::string_view isbn10_column,
                                                 std::string_view isbn13_column);
// One spreadsheet cell of either kind (normalize_isbn's forms plus the two kinds of damage).
std::optional<std::string> isbn_from_spreadsheet_cell(std::string_view cell);

}  // namespace desa::catalog
