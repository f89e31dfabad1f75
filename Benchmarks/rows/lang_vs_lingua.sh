# Language of every line of the corpus mix (en/ru/pt paragraphs), among the same nine
# languages on both sides. The outputs differ by design (lingua has no und for a line with
# letters, no mixed); accuracy is measured on hand-labelled lines by peers/lang_accuracy.py.
ROW_NAME=lang_vs_lingua
ROW_INPUT=mixed
ROW_VERBATIM='"$VERBATIM" lang --langs be,de,en,es,fr,kk,pt,ru,uk "$INPUT"'
ROW_PEER_NAME=lingua
ROW_PEER_SETUP="pip:lingua-language-detector==2.1.1"
ROW_PEER='"$PYTHON" "$PEERS/lang_lingua.py" "$INPUT"'
ROW_SAME_OUTPUT=no
