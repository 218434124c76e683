// desa-hub: the provincial hub's server and administrator commands.
#include "cli/hub_cli.hpp"

int main(int argc, char** argv) { return desa::hub::run_cli(argc, argv); }
