#include "CICU.h"

#include <unicode/ubrk.h>

void *vb_break_open(int32_t kind, const char *locale, int32_t *status) {
  UBreakIteratorType type;
  switch (kind) {
  case 0: type = UBRK_CHARACTER; break;
  case 1: type = UBRK_WORD; break;
  case 2: type = UBRK_LINE; break;
  case 3: type = UBRK_SENTENCE; break;
  default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
  }
  return ubrk_open(type, locale, NULL, 0, (UErrorCode *)status);
}

void vb_break_close(void *iterator) { ubrk_close((UBreakIterator *)iterator); }

void vb_break_set_text(void *iterator, const uint16_t *text, int32_t length, int32_t *status) {
  ubrk_setText((UBreakIterator *)iterator, text, length, (UErrorCode *)status);
}

int32_t vb_break_first(void *iterator) { return ubrk_first((UBreakIterator *)iterator); }

int32_t vb_break_next(void *iterator) {
  int32_t next = ubrk_next((UBreakIterator *)iterator);
  return next == UBRK_DONE ? -1 : next;
}

int32_t vb_break_rule_status(void *iterator) {
  return ubrk_getRuleStatus((UBreakIterator *)iterator);
}
