#include <png.h>
// The importer drops macros built from macros; re-export what Swift needs.
static const png_uint_32 CPNG_FORMAT_RGBA = PNG_FORMAT_RGBA;
static const int CPNG_IMAGE_VERSION = PNG_IMAGE_VERSION;
