/* The plugin contract is header-only; SwiftPM needs one source file in a C target. */
#include "calapi_plugin.h"
