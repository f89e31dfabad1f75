# NFC normalisation of a decomposed (NFD) copy of the corpus mix.
ROW_NAME=nfc
ROW_INPUT=nfd
ROW_VERBATIM='"$VERBATIM" normalize --form nfc "$INPUT"'
ROW_PEER_NAME=uconv
ROW_PEER_SETUP="apt:icu-devtools"
ROW_PEER='uconv -f utf-8 -t utf-8 -x Any-NFC "$INPUT"'
ROW_SAME_OUTPUT=yes
