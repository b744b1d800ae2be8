#pragma once
// The whole life of the GUI process; src/main.cpp only calls this.
namespace dd::gui {
int runApplication(int argc, char** argv);
}
