#include "CICU.h"

#include <unicode/uspoof.h>

void *vb_spoof_open(int32_t *status) {
  UErrorCode *code = (UErrorCode *)status;
  USpoofChecker *checker = uspoof_open(code);
  if (U_FAILURE(*code)) return NULL;
  uspoof_setChecks(checker,
                   USPOOF_SINGLE_SCRIPT_CONFUSABLE | USPOOF_MIXED_SCRIPT_CONFUSABLE |
                       USPOOF_WHOLE_SCRIPT_CONFUSABLE | USPOOF_INVISIBLE |
                       USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_NUMBERS,
                   code);
  uspoof_setRestrictionLevel(checker, USPOOF_SINGLE_SCRIPT_RESTRICTIVE);
  if (U_FAILURE(*code)) {
    uspoof_close(checker);
    return NULL;
  }
  return checker;
}

void vb_spoof_close(void *checker) { uspoof_close((USpoofChecker *)checker); }

int32_t vb_spoof_check(const void *checker, const uint16_t *text, int32_t length,
                       int32_t *status) {
  int32_t bits = uspoof_check2((const USpoofChecker *)checker, text, length, NULL,
                               (UErrorCode *)status);
  int32_t result = 0;
  if (bits & USPOOF_SINGLE_SCRIPT_CONFUSABLE) result |= 1;
  if (bits & USPOOF_MIXED_SCRIPT_CONFUSABLE) result |= 2;
  if (bits & USPOOF_WHOLE_SCRIPT_CONFUSABLE) result |= 4;
  if (bits & USPOOF_INVISIBLE) result |= 8;
  if (bits & USPOOF_RESTRICTION_LEVEL) result |= 16;
  if (bits & USPOOF_MIXED_NUMBERS) result |= 32;
  return result;
}

int32_t vb_spoof_skeleton(const void *checker, const uint16_t *text, int32_t length,
                          uint16_t *destination, int32_t capacity, int32_t *status) {
  return uspoof_getSkeleton((const USpoofChecker *)checker, 0, text, length, destination,
                            capacity, (UErrorCode *)status);
}
