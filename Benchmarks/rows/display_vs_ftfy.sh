# The display profile (repair, NFC, spaces, invisibles, line endings) vs ftfy.fix_text on
# the corpus mix. The two do different sets of fixes (ftfy also uncurls quotes, folds
# ligatures and full-width forms...), so the outputs are not compared.
ROW_NAME=display_vs_ftfy
ROW_INPUT=mixed
ROW_VERBATIM='"$VERBATIM" normalize --profile display "$INPUT"'
ROW_PEER_NAME=ftfy
ROW_PEER_SETUP="pip:ftfy==6.3.1"
ROW_PEER='"$PYTHON" "$PEERS/display_vs_ftfy_ftfy.py" "$INPUT"'
ROW_SAME_OUTPUT=no
