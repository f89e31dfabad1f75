// The C shim over the system ICU (libicu-dev). This header is the only interface Swift sees:
// it declares plain C types only (uint16_t text, int32_t status codes, opaque handles), so
// it never clashes with the ICU copy inside Foundation. The .c files include <unicode/*.h>.
//
// Status codes are ICU's UErrorCode values: 0 is success, negative values are warnings,
// positive values are errors. Text is UTF-16 (ICU's UChar) with explicit lengths.

#ifndef VERBATIM_CICU_H
#define VERBATIM_CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The symbolic name of an ICU status code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *vb_error_name(int32_t status);

/// The ICU version string, e.g. "72.1".
void vb_icu_version(char *buffer, int32_t capacity);

// MARK: Normalization (unorm2)

/// Normalization forms, in this order: NFC, NFD, NFKC, NFKD, NFKC_Casefold.
const void *vb_normalizer_instance(int32_t form, int32_t *status);
int32_t vb_normalizer_normalize(const void *normalizer, const uint16_t *source, int32_t length,
                                uint16_t *destination, int32_t capacity, int32_t *status);
/// Normalizes UTF-8 to UTF-8 (invalid bytes become U+FFFD). Text already in the form is
/// copied as it is. Returns the output length; on U_BUFFER_OVERFLOW_ERROR, the length
/// needed.
int32_t vb_normalizer_normalize_utf8(const void *normalizer, const char *source, int32_t length,
                                     char *destination, int32_t capacity, int32_t *status);
/// 1 when the code point starts a normalization segment (nothing before it interacts).
int32_t vb_normalizer_has_boundary_before(const void *normalizer, uint32_t codePoint);
/// 1 when the code point is unaffected by normalization in any context.
int32_t vb_normalizer_is_inert(const void *normalizer, uint32_t codePoint);
/// 1 when the text is already in the normalizer's form.
int32_t vb_normalizer_is_normalized(const void *normalizer, const uint16_t *source,
                                    int32_t length, int32_t *status);

// MARK: Transforms (utrans)

/// Opens a transform by ICU id; direction 0 is forward, 1 is reverse.
void *vb_transliterator_open_id(const uint16_t *id, int32_t idLength, int32_t direction,
                                int32_t *status);
/// Compiles custom rules. On a syntax error, `errorLine` and `errorOffset` locate it
/// (ICU counts lines from 0 when it knows them, -1 otherwise).
void *vb_transliterator_open_rules(const uint16_t *id, int32_t idLength, const uint16_t *rules,
                                   int32_t rulesLength, int32_t direction, int32_t *errorLine,
                                   int32_t *errorOffset, int32_t *status);
void *vb_transliterator_clone(const void *transliterator, int32_t *status);
void vb_transliterator_close(void *transliterator);
/// Transforms `text[0..<*length]` in place. On U_BUFFER_OVERFLOW_ERROR, `*length` is the
/// length needed and the buffer's content is undefined.
void vb_transliterator_transform(const void *transliterator, uint16_t *text, int32_t *length,
                                 int32_t capacity, int32_t *status);
/// An enumeration of the registered transform ids; read it with vb_enumeration_next.
void *vb_transliterator_open_ids(int32_t *status);

/// The next string of an enumeration into `buffer`; returns its length, or -1 at the end.
int32_t vb_enumeration_next(void *enumeration, uint16_t *buffer, int32_t capacity,
                            int32_t *status);
void vb_enumeration_close(void *enumeration);

// MARK: Break iteration (ubrk)

/// Kinds: 0 character, 1 word, 2 line, 3 sentence.
void *vb_break_open(int32_t kind, const char *locale, int32_t *status);
void vb_break_close(void *iterator);
void vb_break_set_text(void *iterator, const uint16_t *text, int32_t length, int32_t *status);
int32_t vb_break_first(void *iterator);
/// The next boundary, or -1 when there is none.
int32_t vb_break_next(void *iterator);
/// The rule status of the segment ending at the current boundary (UWordBreak values).
int32_t vb_break_rule_status(void *iterator);

// MARK: Spoof checks (uspoof)

void *vb_spoof_open(int32_t *status);
void vb_spoof_close(void *checker);
/// Check bits reported by vb_spoof_check, in our own numbering:
/// 1 single-script confusable, 2 mixed-script confusable, 4 whole-script confusable,
/// 8 invisible characters, 16 not single-script (restriction level), 32 mixed numbers.
int32_t vb_spoof_check(const void *checker, const uint16_t *text, int32_t length,
                       int32_t *status);
int32_t vb_spoof_skeleton(const void *checker, const uint16_t *text, int32_t length,
                          uint16_t *destination, int32_t capacity, int32_t *status);

// MARK: Scripts (uscript)

/// The UScriptCode of a code point (Script property, not Script_Extensions).
int32_t vb_script_of(uint32_t codePoint, int32_t *status);
/// 1 when the code point's Script_Extensions contain `script`.
int32_t vb_script_has(uint32_t codePoint, int32_t script);
/// The ISO 15924 short name ("Latn"), or NULL for an invalid code.
const char *vb_script_short_name(int32_t script);
/// The UScriptCode for an ISO 15924 code or script name, or -1.
int32_t vb_script_code(const char *name);

// MARK: Charsets (ucsdet, ucnv)

void *vb_charset_detector_open(int32_t *status);
void vb_charset_detector_close(void *detector);
/// Ranks candidate charsets for `bytes`. Writes up to `maxCount` names (each at most 63
/// bytes, NUL-terminated, in 64-byte slots of `names`) and confidences (0-100); returns
/// the number written.
int32_t vb_charset_detect(void *detector, const char *bytes, int32_t length, char *names,
                          int32_t *confidences, int32_t maxCount, int32_t *status);

void *vb_converter_open(const char *name, int32_t *status);
void vb_converter_close(void *converter);
/// The converter's canonical name.
const char *vb_converter_name(const void *converter, int32_t *status);
/// Decodes bytes to UTF-16. Illegal or unmappable bytes become U+FFFD; `*substitutions`
/// counts them.
int32_t vb_converter_decode(void *converter, const char *bytes, int32_t length,
                            uint16_t *destination, int32_t capacity, int32_t *substitutions,
                            int32_t *status);
/// Encodes UTF-16 to bytes. An unmappable character stops with U_INVALID_CHAR_FOUND.
int32_t vb_converter_encode(void *converter, const uint16_t *text, int32_t length,
                            char *destination, int32_t capacity, int32_t *status);

// MARK: Case mapping (ustring)

/// Full case folding (U_FOLD_CASE_DEFAULT).
int32_t vb_fold_case(const uint16_t *source, int32_t length, uint16_t *destination,
                     int32_t capacity, int32_t *status);
/// Full lowercase mapping for a locale ("" for root; "tr" and "az" map I to ı).
int32_t vb_to_lower(const uint16_t *source, int32_t length, const char *locale,
                    uint16_t *destination, int32_t capacity, int32_t *status);
int32_t vb_to_upper(const uint16_t *source, int32_t length, const char *locale,
                    uint16_t *destination, int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
