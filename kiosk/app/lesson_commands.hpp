#pragma once
// `desa-kiosk lessons validate|import|list|manifest`: the operator's and author's way to lesson
// packages, through the same code the import screen and the hub channel use.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "app/kiosk_context.hpp"
#include "lessons/lesson_package.hpp"

namespace desa::kiosk {

// Adds `lessons`; the returned function runs it on a loaded context (-1 when not chosen).
std::function<int(KioskContext&)> add_lesson_commands(CLI::App& cli);

// One translated line per problem: "<file>: <message> (<detail>)".
std::vector<std::string> describe_problems(const KioskContext& ctx, i18n::Language lang,
                                           const std::vector<lessons::PackageProblem>& problems);

}  // namespace desa::kiosk
