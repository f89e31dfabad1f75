// The umbrella module: `import Verbatim` gives every capability.

@_exported public import Alignment
@_exported public import Cleaning
@_exported public import Dates
@_exported public import ICU
@_exported public import LanguageDetection
@_exported public import Locales
@_exported public import Normalization
@_exported public import Pipeline
@_exported public import Store
@_exported public import TextModel
@_exported public import Transliteration
