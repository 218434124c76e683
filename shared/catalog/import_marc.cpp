#include "catalog/import_marc.hpp"

#include <algorithm>

#include "catalog/import_text.hpp"
#include "catalog/marc8.hpp"
#include "catalog/marc_mapping.hpp"

namespace desa::catalog {

namespace {

constexpr std::size_t kLeaderSize = 24;
constexpr std::size_t kDirectoryEntrySize = 12;

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t to_number(std::string_view digits) {
    std::size_t n = 0;
    for (char c : digits) n = n * 10 + static_cast<std::size_t>(c - '0');
    return n;
}

// Shows bytes of a damaged header in a message without pasting control characters into it.
std::string printable(std::string_view s) {
    std::string out;
    for (char c : s) out += (c >= 0x20 && c < 0x7F) ? c : '?';
    return out;
}

bool valid_tag(std::string_view tag) {
    return std::all_of(tag.begin(), tag.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    });
}

bool has_high_byte(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Field text to UTF-8, counting what had to be replaced for one warning per field.
class TextDecoder {
public:
    explicit TextDecoder(bool utf8) : utf8_(utf8) {}

    std::string operator()(std::string_view raw) {
        if (utf8_) {
            if (is_valid_utf8(raw)) return std::string(raw);
            std::size_t replaced = 0;
            std::string out = repair_utf8(raw, &replaced);
            invalid_utf8_ += replaced;
            return out;
        }
        Marc8Conversion c = marc8_to_utf8(raw);
        unsupported_ += c.unsupported;
        return std::move(c.utf8);
    }

    void report(const std::string& tag, std::vector<std::string>& warnings) {
        if (invalid_utf8_ > 0)
            warnings.push_back("invalid UTF-8 in field " + tag + " repaired (" + std::to_string(invalid_utf8_) +
                               " byte(s) replaced by U+FFFD)");
        if (unsupported_ > 0)
            warnings.push_back(std::to_string(unsupported_) + " character(s) in field " + tag +
                               " use a MARC-8 script we do not convert; replaced by U+FFFD");
        invalid_utf8_ = unsupported_ = 0;
    }

private:
    bool utf8_;
    std::size_t invalid_utf8_ = 0;
    std::size_t unsupported_ = 0;
};

DecodedMarc fail(std::string reason) {
    DecodedMarc d;
    d.error = std::move(reason);
    return d;
}

}  // namespace

bool looks_like_marc_leader(std::string_view head) {
    return head.size() >= kLeaderSize && all_digits(head.substr(0, 5)) && all_digits(head.substr(12, 5));
}

DecodedMarc decode_iso2709(std::string_view bytes) {
    const std::size_t size = bytes.size();
    if (size < kLeaderSize + 2) return fail("record too short (" + std::to_string(size) + " bytes)");
    if (bytes.back() != kMarcRecordTerminator) return fail("record does not end with the record terminator 0x1D");
    DecodedMarc out;
    const std::string_view leader = bytes.substr(0, kLeaderSize);
    if (!all_digits(leader.substr(0, 5))) {
        out.warnings.push_back("leader record length '" + printable(leader.substr(0, 5)) + "' is not a number");
    } else if (const std::size_t declared = to_number(leader.substr(0, 5)); declared != size) {
        out.warnings.push_back("leader says the record is " + std::to_string(declared) + " bytes, it is " +
                               std::to_string(size));
    }
    if (!all_digits(leader.substr(12, 5)))
        return fail("base address of data '" + printable(leader.substr(12, 5)) + "' is not a number");
    const std::size_t base = to_number(leader.substr(12, 5));
    if (base < kLeaderSize + 1) return fail("base address " + std::to_string(base) + " lies inside the leader");
    if (base >= size)
        return fail("base address " + std::to_string(base) + " is past the end of the record (" +
                    std::to_string(size) + " bytes)");
    if (bytes[base - 1] != kMarcFieldTerminator)
        return fail("directory does not end with 0x1E just before the base address " + std::to_string(base));
    const std::string_view directory = bytes.substr(kLeaderSize, base - 1 - kLeaderSize);
    if (directory.size() % kDirectoryEntrySize != 0)
        return fail("directory is " + std::to_string(directory.size()) + " bytes, not a multiple of 12");
    if (directory.empty()) return fail("record has no fields (empty directory)");
    if (leader[10] != '2' || leader[11] != '2')
        out.warnings.push_back("leader indicator/subfield code counts are '" + printable(leader.substr(10, 2)) +
                               "', MARC 21 has \"22\"; read as 22");

    // leader/09 'a' is UTF-8. A MARC-8 leader over bytes that are valid UTF-8 with non-ASCII text
    // is almost certainly mislabelled UTF-8: real MARC-8 diacritics (0xE0-0xFE before an ASCII
    // letter) are never valid UTF-8.
    bool utf8 = leader[9] == 'a';
    const std::string_view body = bytes.substr(base);
    if (!utf8 && has_high_byte(body) && is_valid_utf8(body)) {
        utf8 = true;
        out.warnings.push_back("leader/09 says MARC-8 but the text is UTF-8; read as UTF-8");
    }
    TextDecoder decode(utf8);

    MarcRecord record;
    record.leader = std::string(leader);
    record.leader[9] = 'a';  // what it is now
    const std::size_t record_end = size - 1;  // the record terminator
    for (std::size_t i = 0; i < directory.size(); i += kDirectoryEntrySize) {
        const std::string_view entry = directory.substr(i, kDirectoryEntrySize);
        const std::string tag = printable(entry.substr(0, 3));
        const std::string where =
            "directory entry " + std::to_string(i / kDirectoryEntrySize + 1) + " (tag " + tag + ")";
        if (!valid_tag(entry.substr(0, 3))) return fail(where + ": tag is not three letters or digits");
        if (!all_digits(entry.substr(3, 4)) || !all_digits(entry.substr(7, 5)))
            return fail(where + ": length '" + printable(entry.substr(3, 4)) + "' or start '" +
                        printable(entry.substr(7, 5)) + "' is not a number");
        const std::size_t length = to_number(entry.substr(3, 4));
        const std::size_t start = base + to_number(entry.substr(7, 5));
        if (length == 0) return fail(where + ": field length is 0");
        if (start + length > record_end)
            return fail(where + ": field at bytes " + std::to_string(start) + "-" + std::to_string(start + length) +
                        " lies outside the record (" + std::to_string(size) + " bytes)");
        if (bytes[start + length - 1] != kMarcFieldTerminator)
            return fail(where + ": field does not end with the field terminator 0x1E");
        const std::string_view data = bytes.substr(start, length - 1);

        MarcField field;
        field.tag = tag;
        if (MarcField::is_control_tag(tag)) {
            field.control = decode(data);
        } else {
            std::string_view rest = data;
            if (!rest.empty() && rest[0] == kMarcSubfieldDelimiter) {
                out.warnings.push_back("field " + tag + " has no indicators; read as blanks");
            } else if (rest.size() < 2) {
                return fail(where + ": data field is shorter than its two indicators");
            } else {
                field.ind1 = rest[0];
                field.ind2 = rest[1];
                rest.remove_prefix(2);
            }
            const std::size_t first = rest.find(kMarcSubfieldDelimiter);
            if (first != 0 && !trim(rest.substr(0, first)).empty())
                out.warnings.push_back("field " + tag + " has text before its first subfield; ignored");
            rest = first == std::string_view::npos ? std::string_view{} : rest.substr(first + 1);
            while (!rest.empty()) {
                const std::size_t next = rest.find(kMarcSubfieldDelimiter);
                const std::string_view piece = rest.substr(0, next);
                if (!piece.empty()) field.subfields.push_back({piece[0], decode(piece.substr(1))});
                rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next + 1);
            }
        }
        decode.report(tag, out.warnings);
        record.fields.push_back(std::move(field));
    }
    out.record = std::move(record);
    return out;
}

