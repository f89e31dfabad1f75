#include "CICU.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>

void *vb_charset_detector_open(int32_t *status) { return ucsdet_open((UErrorCode *)status); }

void vb_charset_detector_close(void *detector) {
  ucsdet_close((UCharsetDetector *)detector);
}

int32_t vb_charset_detect(void *detector, const char *bytes, int32_t length, char *names,
                          int32_t *confidences, int32_t maxCount, int32_t *status) {
  UErrorCode *code = (UErrorCode *)status;
  UCharsetDetector *det = (UCharsetDetector *)detector;
  ucsdet_setText(det, bytes, length, code);
  int32_t found = 0;
  const UCharsetMatch **matches = ucsdet_detectAll(det, &found, code);
  if (U_FAILURE(*code) || matches == NULL) return 0;
  int32_t count = found < maxCount ? found : maxCount;
  for (int32_t i = 0; i < count; i++) {
    const char *name = ucsdet_getName(matches[i], code);
    confidences[i] = ucsdet_getConfidence(matches[i], code);
    if (U_FAILURE(*code)) return i;
    strncpy(names + 64 * i, name, 63);
    names[64 * i + 63] = 0;
  }
  return count;
}

void *vb_converter_open(const char *name, int32_t *status) {
  return ucnv_open(name, (UErrorCode *)status);
}

void vb_converter_close(void *converter) { ucnv_close((UConverter *)converter); }

const char *vb_converter_name(const void *converter, int32_t *status) {
  return ucnv_getName((const UConverter *)converter, (UErrorCode *)status);
}

/// A to-Unicode callback that substitutes U+FFFD like ICU's default and counts each call.
static void countingSubstitute(const void *context, UConverterToUnicodeArgs *args,
                               const char *codeUnits, int32_t length,
                               UConverterCallbackReason reason, UErrorCode *status) {
  if (reason <= UCNV_IRREGULAR) (*(int32_t *)context)++;
  UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, status);
}

int32_t vb_converter_decode(void *converter, const char *bytes, int32_t length,
                            uint16_t *destination, int32_t capacity, int32_t *substitutions,
                            int32_t *status) {
  UConverter *cnv = (UConverter *)converter;
  UErrorCode *code = (UErrorCode *)status;
  UConverterToUCallback oldAction;
  const void *oldContext;
  *substitutions = 0;
  ucnv_reset(cnv);
  ucnv_setToUCallBack(cnv, countingSubstitute, substitutions, &oldAction, &oldContext, code);
  int32_t result = ucnv_toUChars(cnv, destination, capacity, bytes, length, code);
  UErrorCode restore = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv, oldAction, oldContext, NULL, NULL, &restore);
  return result;
}

int32_t vb_converter_encode(void *converter, const uint16_t *text, int32_t length,
                            char *destination, int32_t capacity, int32_t *status) {
  UConverter *cnv = (UConverter *)converter;
  UErrorCode *code = (UErrorCode *)status;
  ucnv_reset(cnv);
  ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, code);
  return ucnv_fromUChars(cnv, destination, capacity, text, length, code);
}
