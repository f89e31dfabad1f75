# Dates found and resolved in the corpus mix, against dateparser.search_dates
# (languages en, ru, pt; RELATIVE_BASE set to the same reference date).
ROW_NAME=dates
ROW_INPUT=mixed
ROW_VERBATIM='"$VERBATIM" dates --reference 2022-09-30 --json "$INPUT"'
ROW_PEER_NAME=dateparser
ROW_PEER_SETUP="pip:dateparser==1.2.0"
ROW_PEER='"$PYTHON" "$PEERS/dates_dateparser.py" "$INPUT"'
ROW_SAME_OUTPUT=no