void read_marc(std::string_view bytes, const RecordSink& sink) {
    std::size_t pos = 0;
    std::size_t number = 0;
    while (true) {
        // Some tools put a newline after each record; blank space between records is not a record.
        while (pos < bytes.size() && (bytes[pos] == '\n' || bytes[pos] == '\r' || bytes[pos] == ' ' ||
                                      bytes[pos] == '\t' || bytes[pos] == '\0' || bytes[pos] == kMarcRecordTerminator))
            ++pos;
        if (pos >= bytes.size()) break;
        ++number;
        const SourcePosition where{number, pos, 0};
        const std::string_view rest = bytes.substr(pos);
        if (number == 1 && !looks_like_marc_leader(rest))
            throw ImportFormatError("not a MARC 21 (ISO 2709) file: it does not start with a record leader");

        const std::size_t terminator = rest.find(kMarcRecordTerminator);
        const std::size_t chunk = terminator == std::string_view::npos ? rest.size() : terminator + 1;
        // A lost terminator glues two records together; the leader length shows where the next one
        // began: right there if the terminator byte was overwritten, one byte earlier if it was dropped.
        if (all_digits(rest.substr(0, 5))) {
            const std::size_t declared = to_number(rest.substr(0, 5));
            std::size_t next = 0;
            for (std::size_t candidate : {declared, declared - 1})
                if (next == 0 && candidate > kLeaderSize && candidate < chunk &&
                    looks_like_marc_leader(rest.substr(candidate)))
                    next = candidate;
            if (next != 0) {
                sink.on_skipped({where, "record terminator 0x1D missing at byte " + std::to_string(pos + next - 1) +
                                            " (the next record starts at byte " + std::to_string(pos + next) + ")"});
                pos += next;
                continue;
            }
        }
        if (terminator == std::string_view::npos) {
            sink.on_skipped({where, "file ends inside this record (" + std::to_string(rest.size()) +
                                        " bytes, no record terminator 0x1D): truncated"});
            break;
        }
        pos += chunk;
        DecodedMarc decoded = decode_iso2709(rest.substr(0, chunk));
        if (!decoded.record) {
            sink.on_skipped({where, std::move(decoded.error)});
            continue;
        }
        MarcMapping mapped = record_from_marc(*decoded.record);
        if (!mapped.record) {
            sink.on_skipped({where, std::move(mapped.skip_reason)});
            continue;
        }
        ParsedRecord parsed{std::move(*mapped.record), where, std::move(decoded.warnings)};
        for (auto& w : mapped.warnings) parsed.warnings.push_back(std::move(w));
        parsed.copy_status_known = mapped.copy_status_known;
        sink.on_record(std::move(parsed));
    }
}

ParseResult read_marc(std::string_view bytes) {
    ParseResult result;
    read_marc(bytes, collect_into(result));
    return result;
}

}  // namespace desa::catalog
