#include "catalog/import_marcxml.hpp"

#include <expat.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/marc_mapping.hpp"
#include "catalog/marc_record.hpp"

namespace desa::catalog {

namespace {

constexpr std::string_view kMarcNamespace = "http://www.loc.gov/MARC21/slim";
constexpr char kNamespaceSeparator = '|';
// expat takes an int length; feeding a large file in slices also keeps its buffers small.
constexpr std::size_t kSliceBytes = 8u << 20;

struct ParserDeleter {
    void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

// "uri|local" (namespaced) or "local"; only MARC-namespace or un-namespaced names are ours.
std::optional<std::string_view> marc_name(const XML_Char* name) {
    const std::string_view full(name);
    const auto bar = full.rfind(kNamespaceSeparator);
    if (bar == std::string_view::npos) return full;
    if (full.substr(0, bar) != kMarcNamespace) return std::nullopt;
    return full.substr(bar + 1);
}

const XML_Char* attribute(const XML_Char** attrs, std::string_view wanted) {
    for (std::size_t i = 0; attrs[i] != nullptr; i += 2)
        if (wanted == attrs[i]) return attrs[i + 1];
    return nullptr;
}

class MarcXmlReader {
public:
    explicit MarcXmlReader(const RecordSink& sink) : sink_(sink) {}

    void run(std::string_view bytes) {
        std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreateNS(nullptr, kNamespaceSeparator));
        if (!parser) throw std::bad_alloc();
        parser_ = parser.get();
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &MarcXmlReader::on_start, &MarcXmlReader::on_end);
        XML_SetCharacterDataHandler(parser_, &MarcXmlReader::on_text);

        std::size_t offset = 0;
        do {
            const std::size_t n = std::min(kSliceBytes, bytes.size() - offset);
            const bool last = offset + n == bytes.size();
            const XML_Status status = XML_Parse(parser_, bytes.data() + offset, static_cast<int>(n), last ? 1 : 0);
            if (failure_) std::rethrow_exception(failure_);  // the sink threw (e.g. the database)
            if (status != XML_STATUS_OK) {
                throw ImportFormatError("malformed XML at line " + std::to_string(XML_GetCurrentLineNumber(parser_)) +
                                        ", column " + std::to_string(XML_GetCurrentColumnNumber(parser_) + 1) + ": " +
                                        XML_ErrorString(XML_GetErrorCode(parser_)));
            }
            offset += n;
        } while (offset < bytes.size());
        if (records_seen_ == 0 && !root_is_marc_)
            throw ImportFormatError("not MARCXML: the root element is <" + root_ + "> and no MARC <record> is in it");
    }

private:
    static void on_start(void* self, const XML_Char* name, const XML_Char** attrs) {
        static_cast<MarcXmlReader*>(self)->start(name, attrs);
    }
    static void on_end(void* self, const XML_Char* name) { static_cast<MarcXmlReader*>(self)->end(name); }
    static void on_text(void* self, const XML_Char* text, int len) {
        auto* r = static_cast<MarcXmlReader*>(self);
        if (r->capturing_) r->text_.append(text, static_cast<std::size_t>(len));
    }

    void start(const XML_Char* raw_name, const XML_Char** attrs) {
        const auto name = marc_name(raw_name);
        if (depth_++ == 0) {
            root_ = std::string_view(raw_name).substr(std::string_view(raw_name).rfind(kNamespaceSeparator) + 1);
            root_is_marc_ = name && (*name == "collection" || *name == "record");
        }
        if (!name) return;
        if (*name == "record") {
            ++records_seen_;
            record_.emplace();
            error_.clear();
            warnings_.clear();
            where_ = {records_seen_, static_cast<std::size_t>(XML_GetCurrentByteIndex(parser_)),
                      static_cast<std::size_t>(XML_GetCurrentLineNumber(parser_))};
            return;
        }
        if (!record_) return;  // MARC-looking element outside a record: not ours to judge
        text_.clear();
        if (*name == "leader") {
            capturing_ = true;
        } else if (*name == "controlfield" || *name == "datafield") {
            const XML_Char* tag = attribute(attrs, "tag");
            if (tag == nullptr || std::string_view(tag).size() != 3) {
                if (error_.empty())
                    error_ = "<" + std::string(*name) + "> at line " +
                             std::to_string(XML_GetCurrentLineNumber(parser_)) + " has no valid tag attribute";
                field_.reset();
                return;
            }
            field_.emplace();
            field_->tag = tag;
            if (*name == "datafield") {
                const XML_Char* i1 = attribute(attrs, "ind1");
                const XML_Char* i2 = attribute(attrs, "ind2");
                field_->ind1 = i1 != nullptr && *i1 != '\0' ? *i1 : ' ';
                field_->ind2 = i2 != nullptr && *i2 != '\0' ? *i2 : ' ';
            } else {
                capturing_ = true;
            }
        } else if (*name == "subfield" && field_) {
            const XML_Char* code = attribute(attrs, "code");
            if (code == nullptr || *code == '\0') {
                warnings_.push_back("subfield without code in field " + field_->tag + " at line " +
                                    std::to_string(XML_GetCurrentLineNumber(parser_)) + "; ignored");
                return;
            }
            subfield_code_ = *code;
            capturing_ = true;
        }
    }

    void end(const XML_Char* raw_name) {
        --depth_;
        const auto name = marc_name(raw_name);
        if (!name || !record_) return;
        if (*name == "leader") {
            record_->leader = text_;
        } else if (*name == "controlfield" && field_) {
            field_->control = text_;
            record_->fields.push_back(std::move(*field_));
            field_.reset();
        } else if (*name == "subfield" && field_ && capturing_) {
            field_->subfields.push_back({subfield_code_, text_});
        } else if (*name == "datafield" && field_) {
            record_->fields.push_back(std::move(*field_));
            field_.reset();
        } else if (*name == "record") {
            finish_record();
        }
        capturing_ = false;
        text_.clear();
    }

    void finish_record() {
        MarcRecord marc = std::move(*record_);
        record_.reset();
        // The sink may throw (a full disk); an exception must not unwind through expat's C frames.
        try {
            if (!error_.empty()) {
                sink_.on_skipped({where_, error_});
                return;
            }
            MarcMapping mapped = record_from_marc(marc);
            if (!mapped.record) {
                sink_.on_skipped({where_, std::move(mapped.skip_reason)});
                return;
            }
            ParsedRecord parsed{std::move(*mapped.record), where_, std::move(warnings_)};
            for (auto& w : mapped.warnings) parsed.warnings.push_back(std::move(w));
        parsed.copy_status_known = mapped.copy_status_known;
            sink_.on_record(std::move(parsed));
        } catch (...) {
            failure_ = std::current_exception();
            XML_StopParser(parser_, XML_FALSE);
        }
    }

    const RecordSink& sink_;
    XML_Parser parser_ = nullptr;
    std::exception_ptr failure_;
    int depth_ = 0;
    std::string root_;
    bool root_is_marc_ = false;
    std::size_t records_seen_ = 0;
    std::optional<MarcRecord> record_;
    std::optional<MarcField> field_;
    SourcePosition where_;
    std::string error_;
    std::vector<std::string> warnings_;
    bool capturing_ = false;
    char subfield_code_ = 'a';
    std::string text_;
};

}  // namespace

void read_marcxml(std::string_view bytes, const RecordSink& sink) { MarcXmlReader(sink).run(bytes); }

ParseResult read_marcxml(std::string_view bytes) {
    ParseResult result;
    read_marcxml(bytes, collect_into(result));
    return result;
}

}  // namespace desa::catalog
