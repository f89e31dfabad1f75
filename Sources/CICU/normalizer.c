#include "CICU.h"

#include <stdlib.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

const void *vb_normalizer_instance(int32_t form, int32_t *status) {
  UErrorCode *code = (UErrorCode *)status;
  switch (form) {
  case 0: return unorm2_getNFCInstance(code);
  case 1: return unorm2_getNFDInstance(code);
  case 2: return unorm2_getNFKCInstance(code);
  case 3: return unorm2_getNFKDInstance(code);
  case 4: return unorm2_getNFKCCasefoldInstance(code);
  default: *code = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
  }
}

int32_t vb_normalizer_normalize(const void *normalizer, const uint16_t *source, int32_t length,
                                uint16_t *destination, int32_t capacity, int32_t *status) {
  return unorm2_normalize((const UNormalizer2 *)normalizer, source, length, destination,
                          capacity, (UErrorCode *)status);
}

int32_t vb_normalizer_is_normalized(const void *normalizer, const uint16_t *source,
                                    int32_t length, int32_t *status) {
  return unorm2_isNormalized((const UNormalizer2 *)normalizer, source, length,
                             (UErrorCode *)status);
}

int32_t vb_normalizer_normalize_utf8(const void *normalizer, const char *source, int32_t length,
                                     char *destination, int32_t capacity, int32_t *status) {
  UErrorCode *code = (UErrorCode *)status;
  const UNormalizer2 *norm = (const UNormalizer2 *)normalizer;
  int32_t units = 0;
  UErrorCode probe = U_ZERO_ERROR;
  u_strFromUTF8WithSub(NULL, 0, &units, source, length, 0xFFFD, NULL, &probe);
  UChar *text = (UChar *)malloc(sizeof(UChar) * (size_t)(units > 0 ? units : 1));
  if (text == NULL) { *code = U_MEMORY_ALLOCATION_ERROR; return 0; }
  u_strFromUTF8WithSub(text, units, NULL, source, length, 0xFFFD, NULL, code);
  if (*code == U_STRING_NOT_TERMINATED_WARNING) *code = U_ZERO_ERROR;
  int32_t result = 0;
  if (U_SUCCESS(*code) && unorm2_spanQuickCheckYes(norm, text, units, code) == units) {
    // Already normalized: the UTF-8 is the answer (after U+FFFD substitution, if any).
    u_strToUTF8(destination, capacity, &result, text, units, code);
  } else if (U_SUCCESS(*code)) {
    probe = U_ZERO_ERROR;
    int32_t needed = unorm2_normalize(norm, text, units, NULL, 0, &probe);
    UChar *normalized = (UChar *)malloc(sizeof(UChar) * (size_t)(needed > 0 ? needed : 1));
    if (normalized == NULL) {
      *code = U_MEMORY_ALLOCATION_ERROR;
    } else {
      unorm2_normalize(norm, text, units, normalized, needed, code);
      if (*code == U_STRING_NOT_TERMINATED_WARNING) *code = U_ZERO_ERROR;
      if (U_SUCCESS(*code)) u_strToUTF8(destination, capacity, &result, normalized, needed, code);
      free(normalized);
    }
  }
  if (*code == U_STRING_NOT_TERMINATED_WARNING) *code = U_ZERO_ERROR;
  free(text);
  return result;
}

int32_t vb_normalizer_has_boundary_before(const void *normalizer, uint32_t codePoint) {
  return unorm2_hasBoundaryBefore((const UNormalizer2 *)normalizer, (UChar32)codePoint) ? 1 : 0;
}

int32_t vb_normalizer_is_inert(const void *normalizer, uint32_t codePoint) {
  return unorm2_isInert((const UNormalizer2 *)normalizer, (UChar32)codePoint) ? 1 : 0;
}
