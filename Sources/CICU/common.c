#include "CICU.h"

#include <unicode/uenum.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

const char *vb_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void vb_icu_version(char *buffer, int32_t capacity) {
  UVersionInfo version;
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(version);
  u_versionToString(version, text);
  int32_t i = 0;
  for (; i + 1 < capacity && text[i] != 0; i++) buffer[i] = text[i];
  if (capacity > 0) buffer[i] = 0;
}

int32_t vb_enumeration_next(void *enumeration, uint16_t *buffer, int32_t capacity,
                            int32_t *status) {
  int32_t length = 0;
  const UChar *next = uenum_unext((UEnumeration *)enumeration, &length, (UErrorCode *)status);
  if (next == NULL) return -1;
  for (int32_t i = 0; i < length && i < capacity; i++) buffer[i] = next[i];
  return length;
}

void vb_enumeration_close(void *enumeration) { uenum_close((UEnumeration *)enumeration); }
