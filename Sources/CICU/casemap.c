#include "CICU.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>

int32_t vb_fold_case(const uint16_t *source, int32_t length, uint16_t *destination,
                     int32_t capacity, int32_t *status) {
  return u_strFoldCase(destination, capacity, source, length, U_FOLD_CASE_DEFAULT,
                       (UErrorCode *)status);
}

int32_t vb_to_lower(const uint16_t *source, int32_t length, const char *locale,
                    uint16_t *destination, int32_t capacity, int32_t *status) {
  return u_strToLower(destination, capacity, source, length, locale, (UErrorCode *)status);
}

int32_t vb_to_upper(const uint16_t *source, int32_t length, const char *locale,
                    uint16_t *destination, int32_t capacity, int32_t *status) {
  return u_strToUpper(destination, capacity, source, length, locale, (UErrorCode *)status);
}
