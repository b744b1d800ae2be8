// DonorDesk GUI entry point; all behaviour lives in the gui library.
#include "gui/application.h"

int main(int argc, char** argv) { return dd::gui::runApplication(argc, argv); }
