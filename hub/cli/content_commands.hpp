#pragma once
// Pieces of `desa-hub content` (content_commands.cpp): the catalogue publisher lives in its own
// file (content_catalog.cpp).
#include <CLI/CLI.hpp>

#include "cli/cli_context.hpp"

namespace desa::hub {

// `content publish catalog FILE... [--library ID]... [--library-name TEXT]... [--village CODE]...
// [--remove-library ID]...` (or one DIR of the channel's files, published as they are).
void add_catalog_publish_command(CLI::App& publish, CliContext& ctx);

// `content publish queue-services FILE.toml --village CODE [--json]` (content_queue_services.cpp).
void add_queue_services_publish_command(CLI::App& publish, CliContext& ctx);

// `content publish lessons PATH [--json]`: one lesson course, validated like the kiosk does
// (content_lessons.cpp).
void add_lessons_publish_command(CLI::App& publish, CliContext& ctx);

}  // namespace desa::hub
