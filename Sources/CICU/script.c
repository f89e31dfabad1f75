#include "CICU.h"

#include <unicode/uscript.h>

int32_t vb_script_of(uint32_t codePoint, int32_t *status) {
  return uscript_getScript((UChar32)codePoint, (UErrorCode *)status);
}

int32_t vb_script_has(uint32_t codePoint, int32_t script) {
  return uscript_hasScript((UChar32)codePoint, (UScriptCode)script) ? 1 : 0;
}

const char *vb_script_short_name(int32_t script) {
  return uscript_getShortName((UScriptCode)script);
}

int32_t vb_script_code(const char *name) {
  UScriptCode codes[4];
  UErrorCode status = U_ZERO_ERROR;
  int32_t count = uscript_getCode(name, codes, 4, &status);
  if (U_FAILURE(status) || count < 1) return -1;
  return codes[0];
}
