// docs/hub-api.yaml and the hub's routes agree: the same paths with the same methods, each one
// answered by the running binary (not httplib's bare 404), and each named in docs/sync-protocol.md.
#include <regex>
#include <set>
#include <sstream>

#include "hub_setup.hpp"
#include "server/hub_server.hpp"

using namespace desa::hub;
using namespace desa::hub::test;

namespace {

// The paths: block of an OpenAPI file: "  /path:" then "    method:" lines.
std::set<std::string> spec_routes(const std::string& yaml) {
    std::set<std::string> out;
    std::istringstream in(yaml);
    std::string line, path;
    bool in_paths = false;
    const std::regex path_line(R"(^  (/\S*):\s*$)");
    const std::regex method_line(R"(^    (get|put|post|delete|patch|head|options):\s*$)");
    while (std::getline(in, line)) {
        if (line == "paths:") {
            in_paths = true;
            continue;
        }
        if (!in_paths) continue;
        if (!line.empty() && line[0] != ' ') break;  // the next top-level key
        std::smatch m;
        if (std::regex_match(line, m, path_line)) {
            path = m[1];
        } else if (std::regex_match(line, m, method_line)) {
            std::string method = m[1];
            for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            out.insert(method + " " + path);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("docs/hub-api.yaml lists exactly the routes desa-hub registers", "[hub][spec]") {
    const auto yaml = desa::test::read_file(std::string(DESA_SOURCE_DIR) + "/docs/hub-api.yaml");
    CHECK(yaml.starts_with("openapi: 3."));
    const auto in_spec = spec_routes(yaml);
    std::set<std::string> in_code;
    for (const auto& r : hub_routes()) in_code.insert(r.method + " " + r.path);
    CHECK(in_spec == in_code);
    CHECK(in_code.size() == hub_routes().size());  // no route registered twice

    // The protocol document names every one of them (its path form is /v1/channels/<name>/...).
    const auto protocol = desa::test::read_file(std::string(DESA_SOURCE_DIR) + "/docs/sync-protocol.md");
    for (const auto& r : hub_routes()) {
        const std::string doc_path = std::regex_replace(r.path, std::regex(R"(\{(\w+)\})"), "<$1>");
        INFO(r.method << " " << doc_path);
        CHECK(protocol.find("`" + r.method + " " + doc_path) != std::string::npos);
    }
}

TEST_CASE("every route of the spec is served by the real binary", "[hub][spec]") {
    auto backends = test_backends();
    HubSetup hub(std::move(backends.front()));
    for (const auto& r : hub_routes()) {
        std::string path = std::regex_replace(
            std::regex_replace(r.path, std::regex(R"(\{name\})"), "slides"), std::regex(R"(\{sha256\})"),
            std::string(64, 'a'));
        path = std::regex_replace(path, std::regex(R"(\{code\})"), "K7MQ9XD4P");
        INFO(r.method << " " << path);
        const auto res = r.method == "GET" ? hub.client->Get(path.c_str()) : hub.client->Post(path.c_str(), "{}", "application/json");
        REQUIRE(res);
        // Unsigned: 401 from a signed route, 400 from the unsigned ones without their input (the
        // enrolment's body, the certificate's qr); never the router's 404.
        const bool unsigned_route = r.path == "/v1/enroll" || r.path == "/v1/certificates/verify";
        CHECK(res->status == (unsigned_route ? 400 : 401));
    }
}
