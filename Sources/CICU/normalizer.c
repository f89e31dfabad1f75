#include "CICU.h"

#include <unicode/unorm2.h>

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
