#pragma once
// The word a configuration problem uses for a TOML value's type ("expected integer, got string").
#include <toml++/toml.h>

namespace desa::config {

const char* toml_type_name(toml::node_type type);

}  // namespace desa::config
