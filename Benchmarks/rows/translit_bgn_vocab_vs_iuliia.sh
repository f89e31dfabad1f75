# The same as translit_bgn_vs_iuliia, on text with a realistic number of distinct words.
# BGN/PCGN romanisation of Russian-heavy (pseudo-Russian) text vs iuliia's BGN_PCGN schema,
# line by line. Both follow iuliia's definition, but not byte for byte: Verbatim writes
# digraphs in capitals inside all-caps words (ЦИС -> TSIS, iuliia TsIS) and ё as ë where
# iuliia leaves ё; so the outputs are not compared (the tests check the scheme).
ROW_NAME=translit_bgn_vocab_vs_iuliia
ROW_INPUT=cyrillic_vocab
ROW_VERBATIM='"$VERBATIM" translit --scheme bgn_pcgn "$INPUT"'
ROW_PEER_NAME=iuliia
ROW_PEER_SETUP="pip:iuliia==0.13.0"
ROW_PEER='"$PYTHON" "$PEERS/translit_bgn_vs_iuliia_iuliia.py" "$INPUT"'
ROW_SAME_OUTPUT=no
