# The same as translit_wikipedia_vs_iuliia, on text with a realistic number of distinct words.
# Wikipedia romanisation of Russian-heavy (pseudo-Russian) text vs iuliia's WIKIPEDIA
# schema, line by line. Verbatim writes digraphs in capitals inside all-caps words (ЦИС ->
# TSIS, iuliia TsIS), so the outputs are not compared (the tests check the scheme).
ROW_NAME=translit_wikipedia_vocab_vs_iuliia
ROW_INPUT=cyrillic_vocab
ROW_VERBATIM='"$VERBATIM" translit --scheme wikipedia "$INPUT"'
ROW_PEER_NAME=iuliia
ROW_PEER_SETUP="pip:iuliia==0.13.0"
ROW_PEER='"$PYTHON" "$PEERS/translit_wikipedia_vs_iuliia_iuliia.py" "$INPUT"'
ROW_SAME_OUTPUT=no
