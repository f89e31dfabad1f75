# The same ICU transform, Russian-Latin/BGN, run by Verbatim (icu:<id>) and by uconv on
# Russian-heavy (pseudo-Russian) text: same output expected.
ROW_NAME=translit_icu_bgn_vs_uconv
ROW_INPUT=cyrillic
ROW_VERBATIM='"$VERBATIM" translit --scheme icu:Russian-Latin/BGN "$INPUT"'
ROW_PEER_NAME=uconv
ROW_PEER_SETUP="apt:icu-devtools"
ROW_PEER='uconv -f utf-8 -t utf-8 -x Russian-Latin/BGN "$INPUT"'
ROW_SAME_OUTPUT=yes
