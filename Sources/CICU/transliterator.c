#include "CICU.h"

#include <unicode/parseerr.h>
#include <unicode/utrans.h>

void *vb_transliterator_open_id(const uint16_t *id, int32_t idLength, int32_t direction,
                                int32_t *status) {
  return utrans_openU(id, idLength, direction == 1 ? UTRANS_REVERSE : UTRANS_FORWARD, NULL, 0,
                      NULL, (UErrorCode *)status);
}

void *vb_transliterator_open_rules(const uint16_t *id, int32_t idLength, const uint16_t *rules,
                                   int32_t rulesLength, int32_t direction, int32_t *errorLine,
                                   int32_t *errorOffset, int32_t *status) {
  UParseError parseError;
  parseError.line = -1;
  parseError.offset = -1;
  UTransliterator *result =
      utrans_openU(id, idLength, direction == 1 ? UTRANS_REVERSE : UTRANS_FORWARD, rules,
                   rulesLength, &parseError, (UErrorCode *)status);
  *errorLine = parseError.line;
  *errorOffset = parseError.offset;
  return result;
}

void *vb_transliterator_clone(const void *transliterator, int32_t *status) {
  return utrans_clone((const UTransliterator *)transliterator, (UErrorCode *)status);
}

void vb_transliterator_close(void *transliterator) {
  utrans_close((UTransliterator *)transliterator);
}

void vb_transliterator_transform(const void *transliterator, uint16_t *text, int32_t *length,
                                 int32_t capacity, int32_t *status) {
  int32_t limit = *length;
  utrans_transUChars((const UTransliterator *)transliterator, text, length, capacity, 0, &limit,
                     (UErrorCode *)status);
}

void *vb_transliterator_open_ids(int32_t *status) {
  return utrans_openIDs((UErrorCode *)status);
}
