# NFKC normalisation of the corpus mix with compatibility characters sprinkled in.
ROW_NAME=nfkc
ROW_INPUT=compat
ROW_VERBATIM='"$VERBATIM" normalize --form nfkc "$INPUT"'
ROW_PEER_NAME=uconv
ROW_PEER_SETUP="apt:icu-devtools"
ROW_PEER='uconv -f utf-8 -t utf-8 -x Any-NFKC "$INPUT"'
ROW_SAME_OUTPUT=yes
