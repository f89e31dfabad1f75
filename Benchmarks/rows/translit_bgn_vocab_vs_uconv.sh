# The same as translit_bgn_vs_uconv, on text with a realistic number of distinct words.
# Verbatim's own bgn_pcgn scheme (iuliia's definition) vs ICU's Russian-Latin/BGN through
# uconv on Russian-heavy (pseudo-Russian) text. The two BGN/PCGN tables differ in the soft
# and hard signs (ь ъ are ’ ” in iuliia's, ʹ ʺ in ICU's, which may add a middle dot after
# them), so the outputs are not compared.
ROW_NAME=translit_bgn_vocab_vs_uconv
ROW_INPUT=cyrillic_vocab
ROW_VERBATIM='"$VERBATIM" translit --scheme bgn_pcgn "$INPUT"'
ROW_PEER_NAME=uconv
ROW_PEER_SETUP="apt:icu-devtools"
ROW_PEER='uconv -f utf-8 -t utf-8 -x Russian-Latin/BGN "$INPUT"'
ROW_SAME_OUTPUT=no
